// Staff sign-in for the console: OAuth 2.0 authorization code with PKCE (RFC 7636) at the embedded
// issuer, as the public client opd-console. The access token stays in memory; when it expires the
// page goes through the issuer again, which answers at once while the staff member's session lives.

const CLIENT_ID = 'opd-console';
const PENDING_KEY = 'opd.console.signIn';

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return location.origin + location.pathname;
}

/** Leaves for the issuer's sign-in; the verifier and state wait in this tab's session storage. */
async function goSignIn() {
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, scope: 'openid', redirect_uri: redirectUri(), state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign('/oauth2/authorize?' + query);
  return new Promise(() => {}); // the page is leaving
}

/** The code the issuer sent back, exchanged for tokens; null when this load is not a return from sign-in. */
async function redeemCode() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  if (!params.has('code') || !pending) {
    return null;
  }
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', redirectUri()); // the code is used once: not in history, not reloaded
  if (params.get('state') !== pending.state) {
    throw new Error('sign-in answer for another request');
  }
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: CLIENT_ID, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error('sign-in refused: ' + response.status);
  }
  return response.json();
}

/** The claims of a JWT (read to choose what to show; the API checks them itself). */
function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
}

/**
 * Signs the staff member in (leaving for the issuer if needed) and returns { accessToken, claims, signOut }:
 * accessToken() gives a valid token, going through the issuer again once it expired; signOut() ends the
 * session at the issuer (OIDC RP-initiated logout) and comes back to this page, which asks for a sign-in.
 */
export async function signInStaff() {
  const answer = await redeemCode();
  if (!answer) {
    return goSignIn();
  }
  const token = answer.access_token;
  const expiresAt = Date.now() + answer.expires_in * 1000;
  return {
    claims: claimsOf(token),
    accessToken: async () => (Date.now() < expiresAt - 10_000 ? token : goSignIn()),
    signOut: () => {
      const query = new URLSearchParams({
        id_token_hint: answer.id_token, client_id: CLIENT_ID, post_logout_redirect_uri: redirectUri(),
      });
      location.assign('/connect/logout?' + query);
    },
  };
}

/** The banner's "who" (the staff member's roles) and its sign-out button, shared by the staff pages. */
export function showSignedIn(session) {
  document.getElementById('who').textContent = (session.claims.roles || []).join(', ');
  const signOut = document.getElementById('sign-out');
  signOut.hidden = false;
  signOut.onclick = session.signOut;
}
