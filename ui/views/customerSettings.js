// The Settings section about customers who stay: her currency, how early a re-order
// reminder comes, and how many days ahead a birthday or event is notified.

import { setSetting } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';

// [setting key, label, hint, input props, what the status line says]
const FIELDS = [
  ['currency', 'Currency', 'Amounts and prices are in this currency (three letters: USD, EUR, GBP…).',
    { type: 'text', maxlength: '3', autocomplete: 'off', spellcheck: 'false' }, (v) => `Currency: ${v.toUpperCase()}`],
  ['reorderLeadDays', 'Re-order reminder, days before it runs out', 'Offer the re-order this many days before her supply ends.',
    { type: 'number', min: '0', max: '30', step: '1', inputmode: 'numeric' }, (v) => `Re-order reminders come ${v} days before`],
  ['eventNoticeDays', 'Birthdays and events, notify days ahead', 'The morning notification comes this many days before (0: on the day).',
    { type: 'number', min: '0', max: '14', step: '1', inputmode: 'numeric' }, (v) => `Birthdays are notified ${v} days ahead`],
];

/** Returns {element, load(settings)}: load shows what the backend has. */
export function createCustomerSettings() {
  const saved = {};
  const inputs = FIELDS.map(([key, label, hint, props, said]) => {
    const input = el('input', { id: `setting-${key}`, 'aria-describedby': `setting-${key}-hint`, ...props });
    const error = el('p', { class: 'field-error', id: `setting-${key}-error`, role: 'alert' });
    input.addEventListener('change', () => save(key, input, error, said));
    const field = el('div', { class: 'field' },
      el('label', { for: input.id, text: label }),
      input,
      error,
      el('p', { class: 'hint', id: `setting-${key}-hint`, text: hint }),
    );
    return { key, input, error, field };
  });

  async function save(key, input, error, said) {
    const value = input.value.trim();
    try {
      await setSetting(key, value);
      saved[key] = value;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      say(said(value));
    } catch (err) {
      // The typed value stays, with the reason beside it.
      error.textContent = err.message;
      input.setAttribute('aria-invalid', 'true');
    }
  }

  function load(settings) {
    for (const { key, input } of inputs) {
      const value = settings?.[key];
      if (value === undefined || value === null || document.activeElement === input) continue;
      saved[key] = String(value);
      input.value = String(value);
    }
  }

  const element = el('section', { class: 'settings-group', 'aria-labelledby': 'customers-heading' },
    el('h2', { id: 'customers-heading', text: 'Customers' }),
    el('div', { class: 'window-grid' }, inputs.map(({ field }) => field)),
  );
  return { element, load };
}
