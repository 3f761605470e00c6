// Today for an empty book: a short welcome instead of five empty sections. Three ways
// to begin (Import contacts, Quick add one line, New contact), where her data lives, and
// a test notification that shows whether reminders reach her desktop, and if not, why.

import { getSettings, sendTestNotification } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { importFromFile } from './importContacts.js';

/** go(view, intent) switches views. → { element, load() } */
export function createWelcome({ go }) {
  const dataFile = el('code', { class: 'path', id: 'welcome-data-file' });
  const testResult = el('p', { class: 'welcome-test-result', id: 'welcome-test-result', role: 'status' });
  const testButton = el('button', {
    type: 'button', text: 'Send a test notification', 'aria-describedby': 'welcome-test-result',
    onclick: sendTest,
  });
  const way = (action, text) => el('li', {}, action, ' ', el('span', { class: 'hint', text }));

  const element = el('section', { class: 'welcome', 'aria-labelledby': 'welcome-heading' },
    el('h2', { id: 'welcome-heading', text: 'Welcome to Tend' }),
    el('p', { text: 'Your book is empty. Three ways to begin:' }),
    el('ul', { class: 'welcome-ways' },
      way(el('button', {
        type: 'button', text: 'Import contacts',
        onclick: () => importFromFile().then((done) => done && go('contacts')),
      }), 'from a vCard or CSV file your phone, Google or Outlook exports.'),
      way(el('button', {
        type: 'button', text: 'Try Quick add', onclick: focusQuickAdd,
      }), 'one line per person in Quick add above, e.g. “Jane Doe 555-0142 wants the lavender set, call Thu”.'),
      way(el('button', {
        type: 'button', text: 'New contact', onclick: () => go('contacts', { action: 'new' }),
      }), 'a form with name, phone, email, stage and notes.'),
    ),
    el('p', {}, 'Everything stays on this computer, in one file: ', dataFile),
    el('h3', { text: 'Will reminders reach you?' }),
    el('p', { class: 'hint', text: 'When a promise comes due, Tend shows a notification on your desktop. Try one now.' }),
    el('div', { class: 'actions' }, testButton),
    testResult,
  );

  function focusQuickAdd() {
    document.querySelector('[aria-label="Quick add"]')?.focus();
  }

  async function sendTest() {
    testButton.disabled = true;
    testResult.textContent = '';
    try {
      const outcome = await sendTestNotification();
      testResult.textContent = outcome.message;
      testResult.classList.toggle('field-error', !outcome.reached);
    } catch (err) {
      testResult.textContent = `Tend couldn’t send a test notification: ${err.message}`;
      testResult.classList.add('field-error');
    } finally {
      testButton.disabled = false;
    }
  }

  async function load() {
    try {
      dataFile.textContent = (await getSettings()).dataFile ?? '';
    } catch (err) {
      say(`Couldn’t say where the data lives: ${err.message}`);
    }
  }

  return { element, load };
}
