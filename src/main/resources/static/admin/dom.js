// Every text that reaches the page, dead letters' bodies and reasons included, goes in as a text node:
// nothing here parses markup.

/** An element with the given class (or none) and text. */
export function element(tag, text = null, className = null) {
  const created = document.createElement(tag);
  if (text != null) created.textContent = String(text);
  if (className) created.className = className;
  return created;
}

/** A table row of cells holding the given texts or elements. */
export function row(...cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    if (cell instanceof Node) td.append(cell);
    else td.textContent = cell == null ? '—' : String(cell);
    tr.append(td);
  }
  return tr;
}

export function button(text, onClick, className = null) {
  const created = element('button', text, className);
  created.type = 'button';
  created.addEventListener('click', onClick);
  return created;
}
