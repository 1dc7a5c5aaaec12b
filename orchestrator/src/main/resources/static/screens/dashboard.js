// The operations dashboard: /screens/dashboard.html, for OPERATIONS, ADMIN and DEPARTMENT_HEAD staff of
// one hospital, signed in like the console. Departments with their waiting counts and average waits, the
// doctors' status, and the open alerts with acknowledge / resolve. Redrawn on every queue change of the
// hospital's departments (their live streams), and every 15 s for alerts raised by time alone (an idle doctor).
import { element, say } from './dom.js';
import { follow, getJson, postJson } from './live.js';
import { signInStaff } from './staff-sign-in.js';

const IN_LINE = new Set(['CHECKED_IN', 'WAITING']);
const TIMER_REFRESH_MS = 15_000;

let session = null;
let hospital = null;
let departments = [];
let redrawing = null;     // the redraw under way
let again = false;        // a change came while it ran

const get = path => getJson(path, session.accessToken);

function time(iso) {
  return new Intl.DateTimeFormat('en-IN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: hospital.timezone })
      .format(new Date(iso));
}

function renderDepartments(queue) {
  document.querySelector('#departments tbody').replaceChildren(...departments.map(department => {
    const waiting = queue.filter(entry => entry.deptId === department.deptId && IN_LINE.has(entry.status));
    const average = waiting.length === 0 ? null
        : Math.round(waiting.reduce((sum, entry) => sum + entry.waitedMinutes, 0) / waiting.length);
    const row = element('tr', null, element('td', null, department.name), element('td', 'waiting', String(waiting.length)),
        element('td', 'average', average == null ? '—' : average + ' min'));
    row.dataset.deptId = department.deptId;
    return row;
  }));
}

function renderDoctors(doctors) {
  document.getElementById('doctors').replaceChildren(...doctors.map(doctor => {
    const card = element('div', 'doctor ' + doctor.currentStatus, element('strong', null, doctor.doctorName),
        element('span', 'status', doctor.currentStatus), ' · ', doctor.cabinNumber ? 'cabin ' + doctor.cabinNumber : 'no cabin',
        ' · ', doctor.pendingTokens + ' in line');
    card.dataset.doctorId = doctor.doctorId;
    return card;
  }));
}

function alertButton(text, alert, action) {
  const node = element('button', action === 'resolve' ? 'secondary' : null, text);
  node.type = 'button';
  node.onclick = async () => {
    try {
      await postJson('/alerts/' + alert.alertId + '/' + action, {}, session.accessToken);
      say(alert.alertType + ': ' + action + 'd', '');
      await redraw();
    } catch (e) {
      say(e.message, 'error');
    }
  };
  return node;
}

function renderAlerts(alerts) {
  document.getElementById('no-alerts').hidden = alerts.length > 0;
  document.querySelector('#alerts tbody').replaceChildren(...alerts.map(alert => {
    const actions = element('td', 'actions');
    if (!alert.acknowledgedAt) {
      actions.append(alertButton('Acknowledge', alert, 'acknowledge'));
    }
    actions.append(alertButton('Resolve', alert, 'resolve'));
    const row = element('tr', alert.severity + (alert.acknowledgedAt ? ' acknowledged' : ''),
        element('td', 'severity', alert.severity), element('td', null, element('strong', null, alert.alertType), ' ', alert.message),
        element('td', null, time(alert.createdAt) + (alert.acknowledgedAt ? ' (acknowledged ' + time(alert.acknowledgedAt) + ')' : '')),
        actions);
    row.dataset.alertId = alert.alertId;
    return row;
  }));
}

async function load() {
  const id = hospital.hospitalId;
  const [queue, doctors, alerts] = await Promise.all([
    get('/hospitals/' + id + '/live-queue'),
    get('/hospitals/' + id + '/doctor-status'),
    get('/alerts?hospitalId=' + id + '&open=true&size=100'),
  ]);
  renderDepartments(queue);
  renderDoctors(doctors);
  renderAlerts(alerts.items);
}

/** One redraw at a time; changes arriving meanwhile are covered by one more after it, not one each. */
function redraw() {
  if (redrawing) {
    again = true;
    return redrawing;
  }
  redrawing = (async () => {
    do {
      again = false;
      await load().catch(e => say(e.message, 'error'));
    } while (again);
    redrawing = null;
  })();
  return redrawing;
}

async function main() {
  session = await signInStaff();
  document.getElementById('who').textContent = (session.claims.roles || []).join(', ');
  hospital = await get('/hospitals/' + session.claims.hospital_id);
  const active = await get('/hospitals/' + hospital.hospitalId + '/departments?status=ACTIVE&size=100');
  departments = active.items;
  await redraw();
  for (const department of departments) {
    follow('/departments/' + department.deptId + '/display/stream', {
      accessToken: session.accessToken,
      loadState: redraw,
      onEvent: redraw,
      onStatus: status => { document.getElementById('connection').hidden = status === 'live'; },
    });
  }
  setInterval(redraw, TIMER_REFRESH_MS);
}

main().catch(e => say(e.message, 'error'));
