'use strict';
// What the tests of the official clients against the cogauth local pool share: the packaged jar
// (or, with COGAUTH_EXECUTABLE, a native cogauth binary), a pool started from it with an outbox, the
// outbox's messages, and token storage in memory.

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn } = require('node:child_process');

const JAR = process.env.COGAUTH_JAR || path.join(__dirname, '..', '..', '..', 'target', 'cogauth.jar');
/** A native cogauth binary to run instead of the jar (an absolute path, or relative to the working directory). */
const EXECUTABLE = process.env.COGAUTH_EXECUTABLE ? path.resolve(process.env.COGAUTH_EXECUTABLE) : null;

/** Why the tests skip (the jar is not built), or false; with CI=true a missing jar is an error instead. */
function jarMissing() {
  const underTest = EXECUTABLE || JAR;
  if (fs.existsSync(underTest)) {
    return false;
  }
  if (process.env.CI === 'true') {
    // .ci/run builds the jar before npm test: a missing jar there is a broken build, not a reason to skip.
    throw new Error(`${underTest} does not exist: build it first (mvn package); with CI=true this must not be skipped`);
  }
  return `${underTest} does not exist: run mvn package first (with CI=true this fails)`;
}

/** The command starting cogauth with `args`: the native binary when given, else `java -jar cogauth.jar`. */
function cogauthCommand(args) {
  if (EXECUTABLE) {
    return [EXECUTABLE, args];
  }
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  return [java, ['-jar', JAR, ...args]];
}

/** Starts `cogauth local-pool` for `poolDefinition` on a free port; resolves once it printed its endpoint. */
function startPool(poolDefinition, dir) {
  const poolFile = path.join(dir, 'pool.json');
  const outbox = path.join(dir, 'outbox');
  fs.writeFileSync(poolFile, JSON.stringify(poolDefinition));
  const [command, args] = cogauthCommand(['local-pool', '--pool', poolFile, '--outbox', outbox]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (endpoint) => resolve({ endpoint: endpoint.trim(), outbox, child, log: () => stderr }));
    child.once('exit', (code) => reject(new Error(`local-pool exited with ${code} before serving: ${stderr}`)));
    child.once('error', reject);
  });
}

/** Every message in the outbox, in the order sent (the files' names sort so). */
function outboxMessages(outbox) {
  return fs.readdirSync(outbox).filter((name) => name.endsWith('.json')).sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(outbox, name), 'utf8')));
}

/** Tokens in memory: Node has no localStorage, and tests must not share state through files. */
class MemoryStorage {
  constructor() { this.items = new Map(); }
  async setItem(key, value) { this.items.set(key, value); }
  async getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
  async removeItem(key) { this.items.delete(key); }
  async clear() { this.items.clear(); }
}

module.exports = { JAR, jarMissing, startPool, outboxMessages, MemoryStorage };
