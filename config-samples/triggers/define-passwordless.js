// Define Auth Challenge for a passwordless sign-in that starts as custom-with-SRP
// (AuthFlow CUSTOM_AUTH with CHALLENGE_NAME=SRP_A): no password is ever checked.
//   session [SRP_A]                            -> ask one CUSTOM_CHALLENGE
//   session [SRP_A, CUSTOM_CHALLENGE answered] -> issue tokens
//   anything else (a wrong answer included)    -> fail the sign-in
// Written in the old context.done style, which Lambda's Node.js runtimes still accept.
exports.handler = (event, context) => {
  const session = event.request.session;
  if (session.length === 1 && session[0].challengeName === 'SRP_A') {
    event.response.issueTokens = false;
    event.response.failAuthentication = false;
    event.response.challengeName = 'CUSTOM_CHALLENGE';
  } else if (
    session.length === 2 &&
    session[1].challengeName === 'CUSTOM_CHALLENGE' &&
    session[1].challengeResult === true
  ) {
    event.response.issueTokens = true;
    event.response.failAuthentication = false;
  } else {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
  }
  context.done(null, event);
};
