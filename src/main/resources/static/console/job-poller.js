// Polls one job until it is finished, waiting longer between reads the longer it runs.
import { fetchJob } from './api.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5000;
const FINISHED = ['COMPLETE', 'FAIL'];

/**
 * Calls onJob(data) after every read and onProblem(error) after a failed one (then tries again, unless the job
 * does not exist). Returns a function that stops polling; a stopped poller calls nothing any more.
 */
export function pollJob(jobId, { onJob, onProblem }) {
  let stopped = false;
  let timer;
  let delay = FIRST_DELAY_MS;

  const next = () => {
    timer = setTimeout(read, delay);
    delay = Math.min(MAX_DELAY_MS, Math.round(delay * 1.5));
  };

  async function read() {
    try {
      const job = await fetchJob(jobId);
      if (stopped) return;
      onJob(job);
      if (!FINISHED.includes(job.status)) next();
    } catch (failure) {
      if (stopped) return;
      onProblem(failure);
      if (failure.status !== 404 && failure.status !== 400) next();
    }
  }

  read();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
