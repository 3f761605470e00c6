// ui/views/importContacts.js and exportContacts.js: the preview before anything is written,
// Import with progress and Cancel, the same-name choice, and the three export formats.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, teardown, flush, byLabel, button, queryButton, setChecked } from './harness.mjs';

const PREVIEW = {
  fileName: 'phone.vcf',
  format: 'vcard',
  encoding: 'UTF-8',
  new: 2,
  merged: 1,
  unchanged: 0,
  problems: [{ where: 'card 4 (line 30)', what: 'the card ends before END:VCARD' }],
  rows: [
    { position: 0, place: 'card 1 (line 1)', outcome: 'merge', into: 'Jane Doe', sameNameAs: null,
      contact: { name: 'Jane D.', phones: ['(415) 555-0142'], emails: [], birthday: null, org: null, notes: '', tags: [], warnings: [] } },
    { position: 1, place: 'card 2 (line 9)', outcome: 'new', into: null, sameNameAs: 'Carl Weber',
      contact: { name: 'Carl Weber', phones: ['555-0177'], emails: [], birthday: '--04-15', org: null, notes: '', tags: [],
        warnings: ['Read as Windows-1252: the card said UTF-8 but its bytes were not'] } },
    { position: 2, place: 'card 3 (line 20)', outcome: 'new', into: null, sameNameAs: null,
      contact: { name: '<img src=x onerror=alert(1)>', phones: [], emails: ['x@example.com'], birthday: null, org: null, notes: '', tags: [], warnings: [] } },
  ],
  summary: '2 new, 1 already in Tend (will be merged), 1 cannot be read',
};

describe('ui/views/importContacts.js and exportContacts.js', () => {
  let env;
  let document;
  let tauri;

  beforeEach(() => {
    env = installDom({ html: '<!doctype html><html><body><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }, { key: 'customer', label: 'Customer' }]);
    tauri.respond('choose_import_file', '/home/me/phone.vcf');
    tauri.respond('preview_import', PREVIEW);
  });
  afterEach(() => {
    for (const dialog of document.querySelectorAll('dialog')) dialog.close();
    teardown();
  });

  const dialog = () => document.querySelector('dialog[open]');
  const status = () => document.getElementById('status').textContent;

  async function openPreview() {
    const { importFromFile } = await importUi('views/importContacts.js');
    const done = importFromFile();
    await flush(6);
    return { done }; // (returned bare, the promise would be awaited by the caller)
  }

  test('the preview says what will happen, lists what cannot be read, and writes nothing', async () => {
    await openPreview();
    const sheet = dialog();
    assert.ok(sheet, 'the preview opens');
    assert.equal(sheet.getAttribute('aria-label'), 'Import contacts');
    assert.match(sheet.textContent, /2 new, 1 already in Tend \(will be merged\), 1 cannot be read/);
    assert.match(sheet.textContent, /card 4 \(line 30\) — the card ends before END:VCARD/);
    const table = byLabel(sheet, 'Import preview');
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    assert.deepEqual(cells[0], ['Jane D.', '(415) 555-0142', '', '', 'Merge into Jane Doe']);
    assert.equal(cells[1][3], '--04-15');
    assert.equal(cells[1][0], 'Carl WeberRead as Windows-1252: the card said UTF-8 but its bytes were not', 'a warning is shown with its card');
    assert.equal(cells[2][0], '<img src=x onerror=alert(1)>', 'a name is text, never markup');
    assert.equal(table.querySelector('img'), null);
    assert.deepEqual(tauri.callsTo('preview_import').map((c) => c.args), [{ path: '/home/me/phone.vcf', mapping: null }]);
    assert.equal(tauri.callsTo('import_contacts').length, 0, 'nothing imported before Import');
    assert.equal(document.activeElement, button(sheet, 'Import'), 'Enter imports');
  });

  test('Import sends her choices, shows progress, and says what it did', async () => {
    tauri.hold('import_contacts');
    const { done } = await openPreview();
    const sheet = dialog();
    setChecked([...sheet.querySelectorAll('input[type=checkbox]')][0], true);
    sheet.querySelector('select').value = 'customer';
    button(sheet, 'Import').click();
    await flush();
    const [call] = tauri.pending('import_contacts');
    assert.deepEqual(call.args, { path: '/home/me/phone.vcf', mapping: null, choices: { mergeSameName: [1], stage: 'customer' } });
    tauri.emit('tend://import-progress', { done: 100, total: 400 });
    const bar = byLabel(sheet, 'Importing');
    assert.equal(bar.hidden, false);
    assert.equal(bar.value, 100);
    assert.equal(bar.max, 400);
    call.resolve({ new: 1, merged: 2, unchanged: 0, problems: 1 });
    assert.deepEqual(await done, { new: 1, merged: 2, unchanged: 0, problems: 1 });
    assert.equal(dialog(), null, 'closed once imported');
    assert.match(status(), /Imported from phone.vcf: 1 new, 2 merged, 1 could not be read/);
  });

  test('Cancel while importing stops it; the sheet says nothing was changed', async () => {
    tauri.hold('import_contacts');
    tauri.respond('cancel_import', null);
    await openPreview();
    const sheet = dialog();
    button(sheet, 'Import').click();
    await flush();
    button(sheet, 'Cancel').click();
    await flush();
    assert.equal(tauri.callsTo('cancel_import').length, 1);
    tauri.pending('import_contacts')[0].reject({ kind: 'cancelled', message: 'Cancelled; nothing was changed.' });
    await flush();
    assert.ok(dialog(), 'still open: she may import after all');
    assert.match(sheet.textContent, /Import cancelled; nothing was changed\./);
    assert.equal(button(sheet, 'Import').disabled, false);
  });

  test('a file that cannot be read is said, and no preview opens', async () => {
    tauri.fail('preview_import', { kind: 'invalid', message: 'This file is not a contacts file (vCard or CSV).', field: 'file' });
    const { done } = await openPreview();
    assert.equal(await done, null);
    assert.equal(dialog(), null);
    assert.match(status(), /Couldn’t read phone.vcf: This file is not a contacts file/);
  });

  test('choosing no file does nothing', async () => {
    tauri.respond('choose_import_file', null);
    const { done } = await openPreview();
    assert.equal(await done, null);
    assert.equal(tauri.callsTo('preview_import').length, 0);
  });

  test('Export offers the three formats and writes where she chose', async () => {
    tauri.respond('choose_export_file', ({ format }) => `/home/me/tend.${format}`);
    tauri.respond('export_to', ({ path }) => ({ path, count: 14, counted: '14 open follow-ups' }));
    const { exportFile } = await importUi('views/exportContacts.js');
    const done = exportFile();
    await flush();
    const sheet = dialog();
    const radios = [...sheet.querySelectorAll('input[type=radio]')];
    assert.deepEqual(radios.map((r) => r.value), ['vcf', 'csv', 'ics']);
    radios[2].checked = true;
    button(sheet, 'Export…').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('export_to')[0].args, { path: '/home/me/tend.ics', format: 'ics' });
    assert.deepEqual(await done, { path: '/home/me/tend.ics', count: 14, counted: '14 open follow-ups' });
    assert.match(status(), /Exported 14 open follow-ups to \/home\/me\/tend.ics/);
    assert.equal(queryButton(document, 'Export…'), null, 'closed');
  });

  test('a CSV Tend does not know asks which column is which, then previews and imports with that mapping', async () => {
    const unknown = { ...PREVIEW, new: 0, merged: 0, rows: [], problems: [], summary: '0 new',
      needsMapping: { headers: ['Kunde', 'Handy', 'Geburtstag'], suggested: { Handy: 'phone' } } };
    tauri.respond('preview_import', ({ mapping }) => (mapping ? PREVIEW : unknown));
    tauri.hold('import_contacts');
    await openPreview();
    let sheet = dialog();
    assert.equal(sheet.getAttribute('aria-label'), 'Which column is which?');
    const kunde = byLabel(sheet, 'Kunde');
    assert.equal(byLabel(sheet, 'Handy').value, 'phone', 'the suggestion is preselected');
    button(sheet, 'Use these columns').click();
    await flush();
    assert.match(sheet.textContent, /Say which column holds the name/, 'a mapping without a name is refused');
    kunde.value = 'name';
    button(sheet, 'Use these columns').click();
    await flush(6);
    assert.deepEqual(tauri.callsTo('preview_import').at(-1).args.mapping, { Kunde: 'name', Handy: 'phone' });
    sheet = dialog();
    assert.equal(sheet.getAttribute('aria-label'), 'Import contacts');
    button(sheet, 'Import').click();
    await flush();
    assert.deepEqual(tauri.pending('import_contacts')[0].args.mapping, { Kunde: 'name', Handy: 'phone' });
  });
});
