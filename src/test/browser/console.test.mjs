// The web console at / in a real browser, against target/tally.jar: submit a document and see its words in the chart
// and the table, submit a failing URL and see why, find both in the job list, reload a job's address, read it at
// phone width; and not one Content-Security-Policy violation. Screenshots: target/browser/console-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, launchBrowser, serveDocuments, startTally, waitFor } from './tally-under-test.mjs';

const OTHER_WORDS = ['apple', 'banana', 'cherry', 'delta', 'echo', 'falcon', 'garnet', 'harbor', 'indigo', 'juniper',
  'kettle', 'lantern', 'meadow', 'nectar', 'orbit', 'pepper', 'quartz', 'raven', 'saffron', 'timber', 'umber',
  'velvet', 'willow', 'xenon', 'yonder', 'zinnia', 'amber', 'basil', 'cobalt', 'dune'];
// zebra 42 times, then 30 words 30 down to 1 times: 31 distinct words, 507 in all
const DOCUMENT = ['zebra '.repeat(42), ...OTHER_WORDS.map((word, i) => `${word} `.repeat(30 - i))].join('\n');
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

let tally, documents, browser, page;
const violations = [];
const jobs = {};

before(async () => {
  documents = await serveDocuments({ '/animals.txt': { body: DOCUMENT } });
  tally = await startTally('tally-console');
  browser = await launchBrowser({ width: 1280, height: 1500 });
  await browser.context.addInitScript(() => document.addEventListener('securitypolicyviolation', event =>
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`)));
  browser.context.on('console', message => {
    if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
  page = await browser.context.newPage();
  page.on('pageerror', error => violations.push(`page error: ${error.message}`));
  page.setDefaultTimeout(30_000);
});

after(async () => {
  await browser?.close();
  await tally?.stop();
  documents?.close();
});

test('a refused URL shows next to the field in the API\'s own words', async () => {
  // the first page of jobs held back: until it is in, there is no page to go to
  let release;
  const held = new Promise(resolve => { release = resolve; });
  await page.route('**/word-count?limit=10', async route => { await held; await route.continue(); });
  await page.goto(`${tally.base}/`);
  assert.ok(await page.locator('#jobs-newer').isDisabled(), 'Newer before the list is in');
  assert.ok(await page.locator('#jobs-older').isDisabled(), 'Older before the list is in');
  release();
  await page.locator('#jobs-list li.empty').filter({ hasText: 'No jobs yet.' }).waitFor();
  await page.unroute('**/word-count?limit=10');
  assert.ok(await page.locator('#jobs-older').isDisabled(), 'no older page of an empty list');
  await shot('empty');
  const refusal = await post({ url: 'ftp://x' });
  assert.equal(refusal.status, 400);

  await page.keyboard.press('Tab'); // the masthead's link
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'url');
  await page.keyboard.type('ftp://x');
  await page.keyboard.press('Enter');

  await page.locator('#url-error').filter({ hasText: refusal.message }).waitFor();
  assert.equal(await page.locator('#url').getAttribute('aria-invalid'), 'true');
  await shot('refused-url');
});

test('a document\'s top word shows with its count in the chart and the table', async () => {
  await submitThroughForm(`${documents.url}/animals.txt`);
  jobs.complete = jobIdOf(page.url());
  await page.locator('#job-status', { hasText: 'COMPLETE' }).waitFor({ timeout: 60_000 });

  assert.equal(await text('#job-url'), `${documents.url}/animals.txt`);
  assert.equal(await text('#job-total'), '507');
  assert.equal(await text('#job-distinct'), '31');
  assert.notEqual(await text('#job-finished'), '');

  // the chart: drawn on a canvas, with the words and counts ECharts drew in its accessible description
  const chart = page.locator('#word-chart');
  await chart.locator('canvas').waitFor();
  await waitFor(async () => /zebra[^,]*42/.test(await chart.getAttribute('aria-label')), 10_000, 'the chart');
  const description = await chart.getAttribute('aria-label');
  assert.match(description, /^A bar chart of the most frequent words/);
  assert.match(description, /apple[^,]*30/);
  assert.ok(!description.includes('basil'), 'the chart shows the 25 most frequent words only');
  assert.ok(await canvasHasInk(chart), 'the chart canvas is not blank');

  const firstRow = page.locator('#word-table tbody tr').first();
  assert.deepEqual(await firstRow.locator('td').allInnerTexts(), ['1', 'zebra', '42']);
  assert.equal(await page.locator('#word-table tbody tr').count(), 31);
  await shot('complete', { fullPage: false }); // docs/console.png
  await shot('complete-full');

  await page.locator('#word-filter').fill('ra');
  assert.deepEqual(await page.locator('#word-table tbody tr:visible td.word').allInnerTexts(),
    ['zebra', 'raven']);
  await shot('filtered');
  await page.locator('#word-filter').fill('');

  const csv = await page.locator('#download-csv').getAttribute('href');
  assert.equal(csv, `/word-count/${jobs.complete}/word-count.csv`);
  assert.match(await (await fetch(tally.base + csv)).text(), /^word,count\r\nzebra,42\r\napple,30\r\n/);
  const json = await page.locator('#download-json').getAttribute('href');
  assert.equal((await (await fetch(tally.base + json)).json()).data.word_count.zebra, 42);
});

test('a failing URL shows its reason', async () => {
  const missing = `${documents.url}/no-such-document.txt`;
  await submitThroughForm(missing);
  jobs.failed = jobIdOf(page.url());
  await page.locator('#job-status', { hasText: 'FAIL' }).waitFor({ timeout: 60_000 });
  assert.equal(await text('#job-error'), `HTTP 404 fetching ${missing}`);
  assert.ok(await page.locator('#job-result').isHidden());
  await shot('fail');
});

test('the job list shows both jobs, and a click opens one', async () => {
  const list = page.locator('#jobs-list');
  const complete = list.locator(`a[href="#/jobs/${jobs.complete}"]`);
  const failed = list.locator(`a[href="#/jobs/${jobs.failed}"]`);
  await failed.locator('.badge', { hasText: 'FAIL' }).waitFor();
  await complete.locator('.badge', { hasText: 'COMPLETE' }).waitFor();
  assert.match(await complete.innerText(), /animals\.txt[\s\S]*507 words, 31 distinct/);
  assert.match(await failed.innerText(), /HTTP 404 fetching/);
  await shot('jobs');

  await complete.click();
  await page.waitForURL(`**/#/jobs/${jobs.complete}`);
  await page.locator('#job-status', { hasText: 'COMPLETE' }).waitFor();
  assert.equal(await text('#job-id'), jobs.complete);
});

test('a job\'s address can be reloaded and opened anew', async () => {
  await page.reload();
  await page.locator('#job-status', { hasText: 'COMPLETE' }).waitFor();
  assert.equal(await text('#word-table tbody tr:first-child td.word'), 'zebra');

  const fresh = await browser.context.newPage();
  await fresh.goto(`${tally.base}/#/jobs/${jobs.failed}`);
  await fresh.locator('#job-error', { hasText: 'HTTP 404' }).waitFor();
  await fresh.close();

  await page.goto(`${tally.base}/#/jobs/${'0'.repeat(24)}`);
  await page.locator('#job-problem', { hasText: `No job with job_id ${'0'.repeat(24)}` }).waitFor();
  await shot('unknown-job');
});

test('the job list pages with Older and Newer, ten jobs a page', async () => {
  for (let i = 0; i < 9; i++) assert.equal((await post({ url: `${documents.url}/animals.txt?copy=${i}` })).status, 202);
  await page.goto(`${tally.base}/`);
  await page.locator('#jobs-refresh').click();
  const items = page.locator('#jobs-list > li');
  await waitFor(async () => (await items.count()) === 10 && await page.locator('#jobs-older').isEnabled(),
    10_000, 'a full first page', tally);
  assert.ok(await page.locator('#jobs-newer').isDisabled());
  assert.match(await items.first().innerText(), /copy=8/);

  await page.locator('#jobs-older').click();
  await page.locator(`#jobs-list a[href="#/jobs/${jobs.complete}"]`).waitFor();
  assert.equal(await items.count(), 1, 'eleven jobs: one on the second page');
  assert.ok(await page.locator('#jobs-older').isDisabled());
  await shot('jobs-older');

  await page.locator('#jobs-newer').click();
  await page.locator('#jobs-list a', { hasText: 'copy=8' }).waitFor();
  assert.equal(await items.count(), 10);
});

test('at phone width (360 px) nothing overflows sideways', async () => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${tally.base}/#/jobs/${jobs.complete}`);
  await page.locator('#word-chart canvas').waitFor();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `page is ${widths[0]} px wide in a ${widths[1]} px window`);
  await page.screenshot({ path: path.join(OUT, 'console-phone.png'), fullPage: true });
});

test('Swagger UI at /docs/ shows every operation of /openapi.json, within its policy', async () => {
  const described = await (await fetch(`${tally.base}/openapi.json`)).json();
  const operations = Object.values(described.paths).reduce((n, path) => n + Object.keys(path).length, 0);

  await page.goto(`${tally.base}/docs/`);
  await page.locator('.swagger-ui .info .title').filter({ hasText: described.info.title }).waitFor();
  await page.locator('.opblock').nth(operations - 1).waitFor();
  assert.equal(await page.locator('.opblock').count(), operations);
  await page.screenshot({ path: path.join(OUT, 'docs-swagger-ui.png'), fullPage: true });
});

test('the console\'s responses carry the policy, Hawtio\'s do not, and no page broke it', async () => {
  for (const address of ['/', '/index.html', '/console/main.js', '/console/console.css',
    '/webjars/echarts/dist/echarts.esm.min.js']) {
    const answer = await fetch(tally.base + address);
    assert.equal(answer.status, 200, address);
    assert.equal(answer.headers.get('content-security-policy'), POLICY, address);
  }
  const hawtio = await fetch(`${tally.base}/actuator/hawtio/index.html`);
  assert.notEqual(hawtio.headers.get('content-security-policy'), POLICY);
  assert.deepEqual(violations, []);
});

async function submitThroughForm(url) {
  await page.locator('#url').fill(url);
  await page.locator('#url').press('Enter');
  await page.waitForURL(/#\/jobs\/[0-9a-f]{24}$/);
  await page.locator('#job-url', { hasText: url }).waitFor();
}

function jobIdOf(address) {
  return /#\/jobs\/([0-9a-f]{24})$/.exec(address)[1];
}

async function post(body) {
  const answer = await fetch(`${tally.base}/word-count`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: answer.status, ...(await answer.json()) };
}

async function text(selector) {
  return (await page.locator(selector).innerText()).trim();
}

function canvasHasInk(chart) {
  return chart.locator('canvas').first().evaluate(canvas => {
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  });
}

function shot(name, { fullPage = true } = {}) {
  return page.screenshot({ path: path.join(OUT, `console-${name}.png`), fullPage });
}
