// The Settings section about customers who stay: her currency, how early a re-order
// reminder comes, how many days ahead a birthday or event is notified, and her seasons.

import { addSeason, listSeasons, removeSeason, setSetting } from '../backend.js';
import { formatDayOfYear } from '../dates.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { createFields, guardSubmit } from './formKit.js';

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

  // Seasons she sells into: before one, Today lists who bought in it last year.
  const seasonList = el('ul', { class: 'product-list', 'aria-label': 'Your seasons' });
  const seasonFields = createFields('season');
  const seasonControls = {
    name: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. Holiday gifts' }),
    starts: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. 15 Nov' }),
    ends: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. 31 Dec' }),
  };
  const seasonForm = el('form', { class: 'mini-form', 'aria-label': 'Add a season', novalidate: true },
    seasonFields.formError,
    el('div', { class: 'field-pair field-trio' },
      seasonFields.field('name', 'Season', seasonControls.name),
      seasonFields.field('starts', 'Starts', seasonControls.starts),
      seasonFields.field('ends', 'Ends', seasonControls.ends),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Add season' })),
  );
  guardSubmit(seasonForm, seasonFields, async () => {
    const seasons = await addSeason({
      name: seasonControls.name.value, starts: seasonControls.starts.value, ends: seasonControls.ends.value,
    });
    say(`Added the season ${seasonControls.name.value.trim()}`);
    for (const control of Object.values(seasonControls)) control.value = '';
    renderSeasons(seasons);
  });

  function renderSeasons(seasons) {
    seasonList.replaceChildren(...seasons.map((season) => {
      const lineId = `season-${season.id}`;
      return el('li', { class: 'product' },
        el('span', { id: lineId, text: `${season.name}: ${formatDayOfYear(season.startsOn)} – ${formatDayOfYear(season.endsOn)}` }),
        el('span', { class: 'actions' }, el('button', {
          type: 'button', text: 'Remove', 'aria-describedby': lineId,
          onclick: async () => {
            try {
              renderSeasons(await removeSeason(season.id));
              say(`Removed the season ${season.name}`);
            } catch (err) {
              say(`Couldn’t remove ${season.name}: ${err.message}`);
            }
          },
        })),
      );
    }));
  }

  function load(settings) {
    listSeasons().then(renderSeasons, () => {});
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
    el('h3', { text: 'Seasons' }),
    el('p', { class: 'hint', text: 'From three weeks before a season, Today lists the customers who bought in it last year.' }),
    seasonList,
    seasonForm,
  );
  return { element, load };
}
