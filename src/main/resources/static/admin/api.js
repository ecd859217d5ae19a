// The admin endpoints (API.md, "Operator endpoints"). Same origin: the browser adds the basic-auth credentials
// it was given for /admin/, and the Origin header that dev.tally.security checks on POST and DELETE.

/** Calls an admin endpoint; resolves to {status, success, message, data}, also for 4xx and 5xx answers. */
export async function call(method, path) {
  let response;
  try {
    response = await fetch(path, { method, headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    return { status: 0, success: false, message: `Tally did not answer: ${error.message}`, data: {} };
  }
  let envelope;
  try {
    envelope = await response.json();
  } catch {
    envelope = { success: false, message: `HTTP ${response.status} without a JSON answer`, data: {} };
  }
  return { status: response.status, success: envelope.success === true, message: String(envelope.message ?? ''),
    data: envelope.data ?? {} };
}

export const overview = () => call('GET', '/admin/overview');
export const deadLetters = () => call('GET', '/admin/dead-letters');

/** Replays one dead letter by id, or all of them when id is null. */
export const replay = id => call('POST', '/admin/dead-letters/replay' + idQuery(id));

/** Purges one dead letter by id, or all of them when id is null. */
export const purge = id => call('DELETE', '/admin/dead-letters' + idQuery(id));

function idQuery(id) {
  return id == null ? '' : `?id=${encodeURIComponent(id)}`;
}
