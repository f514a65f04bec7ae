import { h } from './dom.js';

/**
 * A confirmation before a step that cannot be taken back, saying what will happen: a native modal
 * <dialog> (focus kept inside, Esc cancels). Resolves true only when the confirm button was pressed.
 */
export function confirmStep(
  title: string,
  lines: readonly string[],
  confirmLabel: string,
  cancelLabel = '返回，不执行',
): Promise<boolean> {
  return new Promise((resolve) => {
    const heading = h('h2', { id: 'confirm-title' }, title);
    const confirm = h('button', { type: 'submit', value: 'confirm', 'data-confirm': '' }, confirmLabel);
    const cancel = h('button', { type: 'submit', value: 'cancel', class: 'secondary' }, cancelLabel);
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body' },
      h(
        'form',
        { method: 'dialog' },
        heading,
        h('div', { id: 'confirm-body' }, ...lines.map((line) => h('p', {}, line))),
        h('div', { class: 'actions' }, confirm, ' ', cancel),
      ),
    );
    dialog.addEventListener('close', () => {
      const confirmed = dialog.returnValue === 'confirm';
      dialog.remove();
      resolve(confirmed);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
