// The Settings view: default phone region, the default follow-up time, and where the data file lives.

import { getSettings, setSetting } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';

// Regions Tend offers for reading local phone numbers, in the order shown.
const REGIONS = [
  ['US', 'United States'], ['CA', 'Canada'], ['GB', 'United Kingdom'], ['IE', 'Ireland'],
  ['AU', 'Australia'], ['NZ', 'New Zealand'], ['DE', 'Germany'], ['FR', 'France'],
  ['ES', 'Spain'], ['IT', 'Italy'], ['NL', 'Netherlands'], ['BE', 'Belgium'],
  ['CH', 'Switzerland'], ['AT', 'Austria'], ['SE', 'Sweden'], ['NO', 'Norway'],
  ['DK', 'Denmark'], ['FI', 'Finland'], ['PL', 'Poland'], ['PT', 'Portugal'],
  ['MX', 'Mexico'], ['BR', 'Brazil'], ['IN', 'India'], ['ZA', 'South Africa'], ['JP', 'Japan'],
];

const regionLabel = (code) => {
  const name = REGIONS.find(([c]) => c === code)?.[1];
  return name ? `${name} (${code})` : code;
};

export function mount(container) {
  let saved = null; // the region the backend last confirmed, to roll back a failed change

  const region = el('select', {
    id: 'phone-region',
    'aria-describedby': 'phone-region-hint',
    onchange: saveRegion,
  }, REGIONS.map(([code]) => el('option', { value: code, text: regionLabel(code) })));
  const dataFile = el('code', { class: 'path' });
  let savedTime = null; // the default time the backend last confirmed
  const defaultTime = el('input', {
    type: 'time',
    id: 'default-time',
    'aria-describedby': 'default-time-hint',
    onchange: saveDefaultTime,
  });
  const zoneLine = el('p', { class: 'hint', id: 'time-zone' });

  container.append(
    el('div', { class: 'page' },
      el('h1', { text: 'Settings' }),
      el('section', { class: 'settings-group', 'aria-labelledby': 'phones-heading' },
        el('h2', { id: 'phones-heading', text: 'Phone numbers' }),
        el('div', { class: 'field' },
          el('label', { for: 'phone-region', text: 'Default phone region' }),
          region,
          el('p', {
            class: 'hint',
            id: 'phone-region-hint',
            text: 'Phones typed without a country code are read as numbers from this region.',
          }),
        ),
      ),
      el('section', { class: 'settings-group', 'aria-labelledby': 'followups-heading' },
        el('h2', { id: 'followups-heading', text: 'Follow-ups' }),
        el('div', { class: 'field' },
          el('label', { for: 'default-time', text: 'Default follow-up time' }),
          defaultTime,
          el('p', {
            class: 'hint',
            id: 'default-time-hint',
            text: 'A follow-up planned for a date without a time is due at this time of day.',
          }),
        ),
        zoneLine,
      ),
      el('section', { class: 'settings-group', 'aria-labelledby': 'data-heading' },
        el('h2', { id: 'data-heading', text: 'Your data' }),
        el('p', { text: 'Everything you keep in Tend stays on this computer, in one file:' }),
        el('p', {}, dataFile),
      ),
    ),
  );

  async function load() {
    try {
      const settings = await getSettings();
      // Keep a region we do not list (set elsewhere) rather than silently showing another one.
      if (![...region.options].some((o) => o.value === settings.phoneRegion)) {
        region.append(el('option', { value: settings.phoneRegion, text: regionLabel(settings.phoneRegion) }));
      }
      region.value = settings.phoneRegion;
      saved = settings.phoneRegion;
      dataFile.textContent = settings.dataFile;
      // Never overwrite a time being typed; the input shows what was saved otherwise.
      if (document.activeElement !== defaultTime && settings.defaultTime) defaultTime.value = settings.defaultTime;
      savedTime = settings.defaultTime ?? savedTime;
      zoneLine.textContent = settings.timeZone
        ? `Times are in this computer’s time zone: ${settings.timeZone}.`
        : '';
    } catch (err) {
      say(`Couldn’t load settings: ${err.message}`);
    }
  }

  async function saveRegion() {
    const code = region.value;
    try {
      await setSetting('phoneRegion', code);
      saved = code;
      say(`Default phone region: ${regionLabel(code)}`);
    } catch (err) {
      if (saved) region.value = saved;
      say(`Couldn’t change the phone region: ${err.message}`);
    }
  }

  async function saveDefaultTime() {
    const value = defaultTime.value;
    if (!value || value === savedTime) {
      if (!value && savedTime) defaultTime.value = savedTime; // an emptied field keeps the saved time
      return;
    }
    try {
      await setSetting('defaultTime', value);
      savedTime = value;
      say(`Default follow-up time: ${value}`);
    } catch (err) {
      if (savedTime) defaultTime.value = savedTime;
      say(`Couldn’t change the default time: ${err.message}`);
    }
  }

  load();
  return { refresh: load };
}
