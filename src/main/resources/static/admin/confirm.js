// A confirmation in a modal <dialog>: testable and styled, unlike window.confirm.
const dialog = document.getElementById('confirm');
const question = document.getElementById('confirm-question');
const confirmButton = document.getElementById('confirm-button');

document.getElementById('cancel-button').addEventListener('click', () => dialog.close('cancel'));
confirmButton.addEventListener('click', () => dialog.close('confirm'));

/** Asks the question; resolves to true only when the operator presses the action's button. */
export function confirmAction(text, action, destructive) {
  question.textContent = text;
  confirmButton.textContent = action;
  confirmButton.className = destructive ? 'danger' : '';
  dialog.returnValue = 'cancel';
  dialog.showModal();
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
  });
}
