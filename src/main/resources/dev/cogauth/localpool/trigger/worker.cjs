'use strict';
// cogauth's Node.js trigger worker: one long-lived process that runs the user's Lambda
// handlers for the local pool. Requests and replies are one JSON object per line:
//   stdin:  {"id": 1, "file": "/abs/define.js", "export": "handler", "functionName": "define",
//            "timeoutMs": 5000, "event": {...}}
//   stdout: <MARK>{"id": 1, "ok": true, "result": {...}}
//           <MARK>{"id": 1, "ok": false, "kind": "HANDLER_ERROR" | "MALFORMED_RESPONSE", "message": "..."}
// Only replies go to stdout, each behind MARK; everything handlers print goes to stderr.

const readline = require('readline');
const crypto = require('crypto');
const path = require('path');
const { pathToFileURL } = require('url');

const MARK = '\u0001cogauth-reply ';

// Keep the real stdout for replies, then send every other write (console.log, handlers
// writing to process.stdout) to stderr so it cannot corrupt the protocol.
const replyOut = process.stdout.write.bind(process.stdout);
const logOut = process.stderr.write.bind(process.stderr);
process.stdout.write = logOut;
for (const method of ['log', 'info', 'debug']) {
  console[method] = console.error.bind(console);
}

const inFlight = new Set();

function reply(id, line) {
  inFlight.delete(id);
  replyOut(MARK + line + '\n');
}

function replyError(id, kind, message) {
  reply(id, JSON.stringify({ id, ok: false, kind, message }));
}

// The message alone, as Lambda's errorMessage has it (the type would be errorType).
function describe(error) {
  if (error instanceof Error) {
    return error.message;
  }
  if (typeof error === 'string') {
    return error;
  }
  try {
    return JSON.stringify(error);
  } catch (ignored) {
    return String(error);
  }
}

// The thrown error's stack, for the pool's log only (never the client): the user's own frames,
// not Node's internals or this worker's.
function stackOf(error) {
  if (!(error instanceof Error) || typeof error.stack !== 'string') {
    return null;
  }
  const frames = error.stack.split('\n');
  const own = frames.slice(1).filter((line) => !line.includes('(node:') && !line.trim().startsWith('at node:')
    && !line.includes(__filename));
  return [frames[0], ...own].join('\n');
}

function logFailure(request, error) {
  const stack = stackOf(error);
  if (stack !== null) {
    logOut(`Trigger ${path.basename(request.file)} (${request.export}) failed: ${stack}\n`);
  }
}

async function loadModule(file) {
  if (file.endsWith('.mjs')) {
    return import(pathToFileURL(file).href);
  }
  try {
    return require(file);
  } catch (error) {
    // A .js file in a "type": "module" package cannot be required (Node 20): import it.
    if (error && error.code === 'ERR_REQUIRE_ESM') {
      return import(pathToFileURL(file).href);
    }
    throw error;
  }
}

function loadFailure(file, error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(`'${file}'`)) {
    return `${file}: file not found`;
  }
  // A syntax error's stack starts with "file:line"; keep that location, drop the rest.
  const firstStackLine = error && typeof error.stack === 'string' ? error.stack.split('\n')[0] : '';
  const where = error instanceof SyntaxError && firstStackLine.startsWith(file) ? firstStackLine : file;
  const type = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${where}: ${type}${describe(error).split('\n')[0]}`;
}

async function loadHandler(file, exportName) {
  let module;
  try {
    module = await loadModule(file);
  } catch (error) {
    throw new Error(`Cannot load trigger handler ${loadFailure(file, error)}`);
  }
  let handler = module && module[exportName];
  if (typeof handler !== 'function' && module && module.default && typeof module.default[exportName] === 'function') {
    handler = module.default[exportName]; // CommonJS module imported as ESM
  }
  if (typeof handler !== 'function') {
    throw new Error(`Trigger handler ${file} does not export a function named '${exportName}'`);
  }
  return handler;
}

function lambdaContext(request, settle) {
  const deadline = Date.now() + request.timeoutMs;
  const functionName = request.functionName;
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'cogauth-local-pool',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error, result) => settle(error, result),
    succeed: (result) => settle(null, result),
    fail: (error) => settle(error === undefined || error === null ? 'handled' : error),
  };
}

function answer(id, error, result) {
  if (error !== undefined && error !== null) {
    replyError(id, 'HANDLER_ERROR', describe(error));
    return;
  }
  let line;
  try {
    line = JSON.stringify({ id, ok: true, result: result === undefined ? null : result });
  } catch (serializationError) {
    replyError(id, 'MALFORMED_RESPONSE', `the result is not JSON: ${describe(serializationError)}`);
    return;
  }
  reply(id, line);
}

async function run(request) {
  inFlight.add(request.id);
  let settled = false;
  const settle = (error, result) => {
    if (!settled) {
      settled = true;
      answer(request.id, error, result);
    }
  };
  let handler;
  try {
    handler = await loadHandler(request.file, request.export);
  } catch (error) {
    settle(error);
    return;
  }
  // The handler's outcome, its stack logged if it failed (a load failure above names its file and line already).
  const fail = (error, result) => {
    if (!settled && error !== undefined && error !== null) {
      logFailure(request, error);
    }
    settle(error, result);
  };
  try {
    const returned = handler(request.event, lambdaContext(request, fail), fail);
    if (returned && typeof returned.then === 'function') {
      returned.then((result) => fail(null, result), (error) => fail(error === undefined ? 'rejected' : error));
    }
  } catch (error) {
    fail(error);
  }
}

// An error thrown outside any call's stack (a timer, a forgotten promise) cannot be pinned
// on one call: fail every call in flight, as Lambda would fail the invocation.
function failInFlight(error) {
  logOut(`Unhandled error in a trigger handler: ${stackOf(error) || describe(error)}\n`);
  for (const id of [...inFlight]) {
    replyError(id, 'HANDLER_ERROR', describe(error));
  }
}
process.on('uncaughtException', failInFlight);
process.on('unhandledRejection', failInFlight);

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    logOut(`cogauth trigger worker: ignoring a request that is not JSON\n`);
    return;
  }
  request.file = path.resolve(request.file);
  run(request);
});
lines.on('close', () => process.exit(0));
