// Offer maps: the directory's results as clustered markers (the table beside lists the same offers), and the
// locations of one offer on its detail page. Configured by data attributes (no inline scripts under the CSP).
(function () {
  'use strict';

  function baseMap(el) {
    // clustering needs a maximum zoom even without a tile layer (no base map configured)
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25, maxZoom: 18 });
    map.attributionControl.setPrefix('Leaflet');
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom: 18, attribution: el.dataset.tileAttribution || '' }).addTo(map);
    }
    map.setView([47.25, 9.9], 9);
    return map;
  }

  function text(tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  }

  function popup(marker, href) {
    var box = document.createElement('div');
    var link = text('a', marker.name);
    link.href = href + marker.id;
    box.appendChild(link);
    box.appendChild(document.createElement('br'));
    box.appendChild(text('span', marker.location + (marker.city ? ', ' + marker.city : '')));
    return box;
  }

  function directory(el) {
    var map = baseMap(el);
    var clusterLabel = el.dataset.clusterLabel || '{0}';
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      iconCreateFunction: function (cluster) {
        var count = cluster.getChildCount();
        var size = count < 10 ? 'small' : count < 50 ? 'medium' : 'large';
        return L.divIcon({ className: 'offer-cluster offer-cluster-' + size, iconSize: L.point(40, 40),
          html: '<span>' + count + '</span>' });
      }
    });
    fetch(el.dataset.markers, { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (markers) {
        markers.forEach(function (m) {
          var marker = L.marker([m.lat, m.lon], { title: m.name, alt: m.name, keyboard: true });
          marker.bindPopup(popup(m, el.dataset.detailHref));
          group.addLayer(marker);
        });
        map.addLayer(group);
        el.setAttribute('data-marker-count', String(markers.length));
        if (markers.length > 0) {
          map.fitBounds(group.getBounds(), { padding: [20, 20], maxZoom: 14 });
        }
        // the cluster bubbles tell screen readers how many offers they hold
        group.on('animationend', function () { label(el, clusterLabel); });
        map.on('zoomend moveend', function () { label(el, clusterLabel); });
        label(el, clusterLabel);
      })
      .catch(function (e) {
        el.setAttribute('data-marker-count', 'error');
        el.setAttribute('data-error', String(e));
      });
  }

  function label(el, template) {
    el.querySelectorAll('.offer-cluster').forEach(function (c) {
      c.setAttribute('aria-label', template.replace('{0}', c.textContent));
      c.setAttribute('role', 'button');
    });
  }

  function places(el) {
    var map = baseMap(el);
    var points = [];
    document.querySelectorAll(el.dataset.points + ' li[data-lat]').forEach(function (li) {
      var at = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)];
      if (isNaN(at[0]) || isNaN(at[1])) { return; }
      L.marker(at, { title: li.dataset.name, alt: li.dataset.name }).addTo(map);
      points.push(at);
    });
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 15 });
    }
    el.setAttribute('data-marker-count', String(points.length));
  }

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('offers-map');
    if (el) { directory(el); }
    var one = document.getElementById('offer-map');
    if (one) { places(one); }
  });
})();
