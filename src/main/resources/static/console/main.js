// The console: the URL form, the job at the address #/jobs/{id}, and the recent jobs.
import { setUpJobList, refreshJobList } from './job-list.js';
import { closeJob, openJob } from './job-view.js';
import { setUpSubmitForm } from './submit-form.js';
import { setUpWordFilter } from './word-table.js';

const JOB_ADDRESS = /^#\/jobs\/([^/]+)$/;

function showAddress() {
  const match = JOB_ADDRESS.exec(location.hash);
  if (match) {
    openJob(decodeURIComponent(match[1]), () => refreshJobList());
  } else {
    closeJob();
  }
}

setUpWordFilter();
setUpJobList();
setUpSubmitForm(job => {
  refreshJobList();
  location.hash = `#/jobs/${encodeURIComponent(job.job_id)}`;
});
window.addEventListener('hashchange', showAddress);
showAddress();
