// Handlers that fail in each way Lambda reports a function error, or answer nonsense.
exports.throws = async () => {
  throw new Error('no such user in the legacy directory');
};

exports.throwsSync = () => {
  throw new TypeError('cannot read the session');
};

exports.callbackError = (event, context, callback) => callback(new Error('callback refused'));

exports.contextFail = (event, context) => context.fail('context refused');

exports.contextDoneError = (event, context) => context.done(new Error('done refused'), event);

exports.rejectsWithString = () => Promise.reject('rejected as a string');

exports.returnsString = async () => 'not an event';

exports.returnsArray = async () => [1, 2];

exports.returnsNothing = async () => undefined;

exports.returnsCircular = async (event) => {
  event.self = event;
  return event;
};

exports.throwsLater = () => {
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 5);
};

exports.neverAnswers = () => {};

exports.spins = () => {
  for (;;) {
    // a handler stuck in a loop blocks the whole worker
  }
};

exports.exits = () => process.exit(3);

exports.notAFunction = 42;
