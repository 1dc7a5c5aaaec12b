// A patient's status page: /screens/status.html#<status link>. The link is the only credential: after #,
// it is not sent when the page loads nor in referrers; the API calls below carry it in their path. The
// page shows that token only, live, in the phone's language (English or Hindi), until the visit ends.
import { follow } from './live.js';

const link = location.hash.slice(1);
let bundle = {};
let stop = () => {};

function text(key, values = {}) {
  return (bundle[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

function line(status) {
  if (status.ended) {
    return text('status.' + status.status);
  }
  if (status.status === 'IN_CONSULTATION') {
    return text('status.IN_CONSULTATION', { cabin: status.cabinNumber });
  }
  if (status.cabinNumber) {
    return text('status.called', { cabin: status.cabinNumber });
  }
  if (status.queuePosition != null) {
    return text('status.position', { position: status.queuePosition });
  }
  return text('status.' + status.status);
}

function eta(status) {
  if (status.ended || status.cabinNumber || status.etaMinutesP50 == null) {
    return '';
  }
  return status.etaMinutesP90 === 0 ? text('status.etaNow') : text('status.eta', { p50: status.etaMinutesP50, p90: status.etaMinutesP90 });
}

function show(status) {
  const card = document.getElementById('card');
  card.hidden = false;
  card.classList.toggle('called', !status.ended && Boolean(status.cabinNumber));
  card.dataset.status = status.status;
  document.getElementById('visit').textContent = status.doctorName + ' · ' + status.departmentName;
  document.getElementById('token').textContent = status.tokenNumber;
  document.getElementById('state').textContent = line(status);
  document.getElementById('eta').textContent = eta(status);
  if (status.ended) {
    stop(); // nothing will change any more
  }
}

function gone() {
  stop();
  document.getElementById('card').hidden = true;
  document.getElementById('connection').hidden = true;
  document.getElementById('gone').hidden = false;
}

/** The token now; a link that does not (or no longer) work says so instead. */
async function loadState() {
  const response = await fetch('/api/v1/status-links/' + encodeURIComponent(link), { headers: { 'Accept': 'application/json' } });
  if (response.status === 400 || response.status === 404) {
    gone();
    return false;
  }
  if (!response.ok) {
    throw new Error('status answered ' + response.status);
  }
  const status = await response.json();
  show(status);
  return !status.ended;
}

async function main() {
  const language = navigator.language.startsWith('hi') ? 'hi' : 'en';
  bundle = await (await fetch('i18n/' + language + '.json')).json();
  document.documentElement.lang = language;
  document.title = text('status.title');
  document.querySelectorAll('[data-label]').forEach(node => { node.textContent = text(node.dataset.label); });
  // Loaded once first: a link that does not work is not followed at all.
  if (!link || !await loadState()) {
    if (!link) {
      gone();
    }
    return;
  }
  stop = follow('/status-links/' + encodeURIComponent(link) + '/stream', {
    loadState,
    onEvent: (name, status) => name === 'status' && show(status),
    onStatus: status => { document.getElementById('connection').hidden = status === 'live'; },
  });
}

main();
