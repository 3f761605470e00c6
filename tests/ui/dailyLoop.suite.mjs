// Issue 10, the daily loop: a decision lists the promises it closes (ticked), a touch asks
// whether it kept one, the cadence picker proposes the stage's rhythm and previews its days,
// days off in Settings, and the keys: a key per section, the ? list, Escape out of fields.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, button, press, type, setChecked,
  listItem, serveContacts,
} from './harness.mjs';

const NOW = '2026-11-24T14:00:00Z';

function followup(id, extra = {}) {
  return {
    id, contactId: 7, contactName: 'Maria Lopez', promise: 'wants the gift set', channel: 'call', channelLabel: 'Call',
    dueAt: '2026-11-26T09:00:00Z', dueLocal: '2026-11-26T09:00', hasTime: false, status: 'open', snoozedUntil: null,
    skipReason: null, completedAt: null, cadenceName: null, notifiedAt: null, ...extra,
  };
}

const pause = async (ms = 200) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await flush(6);
};

describe('issue 10: outcomes settle promises, touches keep them', () => {
  let env;
  let document;
  let tauri;

  beforeEach(() => {
    env = installDom({ fresh: true });
    ({ document, tauri } = env);
  });
  afterEach(teardown);

  async function decisionForm(saved = []) {
    const { createDecisionForm } = await importUi('views/decisionForm.js');
    const form = createDecisionForm({ contactId: 7, contactName: 'Maria Lopez', onSaved: (o) => saved.push(o), onCancel: () => {} });
    document.body.append(form.element);
    return form;
  }

  function choose(kind) {
    const select = byLabel(document, 'Decision');
    select.value = kind;
    select.dispatchEvent(new env.window.Event('change', { bubbles: true }));
  }

  test('Bought lists her open promises ticked; an unticked one is kept open', async () => {
    tauri.respond('decision_answers', ({ kind }) => (kind === 'thinking'
      ? []
      : [followup(11), followup(12, { promise: 'send the catalogue', dueLocal: '2026-11-30T09:00' })]));
    tauri.respond('record_decision', ({ draft }) => ({
      decision: { kind: draft.kind, label: 'Bought', revisitOn: null }, stage: 'new_customer', stageLabel: 'New customer',
      stoppedCadences: ['New lead: 3 days, 3 weeks, 3 months'], startedCadence: 'New customer care', revisit: null,
      settled: [followup(11, { status: 'done' })],
    }));
    const saved = [];
    await decisionForm(saved);
    choose('bought');
    await flush(6);
    assert.deepEqual(tauri.callsTo('decision_answers').map((c) => c.args), [{ contactId: 7, kind: 'bought' }]);
    const thursday = byLabel(document, 'Call — wants the gift set (due Thu 26 Nov, 09:00)');
    const monday = byLabel(document, 'Call — send the catalogue (due Mon 30 Nov, 09:00)');
    assert.equal(thursday.checked, true, 'ticked: the sale answers it');
    assert.equal(monday.checked, true);
    assert.match(document.querySelector('.settles legend').textContent, /Close as done/);
    setChecked(monday, false);
    button(document, 'Save decision').click();
    await flush(8);
    assert.deepEqual(tauri.callsTo('record_decision')[0].args.draft.keepOpen, [12]);
    const { describeOutcome } = await importUi('views/decisionForm.js');
    assert.equal(describeOutcome(saved[0], 'lead', (k) => k),
      'Recorded: Bought. Stopped: New lead: 3 days, 3 weeks, 3 months. Closed as done: 1 follow-up. Started: New customer care. Stage is now New customer.');

    choose('thinking');
    await flush(6);
    assert.equal(document.querySelector('.settles').hidden, true, 'a maybe closes nothing, so nothing is listed');
  });

  test('No says they close as skipped', async () => {
    tauri.respond('decision_answers', [followup(11)]);
    await decisionForm();
    choose('no');
    await flush(6);
    assert.match(document.querySelector('.settles legend').textContent, /skipped — “No — for today”/);
  });

  test('a touch near an open promise asks whether it kept it, Done ticked', async () => {
    tauri.respond('touch_keeps', ({ when }) => (when ? null : {
      followup: followup(11), question: 'Did this keep “wants the gift set” (due Thu)?',
    }));
    tauri.respond('log_touch', ({ draft }) => ({
      touch: { id: 1, contactId: 7, channel: 'call', channelLabel: 'Call', outcome: 'none', note: '', occurredAt: NOW, followupId: draft.followupId },
      count: 1, countText: '1 touch', suggestion: { contactId: 7, channel: 'call', date: '2026-11-27', promise: '' }, rebased: 0,
    }));
    const { createTouchForm } = await importUi('views/touchForm.js');
    const make = () => {
      const form = createTouchForm({ contactId: 7, contactName: 'Maria Lopez', onSaved: () => {}, onCancel: () => {} });
      document.body.replaceChildren(form.element);
    };
    make();
    await flush(6);
    const kept = byLabel(document, 'Did this keep “wants the gift set” (due Thu)?');
    assert.equal(kept.checked, true);
    button(document, 'Save touch').click();
    await flush(6);
    assert.equal(tauri.callsTo('log_touch')[0].args.draft.followupId, 11, 'kept: done with the touch');

    make();
    await flush(6);
    setChecked(byLabel(document, 'Did this keep “wants the gift set” (due Thu)?'), false);
    button(document, 'Save touch').click();
    await flush(6);
    assert.equal(tauri.callsTo('log_touch')[1].args.draft.followupId, null, 'unticked: the promise stays open');
  });

  test('a touch opened from a kept follow-up asks nothing more', async () => {
    const { createTouchForm } = await importUi('views/touchForm.js');
    const form = createTouchForm({ contactId: 7, contactName: 'Maria Lopez', followup: followup(11), onSaved: () => {}, onCancel: () => {} });
    document.body.append(form.element);
    await flush(6);
    assert.equal(tauri.callsTo('touch_keeps').length, 0);
    assert.equal(document.querySelector('.kept-question').hidden, true);
  });
});

describe('issue 10: the cadence picker', () => {
  let env;
  let document;
  let tauri;

  const CADENCES = [
    { id: 1, builtinKey: 'new_lead', name: 'New lead: 3 days, 3 weeks, 3 months', stopsOn: ['bought', 'no'], steps: [{}, {}, {}] },
    { id: 4, builtinKey: 'win_back', name: 'Win back an inactive customer', stopsOn: [], steps: [{}, {}, {}] },
  ];

  function plan({ cadenceId, startOn }) {
    const id = cadenceId ?? 1;
    return {
      cadenceId: id, cadenceName: CADENCES.find((c) => c.id === id).name, suggestedId: 1,
      startOn: startOn || '2026-11-21', startFrom: startOn ? 'picked' : 'met',
      startText: startOn ? 'from Mon 14 Dec 2026' : 'from the day you met, Sat 21 Nov 2026',
      steps: [
        { dueLocal: '2026-11-24T09:00', channel: 'call', channelLabel: 'Call', promise: 'Check in', note: null },
        { dueLocal: '2026-12-14T09:00', channel: 'text', channelLabel: 'Text', promise: 'Follow up (moved from Sat 12 Dec: a day off)', note: 'moved from Sat 12 Dec: a day off' },
      ],
      passed: [],
      runningIds: [4],
      running: id === 4,
    };
  }

  beforeEach(() => {
    env = installDom({ fresh: true });
    ({ document, tauri } = env);
    tauri.respond('cadence_plan', plan);
    tauri.respond('read_date', ({ ask }) => {
      if (ask.text === 'Mon 14 Dec') return { date: '2026-12-14', time: null, shown: 'Mon 14 Dec', why: null };
      throw { kind: 'invalid', field: 'date', message: `Tend can't read “${ask.text}” as a day.` };
    });
  });
  afterEach(teardown);

  async function picker(applied = []) {
    const { createCadencePicker } = await importUi('views/cadencePicker.js');
    const made = createCadencePicker({ contact: () => ({ id: 7, name: 'Maria Lopez' }), onApplied: (f) => applied.push(f) });
    document.body.append(made.element);
    made.setCadences(CADENCES);
    await flush(8);
    return made;
  }

  test('the rhythm that fits the stage is chosen, and what it plans is shown before applying', async () => {
    await picker();
    assert.deepEqual(tauri.callsTo('cadence_plan')[0].args, { contactId: 7, cadenceId: null, startOn: '' });
    const choice = byLabel(document, 'Cadence');
    assert.equal(choice.value, '1');
    assert.equal(choice.selectedOptions[0].textContent, 'New lead: 3 days, 3 weeks, 3 months (fits their stage)');
    const preview = byLabel(document, 'Cadence preview');
    assert.match(preview.textContent, /Plans 2 follow-ups from the day you met, Sat 21 Nov 2026/);
    assert.match(preview.textContent, /Mon 14 Dec, 09:00 · Text — Follow up \(moved from Sat 12 Dec: a day off\)/);
  });

  test('a start she types is read as a day, previewed, and sent with Apply', async () => {
    tauri.respond('apply_cadence', []);
    const applied = [];
    await picker(applied);
    type(byLabel(document, 'Start on'), 'Mon 14 Dec');
    await pause();
    assert.deepEqual(tauri.callsTo('cadence_plan').at(-1).args, { contactId: 7, cadenceId: null, startOn: '2026-12-14' });
    assert.match(byLabel(document, 'Cadence preview').textContent, /from Mon 14 Dec 2026/);
    button(document, 'Apply').click();
    await flush(8);
    assert.deepEqual(tauri.callsTo('apply_cadence')[0].args, { contactId: 7, cadenceId: 1, startOn: '2026-12-14' });
    assert.equal(applied.length, 1, 'the contact page redraws its follow-ups');
  });

  test('a start it cannot read is said, and nothing is applied', async () => {
    tauri.respond('apply_cadence', []);
    await picker();
    type(byLabel(document, 'Start on'), 'someday');
    await pause();
    button(document, 'Apply').click();
    await flush(8);
    assert.equal(tauri.callsTo('apply_cadence').length, 0);
    assert.equal(byLabel(document, 'Start on').getAttribute('aria-invalid'), 'true');
  });

  test('another rhythm she picks stays picked', async () => {
    await picker();
    const choice = byLabel(document, 'Cadence');
    choice.value = '4';
    choice.dispatchEvent(new env.window.Event('change', { bubbles: true }));
    await flush(8);
    assert.deepEqual(tauri.callsTo('cadence_plan').at(-1).args, { contactId: 7, cadenceId: 4, startOn: '' });
    assert.equal(choice.value, '4');
    assert.equal(choice.selectedOptions[0].textContent, 'Win back an inactive customer (running)');
    assert.match(byLabel(document, 'Cadence preview').textContent, /already running for them/);
  });
});

describe('issue 10: days off in Settings', () => {
  let env;
  let document;
  let tauri;
  let kept;

  beforeEach(async () => {
    env = installDom({ fresh: true });
    ({ document, tauri } = env);
    kept = {};
    tauri.respond('set_setting', ({ key, value }) => {
      if (key === 'daysOffWeekdays' && value.split(',').length === 7) {
        throw { kind: 'invalid', field: key, message: 'Keep at least one day of the week you work.' };
      }
      kept[key] = value;
      return null;
    });
    const { createCadenceSettings } = await importUi('views/cadenceSettings.js');
    const group = createCadenceSettings();
    document.body.append(group.element);
    group.show({ daysOffWeekdays: ['sun'], daysOffDates: ['2026-12-25'], datedLineStartsNewLead: true });
  });
  afterEach(teardown);

  test('weekdays off are saved as she ticks them; all seven is refused and shown', async () => {
    assert.equal(byLabel(document, 'Sunday').checked, true);
    setChecked(byLabel(document, 'Saturday'), true);
    await flush(4);
    assert.equal(kept.daysOffWeekdays, 'sat,sun');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday']) {
      setChecked(byLabel(document, day), true);
      await flush(4);
    }
    setChecked(byLabel(document, 'Friday'), true);
    await flush(4);
    assert.equal(byLabel(document, 'Friday').checked, false, 'refused: shown as it is kept');
    assert.match(document.body.textContent, /Keep at least one day of the week you work\./);
  });

  test('holidays are added and removed', async () => {
    assert.ok(button(document, 'Remove Fri 25 Dec'));
    const date = byLabel(document, 'Add a day off (a holiday)');
    date.value = '2027-01-01';
    button(document, 'Add day off').click();
    await flush(4);
    assert.equal(kept.daysOffDates, '2026-12-25,2027-01-01');
    button(document, 'Remove Fri 25 Dec').click();
    await flush(4);
    assert.equal(kept.daysOffDates, '2027-01-01');
    button(document, 'Add day off').click();
    await flush(4);
    assert.match(document.body.textContent, /Pick the date of the day off\./);
  });

  test('a dated quick-add line going on with New lead is a setting, on by default', async () => {
    const box = byLabel(document, 'A quick-add line with a date starts New lead after it');
    assert.equal(box.checked, true);
    setChecked(box, false);
    await flush(4);
    assert.equal(kept.datedLineStartsNewLead, 'off');
  });
});

describe('issue 10: keyboard all the way', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(1, 'Ann Lee'), listItem(2, 'Bo Chen'), listItem(3, 'Cy New')]);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x' });
    tauri.respond('list_cadences', []);
    tauri.respond('preview_quick_add', ({ line }) => ({
      parsed: { name: line, phones: [], emails: [], tags: [], stage: null, note: '', followup: null },
      text: line, duplicate: null, appliesCadence: false,
    }));
    await importUi('app.js', { fresh: true });
    await flush(6);
  });
  afterEach(teardown);

  const sections = () => byLabel(document, 'Sections');
  const current = () => sections().querySelector('[aria-current="page"]').dataset.view;
  const rows = () => [...byLabel(document, 'Contact list').querySelectorAll('li > button')];

  test('g then a letter, or Alt+1…5, opens each section; the sidebar says which keys', async () => {
    for (const [letter, view] of [['c', 'contacts'], ['a', 'cadences'], ['s', 'settings'], ['i', 'insights'], ['t', 'today']]) {
      press(document.body, 'g');
      press(document.body, letter);
      await flush(4);
      assert.equal(current(), view, `g ${letter}`);
    }
    press(document.body, '2', { altKey: true, code: 'Digit2' });
    await flush(4);
    assert.equal(current(), 'contacts', 'Alt+2');
    assert.equal(document.activeElement, rows()[0], 'in the list once its rows came, so j moves it');
    assert.equal(sections().querySelector('[data-view="cadences"]').getAttribute('aria-keyshortcuts'), 'G A Alt+3');
    assert.equal(sections().querySelector('[data-view="insights"]').getAttribute('aria-keyshortcuts'), 'G I Alt+5');
    press(document.body, '5', { altKey: true, code: 'Digit5' });
    await flush(4);
    assert.equal(current(), 'insights', 'Alt+5');
  });

  test('a chord is letters, not a key typed into a field', async () => {
    press(document.body, 'g');
    press(document.body, 'c');
    await flush(4);
    const search = byLabel(document, 'Search contacts');
    search.focus();
    assert.equal(press(search, 'g').defaultPrevented, false);
    assert.equal(press(search, 's').defaultPrevented, false);
    assert.equal(current(), 'contacts');
  });

  test('? lists every key in a dialog; Escape closes it', async () => {
    press(document.body, '?');
    const dialog = document.querySelector('dialog[aria-label="Keyboard shortcuts"]');
    assert.equal(dialog.tagName, 'DIALOG');
    assert.match(dialog.textContent, /g then tToday/);
    assert.match(dialog.textContent, /Alt\+1 … 5/);
    assert.match(dialog.textContent, /g then iInsights/);
    assert.match(dialog.textContent, /Escape|Esc/);
    dialog.close();
    await flush();
    assert.equal(document.querySelector('dialog[aria-label="Keyboard shortcuts"]'), null);
    button(document, 'Keyboard shortcuts').click();
    assert.ok(document.querySelector('dialog[aria-label="Keyboard shortcuts"]'), 'the sidebar’s Keys button opens it too');
  });

  test('Escape out of Quick add goes to the list, keeping the line; then j moves the list', async () => {
    press(document.body, 'g');
    press(document.body, 'c');
    await flush(4);
    const search = byLabel(document, 'Search contacts');
    search.focus();
    press(search, 'k', { ctrlKey: true });
    const quick = byLabel(document, 'Quick add');
    type(quick, 'Dee Ross call Thu');
    press(quick, 'Escape');
    assert.equal(document.activeElement, rows()[0], 'to the contact list, not back into the search box');
    assert.equal(quick.value, 'Dee Ross call Thu', 'what she typed stays');
    press(document.activeElement, 'j');
    assert.equal(document.activeElement, rows()[1]);
  });

  test('Escape from Quick add returns to the list row she came from', async () => {
    press(document.body, 'g');
    press(document.body, 'c');
    await flush(4);
    rows()[2].focus();
    press(rows()[2], 'q');
    assert.equal(document.activeElement, byLabel(document, 'Quick add'));
    press(document.activeElement, 'Escape');
    assert.equal(document.activeElement, rows()[2]);
  });

  test('Escape in the search box leaves it for the list', async () => {
    press(document.body, 'g');
    press(document.body, 'c');
    await flush(4);
    const search = byLabel(document, 'Search contacts');
    search.focus();
    const event = press(search, 'Escape');
    assert.equal(event.defaultPrevented, true);
    assert.equal(document.activeElement, rows()[0]);
    press(document.activeElement, 'j');
    assert.equal(document.activeElement, rows()[1]);
  });

  test('Escape in a Settings field leaves it for the page', async () => {
    press(document.body, '4', { altKey: true, code: 'Digit4' });
    await flush(4);
    const time = byLabel(document, 'Default follow-up time');
    time.focus();
    press(time, 'Escape');
    assert.equal(document.activeElement, document.querySelector('#main h1'));
  });
});

describe('issue 10: a dated quick-add line goes on with New lead', () => {
  afterEach(teardown);

  test('the preview says the rhythm follows the line’s own promise', async () => {
    const env = installDom({ fresh: true });
    env.tauri.respond('preview_quick_add', ({ line }) => ({
      parsed: { name: 'Jane Doe', phones: [], emails: [], tags: [], stage: null, note: '', followup: { channel: 'call', date: '2026-11-26', time: null, phrase: 'call Thu' } },
      text: line, duplicate: null, appliesCadence: true,
    }));
    const { createQuickAdd } = await importUi('views/quickAdd.js');
    const quick = createQuickAdd();
    env.document.body.append(quick.element);
    type(quick.input, 'Jane Doe call Thu');
    await flush(6);
    assert.equal(byLabel(env.document, 'Quick add preview').querySelector('.preview-cadence').textContent,
      '+ New lead cadence after it: 3 weeks, 3 months');
  });
});

describe('issue 10: Escape closes the small Quick add window', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    const { readFileSync } = await import('node:fs');
    const { UI } = await import('./harness.mjs');
    env = installDom({ html: readFileSync(new URL('quick.html', UI), 'utf8'), fresh: true });
    ({ document, tauri } = env);
    tauri.respond('get_today', { date: '2026-11-23', now: NOW, nextDayAt: '2026-11-24T00:00:00Z', overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [], counts: {} });
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x' });
    tauri.respond('close_quick_add', null);
    await importUi('quick.js', { fresh: true });
    await flush();
  });
  afterEach(teardown);

  test('from the line, from Met at, and from anywhere else in the window', async () => {
    press(byLabel(document, 'Quick add'), 'Escape');
    await flush();
    assert.equal(tauri.callsTo('close_quick_add').length, 1);
    press(byLabel(document, 'Met at'), 'Escape');
    await flush();
    assert.equal(tauri.callsTo('close_quick_add').length, 2);
    press(button(document, 'Clear batch'), 'Escape');
    await flush();
    assert.equal(tauri.callsTo('close_quick_add').length, 3, 'once per Escape');
  });
});
