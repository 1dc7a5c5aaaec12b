// The staff console: /screens/console.html. Signed in at the embedded issuer (staff-sign-in.js), it shows
// what the account's roles may do, through the same public API as every other client:
// the front desk (RECEPTIONIST, NURSE) issues tokens, checks in, sends to the waiting line, cancels;
// a doctor (DOCTOR, tied to one doctor) follows their own queue live and calls, starts, completes, marks no-shows.
import { element, say } from './dom.js';
import { follow, getJson, postJson } from './live.js';
import { showSignedIn, signInStaff } from './staff-sign-in.js';

const FINAL = new Set(['COMPLETED', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED']);

let session = null;         // { accessToken, claims }
let hospital = null;
const doctorNames = new Map();

const has = role => (session.claims.roles || []).includes(role);
const get = path => getJson(path, session.accessToken);
const post = (path, body = {}) => postJson(path, body, session.accessToken);

/** A button that runs the action, then redraws; a refusal is shown in the page's message line. */
function button(text, action, className) {
  const node = element('button', className, text);
  node.type = 'button';
  node.onclick = () => run(action);
  return node;
}

/** Runs an action; what it answers (or why it was refused) is said, and stays until the next thing said. */
async function run(action) {
  try {
    const done = await action();
    if (done) {
      say(done, '');
    }
  } catch (e) {
    say(e.message, 'error');
  }
}

/** Today in the hospital's time zone, as the API's serviceDate. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: hospital.timezone }).format(new Date());
}

// ---- front desk ----

async function findPatients(query) {
  const base = '/hospitals/' + hospital.hospitalId + '/patients?size=20&';
  const byUhid = await get(base + 'uhid=' + encodeURIComponent(query));
  const found = byUhid.items.length > 0 ? byUhid : await get(base + 'phone=' + encodeURIComponent(query));
  const list = document.getElementById('patients');
  list.replaceChildren(...found.items.map(patientRow));
  if (found.items.length === 0) {
    throw new Error('No patient with that UHID or phone');
  }
  return found.items.length === 1 ? '1 patient found' : found.items.length + ' patients found';
}

function patientRow(patient) {
  const doctor = element('select', null, ...[...doctorNames].map(([id, name]) => {
    const option = element('option', null, name);
    option.value = id;
    return option;
  }));
  doctor.name = 'doctorId';
  const row = element('li', null, element('strong', null, patient.name), element('span', null, patient.uhid), doctor,
      button('Issue token', async () => {
        const token = await post('/tokens', { patientId: patient.patientId, doctorId: doctor.value, bookingType: 'WALK_IN',
          priority: 1, scheduledTime: new Date().toISOString() });
        await loadDeskTokens();
        return 'Token ' + token.tokenNumber + ' issued';
      }));
  row.dataset.patientId = patient.patientId;
  return row;
}

async function loadDeskTokens() {
  const tokens = await get('/tokens?hospitalId=' + hospital.hospitalId + '&serviceDate=' + today() + '&size=100');
  document.querySelector('#desk-tokens tbody').replaceChildren(...tokens.items.map(deskRow));
}

function deskRow(token) {
  const actions = element('td', 'actions');
  if (token.status === 'BOOKED') {
    // The patient stands at the desk, so inside the hospital: checked in at the hospital's own location.
    actions.append(button('Check in', () => moved(token, 'check-in',
        { latitude: hospital.latitude, longitude: hospital.longitude })));
  }
  if (token.status === 'CHECKED_IN' && has('NURSE')) {
    actions.append(button('To waiting line', () => moved(token, 'wait')));
  }
  if (!FINAL.has(token.status) && token.status !== 'IN_CONSULTATION' && has('RECEPTIONIST')) {
    actions.append(button('Cancel', () => moved(token, 'cancel', { reason: 'Cancelled at the front desk' }), 'secondary'));
  }
  const row = element('tr', null, element('td', 'token', token.tokenNumber), element('td', null, doctorNames.get(token.doctorId) || ''),
      element('td', 'status', token.status), actions);
  row.dataset.tokenId = token.tokenId;
  return row;
}

async function moved(token, step, body) {
  const answer = await post('/tokens/' + token.tokenId + '/' + step, body);
  await loadDeskTokens();
  return 'Token ' + answer.tokenNumber + ': ' + answer.status;
}

async function startDesk() {
  const doctors = await get('/hospitals/' + hospital.hospitalId + '/doctors?size=100');
  doctors.items.forEach(doctor => doctorNames.set(doctor.doctorId, doctor.name));
  document.getElementById('find-patient').onsubmit = event => {
    event.preventDefault();
    run(() => findPatients(event.target.query.value.trim()));
  };
  document.getElementById('desk').hidden = false;
  await loadDeskTokens();
}

// ---- doctor ----

/** The doctor's tokens of today (status and call time, from PostgreSQL) with the live line's positions and ETAs. */
async function loadDoctorQueue(doctorId) {
  const [tokens, live] = await Promise.all([
    get('/tokens?doctorId=' + doctorId + '&serviceDate=' + today() + '&size=100'),
    get('/doctors/' + doctorId + '/queue'),
  ]);
  const inCabin = tokens.items.find(t => t.status === 'IN_CONSULTATION');
  const called = tokens.items.find(t => t.status === 'WAITING' && t.calledTime);
  const cabin = document.getElementById('in-cabin');
  if (inCabin) {
    cabin.replaceChildren('In consultation', element('span', 'token', inCabin.tokenNumber),
        button('Complete', () => doctorMove(inCabin, 'complete', doctorId)));
  } else if (called) {
    cabin.replaceChildren('Called', element('span', 'token', called.tokenNumber),
        button('Start', () => doctorMove(called, 'start', doctorId)),
        button('No-show', () => doctorMove(called, 'no-show', doctorId, { reason: 'Did not come when called' }), 'secondary'));
  } else {
    cabin.replaceChildren('Nobody in the cabin');
  }
  // One patient at a time: the next is called once the cabin is free (completed, or the called one did not come).
  const callNext = document.getElementById('call-next');
  callNext.disabled = Boolean(inCabin || called);
  callNext.title = callNext.disabled ? 'Complete or mark the called patient first' : '';
  // The called patient is on their way to the cabin: shown above, not as one still to wait.
  const stillWaiting = live.waiting.filter(token => !called || token.tokenId !== called.tokenId);
  document.querySelector('#doctor-queue tbody').replaceChildren(...stillWaiting.map(token => {
    const row = element('tr', null, element('td', null, String(token.position)), element('td', 'token', token.tokenNumber),
        element('td', null, token.etaMinutesP50 == null ? '' : token.etaMinutesP50 + '–' + token.etaMinutesP90 + ' min'));
    row.dataset.tokenId = token.tokenId;
    return row;
  }));
}

async function doctorMove(token, step, doctorId, body) {
  const answer = await post('/tokens/' + token.tokenId + '/' + step, body);
  await loadDoctorQueue(doctorId);
  return 'Token ' + answer.tokenNumber + ': ' + answer.status;
}

function startDoctor(doctorId) {
  document.getElementById('call-next').onclick = () => run(async () => {
    const token = await post('/doctors/' + doctorId + '/call-next');
    await loadDoctorQueue(doctorId);
    return 'Token ' + token.tokenNumber + ' called';
  });
  document.getElementById('doctor').hidden = false;
  // Live: every change of this doctor's line redraws it, and a reconnect reloads it.
  follow('/doctors/' + doctorId + '/queue/stream', {
    accessToken: session.accessToken,
    loadState: () => run(() => loadDoctorQueue(doctorId)),
    onEvent: () => run(() => loadDoctorQueue(doctorId)),
    onStatus: status => { document.getElementById('connection').hidden = status === 'live'; },
  });
}

async function main() {
  session = await signInStaff();
  const claims = session.claims;
  showSignedIn(session);
  hospital = await get('/hospitals/' + claims.hospital_id);
  if (has('RECEPTIONIST') || has('NURSE')) {
    await startDesk();
  }
  if (has('DOCTOR') && claims.doctor_id) {
    startDoctor(claims.doctor_id);
  }
}

run(main);
