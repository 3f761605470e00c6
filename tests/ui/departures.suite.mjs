// `Why did they leave?`: asked before a customer is marked inactive (from Today and from
// her page), the six reasons and "don't know" with how much was in her control, and Win
// back offered after "felt I didn't care".

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, button, queryByLabel, type,
  listItem, fullContact, serveContacts,
} from './harness.mjs';

const NOW = '2026-11-23T14:00:00Z';

function today() {
  const goingCold = [{ contactId: 3, name: 'Eve Park', stage: 'customer', stageLabel: 'Customer', since: '2026-05-01T00:00:00Z', touched: true, daysSince: 200, windowDays: 30, suggestInactive: true }];
  return {
    date: '2026-11-23', now: NOW, nextDayAt: '2026-11-24T00:00:00Z', overdue: [], dueToday: [], upcoming: [], maybes: [],
    goingCold, reorders: [], lapsed: [],
    counts: { overdue: 0, dueToday: 0, upcoming: 0, goingCold: 1, maybes: 0, reorders: 0, reordersDue: 0, lapsed: 0 },
  };
}

function outcome(reason, label, extra = {}) {
  return {
    departure: { id: 1, contactId: 3, reason, label, control: 'total', notedAt: NOW, note: '' },
    contact: fullContact(3, 'Eve Park', { stage: 'inactive_customer', stageLabel: 'Inactive customer', leftReason: reason }),
    stoppedCadences: [], skippedFollowups: 0, leftTheLists: false, offerWinBack: false,
    ...extra,
  };
}

describe('why did they leave', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(3, 'Eve Park')]);
    tauri.respond('list_stages', [{ key: 'customer', label: 'Customer' }]);
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x' });
    tauri.respond('get_today', today());
    await importUi('app.js', { fresh: true });
    await flush(6);
  });
  afterEach(teardown);

  const status = () => document.getElementById('status').textContent;
  const dialog = () => queryByLabel(document, 'Why did they leave?');

  /** Eve Park, a customer, with nothing else on her page yet. */
  function serveEvesPage() {
    tauri.respond('get_contact', fullContact(3, 'Eve Park', { stage: 'customer', stageLabel: 'Customer' }));
    for (const cmd of ['contact_followups', 'contact_decisions', 'list_cadences']) tauri.respond(cmd, []);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet' });
    tauri.respond('contact_purchases', { purchases: [], totals: { purchases: 0, lifetimeCents: 0, lastBoughtOn: null, daysSinceLast: null }, reorders: [], currency: 'USD' });
    tauri.respond('contact_events', []);
    tauri.respond('contact_referrals', { referredBy: null, referred: [], tally: { referred: 0, bought: 0, spentCents: 0 }, isPartner: false, sentToPartner: [], currency: 'USD' });
  }

  async function openEvesPage() {
    button(byLabel(document, 'Sections'), 'Contacts').click();
    await flush(4);
    [...byLabel(document, 'Contact list').querySelectorAll('li > button')][0].click();
    await flush(6);
  }

  test('Mark inactive on Today asks why first; Cancel changes nothing', async () => {
    button(document.getElementById('main'), 'Mark inactive').click();
    await flush();
    const asked = dialog();
    assert.ok(asked, 'the question is asked');
    const reasons = [...asked.querySelectorAll('input[type="radio"]')].map((r) => asked.querySelector(`label[for="${r.id}"]`).textContent);
    assert.equal(asked.querySelector('legend').textContent, 'Why did they leave?');
    assert.deepEqual(reasons, ['Died', 'Moved away', 'Buys from a friend', 'Sold by a competitor', 'Product or price', 'Felt I didn’t care', 'Don’t know']);
    assert.equal(byLabel(asked, 'Don’t know').checked, true, 'nothing is guessed for her');
    assert.match(asked.textContent, /68% of customers who leave say this/);
    button(asked, 'Cancel').click();
    await flush();
    assert.equal(dialog(), null);
    assert.equal(tauri.callsTo('record_departure').length, 0);
  });

  test('moved: recorded with its note, and she is off the lists but kept', async () => {
    tauri.respond('record_departure', outcome('moved', 'Moved away', { leftTheLists: true }));
    button(document.getElementById('main'), 'Mark inactive').click();
    await flush();
    byLabel(dialog(), 'Moved away').click();
    type(byLabel(dialog(), 'Note'), 'to Valencia');
    button(dialog(), 'Mark inactive').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('record_departure')[0].args, { draft: { contactId: 3, reason: 'moved', note: 'to Valencia' } });
    assert.equal(dialog(), null);
    assert.equal(status(), 'Eve Park: moved away. Off your lists, still kept in Tend.');
    assert.ok(tauri.callsTo('get_today').length >= 2, 'Today is drawn again');
  });

  test('felt I didn’t care offers Win back, one click starts it', async () => {
    tauri.respond('record_departure', outcome('indifference', 'Felt I didn’t care', { offerWinBack: true }));
    tauri.respond('list_cadences', [{ id: 4, builtinKey: 'win_back', name: 'Win back an inactive customer', steps: [] }]);
    tauri.respond('apply_cadence', []);
    button(document.getElementById('main'), 'Mark inactive').click();
    await flush();
    byLabel(dialog(), 'Felt I didn’t care').click();
    button(dialog(), 'Mark inactive').click();
    await flush(6);
    const start = button(dialog(), 'Start Win back');
    assert.equal(document.activeElement, start);
    start.click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('apply_cadence')[0].args, { contactId: 3, cadenceId: 4, startOn: '' });
    assert.equal(status(), 'Started Win back an inactive customer for Eve Park');
    assert.equal(dialog(), null);
  });

  test('a refusal is said in the dialog and it stays open', async () => {
    tauri.fail('record_departure', { kind: 'not_found', message: 'That contact no longer exists.' });
    button(document.getElementById('main'), 'Mark inactive').click();
    await flush();
    button(dialog(), 'Mark inactive').click();
    await flush(6);
    assert.match(dialog().textContent, /That contact no longer exists\./);
  });

  test('her page: Mark inactive for a customer, the reason shown once she left', async () => {
    serveEvesPage();
    tauri.respond('record_departure', outcome('competitor', 'Sold by a competitor'));
    await openEvesPage();
    const details = byLabel(document, 'Contact details');
    button(details, 'Mark inactive').click();
    await flush();
    byLabel(dialog(), 'Sold by a competitor').click();
    button(dialog(), 'Mark inactive').click();
    await flush(6);
    assert.equal(status(), 'Eve Park is now an inactive customer (sold by a competitor).');
    assert.ok(button(details, 'Why did they leave?'), 'an inactive customer can still say why');
  });

  test('a customer made inactive from the Edit form is asked why too', async () => {
    tauri.respond('list_stages', [{ key: 'customer', label: 'Customer' }, { key: 'inactive_customer', label: 'Inactive customer' }]);
    serveEvesPage();
    tauri.respond('update_contact', fullContact(3, 'Eve Park', { stage: 'inactive_customer', stageLabel: 'Inactive customer' }));
    tauri.respond('record_departure', outcome('product_or_price', 'Product or price'));
    await openEvesPage();
    button(byLabel(document, 'Contact details'), 'Edit').click();
    await flush(4);
    const stage = byLabel(document, 'Stage');
    stage.value = 'inactive_customer';
    stage.dispatchEvent(new window.Event('change'));
    button(document, 'Save').click();
    await flush(6);
    assert.equal(tauri.callsTo('update_contact').length, 1);
    assert.ok(dialog(), 'asked why she left');
    byLabel(dialog(), 'Product or price').click();
    button(dialog(), 'Save').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('record_departure')[0].args.draft, { contactId: 3, reason: 'product_or_price', note: '' });
    assert.equal(dialog(), null);
  });

  test('an edit that keeps her a customer asks nothing', async () => {
    serveEvesPage();
    tauri.respond('update_contact', fullContact(3, 'Eve Parker', { stage: 'customer', stageLabel: 'Customer' }));
    await openEvesPage();
    button(byLabel(document, 'Contact details'), 'Edit').click();
    await flush(4);
    button(document, 'Save').click();
    await flush(6);
    assert.equal(tauri.callsTo('update_contact').length, 1);
    assert.equal(dialog(), null);
  });
});
