// 连心 · 工作台: the only script. Every page works without it (docs/decisions/0030); this draws the
// 概览 charts with the locally served ECharts and asks before irreversible actions.
(function () {
  'use strict';

  // "确定驳回 #12？" before a form marked data-confirm is sent.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // A select marked data-autosubmit sends its form when changed (the button stays for no-script).
  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el && el.hasAttribute && el.hasAttribute('data-autosubmit') && el.form) el.form.submit();
  });

  if (!window.echarts) return;
  var FONT = '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  var COLORS = ['#b3261e', '#1d5fa8', '#1f7a46', '#a15c00', '#6b4bb3', '#5f6670'];

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent || 'null') : null;
  }

  function horizontalBars(labels, series) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels.slice().reverse(), axisLabel: { width: 110, overflow: 'truncate' } },
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', stack: s.stack, data: s.data.slice().reverse() };
      }),
    };
  }

  var builders = {
    trend: function (d) {
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: d.labels },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '新提出', type: 'bar', data: d.created },
          { name: '办结', type: 'bar', data: d.done },
        ],
      };
    },
    categories: function (d) {
      return horizontalBars(
        d.map(function (c) { return c.category; }),
        [{ name: '新提出', data: d.map(function (c) { return c.count; }) }],
      );
    },
    hotspots: function (d) {
      return horizontalBars(
        d.map(function (h) { return h.key; }),
        [
          { name: '反映', stack: 'n', data: d.map(function (h) { return h.reports; }) },
          { name: '附议', stack: 'n', data: d.map(function (h) { return h.supporters; }) },
          { name: '重复', data: d.map(function (h) { return h.repeats; }) },
        ],
      );
    },
    communities: function (d) {
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: d.map(function (c) { return c.name; }), axisLabel: { interval: 0, rotate: d.length > 4 ? 30 : 0 } },
        yAxis: [
          { type: 'value', name: '件', minInterval: 1 },
          { type: 'value', name: '%', min: 0, max: 100 },
        ],
        series: [
          { name: '新提出', type: 'bar', data: d.map(function (c) { return c.created; }) },
          { name: '办结', type: 'bar', data: d.map(function (c) { return c.done; }) },
          { name: '及时率', type: 'line', yAxisIndex: 1, data: d.map(function (c) { return c.onTime; }) },
          { name: '满意率', type: 'line', yAxisIndex: 1, data: d.map(function (c) { return c.satisfaction; }) },
        ],
      };
    },
  };

  var charts = [];
  var nodes = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var build = builders[node.getAttribute('data-chart')];
    var d = data(node.getAttribute('data-source'));
    if (!build || !d) continue;
    var chart = window.echarts.init(node, null, { renderer: 'canvas' });
    var option = build(d);
    option.color = COLORS;
    option.textStyle = { fontFamily: FONT };
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
    if (node.parentNode) node.parentNode.classList.add('has-charts');
    node.setAttribute('data-drawn', 'true');
  }
  window.addEventListener('resize', function () {
    for (var j = 0; j < charts.length; j++) charts[j].resize();
  });
})();
