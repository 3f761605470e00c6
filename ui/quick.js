// Starts the small Quick add window (opened by the global shortcut or the tray): the
// Quick add component alone, focused whenever the window is called up again; Escape closes it.

import { closeQuickAdd, getSettings, getToday, onQuickAdd } from './backend.js';
import { el } from './dom.js';
import { syncClock, useSettings } from './when.js';
import { createQuickAdd } from './views/quickAdd.js';

// Escape anywhere closes the window (its batch is kept for the next time it is called up).
const close = () => closeQuickAdd().catch(() => {});
const quick = createQuickAdd({ standalone: true, onLeave: close });
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  if (document.querySelector('dialog[open]')) return; // a dialog closes first
  event.preventDefault();
  close();
});
document.getElementById('quick').append(
  el('h1', { class: 'visually-hidden', text: 'Quick add' }),
  quick.element,
);
quick.focus();

// The shortcut pressed again while the window is open: back to the line.
onQuickAdd(() => quick.focus());

// Dates in the batch summary follow the backend's clock and zone, as in the main window.
Promise.all([getToday(), getSettings()]).then(([today, settings]) => {
  useSettings(settings);
  syncClock(today);
}, () => {});
