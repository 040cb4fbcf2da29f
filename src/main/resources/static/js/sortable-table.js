// Sortable tables (table[data-sortable]): buttons in the header cells of columns with data-sort-type (number or
// text), sorting by the cells' data-sort, aria-sort, announced in a live region (the element with the table's id +
// "-status", or #atlas-table-status). Rows without a value stay at the end. Without JavaScript the table keeps the
// server's order.
(function () {
  'use strict';

  var ARROWS = { ascending: '▲', descending: '▼', none: '↕' };

  function sortable(table) {
    var heads = table.querySelectorAll('thead th[data-sort-type]');
    var status = document.getElementById(table.id + '-status') || document.getElementById('atlas-table-status');
    var lang = document.documentElement.lang || 'de';
    var collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });

    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      var label = document.createElement('span');
      label.textContent = th.textContent.trim();
      var arrow = document.createElement('span');
      arrow.className = 'arrow';
      arrow.setAttribute('aria-hidden', 'true');
      button.appendChild(label);
      button.appendChild(arrow);
      th.textContent = '';
      th.appendChild(button);
      th.dataset.column = String(indexOf(th));
      button.addEventListener('click', function () {
        var next = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortBy(th, next);
      });
    });
    update();

    function indexOf(th) {
      var i = 0, e = th;
      while ((e = e.previousElementSibling)) { i++; }
      return i;
    }

    function key(row, column, type) {
      var cell = row.children[column];
      var raw = cell ? cell.getAttribute('data-sort') : null;
      if (raw === null || raw === '') { return null; }
      if (type === 'number') {
        var n = parseFloat(raw);
        return isNaN(n) ? null : n;
      }
      return raw;
    }

    function sortBy(th, direction) {
      var column = parseInt(th.dataset.column, 10);
      var type = th.getAttribute('data-sort-type');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
        return { row: row, key: key(row, column, type), i: i };
      });
      var sign = direction === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        // rows without a value (missing, withheld) stay at the end in both directions
        if (a.key === null || b.key === null) {
          return a.key === b.key ? a.i - b.i : (a.key === null ? 1 : -1);
        }
        var c = type === 'number' ? a.key - b.key : collator.compare(a.key, b.key);
        return c !== 0 ? sign * c : a.i - b.i;
      });
      rows.forEach(function (r) { body.appendChild(r.row); });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', direction);
      update();
      if (status) {
        var template = table.getAttribute(direction === 'ascending' ? 'data-sorted-asc' : 'data-sorted-desc') || '{0}';
        status.textContent = template.replace('{0}', th.querySelector('button span').textContent);
      }
    }

    function update() {
      Array.prototype.forEach.call(heads, function (h) {
        var arrow = h.querySelector('.arrow');
        if (arrow) { arrow.textContent = ARROWS[h.getAttribute('aria-sort') || 'none']; }
      });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), sortable);
  });
})();
