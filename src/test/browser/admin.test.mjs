// The operator console (/admin/) in a real browser. Starts target/tally.jar against the real RabbitMQ
// (127.0.0.1:5672, queues of its own) and the embedded MongoDB, publishes a poison message whose text is markup,
// and drives Debian's chromium through the console: the dead letter shown as text, replayed (the worker
// dead-letters it again), purged, each after the console's confirmation dialog. Screenshots: target/browser/admin-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import amqplib from 'amqplib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, OUT, startTally, waitFor } from './tally-under-test.mjs';

// markup in the body, and so in the reason ("message is not JSON: <first 80 characters>"): it must stay text
const POISON = '<img src=x onerror="document.title=\'pwned\'"><b>not json</b>';
const TITLE = 'Tally operator console';

let tally, base, ADMIN, QUEUES, browser;

before(async () => {
  tally = await startTally('admin-tally');
  ({ base, admin: ADMIN, queues: QUEUES } = tally);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await tally?.stop();
});

test('/admin/ asks for the admin credentials', async () => {
  const answer = await fetch(`${base}/admin/`);
  assert.equal(answer.status, 401);
  assert.match(answer.headers.get('www-authenticate') ?? '', /^Basic /);

  // the browser is challenged and, having no credentials to give, shows no page
  const context = await browser.newContext();
  const page = await context.newPage();
  await assert.rejects(page.goto(`${base}/admin/`, { timeout: 20_000 }), /ERR_INVALID_AUTH_CREDENTIALS/);
  assert.notEqual(await page.title(), TITLE);
  // chromium at times cannot capture its own error page at the first try ("Page.captureScreenshot: Unable to
  // capture screenshot", one make test in four on 2026-12-05): the picture is for people, the assertions are above
  const shot = { path: path.join(OUT, 'admin-credentials-required.png') };
  await page.screenshot(shot).catch(() => page.screenshot(shot));
  await context.close();
});

test('the console shows a poison message as text, replays it, and purges it', async () => {
  const context = await browser.newContext({
    httpCredentials: { username: ADMIN.user, password: ADMIN.password },
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('response', response => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('console', message => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });

  await publishPoison(POISON);
  const first = await awaitDeadLetter(letter => letter.body === POISON, 'the poison message dead-lettered');

  await page.goto(`${base}/admin/`);
  const row = page.locator('#dead-letters tbody tr');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.equal(await row.first().getAttribute('data-id'), first.id);
  assert.equal(await row.first().locator('pre.body').textContent(), POISON, 'the body, character for character');
  assert.ok((await row.first().locator('td').nth(1).textContent()).includes(`message is not JSON: ${POISON}`));
  assert.equal(await page.locator('#dead-letters img, #dead-letters b').count(), 0, 'no markup from the message');
  assert.equal(await page.title(), TITLE, 'no handler from the message ran');
  await expectQueueRow(page, QUEUES[1], '1', '0');
  await expectQueueRow(page, QUEUES[0], '0', '4');
  assert.deepEqual(await page.locator('#jobs tbody td:first-child').allTextContents(),
    ['IN_PROGRESS', 'COMPLETE', 'FAIL']);
  await page.screenshot({ path: path.join(OUT, 'admin-dead-letter.png'), fullPage: true });

  // a cancelled confirmation changes nothing
  await row.first().getByRole('button', { name: 'Purge' }).click();
  await page.locator('#confirm').waitFor({ state: 'visible' });
  await page.locator('#cancel-button').click();
  await expectAnswer(page, 'Purge: cancelled');
  assert.equal(await row.count(), 1);

  await row.first().getByRole('button', { name: 'Replay' }).click();
  const dialog = page.locator('#confirm');
  await dialog.waitFor({ state: 'visible' });
  assert.ok((await dialog.locator('#confirm-question').textContent()).includes(first.id));
  await page.screenshot({ path: path.join(OUT, 'admin-confirm-replay.png') });
  await page.locator('#confirm-button').click();
  await expectAnswer(page, 'Replayed dead letters: replayed 1');

  // the worker reads it again and dead-letters it again, under a new id
  const again = await awaitDeadLetter(letter => letter.body === POISON && letter.id !== first.id, 'the replayed letter back');
  await waitFor(async () => {
    await page.locator('#refresh').click();
    return await row.count() === 1 && await row.first().getAttribute('data-id') === again.id;
  }, 20_000, 'the console showing the replayed letter');
  await page.screenshot({ path: path.join(OUT, 'admin-replayed.png'), fullPage: true });

  await row.first().getByRole('button', { name: 'Purge' }).click();
  await page.locator('#confirm').waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(OUT, 'admin-confirm-purge.png') });
  await page.locator('#confirm-button').click();
  await expectAnswer(page, 'Purged dead letters: purged 1');
  await page.locator('#no-dead-letters').waitFor({ state: 'visible' });
  assert.equal(await row.count(), 0);
  assert.equal((await listDeadLetters()).count, 0, 'the API agrees: the queue is empty');
  await page.screenshot({ path: path.join(OUT, 'admin-purged.png'), fullPage: true });

  assert.equal(await page.getByRole('link', { name: 'Hawtio' }).getAttribute('href'), '/actuator/hawtio/');
  // before leaving the console: on the metrics' plain text page chromium asks for /favicon.ico, a 404 that
  // reaches the console log only sometimes before the end of the test
  assert.deepEqual(problems, [], 'no script error and no Content-Security-Policy violation');
  await page.getByRole('link', { name: 'Prometheus metrics' }).click();
  await page.waitForURL(`${base}/actuator/prometheus`);
  assert.ok((await page.textContent('body')).includes('tally_queue_messages{'));
  await context.close();
});

async function publishPoison(body) {
  const connection = await amqplib.connect('amqp://guest:guest@127.0.0.1:5672');
  try {
    const channel = await connection.createConfirmChannel();
    await channel.checkQueue(QUEUES[0]);
    channel.sendToQueue(QUEUES[0], Buffer.from(body, 'utf8'), { persistent: true });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

async function listDeadLetters() {
  const answer = await fetch(`${base}/admin/dead-letters`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64') },
  });
  assert.equal(answer.status, 200);
  return (await answer.json()).data;
}

async function awaitDeadLetter(matches, what) {
  let found;
  await waitFor(async () => {
    found = (await listDeadLetters()).dead_letters.find(matches);
    return found !== undefined;
  }, 30_000, what, tally);
  return found;
}

async function expectQueueRow(page, queue, messages, consumers) {
  const cells = page.locator('#queues tbody tr', { has: page.locator('td', { hasText: queue }) }).locator('td');
  await cells.first().waitFor();
  assert.deepEqual(await cells.allTextContents(), [queue, messages, consumers]);
}

async function expectAnswer(page, text) {
  await page.locator('#answer', { hasText: text }).waitFor();
  assert.equal(await page.locator('#answer').textContent(), text);
}
