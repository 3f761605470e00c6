// The contact form used for both New contact and Edit: fields, saving, and showing what Rust rejected.

import { createContact, listStages, updateContact } from '../backend.js';
import { el } from '../dom.js';

// Fields the backend may name in an `invalid` error; anything else is shown for the whole form.
const FIELDS = ['name', 'phone', 'email', 'stage', 'keepInTouchDays', 'tags', 'notes'];

// Cmd+Enter is the Mac habit; both Ctrl and Cmd work everywhere, only the hint differs.
const MAC = /Mac/.test(navigator.platform);

let stagesPromise = null;

/** Stages rarely change, so they are fetched once and shared (retried if the first try failed). */
export function loadStages() {
  stagesPromise ??= listStages().catch((err) => {
    stagesPromise = null;
    throw err;
  });
  return stagesPromise;
}

/**
 * contact: the Contact to edit, or null for a new one.
 * onSaved(contact) runs after the backend accepted it; onCancel() when the person backs out.
 */
export function createContactForm({ contact, onSaved, onCancel }) {
  const isNew = !contact;
  let saving = false;

  const controls = {
    name: el('input', { type: 'text', required: true, autocomplete: 'off', value: contact?.name ?? '' }),
    phone: el('input', { type: 'tel', autocomplete: 'off', value: contact?.phone ?? '' }),
    email: el('input', { type: 'email', autocomplete: 'off', spellcheck: 'false', value: contact?.email ?? '' }),
    stage: el('select', {}),
    // Empty: the stage's own window applies (Settings).
    keepInTouchDays: el('input', {
      type: 'number', min: '1', max: '3650', step: '1', inputmode: 'numeric',
      value: contact?.keepInTouchDays ?? '',
    }),
    tags: el('input', { type: 'text', autocomplete: 'off', value: (contact?.tags ?? []).join(', ') }),
    notes: el('textarea', { rows: '6', value: contact?.notes ?? '' }),
  };
  // Hints stay in aria-describedby next to any error, so they are kept per field.
  const hints = { tags: 'tags-hint', keepInTouchDays: 'keep-in-touch-hint' };

  // A number the region's rules do not know is kept only when she says so. The choice
  // appears once the backend said what is wrong with it (or for a number already kept so).
  const keptAlready = Boolean(contact?.phone) && contact?.phoneE164 === null;
  const keepPhone = el('input', { type: 'checkbox', id: 'contact-keep-phone', checked: keptAlready });
  const keepPhoneField = el('label', { class: 'check keep-phone', hidden: !keptAlready }, keepPhone, ' Keep as typed');
  controls.phone.addEventListener('input', () => {
    // A changed number is checked afresh.
    keepPhone.checked = false;
    keepPhoneField.hidden = true;
  });

  const field = (key, label, hint) => {
    const control = controls[key];
    control.id = `contact-${key}`;
    control.name = key;
    if (hints[key]) control.setAttribute('aria-describedby', hints[key]);
    return el('div', { class: `field field-${key}` },
      el('label', { for: control.id, text: label }),
      control,
      hint ? el('p', { class: 'hint', id: hints[key], text: hint }) : null,
    );
  };

  const formError = el('p', { class: 'form-error', role: 'alert' });
  const form = el('form', { class: 'contact-form', 'aria-label': 'Contact form', novalidate: true },
    el('h2', { text: isNew ? 'Add a contact' : 'Edit contact' }),
    formError,
    field('name', 'Name'),
    el('div', { class: 'field-pair' }, withKeep(field('phone', 'Phone')), field('email', 'Email')),
    el('div', { class: 'field-pair' },
      field('stage', 'Stage'),
      field('keepInTouchDays', 'Keep in touch every (days)', 'empty = the stage’s usual rhythm'),
    ),
    field('tags', 'Tags', 'comma-separated'),
    field('notes', 'Notes'),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', text: 'Save' }),
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
      el('span', { class: 'shortcut-hint', 'aria-hidden': 'true' },
        el('kbd', { text: MAC ? '⌘' : 'Ctrl' }), '+', el('kbd', { text: 'Enter' }), ' saves'),
    ),
  );

  fillStages(contact?.stage ?? 'lead', contact?.stageLabel);

  function withKeep(phoneField) {
    phoneField.append(keepPhoneField);
    return phoneField;
  }

  async function fillStages(current, currentLabel) {
    try {
      const stages = await loadStages();
      const select = controls.stage;
      const chosen = select.options.length ? select.value : current; // never undo a choice made meanwhile
      select.replaceChildren(...stages.map((s) => el('option', { value: s.key, text: s.label })));
      if (!stages.some((s) => s.key === chosen)) {
        select.append(el('option', { value: chosen, text: currentLabel ?? chosen }));
      }
      select.value = chosen;
    } catch (err) {
      showError(err);
    }
  }

  function readDraft() {
    const value = (key) => controls[key].value;
    return {
      name: value('name'),
      phone: value('phone'),
      email: value('email'),
      stage: value('stage'),
      notes: value('notes'),
      tags: value('tags').split(',').map((t) => t.trim()).filter(Boolean),
      keepInTouchDays: value('keepInTouchDays').trim() === '' ? null : Number(value('keepInTouchDays')),
      keepPhoneAsTyped: !keepPhoneField.hidden && keepPhone.checked,
    };
  }

  function clearErrors() {
    formError.textContent = '';
    for (const key of FIELDS) {
      const control = controls[key];
      control.removeAttribute('aria-invalid');
      if (hints[key]) control.setAttribute('aria-describedby', hints[key]);
      else control.removeAttribute('aria-describedby');
    }
    for (const p of form.querySelectorAll('.field-error')) p.remove();
  }

  function showError(err) {
    const key = err?.kind === 'invalid' && FIELDS.includes(err.field) ? err.field : null;
    if (!key) {
      formError.textContent = err?.message || 'Something went wrong. Nothing was saved.';
      return;
    }
    const control = controls[key];
    const message = el('p', { class: 'field-error', id: `${key}-error`, text: err.message });
    control.after(message);
    // "…, or keep it as typed.": the number is readable but not one the region has.
    if (key === 'phone' && /keep it as typed/.test(err.message)) keepPhoneField.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [message.id, hints[key]].filter(Boolean).join(' '));
    control.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saving) return; // a second Enter while the first save is in flight
    clearErrors();
    saving = true;
    try {
      const draft = readDraft();
      const saved = isNew ? await createContact(draft) : await updateContact(contact.id, draft);
      onSaved(saved);
    } catch (err) {
      showError(err); // the backend saved nothing; the fields keep what was typed
    } finally {
      saving = false;
    }
  });

  // Enter already submits from single-line fields; Ctrl+Enter does it from anywhere, Notes included.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  return {
    element: form,
    focus: () => controls.name.focus(),
  };
}
