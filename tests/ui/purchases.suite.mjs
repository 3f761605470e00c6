// Purchases in the window: the product list in Settings, Record purchase on a contact
// (products, quantity, a phrase for the day, errors by their field), "Bought" in the
// decision form followed by its purchase, and the contact's Purchases section.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, button, queryButton, type,
  listItem, fullContact, serveContacts,
} from './harness.mjs';

const NOW = '2026-02-10T10:00:00Z';
const PRODUCTS = [
  { id: 1, name: 'Lavender oil', supplyDays: 30, priceCents: 2450, archived: false },
  { id: 2, name: 'Candle', supplyDays: 90, priceCents: 1800, archived: false },
  { id: 3, name: 'Old soap', supplyDays: null, priceCents: null, archived: true },
];

function reminder(extra = {}) {
  return {
    id: 40, contactId: 1, contactName: 'Maria Lopez', promise: 'Maria’s Lavender oil runs out around 12 Mar — offer a re-order',
    channel: 'call', channelLabel: 'Call', dueAt: '2026-03-09T09:00:00Z', dueLocal: '2026-03-09T09:00', hasTime: false,
    status: 'open', snoozedUntil: null, skipReason: null, completedAt: null, cadenceName: null, notifiedAt: null, reorderOf: 1,
    ...extra,
  };
}

function outcome(extra = {}) {
  return {
    purchase: { id: 5, contactId: 1, boughtOn: '2026-02-09', summary: 'Lavender oil ×2', lines: [], amountCents: 4900, note: '' },
    decision: { decision: { id: 9, kind: 'bought', label: 'Bought' }, stage: 'new_customer', stoppedCadences: [], startedCadence: 'New customer care' },
    stage: 'new_customer', stageLabel: 'New customer', closedReminders: 0, reminders: [reminder()],
    ...extra,
  };
}

function history(extra = {}) {
  return {
    purchases: [{ id: 5, contactId: 1, boughtOn: '2025-12-25', summary: 'Lavender oil ×2', lines: [], amountCents: 4900, note: 'gift for her sister' }],
    totals: { purchases: 1, lifetimeCents: 4900, lastBoughtOn: '2025-12-25', daysSinceLast: 47 },
    reorders: [{ productId: 1, productName: 'Lavender oil', lastBoughtOn: '2025-12-25', runsOutOn: '2026-02-23', remindOn: '2026-02-20', basis: { kind: 'supply', days: 60 }, basisText: 'from 60 days of supply' }],
    currency: 'EUR',
    ...extra,
  };
}

describe('purchases in the window', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(1, 'Maria Lopez')]);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }, { key: 'new_customer', label: 'New customer' }]);
    tauri.respond('get_contact', fullContact(1, 'Maria Lopez'));
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x', currency: 'EUR', reorderLeadDays: 3, eventNoticeDays: 0 });
    tauri.respond('get_today', {
      date: '2026-02-10', now: NOW, nextDayAt: '2026-02-11T00:00:00Z', overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [],
      counts: { overdue: 0, dueToday: 0, upcoming: 0, goingCold: 0, maybes: 0 },
    });
    tauri.respond('contact_followups', []);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet' });
    tauri.respond('contact_decisions', []);
    tauri.respond('list_cadences', []);
    tauri.respond('list_products', PRODUCTS);
    tauri.respond('contact_purchases', history());
    tauri.respond('contact_events', []);
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
    await flush(6);
  }

  test('Settings keeps her product list: add one with its days of supply and price', async () => {
    tauri.respond('save_product', (args) => ({ id: 4, name: 'Bath salts', supplyDays: 45, priceCents: 1200, archived: false, args }));
    button(byLabel(document, 'Sections'), 'Settings').click();
    await flush(6);
    const list = byLabel(document, 'Your products');
    assert.match(list.textContent, /Lavender oil · lasts 30 days · €24\.50/);
    assert.match(list.textContent, /Old soap.*Archived/);
    type(byLabel(main(), 'Product name'), 'Bath salts');
    type(byLabel(main(), 'Days of supply'), '45');
    type(byLabel(main(), 'Price'), '12');
    button(main(), 'Add product').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('save_product')[0].args, { id: null, draft: { name: 'Bath salts', supplyDays: '45', price: '12' } });
    assert.equal(status(), 'Added Bath salts to your products');
    assert.equal(byLabel(main(), 'Product name').value, '', 'the form is ready for the next one');
  });

  test('a product name already on the list is said next to the name, nothing typed is lost', async () => {
    tauri.fail('save_product', { kind: 'invalid', field: 'name', message: '“Candle” is already on your product list.' });
    button(byLabel(document, 'Sections'), 'Settings').click();
    await flush(6);
    type(byLabel(main(), 'Product name'), 'Candle');
    button(main(), 'Add product').click();
    await flush(6);
    const name = byLabel(main(), 'Product name');
    assert.equal(name.getAttribute('aria-invalid'), 'true');
    assert.match(document.getElementById(name.getAttribute('aria-describedby').split(' ')[0]).textContent, /already on your product list/);
    assert.equal(name.value, 'Candle');
  });

  test('Record purchase: two of a product, bought yesterday, says what it set in motion', async () => {
    tauri.respond('record_purchase', outcome());
    await openMaria();
    const details = byLabel(document, 'Contact details');
    assert.match(details.textContent, /1 purchase · lifetime value €49\.00 · last bought 47 days ago/);
    assert.match(details.textContent, /Lavender oil runs out around Mon 23 Feb/);
    assert.match(details.textContent, /from 60 days of supply/);
    button(details, 'Record purchase').click();
    await flush(6);
    const form = byLabel(document, 'Record purchase');
    const product = byLabel(form, 'Product');
    assert.deepEqual([...product.options].map((o) => o.textContent), ['Lavender oil', 'Candle'], 'archived ones are not offered');
    assert.equal(document.activeElement, product);
    type(byLabel(form, 'Quantity'), '2');
    assert.match(form.textContent, /empty = €49\.00 at your list prices/);
    type(byLabel(form, 'Bought on'), 'yesterday');
    button(form, 'Save purchase').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('record_purchase')[0].args.draft, {
      contactId: 1, items: [{ productId: 1, quantity: 2 }], date: 'yesterday', amount: '', note: '', decisionId: null,
    });
    assert.match(status(), /^Recorded: Lavender oil ×2, €49\.00\. Stage is now New customer\. Started: New customer care\. Re-order reminder: Mon 9 Mar\.$/);
    assert.equal(queryButton(document, 'Save purchase'), null, 'the form closed');
  });

  test('a second product row, and a day the backend cannot read shown by "Bought on"', async () => {
    tauri.fail('record_purchase', { kind: 'invalid', field: 'date', message: '“when she paid” is not a day Tend can read.' });
    await openMaria();
    button(byLabel(document, 'Contact details'), 'Record purchase').click();
    await flush(6);
    const form = byLabel(document, 'Record purchase');
    button(form, 'Add another product').click();
    const second = byLabel(form, 'Product 2');
    assert.equal(document.activeElement, second);
    second.value = '2';
    type(byLabel(form, 'Bought on'), 'when she paid');
    button(form, 'Save purchase').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('record_purchase')[0].args.draft.items,
      [{ productId: 1, quantity: 1 }, { productId: 2, quantity: 1 }]);
    const day = byLabel(form, 'Bought on');
    assert.equal(day.getAttribute('aria-invalid'), 'true');
    assert.equal(document.activeElement, day);
    assert.equal(day.value, 'when she paid');
  });

  test('"Bought" in the decision form goes on to its purchase, which details that decision', async () => {
    tauri.respond('record_decision', {
      decision: { id: 9, contactId: 1, kind: 'bought', label: 'Bought', note: 'at the party', revisitOn: null, decidedAt: NOW },
      stage: 'new_customer', stageLabel: 'New customer', stoppedCadences: [], startedCadence: 'New customer care', revisit: null,
    });
    tauri.respond('record_purchase', outcome({ decision: null }));
    await openMaria();
    button(byLabel(document, 'Contact details'), 'Record decision').click();
    await flush(4);
    const decision = byLabel(document, 'Record decision');
    byLabel(decision, 'Decision').value = 'bought';
    button(decision, 'Save decision').click();
    await flush(8);
    const form = byLabel(document, 'Record purchase');
    assert.match(main().textContent, /Recorded: Bought\. What did Maria Lopez buy\?/);
    assert.equal(byLabel(form, 'Note').value, 'at the party', 'pre-filled from the decision');
    button(form, 'Save purchase').click();
    await flush(6);
    assert.equal(tauri.callsTo('record_purchase')[0].args.draft.decisionId, 9);
  });

  test('with no products yet the form says so and leads to Settings', async () => {
    tauri.respond('list_products', []);
    await openMaria();
    button(byLabel(document, 'Contact details'), 'Record purchase').click();
    await flush(6);
    const form = byLabel(document, 'Record purchase');
    assert.match(form.textContent, /No products on your list yet/);
    assert.equal(button(form, 'Save purchase').disabled, true);
    button(form, 'Add products in Settings').click();
    await flush(6);
    assert.ok(byLabel(document, 'Your products'), 'Settings with the product list');
  });
});
