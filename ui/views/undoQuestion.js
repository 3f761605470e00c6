// The question Undo asks when the contact a line created has changed since: removing
// her would take more than the line added, so she chooses, told item by item what goes.

import { el } from '../dom.js';
import { openDialog } from './dialog.js';

/** ask = {name, since: [text]} → 'keepContact' | 'removeContact' | null (cancelled). */
export function askWhatUndoTakes(ask) {
  return openDialog(`Undo ${ask.name}?`, (close) => {
    const keep = el('button', {
      type: 'button', class: 'primary', text: `Keep ${ask.name}, undo only this line`,
      onclick: () => close('keepContact'),
    });
    const remove = el('button', {
      type: 'button', class: 'danger', text: `Remove ${ask.name} and all of it`,
      onclick: () => close('removeContact'),
    });
    return {
      content: [
        el('h2', { text: `${ask.name} has changed since this line` }),
        el('p', { text: `Removing ${ask.name} would also remove:` }),
        el('ul', {}, ...ask.since.map((item) => el('li', { text: item }))),
        el('div', { class: 'actions' }, keep, remove,
          el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) })),
      ],
      focus: keep,
    };
  });
}
