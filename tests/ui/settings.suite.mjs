// ui/views/settings.js, the reminder settings: morning digest, pausing, close to tray,
// start at login and the global Quick add shortcut, each with the backend's refusals
// shown where they belong.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, teardown, flush, byLabel, button, setChecked, type,
} from './harness.mjs';

const NOW = '2026-11-23T14:00:00Z'; // a Monday

function settings(extra = {}) {
  return {
    phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x/tend.sqlite3',
    digestTime: '08:30', closeToTray: true, remindersPausedUntil: null, ...extra,
  };
}

describe('ui/views/settings.js: reminders, window, shortcut', () => {
  let env;
  let document;
  let tauri;
  let mountSettings;

  beforeEach(async () => {
    env = installDom({ html: '<!doctype html><html lang="en"><body><main id="main"></main><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    // The backend's clock, as Today gives it, so "paused until" reads against it.
    const when = await importUi('when.js');
    when.syncClock({ now: NOW, date: '2026-11-23' });
    when.setZone('UTC');
    ({ mount: mountSettings } = await importUi('views/settings.js'));
    tauri.respond('get_settings', settings());
    tauri.respond('get_autostart', false);
    tauri.respond('get_shortcut', { shortcut: 'Ctrl+Alt+T', registered: true, message: null });
    tauri.respond('set_setting', null);
  });
  afterEach(teardown);

  const status = () => document.getElementById('status').textContent;
  let view;
  async function open() {
    view = mountSettings(document.getElementById('main'));
    await flush(6);
  }
  function change(control) {
    control.dispatchEvent(new env.window.Event('change', { bubbles: true }));
  }
  function describedTexts(control) {
    return (control.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
  }

  test('Default area code: shown, saved on change, a bad one refused beside the field', async () => {
    tauri.respond('get_settings', settings({ defaultAreaCode: '415' }));
    await open();
    const area = byLabel(document, 'Default area code');
    assert.equal(area.value, '415');
    type(area, '(212)');
    change(area);
    await flush(4);
    assert.deepEqual(tauri.callsTo('set_setting').at(-1).args, { key: 'defaultAreaCode', value: '(212)' });
    assert.equal(area.value, '212', 'kept as its digits');
    assert.match(status(), /Default area code: 212/);
    tauri.fail('set_setting', { kind: 'invalid', field: 'defaultAreaCode', message: '“4l5” is not an area code: type its digits, e.g. 415.' });
    type(area, '4l5');
    change(area);
    await flush(4);
    assert.equal(area.getAttribute('aria-invalid'), 'true');
    assert.ok(describedTexts(area).includes('“4l5” is not an area code: type its digits, e.g. 415.'));
  });

  test('the morning digest: on at its time; a new time, off and on again each saved', async () => {
    await open();
    const on = byLabel(document, 'Send a morning digest');
    const time = byLabel(document, 'Morning digest');
    assert.equal(on.checked, true);
    assert.equal(time.value, '08:30');
    assert.equal(time.type, 'time');

    time.value = '07:45';
    change(time);
    await flush();
    setChecked(on, false);
    await flush();
    assert.equal(time.disabled, true, 'no time to pick while off');
    setChecked(on, true);
    await flush();
    assert.deepEqual(tauri.callsTo('set_setting').map((c) => c.args), [
      { key: 'digestTime', value: '07:45' },
      { key: 'digestTime', value: 'off' },
      { key: 'digestTime', value: '07:45' },
    ]);
    assert.equal(status(), 'Morning digest at 07:45');
  });

  test('a digest that is off shows unticked, with the time unavailable', async () => {
    tauri.respond('get_settings', settings({ digestTime: 'off' }));
    await open();
    assert.equal(byLabel(document, 'Send a morning digest').checked, false);
    assert.equal(byLabel(document, 'Morning digest').disabled, true);
  });

  test('a refused digest time goes back to the saved one and says why', async () => {
    await open();
    tauri.fail('set_setting', { kind: 'invalid', field: 'digestTime', message: '“25:00” is not a time of day.' });
    const time = byLabel(document, 'Morning digest');
    time.value = '23:59';
    change(time);
    await flush();
    assert.equal(time.value, '08:30');
    assert.equal(status(), 'Couldn’t change the morning digest: “25:00” is not a time of day.');
  });

  test('Keep in touch: every stage window shown, saved on change, a refusal shown by its field', async () => {
    tauri.respond('get_settings', settings({ keepInTouch: { lead: 7, new_customer: 14, customer: 30, inactive_customer: 90, partner: 30, team_member: 30 } }));
    await open();
    const leads = byLabel(document, 'Leads: every (days)');
    assert.equal(leads.value, '7');
    assert.equal(byLabel(document, 'Inactive customers: every (days)').value, '90');
    type(leads, '5');
    change(leads);
    await flush();
    assert.deepEqual(tauri.callsTo('set_setting').map((c) => c.args), [{ key: 'keepInTouch.lead', value: '5' }]);
    assert.match(status(), /Leads: keep in touch every 5 days/);

    tauri.fail('set_setting', { kind: 'invalid', field: 'keepInTouch', message: 'Keep in touch every 1 to 3650 days.' });
    type(leads, '0');
    change(leads);
    await flush();
    assert.equal(leads.getAttribute('aria-invalid'), 'true');
    assert.ok(describedTexts(leads).includes('Keep in touch every 1 to 3650 days.'));
  });

  test('Close window to tray follows the setting and saves on or off', async () => {
    tauri.respond('get_settings', settings({ closeToTray: false }));
    await open();
    const box = byLabel(document, 'Close window to tray');
    assert.equal(box.checked, false);
    setChecked(box, true);
    await flush();
    setChecked(box, false);
    await flush();
    assert.deepEqual(tauri.callsTo('set_setting').map((c) => c.args), [
      { key: 'closeToTray', value: 'on' },
      { key: 'closeToTray', value: 'off' },
    ]);
  });

  test('Start Tend at login: read from the OS, changed through it, and a refusal shown beside it', async () => {
    tauri.respond('get_autostart', true);
    await open();
    const box = byLabel(document, 'Start Tend at login');
    assert.equal(box.checked, true);

    tauri.respond('set_autostart', ({ enabled }) => enabled);
    setChecked(box, false);
    await flush();
    assert.deepEqual(tauri.callsTo('set_autostart').map((c) => c.args), [{ enabled: false }]);
    assert.equal(box.checked, false);
    assert.equal(status(), 'Tend won’t start at login');

    tauri.fail('set_autostart', { kind: 'os', message: 'Could not change start at login: no autostart folder' });
    setChecked(box, true);
    await flush();
    assert.equal(box.checked, false, 'nothing changed, so it shows what is true');
    assert.equal(box.getAttribute('aria-invalid'), 'true');
    assert.ok(describedTexts(box).includes('Could not change start at login: no autostart folder'));
    assert.equal(document.getElementById('autostart-error').getAttribute('role'), 'alert');

    tauri.respond('set_autostart', true);
    setChecked(box, true);
    await flush();
    assert.equal(box.hasAttribute('aria-invalid'), false, 'the message goes once it worked');
  });

  test('pause: the state read from remindersPausedUntil, each button sends its choice', async () => {
    tauri.respond('get_settings', settings({ remindersPausedUntil: '2026-11-24T09:00:00Z' }));
    await open();
    assert.match(document.getElementById('main').textContent, /Reminders paused until Tue 09:00/);

    tauri.respond('pause_reminders', ({ choice }) => settings({
      remindersPausedUntil: choice === 'one_hour' ? '2026-11-23T15:00:00Z' : choice === 'tomorrow' ? '2026-11-24T09:00:00Z' : null,
    }));
    button(document, 'Resume reminders').click();
    await flush();
    assert.match(document.getElementById('main').textContent, /Reminders are on\./);
    assert.equal(status(), 'Reminders are on again');

    button(document, 'Pause reminders for 1 hour').click();
    await flush();
    assert.match(document.getElementById('main').textContent, /Reminders paused until 15:00/);
    assert.equal(status(), 'Reminders paused until 15:00');

    button(document, 'Pause until tomorrow').click();
    await flush();
    assert.equal(status(), 'Reminders paused until Tue 09:00');
    assert.deepEqual(tauri.callsTo('pause_reminders').map((c) => c.args.choice), ['resume', 'one_hour', 'tomorrow']);
  });

  test('a backend that does not report the pause: no pause line, the buttons still work', async () => {
    const { remindersPausedUntil, ...older } = settings();
    void remindersPausedUntil;
    tauri.respond('get_settings', older);
    await open();
    assert.doesNotMatch(document.getElementById('main').textContent, /Reminders (paused|are on)/);
    assert.ok(button(document, 'Pause reminders for 1 hour'));
  });

  test('the Quick add shortcut: shown, saved with Save shortcut, and a refusal shown as an alert beside it', async () => {
    await open();
    const field = byLabel(document, 'Quick add shortcut');
    assert.equal(field.value, 'Ctrl+Alt+T');

    tauri.respond('set_shortcut', ({ shortcut }) => ({ shortcut, registered: true, message: null }));
    type(field, 'Ctrl+Shift+Space');
    button(document, 'Save shortcut').click();
    await flush();
    assert.deepEqual(tauri.callsTo('set_shortcut').map((c) => c.args), [{ shortcut: 'Ctrl+Shift+Space' }]);
    assert.equal(status(), 'Quick add shortcut: Ctrl+Shift+Space');

    const refusal = 'The system did not give Tend Ctrl+Alt+Q; another app may use it.';
    tauri.respond('set_shortcut', ({ shortcut }) => ({ shortcut, registered: false, message: refusal }));
    type(field, 'Ctrl+Alt+Q');
    field.form.requestSubmit();
    await flush();
    assert.equal(field.value, 'Ctrl+Alt+Q', 'what was typed stays');
    assert.equal(field.getAttribute('aria-invalid'), 'true');
    assert.ok(describedTexts(field).includes(refusal));
    assert.equal(document.getElementById('quick-shortcut-error').getAttribute('role'), 'alert');
    assert.equal(document.activeElement, field);
  });

  test('a shortcut the OS refused at start-up is reported when Settings opens', async () => {
    tauri.respond('get_shortcut', { shortcut: 'Ctrl+Alt+T', registered: false, message: 'Another app has Ctrl+Alt+T.' });
    await open();
    assert.equal(document.getElementById('quick-shortcut-error').textContent, 'Another app has Ctrl+Alt+T.');
  });

  test('a single key is refused with why, and the shortcut that works is kept', async () => {
    await open();
    const field = byLabel(document, 'Quick add shortcut');
    const why = '“A” would swallow typing: every time that key is typed in any app, Quick add would open instead.';
    // The backend keeps the combination that works and says why it did not take "A".
    tauri.respond('set_shortcut', () => ({ shortcut: 'Ctrl+Alt+T', registered: true, message: why }));
    type(field, 'A');
    button(document, 'Save shortcut').click();
    await flush();
    assert.equal(field.value, 'A', 'what was typed stays, to fix');
    assert.equal(field.getAttribute('aria-invalid'), 'true');
    assert.ok(describedTexts(field).includes(why));
    assert.notEqual(status(), 'Quick add shortcut: Ctrl+Alt+T', 'not announced as saved');
    assert.equal(document.activeElement, field);
  });

  test('a saved single key replaced by the default at start-up says why when Settings opens', async () => {
    const why = '“A” would swallow typing. The saved shortcut was not used; Quick add opens with Ctrl+Alt+T until you pick another in Settings.';
    tauri.respond('get_shortcut', { shortcut: 'Ctrl+Alt+T', registered: true, message: why });
    await open();
    assert.equal(byLabel(document, 'Quick add shortcut').value, 'Ctrl+Alt+T');
    assert.equal(document.getElementById('quick-shortcut-error').textContent, why);
  });

  test('an empty shortcut is not sent', async () => {
    await open();
    type(byLabel(document, 'Quick add shortcut'), '  ');
    button(document, 'Save shortcut').click();
    await flush();
    assert.equal(tauri.callsTo('set_shortcut').length, 0);
    assert.match(document.getElementById('quick-shortcut-error').textContent, /Type a key combination/);
  });

  test('a refresh never overwrites a shortcut being typed', async () => {
    await open();
    const field = byLabel(document, 'Quick add shortcut');
    type(field, 'Ctrl+Alt+');
    field.blur();
    await view.refresh();
    await flush();
    assert.equal(field.value, 'Ctrl+Alt+');
  });

  test('a promise whose time the clocks skip says the time it fires, and why', async () => {
    const { describeDue } = await importUi('when.js');
    const skipped = { dueLocal: '2027-03-28T03:30', dueNote: '(02:30 does not exist that night: clocks go forward)' };
    assert.match(describeDue(skipped), /, 03:30 \(02:30 does not exist that night: clocks go forward\)$/);
    assert.doesNotMatch(describeDue({ dueLocal: '2027-03-28T09:00', dueNote: null }), /\(/);
  });

  test('About: the version and its date, then what is new in it, one item each', async () => {
    tauri.respond('about_tend', {
      version: '0.2.0', date: '2026-12-01',
      notes: ['Tend installs like any other program.', 'Settings → About shows the version.'],
    });
    await open();
    const about = document.querySelector('section[aria-labelledby="about-heading"]');
    assert.equal(about.querySelector('h2').textContent, 'About');
    assert.equal(document.getElementById('about-version').textContent, 'Tend 0.2.0, released 2026-12-01.');
    assert.equal(document.getElementById('about-notes-heading').textContent, 'What’s new in 0.2.0');
    assert.equal(document.getElementById('about-notes-heading').hidden, false);
    assert.deepEqual([...about.querySelectorAll('li')].map((li) => li.textContent),
      ['Tend installs like any other program.', 'Settings → About shows the version.']);
  });

  test('About: a version without notes shows no empty heading; a failure says so', async () => {
    tauri.respond('about_tend', { version: '0.3.0', date: null, notes: [] });
    await open();
    assert.equal(document.getElementById('about-version').textContent, 'Tend 0.3.0.');
    assert.equal(document.getElementById('about-notes-heading').hidden, true);
    teardown();
    env = installDom({ html: '<!doctype html><html lang="en"><body><main id="main"></main><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    ({ mount: mountSettings } = await importUi('views/settings.js'));
    tauri.respond('get_settings', settings());
    tauri.fail('about_tend', { kind: 'internal', message: 'no answer' });
    await open();
    assert.equal(document.getElementById('about-version').textContent, 'Tend can’t say which version it is: no answer');
  });
});
