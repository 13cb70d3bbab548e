'use strict';
// Tests the plumbing of signin.js against a scripted stand-in for Cognito on loopback: what the
// official client sends in each mode, and the one JSON line the harness prints for each outcome.
// The real sign-ins against the local pool are the Java integration test's job.
// Run: cd src/test/js && npm ci && npm test

const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const path = require('node:path');
const { execFile } = require('node:child_process');

const SIGNIN = path.join(__dirname, 'signin.js');

function jwt(claims) {
  const part = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.signature`;
}

const now = Math.floor(Date.now() / 1000);
const ID_TOKEN = jwt({ token_use: 'id', sub: 'alice-sub', 'cognito:username': 'alice', iat: now, exp: now + 3600 });
const TOKENS = {
  AuthenticationResult: {
    IdToken: ID_TOKEN,
    AccessToken: jwt({ token_use: 'access', username: 'alice', iat: now, exp: now + 3600 }),
    RefreshToken: 'refresh-token',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  },
};
const SRP_CHALLENGE = {
  ChallengeName: 'PASSWORD_VERIFIER',
  Session: 'srp-session',
  ChallengeParameters: {
    SALT: 'a1b2c3d4',
    SRP_B: '2',
    SECRET_BLOCK: Buffer.from('secret block').toString('base64'),
    USER_ID_FOR_SRP: 'alice-internal',
    USERNAME: 'alice-internal',
  },
};

function customChallenge(session, question) {
  return { ChallengeName: 'CUSTOM_CHALLENGE', Session: session, ChallengeParameters: { USERNAME: 'alice', question } };
}

function serviceError(type, message) {
  return { status: 400, body: { __type: type, message } };
}

/** A loopback endpoint answering each call with the next scripted answer; records what it got. */
async function fakeCognito(script) {
  const calls = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target']).split('.').pop();
      calls.push({ operation, body: JSON.parse(body) });
      const next = script.shift();
      if (next === 'hang') {
        return;
      }
      const answer = next && next.status ? next : { status: 200, body: next || {} };
      response.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}/`;
  return { endpoint, calls, close: () => { server.closeAllConnections(); server.close(); } };
}

function signin(args, env = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [SIGNIN, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 20000 },
      (error, stdout, stderr) => {
        const lines = stdout.split('\n').filter((line) => line !== '');
        resolve({ code: error ? error.code : 0, lines, result: JSON.parse(lines[0] || 'null'), stderr });
      });
  });
}

const POOL = ['--pool-id', 'us-east-1_local', '--client-id', 'client123', '--username', 'alice'];

test('custom-only answers each custom challenge in turn with the newest session', async (t) => {
  const cognito = await fakeCognito([
    customChallenge('s1', 'What is 2 + 2?'),
    customChallenge('s2', 'What is 3 + 3?'),
    TOKENS,
  ]);
  t.after(cognito.close);

  const run = await signin(['custom-only', '--endpoint', cognito.endpoint, ...POOL, '--answer', '5', '--answer', '6',
    '--client-metadata', '{"app":"harness"}']);

  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.lines.length, 1, 'exactly one line on stdout');
  assert.equal(run.result.ok, true);
  assert.equal(run.result.idToken, ID_TOKEN);
  assert.deepEqual(run.result.challenges.map((c) => c.question), ['What is 2 + 2?', 'What is 3 + 3?']);
  const [start, first, second] = cognito.calls;
  assert.equal(start.operation, 'InitiateAuth');
  assert.equal(start.body.AuthFlow, 'CUSTOM_AUTH');
  assert.deepEqual(Object.keys(start.body.AuthParameters), ['USERNAME'], 'no SRP_A without SRP');
  assert.deepEqual([first.body.Session, first.body.ChallengeResponses.ANSWER], ['s1', '5']);
  assert.deepEqual([second.body.Session, second.body.ChallengeResponses.ANSWER], ['s2', '6']);
  assert.deepEqual(second.body.ClientMetadata, { app: 'harness' });
});

test('answers may come from the environment', async (t) => {
  const cognito = await fakeCognito([customChallenge('s1', 'q'), TOKENS]);
  t.after(cognito.close);

  const run = await signin(['custom-only'], {
    COGAUTH_ENDPOINT: cognito.endpoint, COGAUTH_POOL_ID: 'us-east-1_local', COGAUTH_CLIENT_ID: 'client123',
    COGAUTH_USERNAME: 'alice', COGAUTH_ANSWERS: '["from env"]',
  });

  assert.equal(run.result.ok, true, JSON.stringify(run.result));
  assert.equal(cognito.calls[1].body.ChallengeResponses.ANSWER, 'from env');
});

test('more custom challenges than answers is NoAnswerLeft', async (t) => {
  const cognito = await fakeCognito([customChallenge('s1', 'q1'), customChallenge('s2', 'q2')]);
  t.after(cognito.close);

  const run = await signin(['custom-only', '--endpoint', cognito.endpoint, ...POOL, '--answer', 'only one']);

  assert.equal(run.code, 1);
  assert.equal(run.result.ok, false);
  assert.equal(run.result.error.code, 'NoAnswerLeft');
  assert.equal(run.result.challenges.length, 2);
});

test('a service error comes back with its __type and message', async (t) => {
  const cognito = await fakeCognito([serviceError('NotAuthorizedException', 'Incorrect username or password.')]);
  t.after(cognito.close);

  const run = await signin(['custom-only', '--endpoint', cognito.endpoint, ...POOL]);

  assert.equal(run.code, 1);
  assert.deepEqual(run.result, {
    ok: false,
    error: { code: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    challenges: [],
  });
});

test('srp signs the password verifier and signs in', async (t) => {
  const cognito = await fakeCognito([SRP_CHALLENGE, TOKENS]);
  t.after(cognito.close);

  const run = await signin(['srp', '--endpoint', cognito.endpoint, ...POOL], { COGAUTH_PASSWORD: 'Passw0rd!' });

  assert.equal(run.code, 0, JSON.stringify(run.result));
  assert.equal(run.result.idToken, ID_TOKEN);
  const [start, verifier] = cognito.calls;
  assert.equal(start.body.AuthFlow, 'USER_SRP_AUTH');
  assert.match(start.body.AuthParameters.SRP_A, /^[0-9a-f]+$/);
  assert.equal(start.body.AuthParameters.CHALLENGE_NAME, undefined);
  assert.equal(verifier.body.ChallengeName, 'PASSWORD_VERIFIER');
  assert.equal(verifier.body.Session, 'srp-session');
  assert.equal(verifier.body.ChallengeResponses.USERNAME, 'alice-internal', 'the internal name from then on');
  assert.match(verifier.body.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE, /^[A-Za-z0-9+/]{43}=$/);
  assert.match(verifier.body.ChallengeResponses.TIMESTAMP, /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d UTC \d{4}$/);
});

test('custom-after-srp starts with SRP_A, answers the password verifier, then the custom challenge', async (t) => {
  const cognito = await fakeCognito([SRP_CHALLENGE, customChallenge('s2', 'code?'), TOKENS]);
  t.after(cognito.close);

  const run = await signin(['custom-after-srp', '--endpoint', cognito.endpoint, ...POOL, '--password', 'pw',
    '--answer', '123456']);

  assert.equal(run.code, 0, JSON.stringify(run.result));
  const [start, verifier, answer] = cognito.calls;
  assert.equal(start.body.AuthFlow, 'CUSTOM_AUTH');
  assert.equal(start.body.AuthParameters.CHALLENGE_NAME, 'SRP_A');
  assert.equal(verifier.body.ChallengeName, 'PASSWORD_VERIFIER');
  assert.deepEqual([answer.body.ChallengeName, answer.body.Session, answer.body.ChallengeResponses.ANSWER],
    ['CUSTOM_CHALLENGE', 's2', '123456']);
});

test('custom-after-srp against a passwordless Define fails cleanly: this client expects PASSWORD_VERIFIER first',
  async (t) => {
    const cognito = await fakeCognito([customChallenge('s1', 'code?'), TOKENS]);
    t.after(cognito.close);

    const run = await signin(['custom-after-srp', '--endpoint', cognito.endpoint, ...POOL, '--answer', '1']);

    assert.equal(run.code, 1);
    assert.equal(run.lines.length, 1);
    assert.equal(run.result.ok, false);
    assert.equal(run.result.error.code, 'ClientError');
    assert.equal(cognito.calls.length, 1, 'it never answers the custom challenge');
  });

test('an MFA challenge is UnsupportedChallenge', async (t) => {
  const cognito = await fakeCognito([SRP_CHALLENGE, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's2', ChallengeParameters: {} }]);
  t.after(cognito.close);

  const run = await signin(['srp', '--endpoint', cognito.endpoint, ...POOL, '--password', 'pw']);

  assert.equal(run.result.error.code, 'UnsupportedChallenge');
  assert.match(run.result.error.message, /SOFTWARE_TOKEN_MFA/);
});

test('an endpoint nobody listens on is a NetworkError naming it', async () => {
  const cognito = await fakeCognito([]);
  cognito.close();

  const run = await signin(['custom-only', '--endpoint', cognito.endpoint, ...POOL]);

  assert.equal(run.code, 1);
  assert.deepEqual(run.result.error, { code: 'NetworkError', message: `cannot reach ${cognito.endpoint}` });
});

test('an endpoint that never answers is a Timeout', async (t) => {
  const cognito = await fakeCognito(['hang']);
  t.after(cognito.close);

  const run = await signin(['custom-only', '--endpoint', cognito.endpoint, ...POOL, '--timeout-ms', '300']);

  assert.equal(run.code, 1);
  assert.deepEqual(run.result.error, { code: 'Timeout', message: 'no outcome within 300 ms' });
});

for (const [args, message] of [
  [[], 'give exactly one mode: srp, custom-after-srp, custom-only'],
  [['fly'], 'give exactly one mode: srp, custom-after-srp, custom-only'],
  [['custom-only', '--pool-id', 'us-east-1_local'], '--endpoint (or COGAUTH_ENDPOINT) is required'],
  [['srp', '--endpoint', 'http://127.0.0.1:1/', ...POOL], '--password (or COGAUTH_PASSWORD) is required for srp'],
  [['custom-only', '--endpoint', 'http://127.0.0.1:1/', ...POOL, '--client-metadata', '[1]'], 'the client metadata has the wrong shape'],
  [['custom-only', '--endpoint', 'http://127.0.0.1:1/', ...POOL, '--timeout-ms', 'soon'], '--timeout-ms must be a positive whole number, not soon'],
  [['custom-only', '--bogus'], "Unknown option '--bogus'"],
]) {
  test(`usage error: ${message}`, async () => {
    const run = await signin(args);

    assert.equal(run.code, 1);
    assert.equal(run.result.error.code, 'InvalidUsage');
    assert.ok(run.result.error.message.startsWith(message), run.result.error.message);
  });
}
