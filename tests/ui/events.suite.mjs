// Birthdays, dates and what matters now in the window: at the top of her page and on her
// Today rows with the day it was noted, the details form, dates she adds, a birthday under
// Upcoming with its wish ready to plan, a season's buyers, and seasons in Settings.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, button, type, setChecked,
  listItem, fullContact, serveContacts,
} from './harness.mjs';

const NOW = '2026-03-06T10:00:00Z';
const MATTERS = { text: 'daughter’s wedding in June', notedOn: '2026-03-05' };

function followup(extra = {}) {
  return {
    id: 11, contactId: 1, contactName: 'Maria Lopez', promise: 'send the catalogue', channel: 'call', channelLabel: 'Call',
    dueAt: '2026-03-06T09:00:00Z', dueLocal: '2026-03-06T09:00', hasTime: false, status: 'open', snoozedUntil: null,
    skipReason: null, completedAt: null, cadenceName: null, notifiedAt: null, reorderOf: null, mattersNow: MATTERS,
    ...extra,
  };
}

function today() {
  return {
    date: '2026-03-06', now: NOW, nextDayAt: '2026-03-07T00:00:00Z',
    overdue: [], dueToday: [followup()], upcoming: [], goingCold: [], maybes: [], reorders: [], lapsed: [],
    events: [{
      contactId: 1, name: 'Maria Lopez', what: { kind: 'birthday' }, on: '2026-03-13', daysAway: 7, turning: 40,
      text: 'Maria Lopez’s birthday (turns 40)', wish: 'Wish Maria a happy birthday',
    }],
    seasons: [{
      seasonId: 1, name: 'Holiday gifts', count: 3,
      window: { startsOn: '2026-11-15', endsOn: '2026-12-31', lastYearFrom: '2025-11-15', lastYearTo: '2025-12-31' },
      customers: [{ id: 5, name: 'Ann Lee' }, { id: 6, name: 'Bo Chen' }],
      text: 'Holiday gifts from Sun 15 Nov: 3 customers bought in this season last year',
    }],
    counts: { overdue: 0, dueToday: 1, upcoming: 0, goingCold: 0, maybes: 0, reorders: 0, reordersDue: 0, lapsed: 0, events: 1 },
  };
}

describe('birthdays, dates and what matters now', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(1, 'Maria Lopez')]);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    tauri.respond('get_contact', fullContact(1, 'Maria Lopez', { birthday: '1986-03-13', mattersNow: MATTERS }));
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x', currency: 'USD' });
    tauri.respond('get_today', today());
    for (const cmd of ['contact_followups', 'contact_decisions', 'list_cadences', 'contact_events', 'list_products']) tauri.respond(cmd, []);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet' });
    tauri.respond('contact_purchases', { purchases: [], totals: { purchases: 0, lifetimeCents: 0, lastBoughtOn: null, daysSinceLast: null }, reorders: [], currency: 'USD' });
    tauri.respond('contact_referrals', { referredBy: null, referred: [], tally: { referred: 0, bought: 0, spentCents: 0 }, isPartner: false, sentToPartner: [], currency: 'USD' });
    await importUi('app.js', { fresh: true });
    await flush(6);
  });
  afterEach(teardown);

  const main = () => document.getElementById('main');
  const status = () => document.getElementById('status').textContent;

  async function openMaria() {
    button(byLabel(document, 'Sections'), 'Contacts').click();
    await flush(4);
    [...byLabel(document, 'Contact list').querySelectorAll('li > button')][0].click();
    await flush(8);
    return byLabel(document, 'Contact details');
  }

  test('Upcoming shows her birthday a week ahead; Plan follow-up has the wish ready', async () => {
    const upcoming = main().querySelector('.section-upcoming');
    assert.equal(upcoming.querySelector('.count').textContent, '2', 'the birthday and the season');
    const row = [...upcoming.querySelectorAll('li[data-key]')].find((li) => li.dataset.key.startsWith('e1-'));
    assert.match(row.textContent, /Maria Lopez birthday \(turns 40\)/);
    assert.match(row.textContent, /Fri 13 Mar · Wish Maria a happy birthday/);
    button(row, 'Plan follow-up').click();
    await flush(4);
    const form = byLabel(document, 'Plan follow-up');
    assert.equal(byLabel(form, 'What did you promise?').value, 'Wish Maria a happy birthday');
    assert.equal(byLabel(form, 'Date').value, '2026-03-13');
    assert.equal(document.activeElement, button(form, 'Save follow-up'), 'one Enter plans it');
  });

  test('a season lists who bought in it last year, each a click away', async () => {
    const row = main().querySelector('li[data-key="s1"]');
    assert.match(row.textContent, /Holiday gifts from Sun 15 Nov: 3 customers bought in this season last year/);
    assert.match(row.textContent, /Ann Lee, Bo Chen and 1 more/);
  });

  test('what matters now rides on her Today rows with the day it was noted', () => {
    const row = main().querySelector('li[data-key="f11"]');
    assert.match(row.textContent, /What matters to them now: daughter’s wedding in June \(noted Thu 5 Mar\)/);
  });

  test('her page: what matters now at the top, the birthday, and the details form', async () => {
    tauri.respond('save_about', ({ contactId, draft }) => fullContact(contactId, 'Maria Lopez', { birthday: '--03-14', mattersNow: { text: draft.mattersNow, notedOn: '2026-03-06' } }));
    const details = await openMaria();
    const top = details.querySelector('.matters-now');
    assert.ok(top.compareDocumentPosition(details.querySelector('dl.facts')) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the facts');
    assert.match(top.textContent, /daughter’s wedding in June \(noted Thu 5 Mar\)/);
    assert.match(details.querySelector('dl.facts').textContent, /Birthday13 Mar 1986/);
    const form = byLabel(details, 'About her');
    assert.equal(byLabel(form, 'Birthday').value, '13 Mar 1986');
    type(byLabel(form, 'Birthday'), '14 Mar');
    type(byLabel(form, 'What matters to them now'), 'a gift for her mother');
    button(form, 'Save details').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('save_about')[0].args, { contactId: 1, draft: { birthday: '14 Mar', mattersNow: 'a gift for her mother' } });
    assert.equal(status(), 'Saved Maria Lopez’s details');
  });

  test('a birthday Tend cannot read is said by the field; a date she adds is listed', async () => {
    tauri.fail('save_about', { kind: 'invalid', field: 'birthday', message: '“31 Feb” is not a day of the calendar.' });
    tauri.respond('add_contact_event', ({ draft }) => [{ id: 3, contactId: 1, label: draft.label, date: '--05-20', yearly: draft.yearly }]);
    const details = await openMaria();
    const form = byLabel(details, 'About her');
    type(byLabel(form, 'Birthday'), '31 Feb');
    button(form, 'Save details').click();
    await flush(6);
    assert.equal(byLabel(form, 'Birthday').getAttribute('aria-invalid'), 'true');
    const add = byLabel(details, 'Add a date');
    type(byLabel(add, 'What'), 'wedding anniversary');
    type(byLabel(add, 'On'), '20 May');
    setChecked(byLabel(add, 'Every year'), true);
    button(add, 'Add date').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('add_contact_event')[0].args, { draft: { contactId: 1, label: 'wedding anniversary', date: '20 May', yearly: true } });
    assert.match(byLabel(details, 'Dates to remember').textContent, /wedding anniversary · 20 May, every year/);
  });

  test('Settings keeps her seasons', async () => {
    tauri.respond('list_seasons', [{ id: 1, name: 'Holiday gifts', startsOn: '--11-15', endsOn: '--12-31' }]);
    tauri.respond('add_season', ({ draft }) => [
      { id: 1, name: 'Holiday gifts', startsOn: '--11-15', endsOn: '--12-31' },
      { id: 2, name: draft.name, startsOn: '--03-01', endsOn: '--03-15' },
    ]);
    button(byLabel(document, 'Sections'), 'Settings').click();
    await flush(6);
    assert.match(byLabel(main(), 'Your seasons').textContent, /Holiday gifts: 15 Nov – 31 Dec/);
    const form = byLabel(main(), 'Add a season');
    type(byLabel(form, 'Season'), 'Mother’s Day');
    type(byLabel(form, 'Starts'), '1 Mar');
    type(byLabel(form, 'Ends'), '15 Mar');
    button(form, 'Add season').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('add_season')[0].args, { draft: { name: 'Mother’s Day', starts: '1 Mar', ends: '15 Mar' } });
    assert.match(byLabel(main(), 'Your seasons').textContent, /Mother’s Day: 1 Mar – 15 Mar/);
  });
});
