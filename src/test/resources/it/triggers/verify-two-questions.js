// Verify Auth Challenge Response: case-insensitive, blanks ignored; exported as "verify", not "handler".
exports.verify = async (event) => {
  const given = String(event.request.challengeAnswer || '').trim().toLowerCase();
  event.response.answerCorrect = given === event.request.privateChallengeParameters.answer;
  return event;
};
