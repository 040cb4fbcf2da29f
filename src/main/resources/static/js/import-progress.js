// Observation import with a progress bar: uploads with XMLHttpRequest (upload progress), starts the import as a
// background job and polls it, then opens the page with the job's report. Without JavaScript the form posts
// normally and the report comes back with the page.
(function () {
  'use strict';
  const form = document.getElementById('observation-import');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  const box = document.getElementById('import-progress');
  const bar = document.getElementById('import-bar');
  const phase = document.getElementById('import-phase');
  const lang = document.documentElement.lang || 'de';
  const number = new Intl.NumberFormat(lang);

  function show(key, done, total) {
    box.hidden = false;
    const percent = total > 0 ? Math.min(100, Math.round(100 * done / total)) : null;
    if (percent === null) {
      bar.removeAttribute('value'); // indeterminate
    } else {
      bar.value = percent;
    }
    const label = phase.dataset[key.toLowerCase()] || key;
    phase.textContent = total > 0 ? label + ': ' + number.format(done) + ' / ' + number.format(total) : label;
  }

  function fail(message) {
    box.hidden = false;
    phase.textContent = phase.dataset.failed + (message ? ' (' + message + ')' : '');
    form.querySelector('button[type=submit]').disabled = false;
  }

  function poll(id) {
    fetch(form.dataset.jobUrl + '/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (job) {
        if (job.finished) {
          window.location.assign(form.dataset.pageUrl + '?job=' + encodeURIComponent(id) + '#main');
          return;
        }
        show(job.phase, job.done, job.total);
        window.setTimeout(function () { poll(id); }, 400);
      })
      .catch(function (e) { fail(e.message); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    form.querySelector('button[type=submit]').disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.jobUrl);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      show('UPLOAD', e.loaded, e.lengthComputable ? e.total : 0);
    });
    xhr.addEventListener('load', function () {
      if (xhr.status !== 200) {
        fail(String(xhr.status));
        return;
      }
      poll(JSON.parse(xhr.responseText).id);
    });
    xhr.addEventListener('error', function () { fail(''); });
    xhr.send(new FormData(form));
  });
}());
