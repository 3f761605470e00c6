// The keys that reach every section from anywhere: g then a letter (g t, g c, g a, g i,
// g s) or Alt+1…5, and ? for the list of every key Tend knows, in a dialog.

import { el, isTyping } from './dom.js';
import { openDialog } from './views/dialog.js';

/** [view, its name in the sidebar, the letter after g, the digit after Alt]. */
export const SECTION_KEYS = [
  ['today', 'Today', 't', '1'],
  ['contacts', 'Contacts', 'c', '2'],
  ['cadences', 'Cadences', 'a', '3'],
  ['settings', 'Settings', 's', '4'],
  ['insights', 'Insights', 'i', '5'],
];

// After g, the section's letter must follow within this long (then g is forgotten).
const CHORD_MS = 1500;

/** "G T Alt+1": what aria-keyshortcuts says on a section's button. */
export function sectionShortcut(view) {
  const entry = SECTION_KEYS.find(([name]) => name === view);
  return entry ? `G ${entry[2].toUpperCase()} Alt+${entry[3]}` : null;
}

/**
 * go(view): shows a section; help(): opens the key list. Returns handle(event) → true when
 * the key was one of these (and is then taken: preventDefault).
 */
export function createSectionKeys({ go, help }) {
  let chordStarted = -Infinity;

  function take(event, then) {
    event.preventDefault();
    then();
    return true;
  }

  return function handle(event) {
    const digit = event.code?.startsWith('Digit') ? event.code.slice(5) : event.key;
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const section = SECTION_KEYS.find(([, , , d]) => d === digit);
      return section ? take(event, () => go(section[0])) : false;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      chordStarted = -Infinity;
      return false;
    }
    const key = event.key?.toLowerCase();
    if (Date.now() - chordStarted < CHORD_MS) {
      chordStarted = -Infinity;
      const section = SECTION_KEYS.find(([, , letter]) => letter === key);
      if (section) return take(event, () => go(section[0]));
    }
    if (key === 'g' && !event.shiftKey) {
      chordStarted = Date.now();
      event.preventDefault();
      return true;
    }
    if (event.key === '?') return take(event, help);
    return false;
  };
}

// Every key, grouped by where it works. Kept beside the handlers' own files' behaviour.
const HELP = [
  ['Anywhere', [
    [['g', 't'], 'Today'], [['g', 'c'], 'Contacts'], [['g', 'a'], 'Cadences'], [['g', 's'], 'Settings'],
    [['g', 'i'], 'Insights'],
    [['Alt+1 … 5'], 'The same five sections'],
    [['Ctrl+K'], 'Quick add (also q, when not typing)'],
    [['Esc'], 'Leave a field or close a form, back to the list'],
    [['?'], 'This list'],
  ]],
  ['Lists (Today, Contacts)', [
    [['j'], 'Next'], [['k'], 'Previous'], [['Enter'], 'Open'],
    [['d'], 'Done (Today)'], [['s'], 'Snooze (Today)'],
  ]],
  ['Contacts', [[['/'], 'Search contacts'], [['n'], 'New contact']]],
  ['Cadences', [[['n'], 'New cadence']]],
  ['Forms', [[['Ctrl+Enter'], 'Save'], [['Esc'], 'Cancel']]],
];

/** The ? dialog: every key, in a table per place. */
export function openKeyHelp() {
  return openDialog('Keyboard shortcuts', (close) => {
    const done = el('button', { type: 'button', class: 'primary', text: 'Close', onclick: () => close() });
    const groups = HELP.map(([title, rows]) => el('section', { class: 'key-group' },
      el('h3', { text: title }),
      el('table', { class: 'key-table' },
        el('tbody', {}, rows.map(([keys, what]) => el('tr', {},
          el('th', { scope: 'row' }, keys.flatMap((k, i) => [i ? ' then ' : null, el('kbd', { text: k })])),
          el('td', { text: what })))))));
    return {
      content: [el('h2', { text: 'Keyboard shortcuts' }), el('div', { class: 'key-groups' }, groups),
        el('div', { class: 'actions' }, done)],
      focus: done,
    };
  });
}
