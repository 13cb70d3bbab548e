// Create Auth Challenge for the passwordless test pool: one fixed question whose answer stays private.
exports.handler = async (event) => {
  event.response.publicChallengeParameters = { question: 'What is the magic word?' };
  event.response.privateChallengeParameters = { answer: 'xyzzy' };
  event.response.challengeMetadata = 'MAGIC_WORD';
  return event;
};
