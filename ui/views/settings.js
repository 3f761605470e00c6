// The Settings view: default phone region, the default follow-up time, reminders (morning
// digest, pausing), the window (close to tray, start at login), the global Quick add
// shortcut, where the data file lives, and About (the version and its release notes).

import {
  getAutostart, getSettings, getShortcut, pauseReminders, setAutostart, setSetting, setShortcut,
} from '../backend.js';
import { el } from '../dom.js';
import { createAbout } from './about.js';
import { createBackups } from './backups.js';
import { createCadenceSettings } from './cadenceSettings.js';
import { createCustomerSettings } from './customerSettings.js';
import { createProducts } from './products.js';
import { say } from '../status.js';
import { formatSoon, nowMs, todayDate, useSettings, wallOf } from '../when.js';

const DEFAULT_DIGEST = '08:30'; // the backend's default; offered again when the digest is turned back on

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
  // The area code a local number ("555-0142") gets; empty: such a number is asked about.
  const areaCode = el('input', {
    type: 'text', id: 'area-code', inputmode: 'numeric', autocomplete: 'off', size: '6',
    placeholder: 'e.g. 415', 'aria-describedby': 'area-code-hint', onchange: saveAreaCode,
  });
  const areaCodeError = el('p', { class: 'field-error', id: 'area-code-error', role: 'alert' });
  let savedArea = '';
  const dataFile = el('code', { class: 'path' });
  const backups = createBackups();
  const about = createAbout();
  const cadenceSettings = createCadenceSettings();
  const products = createProducts();
  const customers = createCustomerSettings();
  let savedTime = null; // the default time the backend last confirmed
  const defaultTime = el('input', {
    type: 'time',
    id: 'default-time',
    'aria-describedby': 'default-time-hint',
    onchange: saveDefaultTime,
  });
  const zoneLine = el('p', { class: 'hint', id: 'time-zone' });

  // Keep-in-touch windows, one per stage: who counts as going cold.
  const STAGE_LABELS = [
    ['lead', 'Leads'], ['new_customer', 'New customers'], ['customer', 'Customers'],
    ['inactive_customer', 'Inactive customers'], ['partner', 'Partners'], ['team_member', 'Team members'],
  ];
  const savedWindows = {};
  const windowInputs = STAGE_LABELS.map(([key, label]) => {
    const input = el('input', {
      type: 'number', min: '1', max: '3650', step: '1', inputmode: 'numeric', id: `window-${key}`,
      'aria-describedby': 'windows-hint', onchange: () => saveWindow(key, label, input),
    });
    const error = el('p', { class: 'field-error', id: `window-${key}-error`, role: 'alert' });
    return { key, label, input, error };
  });

  // Reminders: the morning digest and pausing.
  let savedDigest = null; // 'HH:MM' or 'off', as the backend last confirmed
  const digestOn = el('input', { type: 'checkbox', id: 'digest-on', onchange: saveDigest });
  const digestTime = el('input', {
    type: 'time', id: 'digest-time', value: DEFAULT_DIGEST, 'aria-describedby': 'digest-hint', onchange: saveDigest,
  });
  const pauseState = el('p', { class: 'pause-state', id: 'pause-state' });
  const pauseButton = (text, choice) => el('button', {
    type: 'button', text, 'aria-describedby': 'pause-state', onclick: () => pause(choice),
  });

  // The window and start-up.
  const closeToTray = el('input', {
    type: 'checkbox', id: 'close-to-tray', checked: true, 'aria-describedby': 'close-to-tray-hint', onchange: saveCloseToTray,
  });
  const autostart = el('input', {
    type: 'checkbox', id: 'autostart', 'aria-describedby': 'autostart-hint', onchange: saveAutostart,
  });
  const autostartError = el('p', { class: 'field-error', id: 'autostart-error', role: 'alert' });

  // The global Quick add shortcut.
  let shortcutEdited = false; // typed but not saved: a refresh must not overwrite it
  const shortcut = el('input', {
    type: 'text', id: 'quick-shortcut', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'e.g. Ctrl+Alt+T', 'aria-describedby': 'quick-shortcut-hint',
    oninput: () => { shortcutEdited = true; },
  });
  const shortcutError = el('p', { class: 'field-error', id: 'quick-shortcut-error', role: 'alert' });
  const shortcutForm = el('form', { class: 'inline-form', novalidate: true },
    el('div', { class: 'field' },
      el('label', { for: 'quick-shortcut', text: 'Quick add shortcut' }),
      el('div', { class: 'field-row' },
        shortcut,
        el('button', { type: 'submit', text: 'Save shortcut' }),
      ),
      shortcutError,
      el('p', {
        class: 'hint',
        id: 'quick-shortcut-hint',
        text: 'Opens the small Quick add window from anywhere on the desktop. Inside Tend, Ctrl+K or Q goes to Quick add.',
      }),
    ),
  );
  shortcutForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveShortcut();
  });

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
        el('div', { class: 'field' },
          el('label', { for: 'area-code', text: 'Default area code' }),
          areaCode,
          areaCodeError,
          el('p', {
            class: 'hint',
            id: 'area-code-hint',
            text: 'A local number typed without its area code (555-0142) gets this one. Empty: Tend asks.',
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
      cadenceSettings.element,
      customers.element,
      products.element,
      el('section', { class: 'settings-group', 'aria-labelledby': 'windows-heading' },
        el('h2', { id: 'windows-heading', text: 'Keep in touch' }),
        el('p', {
          class: 'hint',
          id: 'windows-hint',
          text: 'Days without a touch before someone shows as going cold in Today. A contact can have its own rhythm on its form.',
        }),
        el('div', { class: 'window-grid' }, windowInputs.map(({ key, label, input, error }) =>
          el('div', { class: 'field' },
            el('label', { for: input.id, text: `${label}: every (days)` }),
            input,
            error,
          ))),
      ),
      el('section', { class: 'settings-group', 'aria-labelledby': 'reminders-heading' },
        el('h2', { id: 'reminders-heading', text: 'Reminders' }),
        el('label', { class: 'check' }, digestOn, ' Send a morning digest'),
        el('div', { class: 'field' },
          el('label', { for: 'digest-time', text: 'Morning digest' }),
          digestTime,
          el('p', {
            class: 'hint',
            id: 'digest-hint',
            text: 'One notification at this time: what is overdue, due, going cold and up for re-order today.',
          }),
        ),
        pauseState,
        el('div', { class: 'actions' },
          pauseButton('Pause reminders for 1 hour', 'one_hour'),
          pauseButton('Pause until tomorrow', 'tomorrow'),
          pauseButton('Resume reminders', 'resume'),
        ),
      ),
      el('section', { class: 'settings-group', 'aria-labelledby': 'quick-heading' },
        el('h2', { id: 'quick-heading', text: 'Quick add from anywhere' }),
        shortcutForm,
      ),
      el('section', { class: 'settings-group', 'aria-labelledby': 'window-heading' },
        el('h2', { id: 'window-heading', text: 'Window and start-up' }),
        el('div', { class: 'check-field' },
          el('label', { class: 'check' }, closeToTray, ' Close window to tray'),
          el('p', {
            class: 'hint',
            id: 'close-to-tray-hint',
            text: 'Closing the window keeps Tend in the tray, so reminders still fire. Quit from the tray menu.',
          }),
        ),
        el('div', { class: 'check-field' },
          el('label', { class: 'check' }, autostart, ' Start Tend at login'),
          autostartError,
          el('p', {
            class: 'hint',
            id: 'autostart-hint',
            text: 'Tend starts in the tray when you log in, so no reminder waits for you to open it.',
          }),
        ),
      ),
      el('section', { class: 'settings-group', 'aria-labelledby': 'data-heading' },
        el('h2', { id: 'data-heading', text: 'Your data' }),
        el('p', { text: 'Everything you keep in Tend stays on this computer, in one file:' }),
        el('p', {}, dataFile),
        backups.element,
      ),
      about.element,
    ),
  );

  async function load() {
    backups.load();
    about.load();
    loadAutostart();
    loadShortcut();
    try {
      const settings = await getSettings();
      useSettings(settings);
      customers.load(settings);
      products.load(settings.currency);
      // Keep a region we do not list (set elsewhere) rather than silently showing another one.
      if (![...region.options].some((o) => o.value === settings.phoneRegion)) {
        region.append(el('option', { value: settings.phoneRegion, text: regionLabel(settings.phoneRegion) }));
      }
      region.value = settings.phoneRegion;
      saved = settings.phoneRegion;
      savedArea = settings.defaultAreaCode ?? '';
      if (document.activeElement !== areaCode) areaCode.value = savedArea;
      dataFile.textContent = settings.dataFile;
      // Never overwrite a time being typed; the input shows what was saved otherwise.
      if (document.activeElement !== defaultTime && settings.defaultTime) defaultTime.value = settings.defaultTime;
      savedTime = settings.defaultTime ?? savedTime;
      zoneLine.textContent = settings.timeZone
        ? `Times are in this computer’s time zone: ${settings.timeZone}.`
        : '';
      for (const { key, input } of windowInputs) {
        const days = settings.keepInTouch?.[key];
        if (days === undefined) continue;
        savedWindows[key] = days;
        if (document.activeElement !== input) input.value = String(days);
      }
      showDigest(settings.digestTime);
      if (typeof settings.closeToTray === 'boolean') closeToTray.checked = settings.closeToTray;
      showPause(settings);
      cadenceSettings.show(settings);
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

  async function saveAreaCode() {
    const value = areaCode.value.trim();
    try {
      await setSetting('defaultAreaCode', value);
      savedArea = value.replace(/\D/g, '');
      areaCode.value = savedArea;
      showFieldError(areaCode, areaCodeError, '');
      say(savedArea ? `Default area code: ${savedArea}` : 'No default area code: Tend asks about local numbers');
    } catch (err) {
      showFieldError(areaCode, areaCodeError, err.message);
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

  async function saveWindow(key, label, input) {
    const entry = windowInputs.find((w) => w.key === key);
    try {
      await setSetting(`keepInTouch.${key}`, input.value.trim());
      savedWindows[key] = Number(input.value);
      showFieldError(input, entry.error, '');
      say(`${label}: keep in touch every ${input.value} days`);
    } catch (err) {
      // The message stays by the field with the typed value, so it can be fixed.
      showFieldError(input, entry.error, err.message);
    }
  }

  // ---------- reminders ----------

  /** digest: 'HH:MM', 'off', or undefined (a backend that does not say: left as it is). */
  function showDigest(digest) {
    if (typeof digest !== 'string') return;
    savedDigest = digest;
    digestOn.checked = digest !== 'off';
    digestTime.disabled = digest === 'off';
    if (digest !== 'off' && document.activeElement !== digestTime) digestTime.value = digest;
  }

  async function saveDigest() {
    if (digestOn.checked && !digestTime.value) {
      // An emptied time keeps the saved one: "off" is the checkbox's job.
      digestTime.value = savedDigest && savedDigest !== 'off' ? savedDigest : DEFAULT_DIGEST;
    }
    const value = digestOn.checked ? digestTime.value : 'off';
    digestTime.disabled = value === 'off';
    if (value === savedDigest) return;
    try {
      await setSetting('digestTime', value);
      savedDigest = value;
      say(value === 'off' ? 'Morning digest off' : `Morning digest at ${value}`);
    } catch (err) {
      if (savedDigest) showDigest(savedDigest);
      say(`Couldn’t change the morning digest: ${err.message}`);
    }
  }

  /** When a pause ends, in words: '15:00' later today, else 'Tue 09:00'. */
  function pauseEnd(iso) {
    const local = wallOf(iso);
    return local && local.slice(0, 10) === todayDate() ? local.slice(11, 16) : formatSoon(iso);
  }

  /** "Reminders paused until Tue 09:00", or that they are on (when the backend says). */
  function showPause(settings) {
    if (!settings || !('remindersPausedUntil' in settings)) {
      pauseState.textContent = '';
      return;
    }
    const until = settings.remindersPausedUntil;
    const ends = until ? Date.parse(until) : NaN;
    const now = nowMs() ?? Date.now();
    pauseState.textContent = ends > now
      ? `Reminders paused until ${pauseEnd(until)}`
      : 'Reminders are on.';
  }

  async function pause(choice) {
    try {
      const settings = await pauseReminders(choice);
      showPause(settings);
      const until = settings?.remindersPausedUntil;
      say(choice === 'resume' || !until ? 'Reminders are on again' : `Reminders paused until ${pauseEnd(until)}`);
    } catch (err) {
      say(`Couldn’t change reminders: ${err.message}`);
    }
  }

  // ---------- window and start-up ----------

  async function saveCloseToTray() {
    const on = closeToTray.checked;
    try {
      await setSetting('closeToTray', on ? 'on' : 'off');
      say(on ? 'Closing the window keeps Tend in the tray' : 'Closing the window quits Tend');
    } catch (err) {
      closeToTray.checked = !on;
      say(`Couldn’t change closing to the tray: ${err.message}`);
    }
  }

  function showFieldError(control, node, message) {
    node.textContent = message;
    const hint = control.getAttribute('aria-describedby')?.split(' ').filter((id) => id !== node.id) ?? [];
    if (message) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [node.id, ...hint].join(' '));
    } else {
      control.removeAttribute('aria-invalid');
      control.setAttribute('aria-describedby', hint.join(' '));
    }
  }

  async function loadAutostart() {
    try {
      autostart.checked = Boolean(await getAutostart());
      autostart.disabled = false;
    } catch (err) {
      showFieldError(autostart, autostartError, `Tend can’t tell whether it starts at login: ${err.message}`);
    }
  }

  async function saveAutostart() {
    const wanted = autostart.checked;
    try {
      const enabled = Boolean(await setAutostart(wanted));
      autostart.checked = enabled;
      if (enabled === wanted) {
        showFieldError(autostart, autostartError, '');
        say(enabled ? 'Tend will start at login' : 'Tend won’t start at login');
      } else {
        showFieldError(autostart, autostartError, enabled
          ? 'The system still starts Tend at login.'
          : 'The system did not let Tend start at login.');
      }
    } catch (err) {
      autostart.checked = !wanted; // nothing changed: show what is true
      showFieldError(autostart, autostartError, err.message);
    }
  }

  // ---------- the Quick add shortcut ----------

  /**
   * status: {shortcut, registered, message}. A message with registered: true means the
   * keys asked for were refused and `shortcut` (the one before, or the default) still works.
   */
  function showShortcut(status, { typed = false } = {}) {
    if (!status) return;
    if (!typed && !shortcutEdited && document.activeElement !== shortcut) shortcut.value = status.shortcut ?? '';
    showFieldError(shortcut, shortcutError, status.message
      || (status.registered ? '' : `The system did not give Tend ${status.shortcut}; pick another combination.`));
  }

  async function loadShortcut() {
    try {
      showShortcut(await getShortcut());
    } catch {
      // An older backend without the shortcut: the field stays empty, Save still reports errors.
    }
  }

  async function saveShortcut() {
    const keys = shortcut.value.trim();
    if (!keys) {
      showFieldError(shortcut, shortcutError, 'Type a key combination, e.g. Ctrl+Alt+T.');
      shortcut.focus();
      return;
    }
    try {
      const status = await setShortcut(keys);
      showShortcut(status, { typed: true });
      if (status.registered && !status.message) {
        shortcutEdited = false;
        say(`Quick add shortcut: ${status.shortcut}`);
      } else {
        shortcut.focus();
      }
    } catch (err) {
      showFieldError(shortcut, shortcutError, err.message);
      shortcut.focus();
    }
  }

  load();
  return { refresh: load };
}
