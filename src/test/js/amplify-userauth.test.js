'use strict';
// The official Amplify JS v6 client (aws-amplify, pinned in package-lock.json) signs in with
// choice-based sign-in (authFlowType 'USER_AUTH') against the cogauth local pool, started here from
// the packaged jar with an outbox from which the email and SMS codes are read.
// Needs target/cogauth.jar (mvn package; .ci/run runs mvn verify before npm test) or COGAUTH_JAR.
// Run: cd src/test/js && npm ci && npm test

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Amplify } = require('aws-amplify');
const { signIn, confirmSignIn, signOut, fetchAuthSession } = require('aws-amplify/auth');
const { cognitoUserPoolsTokenProvider } = require('aws-amplify/auth/cognito');
const { jarMissing, startPool, outboxMessages, MemoryStorage } = require('./local-pool');

const POOL_ID = 'us-east-1_AmplifyPeer';
const CLIENT_ID = 'amplifypeerclient';
// Signs in only with a code: email and phone, no password.
const ERIN = { username: 'erin', email: 'erin@example.com', phone: '+15550104321' };
// Signs in with a password (and could with an email code).
const PAULA = { username: 'paula', email: 'paula@example.com', password: 'Paula-Passw0rd!' };

const POOL = {
  poolId: POOL_ID,
  signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] },
  clients: [{ clientId: CLIENT_ID, explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
  users: [
    { username: ERIN.username, email: ERIN.email, phone_number: ERIN.phone },
    { username: PAULA.username, email: PAULA.email, password: PAULA.password },
  ],
};

/** The newest code the pool "sent" to `destination` (the outbox's files sort in the order sent). */
function lastCode(outbox, destination) {
  const messages = outboxMessages(outbox).filter((message) => message.destination === destination);
  assert.ok(messages.length > 0, `no message to ${destination} in the outbox`);
  return messages[messages.length - 1];
}

function idTokenClaims(session) {
  assert.ok(session.tokens && session.tokens.idToken, 'signed in with an ID token');
  return session.tokens.idToken.payload;
}

async function signedInAs(username) {
  const claims = idTokenClaims(await fetchAuthSession());
  assert.equal(claims['cognito:username'], username);
  assert.equal(claims.aud, CLIENT_ID);
  await signOut();
}

const skip = jarMissing();

test('Amplify JS v6 signs in to the local pool with USER_AUTH',
  { skip, timeout: 120000 },
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogauth-amplify-'));
    const pool = await startPool(POOL, dir);
    t.after(() => {
      pool.child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    t.diagnostic(`local pool ${pool.endpoint}`);
    Amplify.configure({
      Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: pool.endpoint } },
    });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(new MemoryStorage());

    await t.test('EMAIL_OTP chosen from the selection, with the code from the outbox', async () => {
      const started = await signIn({ username: ERIN.username, options: { authFlowType: 'USER_AUTH' } });
      assert.equal(started.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
      assert.deepEqual(started.nextStep.availableChallenges, ['EMAIL_OTP', 'SMS_OTP']);
      const asked = await confirmSignIn({ challengeResponse: 'EMAIL_OTP' });
      assert.equal(asked.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
      assert.deepEqual(asked.nextStep.codeDeliveryDetails, { deliveryMedium: 'EMAIL', destination: 'e***@e***' });
      const message = lastCode(pool.outbox, ERIN.email);
      assert.equal(message.medium, 'EMAIL');
      assert.equal(message.username, ERIN.username);
      assert.match(message.code, /^\d{8}$/);
      const done = await confirmSignIn({ challengeResponse: message.code });
      assert.deepEqual(done, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      await signedInAs(ERIN.username);
    });

    await t.test('SMS_OTP preferred goes straight to the code', async () => {
      const asked = await signIn({
        username: ERIN.username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'SMS_OTP' },
      });
      assert.equal(asked.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_SMS_CODE');
      assert.deepEqual(asked.nextStep.codeDeliveryDetails, { deliveryMedium: 'SMS', destination: '+*******4321' });
      const done = await confirmSignIn({ challengeResponse: lastCode(pool.outbox, ERIN.phone).code });
      assert.equal(done.isSignedIn, true);
      await signedInAs(ERIN.username);
    });

    await t.test('a wrong code is refused with CodeMismatchException, and the right one still signs in', async () => {
      await signIn({ username: ERIN.username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
      const { code } = lastCode(pool.outbox, ERIN.email);
      const wrong = code === '00000000' ? '11111111' : '00000000';
      await assert.rejects(confirmSignIn({ challengeResponse: wrong }), (error) => {
        assert.equal(error.name, 'CodeMismatchException');
        assert.equal(error.message, 'Invalid code received for user');
        return true;
      });
      const done = await confirmSignIn({ challengeResponse: code });
      assert.equal(done.isSignedIn, true);
      await signedInAs(ERIN.username);
    });

    await t.test('PASSWORD_SRP preferred: SRP_A with the start, then the password verifier', async () => {
      const done = await signIn({
        username: PAULA.username, password: PAULA.password,
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' },
      });
      assert.deepEqual(done, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      await signedInAs(PAULA.username);
    });

    await t.test('PASSWORD preferred: the password in the same call', async () => {
      const done = await signIn({
        username: PAULA.username, password: PAULA.password,
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
      });
      assert.equal(done.isSignedIn, true);
      await signedInAs(PAULA.username);
    });

    await t.test('PASSWORD_SRP chosen from the selection, then the password', async () => {
      const started = await signIn({ username: PAULA.username, options: { authFlowType: 'USER_AUTH' } });
      assert.deepEqual(started.nextStep.availableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
      const asked = await confirmSignIn({ challengeResponse: 'PASSWORD_SRP' });
      assert.equal(asked.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_PASSWORD');
      const done = await confirmSignIn({ challengeResponse: PAULA.password });
      assert.equal(done.isSignedIn, true);
      await signedInAs(PAULA.username);
    });

    await t.test('a wrong password is NotAuthorizedException', async () => {
      await assert.rejects(signIn({
        username: PAULA.username, password: 'Wrong-Passw0rd!',
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
      }), { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    });

    assert.match(pool.log(), /Email to erin@example\.com for erin: your verification code is \d{8}/,
      'the pool shows each code it sends');
  });
