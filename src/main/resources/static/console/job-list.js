// Recent jobs from the listing (GET /word-count without a body), newest first, a page at a time.
import { listJobs } from './api.js';
import { badgeClass, byId, element, formatNumber, setText, timeElement } from './dom.js';

const FIRST_PAGE = '/word-count?limit=10';

let current = FIRST_PAGE;
let newerPages = []; // the pages before the current one, to go back to
let olderPage = null; // data.next of the current page

export function setUpJobList() {
  byId('jobs-refresh').addEventListener('click', () => showPage(current));
  byId('jobs-older').addEventListener('click', () => {
    newerPages.push(current);
    showPage(olderPage);
  });
  byId('jobs-newer').addEventListener('click', () => showPage(newerPages.pop() ?? FIRST_PAGE));
  showPage(FIRST_PAGE);
}

/** Back to the first page, where a job just submitted or finished shows. */
export function refreshJobList() {
  newerPages = [];
  return showPage(FIRST_PAGE);
}

async function showPage(page) {
  current = page;
  const list = byId('jobs-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const data = await listJobs(page);
    setText('jobs-problem', '');
    olderPage = data.next;
    list.replaceChildren(...data.jobs.map(jobItem));
    if (data.jobs.length === 0) list.replaceChildren(element('li', { class: 'empty' }, 'No jobs yet.'));
  } catch (failure) {
    setText('jobs-problem', failure.message);
  } finally {
    list.removeAttribute('aria-busy');
    byId('jobs-older').disabled = !olderPage;
    byId('jobs-newer').disabled = newerPages.length === 0;
  }
}

function jobItem(job) {
  const detail = job.status === 'COMPLETE'
    ? `${formatNumber(job.total_words)} words, ${formatNumber(job.distinct_words)} distinct`
    : job.status === 'FAIL' ? job.error : 'counting…';
  return element('li', {},
    element('a', { href: `#/jobs/${encodeURIComponent(job.job_id)}`, class: 'job-link' },
      element('span', { class: badgeClass(job.status) }, job.status),
      element('span', { class: 'url' }, job.url),
      element('span', { class: 'job-meta' }, timeElement(job.created_at), ' · ', detail ?? '')));
}
