// ui/views/dateField.js and the forms that use it: a day typed in words, read by the
// backend's date phrases as she types, the day shown under it, a calendar beside it, and
// what cannot be read said, never replaced by another day.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, teardown, flush, byLabel, queryByLabel, button, type } from './harness.mjs';

const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 160)); // past the field's 120 ms pause
  await flush(4);
};

/** A read_date stand-in: a few phrases the real reader knows, the rest refused as it would. */
function reader({ ask }) {
  const known = {
    Mon: { date: '2026-11-30', time: null, shown: 'Mon 30 Nov, 09:00', why: null },
    tomorrow: { date: '2026-11-24', time: null, shown: 'Tue 24 Nov, 09:00', why: null },
    'Dec 3 at 2pm': { date: '2026-12-03', time: '14:00', shown: 'Thu 3 Dec, 14:00', why: null },
    'in 3 months': { date: '2027-02-23', time: null, shown: 'Tue 23 Feb 2027', why: null },
    'In January': {
      date: '2027-01-01', time: null, shown: 'Fri 1 Jan 2027, 09:00',
      why: '“In January” names no day, so Tend chose the 1st. Type a day (e.g. “Jan 15”) to choose another.',
    },
    '2026-12-07': { date: '2026-12-07', time: null, shown: 'Mon 7 Dec, 09:00', why: null },
  };
  const found = known[ask.text];
  if (found) return ask.time ? { ...found, time: ask.time, shown: found.shown.replace(/\d\d:\d\d$/, ask.time) } : found;
  if (ask.text === 'Feb 30') {
    throw { kind: 'invalid', field: 'date', message: '“Feb 30” is not a date: February has 28 days, 29 in a leap year.' };
  }
  throw { kind: 'invalid', field: 'date', message: `Tend can't read “${ask.text}” as a day.` };
}

describe('ui/views/dateField.js', () => {
  let env;
  let document;
  let tauri;

  beforeEach(() => {
    env = installDom();
    ({ document, tauri } = env);
    tauri.respond('read_date', reader);
  });
  afterEach(teardown);

  async function planForm(extra = {}) {
    const { createPlanForm } = await importUi('views/planForm.js');
    const saved = [];
    const form = createPlanForm({
      contactId: 7, contactName: 'Tom Reyes', onSaved: (f) => saved.push(f), onCancel: () => {}, ...extra,
    });
    document.body.append(form.element);
    return { form, saved };
  }

  test('Plan follow-up: "Mon" is read as she types, shown as the day it means, and saved as that day', async () => {
    const { saved } = await planForm();
    tauri.respond('plan_followup', ({ draft }) => ({ id: 1, ...draft }));
    const date = byLabel(document, 'Date');
    assert.equal(date.type, 'text', 'a field for words, not only a calendar');
    type(byLabel(document, 'What did you promise?'), 'text him the price list');
    type(date, 'Mon');
    await settle();
    const preview = document.getElementById(date.getAttribute('aria-describedby'));
    assert.equal(preview.textContent, '→ Mon 30 Nov, 09:00');
    assert.equal(preview.getAttribute('aria-live'), 'polite');
    assert.equal(byLabel(document, 'Date: pick on a calendar').value, '2026-11-30', 'the calendar follows the words');
    assert.deepEqual(tauri.callsTo('read_date').at(-1).args, { ask: { text: 'Mon', time: '', withTime: true, allowPast: false } });

    button(document, 'Save follow-up').click();
    await flush(8);
    assert.deepEqual(tauri.callsTo('plan_followup').map((c) => c.args.draft),
      [{ contactId: 7, promise: 'text him the price list', channel: 'call', date: '2026-11-30', time: '' }]);
    assert.equal(saved.length, 1);
  });

  test('Enter right after typing reads the words again: the day saved is never a stale one', async () => {
    await planForm();
    tauri.respond('plan_followup', ({ draft }) => ({ id: 1, ...draft }));
    type(byLabel(document, 'Date'), 'Dec 3 at 2pm');
    button(document, 'Save follow-up').click(); // before the preview's pause is over
    await flush(8);
    assert.deepEqual(tauri.callsTo('plan_followup').map((c) => [c.args.draft.date, c.args.draft.time]),
      [['2026-12-03', '14:00']]);
  });

  test('words it cannot read are said under the field, and nothing is saved on another day', async () => {
    const { saved } = await planForm();
    tauri.respond('plan_followup', ({ draft }) => ({ id: 1, ...draft }));
    const date = byLabel(document, 'Date');
    type(date, 'Mnday');
    await settle();
    const preview = () => document.querySelector('.field-date .date-preview');
    assert.equal(preview().textContent, "Tend can't read “Mnday” as a day.");
    assert.equal(preview().dataset.state, 'unread');

    button(document, 'Save follow-up').click();
    await flush(8);
    assert.equal(tauri.callsTo('plan_followup').length, 0, 'nothing saved');
    assert.equal(saved.length, 0);
    assert.equal(date.getAttribute('aria-invalid'), 'true');
    const described = date.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent);
    assert.ok(described.includes("Tend can't read “Mnday” as a day."), described.join(' | '));
    assert.equal(date.value, 'Mnday', 'what she typed stays');

    type(date, 'Feb 30');
    button(document, 'Save follow-up').click();
    await flush(8);
    assert.ok(document.body.textContent.includes('“Feb 30” is not a date'), 'Feb 30 is refused, not moved');
    assert.equal(tauri.callsTo('plan_followup').length, 0);
  });

  test('a vague phrase shows the day chosen and why', async () => {
    await planForm();
    type(byLabel(document, 'Date'), 'In January');
    await settle();
    assert.equal(document.querySelector('.field-date .date-preview').textContent,
      '→ Fri 1 Jan 2027, 09:00. “In January” names no day, so Tend chose the 1st. Type a day (e.g. “Jan 15”) to choose another.');
  });

  test('the Time field wins and the preview says so; the calendar writes its day into the words', async () => {
    await planForm();
    const date = byLabel(document, 'Date');
    type(date, 'Mon');
    type(byLabel(document, 'Time'), '10:30');
    await settle();
    assert.equal(document.querySelector('.field-date .date-preview').textContent, '→ Mon 30 Nov, 10:30');
    const picker = byLabel(document, 'Date: pick on a calendar');
    picker.value = '2026-12-07';
    picker.dispatchEvent(new env.window.Event('change', { bubbles: true }));
    await flush(6);
    assert.equal(date.value, '2026-12-07');
    assert.equal(document.querySelector('.field-date .date-preview').textContent, '→ Mon 7 Dec, 10:30');
  });

  test('no stray "null" above the Plan follow-up form', async () => {
    const { createFlowPanel } = await importUi('views/flowPanel.js');
    const panel = createFlowPanel({ onClose: () => {} });
    document.body.append(panel.element);
    panel.plan({ contactId: 7, contactName: 'Tom Reyes' });
    await settle();
    assert.ok(queryByLabel(document, 'Plan follow-up'));
    assert.equal(panel.element.firstChild.nodeType, 1, 'the form comes first, not a text node');
    assert.ok(!panel.element.textContent.includes('null'), panel.element.textContent);
  });

  test('Ask again on: words for a day only; empty sends nothing to read; an error lands on that field', async () => {
    const { createDecisionForm } = await importUi('views/decisionForm.js');
    const form = createDecisionForm({ contactId: 7, contactName: 'Tom Reyes', onSaved: () => {}, onCancel: () => {} });
    document.body.append(form.element);
    tauri.respond('record_decision', ({ draft }) => ({ decision: { label: 'Not now', revisitOn: draft.revisitOn }, stoppedCadences: [] }));
    byLabel(document, 'Decision').value = 'not_now';
    button(document, 'Save decision').click();
    await flush(8);
    assert.equal(tauri.callsTo('read_date').length, 0, 'empty: Not now chooses its own day');
    assert.equal(tauri.callsTo('record_decision')[0].args.draft.revisitOn, '');

    type(byLabel(document, 'Ask again on'), 'in 3 months');
    button(document, 'Save decision').click();
    await flush(8);
    assert.deepEqual(tauri.callsTo('read_date').at(-1).args.ask, { text: 'in 3 months', time: '', withTime: false, allowPast: false });
    assert.equal(tauri.callsTo('record_decision')[1].args.draft.revisitOn, '2027-02-23');

    type(byLabel(document, 'Ask again on'), 'someday maybe');
    button(document, 'Save decision').click();
    await flush(8);
    assert.equal(byLabel(document, 'Ask again on').getAttribute('aria-invalid'), 'true', 'the error is on Ask again on');
    assert.equal(tauri.callsTo('record_decision').length, 2);
  });

  test('Snooze → Pick a date… and Reschedule read words too', async () => {
    const { openSnooze, openReschedule } = await importUi('views/followupActions.js');
    const followup = {
      id: 11, contactId: 1, contactName: 'Jane Doe', promise: 'send samples', channel: 'text', channelLabel: 'Text',
      dueAt: '2026-11-26T09:00:00Z', dueLocal: '2026-11-26T09:00', hasTime: false, status: 'open', snoozedUntil: null,
    };
    tauri.respond('snooze_options', []);
    tauri.respond('snooze_followup_until', ({ id }) => ({ ...followup, id, status: 'snoozed', snoozedUntil: '2026-11-24T09:00:00Z' }));
    const snoozing = openSnooze(followup);
    await flush(6);
    const dialog = byLabel(document, 'Snooze');
    button(dialog, 'Pick a date…').click();
    type(byLabel(dialog, 'Date'), 'tomorrow');
    button(dialog, 'Snooze until then').click();
    await flush(10);
    assert.deepEqual(tauri.callsTo('snooze_followup_until').map((c) => c.args), [{ id: 11, date: '2026-11-24', time: '' }]);
    await snoozing;

    tauri.respond('reschedule_followup', ({ id, date }) => ({ ...followup, id, dueLocal: `${date}T09:00` }));
    const moving = openReschedule(followup);
    await flush(6);
    const move = byLabel(document, 'Reschedule');
    assert.equal(byLabel(move, 'Date').value, '2026-11-26', 'starts from the promise’s own day');
    type(byLabel(move, 'Date'), 'Mon');
    button(move, 'Move follow-up').click();
    await flush(10);
    assert.deepEqual(tauri.callsTo('reschedule_followup').map((c) => c.args), [{ id: 11, date: '2026-11-30', time: '' }]);
    await moving;
  });
});
