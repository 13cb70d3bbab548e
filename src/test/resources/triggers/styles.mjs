// An ES module handler: loaded with import(), not require().
export const handler = async (event) => {
  event.response.answerCorrect =
    event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  return event;
};
