// One job: its facts, kept up to date until it is COMPLETE or FAIL; then its words, or why it failed.
import { csvPath, jobPath } from './api.js';
import { badgeClass, byId, formatNumber, setText, timeElement } from './dom.js';
import { pollJob } from './job-poller.js';
import { clearWordChart, drawWordChart } from './word-chart.js';
import { showWordTable } from './word-table.js';

const CHART_WORDS = 25;

let stopPolling = () => {};

/** Shows the job and polls it; onFinished(job) runs once when it is seen COMPLETE or FAIL. */
export function openJob(jobId, onFinished) {
  closeJob();
  const section = byId('job');
  section.hidden = false;
  setText('job-id', jobId);
  setText('job-problem', '');
  for (const id of ['job-url', 'job-status', 'job-created', 'job-finished', 'job-total', 'job-distinct']) {
    setText(id, '');
  }
  byId('job-status').className = 'badge';
  byId('job-total-row').hidden = true;
  byId('job-distinct-row').hidden = true;
  byId('job-failure').hidden = true;
  byId('job-result').hidden = true;
  byId('job-heading').focus();

  let lastStatus;
  stopPolling = pollJob(jobId, {
    onJob: job => {
      setText('job-problem', '');
      showFacts(job);
      if (job.status === lastStatus) return;
      lastStatus = job.status;
      if (job.status === 'COMPLETE') showWords(job);
      if (job.status === 'FAIL') showFailure(job);
      if (job.status === 'COMPLETE' || job.status === 'FAIL') onFinished(job);
    },
    onProblem: failure => setText('job-problem', failure.message),
  });
}

export function closeJob() {
  stopPolling();
  clearWordChart();
  byId('job').hidden = true;
}

function showFacts(job) {
  setText('job-url', job.url);
  const status = byId('job-status');
  if (status.textContent !== job.status) status.textContent = job.status;
  status.className = badgeClass(job.status);
  byId('job-created').replaceChildren(timeElement(job.created_at));
  byId('job-finished').replaceChildren(job.status === 'IN_PROGRESS' ? 'not yet' : timeElement(job.updated_at));
  setText('job-total', formatNumber(job.total_words));
  setText('job-distinct', formatNumber(job.distinct_words));
  byId('job-total-row').hidden = job.total_words === undefined;
  byId('job-distinct-row').hidden = job.distinct_words === undefined;
}

function showFailure(job) {
  setText('job-error', job.error);
  byId('job-failure').hidden = false;
}

function showWords(job) {
  const words = job.top_words ?? [];
  byId('download-csv').href = csvPath(job.job_id);
  byId('download-json').href = jobPath(job.job_id);
  byId('job-result').hidden = false;
  showWordTable(words);
  drawWordChart(byId('word-chart'), words.slice(0, CHART_WORDS)).catch(failure =>
    setText('job-problem', `The chart could not be drawn: ${failure.message}`));
}
