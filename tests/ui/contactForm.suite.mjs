// ui/views/contactForm.js: what is sent, and how a rejection from Rust is shown:
// next to its field (aria-invalid + aria-describedby) or for the whole form (role=alert).

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, teardown, flush, byLabel, button, allByRole, type, press, fullContact,
} from './harness.mjs';

describe('ui/views/contactForm.js', () => {
  const STAGES = [{ key: 'lead', label: 'Lead' }, { key: 'client', label: 'Client' }, { key: 'inactive', label: 'Inactive' }];
  const EMAIL_ERROR = { kind: 'invalid', field: 'email', message: '“x” isn’t a valid email address' };

  let env;
  let document;
  let tauri;
  let formModule;
  let saved;
  let cancelled;

  beforeEach(async () => {
    env = installDom();
    ({ document, tauri } = env);
    tauri.respond('list_stages', STAGES);
    // A fresh module per test: it caches the stages between forms.
    formModule = await importUi('views/contactForm.js', { fresh: true });
    saved = [];
    cancelled = 0;
  });
  afterEach(teardown);

  async function openForm(contact = null) {
    const form = formModule.createContactForm({
      contact,
      onSaved: (c) => saved.push(c),
      onCancel: () => { cancelled++; },
    });
    document.body.append(form.element);
    await flush();
    return form;
  }

  const field = (label) => byLabel(document, label);
  const alertText = () => allByRole(document, 'alert').map((a) => a.textContent).join('');

  /** The text of the elements a control's aria-describedby points to. */
  function description(control) {
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => {
      const node = document.getElementById(id);
      assert.ok(node, `aria-describedby points to #${id}, which exists`);
      return node.textContent;
    });
  }

  async function fillAndSave(values) {
    for (const [label, value] of Object.entries(values)) type(field(label), value);
    button(document, 'Save').click();
    await flush();
  }

  test('the form is labelled, its fields found by their labels, with stages from the backend', async () => {
    await openForm();
    assert.ok(byLabel(document, 'Contact form'));
    for (const label of ['Name', 'Phone', 'Email', 'Stage', 'Tags', 'Notes']) assert.ok(field(label), label);
    const stage = field('Stage');
    assert.deepEqual([...stage.options].map((o) => [o.value, o.textContent]),
      STAGES.map((s) => [s.key, s.label]));
    assert.equal(stage.value, 'lead', 'a new contact starts as a lead');
    assert.deepEqual(description(field('Tags')), ['comma-separated']);
    assert.equal(tauri.callsTo('list_stages').length, 1);
  });

  test('Save sends create_contact with the typed draft; tags are split and trimmed', async () => {
    tauri.respond('create_contact', ({ draft }) => fullContact(41, draft.name));
    await openForm();
    field('Stage').value = 'client';
    await fillAndSave({
      Name: 'Jan Novák', Phone: '+1 555 0100', Email: 'jan@example.com', Tags: ' vip, , golf ,', Notes: 'Met at <b>expo</b>',
    });
    assert.deepStrictEqual(tauri.callsTo('create_contact').map((c) => c.args), [{
      draft: {
        name: 'Jan Novák', phone: '+1 555 0100', email: 'jan@example.com', stage: 'client',
        notes: 'Met at <b>expo</b>', tags: ['vip', 'golf'], keepInTouchDays: null, keepPhoneAsTyped: false,
      },
    }]);
    assert.equal(saved.length, 1);
    assert.equal(saved[0].id, 41);
  });

  test('Keep in touch every (days) is sent as a number, empty as null, and its error shows by it', async () => {
    const WINDOW_ERROR = { kind: 'invalid', field: 'keepInTouchDays', message: 'Keep in touch every 1 to 3650 days.' };
    tauri.fail('create_contact', WINDOW_ERROR);
    await openForm();
    await fillAndSave({ Name: 'Jan', 'Keep in touch every (days)': '0' });
    const window = field('Keep in touch every (days)');
    assert.equal(window.getAttribute('aria-invalid'), 'true');
    assert.ok(description(window).includes(WINDOW_ERROR.message));
    assert.equal(tauri.callsTo('create_contact')[0].args.draft.keepInTouchDays, 0);

    tauri.respond('create_contact', ({ draft }) => fullContact(42, draft.name));
    await fillAndSave({ 'Keep in touch every (days)': '10' });
    assert.equal(tauri.callsTo('create_contact')[1].args.draft.keepInTouchDays, 10);
  });

  test('an invalid email is shown next to Email: aria-invalid, aria-describedby, values kept', async () => {
    tauri.fail('create_contact', EMAIL_ERROR);
    await openForm();
    await fillAndSave({ Name: 'Jan', Phone: '555 0100', Email: 'x', Tags: 'a, b', Notes: 'hello' });

    const email = field('Email');
    assert.equal(email.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(description(email), [EMAIL_ERROR.message]);
    const message = document.getElementById(email.getAttribute('aria-describedby'));
    assert.ok(byLabel(document, 'Contact form').contains(message), 'the message is in the form');
    assert.equal(message.hidden, false);
    assert.equal(document.activeElement, email, 'focus goes to the field to fix');
    // What was typed stays.
    assert.equal(field('Name').value, 'Jan');
    assert.equal(field('Phone').value, '555 0100');
    assert.equal(email.value, 'x');
    assert.equal(field('Tags').value, 'a, b');
    assert.equal(field('Notes').value, 'hello');
    // Only Email is marked, nothing said for the whole form, and nothing was saved.
    assert.deepEqual(['Name', 'Phone', 'Stage', 'Tags', 'Notes'].filter((l) => field(l).hasAttribute('aria-invalid')), []);
    assert.equal(alertText(), '');
    assert.deepEqual(saved, []);
  });

  test('after a field error, a successful resubmit clears it', async () => {
    tauri.fail('create_contact', EMAIL_ERROR);
    await openForm();
    await fillAndSave({ Name: 'Jan', Email: 'x' });
    assert.equal(field('Email').getAttribute('aria-invalid'), 'true');

    tauri.respond('create_contact', ({ draft }) => fullContact(7, draft.name, { email: draft.email }));
    await fillAndSave({ Email: 'jan@example.com' });

    const email = field('Email');
    assert.equal(email.hasAttribute('aria-invalid'), false);
    assert.equal(email.hasAttribute('aria-describedby'), false);
    assert.ok(!document.body.textContent.includes(EMAIL_ERROR.message), 'the message is gone');
    assert.equal(tauri.callsTo('create_contact').at(-1).args.draft.email, 'jan@example.com');
    assert.deepEqual(saved.map((c) => c.id), [7]);
  });

  test('an impossible number: the warning under Phone, then Keep as typed sends it as typed', async () => {
    const WARNING = '“555-01734” is not a possible phone number in US (+1): it has 8 digits, and numbers there have 10. Check it, or keep it as typed.';
    tauri.fail('create_contact', { kind: 'invalid', field: 'phone', message: WARNING });
    await openForm();
    assert.equal(document.querySelector('.keep-phone').hidden, true, 'no choice before there is a reason');
    await fillAndSave({ Name: 'Tom Reyes', Phone: '555-01734' });
    assert.deepEqual(description(field('Phone')), [WARNING]);
    assert.equal(tauri.callsTo('create_contact')[0].args.draft.keepPhoneAsTyped, false);
    const keep = field('Keep as typed');
    assert.equal(keep.checked, false, 'she chooses; nothing is kept for her');
    keep.click();
    tauri.respond('create_contact', ({ draft }) => fullContact(8, draft.name, { phone: draft.phone, phoneE164: null }));
    button(document, 'Save').click();
    await flush();
    assert.equal(tauri.callsTo('create_contact')[1].args.draft.keepPhoneAsTyped, true);
    assert.equal(tauri.callsTo('create_contact')[1].args.draft.phone, '555-01734', 'as typed');
    assert.deepEqual(saved.map((c) => c.id), [8]);
  });

  test('a changed number is checked afresh: Keep as typed is cleared', async () => {
    tauri.fail('create_contact', { kind: 'invalid', field: 'phone', message: '“555-0142” has no area code. Type it with its area code, set a default area code in Settings, or keep it as typed.' });
    await openForm();
    await fillAndSave({ Name: 'Jane', Phone: '555-0142' });
    field('Keep as typed').click();
    type(field('Phone'), '(415) 555-0142');
    assert.equal(document.querySelector('.keep-phone').hidden, true);
    tauri.respond('create_contact', ({ draft }) => fullContact(9, draft.name));
    button(document, 'Save').click();
    await flush();
    assert.equal(tauri.callsTo('create_contact')[1].args.draft.keepPhoneAsTyped, false);
  });

  test('a second error replaces the first instead of piling up', async () => {
    tauri.fail('create_contact', EMAIL_ERROR);
    await openForm();
    await fillAndSave({ Name: 'Jan', Email: 'x' });
    tauri.fail('create_contact', { kind: 'invalid', field: 'phone', message: 'That phone number is too short' });
    await fillAndSave({ Email: 'jan@example.com', Phone: '12' });

    assert.equal(field('Email').hasAttribute('aria-invalid'), false);
    assert.equal(field('Phone').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(description(field('Phone')), ['That phone number is too short']);
    assert.ok(!document.body.textContent.includes(EMAIL_ERROR.message));
  });

  test('a Tags error keeps the field’s hint in aria-describedby, and clearing restores just the hint', async () => {
    tauri.fail('create_contact', { kind: 'invalid', field: 'tags', message: 'A tag can be at most 40 characters' });
    await openForm();
    await fillAndSave({ Name: 'Jan', Tags: 'x'.repeat(41) });
    const tags = field('Tags');
    assert.equal(tags.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(description(tags), ['A tag can be at most 40 characters', 'comma-separated']);

    tauri.respond('create_contact', ({ draft }) => fullContact(3, draft.name));
    await fillAndSave({ Tags: 'short' });
    assert.equal(tags.hasAttribute('aria-invalid'), false);
    assert.deepEqual(description(tags), ['comma-separated']);
  });

  test('an error message that contains markup is shown as text', async () => {
    tauri.fail('create_contact', { kind: 'invalid', field: 'email', message: '“<img src=x onerror=alert(1)>” isn’t a valid email address' });
    await openForm();
    await fillAndSave({ Name: 'Jan', Email: '<img src=x onerror=alert(1)>' });
    assert.equal(document.querySelector('img'), null);
    assert.deepEqual(description(field('Email')), ['“<img src=x onerror=alert(1)>” isn’t a valid email address']);
  });

  test('a non-field error (storage) is shown for the whole form in role=alert', async () => {
    tauri.fail('create_contact', { kind: 'storage', message: 'The database is locked. Nothing was saved.' });
    await openForm();
    await fillAndSave({ Name: 'Jan', Email: 'jan@example.com' });
    const alerts = allByRole(document, 'alert').filter((a) => a.textContent);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].textContent, 'The database is locked. Nothing was saved.');
    assert.ok(byLabel(document, 'Contact form').contains(alerts[0]));
    assert.deepEqual(['Name', 'Phone', 'Email', 'Stage', 'Tags', 'Notes']
      .filter((l) => field(l).hasAttribute('aria-invalid')), []);
    assert.equal(field('Name').value, 'Jan');
    assert.deepEqual(saved, []);

    tauri.respond('create_contact', ({ draft }) => fullContact(9, draft.name));
    await fillAndSave({});
    assert.equal(alertText(), '', 'cleared on the next try');
    assert.equal(saved.length, 1);
  });

  test('an invalid error naming no field of the form, or a bare Tauri string, goes to role=alert too', async () => {
    tauri.fail('create_contact', { kind: 'invalid', field: 'birthday', message: 'Birthday is not a date' });
    await openForm();
    await fillAndSave({ Name: 'Jan' });
    assert.equal(alertText(), 'Birthday is not a date');

    tauri.fail('create_contact', 'command create_contact not found');
    await fillAndSave({});
    assert.equal(alertText(), 'command create_contact not found');
  });

  test('editing: fields start from the contact, update_contact gets its id as a number', async () => {
    const jan = fullContact(12, 'Jan', {
      phone: '555', email: 'jan@example.com', stage: 'client', stageLabel: 'Client', notes: 'n', tags: ['a', 'b'],
    });
    tauri.respond('update_contact', ({ id, draft }) => ({ ...jan, id, ...draft }));
    await openForm(jan);
    assert.equal(byLabel(document, 'Contact form').querySelector('h2').textContent, 'Edit contact');
    assert.equal(field('Name').value, 'Jan');
    assert.equal(field('Phone').value, '555');
    assert.equal(field('Email').value, 'jan@example.com');
    assert.equal(field('Stage').value, 'client');
    assert.equal(field('Tags').value, 'a, b');
    assert.equal(field('Notes').value, 'n');

    await fillAndSave({ Name: 'Jan Novák' });
    assert.deepStrictEqual(tauri.callsTo('update_contact').map((c) => c.args), [{
      id: 12, draft: { name: 'Jan Novák', phone: '555', email: 'jan@example.com', stage: 'client', notes: 'n', tags: ['a', 'b'], keepInTouchDays: null, keepPhoneAsTyped: false },
    }]);
    assert.equal(tauri.callsTo('create_contact').length, 0);
    assert.equal(saved[0].name, 'Jan Novák');
  });

  test('editing a contact whose stage is not offered keeps that stage', async () => {
    const old = fullContact(5, 'Old', { stage: 'legacy', stageLabel: 'Legacy' });
    await openForm(old);
    const stage = field('Stage');
    assert.equal(stage.value, 'legacy');
    assert.equal(stage.selectedOptions[0].textContent, 'Legacy');
  });

  test('a second Save while the first is in flight sends nothing more', async () => {
    tauri.hold('create_contact');
    await openForm();
    type(field('Name'), 'Jan');
    button(document, 'Save').click();
    button(document, 'Save').click();
    await flush();
    assert.equal(tauri.callsTo('create_contact').length, 1);
    tauri.pending('create_contact')[0].resolve(fullContact(1, 'Jan'));
    await flush();
    assert.equal(saved.length, 1);
    button(document, 'Save').click();
    await flush();
    assert.equal(tauri.callsTo('create_contact').length, 2, 'saving works again once the first is done');
  });

  test('Ctrl+Enter in Notes saves; plain Enter in Notes does not', async () => {
    tauri.respond('create_contact', ({ draft }) => fullContact(1, draft.name));
    await openForm();
    type(field('Name'), 'Jan');
    const notes = field('Notes');
    press(notes, 'Enter');
    await flush();
    assert.equal(tauri.callsTo('create_contact').length, 0);
    const event = press(notes, 'Enter', { ctrlKey: true });
    await flush();
    assert.equal(event.defaultPrevented, true);
    assert.equal(tauri.callsTo('create_contact').length, 1);
    press(notes, 'Enter', { metaKey: true });
    await flush();
    assert.equal(tauri.callsTo('create_contact').length, 2, 'Cmd+Enter too');
  });

  test('Cancel calls onCancel and sends nothing', async () => {
    await openForm();
    type(field('Name'), 'Jan');
    button(document, 'Cancel').click();
    assert.equal(cancelled, 1);
    assert.equal(tauri.calls.filter((c) => c.cmd !== 'list_stages').length, 0);
  });

  test('focus() puts the cursor in Name', async () => {
    const form = await openForm();
    form.focus();
    assert.equal(document.activeElement, field('Name'));
  });

  test('stages load once for many forms, and are fetched again after a failure', async () => {
    tauri.fail('list_stages', { kind: 'storage', message: 'Couldn’t read stages' });
    await openForm();
    assert.equal(alertText(), 'Couldn’t read stages', 'the failure is shown in the form');

    document.body.replaceChildren();
    tauri.respond('list_stages', STAGES);
    await openForm();
    await openForm();
    assert.equal(tauri.callsTo('list_stages').length, 2, 'one failed try, then one shared load');
    for (const stage of document.querySelectorAll('select')) assert.equal(stage.options.length, STAGES.length);
  });
});
