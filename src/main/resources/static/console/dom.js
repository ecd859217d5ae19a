// Builds page elements from data. Text always goes in as text (textContent), never as markup.

/** An element with attributes and children; strings among the children become text nodes. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  node.append(...children.filter(child => child !== undefined && child !== null).map(asNode));
  return node;
}

function asNode(child) {
  return child instanceof Node ? child : document.createTextNode(String(child));
}

export function byId(id) {
  return document.getElementById(id);
}

export function setText(id, text) {
  byId(id).textContent = text ?? '';
}

const numbers = new Intl.NumberFormat();
const times = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatNumber(value) {
  return typeof value === 'number' ? numbers.format(value) : '';
}

/** A <time> for an ISO instant from the API, shown in the reader's time zone; empty when there is none. */
export function timeElement(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : element('time', { datetime: iso }, times.format(date));
}

/** The CSS class of a status badge; an unexpected status gets the neutral one, never a class from data. */
export function badgeClass(status) {
  return ['IN_PROGRESS', 'COMPLETE', 'FAIL'].includes(status) ? `badge badge-${status.toLowerCase()}` : 'badge';
}

