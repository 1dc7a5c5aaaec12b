// The waiting-room display of one department: /screens/display.html?dept=<deptId>&lang=en,hi
// or of a whole hospital, showing its active departments in turn for `cycle` seconds each:
// /screens/display.html?hospital=<hospitalId>&cycle=15&lang=en,hi
// Shows the state at once, then follows the department's live stream; calls are chimed,
// spoken and highlighted. Signed in with the display's device credential (role DISPLAY).
import { element } from './dom.js';
import { deviceTokens, follow, getJson } from './live.js';

const CREDENTIAL_KEY = 'opd.display.credential';
const NEXT_SHOWN = 5;

const params = new URLSearchParams(location.search);
const hospitalId = params.get('hospital');
const cycleSeconds = Math.max(3, Number(params.get('cycle')) || 15);
let deptId = params.get('dept');
let languages = (params.get('lang') || 'en').split(',').filter(l => /^[a-z]{2}$/.test(l));
const bundles = {};

let board = null;                 // the department and its cabins, as last loaded
const queues = new Map();         // doctorId -> the newest ScreenQueue seen

function text(key, values = {}, language = languages[0]) {
  const template = (bundles[language] || {})[key] ?? bundles.en?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** A label in every language of the screen: the first large, the others under it. */
function label(key, values) {
  const span = document.createElement('span');
  languages.forEach((language, i) => {
    const part = document.createElement('span');
    part.textContent = text(key, values, language);
    if (i > 0) {
      part.className = 'second';
    }
    span.append(part);
  });
  return span;
}

function eta(token) {
  if (token.etaMinutesP50 == null) {
    return '';
  }
  if (token.etaMinutesP90 === 0) {
    return label('now');
  }
  return label('minutes', { from: token.etaMinutesP50, to: token.etaMinutesP90 });
}

function renderCabin(cabin) {
  const queue = queues.get(cabin.doctorId) || cabin.queue;
  const card = element('section', 'cabin');
  card.dataset.doctorId = cabin.doctorId;
  card.dataset.version = queue.version;
  card.append(element('header', null,
      element('h2', null, label('cabin'), ' ', cabin.cabinNumber ?? ''),
      element('span', 'doctor', cabin.doctorName),
      element('span', 'status ' + queue.doctorStatus, label('doctorStatus.' + queue.doctorStatus))));
  const current = queue.current;
  card.append(element('div', 'now', label('nowSeeing'),
      element('span', 'token', current ? current.tokenNumber : text('nobody')),
      current ? current.maskedName ?? '' : ''));
  const rows = queue.waiting.slice(0, NEXT_SHOWN).map(token => {
    const row = element('tr', token.calledTime ? 'called' : null,
        element('td', 'position', String(token.position)),
        element('td', 'token', token.tokenNumber ?? ''),
        element('td', 'name', token.maskedName ?? ''),
        element('td', 'eta', token.calledTime ? label('called') : eta(token)));
    row.dataset.tokenId = token.tokenId;
    return row;
  });
  card.append(element('table', null,
      element('thead', null, element('tr', null,
          element('th', null, label('position')), element('th', null, label('token')),
          element('th', null, label('name')), element('th', null, label('eta')))),
      element('tbody', null, ...rows)));
  // Set aside (stepped out, or called and not there): told to come back to the desk to be put in line again.
  const parked = queue.parked || [];
  if (parked.length > 0) {
    card.append(element('div', 'parked', label('parked'), element('ul', null, ...parked.map(token => {
      const item = element('li', null, element('span', 'token', token.tokenNumber ?? ''), ' ', token.maskedName ?? '');
      item.dataset.tokenId = token.tokenId;
      return item;
    }))));
  }
  return card;
}

function render() {
  const cabins = document.getElementById('cabins');
  if (board.cabins.length === 0) {
    cabins.replaceChildren(element('p', 'empty', label('noDoctors')));
    return;
  }
  cabins.replaceChildren(...board.cabins.map(renderCabin));
}

async function loadState(accessToken) {
  board = await getJson('/departments/' + deptId + '/display', accessToken);
  tickClock();
  document.documentElement.style.setProperty('--department', board.colorCode || '#2c3e50');
  document.getElementById('department').textContent = board.name;
  for (const cabin of board.cabins) {
    const seen = queues.get(cabin.doctorId);
    if (!seen || seen.version <= cabin.queue.version) {
      queues.set(cabin.doctorId, cabin.queue);
    }
  }
  render();
}

/** Tokens of the new queue that were not called in the previous one. */
function newCalls(previous, queue) {
  const calledBefore = new Set((previous?.waiting || []).filter(t => t.calledTime).map(t => t.tokenId + t.calledTime));
  return queue.waiting.filter(t => t.calledTime && !calledBefore.has(t.tokenId + t.calledTime));
}

async function applyQueue(queue, accessToken) {
  const previous = queues.get(queue.doctorId);
  if (previous && previous.version >= queue.version) {
    return; // older than what is shown: a screen never goes back
  }
  queues.set(queue.doctorId, queue);
  const cabin = board.cabins.find(c => c.doctorId === queue.doctorId);
  if (!cabin) {
    await loadState(accessToken); // a doctor who joined the department today
    return;
  }
  render();
  for (const token of newCalls(previous, queue)) {
    callOut(token, cabin);
  }
}

let audio = null;

function chime() {
  try {
    audio = audio || new AudioContext();
    audio.resume();
    [660, 880].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.3, audio.currentTime + i * 0.4);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.4 + 0.6);
      tone.connect(volume).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.4);
      tone.stop(audio.currentTime + i * 0.4 + 0.6);
    });
  } catch (e) {
    console.warn('no chime', e.message);
  }
}

function callOut(token, cabin) {
  chime();
  const card = document.querySelector(`.cabin[data-doctor-id="${cabin.doctorId}"]`);
  card?.classList.add('calling');
  for (const language of languages) {
    const words = new SpeechSynthesisUtterance(text('callout', { token: token.tokenNumber, cabin: cabin.cabinNumber ?? '' }, language));
    words.lang = text('speechLang', {}, language);
    window.speechSynthesis.speak(words);
  }
}

function showConnection(status) {
  const banner = document.getElementById('connection');
  banner.hidden = status === 'live';
  banner.replaceChildren(label('reconnecting'));
}

function tickClock() {
  const zone = board?.timezone;
  document.getElementById('clock').textContent = new Intl.DateTimeFormat('en-IN',
      { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(new Date());
}

async function start(credential) {
  const accessToken = deviceTokens(credential);
  try {
    await accessToken();
  } catch (e) {
    askForCredential(true);
    return;
  }
  tickClock();
  setInterval(tickClock, 1000);
  if (!hospitalId) {
    followDepartment(accessToken);
    return;
  }
  const departments = await getJson('/hospitals/' + hospitalId + '/departments?status=ACTIVE&size=100', accessToken);
  const ids = departments.items.map(department => department.deptId);
  let shown = 0;
  deptId = ids[shown];
  let stop = followDepartment(accessToken);
  if (ids.length > 1) {
    setInterval(() => {
      stop();
      shown = (shown + 1) % ids.length;
      deptId = ids[shown];
      queues.clear();
      stop = followDepartment(accessToken);
    }, cycleSeconds * 1000);
  }
}

/** Shows the department now chosen and follows its changes; returns a function that stops following. */
function followDepartment(accessToken) {
  return follow('/departments/' + deptId + '/display/stream', {
    accessToken,
    loadState: () => loadState(accessToken),
    onEvent: (name, queue) => name === 'queue' && applyQueue(queue, accessToken),
    onStatus: showConnection,
  });
}

function askForCredential(refused) {
  localStorage.removeItem(CREDENTIAL_KEY);
  const form = document.getElementById('setup');
  form.hidden = false;
  document.getElementById('setup-refused').hidden = !refused;
  form.onsubmit = event => {
    event.preventDefault();
    const credential = { clientId: form.clientId.value.trim(), clientSecret: form.clientSecret.value };
    // The display's own read-only credential (masked names), kept on the device so the screen
    // restarts unattended; revoke it (POST /api-clients/{id}/revoke) when a device is lost.
    localStorage.setItem(CREDENTIAL_KEY, JSON.stringify(credential));
    form.hidden = true;
    start(credential);
  };
}

async function main() {
  await Promise.all([...new Set(['en', ...languages])].map(async language => {
    const bundle = await fetch('i18n/' + language + '.json');
    if (bundle.ok) {
      bundles[language] = await bundle.json();
    }
  }));
  languages = languages.filter(language => bundles[language]);
  if (languages.length === 0) {
    languages = ['en'];
  }
  document.documentElement.lang = languages[0];
  document.title = text('title');
  document.querySelectorAll('[data-label]').forEach(node => node.replaceChildren(label(node.dataset.label)));
  const stored = localStorage.getItem(CREDENTIAL_KEY);
  if (stored) {
    start(JSON.parse(stored));
  } else {
    askForCredential(false);
  }
}

main();
