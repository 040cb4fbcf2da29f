// Accessibility page: follows a running accessibility job (progress bar and phase text) by polling its JSON status,
// then loads the page again, which shows the result or the error. No inline scripts (CSP): configured by data attributes.
// Without JavaScript the page offers a link to reload.
(function () {
  'use strict';
  var box = document.getElementById('access-progress');
  if (!box || !window.fetch) {
    return;
  }
  var bar = document.getElementById('access-bar');
  var phase = document.getElementById('access-phase');
  var lang = document.documentElement.lang || 'de';
  var number = new Intl.NumberFormat(lang);
  var failures = 0;

  function show(job) {
    if (job.percent === null || job.percent === undefined) {
      bar.removeAttribute('value'); // indeterminate
    } else {
      bar.value = job.percent;
    }
    var text = job.phaseText || '';
    if (job.total > 0) {
      text += ' (' + number.format(job.done) + ' / ' + number.format(job.total) + ')';
    }
    if (job.attempts > 1) {
      text += ' – ' + job.stateText + ', ' + job.attempts + '.';
    }
    if (phase.textContent !== text) {
      phase.textContent = text;
    }
  }

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (job) {
        failures = 0;
        if (job.finished) {
          // the page's own address: load it again, now with the result or the error
          window.location.reload();
          return;
        }
        show(job);
        window.setTimeout(poll, 1000);
      })
      .catch(function (e) {
        failures += 1;
        if (failures > 5) {
          phase.textContent = box.dataset.failed + ' (' + e.message + ')';
          return;
        }
        window.setTimeout(poll, 2000);
      });
  }

  window.setTimeout(poll, 500);
}());
