// The URL form: POST /word-count; a refusal shows next to the field in the API's own words.
import { submitJob } from './api.js';
import { byId } from './dom.js';

/** Wires the form; onScheduled(job) runs with the 202's data once a job is accepted. */
export function setUpSubmitForm(onScheduled) {
  const form = byId('submit-form');
  const field = byId('url');
  const error = byId('url-error');
  const button = form.querySelector('button[type="submit"]');

  const showError = message => {
    error.textContent = message;
    field.setAttribute('aria-invalid', message ? 'true' : 'false');
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    showError('');
    button.disabled = true;
    try {
      const job = await submitJob(field.value.trim());
      field.value = '';
      onScheduled(job);
    } catch (failure) {
      showError(failure.message);
      field.focus();
    } finally {
      button.disabled = false;
    }
  });
  field.addEventListener('input', () => showError(''));
}
