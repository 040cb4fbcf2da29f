// The planning dashboard's bar chart of indicator target progress (ECharts). It reads its data from
// data-planning-chart; the table beside it carries the same numbers for screen readers and without JavaScript.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-planning-chart]').forEach(function (el) {
    const data = JSON.parse(el.dataset.planningChart);
    const percent = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
    const format = function (v) { return v === null || v === undefined ? '–' : percent.format(v) + ' %'; };
    const chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#1f5f8b'],
      grid: { left: 240, right: 56, top: 8, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: format },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: format } },
      yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{
        type: 'bar', data: data.values,
        label: { show: true, position: 'right', formatter: function (p) { return format(p.value); } }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
