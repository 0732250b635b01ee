// Small behaviours shared by every page, without inline scripts (the CSP forbids them).
(function () {
  'use strict';

  function alertBox(message) {
    var box = document.getElementById('alert');
    if (!box) { return; }
    box.textContent = message;
    box.hidden = false;
  }

  // htmx does not swap error responses: show their text instead.
  document.addEventListener('htmx:responseError', function (e) {
    var xhr = e.detail.xhr;
    alertBox(xhr.responseText || ('The server answered ' + xhr.status + '.'));
  });
  document.addEventListener('htmx:sendError', function () {
    alertBox('The server cannot be reached.');
  });
  document.addEventListener('htmx:beforeRequest', function () {
    var box = document.getElementById('alert');
    if (box) { box.hidden = true; }
  });

  // Forms marked data-autosubmit submit when one of their selects changes.
  document.addEventListener('change', function (e) {
    var form = e.target.closest && e.target.closest('form[data-autosubmit]');
    if (form && e.target.tagName === 'SELECT') { form.requestSubmit(); }
  });
})();
