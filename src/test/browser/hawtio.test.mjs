// Hawtio in a real browser. Starts target/tally.jar against the real RabbitMQ (127.0.0.1:5672) and the embedded
// MongoDB, runs one job, then drives Debian's chromium through Hawtio's login into the Camel tab and reads the
// worker route's completed count. Screenshots go to target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OUT, launchBrowser, serveDocuments, startTally, waitFor } from './tally-under-test.mjs';

const DOCUMENT = 'the quick brown fox jumps over the lazy dog\n'.repeat(100);
const WORKER = 'worker-count-words';

let tally, base, documents, browser;

before(async () => {
  documents = await serveDocuments({ '/fox.txt': { body: DOCUMENT } });
  tally = await startTally('tally-hawtio');
  base = tally.base;
});

after(async () => {
  await browser?.close();
  await tally?.stop();
  documents?.close();
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

  browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.setDefaultTimeout(60_000);

  await page.goto(`${base}/actuator/hawtio/`);
  await page.locator('#pf-login-username-id').fill(tally.admin.user);
  await page.locator('#pf-login-password-id').fill(tally.admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await page.getByRole('navigation').getByText('Camel', { exact: true }).click();
  for (const name of ['tally', 'api-post-word-count', 'api-get-word-count', WORKER, 'worker-fail-job',
    'dead-letter']) {
    await treeNode(page, name).waitFor();
  }

  // Hawtio 5 opens a node on its route diagram; its other views are links above it
  await treeNode(page, 'routes').click();
  await view(page, 'Routes').click();
  const completed = await cellOf(page, WORKER, 'Completed');
  assert.ok(Number(completed) >= 1, `worker route Completed column shows ${completed}`);
  await page.screenshot({ path: path.join(OUT, 'hawtio-camel-routes.png') });

  await treeNode(page, WORKER).click();
  await view(page, 'Attributes').click();
  const attribute = page.locator('tr', { has: page.locator('td', { hasText: /^ExchangesCompleted$/ }) });
  const exchangesCompleted = Number((await attribute.locator('td').nth(1).innerText()).trim());
  assert.ok(exchangesCompleted >= 1, `ExchangesCompleted is ${exchangesCompleted}`);
  await page.screenshot({ path: path.join(OUT, 'hawtio-worker-route.png') });
});

function treeNode(page, name) {
  return page.locator('button.pf-v6-c-tree-view__node-text', { hasText: new RegExp(`^${name}$`) }).first();
}

function view(page, name) {
  return page.locator('a.pf-v6-c-nav__link', { hasText: new RegExp(`^${name}$`) });
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
  }, 60_000, `job ${jobId} finished`, tally);
  assert.equal(status, 'COMPLETE');
  return jobId;
}

async function completedViaJolokia() {
  const answer = await fetch(`${base}/actuator/jolokia`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${tally.admin.user}:${tally.admin.password}`).toString('base64'),
    },
    body: JSON.stringify({ type: 'read', mbean: `org.apache.camel:context=tally,type=routes,name="${WORKER}"`,
      attribute: 'ExchangesCompleted' }),
  });
  assert.equal(answer.status, 200);
  return (await answer.json()).value;
}

function jobLines(jobId) {
  return fs.readFileSync(tally.logFile, 'utf8').split('\n')
    .filter(line => line.startsWith('{') && line.includes(jobId))
    .map(line => JSON.parse(line))
    .filter(line => line.log?.logger === 'dev.tally.jobs');
}
