'use strict';
// The plumbing of devices.js that needs no pool: its one line for a usage error. The device
// flow itself runs against the local pool in the Java integration test (JsClientIT).
// Run: cd src/test/js && npm ci && npm test

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFile } = require('node:child_process');

test('without its settings devices.js prints one InvalidUsage line naming them and exits 1', async () => {
  const run = await new Promise((resolve) => {
    execFile(process.execPath, [path.join(__dirname, 'devices.js')], { env: { PATH: process.env.PATH, COGAUTH_USERNAME: 'alice' } },
      (error, stdout) => resolve({ code: error ? error.code : 0, lines: stdout.split('\n').filter((line) => line !== '') }));
  });

  assert.equal(run.code, 1);
  assert.equal(run.lines.length, 1);
  assert.deepEqual(JSON.parse(run.lines[0]), {
    ok: false,
    error: {
      code: 'InvalidUsage',
      message: 'COGAUTH_ENDPOINT, COGAUTH_POOL_ID, COGAUTH_CLIENT_ID, COGAUTH_PASSWORD must be set',
    },
    steps: {},
    calls: [],
  });
});
