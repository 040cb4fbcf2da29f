// Time series charts of the area profile (ECharts). Each chart reads its data from data-chart; the table in the
// <details> beside it carries the same numbers for screen readers and without JavaScript.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  const palette = ['#1f5f8b', '#b35806', '#5e3c99', '#1b7837'];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    const data = JSON.parse(el.dataset.chart);
    const number = new Intl.NumberFormat(data.locale, {
      minimumFractionDigits: data.decimals, maximumFractionDigits: data.decimals
    });
    const names = Object.keys(data.series);
    const chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: palette,
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, data: names },
      tooltip: {
        trigger: 'axis',
        valueFormatter: function (v) { return v === null || v === undefined ? '–' : number.format(v) + (data.unit ? ' ' + data.unit : ''); }
      },
      xAxis: { type: 'category', data: data.periods, boundaryGap: false },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: function (v) { return number.format(v); } } },
      series: names.map(function (name, i) {
        return {
          name: name, type: 'line', data: data.series[name], connectNulls: false, showSymbol: data.periods.length < 30,
          lineStyle: { width: i === 0 ? 3 : 2, type: i === 0 ? 'solid' : 'dashed' }
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
