// The Tally HTTP API (API.md): every answer is the envelope {success, message, data}.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The envelope's data, or an ApiError carrying the API's own message (or what went wrong on the way). */
async function call(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: { Accept: 'application/json', ...options.headers } });
  } catch {
    throw new ApiError(0, 'Tally cannot be reached: check the connection and try again.');
  }
  let envelope;
  try {
    envelope = await response.json();
  } catch {
    throw new ApiError(response.status, `Tally answered ${response.status} without its usual JSON.`);
  }
  if (!response.ok || !envelope.success) {
    throw new ApiError(response.status, envelope.message || `Tally answered ${response.status}.`);
  }
  return envelope.data;
}

export function submitJob(url) {
  return call('/word-count', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url }),
  });
}

/** A job with its 100 most frequent words, not the whole histogram. */
export function fetchJob(jobId) {
  return call(`${jobPath(jobId)}?top=100`);
}

/** A page of the listing: GET /word-count without a body, or the `next` link of an earlier page. */
export function listJobs(pagePath = '/word-count?limit=10') {
  if (!pagePath.startsWith('/word-count?')) throw new ApiError(0, 'Not a listing page: ' + pagePath);
  return call(pagePath);
}

export function jobPath(jobId) {
  return `/word-count/${encodeURIComponent(jobId)}`;
}

export function csvPath(jobId) {
  return `${jobPath(jobId)}/word-count.csv`;
}
