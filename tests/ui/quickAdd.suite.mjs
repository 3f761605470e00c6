// ui/views/quickAdd.js: the preview as they type (stale answers dropped), Enter saves and
// keeps focus for the next line, errors beside the line, the duplicate choice, the batch
// context, Undo, and a line taken at once even when the backend answers late.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, teardown, flush, byLabel, queryByLabel, button, queryButton, type, press, setChecked,
} from './harness.mjs';

const NOW = '2026-11-23T14:00:00Z';
const JANE = 'Jane Doe 555-0142 wants the lavender set, call Thu';
const JANE_TEXT = 'Jane Doe · +1 555-0142 · note: wants the lavender set · call Thu 26 Nov, 09:00';

/** What preview_quick_add answers for `line`: the name is its first two words. */
function previewOf(line, extra = {}) {
  const name = line.split(/\s+/).slice(0, 2).join(' ');
  const dated = /\b(call|text) \w+/.exec(line);
  return {
    parsed: {
      name, phones: [], emails: [], tags: [], stage: null, note: '',
      followup: dated ? { channel: dated[1], date: '2026-11-26', time: null, phrase: dated[0] } : null,
    },
    text: line === JANE ? JANE_TEXT : `${name} · note: ${line}`,
    duplicate: null,
    appliesCadence: !dated,
    ...extra,
  };
}

function contact(id, name) {
  return {
    id, name, stage: 'lead', stageLabel: 'Lead', phone: '', email: '', notes: '', tags: [], archived: false,
    createdAt: NOW, updatedAt: NOW,
  };
}

function followup(id, contactId, channel = 'call') {
  return {
    id, contactId, contactName: 'x', promise: '', channel, channelLabel: 'Call', dueAt: NOW, dueLocal: '2026-11-26T09:00',
    hasTime: false, status: 'open', snoozedUntil: null, skipReason: null, completedAt: null, cadenceName: null,
  };
}

describe('ui/views/quickAdd.js', () => {
  let env;
  let document;
  let tauri;
  let quick;
  let opened;
  let nextId;

  beforeEach(async () => {
    env = installDom({ html: '<!doctype html><html lang="en"><body><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    const { createQuickAdd } = await importUi('views/quickAdd.js');
    opened = [];
    nextId = 100;
    tauri.respond('preview_quick_add', ({ line }) => previewOf(line));
    tauri.respond('quick_add', ({ line, addTo }) => {
      const p = previewOf(line);
      const id = addTo ?? ++nextId;
      return {
        contact: contact(id, addTo ? 'Jane Doe' : p.parsed.name),
        createdContact: addTo === null,
        followups: p.parsed.followup ? [followup(++nextId, id)] : [],
        touchId: addTo === null ? null : 55,
        text: p.text,
      };
    });
    tauri.respond('undo_quick_add', null);
    quick = createQuickAdd({ onOpenContact: (id) => opened.push(id) });
    document.body.prepend(quick.element);
  });
  afterEach(teardown);

  const input = () => byLabel(document, 'Quick add');
  const preview = () => byLabel(document, 'Quick add preview');
  // Hidden while empty, so found by its label directly.
  const added = () => document.querySelector('ul[aria-label="Added in this batch"]');
  const rows = () => [...added().querySelectorAll('li')];
  const status = () => document.getElementById('status').textContent;

  async function enter(line) {
    type(input(), line);
    await flush();
    press(input(), 'Enter');
    await flush(6);
  }

  test('the names are fixed: Quick add, Quick add preview (live), Added in this batch', () => {
    assert.equal(input().tagName, 'INPUT');
    assert.equal(input().placeholder, JANE);
    assert.equal(preview().getAttribute('aria-live'), 'polite');
    assert.ok(input().getAttribute('aria-describedby').split(' ').includes(preview().id), 'the preview describes the line');
    assert.equal(added().tagName, 'UL');
    assert.equal(queryByLabel(document, 'Added in this batch'), null, 'not shown while empty');
    assert.ok(button(document, 'Batch'));
  });

  test('typing previews every change with the batch, and shows what was understood', async () => {
    type(input(), 'Jane');
    type(input(), JANE);
    await flush();
    assert.deepEqual(tauri.callsTo('preview_quick_add').map((c) => c.args), [
      { line: 'Jane', batch: { metWhere: '', metOn: '', noCadence: false, host: '' } },
      { line: JANE, batch: { metWhere: '', metOn: '', noCadence: false, host: '' } },
    ]);
    assert.equal(preview().textContent, JANE_TEXT);
    type(input(), 'Bo Chen wants oils');
    await flush();
    assert.match(preview().textContent, /Bo Chen · note: Bo Chen wants oils/);
    assert.match(preview().textContent, /\+ New lead cadence: 3 days, 3 weeks, 3 months/, 'a line with no date starts the cadence');
    type(input(), '');
    await flush();
    assert.equal(preview().textContent, '', 'an empty line previews nothing');
  });

  test('an older preview answering late never replaces a newer one', async () => {
    tauri.hold('preview_quick_add');
    type(input(), 'Jan');
    type(input(), 'Jane Doe');
    const [first, second] = tauri.pending('preview_quick_add');
    second.resolve(previewOf('Jane Doe'));
    await flush();
    first.resolve(previewOf('Jan'));
    await flush();
    assert.match(preview().textContent, /^Jane Doe ·/);
  });

  test('a line that cannot be read: the message beside it (role=alert, aria-invalid), Enter saves nothing and keeps the text', async () => {
    tauri.fail('preview_quick_add', { kind: 'invalid', field: 'date', message: '“call yesterday” is in the past.' });
    type(input(), 'Zed call yesterday');
    await flush();
    const alert = preview().querySelector('[role="alert"]');
    assert.equal(alert?.textContent, '“call yesterday” is in the past.');
    assert.equal(input().getAttribute('aria-invalid'), 'true');
    assert.ok(input().getAttribute('aria-describedby').split(' ').includes(alert.id));
    press(input(), 'Enter');
    await flush(6);
    assert.equal(tauri.callsTo('quick_add').length, 0);
    assert.equal(input().value, 'Zed call yesterday');
    assert.equal(document.activeElement, input());

    tauri.respond('preview_quick_add', ({ line }) => previewOf(line));
    type(input(), 'Zed call Thu');
    await flush();
    assert.equal(input().hasAttribute('aria-invalid'), false, 'fixed: no longer invalid');
    assert.equal(preview().querySelector('[role="alert"]'), null);
  });

  test('Enter saves the line, empties the field, keeps focus there and lists the line with Undo', async () => {
    await enter(JANE);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args), [
      { line: JANE, batch: { metWhere: '', metOn: '', noCadence: false, host: '' }, addTo: null },
    ]);
    assert.equal(input().value, '');
    assert.equal(document.activeElement, input());
    assert.equal(preview().textContent, '');
    assert.equal(rows().length, 1);
    const undo = button(rows()[0], 'Undo');
    const described = document.getElementById(undo.getAttribute('aria-describedby'));
    assert.equal(described.textContent, JANE_TEXT, 'Undo is described by the saved line');
    assert.equal(status(), 'Added Jane Doe');
  });

  test('five lines in a row: each saved once, in order, all listed', async () => {
    const lines = ['Ann Lee call Thu', 'Bo Chen likes oils', 'Cy Diaz text Fri', 'Di Eve wants candles', 'Ed Fox call Mon'];
    for (const line of lines) await enter(line);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.line), lines);
    assert.deepEqual(rows().map((r) => r.querySelector('button').textContent), lines.map((l) => l.split(' ').slice(0, 2).join(' ')));
  });

  test('Enter before the preview has answered takes the line at once: typing on starts the next line', async () => {
    tauri.hold('preview_quick_add');
    type(input(), 'Ann Lee call Thu');
    press(input(), 'Enter');
    assert.equal(input().value, '', 'the field is free for the next line straight away');
    type(input(), 'Bo Chen likes oils');
    press(input(), 'Enter');
    for (const call of tauri.pending('preview_quick_add')) call.resolve(previewOf(call.args.line));
    await flush(10);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.line), ['Ann Lee call Thu', 'Bo Chen likes oils']);
    assert.equal(rows().length, 2);
  });

  test('a line taken early that turns out unreadable comes back with its message; what was typed after is kept aside', async () => {
    tauri.hold('preview_quick_add');
    type(input(), 'Zed call yesterday');
    press(input(), 'Enter');
    type(input(), 'Bo Chen');
    const first = tauri.pending('preview_quick_add').find((c) => c.args.line === 'Zed call yesterday');
    first.reject({ kind: 'invalid', field: 'date', message: 'That day has passed.' });
    await flush(6);
    assert.equal(input().value, 'Zed call yesterday', 'the line is back, nothing saved');
    assert.equal(preview().querySelector('[role="alert"]').textContent, 'That day has passed.');
    assert.match(quick.element.textContent, /Kept for the next line: “Bo Chen”/);
    assert.equal(tauri.callsTo('quick_add').length, 0);

    tauri.respond('preview_quick_add', ({ line }) => previewOf(line));
    await enter('Zed Young call Thu');
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.line), ['Zed Young call Thu']);
    assert.equal(input().value, 'Bo Chen', 'the kept text is back for the next line');
    assert.doesNotMatch(quick.element.textContent, /Kept for the next line/);
  });

  test('two taken lines both coming back: each waits its turn, none is merged into another', async () => {
    tauri.hold('preview_quick_add');
    type(input(), 'Ann call yesterday');
    press(input(), 'Enter');
    type(input(), 'Bo call yesterday');
    press(input(), 'Enter');
    type(input(), 'Cy Diaz');
    const bad = { kind: 'invalid', field: 'date', message: 'That day has passed.' };
    for (const call of tauri.pending('preview_quick_add')) {
      if (call.args.line.endsWith('yesterday')) call.reject(bad);
    }
    await flush(8);
    assert.equal(input().value, 'Bo call yesterday', 'the last one back is in the field');
    assert.match(quick.element.textContent, /Kept for the next lines: “Ann call yesterday”, “Cy Diaz”/);

    tauri.respond('preview_quick_add', ({ line }) => previewOf(line));
    await enter('Bo Chen call Thu');
    assert.equal(input().value, 'Ann call yesterday');
    await enter('Ann Lee call Thu');
    assert.equal(input().value, 'Cy Diaz');
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.line), ['Bo Chen call Thu', 'Ann Lee call Thu']);
  });

  test('a duplicate: "Already in Tend", and Enter asks instead of saving', async () => {
    tauri.respond('preview_quick_add', ({ line }) => previewOf(line, { duplicate: { contactId: 7, name: 'Jane Doe' } }));
    type(input(), 'Janet 555-0142 call Fri');
    await flush();
    assert.match(preview().textContent, /Already in Tend: Jane Doe/);
    assert.ok(button(document, 'Add to Jane Doe'));
    assert.ok(button(document, 'Add as new contact'));
    press(input(), 'Enter');
    await flush(6);
    assert.equal(tauri.callsTo('quick_add').length, 0, 'nothing saved without a choice');
    assert.equal(document.activeElement, button(document, 'Add to Jane Doe'));
    assert.match(quick.element.textContent, /Choose: add to Jane Doe, or as a new contact/);
    assert.equal(input().value, 'Janet 555-0142 call Fri');

    button(document, 'Add to Jane Doe').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.addTo), [7]);
    assert.equal(input().value, '');
    assert.equal(document.activeElement, input(), 'back in the line for the next one');
    assert.equal(queryButton(document, 'Add to Jane Doe'), null);
    assert.equal(status(), 'Added to Jane Doe');
    assert.match(rows()[0].textContent, /already in Tend/);
  });

  test('a duplicate added as a new contact sends addTo null', async () => {
    tauri.respond('preview_quick_add', ({ line }) => previewOf(line, { duplicate: { contactId: 7, name: 'Jane Doe' } }));
    type(input(), 'Janet Roe 555-0142');
    await flush();
    button(document, 'Add as new contact').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.addTo), [null]);
  });

  test('a duplicate found only after Enter took the line: the line comes back with the choice', async () => {
    tauri.hold('preview_quick_add');
    type(input(), 'Janet 555-0142 call Fri');
    press(input(), 'Enter');
    tauri.pending('preview_quick_add')[0].resolve(previewOf('Janet 555-0142 call Fri', { duplicate: { contactId: 7, name: 'Jane Doe' } }));
    await flush(6);
    assert.equal(tauri.callsTo('quick_add').length, 0);
    assert.equal(input().value, 'Janet 555-0142 call Fri');
    assert.equal(document.activeElement, button(document, 'Add to Jane Doe'));
  });

  test('Undo of a new contact: undo_quick_add with what the line created; the row goes and it says so', async () => {
    await enter('Ann Lee call Thu');
    await enter('Bo Chen likes oils');
    button(rows()[0], 'Undo').focus();
    button(rows()[0], 'Undo').click();
    await flush(6);
    const [undo] = tauri.callsTo('undo_quick_add');
    assert.equal(undo.args.added.createdContact, true);
    assert.equal(typeof undo.args.added.contactId, 'number');
    assert.equal(undo.args.added.touchId, null);
    assert.equal(rows().length, 1);
    assert.equal(status(), 'Undone: Ann Lee · note: Ann Lee call Thu');
    assert.equal(document.activeElement, button(rows()[0], 'Undo'), 'focus moves to the next row’s Undo');
  });

  test('Undo of a line added to an existing contact takes back only its follow-up and its touch', async () => {
    tauri.respond('preview_quick_add', ({ line }) => previewOf(line, { duplicate: { contactId: 7, name: 'Jane Doe' } }));
    tauri.respond('quick_add', () => ({
      contact: contact(7, 'Jane Doe'),
      createdContact: false,
      // All her pending follow-ups: an older call, an older text, and the one this line planned.
      followups: [followup(30, 7, 'call'), followup(41, 7, 'text'), followup(44, 7, 'call')],
      touchId: 55,
      text: 'Janet · +1 555-0142 · call Fri 27 Nov, 09:00',
    }));
    type(input(), 'Janet 555-0142 call Fri');
    await flush();
    button(document, 'Add to Jane Doe').click();
    await flush(6);
    button(rows()[0], 'Undo').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('undo_quick_add')[0].args.added,
      { contactId: 7, createdContact: false, followupIds: [44], touchId: 55, contactUpdatedAt: null, choice: null });
    assert.equal(rows().length, 0);
    assert.equal(document.activeElement, input(), 'the last row gone: focus back to the line');
  });

  test('Undo of a contact changed since asks first, lists what would go, and sends her choice', async () => {
    await enter('Ann Lee call Thu');
    tauri.respond('undo_quick_add', ({ added: what }) => (what.choice
      ? { outcome: 'undone' }
      : { outcome: 'ask', name: 'Ann Lee', since: ['1 follow-up added later: “bring oils”', '1 touch logged'] }));
    button(rows()[0], 'Undo').click();
    await flush(6);
    const dialog = document.querySelector('dialog[aria-label="Undo Ann Lee?"]');
    assert.ok(dialog, 'a question, not a silent delete');
    assert.deepStrictEqual([...dialog.querySelectorAll('li')].map((li) => li.textContent),
      ['1 follow-up added later: “bring oils”', '1 touch logged']);
    assert.equal(rows().length, 1, 'nothing goes while she reads');
    assert.equal(document.activeElement, button(dialog, 'Keep Ann Lee, undo only this line'), 'the safer choice has focus');
    assert.equal(tauri.callsTo('undo_quick_add')[0].args.added.contactUpdatedAt, NOW);
    button(dialog, 'Keep Ann Lee, undo only this line').click();
    await flush(6);
    const calls = tauri.callsTo('undo_quick_add');
    assert.equal(calls.length, 2);
    assert.equal(calls[1].args.added.choice, 'keepContact');
    assert.equal(rows().length, 0);
    assert.equal(status(), 'Undone: Ann Lee · note: Ann Lee call Thu');
  });

  test('Cancel on the Undo question keeps the row and removes nothing', async () => {
    await enter('Ann Lee call Thu');
    tauri.respond('undo_quick_add', () => ({ outcome: 'ask', name: 'Ann Lee', since: ['1 decision recorded'] }));
    button(rows()[0], 'Undo').click();
    await flush(6);
    button(document.querySelector('dialog'), 'Cancel').click();
    await flush(6);
    assert.equal(tauri.callsTo('undo_quick_add').length, 1, 'no second call');
    assert.equal(rows().length, 1);
    assert.equal(status(), 'Nothing was undone; Ann Lee is unchanged.');
  });

  test('a failed Undo keeps the row and says why', async () => {
    await enter('Ann Lee call Thu');
    tauri.fail('undo_quick_add', { kind: 'storage', message: 'database is locked' });
    button(rows()[0], 'Undo').click();
    await flush(6);
    assert.equal(rows().length, 1);
    assert.equal(status(), 'Couldn’t undo: database is locked');
  });

  test('the batch context goes with every line until Clear batch', async () => {
    const toggle = button(document, 'Batch');
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    toggle.click();
    assert.equal(toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(document.activeElement, byLabel(document, 'Met at'));
    type(byLabel(document, 'Met at'), 'Sara’s party');
    type(byLabel(document, 'Met on'), '2026-11-21');
    const cadence = byLabel(document, 'Start New lead cadence for lines without a date');
    assert.equal(cadence.checked, true, 'on by default');
    setChecked(cadence, false);
    assert.match(quick.element.textContent, /Met at Sara’s party · on Sat 21 Nov 2026 · no cadence|Met at Sara’s party · on Sat 21 Nov · no cadence/);

    await enter('Ann Lee likes oils');
    await enter('Bo Chen call Thu');
    const batches = tauri.callsTo('quick_add').map((c) => c.args.batch);
    assert.deepEqual(batches, [
      { metWhere: 'Sara’s party', metOn: '2026-11-21', noCadence: true, host: '' },
      { metWhere: 'Sara’s party', metOn: '2026-11-21', noCadence: true, host: '' },
    ]);

    button(document, 'Clear batch').click();
    assert.equal(byLabel(document, 'Met at').value, '');
    assert.equal(byLabel(document, 'Met on').value, '');
    assert.equal(cadence.checked, true);
    assert.equal(rows().length, 0, 'a new batch starts with an empty list');
    await enter('Cy Diaz');
    assert.deepEqual(tauri.callsTo('quick_add').at(-1).args.batch, { metWhere: '', metOn: '', noCadence: false, host: '' });
  });

  test('changing the cadence box previews again (the cadence line depends on it)', async () => {
    type(input(), 'Bo Chen likes oils');
    await flush();
    button(document, 'Batch').click();
    const before = tauri.callsTo('preview_quick_add').length;
    setChecked(byLabel(document, 'Start New lead cadence for lines without a date'), false);
    await flush();
    assert.equal(tauri.callsTo('preview_quick_add').length, before + 1);
    assert.equal(tauri.callsTo('preview_quick_add').at(-1).args.batch.noCadence, true);
  });

  test('a rejected Met on is shown next to Met on; the line comes back unsaved', async () => {
    tauri.fail('quick_add', { kind: 'invalid', field: 'metOn', message: '“2026-13-01” is not a date.' });
    await enter('Ann Lee likes oils');
    const metOn = byLabel(document, 'Met on');
    assert.equal(metOn.getAttribute('aria-invalid'), 'true');
    const messages = metOn.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent);
    assert.ok(messages.includes('“2026-13-01” is not a date.'));
    assert.equal(input().value, 'Ann Lee likes oils');
    assert.equal(button(document, 'Batch').getAttribute('aria-expanded'), 'true');
  });

  test('a name in the list opens that contact', async () => {
    await enter('Ann Lee call Thu');
    button(rows()[0], 'Ann Lee').click();
    assert.deepEqual(opened, [101]);
  });

  test('Escape leaves the line as typed; user text is only ever text', async () => {
    const xss = '<img src=x onerror=alert(1)> call Thu';
    tauri.respond('preview_quick_add', () => ({ ...previewOf('x'), text: xss, appliesCadence: false }));
    type(input(), xss);
    await flush();
    assert.equal(preview().querySelector('img'), null);
    assert.equal(preview().textContent, xss);
    input().focus();
    const event = press(input(), 'Escape');
    await flush();
    assert.equal(event.defaultPrevented, true, 'Escape is Quick add’s, not a form’s');
    assert.notEqual(document.activeElement, input(), 'out of the field');
    assert.equal(input().value, xss, 'nothing typed is dropped');
  });
});

describe('ui/quick.html: the Quick add window', () => {
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
    tauri.respond('preview_quick_add', ({ line }) => previewOf(line));
    await importUi('quick.js', { fresh: true });
    await flush();
  });
  afterEach(teardown);

  test('shows Quick add alone, focused, with its batch open; no contact links', async () => {
    const input = byLabel(document, 'Quick add');
    assert.equal(document.activeElement, input);
    assert.ok(byLabel(document, 'Quick add preview'));
    assert.equal(button(document, 'Batch').getAttribute('aria-expanded'), 'true');
    assert.ok(byLabel(document, 'Met at'));
    assert.equal(queryByLabel(document, 'Search contacts'), null);
    assert.equal(document.querySelectorAll('script:not([src])').length, 0, 'no inline script (CSP)');
    assert.equal(document.querySelectorAll('[style]').length, 0, 'no inline style (CSP)');

    tauri.respond('quick_add', ({ line }) => ({ contact: contact(3, 'Ann Lee'), createdContact: true, followups: [], touchId: null, text: previewOf(line).text }));
    type(input, 'Ann Lee likes oils');
    await flush();
    press(input, 'Enter');
    await flush(6);
    const row = byLabel(document, 'Added in this batch').querySelector('li');
    assert.equal(row.querySelector('strong').textContent, 'Ann Lee', 'the name is text: this window has no contact page');
    assert.equal(queryButton(row, 'Ann Lee'), null);
  });

  test('tend://quick-add brings focus back to the line', async () => {
    const input = byLabel(document, 'Quick add');
    button(document, 'Clear batch').focus();
    tauri.emit('tend://quick-add');
    await flush();
    assert.equal(document.activeElement, input);
  });
});

describe('ui/views/quickAdd.js: pasted lines, a known name, the batch kept for the day', () => {
  let env;
  let document;
  let tauri;
  let quick;
  let nextId;

  beforeEach(async () => {
    env = installDom({ html: '<!doctype html><html lang="en"><body><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    nextId = 200;
    tauri.respond('preview_quick_add', ({ line }) => previewOf(line,
      /^Maria Lopez/.test(line) ? { duplicate: { contactId: 7, name: 'Maria Lopez', by: 'name' } } : {}));
    tauri.respond('quick_add', ({ line, addTo }) => ({
      contact: contact(addTo ?? ++nextId, previewOf(line).parsed.name), createdContact: addTo === null,
      followups: [], touchId: null, text: previewOf(line).text,
    }));
    tauri.respond('set_quick_add_batch', null);
    tauri.respond('quick_add_batch', { metWhere: "Sara's party", metOn: '2026-11-21', noCadence: false });
    const { createQuickAdd } = await importUi('views/quickAdd.js');
    quick = createQuickAdd({ onOpenContact: () => {} });
    document.body.prepend(quick.element);
    await flush(4);
  });
  afterEach(teardown);

  const input = () => byLabel(document, 'Quick add');

  function paste(text) {
    const event = new env.window.Event('paste', { bubbles: true, cancelable: true });
    event.clipboardData = { getData: () => text };
    input().dispatchEvent(event);
    return event;
  }

  test('pasting several lines makes one contact per line, each previewed, never one from two people', async () => {
    const event = paste('Ann Lee 555-0101 call Thu\nBob Stone text Fri\r\n\n  Cy Young  \n');
    assert.equal(event.defaultPrevented, true, 'not flattened into the one-line field');
    assert.equal(input().value, '');
    await flush(6);
    const group = byLabel(document, 'Pasted lines');
    const rows = [...group.querySelectorAll('li')];
    assert.deepEqual(rows.map((row) => row.textContent),
      ['Ann Lee · note: Ann Lee 555-0101 call Thu', 'Bob Stone · note: Bob Stone text Fri', 'Cy Young · note: Cy Young']);
    assert.match(group.textContent, /3 lines pasted: one contact each/);
    press(input(), 'Enter');
    await flush(12);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.line),
      ['Ann Lee 555-0101 call Thu', 'Bob Stone text Fri', 'Cy Young'], 'one save per line, in order');
    assert.equal(byLabel(document, 'Added in this batch').querySelectorAll('li').length, 3);
    assert.equal(group.hidden, true);
  });

  test('one pasted line is pasted as usual', () => {
    const event = paste('Ann Lee 555-0101');
    assert.equal(event.defaultPrevented, false);
  });

  test('a known name asks "Already in Tend: … — add this to them?" and Enter never makes a second Maria', async () => {
    type(input(), 'Maria Lopez birthday March 14');
    await flush(4);
    assert.match(byLabel(document, 'Quick add preview').textContent, /Already in Tend: Maria Lopez — add this to them\?/);
    press(input(), 'Enter');
    await flush(6);
    assert.equal(tauri.callsTo('quick_add').length, 0, 'nothing saved without her choice');
    button(document, 'Add to Maria Lopez').click();
    await flush(8);
    assert.deepEqual(tauri.callsTo('quick_add').map((c) => c.args.addTo), [7]);
  });

  test('the batch set earlier today comes back, and a change is kept for the day', async () => {
    assert.match(document.querySelector('.quick-batch-summary').textContent, /Met at Sara's party/);
    button(document, 'Batch').click();
    assert.equal(byLabel(document, 'Met at').value, "Sara's party");
    assert.equal(byLabel(document, 'Met on').value, '2026-11-21');
    assert.match(document.querySelector('.quick-batch-summary').textContent, /Met at Sara's party/);
    type(byLabel(document, 'Met at'), 'Open house');
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.deepEqual(tauri.callsTo('set_quick_add_batch').at(-1).args.batch,
      { metWhere: 'Open house', metOn: '2026-11-21', noCadence: false, host: '' });
    button(document, 'Clear batch').click();
    await flush();
    assert.deepEqual(tauri.callsTo('set_quick_add_batch').at(-1).args.batch, { metWhere: '', metOn: '', noCadence: false, host: '' });
  });
});
