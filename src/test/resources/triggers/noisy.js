// A handler that prints in every way a handler can; none of it may corrupt the worker protocol.
exports.handler = async (event) => {
  console.log('log line from', event.userName);
  console.info('info line');
  console.error('error line');
  console.warn('warn line');
  process.stdout.write('raw stdout line\n');
  process.stdout.write('{"id":1,"ok":true,"result":{"forged":true}}\n');
  require('fs').writeSync(1, 'straight to fd 1 without a newline');
  event.response.printed = true;
  return event;
};
