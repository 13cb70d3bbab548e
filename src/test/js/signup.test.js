'use strict';
// The official clients sign up, confirm and reset a password against the cogauth local pool (its
// management API, docs/local-pool-api.md): amazon-cognito-identity-js and Amplify JS v6, pinned in
// package-lock.json. The pool is started here from the packaged jar with an outbox, from which the
// codes are read. Needs target/cogauth.jar (mvn package) or COGAUTH_JAR.
// Run: cd src/test/js && npm ci && npm test

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
  CognitoUserPool, CognitoUser, CognitoUserAttribute, AuthenticationDetails,
} = require('amazon-cognito-identity-js');
const { Amplify } = require('aws-amplify');
const {
  signUp, confirmSignUp, resetPassword, confirmResetPassword, signIn, signOut, fetchAuthSession,
} = require('aws-amplify/auth');
const { cognitoUserPoolsTokenProvider } = require('aws-amplify/auth/cognito');
const { jarMissing, startPool, outboxMessages, MemoryStorage } = require('./local-pool');

const POOL_ID = 'us-east-1_SignUpPeer';
const CLIENT_ID = 'signuppeerclient';
const POOL = {
  poolId: POOL_ID,
  clients: [{ clientId: CLIENT_ID, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
  users: [],
};

/** The newest code the pool "sent" for `username` by the operation `challenge`. */
function lastCode(outbox, username, challenge) {
  const messages = outboxMessages(outbox)
    .filter((message) => message.username === username && message.challenge === challenge);
  assert.ok(messages.length > 0, `no ${challenge} message for ${username} in the outbox`);
  return messages[messages.length - 1].code;
}

const wrong = (code) => (code === '000000' ? '111111' : '000000');

/** amazon-cognito-identity-js's callbacks as promises. */
const call = (fn) => new Promise((resolve, reject) => fn((err, result) => (err ? reject(err) : resolve(result))));
const authenticate = (user, password) => new Promise((resolve, reject) => user.authenticateUser(
  new AuthenticationDetails({ Username: user.getUsername(), Password: password }),
  { onSuccess: resolve, onFailure: reject }));

const skip = jarMissing();

test('the official clients sign up, confirm and reset a password against the local pool',
  { skip, timeout: 120000 },
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogauth-signup-'));
    const pool = await startPool(POOL, dir);
    t.after(() => {
      pool.child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    await t.test('amazon-cognito-identity-js', async () => {
      const userPool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: `${pool.endpoint}/` });
      const email = new CognitoUserAttribute({ Name: 'email', Value: 'jo@example.com' });
      await assert.rejects(call((cb) => userPool.signUp('jo', 'weak', [email], null, cb)),
        { code: 'InvalidPasswordException' });
      const signedUp = await call((cb) => userPool.signUp('jo', 'Jo-Passw0rd!', [email], null, cb));
      assert.equal(signedUp.userConfirmed, false);
      assert.match(signedUp.userSub, /^[0-9a-f-]{36}$/);
      assert.equal(signedUp.codeDeliveryDetails.DeliveryMedium, 'EMAIL');
      const user = new CognitoUser({ Username: 'jo', Pool: userPool });
      await assert.rejects(authenticate(user, 'Jo-Passw0rd!'), { code: 'UserNotConfirmedException' });

      const code = lastCode(pool.outbox, 'jo', 'SignUp');
      await assert.rejects(call((cb) => user.confirmRegistration(wrong(code), true, cb)), { code: 'CodeMismatchException' });
      assert.equal(await call((cb) => user.confirmRegistration(code, true, cb)), 'SUCCESS');
      const session = await authenticate(user, 'Jo-Passw0rd!');
      assert.equal(session.getIdToken().decodePayload()['cognito:username'], 'jo');
      assert.equal(session.getIdToken().decodePayload().email_verified, true);

      const sent = await new Promise((resolve, reject) => user.forgotPassword({
        onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve,
      }));
      assert.equal(sent.CodeDeliveryDetails.AttributeName, 'email');
      const reset = lastCode(pool.outbox, 'jo', 'ForgotPassword');
      await new Promise((resolve, reject) => user.confirmPassword(reset, 'Jo-N3w-Passw0rd!', { onSuccess: resolve, onFailure: reject }));
      await assert.rejects(authenticate(user, 'Jo-Passw0rd!'), { code: 'NotAuthorizedException' });
      await authenticate(user, 'Jo-N3w-Passw0rd!');
    });

    await t.test('Amplify JS v6', async () => {
      Amplify.configure({
        Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: pool.endpoint } },
      });
      cognitoUserPoolsTokenProvider.setKeyValueStorage(new MemoryStorage());
      const started = await signUp({
        username: 'kai', password: 'Kai-Passw0rd!', options: { userAttributes: { email: 'kai@example.com' } },
      });
      assert.equal(started.isSignUpComplete, false);
      assert.equal(started.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
      assert.deepEqual(started.nextStep.codeDeliveryDetails,
        { deliveryMedium: 'EMAIL', destination: 'k***@e***', attributeName: 'email' });
      await assert.rejects(confirmSignUp({ username: 'kai', confirmationCode: wrong(lastCode(pool.outbox, 'kai', 'SignUp')) }),
        { name: 'CodeMismatchException' });
      const confirmed = await confirmSignUp({ username: 'kai', confirmationCode: lastCode(pool.outbox, 'kai', 'SignUp') });
      assert.equal(confirmed.isSignUpComplete, true);

      const resetting = await resetPassword({ username: 'kai' });
      assert.equal(resetting.nextStep.resetPasswordStep, 'CONFIRM_RESET_PASSWORD_WITH_CODE');
      await confirmResetPassword({
        username: 'kai', confirmationCode: lastCode(pool.outbox, 'kai', 'ForgotPassword'), newPassword: 'Kai-N3w-Passw0rd!',
      });
      const signedIn = await signIn({ username: 'kai', password: 'Kai-N3w-Passw0rd!' });
      assert.equal(signedIn.isSignedIn, true);
      const claims = (await fetchAuthSession()).tokens.idToken.payload;
      assert.equal(claims['cognito:username'], 'kai');
      await signOut();
    });
  });
