// The operations dashboard: /screens/dashboard.html, for OPERATIONS, ADMIN and DEPARTMENT_HEAD staff of
// one hospital, signed in like the console. Departments with their waiting counts and average waits, the
// doctors' status, the open alerts with acknowledge / resolve, the day's waiting time and throughput by
// hour, and the doctors' day figures. The lines and charts are redrawn on every queue change of the
// hospital's departments (their live streams), the alerts on every change of the hospital's alerts (its
// alert stream); a slow timer covers what changes with time alone (minutes waited, the metrics job's rows).
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { element, say } from './dom.js';
import { follow, getJson, postJson } from './live.js';
import { showSignedIn, signInStaff } from './staff-sign-in.js';

const IN_LINE = new Set(['CHECKED_IN', 'WAITING']);
const TIMER_REFRESH_MS = 60_000;

let session = null;
let hospital = null;
let departments = [];
let doctorNames = new Map();
const charts = {};

const get = path => getJson(path, session.accessToken);

function time(iso) {
  return new Intl.DateTimeFormat('en-IN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: hospital.timezone })
      .format(new Date(iso));
}

/** Today in the hospital's time zone, as YYYY-MM-DD. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: hospital.timezone }).format(new Date());
}

function minutes(value) {
  return value == null ? '—' : Math.round(Number(value)) + ' min';
}

function renderDepartments(queue) {
  document.querySelector('#departments tbody').replaceChildren(...departments.map(department => {
    const waiting = queue.filter(entry => entry.deptId === department.deptId && IN_LINE.has(entry.status));
    const average = waiting.length === 0 ? null
        : waiting.reduce((sum, entry) => sum + entry.waitedMinutes, 0) / waiting.length;
    const row = element('tr', null, element('td', null, department.name), element('td', 'waiting', String(waiting.length)),
        element('td', 'average', minutes(average)));
    row.dataset.deptId = department.deptId;
    return row;
  }));
}

function renderDoctors(doctors) {
  doctorNames = new Map(doctors.map(doctor => [doctor.doctorId, doctor.doctorName]));
  document.getElementById('doctors').replaceChildren(...doctors.map(doctor => {
    const card = element('div', 'doctor ' + doctor.currentStatus, element('strong', null, doctor.doctorName),
        element('span', 'status', doctor.currentStatus), ' · ', doctor.cabinNumber ? 'cabin ' + doctor.cabinNumber : 'no cabin',
        ' · ', doctor.pendingTokens + ' in line');
    card.dataset.doctorId = doctor.doctorId;
    return card;
  }));
}

/** An hour of the day on the clock; the padding hour before midnight is the evening before. */
const clock = hour => String((hour + 24) % 24).padStart(2, '0') + ':00';

/** A chart of the day by hour: created on first data, then only its data replaced (no flicker on each change). */
function drawChart(id, hours, series) {
  const container = document.getElementById(id);
  container.hidden = hours.length === 0;
  // An empty hour either side, so that even a day of one hour shows where on the clock it is.
  const padded = hours.length === 0 ? [] : [{ hour: hours[0].hour - 1 }, ...hours, { hour: hours[hours.length - 1].hour + 1 }];
  const inDay = hour => hour.checkedIn !== undefined;
  const data = [padded.map(hour => hour.hour), ...series.map(line => padded.map(hour => (inDay(hour) ? line.value(hour) : null)))];
  if (charts[id]) {
    charts[id].setData(data);
    return;
  }
  if (hours.length === 0) {
    return;
  }
  charts[id] = new uPlot({
    width: Math.max(container.clientWidth, 320),
    height: 240,
    scales: {
      x: { time: false },
      // From zero: a count or a wait is read against nothing, not against the day's lowest.
      y: { range: (plot, min, max) => [0, max > 0 ? Math.ceil(max * 1.15) : 1] },
    },
    axes: [
      { values: (plot, ticks) => ticks.map(clock), incrs: [1, 2, 3] },
      { label: series[0].axis, incrs: [1, 2, 5, 10, 15, 20, 30, 60, 90, 120] },
    ],
    series: [{ label: 'Hour', value: (plot, hour) => (hour == null ? '—' : clock(hour)) },
      ...series.map(line => ({ label: line.label, stroke: line.colour, width: 2, points: { show: true, size: 8 } }))],
  }, data, container);
}

/** The charts' figures in words: for whoever cannot read a chart, and a check that it shows the right day. */
function summarise(hours) {
  const sum = field => hours.reduce((total, hour) => total + hour[field], 0);
  const seen = sum('started');
  const waited = hours.reduce((total, hour) => total + (hour.averageWaitMinutes || 0) * hour.started, 0);
  document.getElementById('wait-summary').textContent = seen === 0 ? 'Nobody has been seen yet today.'
      : 'Today so far: ' + seen + ' seen, after ' + Math.round(waited / seen) + ' min on average.';
  document.getElementById('throughput-summary').textContent = sum('checkedIn') === 0 ? 'Nobody has checked in yet today.'
      : 'Today so far: ' + sum('checkedIn') + ' checked in, ' + sum('completed') + ' completed.';
}

function renderDay(profile) {
  summarise(profile.hours);
  drawChart('wait-chart', profile.hours, [
    { label: 'Average wait (min)', axis: 'minutes', colour: '#c62828',
      value: hour => hour.averageWaitMinutes == null ? null : Math.round(hour.averageWaitMinutes * 10) / 10 },
  ]);
  drawChart('throughput-chart', profile.hours, [
    { label: 'Checked in', axis: 'patients per hour', colour: '#1565c0', value: hour => hour.checkedIn },
    { label: 'Completed', colour: '#2e7d32', value: hour => hour.completed },
  ]);
}

function renderMetrics(rows) {
  document.querySelector('#doctor-metrics tbody').replaceChildren(...rows.map(row => {
    const tr = element('tr', null, element('td', null, doctorNames.get(row.doctorId) || row.doctorId),
        element('td', null, String(row.tokensScheduled)), element('td', 'completed', String(row.tokensCompleted)),
        element('td', null, String(row.tokensNoShow)), element('td', null, minutes(row.avgConsultationMinutes)),
        element('td', null, minutes(row.avgWaitMinutes)), element('td', null, minutes(row.firstPatientDelayMinutes)),
        element('td', null, row.lastPatientTime ? row.lastPatientTime.slice(0, 5) : '—'),
        element('td', null, minutes(row.idleMinutes)), element('td', null, minutes(row.breakMinutes)),
        element('td', null, row.utilizationPercent == null ? '—' : Math.round(Number(row.utilizationPercent)) + ' %'));
    tr.dataset.doctorId = row.doctorId;
    return tr;
  }));
  document.getElementById('metrics-as-of').textContent = rows.length === 0
      ? 'No doctor has figures for today yet.' : 'As computed by the metrics job; refreshed every minute.';
}

function alertButton(text, alert, action) {
  const node = element('button', action === 'resolve' ? 'secondary' : null, text);
  node.type = 'button';
  node.onclick = async () => {
    try {
      await postJson('/alerts/' + alert.alertId + '/' + action, {}, session.accessToken);
      say(alert.alertType + ': ' + action + 'd', '');
      await alerts.redraw();
    } catch (e) {
      say(e.message, 'error');
    }
  };
  return node;
}

function renderAlerts(open) {
  document.getElementById('no-alerts').hidden = open.length > 0;
  document.querySelector('#alerts tbody').replaceChildren(...open.map(alert => {
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

/** One load at a time; changes arriving meanwhile are covered by one more after it, not one each. */
function coalesced(load) {
  let running = null;
  let again = false;
  return {
    redraw() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await load().catch(e => say(e.message, 'error'));
        } while (again);
        running = null;
      })();
      return running;
    },
  };
}

const lines = coalesced(async () => {
  const id = hospital.hospitalId;
  const [queue, doctors, profile] = await Promise.all([
    get('/hospitals/' + id + '/live-queue'),
    get('/hospitals/' + id + '/doctor-status'),
    get('/hospitals/' + id + '/day-profile?date=' + today()),
  ]);
  renderDepartments(queue);
  renderDoctors(doctors);
  renderDay(profile);
});

const alerts = coalesced(async () => {
  const open = await get('/alerts?hospitalId=' + hospital.hospitalId + '&open=true&size=100');
  renderAlerts(open.items);
});

const metrics = coalesced(async () => {
  renderMetrics(await get('/hospitals/' + hospital.hospitalId + '/doctor-metrics?date=' + today()));
});

function showConnection(status) {
  document.getElementById('connection').hidden = status === 'live';
}

async function main() {
  session = await signInStaff();
  showSignedIn(session);
  hospital = await get('/hospitals/' + session.claims.hospital_id);
  const active = await get('/hospitals/' + hospital.hospitalId + '/departments?status=ACTIVE&size=100');
  departments = active.items;
  await lines.redraw();
  await metrics.redraw();
  follow('/hospitals/' + hospital.hospitalId + '/alerts/stream', {
    accessToken: session.accessToken, loadState: alerts.redraw, onEvent: alerts.redraw, onStatus: showConnection,
  });
  for (const department of departments) {
    follow('/departments/' + department.deptId + '/display/stream', {
      accessToken: session.accessToken, loadState: lines.redraw, onEvent: lines.redraw, onStatus: showConnection,
    });
  }
  setInterval(() => {
    lines.redraw();
    metrics.redraw();
  }, TIMER_REFRESH_MS);
}

main().catch(e => say(e.message, 'error'));
