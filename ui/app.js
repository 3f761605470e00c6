// Starts the app: the sidebar, which view is showing, app-wide keys and change events.

import { onChanged } from './backend.js';
import { refreshToday, subscribe } from './todayData.js';
import * as today from './views/today.js';
import * as contacts from './views/contacts.js';
import * as cadences from './views/cadences.js';
import * as settings from './views/settings.js';

// The view shown at launch: what needs doing today.
const START_VIEW = 'today';

// Each view module exports mount(container, {go, intent}) → { refresh?(), onKey?(event), open?(intent), unmount?() }.
// `go(name, intent)` switches views, e.g. go('contacts', {contactId: 7, action: 'plan'}).
const VIEWS = { today, contacts, cadences, settings };

const main = document.getElementById('main');
const sectionButtons = document.querySelectorAll('nav[aria-label="Sections"] button[data-view]');
const todayButton = document.querySelector('nav[aria-label="Sections"] button[data-view="today"]');
let current = null; // { name, view }

function show(name, intent = null) {
  if (!VIEWS[name]) return;
  if (current?.name === name) {
    if (intent) current.view.open?.(intent);
    return;
  }
  current?.view.unmount?.();
  main.replaceChildren();
  current = { name, view: VIEWS[name].mount(main, { go: show, intent }) ?? {} };
  for (const button of sectionButtons) {
    if (button.dataset.view === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
}

for (const button of sectionButtons) {
  button.addEventListener('click', () => show(button.dataset.view));
}

// The sidebar's count: what is overdue or due today. Drawn by CSS from data-count, so
// the button's text stays exactly "Today"; its accessible name says the number.
subscribe(({ today: data }) => {
  if (!data || !todayButton) return;
  const due = (data.counts?.overdue ?? 0) + (data.counts?.dueToday ?? 0);
  if (due > 0) {
    todayButton.dataset.count = due > 99 ? '99+' : String(due);
    todayButton.setAttribute('aria-label', `Today, ${due} due`);
  } else {
    delete todayButton.dataset.count;
    todayButton.removeAttribute('aria-label');
  }
});

// Single-key shortcuts belong to the visible view; a modal dialog owns the keyboard while open.
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing) return;
  if (document.querySelector('dialog[open]')) return;
  current?.view.onKey?.(event);
});

// Another window or the background scheduler changed data: redraw what is visible.
onChanged(() => {
  refreshToday();
  current?.view.refresh?.();
});
// Back from sleep or another app: Today may have moved on (timers pause while asleep).
window.addEventListener('focus', () => refreshToday());

refreshToday();
show(START_VIEW);
