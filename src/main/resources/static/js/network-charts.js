// Small charts of the network pages (ECharts): continuity of membership, the review trend and a round's means.
// Each reads its data from a data attribute; the table beside it carries the same numbers.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  var COLORS = ['#1f5f8b', '#8a5a00', '#2e7d32', '#6a1b9a', '#b71c1c', '#00695c', '#37474f'];

  function init(el, option) {
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(Object.assign({ animation: false, color: COLORS }, option));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.querySelectorAll('[data-continuity-chart]').forEach(function (el) {
    var d = JSON.parse(el.dataset.continuityChart);
    var de = d.locale === 'de';
    init(el, {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 48, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: d.labels },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }],
      series: [
        { name: de ? 'Mitglieder' : 'Members', type: 'bar', data: d.active },
        { name: de ? 'Eintritte' : 'Joined', type: 'bar', data: d.joiners },
        { name: de ? 'Austritte' : 'Left', type: 'bar', data: d.leavers },
        { name: de ? 'Geblieben (%)' : 'Stayed (%)', type: 'line', yAxisIndex: 1, data: d.retention }
      ]
    });
  });

  document.querySelectorAll('[data-trend-chart]').forEach(function (el) {
    var d = JSON.parse(el.dataset.trendChart);
    init(el, {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: d.labels },
      yAxis: { type: 'value', min: 1, max: 5 },
      series: d.series.map(function (s) {
        return { name: s.name, type: 'line', symbolSize: 8, data: s.values };
      })
    });
  });

  document.querySelectorAll('[data-result-chart]').forEach(function (el) {
    var d = JSON.parse(el.dataset.resultChart);
    var number = new Intl.NumberFormat(d.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    init(el, {
      grid: { left: 230, right: 56, top: 8, bottom: 28 },
      xAxis: { type: 'value', min: 1, max: 5 },
      yAxis: { type: 'category', data: d.labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{
        type: 'bar', data: d.values,
        label: { show: true, position: 'right', formatter: function (p) { return number.format(p.value); } }
      }]
    });
  });
}());
