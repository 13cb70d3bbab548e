#!/usr/bin/env node
'use strict';
/*
 * Signs in once with the official amazon-cognito-identity-js client against a Cognito-compatible
 * endpoint (the cogauth local pool, or any other), and prints ONE JSON line on stdout:
 *
 *   {"ok": true,  "idToken": "eyJ...", "accessToken": "eyJ...", "challenges": [{...}]}
 *   {"ok": false, "error": {"code": "NotAuthorizedException", "message": "..."}, "challenges": [...]}
 *
 * Exit status 0 when signed in, 1 otherwise (usage errors included). "challenges" lists the
 * public parameters of each CUSTOM_CHALLENGE the pool asked, in order. Nothing else is
 * written to stdout; anything the client library prints goes to stderr.
 *
 * Setup (once): cd src/test/js && npm ci
 *
 * Usage:
 *   node signin.js <mode> [--endpoint URL] [--pool-id ID] [--client-id ID] [--username NAME]
 *                         [--password PW] [--answer A]... [--client-metadata JSON] [--timeout-ms N]
 *
 * Modes:
 *   srp               authenticateUser with USER_SRP_AUTH; needs a password.
 *   custom-after-srp  authenticationFlowType CUSTOM_AUTH: InitiateAuth with SRP_A, the password
 *                     (empty when none is given) for a PASSWORD_VERIFIER challenge, then the
 *                     answers for the CUSTOM_CHALLENGEs. Note: this client always expects
 *                     PASSWORD_VERIFIER first here, so a passwordless Define trigger (one that
 *                     answers SRP_A with CUSTOM_CHALLENGE) makes it fail; that is the client's
 *                     behaviour, reported as a ClientError, not a harness bug.
 *   custom-only       initiateAuth: CUSTOM_AUTH with USERNAME only (no SRP), then the answers.
 *
 * Every option may come from the environment instead (the option wins), which keeps the
 * password and answers out of process listings:
 *   COGAUTH_ENDPOINT, COGAUTH_POOL_ID, COGAUTH_CLIENT_ID, COGAUTH_USERNAME, COGAUTH_PASSWORD,
 *   COGAUTH_ANSWERS (a JSON array of strings), COGAUTH_CLIENT_METADATA (a JSON object of
 *   strings), COGAUTH_TIMEOUT_MS (default 30000).
 * --answer is repeatable; the n-th custom challenge gets the n-th answer. The client metadata
 * goes with InitiateAuth and with every answer.
 *
 * Error codes besides the service's own (__type, e.g. NotAuthorizedException):
 *   InvalidUsage          a missing or bad option
 *   NetworkError          the endpoint could not be reached
 *   NoAnswerLeft          the pool asked more custom challenges than answers were given
 *   UnsupportedChallenge  the pool asked an MFA or new-password challenge
 *   Timeout               no outcome within --timeout-ms
 *   ClientError           the client library failed in some other way
 *
 * Example:
 *   COGAUTH_PASSWORD=secret node signin.js custom-after-srp --endpoint http://127.0.0.1:9229/ \
 *     --pool-id us-east-1_local --client-id abc123 --username alice --answer 42
 *
 * The client does not compute SECRET_HASH: use an app client without a secret.
 */

const { parseArgs } = require('util');

// Keep stdout for the one result line, whatever the client library prints.
for (const method of ['log', 'info', 'debug']) {
  console[method] = console.error.bind(console);
}

const MODES = ['srp', 'custom-after-srp', 'custom-only'];
const challenges = [];
let finished = false;

function finish(outcome) {
  if (finished) {
    return;
  }
  finished = true;
  const line = JSON.stringify({ ...outcome, challenges }) + '\n';
  process.stdout.write(line, () => process.exit(outcome.ok ? 0 : 1));
}

function fail(code, message) {
  finish({ ok: false, error: { code, message: String(message) } });
}

function failWith(error) {
  // Service errors carry their __type as code; Node's own (ERR_...) mean the client broke.
  const named = error && (error.code || (error.name !== 'Error' && error.name));
  const code = named && !String(named).startsWith('ERR_') ? named : 'ClientError';
  fail(code, error && error.message ? error.message : String(error));
}

process.on('uncaughtException', (error) => fail('ClientError', error && error.message ? error.message : error));
process.on('unhandledRejection', (error) => fail('ClientError', error && error.message ? error.message : error));
process.on('beforeExit', () => fail('ClientError', 'the client stopped without an outcome'));

class UsageError extends Error {}

function jsonOption(text, what, check) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not JSON`);
  }
  if (!check(value)) {
    throw new UsageError(`${what} has the wrong shape`);
  }
  return value;
}

function settings(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        'pool-id': { type: 'string' },
        'client-id': { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        answer: { type: 'string', multiple: true },
        'client-metadata': { type: 'string' },
        'timeout-ms': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  const mode = positionals[0];
  if (positionals.length !== 1 || !MODES.includes(mode)) {
    throw new UsageError(`give exactly one mode: ${MODES.join(', ')}`);
  }
  const required = (option, variable) => {
    const value = values[option] !== undefined ? values[option] : env[variable];
    if (value === undefined || value === '') {
      throw new UsageError(`--${option} (or ${variable}) is required`);
    }
    return value;
  };
  const isStringArray = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  const isStringMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
    && Object.values(value).every((item) => typeof item === 'string');

  const answers = values.answer !== undefined
    ? values.answer
    : env.COGAUTH_ANSWERS !== undefined ? jsonOption(env.COGAUTH_ANSWERS, 'COGAUTH_ANSWERS', isStringArray) : [];
  const metadataText = values['client-metadata'] !== undefined ? values['client-metadata'] : env.COGAUTH_CLIENT_METADATA;
  const clientMetadata = metadataText !== undefined
    ? jsonOption(metadataText, 'the client metadata', isStringMap)
    : undefined;
  const timeoutText = values['timeout-ms'] !== undefined ? values['timeout-ms'] : env.COGAUTH_TIMEOUT_MS || '30000';
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new UsageError(`--timeout-ms must be a positive whole number, not ${timeoutText}`);
  }
  const password = values.password !== undefined ? values.password : env.COGAUTH_PASSWORD;
  if (mode === 'srp' && !password) {
    throw new UsageError('--password (or COGAUTH_PASSWORD) is required for srp');
  }
  return {
    mode,
    endpoint: required('endpoint', 'COGAUTH_ENDPOINT'),
    poolId: required('pool-id', 'COGAUTH_POOL_ID'),
    clientId: required('client-id', 'COGAUTH_CLIENT_ID'),
    username: required('username', 'COGAUTH_USERNAME'),
    password: password || '',
    answers,
    clientMetadata,
    timeoutMs,
  };
}

function signIn(options) {
  // Required late: a usage error must not depend on the client being installed.
  const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');
  const pool = new CognitoUserPool({ UserPoolId: options.poolId, ClientId: options.clientId, endpoint: options.endpoint });
  const user = new CognitoUser({ Username: options.username, Pool: pool });
  const details = new AuthenticationDetails({
    Username: options.username,
    Password: options.password,
    ClientMetadata: options.clientMetadata,
  });
  const unsupported = (name) => () => fail('UnsupportedChallenge', `the pool asked ${name}, which this harness does not answer`);
  const callbacks = {
    onSuccess: (session) => finish({
      ok: true,
      idToken: session.getIdToken().getJwtToken(),
      accessToken: session.getAccessToken().getJwtToken(),
    }),
    onFailure: (error) => (error && error.code === 'NetworkError'
      ? fail('NetworkError', `cannot reach ${options.endpoint}`)
      : failWith(error)),
    customChallenge: (parameters) => {
      challenges.push(parameters || {});
      if (challenges.length > options.answers.length) {
        fail('NoAnswerLeft', `the pool asked custom challenge ${challenges.length}`
          + ` but ${options.answers.length} answer(s) were given`);
        return;
      }
      user.sendCustomChallengeAnswer(options.answers[challenges.length - 1], callbacks, options.clientMetadata);
    },
    mfaRequired: unsupported('SMS_MFA'),
    totpRequired: unsupported('SOFTWARE_TOKEN_MFA'),
    selectMFAType: unsupported('SELECT_MFA_TYPE'),
    mfaSetup: unsupported('MFA_SETUP'),
    newPasswordRequired: unsupported('NEW_PASSWORD_REQUIRED'),
  };
  if (options.mode === 'custom-only') {
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    user.initiateAuth(details, callbacks);
  } else {
    user.setAuthenticationFlowType(options.mode === 'srp' ? 'USER_SRP_AUTH' : 'CUSTOM_AUTH');
    user.authenticateUser(details, callbacks);
  }
}

function main() {
  let options;
  try {
    options = settings(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      fail('InvalidUsage', error.message);
      return;
    }
    throw error;
  }
  setTimeout(() => fail('Timeout', `no outcome within ${options.timeoutMs} ms`), options.timeoutMs);
  try {
    signIn(options);
  } catch (error) {
    failWith(error);
  }
}

main();
