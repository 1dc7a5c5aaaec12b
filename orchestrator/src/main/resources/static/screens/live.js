// Shared by the screens: an access token by client credentials, and a live stream that reloads
// the state whenever it (re)connects.
//
// The stream is read with fetch, not EventSource: EventSource cannot send the Authorization
// header, and an access token in the URL would end up in access logs and browser history. The
// token is kept in memory only.

/** An access token of a device credential (client credentials), renewed a minute before it expires. */
export function deviceTokens(credential) {
  let token = null;
  let expiresAt = 0;
  return async function accessToken() {
    if (token && Date.now() < expiresAt - 60_000) {
      return token;
    }
    const response = await fetch('/oauth2/token', {
      method: 'POST',
      headers: {
        'Authorization': 'Basic ' + btoa(credential.clientId + ':' + credential.clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    if (!response.ok) {
      throw new Error('sign-in refused: ' + response.status);
    }
    const answer = await response.json();
    token = answer.access_token;
    expiresAt = Date.now() + answer.expires_in * 1000;
    return token;
  };
}

/** GET of the API as JSON, with the access token. */
export async function getJson(path, accessToken) {
  const response = await fetch('/api/v1' + path, {
    headers: { 'Authorization': 'Bearer ' + await accessToken(), 'Accept': 'application/json' },
  });
  if (!response.ok) {
    throw new Error(path + ' answered ' + response.status);
  }
  return response.json();
}

/**
 * POST of JSON to the API, with the access token; the answer's JSON. A refusal throws an Error
 * whose message is the problem's detail (and the fields it names), for the page to show.
 */
export async function postJson(path, body, accessToken) {
  const response = await fetch('/api/v1' + path, {
    method: 'POST',
    headers: { 'Authorization': 'Bearer ' + await accessToken(), 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (answer.errors || []).map(error => error.field + ': ' + error.message);
    throw new Error([answer.detail || answer.title || path + ' answered ' + response.status, ...fields].join('; '));
  }
  return answer;
}

/**
 * Follows a Server-Sent Events stream of the API. After each connect ("ready" event) it calls
 * loadState, so a screen that was away shows the state at once; onStatus gets 'live' or
 * 'reconnecting'. Returns a function that stops following (loadState may call it too).
 */
export function follow(path, { accessToken = null, loadState, onEvent, onStatus }) {
  let stopped = false;
  let controller = null;
  (async () => {
    let delay = 500;
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/api/v1' + path, {
          // Without accessToken: a stream whose path is its own credential (a patient's status link).
          headers: accessToken ? { 'Authorization': 'Bearer ' + await accessToken(), 'Accept': 'text/event-stream' }
            : { 'Accept': 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok) {
          throw new Error(path + ' answered ' + response.status);
        }
        await readEvents(response.body, async (name, data) => {
          if (name === 'ready') {
            await loadState();
            onStatus('live');
            delay = 500;
          } else {
            onEvent(name, JSON.parse(data));
          }
        });
      } catch (e) {
        console.warn('live stream interrupted', e.message);
      }
      if (!stopped) {
        onStatus('reconnecting');
        await new Promise(resolve => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  })();
  return () => {
    stopped = true;
    if (controller) {
      controller.abort();
    }
  };
}

/** Parses text/event-stream (https://html.spec.whatwg.org/multipage/server-sent-events.html) until it ends. */
async function readEvents(body, handle) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0) {
          continue; // a comment: the server's heartbeat
        }
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          name = text;
        } else if (field === 'data') {
          data.push(text);
        }
      }
      if (data.length > 0) {
        await handle(name, data.join('\n'));
      }
    }
  }
}
