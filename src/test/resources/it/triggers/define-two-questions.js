// Define Auth Challenge: the password by SRP, then two questions in turn; a wrong answer asks the
// same question again, and the third wrong answer fails the sign-in. Async style.
exports.handler = async (event) => {
  const session = event.request.session;
  const last = session[session.length - 1];
  const custom = session.filter((entry) => entry.challengeName === 'CUSTOM_CHALLENGE');
  const right = custom.filter((entry) => entry.challengeResult === true).length;
  const wrong = custom.length - right;
  event.response.issueTokens = false;
  event.response.failAuthentication = false;
  if (last && last.challengeName === 'SRP_A') {
    event.response.challengeName = 'PASSWORD_VERIFIER';
  } else if (!last || (last.challengeName === 'PASSWORD_VERIFIER' && last.challengeResult !== true)) {
    // No SRP start, or a wrong password.
    event.response.failAuthentication = true;
  } else if (right === 2) {
    event.response.issueTokens = true;
  } else if (wrong >= 3) {
    event.response.failAuthentication = true;
  } else {
    event.response.challengeName = 'CUSTOM_CHALLENGE';
  }
  return event;
};
