// Typology charts: the mean silhouette per number of types, and the biplot (areas on the first two principal
// components, coloured by type, with the indicators as arrows). The tables beside them carry the same numbers.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-typology-chart]').forEach(function (el) {
    const data = JSON.parse(el.dataset.chart);
    const number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 2 });
    const chart = window.echarts.init(el, null, { renderer: 'svg' });
    if (el.dataset.typologyChart === 'silhouette') {
      const ks = Object.keys(data.silhouette);
      chart.setOption({
        animation: false,
        grid: { left: 48, right: 16, top: 16, bottom: 28 },
        xAxis: { type: 'category', data: ks, name: 'k' },
        yAxis: { type: 'value', axisLabel: { formatter: function (v) { return number.format(v); } } },
        series: [{
          type: 'bar',
          data: ks.map(function (k) {
            return { value: data.silhouette[k], itemStyle: { color: Number(k) === data.k ? '#0b5cad' : '#9fb6cd' } };
          })
        }]
      });
      return;
    }
    const k = Math.max.apply(null, data.types) + 1;
    const series = [];
    for (let t = 0; t < k; t++) {
      series.push({
        type: 'scatter', name: String(t + 1), symbolSize: 7, itemStyle: { color: data.colours[t % data.colours.length] },
        data: data.scores.map(function (s, i) { return data.types[i] === t ? [s[0], s[1], data.labels[i]] : null; })
          .filter(function (p) { return p !== null; })
      });
    }
    const span = Math.max.apply(null, data.scores.map(function (s) { return Math.max(Math.abs(s[0]), Math.abs(s[1])); })) || 1;
    series.push({
      type: 'lines', coordinateSystem: 'cartesian2d', name: 'loadings', silent: true,
      lineStyle: { color: '#1d2733', width: 1.5 }, symbol: ['none', 'arrow'], symbolSize: 8,
      label: { show: true, position: 'end', formatter: function (p) { return p.data.name; }, color: '#1d2733' },
      data: data.loadings.map(function (l, j) {
        return { name: data.indicators[j], coords: [[0, 0], [l[0] * span, l[1] * span]] };
      })
    });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 24, top: 24, bottom: 32 },
      legend: { top: 0, data: series.slice(0, k).map(function (s) { return s.name; }) },
      tooltip: { trigger: 'item', formatter: function (p) { return p.value && p.value[2] ? p.value[2] : ''; } },
      xAxis: { type: 'value', name: 'PC1', scale: true },
      yAxis: { type: 'value', name: 'PC2', scale: true },
      series: series
    });
  });
}());
