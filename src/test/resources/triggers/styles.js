// The same Verify Auth Challenge logic in every handler style Lambda accepts.
const check = (event) => {
  event.response.answerCorrect =
    event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  return event;
};

exports.asyncReturn = async (event) => check(event);

exports.promiseReturn = (event) => new Promise((resolve) => setTimeout(() => resolve(check(event)), 5));

exports.callback = (event, context, callback) => {
  setImmediate(() => callback(null, check(event)));
};

exports.contextDone = (event, context) => {
  context.done(null, check(event));
};

exports.contextSucceed = (event, context) => {
  context.succeed(check(event));
};
