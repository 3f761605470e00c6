// ui/app.js and ui/views/settings.js: the sidebar switches views, app-wide keys reach the
// visible view (not while a dialog is open), and tend://changed redraws what is showing.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, queryByLabel, button, press,
  listItem, serveContacts,
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

  test('Settings keeps a region it does not list instead of showing another', async () => {
    tauri.respond('get_settings', { phoneRegion: 'KR', dataFile: '/x' });
    await go('Settings');
    assert.equal(byLabel(document, 'Default phone region').value, 'KR');
  });
});
