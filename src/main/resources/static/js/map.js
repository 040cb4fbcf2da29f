// Area maps: a GeoJSON layer of areas with hover and click, in step with the table beside it.
// No inline scripts (CSP): every map is configured by data attributes on its element.
(function () {
  'use strict';

  var BASE = { color: '#0b5cad', weight: 1.2, fillColor: '#6d9fd1', fillOpacity: 0.35 };
  var HOVER = { weight: 3, color: '#1d2733', fillOpacity: 0.6 };

  function init(el) {
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25 });
    map.attributionControl.setPrefix('Leaflet');
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom: 18, attribution: el.dataset.tileAttribution || '' }).addTo(map);
    }
    map.setView([47.25, 9.9], 9);
    var single = el.dataset.single === 'true';
    var layer = null;
    var loadedZoom = null;

    function rowFor(id) {
      return document.querySelector('tr[data-area-id="' + id + '"]');
    }

    function load(zoom, fit) {
      var url = el.dataset.geojson;
      if (!single) {
        url += (url.indexOf('?') < 0 ? '?' : '&') + 'zoom=' + Math.round(zoom);
      }
      return fetch(url, { headers: { Accept: 'application/geo+json' } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) {
          if (layer) { map.removeLayer(layer); }
          layer = L.geoJSON(data, {
            // a table row may give its area a fill colour (classes of an index, types of a typology)
            style: function (feature) {
              var row = single ? null : rowFor(feature.properties.id);
              var fill = row && row.dataset.fill;
              return fill ? { color: '#1d2733', weight: 0.8, fillColor: fill, fillOpacity: 0.8 } : BASE;
            },
            onEachFeature: function (feature, l) {
              var p = feature.properties;
              l.bindTooltip(p.name + ' (' + p.code + ')', { sticky: true, className: 'area-tooltip' });
              if (single) { return; }
              l.on('mouseover', function () {
                l.setStyle(HOVER); l.bringToFront();
                var row = rowFor(p.id); if (row) { row.classList.add('highlight'); }
              });
              l.on('mouseout', function () {
                layer.resetStyle(l);
                var row = rowFor(p.id); if (row) { row.classList.remove('highlight'); }
              });
              l.on('click', function () { window.location.href = el.dataset.areaHref + p.id; });
            }
          }).addTo(map);
          var count = single ? 1 : data.features.length;
          el.setAttribute('data-feature-count', String(count));
          loadedZoom = zoom;
          if (fit && layer.getBounds().isValid()) {
            map.fitBounds(layer.getBounds(), { padding: [12, 12] });
          }
        })
        .catch(function (e) {
          el.setAttribute('data-load-error', String(e));
        });
    }

    load(9, true).then(function () {
      // fetch finer boundaries when the user zooms in well beyond what was loaded
      map.on('zoomend', function () {
        if (!single && map.getZoom() >= loadedZoom + 2) { load(map.getZoom(), false); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-area-map]'), init);
  });
})();
