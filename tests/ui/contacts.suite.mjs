// ui/views/contacts.js: the list and the detail/form pane working together, as a person uses them.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, indexHtml, teardown, flush, byLabel, queryByLabel, button, queryButton, type, press,
  listItem, fullContact, serveContacts,
} from './harness.mjs';

describe('ui/views/contacts.js', () => {
  const STAGES = [{ key: 'lead', label: 'Lead' }, { key: 'client', label: 'Client' }];

  let env;
  let document;
  let tauri;
  let contacts; // id → full Contact, what get_contact answers
  let view;

  beforeEach(async () => {
    env = installDom({ html: indexHtml() });
    ({ document, tauri } = env);
    contacts = new Map([
      [1, fullContact(1, 'Ann Lee', { email: 'ann@example.com', tags: ['vip'] })],
      [2, fullContact(2, 'Bo Chen', { phone: '+1 555 0100', notes: 'Likes <b>tea</b>' })],
      [3, fullContact(3, '<img src=x onerror=alert(1)>')],
    ]);
    // The list always answers from `contacts` as it is at that moment.
    serveContacts(tauri, () => [...contacts.values()].map((c) => listItem(c.id, c.name, { archived: c.archived })));
    tauri.respond('list_stages', STAGES);
    tauri.respond('get_contact', ({ id }) => {
      if (!contacts.has(id)) throw { kind: 'not_found', message: `There is no contact ${id}.` };
      return contacts.get(id);
    });
    const { mount } = await importUi('views/contacts.js');
    view = mount(document.getElementById('main'));
    await flush();
  });
  afterEach(() => {
    view?.unmount?.();
    teardown();
  });

  const main = () => document.getElementById('main');
  const rows = () => [...byLabel(document, 'Contact list').querySelectorAll('li > button')];
  const row = (name) => rows().find((r) => r.querySelector('strong').textContent === name);
  const status = () => document.getElementById('status').textContent;
  const details = () => queryByLabel(document, 'Contact details');

  async function openRow(name) {
    row(name).click();
    await flush();
  }

  test('mounting shows the first page and the empty detail pane', async () => {
    assert.deepEqual(rows().map((r) => r.querySelector('strong').textContent),
      ['Ann Lee', 'Bo Chen', '<img src=x onerror=alert(1)>']);
    assert.match(main().textContent, /Pick someone from the list/);
    assert.equal(details(), null);
  });

  test('clicking a row asks get_contact for that id (a number) and shows the contact', async () => {
    await openRow('Bo Chen');
    assert.deepStrictEqual(tauri.callsTo('get_contact').map((c) => c.args), [{ id: 2 }]);
    const pane = details();
    assert.ok(pane);
    assert.equal(pane.querySelector('h2').textContent, 'Bo Chen');
    assert.match(pane.textContent, /\+1 555 0100/);
    assert.match(pane.textContent, /Likes <b>tea<\/b>/);
    assert.equal(pane.querySelector('b'), null, 'notes are text');
    assert.equal(row('Bo Chen').getAttribute('aria-current'), 'true');
  });

  test('a contact named like markup shows as text in the detail pane', async () => {
    await openRow('<img src=x onerror=alert(1)>');
    assert.equal(document.querySelector('img:not([alt=""])'), null, 'only the sidebar icon is an image');
    assert.equal(details().querySelector('h2').textContent, '<img src=x onerror=alert(1)>');
  });

  test('opening two rows quickly shows the one opened last, whatever answers first', async () => {
    tauri.hold('get_contact');
    row('Ann Lee').click();
    row('Bo Chen').click();
    const [ann, bo] = tauri.pending('get_contact');
    bo.resolve(contacts.get(2));
    await flush();
    ann.resolve(contacts.get(1));
    await flush();
    assert.equal(details().querySelector('h2').textContent, 'Bo Chen');
  });

  test('Edit, change, Save: update_contact, the detail shows the saved contact, the status says so', async () => {
    tauri.respond('update_contact', ({ id, draft }) => {
      const updated = { ...contacts.get(id), ...draft, updatedAt: '2024-06-01T10:00:00Z' };
      contacts.set(id, updated);
      return updated;
    });
    await openRow('Ann Lee');
    button(document, 'Edit').click();
    await flush();
    const name = byLabel(document, 'Name');
    assert.equal(document.activeElement, name, 'the form opens with focus in Name');
    assert.equal(name.value, 'Ann Lee');
    type(name, 'Ann Lee-Smith');
    tauri.clearCalls();
    button(document, 'Save').click();
    await flush();

    assert.deepEqual(tauri.callsTo('update_contact').map((c) => [c.args.id, c.args.draft.name]), [[1, 'Ann Lee-Smith']]);
    assert.equal(details().querySelector('h2').textContent, 'Ann Lee-Smith');
    assert.equal(document.activeElement, details().querySelector('h2'));
    assert.equal(status(), 'Saved Ann Lee-Smith');
    assert.equal(tauri.callsTo('list_contacts').length, 1, 'the list refreshed');
    assert.ok(row('Ann Lee-Smith'), 'with the new name');
  });

  test('a save that cleaned the name says so in the status line', async () => {
    tauri.respond('update_contact', ({ id }) => {
      // What Tend answers when it removed a zero-width space from "Ann\u200B Lee".
      const updated = { ...contacts.get(id), name: 'Ann Lee', notice: 'Removed 1 invisible character from the name.' };
      contacts.set(id, updated);
      return updated;
    });
    await openRow('Ann Lee');
    button(document, 'Edit').click();
    await flush();
    type(byLabel(document, 'Name'), 'Ann\u200B Lee');
    button(document, 'Save').click();
    await flush();
    assert.equal(status(), 'Saved Ann Lee. Removed 1 invisible character from the name.');
    assert.equal(details().querySelector('h2').textContent, 'Ann Lee');
  });

  test('a rejected save keeps the form open with the error next to the field', async () => {
    tauri.fail('update_contact', { kind: 'invalid', field: 'email', message: '“x” isn’t a valid email address' });
    await openRow('Ann Lee');
    button(document, 'Edit').click();
    await flush();
    type(byLabel(document, 'Email'), 'x');
    button(document, 'Save').click();
    await flush();
    const email = byLabel(document, 'Email');
    assert.equal(email.getAttribute('aria-invalid'), 'true');
    assert.equal(email.value, 'x');
    assert.equal(details(), null, 'still the form');
    assert.notEqual(status(), 'Saved Ann Lee');
  });

  test('New contact, then Cancel, returns to the empty pane with focus on New contact', async () => {
    button(document, 'New contact').click();
    await flush();
    assert.ok(byLabel(document, 'Contact form'));
    button(document, 'Cancel').click();
    assert.equal(queryByLabel(document, 'Contact form'), null);
    assert.match(main().textContent, /Pick someone from the list/);
    assert.equal(document.activeElement, button(document, 'New contact'));
  });

  test('Delete asks first; Cancel deletes nothing', async () => {
    await openRow('Bo Chen');
    button(document, 'Delete').click();
    const dialog = byLabel(document, 'Confirm delete');
    assert.equal(dialog.hasAttribute('open'), true);
    assert.match(dialog.textContent, /Delete Bo Chen\?/);
    assert.equal(document.activeElement, button(dialog, 'Cancel'), 'the safe choice has focus');
    button(dialog, 'Cancel').click();
    await flush();
    assert.equal(tauri.callsTo('delete_contact').length, 0);
    assert.equal(queryByLabel(document, 'Confirm delete'), null);
    assert.equal(details().querySelector('h2').textContent, 'Bo Chen');
  });

  test('Delete contact in the dialog deletes by id and empties the pane', async () => {
    tauri.respond('delete_contact', ({ id }) => {
      contacts.delete(id);
      return null;
    });
    await openRow('Bo Chen');
    button(document, 'Delete').click();
    button(byLabel(document, 'Confirm delete'), 'Delete contact').click();
    await flush();
    assert.deepStrictEqual(tauri.callsTo('delete_contact').map((c) => c.args), [{ id: 2 }]);
    assert.equal(details(), null);
    assert.equal(status(), 'Deleted Bo Chen');
    assert.equal(row('Bo Chen'), undefined);
    assert.ok(byLabel(document, 'Contact list').contains(document.activeElement), 'focus back in the list');
  });

  test('Archive calls set_archived and the button turns into Unarchive', async () => {
    tauri.respond('set_archived', ({ id, archived }) => {
      contacts.set(id, { ...contacts.get(id), archived });
      return contacts.get(id);
    });
    await openRow('Ann Lee');
    button(document, 'Archive').click();
    await flush();
    assert.deepStrictEqual(tauri.callsTo('set_archived').map((c) => c.args), [{ id: 1, archived: true }]);
    assert.ok(button(document, 'Unarchive'));
    assert.equal(queryButton(document, 'Archive'), null);
    assert.equal(status(), 'Archived Ann Lee');
  });

  test('a failed list load is said in the status line', async () => {
    tauri.fail('list_contacts', { kind: 'storage', message: 'database is locked' });
    type(byLabel(document, 'Search contacts'), 'a');
    await flush();
    assert.equal(status(), 'Couldn’t load contacts: database is locked');
  });

  test('shortcuts: / focuses search, n opens the form, typing in a field is left alone', async () => {
    let event = press(document.body, '/');
    view.onKey(event);
    assert.equal(document.activeElement, byLabel(document, 'Search contacts'));

    event = press(document.activeElement, 'n');
    view.onKey(event);
    assert.equal(queryByLabel(document, 'Contact form'), null, 'n typed in search is just a letter');

    event = press(document.body, 'n');
    view.onKey(event);
    assert.equal(event.defaultPrevented, true);
    assert.ok(byLabel(document, 'Contact form'));

    event = press(byLabel(document, 'Name'), 'Escape');
    view.onKey(event);
    assert.equal(queryByLabel(document, 'Contact form'), null, 'Escape closes the form');
  });

  test('a change elsewhere refreshes the list and the open contact, but never an open form', async () => {
    await openRow('Ann Lee');
    contacts.set(1, { ...contacts.get(1), name: 'Ann Renamed', updatedAt: '2024-07-01T00:00:00Z' });
    await view.refresh();
    await flush();
    assert.equal(details().querySelector('h2').textContent, 'Ann Renamed');
    assert.ok(row('Ann Renamed'));

    button(document, 'Edit').click();
    await flush();
    type(byLabel(document, 'Name'), 'typing…');
    tauri.clearCalls();
    await view.refresh();
    await flush();
    assert.equal(tauri.callsTo('get_contact').length, 0);
    assert.equal(byLabel(document, 'Name').value, 'typing…');
  });

  test('the open contact deleted elsewhere empties the pane on refresh', async () => {
    await openRow('Ann Lee');
    contacts.delete(1);
    await view.refresh();
    await flush();
    assert.equal(details(), null);
    assert.match(main().textContent, /Pick someone from the list/);
  });
});
