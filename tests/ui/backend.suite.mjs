// ui/backend.js: exact command names and camelCase arguments, ids as numbers, and every
// failure turned into a BackendError {kind, message, field}.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { installDom, importUi, teardown, flush, ROOT } from './harness.mjs';

describe('ui/backend.js', () => {
  let env;
  let backend;
  beforeEach(async () => {
    env = installDom();
    backend = await importUi('backend.js');
  });
  afterEach(teardown);

  const draft = { name: 'Jan', phone: '555 0100', email: 'jan@example.com', stage: 'lead', notes: 'n', tags: ['a'] };

  // [description, call, expected command, expected args]
  const EXACT = [
    ['listStages()', (b) => b.listStages(), 'list_stages', undefined],
    ['listContacts({…})',
      (b) => b.listContacts({ query: 'jan', offset: 0, limit: 50, includeArchived: false }),
      'list_contacts', { query: 'jan', offset: 0, limit: 50, includeArchived: false }],
    ['listContacts with archived',
      (b) => b.listContacts({ query: '', offset: 100, limit: 25, includeArchived: true }),
      'list_contacts', { query: '', offset: 100, limit: 25, includeArchived: true }],
    ['getContact(7)', (b) => b.getContact(7), 'get_contact', { id: 7 }],
    ['getContact("7") passes a number', (b) => b.getContact('7'), 'get_contact', { id: 7 }],
    ['createContact(draft)', (b) => b.createContact(draft), 'create_contact', { draft }],
    ['updateContact("12", draft)', (b) => b.updateContact('12', draft), 'update_contact', { id: 12, draft }],
    ['setArchived("3", true)', (b) => b.setArchived('3', true), 'set_archived', { id: 3, archived: true }],
    ['setArchived(3, false)', (b) => b.setArchived(3, false), 'set_archived', { id: 3, archived: false }],
    ['deleteContact("9")', (b) => b.deleteContact('9'), 'delete_contact', { id: 9 }],
    ['getSettings()', (b) => b.getSettings(), 'get_settings', undefined],
    ['setSetting(key, value)', (b) => b.setSetting('phoneRegion', 'GB'), 'set_setting', { key: 'phoneRegion', value: 'GB' }],
    ['getFollowup("5") passes a number', (b) => b.getFollowup('5'), 'get_followup', { id: 5 }],
    ['pauseReminders(choice)', (b) => b.pauseReminders('one_hour'), 'pause_reminders', { choice: 'one_hour' }],
    ['getAutostart()', (b) => b.getAutostart(), 'get_autostart', undefined],
    ['setAutostart(true)', (b) => b.setAutostart(true), 'set_autostart', { enabled: true }],
    ['aboutTend()', (b) => b.aboutTend(), 'about_tend', undefined],
    ['sendTestNotification()', (b) => b.sendTestNotification(), 'send_test_notification', undefined],
    ['getShortcut()', (b) => b.getShortcut(), 'get_shortcut', undefined],
    ['setShortcut(keys)', (b) => b.setShortcut('Ctrl+Alt+T'), 'set_shortcut', { shortcut: 'Ctrl+Alt+T' }],
    ['previewQuickAdd(line, batch)',
      (b) => b.previewQuickAdd('Jane Doe call Thu', { metWhere: 'Sara’s party', metOn: '', noCadence: false, host: '' }),
      'preview_quick_add', { line: 'Jane Doe call Thu', batch: { metWhere: 'Sara’s party', metOn: '', noCadence: false, host: '' } }],
    ['previewQuickAdd with no batch sends an empty one',
      (b) => b.previewQuickAdd('Jane', undefined),
      'preview_quick_add', { line: 'Jane', batch: { metWhere: '', metOn: '', noCadence: false, host: '' } }],
    ['quickAdd(line, batch) as a new contact',
      (b) => b.quickAdd('Jane', { metWhere: '', metOn: '2026-11-21', noCadence: true, host: '' }),
      'quick_add', { line: 'Jane', batch: { metWhere: '', metOn: '2026-11-21', noCadence: true, host: '' }, addTo: null }],
    ['quickAdd(line, batch, "4") adds to contact 4',
      (b) => b.quickAdd('Jane', {}, '4'),
      'quick_add', { line: 'Jane', batch: { metWhere: '', metOn: '', noCadence: false, host: '' }, addTo: 4 }],
    ['undoQuickAdd(added) with ids as numbers',
      (b) => b.undoQuickAdd({ contactId: '4', createdContact: false, followupIds: ['9'], touchId: '3' }),
      'undo_quick_add', { added: { contactId: 4, createdContact: false, followupIds: [9], touchId: 3, contactUpdatedAt: null, choice: null } }],
    ['undoQuickAdd(added) of a created contact, answering the question',
      (b) => b.undoQuickAdd({ contactId: 4, createdContact: true, followupIds: [], touchId: null, contactUpdatedAt: '2026-11-20T18:00:00Z', choice: 'keepContact' }),
      'undo_quick_add', { added: { contactId: 4, createdContact: true, followupIds: [], touchId: null, contactUpdatedAt: '2026-11-20T18:00:00Z', choice: 'keepContact' } }],
    ['decisionAnswers("7", kind)', (b) => b.decisionAnswers('7', 'bought'), 'decision_answers', { contactId: 7, kind: 'bought' }],
    ['recordDecision with keepOpen as numbers',
      (b) => b.recordDecision({ contactId: '7', kind: 'no', note: '', revisitOn: '', keepOpen: ['12'] }),
      'record_decision', { draft: { contactId: 7, kind: 'no', note: '', revisitOn: '', keepOpen: [12] } }],
    ['touchKeeps("7", "")', (b) => b.touchKeeps('7', ''), 'touch_keeps', { contactId: 7, when: '' }],
    ['cadencePlan(7) asks for the stage’s rhythm', (b) => b.cadencePlan(7), 'cadence_plan', { contactId: 7, cadenceId: null, startOn: '' }],
    ['cadencePlan("7", "4", day)', (b) => b.cadencePlan('7', '4', '2026-12-14'), 'cadence_plan', { contactId: 7, cadenceId: 4, startOn: '2026-12-14' }],
    ['applyCadence("7", "4", day)', (b) => b.applyCadence('7', '4', '2026-12-14'), 'apply_cadence', { contactId: 7, cadenceId: 4, startOn: '2026-12-14' }],
    ['applyCadence(7, 4) from the default start', (b) => b.applyCadence(7, 4), 'apply_cadence', { contactId: 7, cadenceId: 4, startOn: '' }],
    ['closeQuickAdd()', (b) => b.closeQuickAdd(), 'close_quick_add', undefined],
  ];

  for (const [what, run, cmd, args] of EXACT) {
    test(`${what} → invoke('${cmd}', ${JSON.stringify(args)})`, async () => {
      env.tauri.respond(cmd, { ok: true });
      const result = await run(backend);
      assert.deepEqual(result, { ok: true }, 'resolves to what invoke resolved to');
      assert.equal(env.tauri.calls.length, 1);
      const [call] = env.tauri.calls;
      assert.equal(call.cmd, cmd);
      assert.deepStrictEqual(call.args, args);
    });
  }

  test('a rejected {kind, message, field} comes out as a BackendError with the same three', async () => {
    env.tauri.fail('create_contact', { kind: 'invalid', message: '“x” isn’t a valid email address', field: 'email' });
    const err = await backend.createContact(draft).then(() => assert.fail('should reject'), (e) => e);
    assert.ok(err instanceof Error, 'an Error, so it has a stack and prints well');
    assert.ok(err instanceof backend.BackendError);
    assert.equal(err.kind, 'invalid');
    assert.equal(err.message, '“x” isn’t a valid email address');
    assert.equal(err.field, 'email');
  });

  test('a rejection without field has field null; without kind it is internal', async () => {
    env.tauri.fail('get_contact', { kind: 'not_found', message: 'No contact 4' });
    let err = await backend.getContact(4).catch((e) => e);
    assert.deepEqual([err.kind, err.message, err.field], ['not_found', 'No contact 4', null]);

    env.tauri.fail('get_contact', { message: 'disk on fire' });
    err = await backend.getContact(4).catch((e) => e);
    assert.deepEqual([err.kind, err.message, err.field], ['internal', 'disk on fire', null]);
  });

  test('a bare-string rejection (Tauri’s own, e.g. unknown command) becomes kind internal', async () => {
    env.tauri.fail('list_stages', 'command list_stages not found');
    const err = await backend.listStages().catch((e) => e);
    assert.ok(err instanceof backend.BackendError);
    assert.equal(err.kind, 'internal');
    assert.equal(err.message, 'command list_stages not found');
    assert.equal(err.field, null);
  });

  test('a rejection with nothing in it still gives a readable internal error', async () => {
    env.tauri.fail('get_settings', undefined);
    const err = await backend.getSettings().catch((e) => e);
    assert.equal(err.kind, 'internal');
    assert.ok(err.message.length > 0);
  });

  test('with no Tauri in the window, calls reject as unavailable instead of throwing a TypeError', async () => {
    delete env.window.__TAURI__;
    const err = await backend.listStages().catch((e) => e);
    assert.ok(err instanceof backend.BackendError);
    assert.equal(err.kind, 'unavailable');
  });

  test('onChanged listens to tend://changed and calls back on every event', async () => {
    let changes = 0;
    const unlisten = await backend.onChanged(() => { changes++; });
    assert.equal(env.tauri.listenerCount('tend://changed'), 1);
    env.tauri.emit('tend://changed');
    env.tauri.emit('tend://changed');
    env.tauri.emit('tend://something-else');
    assert.equal(changes, 2);
    unlisten();
    env.tauri.emit('tend://changed');
    assert.equal(changes, 2, 'the returned function stops the calls');
  });

  test('onQuickAdd listens to tend://quick-add; onOpenFollowup hands on the id or null', async () => {
    let asked = 0;
    const opened = [];
    await backend.onQuickAdd(() => { asked++; });
    await backend.onOpenFollowup((id) => opened.push(id));
    env.tauri.emit('tend://quick-add');
    env.tauri.emit('tend://open-followup', 12);
    env.tauri.emit('tend://open-followup', null);
    env.tauri.emit('tend://open-followup', { bogus: true });
    assert.equal(asked, 1);
    assert.deepStrictEqual(opened, [12, null, null]);
  });

  test('onChanged without Tauri resolves to a harmless unlisten', async () => {
    delete env.window.__TAURI__;
    const unlisten = await backend.onChanged(() => assert.fail('never called'));
    assert.equal(typeof unlisten, 'function');
    unlisten();
  });

  // ---------------------------------------------------------------------------
  // The contract with Rust: every command the UI invokes is registered in
  // src-tauri/app/commands.rs, with exactly the arguments the Rust function takes
  // (Tauri renames snake_case parameters to camelCase), and ids arrive as numbers.

  function rustCommands() {
    const source = readFileSync(new URL('src-tauri/app/commands.rs', ROOT), 'utf8');
    const handlerList = source.match(/generate_handler!\[([^\]]*)\]/);
    assert.ok(handlerList, 'generate_handler![…] found in commands.rs');
    const registered = new Set(handlerList[1].split(',').map((s) => s.trim()).filter(Boolean));
    const commands = new Map();
    const fnPattern = /#\[tauri::command(?:\(([^)]*)\))?\]\s*(?:pub(?:\([^)]*\))?\s+)?async\s+fn\s+(\w+)\s*(?:<[^>]*>)?\s*\(/g;
    for (const match of source.matchAll(fnPattern)) {
      const [, attr, name] = match;
      // The parameter list: up to the matching parenthesis (types hold commas inside <>).
      let depth = 1;
      let i = match.index + match[0].length;
      const start = i;
      for (; depth > 0; i++) {
        if (source[i] === '(') depth++;
        else if (source[i] === ')') depth--;
      }
      const params = [];
      let angle = 0;
      let piece = '';
      for (const ch of source.slice(start, i - 1) + ',') {
        if (ch === '<') angle++;
        if (ch === '>') angle--;
        if (ch === ',' && angle === 0) {
          if (piece.trim()) params.push(piece.trim());
          piece = '';
        } else piece += ch;
      }
      const snake = /rename_all\s*=\s*"snake_case"/.test(attr ?? '');
      const args = params
        .map((p) => p.split(':').map((s) => s.trim()))
        .filter(([, type]) => !/^(State|AppHandle|Window|WebviewWindow|Webview)\b/.test(type))
        .map(([param]) => (snake ? param : param.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())));
      commands.set(name, { registered: registered.has(name), args: args.sort() });
    }
    return commands;
  }

  test('every backend.js function invokes a registered Rust command with exactly its arguments', async () => {
    const commands = rustCommands();
    assert.ok(commands.size >= 10, `parsed ${commands.size} commands from commands.rs`);
    // The parser itself, on two commands whose signatures are known.
    assert.deepEqual(commands.get('list_contacts'), { registered: true, args: ['includeArchived', 'limit', 'offset', 'query'] });
    assert.deepEqual(commands.get('update_contact'), { registered: true, args: ['draft', 'id'] });
    const checked = [];
    for (const [name, fn] of Object.entries(backend)) {
      // Not commands: the error class and the event listeners (onChanged, onQuickAdd, …).
      if (name === 'BackendError' || /^on[A-Z]/.test(name) || typeof fn !== 'function') continue;
      env.tauri.clearCalls();
      // Ids given as strings (as data-id attributes hold them) must still reach Rust as numbers.
      await Promise.resolve(fn('7', '8', '9')).catch(() => {});
      await flush(1);
      assert.equal(env.tauri.calls.length, 1, `${name}() makes exactly one invoke`);
      const { cmd, args } = env.tauri.calls[0];
      const rust = commands.get(cmd);
      assert.ok(rust, `${name}() invokes '${cmd}', which commands.rs defines`);
      assert.ok(rust.registered, `'${cmd}' is listed in generate_handler!`);
      assert.deepEqual(Object.keys(args ?? {}).sort(), rust.args, `${name}() passes the arguments '${cmd}' takes`);
      for (const [key, value] of Object.entries(args ?? {})) {
        if (key === 'id' || /Id$/.test(key)) assert.equal(typeof value, 'number', `${name}(): ${key} is a number`);
      }
      checked.push(name);
    }
    for (const name of ['listStages', 'listContacts', 'getContact', 'createContact', 'updateContact',
      'setArchived', 'deleteContact', 'getSettings', 'setSetting', 'previewQuickAdd', 'quickAdd', 'undoQuickAdd',
      'pauseReminders', 'getAutostart', 'setAutostart', 'getShortcut', 'setShortcut', 'getFollowup',
      'aboutTend', 'sendTestNotification']) {
      assert.ok(checked.includes(name), `${name} is exported and was checked`);
    }
  });
});
