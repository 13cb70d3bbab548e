#!/usr/bin/env node
'use strict';
/*
 * Remembered devices with the official amazon-cognito-identity-js client against a
 * Cognito-compatible endpoint that tracks devices (the cogauth local pool), as an app does it.
 * Prints ONE JSON line on stdout and exits 0 when every step ran (whatever their outcome):
 *
 *   {"ok": true, "steps": {"<step>": {...}}, "calls": [{"operation", "status", "errorType", "deviceKey"}]}
 *   {"ok": false, "error": {"code", "message"}, "steps": {...}, "calls": [...]}
 *
 * Steps, each with one user's storage kept between them as an app keeps it:
 *   firstSignIn   USER_SRP_AUTH; the client confirms the device the pool offers (ConfirmDevice)
 *   deviceSignIn  a sign-in that names the device: DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER
 *   refresh       REFRESH_TOKEN_AUTH with the device key
 *   forget        ForgetDevice of that key, which the client keeps (now stale)
 *   staleSignIn   a sign-in with the stale key: ResourceNotFoundException, then the client's own
 *                 retry with the same Session and DEVICE_KEY null; a new device is confirmed
 * "calls" lists each request the client made: its operation, the answer's status and error
 * type, and the DEVICE_KEY it sent (in AuthParameters or ChallengeResponses; null when sent as
 * null, absent when not sent). Secrets (passwords, tokens) are never printed, except each
 * step's device key.
 *
 * Setup (once): cd src/test/js && npm ci
 * Usage (all from the environment, which keeps the password out of process listings):
 *   COGAUTH_ENDPOINT, COGAUTH_POOL_ID, COGAUTH_CLIENT_ID, COGAUTH_USERNAME, COGAUTH_PASSWORD,
 *   COGAUTH_TIMEOUT_MS (default 60000)  node devices.js
 */

for (const method of ['log', 'info', 'debug']) {
  console[method] = console.error.bind(console);
}

const steps = {};
const calls = [];
let finished = false;

function finish(outcome) {
  if (finished) {
    return;
  }
  finished = true;
  process.stdout.write(JSON.stringify({ ...outcome, steps, calls }) + '\n', () => process.exit(outcome.ok ? 0 : 1));
}

function fail(code, message) {
  finish({ ok: false, error: { code, message: String(message) } });
}

process.on('uncaughtException', (error) => fail('ClientError', error && error.message ? error.message : error));
process.on('unhandledRejection', (error) => fail('ClientError', error && error.message ? error.message : error));

// Record what the client sends and gets, before the library takes hold of fetch.
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options) => {
  const operation = String(options.headers['X-Amz-Target']).split('.').pop();
  const body = JSON.parse(options.body);
  const parameters = body.AuthParameters || body.ChallengeResponses || {};
  const call = { operation };
  if ('DEVICE_KEY' in parameters) {
    call.deviceKey = parameters.DEVICE_KEY;
  }
  const response = await realFetch(url, options);
  call.status = response.status;
  if (!response.ok) {
    call.errorType = (await response.clone().json()).__type;
  }
  calls.push(call);
  return response;
};

/** The storage an app keeps between runs (localStorage in a browser). */
class MemoryStorage {
  constructor() {
    this.items = new Map();
  }

  setItem(key, value) {
    this.items.set(key, String(value));
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  removeItem(key) {
    this.items.delete(key);
  }

  clear() {
    this.items.clear();
  }
}

const VARIABLES = ['COGAUTH_ENDPOINT', 'COGAUTH_POOL_ID', 'COGAUTH_CLIENT_ID', 'COGAUTH_USERNAME', 'COGAUTH_PASSWORD'];
const missing = VARIABLES.filter((name) => !process.env[name]);
if (missing.length > 0) {
  fail('InvalidUsage', `${missing.join(', ')} must be set`);
  return;
}

// Required late: a usage error must not depend on the client being installed.
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');

const options = {
  endpoint: process.env.COGAUTH_ENDPOINT,
  poolId: process.env.COGAUTH_POOL_ID,
  clientId: process.env.COGAUTH_CLIENT_ID,
  username: process.env.COGAUTH_USERNAME,
  password: process.env.COGAUTH_PASSWORD,
};
const storage = new MemoryStorage();
const pool = new CognitoUserPool({
  UserPoolId: options.poolId, ClientId: options.clientId, endpoint: options.endpoint, Storage: storage,
});

/** A fresh CognitoUser on the kept storage, as an app makes one per launch. */
function user() {
  return new CognitoUser({ Username: options.username, Pool: pool, Storage: storage });
}

function deviceKey() {
  const u = user();
  u.getCachedDeviceKeyAndPassword();
  return u.deviceKey;
}

function signIn() {
  const u = user();
  return new Promise((resolve) => {
    u.authenticateUser(new AuthenticationDetails({ Username: options.username, Password: options.password }), {
      onSuccess: (session, userConfirmationNecessary) => resolve({
        ok: true,
        deviceKey: deviceKey(),
        userConfirmationNecessary: userConfirmationNecessary === true,
        accessTokenDeviceKey: session.getAccessToken().decodePayload().device_key || null,
      }),
      onFailure: (error) => resolve({ ok: false, error: error.code || error.name, message: error.message }),
      mfaRequired: () => resolve({ ok: false, error: 'UnsupportedChallenge', message: 'SMS_MFA' }),
      totpRequired: () => resolve({ ok: false, error: 'UnsupportedChallenge', message: 'SOFTWARE_TOKEN_MFA' }),
    });
  });
}

function refresh() {
  const u = user();
  return new Promise((resolve) => {
    u.getSession((error, session) => {
      if (error) {
        resolve({ ok: false, error: error.code || error.name, message: error.message });
        return;
      }
      u.refreshSession(session.getRefreshToken(), (refreshError, refreshed) => resolve(refreshError
        ? { ok: false, error: refreshError.code || refreshError.name, message: refreshError.message }
        : { ok: true, accessTokenDeviceKey: refreshed.getAccessToken().decodePayload().device_key || null }));
    });
  });
}

/** ForgetDevice of the cached key; the client keeps the key, so it is stale from now on. */
function forget() {
  const u = user();
  const key = deviceKey();
  return new Promise((resolve) => {
    u.getSession((error) => {
      if (error) {
        resolve({ ok: false, error: error.code || error.name, message: error.message });
        return;
      }
      u.forgetSpecificDevice(key, {
        onSuccess: () => resolve({ ok: true, deviceKey: key, keptByTheClient: deviceKey() === key }),
        onFailure: (forgetError) => resolve({ ok: false, error: forgetError.code || forgetError.name }),
      });
    });
  });
}

async function main() {
  const timeoutMs = Number(process.env.COGAUTH_TIMEOUT_MS || '60000');
  setTimeout(() => fail('Timeout', `no outcome within ${timeoutMs} ms`), timeoutMs).unref();
  steps.firstSignIn = await signIn();
  steps.deviceSignIn = await signIn();
  steps.refresh = await refresh();
  steps.forget = await forget();
  steps.staleSignIn = await signIn();
  finish({ ok: true });
}

main();
