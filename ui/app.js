// Starts the app: the sidebar, which view is showing, app-wide keys and change events.

import { onChanged } from './backend.js';
import * as today from './views/today.js';
import * as contacts from './views/contacts.js';
import * as settings from './views/settings.js';

// The view shown at launch. Becomes 'today' once Today has real content.
const START_VIEW = 'contacts';

// Each view module exports mount(container) → { refresh?(), onKey?(event), unmount?() }.
const VIEWS = { today, contacts, settings };

const main = document.getElementById('main');
const sectionButtons = document.querySelectorAll('nav[aria-label="Sections"] button[data-view]');
let current = null; // { name, view }

function show(name) {
  if (current?.name === name || !VIEWS[name]) return;
  current?.view.unmount?.();
  main.replaceChildren();
  current = { name, view: VIEWS[name].mount(main) ?? {} };
  for (const button of sectionButtons) {
    if (button.dataset.view === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
}

for (const button of sectionButtons) {
  button.addEventListener('click', () => show(button.dataset.view));
}

// Single-key shortcuts belong to the visible view; a modal dialog owns the keyboard while open.
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing) return;
  if (document.querySelector('dialog[open]')) return;
  current?.view.onKey?.(event);
});

// Another window or the background scheduler changed data: redraw what is visible.
onChanged(() => current?.view.refresh?.());

show(START_VIEW);
