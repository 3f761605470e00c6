// ui/app.js and ui/views/settings.js: the sidebar switches views, app-wide keys reach the
// visible view (not while a dialog is open), tend://changed redraws what is showing, Quick
// add sits above every view (Ctrl+K, q, tend://quick-add), and a clicked notification
// (tend://open-followup) opens its follow-up.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, queryByLabel, button, press,
  listItem, serveContacts, type,
} from './harness.mjs';

describe('ui/app.js and ui/views/settings.js', () => {
  let env;
  let document;
  let tauri;

  beforeEach(async () => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
    serveContacts(tauri, [listItem(1, 'Ann Lee'), listItem(2, 'Bo Chen')]);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    tauri.respond('get_settings', { phoneRegion: 'GB', dataFile: '/home/ann/.local/share/tend/tend.sqlite3' });
    // A fresh app.js per test: it wires itself to the document it finds at import time.
    await importUi('app.js', { fresh: true });
    await flush();
  });
  afterEach(teardown);

  const sections = () => byLabel(document, 'Sections');
  const main = () => document.getElementById('main');
  const status = () => document.getElementById('status').textContent;

  async function go(section) {
    button(sections(), section).click();
    await flush();
  }

  test('the app starts on one section, marked aria-current=page', () => {
    const current = [...sections().querySelectorAll('button')].filter((b) => b.getAttribute('aria-current') === 'page');
    assert.equal(current.length, 1);
    assert.ok(main().children.length > 0, 'a view is showing');
  });

  test('the sidebar switches views and moves aria-current', async () => {
    await go('Settings');
    assert.equal(button(sections(), 'Settings').getAttribute('aria-current'), 'page');
    assert.equal(button(sections(), 'Contacts').hasAttribute('aria-current'), false);
    assert.equal(main().querySelector('h1').textContent, 'Settings');
    assert.equal(queryByLabel(document, 'Search contacts'), null, 'the old view is gone');

    await go('Contacts');
    assert.equal(button(sections(), 'Contacts').getAttribute('aria-current'), 'page');
    assert.ok(byLabel(document, 'Search contacts'));
    assert.equal(byLabel(document, 'Contact list').querySelectorAll('li').length, 2);
  });

  test('clicking the section already showing does not mount it again', async () => {
    await go('Contacts');
    const before = tauri.callsTo('list_contacts').length;
    const search = byLabel(document, 'Search contacts');
    await go('Contacts');
    assert.equal(tauri.callsTo('list_contacts').length, before);
    assert.equal(byLabel(document, 'Search contacts'), search);
  });

  test('app-wide keys reach the visible view: / focuses Search contacts, n opens the form', async () => {
    await go('Contacts');
    press(document.body, '/');
    assert.equal(document.activeElement, byLabel(document, 'Search contacts'));
    document.activeElement.blur();
    press(document.body, 'n');
    assert.ok(byLabel(document, 'Contact form'));
    assert.equal(document.activeElement, byLabel(document, 'Name'));
  });

  test('while a modal dialog is open, single-key shortcuts do nothing', async () => {
    await go('Contacts');
    const dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', 'Something modal');
    document.body.append(dialog);
    dialog.showModal();
    press(document.body, 'n');
    assert.equal(queryByLabel(document, 'Contact form'), null);
  });

  test('tend://changed refreshes the visible view', async () => {
    await go('Contacts');
    tauri.clearCalls();
    serveContacts(tauri, [listItem(1, 'Ann Lee'), listItem(2, 'Bo Chen'), listItem(3, 'Cy New')]);
    assert.equal(tauri.listenerCount('tend://changed'), 1);
    tauri.emit('tend://changed');
    await flush();
    assert.equal(tauri.callsTo('list_contacts').length, 1);
    assert.equal(byLabel(document, 'Contact list').querySelectorAll('li').length, 3);

    await go('Settings');
    tauri.respond('get_settings', { phoneRegion: 'DE', dataFile: '/moved/tend.sqlite3' });
    tauri.clearCalls();
    tauri.emit('tend://changed');
    await flush();
    assert.equal(byLabel(document, 'Default phone region').value, 'DE', 'Settings redrew');
    assert.match(main().textContent, /\/moved\/tend\.sqlite3/);
    assert.equal(tauri.callsTo('list_contacts').length, 0, 'the hidden Contacts view did not reload');
  });

  test('Settings shows the region and data file from get_settings', async () => {
    await go('Settings');
    const region = byLabel(document, 'Default phone region');
    assert.equal(region.value, 'GB');
    assert.match(main().textContent, /\/home\/ann\/\.local\/share\/tend\/tend\.sqlite3/);
  });

  test('Settings: choosing a region saves it with set_setting and says so', async () => {
    tauri.respond('set_setting', null);
    await go('Settings');
    const region = byLabel(document, 'Default phone region');
    region.value = 'DE';
    region.dispatchEvent(new env.window.Event('change', { bubbles: true }));
    await flush();
    assert.deepStrictEqual(tauri.callsTo('set_setting').map((c) => c.args), [{ key: 'phoneRegion', value: 'DE' }]);
    assert.equal(status(), 'Default phone region: Germany (DE)');
  });

  test('Settings: a rejected region change rolls the choice back and says why', async () => {
    tauri.fail('set_setting', { kind: 'invalid', field: 'value', message: 'Unknown region' });
    await go('Settings');
    const region = byLabel(document, 'Default phone region');
    region.value = 'DE';
    region.dispatchEvent(new env.window.Event('change', { bubbles: true }));
    await flush();
    assert.equal(region.value, 'GB');
    assert.equal(status(), 'Couldn’t change the phone region: Unknown region');
  });

  test('Quick add sits above the views, once, and stays when the view changes', async () => {
    const quick = byLabel(document, 'Quick add');
    assert.ok(byLabel(document, 'Quick add preview'));
    assert.equal(main().contains(quick), false, 'outside the view area');
    assert.ok(quick.compareDocumentPosition(main()) & env.window.Node.DOCUMENT_POSITION_FOLLOWING, 'above it');
    await go('Contacts');
    await go('Settings');
    assert.equal(byLabel(document, 'Quick add'), quick, 'the same field, with whatever it held');
  });

  test('Ctrl+K goes to Quick add from anywhere, even a text field; q only when not typing', async () => {
    await go('Contacts');
    const search = byLabel(document, 'Search contacts');
    search.focus();
    assert.equal(press(search, 'k', { ctrlKey: true }).defaultPrevented, true);
    assert.equal(document.activeElement, byLabel(document, 'Quick add'));

    search.focus();
    assert.equal(press(search, 'q').defaultPrevented, false, 'q is a letter while typing');
    assert.equal(document.activeElement, search);

    document.activeElement.blur();
    press(document.body, 'q');
    assert.equal(document.activeElement, byLabel(document, 'Quick add'));
  });

  test('Escape in Quick add goes back to the list, not into the text field she came from', async () => {
    await go('Contacts');
    const search = byLabel(document, 'Search contacts');
    search.focus();
    press(search, 'k', { ctrlKey: true });
    const quick = byLabel(document, 'Quick add');
    press(quick, 'Escape');
    assert.equal(document.activeElement, byLabel(document, 'Contact list').querySelector('li > button'));
  });

  test('a name in Quick add’s list opens that contact in Contacts', async () => {
    tauri.respond('preview_quick_add', ({ line }) => ({
      parsed: { name: 'Cy New', phones: [], emails: [], tags: [], stage: null, note: '', followup: null },
      text: line, duplicate: null, appliesCadence: true,
    }));
    const cy = { id: 3, name: 'Cy New', stage: 'lead', stageLabel: 'Lead', phone: '', email: '', notes: '', tags: [], archived: false, createdAt: '2026-11-23T14:00:00Z', updatedAt: '2026-11-23T14:00:00Z' };
    tauri.respond('quick_add', ({ line }) => ({ contact: cy, createdContact: true, followups: [], touchId: null, text: line }));
    tauri.respond('get_contact', cy);
    for (const cmd of ['contact_followups', 'contact_decisions', 'list_cadences']) tauri.respond(cmd, []);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet' });
    const quick = byLabel(document, 'Quick add');
    type(quick, 'Cy New');
    await flush();
    press(quick, 'Enter');
    await flush(6);
    button(document.querySelector('ul[aria-label="Added in this batch"]'), 'Cy New').click();
    await flush(8);
    assert.equal(button(sections(), 'Contacts').getAttribute('aria-current'), 'page');
    assert.equal(byLabel(document, 'Contact details').querySelector('h2').textContent, 'Cy New');
  });

  test('tend://quick-add focuses Quick add when this window is in front', async () => {
    document.hasFocus = () => true;
    tauri.emit('tend://quick-add');
    assert.equal(document.activeElement, byLabel(document, 'Quick add'));
  });

  test('tend://quick-add while this window is behind waits until it comes to the front', async () => {
    await go('Contacts');
    const search = byLabel(document, 'Search contacts');
    search.focus();
    document.hasFocus = () => false;
    tauri.emit('tend://quick-add');
    assert.equal(document.activeElement, search, 'focus left alone while another window answers');
    env.window.dispatchEvent(new env.window.FocusEvent('focus'));
    assert.equal(document.activeElement, byLabel(document, 'Quick add'), 'shown by the backend (fallback): focus goes there');
  });

  test('tend://open-followup with an id opens its contact with focus on that follow-up’s Done', async () => {
    const jane = { id: 1, name: 'Jane Doe', stage: 'lead', stageLabel: 'Lead', phone: '', email: '', notes: '', tags: [], archived: false, createdAt: '2026-11-23T14:00:00Z', updatedAt: '2026-11-23T14:00:00Z' };
    const due = {
      id: 12, contactId: 1, contactName: 'Jane Doe', promise: 'send samples', channel: 'call', channelLabel: 'Call',
      dueAt: '2026-11-23T13:00:00Z', dueLocal: '2026-11-23T13:00', hasTime: true, status: 'open', snoozedUntil: null,
      skipReason: null, completedAt: null, cadenceName: null,
    };
    tauri.respond('get_followup', due);
    tauri.respond('get_contact', jane);
    tauri.respond('contact_followups', [{ ...due, id: 11, promise: 'older' }, due]);
    tauri.respond('contact_touches', { touches: [], count: 0, countText: 'No touches yet' });
    tauri.respond('contact_decisions', []);
    tauri.respond('list_cadences', []);
    tauri.emit('tend://open-followup', 12);
    await flush(10);
    assert.deepEqual(tauri.callsTo('get_followup').map((c) => c.args), [{ id: 12 }]);
    assert.equal(button(sections(), 'Contacts').getAttribute('aria-current'), 'page');
    const done = document.activeElement;
    assert.equal(done.textContent, 'Done');
    assert.equal(document.getElementById(done.getAttribute('aria-describedby')).textContent, 'Call — send samples');
  });

  test('tend://open-followup with null (a catch-up summary) shows Today, focused on its heading', async () => {
    await go('Settings');
    tauri.emit('tend://open-followup', null);
    await flush();
    assert.equal(button(sections(), 'Today').getAttribute('aria-current'), 'page');
    assert.equal(document.activeElement, main().querySelector('h1'));
  });

  test('tend://open-followup for a follow-up that is gone says so and shows Today', async () => {
    await go('Settings');
    tauri.fail('get_followup', { kind: 'not_found', message: 'No follow-up 99' });
    tauri.emit('tend://open-followup', 99);
    await flush(6);
    assert.equal(button(sections(), 'Today').getAttribute('aria-current'), 'page');
    assert.equal(status(), 'Couldn’t open that follow-up: No follow-up 99');
  });

  test('Settings keeps a region it does not list instead of showing another', async () => {
    tauri.respond('get_settings', { phoneRegion: 'KR', dataFile: '/x' });
    await go('Settings');
    assert.equal(byLabel(document, 'Default phone region').value, 'KR');
  });
});
