// A slot offered from the waitlist: /screens/offer.html#<offer link>. The link is the only credential: after #,
// it is not sent when the page loads nor in referrers (nor fetched by link previews: only the button confirms).
const link = location.hash.slice(1);
let bundle = {};

function text(key, values = {}) {
  return (bundle[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

function say(message) {
  document.getElementById('confirm').hidden = true;
  document.getElementById('intro').hidden = true;
  const outcome = document.getElementById('outcome');
  outcome.textContent = message;
  outcome.hidden = false;
}

// The hospital's wall clock, as the answer gives it ("2026-12-05T10:00:00+05:30"), wherever the phone's zone is.
function hospitalTime(startTime) {
  const [date, clock] = startTime.split('T');
  const day = new Date(date + 'T00:00:00Z').toLocaleDateString(document.documentElement.lang + '-IN',
      { dateStyle: 'medium', timeZone: 'UTC' });
  return day + ', ' + clock.slice(0, 5);
}

async function confirm() {
  const response = await fetch('/api/v1/offer-links/' + encodeURIComponent(link) + '/confirm',
      { method: 'POST', headers: { 'Accept': 'application/json' } });
  if (response.status === 400 || response.status === 404) {
    document.getElementById('card').hidden = true;
    document.getElementById('gone').hidden = false;
    return;
  }
  if (!response.ok) {
    say(text('offer.lapsed'));
    return;
  }
  const booked = await response.json();
  say(text('offer.CONFIRMED', { time: hospitalTime(booked.startTime) }));
}

async function main() {
  const language = navigator.language.startsWith('hi') ? 'hi' : 'en';
  bundle = await (await fetch('i18n/' + language + '.json')).json();
  document.documentElement.lang = language;
  document.title = text('offer.title');
  document.querySelectorAll('[data-label]').forEach(node => { node.textContent = text(node.dataset.label); });
  if (!link) {
    document.getElementById('card').hidden = true;
    document.getElementById('gone').hidden = false;
    return;
  }
  document.getElementById('confirm').addEventListener('click', confirm);
}

main();
