// Pushmill gateway UI: tabs, deletions, and which sections are open (kept for the session).
(function () {
  'use strict';
  var STATE_KEY = 'pushmill.open';

  function showTab(id) {
    document.querySelectorAll('nav .tab').forEach(function (t) {
      t.classList.toggle('active', t.dataset.tab === id);
    });
    document.getElementById('metrics-tab').hidden = id !== 'metrics-tab';
    document.getElementById('status-tab').hidden = id !== 'status-tab';
  }

  function openKeys() {
    try {
      return JSON.parse(sessionStorage.getItem(STATE_KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  function saveOpenKeys() {
    var keys = [];
    document.querySelectorAll('details.group[open]').forEach(function (d) {
      keys.push(d.dataset.key);
    });
    sessionStorage.setItem(STATE_KEY, JSON.stringify(keys));
  }

  function deleteGroup(button) {
    if (!window.confirm('Do you really want to delete all metrics of group ' + button.dataset.group + '?')) {
      return;
    }
    fetch(button.dataset.path, { method: 'DELETE' }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status + ' ' + r.statusText);
      }
      button.closest('details.group').remove();
      var counter = document.querySelector('#delete-all .count');
      if (counter) {
        counter.textContent = String(Math.max(0, Number(counter.textContent) - 1));
      }
    }).catch(function (e) {
      window.alert('Deleting metric group failed: ' + e.message);
    });
  }

  function deleteAll() {
    if (!window.confirm('Do you really want to delete all metrics from all metric groups?')) {
      return;
    }
    fetch('api/v1/admin/wipe', { method: 'PUT' }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status + ' ' + r.statusText);
      }
      document.querySelectorAll('details.group').forEach(function (d) { d.remove(); });
      document.getElementById('delete-all').disabled = true;
    }).catch(function (e) {
      window.alert('Deleting all metric groups failed: ' + e.message);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('nav .tab').forEach(function (t) {
      t.addEventListener('click', function () { showTab(t.dataset.tab); });
    });
    var open = openKeys();
    document.querySelectorAll('details.group').forEach(function (d) {
      if (open.indexOf(d.dataset.key) >= 0) {
        d.open = true;
      }
      d.addEventListener('toggle', saveOpenKeys);
    });
    document.querySelectorAll('button.delete-group').forEach(function (b) {
      b.addEventListener('click', function (ev) {
        ev.preventDefault(); // a button inside <summary> would otherwise toggle the section
        deleteGroup(b);
      });
    });
    var all = document.getElementById('delete-all');
    if (all) {
      all.addEventListener('click', deleteAll);
    }
  });
})();
