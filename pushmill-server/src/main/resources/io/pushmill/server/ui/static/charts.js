// Draws the charts page's two panels with uPlot from the JSON at data-chart-src, every 5 s.
(function () {
  'use strict';
  var COLORS = ['#0b5cad', '#b3261e', '#1a7f37', '#8a5a00', '#6e40c9', '#a3246b', '#00707a', '#4a5560'];
  var REFRESH_MS = 5000;
  var latest = null;

  function timestamps(series, key) {
    var seen = new Set();
    series.forEach(function (s) { s[key].forEach(function (p) { seen.add(p[0]); }); });
    return Array.from(seen).sort(function (a, b) { return a - b; });
  }

  function columns(series, key) {
    var xs = timestamps(series, key);
    var index = new Map(xs.map(function (x, i) { return [x, i]; }));
    var data = [xs.map(function (x) { return x / 1000; })];
    series.forEach(function (s) {
      var ys = new Array(xs.length).fill(null);
      s[key].forEach(function (p) { ys[index.get(p[0])] = p[1]; });
      data.push(ys);
    });
    return data;
  }

  function options(series, bars, width) {
    return {
      width: width,
      height: 240,
      scales: { x: { time: true, range: function () { return [latest.from / 1000, latest.to / 1000]; } } },
      series: [{}].concat(series.map(function (s, i) {
        var color = COLORS[i % COLORS.length];
        return bars
          ? { label: s.label, stroke: color, fill: color + 'b3', width: 1, points: { show: false },
              paths: uPlot.paths.bars({ size: [0.9, 12], align: 0 }) }
          : { label: s.label, stroke: color, width: 2, spanGaps: true, points: { show: true, size: 5 } };
      })),
      axes: [{}, { size: 64 }]
    };
  }

  function draw(root, json) {
    latest = json;
    var status = root.querySelector('.chart-status');
    var empty = json.series.every(function (s) { return s.samples.length === 0; });
    status.textContent = empty ? 'No samples in this range yet.'
      : (json.truncated ? 'Only the first ' + json.series.length + ' series are drawn.' : '');
    [['chart-raw', 'samples', false], ['chart-instant', 'instant', true]].forEach(function (panel) {
      var target = document.getElementById(panel[0]);
      var data = columns(json.series, panel[1]);
      var width = Math.max(320, target.clientWidth || 640);
      if (target.plot && target.plot.series.length === data.length) {
        target.plot.setData(data);
      } else {
        if (target.plot) { target.plot.destroy(); }
        target.plot = new uPlot(options(json.series, panel[2], width), data, target);
      }
    });
    root.dataset.drawn = String(Date.now());
  }

  function load(root) {
    fetch(root.dataset.chartSrc, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('the server answered ' + r.status); }
        return r.json();
      })
      .then(function (json) { draw(root, json); })
      .catch(function (e) {
        root.querySelector('.chart-status').textContent = 'The chart could not be loaded: ' + e.message;
      });
  }

  function resize() {
    ['chart-raw', 'chart-instant'].forEach(function (id) {
      var target = document.getElementById(id);
      if (target && target.plot) {
        target.plot.setSize({ width: Math.max(320, target.clientWidth), height: 240 });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-chart-src]');
    if (!root || typeof uPlot === 'undefined') { return; }
    load(root);
    setInterval(function () { load(root); }, REFRESH_MS);
    window.addEventListener('resize', resize);
  });
})();
