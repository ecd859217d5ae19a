// What admin.test.mjs needs around the browser: paths, the run's queues and credentials, ports, waiting.
// Copied from hawtio.test.mjs for now; both may move to one shared module.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const JAR = path.join(ROOT, 'target', 'tally.jar');
export const OUT = path.join(ROOT, 'target', 'browser');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const RUN = randomBytes(4).toString('hex');
export const QUEUES = [`tally.jobs.admin-${RUN}`, `tally.jobs.dlq.admin-${RUN}`];
export const ADMIN = { user: 'admin', password: `admin-${RUN}` };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function reachable(port, message) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(); });
    socket.once('error', () => reject(new Error(message)));
  });
}

/** The run's queues are durable: remove them from the shared broker (needs rabbitmqctl, as CI has). */
export function deleteQueues() {
  for (const queue of QUEUES) {
    try {
      execFileSync('rabbitmqctl', ['-q', 'delete_queue', queue], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      console.warn(`could not delete queue ${queue}`);
    }
  }
}

/** Polls condition every 500 ms; exitCode(), when given, ends the wait as soon as Tally has exited. */
export async function waitFor(condition, timeoutMs, what, exitCode = () => null) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode() != null) throw new Error(`Tally exited (${exitCode()}) waiting for ${what}; see ${OUT}`);
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
