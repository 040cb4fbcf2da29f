// Atlas map: a Leaflet choropleth of the areas (boundaries from /api/v1/areas/geojson, values, classes and colours
// from /api/v1/atlas/map), in step with the table beside it. Areas without a value are hatched (SVG patterns defined
// in the page), outliers get a thick dashed outline. No inline scripts (CSP): configured by data attributes.
(function () {
  'use strict';

  var OUTLINE = '#1d2733';
  var HATCH = { missing: 'url(#atlas-hatch-missing)', suppressed: 'url(#atlas-hatch-suppressed)' };
  var HOVER = { weight: 3.5, color: '#000000' };

  function fetchJson(url, accept) {
    return fetch(url, { headers: { Accept: accept || 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
  }

  function styleOf(a) {
    if (!a) {
      return { color: OUTLINE, weight: 0.8, opacity: 0.9, fillColor: HATCH.missing, fillOpacity: 1 };
    }
    var s = { color: OUTLINE, weight: 0.8, opacity: 0.9, fillOpacity: 0.85, dashArray: null };
    if (a.colour) {
      s.fillColor = a.colour;
    } else {
      s.fillColor = a.status === 'suppressed' ? HATCH.suppressed : HATCH.missing;
      s.fillOpacity = 1;
    }
    if (a.outlier) {
      s.weight = 3;
      s.dashArray = '7 4';
    }
    return s;
  }

  function tooltip(a, name, unit, outlierText) {
    var box = document.createElement('span');
    var title = document.createElement('strong');
    title.textContent = name;
    box.appendChild(title);
    var line = document.createElement('span');
    line.className = 'sub';
    if (a && a.display !== null) {
      line.textContent = a.display + (unit ? ' ' + unit : '') + ' · ' + a.classLabel
        + (a.outlier ? ' · ' + outlierText : '') + (a.status === 'partial' ? ' · ' + a.statusLabel : '');
    } else {
      line.textContent = a ? a.statusLabel : '–';
    }
    box.appendChild(line);
    return box;
  }

  function init(el) {
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25 });
    map.attributionControl.setPrefix('Leaflet');
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom: 18, attribution: el.dataset.tileAttribution || '' }).addTo(map);
    }
    map.setView([47.25, 9.9], 9);
    var geoUrl = el.dataset.geojson + (el.dataset.geojson.indexOf('?') < 0 ? '?' : '&') + 'zoom=10';

    Promise.all([fetchJson(geoUrl, 'application/geo+json'), fetchJson(el.dataset.values)])
      .then(function (loaded) {
        var geo = loaded[0], atlas = loaded[1];
        var byId = {};
        atlas.areas.forEach(function (a) { byId[a.id] = a; });
        var unit = atlas.subject.unit || '';
        var outlierText = el.dataset.outlier || '';
        var classified = 0;
        var layer = L.geoJSON(geo, {
          style: function (f) { return styleOf(byId[f.properties.id]); },
          onEachFeature: function (feature, l) {
            var p = feature.properties, a = byId[p.id];
            if (a && a.colour) { classified++; }
            l.bindTooltip(tooltip(a, p.name, unit, outlierText), { sticky: true, className: 'atlas-tooltip' });
            l.on('mouseover', function () {
              l.setStyle(HOVER); l.bringToFront();
              var row = document.querySelector('#atlas-table tr[data-area-id="' + p.id + '"]');
              if (row) { row.classList.add('highlight'); }
            });
            l.on('mouseout', function () {
              l.setStyle(styleOf(a));
              var row = document.querySelector('#atlas-table tr[data-area-id="' + p.id + '"]');
              if (row) { row.classList.remove('highlight'); }
            });
            l.on('click', function () { window.location.href = el.dataset.areaHref + p.id; });
          }
        }).addTo(map);
        // outlines of outliers must not hide under their neighbours
        layer.eachLayer(function (l) {
          var a = byId[l.feature.properties.id];
          if (a && a.outlier) { l.bringToFront(); }
        });
        el.setAttribute('data-feature-count', String(geo.features.length));
        el.setAttribute('data-classified-count', String(classified));
        el.setAttribute('data-method', atlas.classification.method);
        el.setAttribute('data-classes', String(atlas.classification.classes));
        if (layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [12, 12] });
        }
      })
      .catch(function (e) {
        el.setAttribute('data-load-error', String(e));
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-atlas-map]'), init);
  });
})();

// the topic filter of the indicator choice: without JavaScript every indicator stays in the list
(function () {
  'use strict';

  function topicFilter() {
    var topic = document.getElementById('atlas-topic');
    var select = document.getElementById('atlas-key');
    if (!topic || !select) { return; }
    function apply() {
      var chosen = topic.value;
      var firstVisible = null;
      Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
        var show = chosen === '' || group.getAttribute('data-topic') === chosen;
        group.hidden = !show;
        group.disabled = !show;
        if (show && !firstVisible && group.querySelector('option')) { firstVisible = group.querySelector('option'); }
      });
      var current = select.options[select.selectedIndex];
      if (current && current.parentElement.disabled && firstVisible) {
        firstVisible.selected = true;
      }
    }
    topic.addEventListener('change', apply);
    apply();
  }

  document.addEventListener('DOMContentLoaded', topicFilter);
})();
