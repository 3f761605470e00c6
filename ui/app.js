// Starts the app: the sidebar, which view is showing, app-wide keys and change events.

import { getFollowup, onChanged, onFileDropped, onOpenFollowup, onQuickAdd, pageReady, startupProblem } from './backend.js';
import { isTyping } from './dom.js';
import { createSectionKeys, openKeyHelp, sectionShortcut } from './keys.js';
import { say } from './status.js';
import { refreshToday, subscribe } from './todayData.js';
import { importFromFile } from './views/importContacts.js';
import { createQuickAdd } from './views/quickAdd.js';
import * as today from './views/today.js';
import { showStartupProblem } from './views/startupProblem.js';

// The view shown at launch: what needs doing today.
const START_VIEW = 'today';

// Each view module exports mount(container, {go, intent}) → { refresh?(), onKey?(event),
// open?(intent), focusList?() → true if it moved focus to its list, unmount?() }.
// `go(name, intent)` switches views, e.g. go('contacts', {contactId: 7, action: 'plan'}).
const VIEWS = { today };
// The other sections are not on the way to Today's first paint: each loads when
// first opened, and all of them once Today is drawn, so opening one is instant.
const LATER = {
  contacts: () => import('./views/contacts.js'),
  cadences: () => import('./views/cadences.js'),
  insights: () => import('./views/insights.js'),
  settings: () => import('./views/settings.js'),
};

/** How long after Today's first frame the other sections start loading. */
const WARM_LATER_MS = 300;

function warmLaterSections() {
  for (const name of Object.keys(LATER)) viewModule(name).catch(() => {});
}

/** The view module for `name`, loading it when it is not yet. */
async function viewModule(name) {
  VIEWS[name] ??= await LATER[name]();
  return VIEWS[name];
}

// The window is built hidden and shown now that every module on the way to
// Today has run: mapped while they still loaded, WebKit held its first paint
// half a second about every other start. (If this fails, Rust shows it anyway.)
pageReady().catch(() => {});
// Today is asked for now, beside the start-up check: its answer then reaches the page before
// the window's first frames hold the main thread, which delivers it (docs/decisions/0013).
// With a start-up problem the ask fails and the problem page shows instead.
refreshToday();

// The data file could not be opened: the page that says why replaces the app.
const problem = await startupProblem().catch(() => null);
if (problem) {
  const page = document.createElement('div');
  (document.querySelector('.app') ?? document.body.firstChild)?.replaceWith(page);
  if (!page.isConnected) document.body.prepend(page);
  showStartupProblem(page, problem, { onRecovered: () => window.location.reload() });
} else {
  startApp();
}

function startApp() {
  // Quick add sits above every view; a name in its list opens that contact.
  const quick = createQuickAdd({
    onOpenContact: (contactId) => show('contacts', { contactId }),
    // Escape: to the view's list; a view without one, back where she was (not a text field).
    onLeave: (from) => focusList(from && !isTyping(from) ? from : null),
  });
  document.getElementById('quick-bar')?.append(quick.element);

  const main = document.getElementById('main');
  const sectionButtons = document.querySelectorAll('nav[aria-label="Sections"] button[data-view]');
  const todayButton = document.querySelector('nav[aria-label="Sections"] button[data-view="today"]');
  let current = null; // { name, view }

  let asked = null; // the section last asked for: a slower one loading meanwhile does not win

  /** Shows section `name` (resolves once it is mounted); `intent` says what to open in it. */
  async function show(name, intent = null) {
    if (!VIEWS[name] && !LATER[name]) return;
    asked = name;
    if (!VIEWS[name]) {
      try {
        await viewModule(name);
      } catch (err) {
        say(`Couldn’t open ${name}: ${err.message}`);
        return;
      }
      if (asked !== name) return;
    }
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
    const keys = sectionShortcut(button.dataset.view);
    if (keys) button.setAttribute('aria-keyshortcuts', keys);
}

  /** Focus to the visible view's list (Today's items, the contact list…), else `otherwise`, else its heading. */
  function focusList(otherwise = null) {
    if (current?.view.focusList?.()) return;
    if (otherwise?.isConnected) {
      otherwise.focus();
      return;
    }
    const heading = main.querySelector('h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  // g t / g c / g a / g s, Alt+1…4, and ? for the key list (also the sidebar's button).
  const sectionKeys = createSectionKeys({
    go: async (name) => {
      await show(name);
      focusList();
    },
    help: () => openKeyHelp(),
  });
  document.getElementById('key-help')?.addEventListener('click', () => openKeyHelp());

  // The sidebar's count: what is overdue or due today, re-orders included. Drawn by CSS from data-count, so
  // the button's text stays exactly "Today"; its accessible name says the number.
  let warmed = false;
  subscribe(({ today: data }) => {
    if (!warmed) {
      warmed = true;
      // After Today's frame (a frame, then a moment), so loading them never delays it.
      const afterFrame = window.requestAnimationFrame ?? ((run) => setTimeout(run));
      afterFrame(() => setTimeout(warmLaterSections, WARM_LATER_MS));
    }
    if (!data || !todayButton) return;
    const due = (data.counts?.overdue ?? 0) + (data.counts?.dueToday ?? 0) + (data.counts?.reordersDue ?? 0);
    if (due > 0) {
      todayButton.dataset.count = due > 99 ? '99+' : String(due);
      todayButton.setAttribute('aria-label', `Today, ${due} due`);
    } else {
      delete todayButton.dataset.count;
      todayButton.removeAttribute('aria-label');
    }
  });

  /** Ctrl+K (⌘K) from anywhere, or q when not typing: the keys that go to Quick add. */
  function isQuickAddKey(event) {
    const key = event.key?.toLowerCase();
    if (event.altKey) return false;
    if (event.ctrlKey || event.metaKey) return key === 'k' && !event.shiftKey;
    return key === 'q' && !isTyping(event.target);
}

  // Single-key shortcuts belong to the visible view; a modal dialog owns the keyboard while open.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (document.querySelector('dialog[open]')) return;
    if (isQuickAddKey(event)) {
      event.preventDefault();
      quick.focus();
      return;
    }
    if (sectionKeys(event)) return;
    current?.view.onKey?.(event);
    // Escape the view had no use for: out of the field, back to the list, so j/k never type.
    if (event.key === 'Escape' && !event.defaultPrevented && isTyping(event.target)) {
      event.preventDefault();
      focusList();
    }
  });

  // Another window or the background scheduler changed data: redraw what is visible.
  onChanged(() => {
    refreshToday();
    current?.view.refresh?.();
  });
  // Back from sleep or another app: Today may have moved on (timers pause while asleep).
  window.addEventListener('focus', () => refreshToday());

  // The global shortcut or the tray's "Quick add…". The event reaches every window, and the
  // Quick add window usually answers it; this one takes focus only when it is (or is being
  // brought) in front, so the place the person left here is not moved behind their back.
  const QUICK_FOCUS_WAIT_MS = 1500;
  onQuickAdd(() => {
    if (document.hasFocus()) {
      quick.focus();
      return;
    }
    const take = () => quick.focus();
    window.addEventListener('focus', take, { once: true });
    setTimeout(() => window.removeEventListener('focus', take), QUICK_FOCUS_WAIT_MS);
  });

  // A notification was clicked: its follow-up on its contact's page, or Today for a summary.
  async function openFollowup(followupId) {
    if (followupId === null) {
      show('today', { focus: true });
      return;
    }
    try {
      const followup = await getFollowup(followupId);
      show('contacts', { contactId: followup.contactId, followupId: followup.id });
    } catch (err) {
      say(`Couldn’t open that follow-up: ${err.message}`);
      show('today', { focus: true });
    }
  }
  onOpenFollowup(openFollowup);

  // A contacts file dropped onto the window: the same preview as Import contacts.
  onFileDropped((path) => {
    if (document.querySelector('dialog[open]')) return;
    show('contacts');
    importFromFile(path);
  });

  show(START_VIEW);

  // Built again from the tray by a notification or the shortcut: what it was
  // opened for (set by the backend before this page's scripts ran).
  const intent = window.__TEND_INTENT__;
  if (intent?.quickAdd) quick.focus();
  if (intent && 'openFollowup' in intent) openFollowup(intent.openFollowup);
}
