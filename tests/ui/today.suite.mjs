// ui/views/today.js and the follow-up flow: sections, counts, the sidebar badge, keys,
// Done → Log touch → Plan next, Skip with a reason, errors next to their field.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, queryByLabel, button, queryButton, press,
  listItem, serveContacts,
} from './harness.mjs';

const NOW = '2026-11-23T14:00:00Z';

function followup(id, extra = {}) {
  return {
    id, contactId: 1, contactName: 'Jane Doe', promise: 'send lavender samples', channel: 'text',
    channelLabel: 'Text', dueAt: '2026-11-21T09:00:00Z', dueLocal: '2026-11-21T09:00', hasTime: false,
    status: 'open', snoozedUntil: null, skipReason: null, completedAt: null, cadenceName: null, notifiedAt: null,
    ...extra,
  };
}

function today(extra = {}) {
  const t = {
    date: '2026-11-23', now: NOW, nextDayAt: '2026-11-24T00:00:00Z',
    overdue: [followup(11)],
    dueToday: [followup(12, { contactId: 2, contactName: 'Bob Jansen', channel: 'call', channelLabel: 'Call', promise: 'ask about the re-order', dueAt: '2026-11-23T16:30:00Z', dueLocal: '2026-11-23T16:30', hasTime: true })],
    upcoming: [followup(13, { dueAt: '2026-11-26T09:00:00Z', dueLocal: '2026-11-26T09:00', cadenceName: 'New lead: 3 days, 3 weeks, 3 months' })],
    goingCold: [{ contactId: 3, name: 'Eve Park', stage: 'customer', stageLabel: 'Customer', since: '2026-05-01T00:00:00Z', touched: true, daysSince: 200, windowDays: 30, suggestInactive: true }],
    maybes: [],
    ...extra,
  };
  t.counts = { overdue: t.overdue.length, dueToday: t.dueToday.length, upcoming: t.upcoming.length, goingCold: t.goingCold.length, maybes: t.maybes.length };
  return t;
}

describe('ui/views/today.js', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(1, 'Jane Doe')]);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x' });
    tauri.respond('get_today', today());
    await importUi('app.js', { fresh: true });
    await flush(6);
  });
  afterEach(teardown);

  const main = () => document.getElementById('main');
  const items = () => [...main().querySelectorAll('li[data-key]')];

  test('Today is the start view: the six headings in order, each with its count or a calm line', () => {
    const sections = byLabel(document, 'Sections');
    assert.equal(button(sections, 'Today, 2 due').getAttribute('aria-current'), 'page');
    assert.equal(button(sections, 'Today, 2 due').textContent, 'Today', 'the count is drawn by CSS; the text stays "Today"');
    assert.deepEqual([...main().querySelectorAll('h2')].map((h) => h.textContent),
      ['Overdue', 'Due today', 'Re-orders', 'Going cold', 'Maybes to decide', 'Upcoming']);
    assert.match(main().textContent, /No re-orders coming up this week\./);
    assert.match(main().textContent, /2 days overdue \(due Sat 21 Nov, 09:00\)/);
    assert.match(main().textContent, /due today, 16:30/);
    assert.match(main().textContent, /due Thu 26 Nov, 09:00/);
    assert.match(main().textContent, /last touch 200 days ago \(window 30 days\)/);
    assert.match(main().textContent, /Nothing waiting|No maybes waiting for a decision\./);
    assert.ok(button(main(), 'Mark inactive'));
  });

  test('every Done keeps its name and is described by its item', () => {
    const dones = [...main().querySelectorAll('button')].filter((b) => b.textContent === 'Done');
    assert.equal(dones.length, 3);
    for (const done of dones) {
      const title = document.getElementById(done.getAttribute('aria-describedby'));
      assert.ok(title && done.closest('li').contains(title));
    }
  });

  test('j moves, d completes, then Log touch logs it with the follow-up and offers the next one', async () => {
    press(document.body, 'j');
    assert.equal(document.activeElement, items()[0]);
    press(document.activeElement, 'j');
    assert.equal(document.activeElement, items()[1]);
    press(document.activeElement, 'k');
    assert.equal(document.activeElement, items()[0]);

    tauri.respond('complete_followup', ({ id }) => ({ followup: followup(id, { status: 'done' }), touchChannel: 'text' }));
    press(document.activeElement, 'd');
    await flush(6);
    assert.deepEqual(tauri.callsTo('complete_followup').map((c) => c.args), [{ id: 11 }]);
    assert.equal(document.getElementById('status').textContent, 'Done: Text Jane Doe — send lavender samples');
    assert.equal(document.activeElement, button(main(), 'Log touch'));

    document.activeElement.click();
    assert.equal(byLabel(document, 'Channel').value, 'text');
    tauri.respond('log_touch', ({ draft }) => ({
      touch: { id: 5, contactId: draft.contactId, channel: 'text', channelLabel: 'Text', outcome: 'reply', note: '', occurredAt: NOW, followupId: draft.followupId },
      count: 4, countText: 'touch 4 — most sales need about 7',
      suggestion: { contactId: 1, channel: 'text', date: '2026-11-26', promise: '' }, rebased: 2,
    }));
    byLabel(document, 'Outcome').value = 'reply';
    button(main(), 'Save touch').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('log_touch')[0].args.draft,
      { contactId: 1, channel: 'text', outcome: 'reply', note: '', when: '', followupId: 11 });
    assert.equal(document.getElementById('status').textContent,
      'Touch logged: touch 4 — most sales need about 7. 2 cadence steps moved to count from this reply.');
    assert.equal(document.activeElement, button(main(), 'Save follow-up'), 'one Enter accepts the suggestion');
    assert.equal(byLabel(document, 'Date').value, '2026-11-26');
    assert.equal(byLabel(document, 'How').value, 'text');
  });

  test('an invalid date is shown next to Date, with aria-invalid and aria-describedby; nothing typed is lost', async () => {
    tauri.respond('get_contact', { id: 3, name: 'Eve Park', stage: 'customer', stageLabel: 'Customer', phone: '', email: '', notes: '', tags: [], archived: false, createdAt: NOW, updatedAt: NOW });
    tauri.respond('contact_followups', []);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet — most sales need about 7' });
    tauri.respond('contact_decisions', []);
    tauri.respond('list_cadences', []);
    button(main(), 'Plan follow-up').click(); // going cold → the contact page's plan form
    await flush(8);
    assert.equal(button(byLabel(document, 'Sections'), 'Contacts').getAttribute('aria-current'), 'page');
    assert.equal(document.activeElement, byLabel(document, 'What did you promise?'));
    tauri.respond('read_date', ({ ask }) => ({ date: ask.text, time: null, shown: 'Sat 21 Nov, 09:00', why: null }));
    tauri.fail('plan_followup', { kind: 'invalid', message: 'Sat 21 Nov 2026 has already passed; pick today or a later date.', field: 'date' });
    const promise = byLabel(document, 'What did you promise?');
    promise.value = 'call about the party';
    byLabel(document, 'Date').value = '2026-11-21';
    button(main(), 'Save follow-up').click();
    await flush(6);
    const date = byLabel(document, 'Date');
    assert.equal(date.getAttribute('aria-invalid'), 'true');
    const described = date.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent);
    assert.ok(described.includes('Sat 21 Nov 2026 has already passed; pick today or a later date.'));
    assert.equal(document.activeElement, date);
    assert.equal(byLabel(document, 'What did you promise?').value, 'call about the party');
  });

  test('Skip asks for an optional Reason and sends it', async () => {
    tauri.respond('skip_followup', ({ id, reason }) => followup(id, { status: 'skipped', skipReason: reason }));
    [...main().querySelectorAll('button')].find((b) => b.textContent === 'Skip').click();
    await flush();
    const dialog = byLabel(document, 'Skip follow-up');
    byLabel(dialog, 'Reason').value = 'she already ordered';
    button(dialog, 'Skip follow-up').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('skip_followup').map((c) => c.args), [{ id: 11, reason: 'she already ordered' }]);
    assert.equal(queryByLabel(document, 'Skip follow-up'), null, 'the dialog closed');
  });

  test('every row shows the number and can call, text, email (the promise as subject) or copy', async () => {
    const reach = { phone: '(415) 555-0142', phoneE164: '+14155550142', email: 'jane@example.com' };
    tauri.respond('get_today', today({
      overdue: [followup(11, { reach })],
      goingCold: [{ contactId: 3, name: 'Eve Park', stage: 'customer', stageLabel: 'Customer', since: '2026-05-01T00:00:00Z', touched: true, daysSince: 200, windowDays: 30, suggestInactive: false, reach: { phone: '555-0199', phoneE164: null, email: null } }],
    }));
    tauri.respond('open_link', ({ link }) => `${link.action}:${link.to}`);
    tauri.emit('tend://changed');
    await flush(8);
    const row = items().find((node) => node.dataset.key === 'f11');
    const cold = items().find((node) => node.dataset.key === 'c3');
    assert.ok(row.textContent.includes('(415) 555-0142'), 'the number on the Today row');
    assert.ok(cold.textContent.includes('555-0199'), 'on a going-cold row too');
    row.querySelector('[data-action="call"]').click();
    row.querySelector('[data-action="email"]').click();
    cold.querySelector('[data-action="text"]').click();
    await flush(4);
    assert.deepEqual(tauri.callsTo('open_link').map((c) => c.args.link), [
      { action: 'call', to: '+14155550142', subject: '' },
      { action: 'email', to: 'jane@example.com', subject: 'send lavender samples' },
      { action: 'text', to: '555-0199', subject: '' },
    ]);
  });

  test('tend://changed redraws Today and the badge', async () => {
    tauri.respond('get_today', today({ overdue: [], dueToday: [] }));
    tauri.emit('tend://changed');
    await flush(6);
    const todayButton = document.querySelector('button[data-view="today"]');
    assert.equal(todayButton.hasAttribute('aria-label'), false);
    assert.equal(todayButton.hasAttribute('data-count'), false);
    assert.match(main().textContent, /Nothing overdue\./);
  });

  test('Re-orders lists the reminders, then who ran out long ago with one click to mark her inactive; the badge counts what is due', async () => {
    const reorder = followup(21, {
      contactId: 4, contactName: 'Maria Lopez', channel: 'call', channelLabel: 'Call', reorderOf: 1,
      promise: 'Maria’s lavender oil runs out around 26 Nov — offer a re-order', dueLocal: '2026-11-23T09:00', dueAt: '2026-11-23T09:00:00Z',
    });
    const lapsed = { contactId: 5, name: 'Jane Doe', stage: 'customer', stageLabel: 'Customer', supplyEndedOn: '2026-08-31', daysSince: 84, suggestInactive: true };
    const data = today({ overdue: [], dueToday: [], reorders: [reorder], lapsed: [lapsed] });
    data.counts.reorders = 1;
    data.counts.reordersDue = 1;
    data.counts.lapsed = 1;
    tauri.respond('get_today', data);
    tauri.emit('tend://changed');
    await flush(6);
    const section = main().querySelector('.section-reorders');
    assert.equal(section.querySelector('h2').textContent, 'Re-orders');
    assert.equal(section.querySelector('.count').textContent, '2');
    const rows = [...section.querySelectorAll('li[data-key]')];
    assert.deepEqual(rows.map((r) => r.dataset.key), ['f21', 'l5']);
    assert.match(rows[0].textContent, /Maria’s lavender oil runs out around 26 Nov — offer a re-order/);
    assert.match(rows[0].textContent, /due today, 09:00/);
    assert.match(rows[1].textContent, /ran out 84 days ago \(Mon 31 Aug\), no re-order since/);
    assert.equal(button(document, 'Today, 1 due').getAttribute('aria-current'), 'page', 'a due re-order is due');
    assert.equal(main().querySelector('.section-dueToday li'), null, 'only under Re-orders');
    button(rows[1], 'Mark inactive').click();
    await flush(6);
    assert.ok(queryByLabel(document, 'Why did they leave?'), 'marking her inactive asks why first');
    assert.equal(tauri.callsTo('set_stage').length, 0, 'nothing changed yet');
  });

  test('a backlog comes a page at a time: Show more asks for a page more, keeps it after a change, and focuses the first new one', async () => {
    const backlog = Array.from({ length: 120 }, (_, i) => followup(1000 + i));
    tauri.respond('get_today', (args) => {
      const sent = args?.shown?.overdue ?? 50;
      const data = today({ overdue: backlog.slice(0, sent) });
      data.counts.overdue = backlog.length;
      return data;
    });
    tauri.emit('tend://changed');
    await flush(6);
    const section = () => main().querySelector('.section-overdue');
    assert.equal(section().querySelector('.count').textContent, '120', 'counted whole');
    assert.equal(section().querySelectorAll('li[data-key]').length, 50, 'a page sent and shown');
    assert.match(section().textContent, /Showing the first 50 of 120\./);
    assert.equal(queryButton(main(), 'Show 50 more').getAttribute('aria-describedby'), 'today-overdue');

    button(main(), 'Show 50 more').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('get_today').at(-1).args, { shown: { overdue: 100 } });
    assert.equal(section().querySelectorAll('li[data-key]').length, 100);
    assert.equal(document.activeElement.dataset.key, 'f1050', 'the first one the page brought');
    assert.ok(button(main(), 'Show 20 more'), 'what is left, no more');

    tauri.emit('tend://changed');
    await flush(6);
    assert.deepEqual(tauri.callsTo('get_today').at(-1).args, { shown: { overdue: 100 } }, 'a change redraws as many');
    button(main(), 'Show 20 more').click();
    await flush(6);
    assert.equal(section().querySelectorAll('li[data-key]').length, 120);
    assert.deepEqual([...section().querySelectorAll('button')].filter((b) => /^Show \d+ more$/.test(b.textContent)), [], 'all shown');
    assert.doesNotMatch(section().textContent, /Showing the first/);
  });
});

describe('ui/views/today.js: an empty book opens to a welcome', () => {
  let env;
  let document;
  let tauri;

  const empty = () => ({
    date: '2026-11-23', now: NOW, nextDayAt: '2026-11-24T00:00:00Z',
    overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [],
    counts: { overdue: 0, dueToday: 0, upcoming: 0, goingCold: 0, maybes: 0 },
  });

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, []);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/home/jo/.local/share/app.tend.desktop/tend.sqlite3' });
    tauri.respond('get_today', empty());
    await importUi('app.js', { fresh: true });
    await flush(8);
  });
  afterEach(teardown);

  const main = () => document.getElementById('main');

  test('three ways to begin and where the data lives, not five empty sections', () => {
    const welcome = main().querySelector('section[aria-labelledby="welcome-heading"]');
    assert.ok(welcome, 'the welcome is shown');
    assert.equal(document.getElementById('welcome-heading').textContent, 'Welcome to Tend');
    for (const name of ['Import contacts', 'Try Quick add', 'New contact', 'Send a test notification']) {
      assert.ok(button(welcome, name), `${name} is offered`);
    }
    assert.equal(document.getElementById('welcome-data-file').textContent, '/home/jo/.local/share/app.tend.desktop/tend.sqlite3');
    assert.equal(main().querySelector('.today-sections').hidden, true, 'the empty sections are not shown');
  });

  test('Try Quick add puts the cursor in the Quick add line; New contact opens the form', async () => {
    button(main(), 'Try Quick add').click();
    assert.equal(document.activeElement, byLabel(document, 'Quick add'));
    button(main(), 'New contact').click();
    await flush(6);
    assert.equal(document.querySelector('nav[aria-label="Sections"] button[aria-current="page"]').dataset.view, 'contacts');
    assert.ok(queryByLabel(main(), 'Name'), 'the new contact form is open');
  });

  test('the test notification says whether it reached the desktop, and what to check if not', async () => {
    tauri.respond('send_test_notification', { reached: false, message: 'The test notification did not reach your desktop (no service). Check …' });
    button(main(), 'Send a test notification').click();
    await flush(4);
    const result = document.getElementById('welcome-test-result');
    assert.equal(result.getAttribute('role'), 'status');
    assert.match(result.textContent, /did not reach your desktop/);
    assert.ok(result.classList.contains('field-error'));
    tauri.respond('send_test_notification', { reached: true, message: 'Sent: your desktop took it.' });
    button(main(), 'Send a test notification').click();
    await flush(4);
    assert.equal(result.textContent, 'Sent: your desktop took it.');
    assert.ok(!result.classList.contains('field-error'));
  });

  test('once there is someone in the book, Today shows its sections again', async () => {
    serveContacts(tauri, [listItem(1, 'Jane Doe')]);
    tauri.emit('tend://changed', null);
    await flush(8);
    assert.equal(main().querySelector('section[aria-labelledby="welcome-heading"]'), null);
    assert.equal(main().querySelector('.today-sections').hidden, false);
    assert.deepEqual([...main().querySelectorAll('h2')].map((h) => h.textContent),
      ['Overdue', 'Due today', 'Re-orders', 'Going cold', 'Maybes to decide', 'Upcoming']);
  });
});
