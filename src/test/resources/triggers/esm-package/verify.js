// A .js file in a "type": "module" package: require() refuses it, so the worker imports it.
export const handler = async (event) => {
  event.response.answerCorrect = event.request.challengeAnswer === 'esm';
  return event;
};
