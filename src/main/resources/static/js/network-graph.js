// The network graph (ECharts force layout): organisations as nodes sized by betweenness, edges as wide as their
// weight, dashed where only co-operations join two organisations. Data from data-network-graph; the table beside it
// carries the same numbers and is sortable with buttons in the header cells (aria-sort, announced in a live region).
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

  function sortable(table) {
    var status = document.getElementById(table.id + '-status');
    var lang = document.documentElement.lang || 'de';
    var collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    var heads = table.querySelectorAll('thead th[data-sort-type]');
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      var label = document.createElement('span');
      label.textContent = th.textContent.trim();
      var arrow = document.createElement('span');
      arrow.className = 'arrow';
      arrow.setAttribute('aria-hidden', 'true');
      arrow.textContent = '↕';
      button.appendChild(label);
      button.appendChild(arrow);
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(heads, function (other) {
          other.removeAttribute('aria-sort');
          other.querySelector('.arrow').textContent = '↕';
        });
        th.setAttribute('aria-sort', direction);
        arrow.textContent = direction === 'ascending' ? '▲' : '▼';
        var numeric = th.getAttribute('data-sort-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var sign = direction === 'ascending' ? 1 : -1;
        rows.sort(function (a, b) {
          var x = a.children[column].getAttribute('data-sort');
          var y = b.children[column].getAttribute('data-sort');
          var c = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
          return sign * c || collator.compare(a.children[0].getAttribute('data-sort'),
            b.children[0].getAttribute('data-sort'));
        });
        rows.forEach(function (row) { body.appendChild(row); });
        if (status) {
          status.textContent = label.textContent + ': ' + (direction === 'ascending'
            ? (lang === 'de' ? 'aufsteigend sortiert' : 'sorted ascending')
            : (lang === 'de' ? 'absteigend sortiert' : 'sorted descending'));
        }
      });
    });
  }

  document.querySelectorAll('[data-network-graph]').forEach(graph);
  document.querySelectorAll('table.sortable').forEach(sortable);
}());
