// Create Auth Challenge: the first question until it is answered right, then the second.
// Throws for the user "crash", to test how a failing trigger reaches the client. Callback style.
const QUESTIONS = [
  { question: 'What is the capital of France?', answer: 'paris' },
  { question: 'What colour is a clear sky?', answer: 'blue' },
];

exports.handler = (event, context, callback) => {
  if (event.userName === 'crash') {
    throw new Error('Create refuses user crash');
  }
  const right = event.request.session
    .filter((entry) => entry.challengeName === 'CUSTOM_CHALLENGE' && entry.challengeResult === true).length;
  const next = QUESTIONS[Math.min(right, QUESTIONS.length - 1)];
  event.response.publicChallengeParameters = { question: next.question, step: `${right + 1} of 2` };
  event.response.privateChallengeParameters = { answer: next.answer };
  event.response.challengeMetadata = `QUESTION_${right + 1}`;
  callback(null, event);
};
