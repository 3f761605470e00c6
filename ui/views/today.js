// The Today view: for now a placeholder until follow-ups exist.

import { el } from '../dom.js';

export function mount(container) {
  container.append(
    el('div', { class: 'page' },
      el('h1', { text: 'Today' }),
      el('p', { class: 'lede', text: 'Follow-ups, going-cold contacts and maybes will show here.' }),
    ),
  );
  return {};
}
