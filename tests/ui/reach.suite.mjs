// ui/views/reach.js on the contact page and on Today rows: every phone and email is an
// action — Call (tel:), Text (sms:), Email (mailto: with the promise as subject), Copy —
// and open_link is asked for exactly what the row shows.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, teardown, flush, button, fullContact } from './harness.mjs';

describe('ui/views/reach.js', () => {
  let env;
  let document;
  let tauri;
  let copied;

  beforeEach(() => {
    env = installDom();
    ({ document, tauri } = env);
    tauri.respond('open_link', ({ link }) => `${link.action}:${link.to}`);
    copied = [];
    Object.defineProperty(env.window.navigator, 'clipboard', {
      value: { writeText: async (text) => { copied.push(text); } }, configurable: true,
    });
    Object.defineProperty(globalThis.navigator, 'clipboard', {
      value: env.window.navigator.clipboard, configurable: true,
    });
  });
  afterEach(teardown);

  test('the contact page: each phone and email with Call, Text, Email and Copy', async () => {
    const { renderDetail } = await importUi('views/contactDetail.js');
    const jane = fullContact(4, 'Jane Doe', {
      phone: '(415) 555-0142', phoneE164: '+14155550142', email: 'jane@example.com',
      phones: [{ display: '(415) 555-0142', e164: '+14155550142' }, { display: '555-0199', e164: null }],
      emails: ['jane@example.com'], metWhere: "Sara's party", metOn: '2026-11-21',
    });
    const activity = { nextPromise: () => 'send the lavender samples' };
    const { element } = renderDetail(jane, {}, activity);
    document.body.append(element);
    const text = element.textContent;
    assert.ok(text.includes('(415) 555-0142') && text.includes('555-0199'), 'shown as she typed them');
    assert.ok(text.includes("Sara's party"), 'where they met is on the contact');

    const calls = [...element.querySelectorAll('button[data-action="call"]')];
    assert.equal(calls.length, 2, 'every phone is an action');
    calls[0].click();
    calls[1].click();
    [...element.querySelectorAll('button[data-action="text"]')][0].click();
    button(element, 'Email').click();
    await flush();
    assert.deepEqual(tauri.callsTo('open_link').map((c) => c.args.link), [
      { action: 'call', to: '+14155550142', subject: '' },
      { action: 'call', to: '555-0199', subject: '' }, // kept as typed: dialled as typed
      { action: 'text', to: '+14155550142', subject: '' },
      { action: 'email', to: 'jane@example.com', subject: 'send the lavender samples' },
    ]);
    const call = calls[0];
    assert.equal(document.getElementById(call.getAttribute('aria-describedby')).textContent, '(415) 555-0142',
      'each Call says which number');

    [...element.querySelectorAll('button[data-action="copy-phone"]')][0].click();
    button(element, 'Copy email').click();
    await flush();
    assert.deepEqual(copied, ['(415) 555-0142', 'jane@example.com']);
  });

  test('a refused link is said, not swallowed', async () => {
    const { reachLine } = await importUi('views/reach.js');
    tauri.fail('open_link', { kind: 'os', message: 'no program handles tel: links' });
    const status = document.createElement('p');
    status.id = 'status';
    document.body.append(status, reachLine({ phone: '555-0142' }, { name: 'Tom' }));
    button(document, 'Call').click();
    await flush(4);
    assert.match(document.getElementById('status').textContent, /Couldn’t open it: no program handles tel: links/);
  });

  test('nothing to reach: no line at all', async () => {
    const { reachLine } = await importUi('views/reach.js');
    assert.equal(reachLine({}, { name: 'Ann' }), null);
  });
});
