// Referrals in the window: `Referred by` picked from the book, the Referrals section (who
// she referred, how many bought, what in all), a partner's sent and received, and the
// batch's Host sent with every quick-added guest.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, button, type,
  listItem, fullContact, serveContacts,
} from './harness.mjs';

const NOW = '2026-02-10T10:00:00Z';

function referrals(extra = {}) {
  return {
    referredBy: { id: 2, name: 'Sara Jones' },
    referred: [
      { id: 5, name: 'Jen Park', stage: 'lead', stageLabel: 'Lead', purchases: 0, spentCents: 0 },
      { id: 6, name: 'Maria Lopez', stage: 'new_customer', stageLabel: 'New customer', purchases: 2, spentCents: 7350 },
    ],
    tally: { referred: 2, bought: 1, spentCents: 7350 },
    isPartner: false, sentToPartner: [], currency: 'EUR',
    ...extra,
  };
}

describe('referrals in the window', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(1, 'Chen Wei'), listItem(2, 'Sara Jones'), listItem(3, 'Sarah Lee'), listItem(7, 'Jane Doe')]);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    tauri.respond('get_contact', fullContact(1, 'Chen Wei'));
    tauri.respond('get_settings', { phoneRegion: 'US', defaultTime: '09:00', timeZone: 'UTC', dataFile: '/x' });
    tauri.respond('get_today', {
      date: '2026-02-10', now: NOW, nextDayAt: '2026-02-11T00:00:00Z', overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [],
      counts: { overdue: 0, dueToday: 0, upcoming: 0, goingCold: 0, maybes: 0 },
    });
    for (const cmd of ['contact_followups', 'contact_decisions', 'list_cadences']) tauri.respond(cmd, []);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet' });
    tauri.respond('contact_purchases', { purchases: [], totals: { purchases: 0, lifetimeCents: 0, lastBoughtOn: null, daysSinceLast: null }, reorders: [], currency: 'EUR' });
    tauri.respond('contact_events', []);
    tauri.respond('contact_referrals', referrals());
    await importUi('app.js', { fresh: true });
    await flush(6);
  });
  afterEach(teardown);

  const status = () => document.getElementById('status').textContent;

  async function openChen() {
    button(byLabel(document, 'Sections'), 'Contacts').click();
    await flush(4);
    [...byLabel(document, 'Contact list').querySelectorAll('li > button')][0].click();
    await flush(8);
    return byLabel(document, 'Contact details');
  }

  test('the Referrals section adds up who she referred, and names open them', async () => {
    const details = await openChen();
    assert.equal(byLabel(details, 'Referred by').value, 'Sara Jones');
    assert.match(details.textContent, /Referred 2 · 1 bought · €73\.50 in all/);
    const guests = byLabel(details, 'Referred by her');
    assert.match(guests.textContent, /Jen Park · Lead · not bought yet/);
    assert.match(guests.textContent, /Maria Lopez · New customer · bought 2 times, €73\.50/);
    tauri.respond('get_contact', fullContact(6, 'Maria Lopez'));
    button(guests, 'Maria Lopez').click();
    await flush(8);
    assert.equal(byLabel(document, 'Contact details').querySelector('h2').textContent, 'Maria Lopez');
  });

  test('Referred by is picked from the book by name; a name that is no one is said, nothing sent', async () => {
    tauri.respond('set_referred_by', ({ contactId, referrerId }) => fullContact(contactId, 'Chen Wei', { referredBy: { id: referrerId, name: 'Jane Doe' } }));
    const details = await openChen();
    const field = byLabel(details, 'Referred by');
    type(field, 'Nobody Here');
    await flush(4);
    button(details, 'Save referrer').click();
    await flush(4);
    assert.equal(tauri.callsTo('set_referred_by').length, 0);
    assert.equal(field.getAttribute('aria-invalid'), 'true');
    assert.match(details.textContent, /No one in Tend is called “Nobody Here”/);
    type(field, 'Jane Doe');
    await flush(4);
    assert.deepEqual([...document.getElementById(field.getAttribute('list')).options].map((o) => o.value), ['Jane Doe']);
    button(details, 'Save referrer').click();
    await flush(4);
    assert.deepStrictEqual(tauri.callsTo('set_referred_by')[0].args, { contactId: 1, referrerId: 7 });
    assert.equal(status(), 'Chen Wei was referred by Jane Doe');
  });

  test('a partner shows sent and received, and records a customer she sent her', async () => {
    tauri.respond('contact_referrals', referrals({
      isPartner: true,
      sentToPartner: [{ id: 1, partnerId: 1, contact: { id: 7, name: 'Jane Doe' }, note: 'tea tasting', referredOn: '2026-02-01' }],
    }));
    tauri.respond('record_partner_referral', { id: 2, partnerId: 1, contact: null, note: 'Bo, for a tasting', referredOn: '2026-02-10' });
    const details = await openChen();
    assert.match(details.textContent, /Sent 2, received 1/);
    assert.match(byLabel(details, 'Sent to her').textContent, /Jane Doe · tea tasting/);
    const form = byLabel(details, 'Sent her a customer');
    type(byLabel(form, 'What for'), 'Bo, for a tasting');
    button(form, 'Record referral').click();
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('record_partner_referral')[0].args, { draft: { partnerId: 1, contactId: null, note: 'Bo, for a tasting' } });
    assert.equal(status(), 'Recorded: you sent a customer to Chen Wei');
  });

  test('the batch Host goes with every line and the preview names her', async () => {
    tauri.respond('preview_quick_add', ({ line }) => ({
      parsed: { name: line }, text: line, duplicate: null, appliesCadence: true,
      referrer: { id: 2, name: 'Sara Jones' }, referrerNote: 'Sara Jones is the host: referred by her',
    }));
    button(document, 'Batch').click();
    type(byLabel(document, 'Met at'), 'Sara’s party');
    type(byLabel(document, 'Host'), 'Sara');
    type(byLabel(document, 'Quick add'), 'Maria Lopez');
    await flush(6);
    assert.equal(tauri.callsTo('preview_quick_add').at(-1).args.batch.host, 'Sara');
    assert.match(byLabel(document, 'Quick add preview').textContent, /Sara Jones is the host: referred by her/);
  });
});
