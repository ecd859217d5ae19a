// The dead-letter table from GET /admin/dead-letters, one row per message, with its own replay and purge.
import { button, element, row } from './dom.js';

const rows = document.querySelector('#dead-letters tbody');
const count = document.getElementById('dead-letter-count');
const none = document.getElementById('no-dead-letters');

/**
 * Shows the listed dead letters. actions.replay(letter) and actions.purge(letter) run when a row's button is pressed.
 */
export function showDeadLetters(data, actions) {
  const letters = data.dead_letters ?? [];
  count.textContent = `${data.count ?? letters.length} on the queue` +
    (letters.length < (data.count ?? 0) ? `, the first ${letters.length} shown` : '');
  none.hidden = letters.length > 0;
  rows.replaceChildren(...letters.map(letter => letterRow(letter, actions)));
}

function letterRow(letter, actions) {
  const failedAt = element('time', letter.last_failed_at ?? '—');
  if (letter.last_failed_at) failedAt.dateTime = letter.last_failed_at;
  const reason = element('div', letter.reason ?? '—');
  if (letter.exception) reason.append(element('div', letter.exception, 'quiet'));
  const buttons = element('div', null, 'row-actions');
  buttons.append(
    button('Replay', () => actions.replay(letter)),
    button('Purge', () => actions.purge(letter), 'danger'));
  const tr = row(failedAt, reason, letter.job_id, `${letter.route ?? '—'}, ${letter.attempts ?? '—'}`,
    element('pre', letter.body ?? '', 'body'), buttons);
  tr.dataset.id = letter.id ?? '';
  return tr;
}
