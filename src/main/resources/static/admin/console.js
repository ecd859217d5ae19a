// The operator console: the overview, the dead letters, and replay / purge after a confirmation.
import * as api from './api.js';
import { confirmAction } from './confirm.js';
import { showDeadLetters } from './dead-letters.js';
import { showOverview } from './overview.js';

const answer = document.getElementById('answer');
const updated = document.getElementById('updated');
const OVERVIEW_EVERY_MS = 5000;

const actions = {
  replay: letter => act(`Replay dead letter ${letter.id} (${letter.reason ?? 'no reason'}) to the job queue?`,
    'Replay', false, () => api.replay(letter.id)),
  purge: letter => act(`Purge dead letter ${letter.id} (${letter.reason ?? 'no reason'})? It cannot be undone.`,
    'Purge', true, () => api.purge(letter.id)),
};

document.getElementById('refresh').addEventListener('click', refresh);
document.getElementById('replay-all').addEventListener('click', () =>
  act('Replay every dead letter to the job queue?', 'Replay all', false, () => api.replay(null)));
document.getElementById('purge-all').addEventListener('click', () =>
  act('Purge every dead letter? It cannot be undone.', 'Purge all', true, () => api.purge(null)));

/** Asks first; then runs the call, shows its answer, and reads everything again. */
async function act(question, action, destructive, call) {
  if (!await confirmAction(question, action, destructive)) {
    show({ success: true, message: `${action}: cancelled`, data: {} });
    return;
  }
  show(await call());
  await refresh();
}

/** Shows an action's answer: its message and its numbers, e.g. "Replayed dead letters: replayed 1". */
function show(result) {
  const numbers = Object.entries(result.data).map(([name, value]) => `${name} ${value}`).join(', ');
  answer.textContent = result.message + (numbers ? `: ${numbers}` : '') +
    (result.success ? '' : ` (HTTP ${result.status})`);
  answer.className = result.success ? 'ok' : 'failed';
}

async function refresh() {
  await Promise.all([refreshOverview(), refreshDeadLetters()]);
}

async function refreshOverview() {
  const result = await api.overview();
  if (!result.success) {
    updated.textContent = `not updated: ${result.message} (HTTP ${result.status})`;
    return;
  }
  showOverview(result.data);
  updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
}

async function refreshDeadLetters() {
  const result = await api.deadLetters();
  if (!result.success) {
    show(result);
    return;
  }
  showDeadLetters(result.data, actions);
}

await refresh();
// a console left open in a background tab asks nothing
setInterval(() => document.visibilityState === 'visible' && refreshOverview(), OVERVIEW_EVERY_MS);
