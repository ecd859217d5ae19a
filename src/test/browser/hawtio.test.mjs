// Hawtio in a real browser. Starts target/tally.jar against the real RabbitMQ (127.0.0.1:5672) and the embedded
// MongoDB, runs one job, then drives Debian's chromium through Hawtio's login into the Camel tab and reads the
// worker route's completed count. Screenshots go to target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const JAR = path.join(ROOT, 'target', 'tally.jar');
const OUT = path.join(ROOT, 'target', 'browser');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const RUN = randomBytes(4).toString('hex');
const QUEUES = [`tally.jobs.browser-${RUN}`, `tally.jobs.dlq.browser-${RUN}`];
const ADMIN = { user: 'admin', password: `browser-${RUN}` };
const DOCUMENT = 'the quick brown fox jumps over the lazy dog\n'.repeat(100);
const WORKER = 'worker-count-words';

let tally, base, documents, dataDir, profileDir, browser;

before(async () => {
  assert.ok(fs.existsSync(JAR), `${JAR} is missing: run mvn package first`);
  await reachable(5672, 'RabbitMQ must listen on 127.0.0.1:5672');
  fs.mkdirSync(OUT, { recursive: true });
  documents = await serveDocument();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-browser-data-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  tally = spawn('java', ['-Xmx512m', '-jar', JAR], {
    env: {
      ...process.env,
      SERVER_PORT: String(port),
      SPRING_RABBITMQ_HOST: '127.0.0.1',
      SPRING_RABBITMQ_PORT: '5672',
      TALLY_QUEUE: QUEUES[0],
      TALLY_DEAD_LETTER_QUEUE: QUEUES[1],
      TALLY_ADMIN_PASSWORD: ADMIN.password,
      TALLY_FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
      TALLY_MONGODB_EMBEDDED_DATA_DIR: dataDir,
      TALLY_SHUTDOWN_TIMEOUT_SECONDS: '5',
      LOGGING_STRUCTURED_FORMAT_CONSOLE: 'ecs',
    },
    stdio: ['ignore', fs.openSync(path.join(OUT, 'tally.log'), 'w'), 'inherit'],
  });
  await waitFor(async () => (await fetch(`${base}/actuator/health/readiness`)).status === 200, 240_000, 'Tally ready');
});

after(async () => {
  await browser?.close();
  if (tally && tally.exitCode === null) {
    tally.kill('SIGTERM');
    await Promise.race([new Promise(resolve => tally.once('exit', resolve)), sleep(20_000)]);
    if (tally.exitCode === null) tally.kill('SIGKILL');
  }
  documents?.close();
  deleteQueues();
  for (const dir of [dataDir, profileDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('Hawtio shows the tally context, its routes and the worker route\'s completed exchanges', async () => {
  const jobId = await runJob();

  // the job's state changes, one JSON line each (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs)
  await waitFor(() => jobLines(jobId).some(line => line.status === 'COMPLETE'), 10_000, 'the COMPLETE log line');
  const complete = jobLines(jobId).find(line => line.status === 'COMPLETE');
  assert.equal(complete.words, 900);
  assert.equal(complete.bytes, Buffer.byteLength(DOCUMENT));

  // Jolokia over plain HTTP agrees before the browser looks
  assert.ok(await completedViaJolokia() >= 1);

  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-browser-profile-'));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1400 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(60_000);

  await page.goto(`${base}/actuator/hawtio/`);
  await page.locator('#pf-login-username-id').fill(ADMIN.user);
  await page.locator('#pf-login-password-id').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await page.getByRole('navigation').getByText('Camel', { exact: true }).click();
  for (const name of ['tally', 'api-word-count', 'api-submit-job', WORKER, 'worker-fail-job', 'dead-letter']) {
    await treeNode(page, name).waitFor();
  }

  await treeNode(page, 'routes').click();
  const completed = await cellOf(page, WORKER, 'Completed');
  assert.ok(Number(completed) >= 1, `worker route Completed column shows ${completed}`);
  await page.screenshot({ path: path.join(OUT, 'hawtio-camel-routes.png') });

  await treeNode(page, WORKER).click();
  const attribute = page.locator('tr', { has: page.locator('td', { hasText: /^ExchangesCompleted$/ }) });
  const exchangesCompleted = Number((await attribute.locator('td').nth(1).innerText()).trim());
  assert.ok(exchangesCompleted >= 1, `ExchangesCompleted is ${exchangesCompleted}`);
  await page.screenshot({ path: path.join(OUT, 'hawtio-worker-route.png') });
});

function treeNode(page, name) {
  return page.locator('button.pf-v5-c-tree-view__node-text', { hasText: new RegExp(`^${name}$`) }).first();
}

/** The text of one column in the row of Hawtio's routes table whose Name is {@code route}. */
async function cellOf(page, route, column) {
  const row = page.locator('tr', { has: page.locator('td[data-label="Name"]', { hasText: new RegExp(`^${route}$`) }) });
  const cell = row.locator(`td[data-label="${column}"]`);
  await cell.waitFor();
  return (await cell.innerText()).trim();
}

async function runJob() {
  const answer = await fetch(`${base}/word-count`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${documents.url}/fox.txt` }),
  });
  assert.equal(answer.status, 202);
  const jobId = (await answer.json()).data.job_id;
  let status;
  await waitFor(async () => {
    status = (await (await fetch(`${base}/word-count/${jobId}`)).json()).data.status;
    return status !== 'IN_PROGRESS';
  }, 60_000, `job ${jobId} finished`);
  assert.equal(status, 'COMPLETE');
  return jobId;
}

async function completedViaJolokia() {
  const answer = await fetch(`${base}/actuator/jolokia`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64'),
    },
    body: JSON.stringify({ type: 'read', mbean: `org.apache.camel:context=tally,type=routes,name="${WORKER}"`,
      attribute: 'ExchangesCompleted' }),
  });
  assert.equal(answer.status, 200);
  return (await answer.json()).value;
}

function jobLines(jobId) {
  return fs.readFileSync(path.join(OUT, 'tally.log'), 'utf8').split('\n')
    .filter(line => line.startsWith('{') && line.includes(jobId))
    .map(line => JSON.parse(line))
    .filter(line => line.log?.logger === 'dev.tally.jobs');
}

function serveDocument() {
  return new Promise(resolve => {
    const server = http.createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(DOCUMENT);
    });
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
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
function deleteQueues() {
  for (const queue of QUEUES) {
    try {
      execFileSync('rabbitmqctl', ['-q', 'delete_queue', queue], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      console.warn(`could not delete queue ${queue}`);
    }
  }
}

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tally?.exitCode != null) throw new Error(`Tally exited (${tally.exitCode}) waiting for ${what}; see ${OUT}/tally.log`);
    try {
      if (await condition()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}
