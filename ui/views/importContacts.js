// Import contacts: pick a file (or drop one on the window), see what will happen —
// "412 new, 9 already in Tend (will be merged), 3 cannot be read", the cards that
// cannot be read and why, the first rows as they will look — then Import, with a
// progress bar and Cancel (nothing is written unless all of it is).

import {
  cancelImport, chooseImportFile, importContacts, listStages, onImportProgress, previewImport,
} from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { openDialog } from './dialog.js';


/** Resolves to the import's summary, or null when nothing was imported. */
export async function importFromFile(path = null) {
  let chosen = path;
  try {
    chosen ??= await chooseImportFile();
  } catch (err) {
    say(`Couldn’t open the file chooser: ${err.message}`);
    return null;
  }
  if (!chosen) return null;
  let preview;
  let stages = [];
  let mapping = null;
  try {
    [preview, stages] = await Promise.all([previewImport(chosen), listStages().catch(() => [])]);
    if (preview.needsMapping) {
      mapping = await askMapping(preview.fileName, preview.needsMapping);
      if (!mapping) return null;
      preview = await previewImport(chosen, mapping);
    }
  } catch (err) {
    say(`Couldn’t read ${fileName(chosen)}: ${err.message}`);
    return null;
  }
  return openDialog('Import contacts', (close) => buildPreview(chosen, preview, stages, close, mapping));
}

// What a CSV column can hold, in the words the mapping step shows.
const FIELDS = [
  ['', 'Leave out'],
  ['name', 'Full name'], ['first_name', 'First name'], ['middle_name', 'Middle name'], ['last_name', 'Last name'],
  ['phone', 'Phone'], ['email', 'Email'], ['birthday', 'Birthday'], ['org', 'Company'],
  ['note', 'Notes'], ['tags', 'Tags or groups'], ['detail', 'Other (kept in the notes)'],
];

/** A CSV from a program Tend does not know: which column is which. Resolves to {header: field} or null. */
function askMapping(name, { headers, suggested }) {
  return openDialog('Which column is which?', (close) => {
    const selects = headers.map((header, index) => {
      const id = `map-${index}`;
      const select = el('select', { id },
        FIELDS.map(([value, label]) => el('option', { value, text: label, selected: (suggested?.[header] ?? '') === value })));
      return { header, select, row: el('div', { class: 'field' }, el('label', { for: id, text: header }), select) };
    });
    const error = el('p', { class: 'form-error', role: 'alert' });
    const use = el('button', { type: 'submit', class: 'primary', text: 'Use these columns' });
    const form = el('form', { class: 'import-form' },
      el('h2', { text: 'Which column is which?' }),
      el('p', { class: 'hint', text: `Tend does not know the columns of ${name}. Say what each holds; Tend remembers it for the next file like this.` }),
      selects.map((s) => s.row),
      error,
      el('div', { class: 'actions' }, use, el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) })));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const mapping = Object.fromEntries(selects.filter((s) => s.select.value).map((s) => [s.header, s.select.value]));
      const named = Object.values(mapping).some((field) => ['name', 'first_name', 'last_name', 'org'].includes(field));
      if (!named) {
        error.textContent = 'Say which column holds the name (or the company).';
        return;
      }
      close(mapping);
    });
    return { content: [form], focus: selects[0]?.select };
  });
}

function fileName(path) {
  return String(path).split(/[\\/]/).pop();
}

function buildPreview(path, preview, stages, close, mapping) {
  const summary = el('p', { class: 'import-summary', role: 'status', text: preview.summary });
  const sameName = preview.rows.filter((row) => row.sameNameAs);
  const mergeChoices = sameName.map((row) => {
    const box = el('input', { type: 'checkbox', value: String(row.position) });
    return {
      box,
      label: el('label', { class: 'check' }, box,
        ` Merge ${row.contact.name} (${row.place}) with ${row.sameNameAs}, who has the same name`),
    };
  });
  const stage = el('select', { id: 'import-stage' },
    stages.map((s) => el('option', { value: s.key, text: s.label, selected: s.key === 'lead' })));
  const progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Importing' });
  const importButton = el('button', { type: 'submit', class: 'primary', text: 'Import' });
  const cancelButton = el('button', { type: 'button', text: 'Cancel' });
  const nothingToDo = preview.new + preview.merged === 0;
  importButton.disabled = nothingToDo;

  let running = false;
  cancelButton.addEventListener('click', () => {
    if (running) cancelImport().catch(() => {});
    else close(null);
  });

  const form = el('form', { class: 'import-form' },
    el('h2', { text: 'Import contacts' }),
    el('p', { class: 'hint', text: `${preview.fileName} · ${formatName(preview.format)} · ${preview.encoding}` }),
    summary,
    problemsList(preview.problems),
    previewTable(preview.rows),
    mergeChoices.length
      ? el('fieldset', {}, el('legend', { text: 'Same name, nothing else in common' }), mergeChoices.map((c) => c.label))
      : null,
    stages.length
      ? el('div', { class: 'field' }, el('label', { for: 'import-stage', text: 'Import new contacts as' }), stage)
      : null,
    progress,
    el('div', { class: 'actions' }, importButton, cancelButton),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (running || nothingToDo) return;
    running = true;
    importButton.disabled = true;
    progress.hidden = false;
    summary.textContent = 'Importing…';
    const stop = await onImportProgress(({ done, total }) => {
      progress.max = Math.max(total, 1);
      progress.value = done;
    });
    try {
      const result = await importContacts(path, {
        mergeSameName: mergeChoices.filter((c) => c.box.checked).map((c) => Number(c.box.value)),
        stage: stage.value || '',
        mapping,
      });
      say(`Imported from ${preview.fileName}: ${result.new} new, ${result.merged} merged` +
        (result.problems ? `, ${result.problems} could not be read` : '') + '.');
      close(result);
    } catch (err) {
      running = false;
      progress.hidden = true;
      importButton.disabled = false;
      summary.textContent = err.kind === 'cancelled'
        ? 'Import cancelled; nothing was changed.'
        : `Nothing was imported: ${err.message}`;
    } finally {
      stop();
    }
  });

  return {
    content: [form],
    focus: nothingToDo ? cancelButton : importButton,
    // Escape while writing cancels the import instead of leaving it running.
    onCancel: () => {
      if (!running) return true;
      cancelImport().catch(() => {});
      return false;
    },
  };
}

function outcomeText(row) {
  if (row.outcome === 'merge') return `Merge into ${row.into}`;
  if (row.outcome === 'unchanged') return `Already in Tend as ${row.into}`;
  return 'New';
}

function formatName(format) {
  return format === 'csv' ? 'CSV' : 'vCard';
}

function problemsList(problems) {
  if (!problems.length) return null;
  return el('details', { class: 'import-problems', open: problems.length <= 5 },
    el('summary', { text: `${problems.length} cannot be read` }),
    el('ul', {}, problems.map((p) => el('li', {}, el('strong', { text: p.where }), ` — ${p.what}`))));
}

function previewTable(rows) {
  if (!rows.length) return null;
  const head = el('tr', {}, ['Name', 'Phones', 'Emails', 'Birthday', 'What happens'].map((t) => el('th', { scope: 'col', text: t })));
  const body = rows.map((row) => el('tr', {},
    el('td', {}, row.contact.name,
      (row.contact.warnings ?? []).map((warning) => el('small', { class: 'import-warning', text: warning }))),
    el('td', { text: row.contact.phones.join(', ') }),
    el('td', { text: row.contact.emails.join(', ') }),
    el('td', { text: row.contact.birthday ?? '' }),
    el('td', { text: outcomeText(row) }),
  ));
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'import-preview', 'aria-label': 'Import preview' },
      el('thead', {}, head), el('tbody', {}, body)));
}
