// The top words as a table (rank, word, count) with a filter box that hides the rows not containing its text.
import { byId, element, formatNumber } from './dom.js';

let rows = [];

export function setUpWordFilter() {
  byId('word-filter').addEventListener('input', applyFilter);
}

/** Fills the table with words [{word, count}] in rank order and clears the filter. */
export function showWordTable(words) {
  const body = byId('word-table').tBodies[0];
  rows = words.map((entry, index) => ({
    word: entry.word.toLowerCase(),
    row: element('tr', {},
      element('td', {}, index + 1),
      element('td', { class: 'word' }, entry.word),
      element('td', { class: 'number' }, formatNumber(entry.count))),
  }));
  body.replaceChildren(...rows.map(entry => entry.row));
  byId('word-filter').value = '';
  applyFilter();
}

function applyFilter() {
  const text = byId('word-filter').value.trim().toLowerCase();
  let shown = 0;
  for (const entry of rows) {
    const match = entry.word.includes(text);
    entry.row.hidden = !match;
    if (match) shown++;
  }
  byId('word-filter-count').textContent = text
    ? `${shown} of ${rows.length} words contain “${text}”.`
    : `${rows.length} words.`;
}
