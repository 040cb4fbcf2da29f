// The network graph (ECharts force layout): organisations as nodes sized by betweenness, edges as wide as their
// weight, dashed where only co-operations join two organisations. Data from data-network-graph; the table beside it
// carries the same numbers (sorted by sortable-table.js).
(function () {
  'use strict';

  function graph(el) {
    if (!window.echarts) { return; }
    var data = JSON.parse(el.dataset.networkGraph);
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 3 });
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          if (p.dataType === 'edge') {
            var e = p.data.raw;
            return [].concat(e.networks, e.cooperations).map(escape).join('<br>');
          }
          return escape(p.data.name) + '<br>' + p.data.degree + ' · ' + number.format(p.data.betweenness);
        }
      },
      series: [{
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 400, edgeLength: [70, 150], gravity: 0.12, layoutAnimation: false },
        label: { show: true, position: 'right', color: '#1b1b1b', fontSize: 12 },
        lineStyle: { color: '#5a6b7b', opacity: 0.8 },
        data: data.nodes.map(function (n) {
          return {
            id: n.id, name: n.name, degree: n.degree, betweenness: n.betweenness,
            symbolSize: 14 + 40 * n.betweenness,
            itemStyle: { color: n.offer ? '#1f5f8b' : '#8a5a00', borderColor: '#1b1b1b' }
          };
        }),
        links: data.edges.map(function (e) {
          return {
            source: e.source, target: e.target, raw: e,
            lineStyle: { width: 1 + 1.5 * e.weight, type: e.networks.length === 0 ? 'dashed' : 'solid' }
          };
        })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function escape(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  document.querySelectorAll('[data-network-graph]').forEach(graph);
}());
