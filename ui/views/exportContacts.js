// Export: contacts as vCard (phones, Apple, Outlook) or CSV (Google Contacts' layout),
// or the open follow-ups as a calendar file (.ics). One choice, then where to save it.

import { chooseExportFile, exportTo } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { openDialog } from './dialog.js';

const FORMATS = [
  { key: 'vcf', label: 'Contacts as vCard (.vcf) — phones, Apple Contacts, Outlook' },
  { key: 'csv', label: 'Contacts as CSV (.csv) — Google Contacts, spreadsheets' },
  { key: 'ics', label: 'Open follow-ups as a calendar (.ics)' },
];

/** Resolves to {path, count, counted} once written, or null. */
export function exportFile() {
  return openDialog('Export', (close) => {
    const choices = FORMATS.map((format, index) => {
      const radio = el('input', { type: 'radio', name: 'export-format', value: format.key, checked: index === 0 });
      return { radio, label: el('label', { class: 'check' }, radio, ` ${format.label}`) };
    });
    const go = el('button', { type: 'submit', class: 'primary', text: 'Export…' });
    const cancel = el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) });
    const form = el('form', {},
      el('h2', { text: 'Export' }),
      el('fieldset', {}, el('legend', { text: 'What to export' }), choices.map((c) => c.label)),
      el('div', { class: 'actions' }, go, cancel));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const format = choices.find((c) => c.radio.checked)?.radio.value ?? 'vcf';
      try {
        const path = await chooseExportFile(format);
        if (!path) return;
        const written = await exportTo(path, format);
        say(`Exported ${written.counted} to ${written.path}.`);
        close(written);
      } catch (err) {
        say(`Couldn’t export: ${err.message}`);
      }
    });
    return { content: [form], focus: go };
  });
}
