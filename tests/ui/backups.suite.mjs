// ui/views/backups.js: where the backups are, the last one, Back up now, and Restore from
// backup — checked and confirmed before anything is replaced.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, teardown, flush, button, byLabel } from './harness.mjs';

const NEWEST = { path: '/data/backups/tend-2026-11-30T10-30-00+0000.sqlite3', takenAt: '2026-11-30T10:30:00Z', sizeBytes: 2_400_000, contacts: 212, reason: null };
const OLDER = { path: '/data/backups/tend-2026-11-29T18-00-00+0000.sqlite3', takenAt: '2026-11-29T18:00:00Z', sizeBytes: 2_300_000, contacts: 209, reason: null };

describe('ui/views/backups.js', () => {
  let env;
  let document;
  let tauri;
  let backups;

  beforeEach(async () => {
    env = installDom({ html: '<!doctype html><html><body><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    tauri.respond('backup_status', { folder: '/data/backups', last: NEWEST, backups: [NEWEST, OLDER] });
    const { createBackups } = await importUi('views/backups.js');
    backups = createBackups();
    document.body.append(backups.element);
    await backups.load();
  });
  afterEach(() => {
    for (const dialog of document.querySelectorAll('dialog')) dialog.close();
    teardown();
  });

  const status = () => document.getElementById('status').textContent;
  const dialog = () => document.querySelector('dialog[open]');

  test('says where the backups are and when the last one was made', () => {
    assert.equal(backups.element.querySelector('code').textContent, '/data/backups');
    assert.match(backups.element.textContent, /Last backup: .* — 212 contacts, 2\.4 MB\./);
  });

  test('Back up now writes a checked copy where she chose, and says so', async () => {
    tauri.respond('back_up_now', { ...NEWEST, path: '/media/usb/Tend backup.sqlite3' });
    button(document, 'Back up now').click();
    await flush();
    assert.match(status(), /Backed up to \/media\/usb\/Tend backup.sqlite3: .*212 contacts/);
  });

  test('Restore from backup: pick one, see what it holds, confirm, and the old data is kept aside', async () => {
    tauri.respond('check_backup', ({ path }) => ({ ...OLDER, path }));
    tauri.respond('restore_backup', { restoredFrom: OLDER.path, contacts: 209, contactsBefore: 212, keptAside: '/data/tend.sqlite3.before-restore-2026-12-01' });
    button(document, 'Restore from backup').click();
    await flush();
    const list = byLabel(dialog(), 'Backups');
    const choices = [...list.querySelectorAll('button')];
    assert.equal(choices.length, 2);
    choices[1].click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('check_backup')[0].args, { path: OLDER.path });
    assert.equal(tauri.callsTo('restore_backup').length, 0, 'nothing replaced before she confirms');
    assert.match(dialog().textContent, /209 contacts/);
    button(dialog(), 'Restore').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('restore_backup')[0].args, { path: OLDER.path });
    assert.match(status(), /Restored: 209 contacts \(you had 212\)\. The previous data is kept in \/data\/tend.sqlite3.before-restore/);
  });

  test('a file that cannot be restored is refused before anything is asked or replaced', async () => {
    tauri.respond('choose_restore_file', '/home/me/shopping.sqlite3');
    tauri.fail('check_backup', { kind: 'not_restorable', message: '/home/me/shopping.sqlite3 cannot be restored: it is not a Tend file. Nothing was changed.' });
    button(document, 'Restore from backup').click();
    await flush();
    button(dialog(), 'From a file…').click();
    await flush(6);
    assert.equal(dialog(), null);
    assert.match(status(), /cannot be restored: it is not a Tend file\. Nothing was changed\./);
    assert.equal(tauri.callsTo('restore_backup').length, 0);
  });

  test('Cancel at the confirmation restores nothing', async () => {
    tauri.respond('check_backup', NEWEST);
    button(document, 'Restore from backup').click();
    await flush();
    byLabel(dialog(), 'Backups').querySelector('button').click();
    await flush(6);
    button(dialog(), 'Cancel').click();
    await flush();
    assert.equal(tauri.callsTo('restore_backup').length, 0);
  });
});
