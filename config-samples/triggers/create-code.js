// Create Auth Challenge: asks a small arithmetic question, a stand-in for a one-time code
// that a real pool would send by e-mail or SMS. The client sees only the question; the
// answer stays in the private challenge parameters for verify-code.js. Async style.
const crypto = require('crypto');

exports.handler = async (event) => {
  if (event.request.challengeName !== 'CUSTOM_CHALLENGE') {
    return event;
  }
  const left = crypto.randomInt(2, 50);
  const right = crypto.randomInt(2, 50);
  event.response.publicChallengeParameters = { question: `What is ${left} + ${right}?` };
  event.response.privateChallengeParameters = { answer: String(left + right) };
  event.response.challengeMetadata = 'ARITHMETIC_QUESTION';
  return event;
};
