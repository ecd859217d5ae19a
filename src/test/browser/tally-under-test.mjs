// What every browser test needs: target/tally.jar started against the real RabbitMQ (127.0.0.1:5672) and the
// embedded MongoDB, on queues of its own; a local document server; Debian's chromium; and waiting.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const OUT = path.join(ROOT, 'target', 'browser');
const JAR = path.join(ROOT, 'target', 'tally.jar');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Starts Tally and waits until it is ready. Its log goes to target/browser/{name}.log. Returns
 * {base, admin, queues, logFile, process, stop}; stop() ends it, removes its queues and its data.
 */
export async function startTally(name) {
  assert.ok(fs.existsSync(JAR), `${JAR} is missing: run mvn package first`);
  await reachable(5672, 'RabbitMQ must listen on 127.0.0.1:5672');
  fs.mkdirSync(OUT, { recursive: true });
  const run = randomBytes(4).toString('hex');
  const queues = [`tally.jobs.browser-${run}`, `tally.jobs.dlq.browser-${run}`];
  const admin = { user: 'admin', password: `browser-${run}` };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-browser-data-'));
  const logFile = path.join(OUT, `${name}.log`);
  const port = await freePort();
  const child = spawn('java', ['-Xmx512m', '-jar', JAR], {
    env: {
      ...process.env,
      SERVER_PORT: String(port),
      SPRING_RABBITMQ_HOST: '127.0.0.1',
      SPRING_RABBITMQ_PORT: '5672',
      TALLY_QUEUE: queues[0],
      TALLY_DEAD_LETTER_QUEUE: queues[1],
      TALLY_ADMIN_PASSWORD: admin.password,
      TALLY_FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
      TALLY_MONGODB_EMBEDDED_DATA_DIR: dataDir,
      TALLY_SHUTDOWN_TIMEOUT_SECONDS: '5',
      LOGGING_STRUCTURED_FORMAT_CONSOLE: 'ecs',
    },
    stdio: ['ignore', fs.openSync(logFile, 'w'), 'inherit'],
  });
  const tally = { base: `http://127.0.0.1:${port}`, admin, queues, logFile, process: child };
  tally.stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise(resolve => child.once('exit', resolve)), sleep(20_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    deleteQueues(queues);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  await waitFor(async () => (await fetch(`${tally.base}/actuator/health/readiness`)).status === 200,
    240_000, 'Tally ready', tally);
  return tally;
}

/** Serves {path: {status, type, body}} on 127.0.0.1; any other path is a 404. Returns {url, close}. */
export function serveDocuments(documents) {
  return new Promise(resolve => {
    const server = http.createServer((request, response) => {
      const document = documents[new URL(request.url, 'http://x').pathname];
      if (!document) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not here');
        return;
      }
      response.writeHead(document.status ?? 200, { 'Content-Type': document.type ?? 'text/plain; charset=utf-8' });
      response.end(document.body);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
}

/** Headless chromium with a profile of its own. Returns {context, close}. */
export async function launchBrowser(viewport = { width: 1600, height: 1400 }) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-browser-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Polls condition until it is true; fails fast when the Tally under test has exited. */
export async function waitFor(condition, timeoutMs, what, tally) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exitCode = tally?.process.exitCode;
    if (exitCode != null) throw new Error(`Tally exited (${exitCode}) waiting for ${what}; see ${tally.logFile}`);
    try {
      if (await condition()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

export function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function reachable(port, message) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(); });
    socket.once('error', () => reject(new Error(message)));
  });
}

/** The run's queues are durable: remove them from the shared broker (needs rabbitmqctl, as CI has). */
function deleteQueues(queues) {
  for (const queue of queues) {
    try {
      execFileSync('rabbitmqctl', ['-q', 'delete_queue', queue], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      console.warn(`could not delete queue ${queue}`);
    }
  }
}
