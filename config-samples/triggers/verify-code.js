// Verify Auth Challenge Response: the answer is correct when it equals the private answer
// create-code.js kept, surrounding blanks ignored. Callback style.
exports.handler = (event, context, callback) => {
  const expected = (event.request.privateChallengeParameters || {}).answer;
  const given = typeof event.request.challengeAnswer === 'string' ? event.request.challengeAnswer.trim() : '';
  event.response.answerCorrect = typeof expected === 'string' && expected !== '' && given === expected;
  callback(null, event);
};
