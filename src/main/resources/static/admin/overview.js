// Queues and job counts from GET /admin/overview.
import { row } from './dom.js';

const queueRows = document.querySelector('#queues tbody');
const jobRows = document.querySelector('#jobs tbody');
const jobsCounted = document.getElementById('jobs-counted');

/** Shows an overview's data; null numbers (RabbitMQ unreachable) show as "unknown". */
export function showOverview(data) {
  queueRows.replaceChildren(...(data.queues ?? []).map(queue =>
    row(queue.name, known(queue.messages), known(queue.consumers))));
  jobRows.replaceChildren(...Object.entries(data.jobs ?? {}).map(([status, count]) => row(status, count)));
  // Tally counts jobs at most every tally.admin.overview.job-counts-max-age-ms: say how old the numbers are
  jobsCounted.textContent = data.jobs_counted_at
    ? `counted at ${new Date(data.jobs_counted_at).toLocaleTimeString()}` : '';
}

function known(number) {
  return number == null ? 'unknown' : number;
}
