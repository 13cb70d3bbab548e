// Verify Auth Challenge Response for the passwordless test pool. context.succeed style.
exports.handler = (event, context) => {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  context.succeed(event);
};
