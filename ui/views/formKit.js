// What the small forms and dialogs share: labelled fields, the choices Tend offers,
// and showing what the backend rejected next to the field it names.

import { el } from '../dom.js';

/** How a touch happened or a follow-up is meant to happen: [key, label]. */
export const CHANNELS = [
  ['call', 'Call'],
  ['text', 'Text'],
  ['email', 'Email'],
  ['in_person', 'In person'],
  ['message', 'Message / social'],
  ['other', 'Other'],
];

export const OUTCOMES = [
  ['none', 'No answer needed'],
  ['reply', 'They replied'],
  ['conversation', 'We talked'],
  ['no_answer', 'No answer'],
  ['left_message', 'Left a message'],
];

export const DECISIONS = [
  ['interested', 'Interested'],
  ['thinking', 'Thinking it over'],
  ['not_now', 'Not now'],
  ['no', 'No — for today'],
  ['bought', 'Bought'],
];

/** The outcome of a touch in a history line; "none" says nothing. */
export function outcomeText(key) {
  if (key === 'none') return '';
  return OUTCOMES.find(([k]) => k === key)?.[1] ?? key;
}

/** A <select> with the given [value, label] pairs and `value` chosen. */
export function select(pairs, value, props = {}) {
  const node = el('select', props, pairs.map(([key, label]) => el('option', { value: key, text: label })));
  if (value !== undefined && value !== null && pairs.some(([key]) => key === value)) node.value = value;
  return node;
}

let sequence = 0;

/**
 * One form's fields and errors. `field(key, label, control, hint)` labels a control and
 * remembers it; `showError(err)` puts an `invalid` error under the field it names (with
 * aria-invalid and aria-describedby, focus moved there) and anything else in the
 * form-level alert. Nothing typed is ever cleared by an error.
 */
export function createFields(prefix) {
  const base = `${prefix}-${++sequence}`;
  const controls = {};
  const hints = {}; // key → hint id
  const hintNodes = {};
  const errorNodes = {};
  const formError = el('p', { class: 'form-error', role: 'alert' });

  const idFor = (key) => `${base}-${key}`;

  function field(key, label, control, hint) {
    control.id = idFor(key);
    control.name = key;
    controls[key] = control;
    let hintNode = null;
    if (hint) {
      hints[key] = `${idFor(key)}-hint`;
      control.setAttribute('aria-describedby', hints[key]);
      hintNode = el('p', { class: 'hint', id: hints[key], text: hint });
      hintNodes[key] = hintNode;
    }
    return el('div', { class: `field field-${key}` },
      el('label', { for: control.id, text: label }),
      control,
      hintNode,
    );
  }

  /** Changes a field's hint text (e.g. once the default time is known). */
  function setHint(key, text) {
    if (hintNodes[key]) hintNodes[key].textContent = text;
  }

  function clearErrors() {
    formError.textContent = '';
    for (const [key, control] of Object.entries(controls)) {
      control.removeAttribute('aria-invalid');
      if (hints[key]) control.setAttribute('aria-describedby', hints[key]);
      else control.removeAttribute('aria-describedby');
      errorNodes[key]?.remove();
      delete errorNodes[key];
    }
  }

  /** Shows `err`; `aliases` maps backend field names onto this form's keys. Returns the key used. */
  function showError(err, aliases = {}) {
    const named = err?.kind === 'invalid' ? (aliases[err.field] ?? err.field) : null;
    const control = named ? controls[named] : null;
    if (!control) {
      formError.textContent = err?.message || 'Something went wrong. Nothing was saved.';
      return null;
    }
    errorNodes[named]?.remove();
    const message = el('p', { class: 'field-error', id: `${idFor(named)}-error`, text: err.message });
    errorNodes[named] = message;
    control.after(message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [message.id, hints[named]].filter(Boolean).join(' '));
    control.focus();
    return named;
  }

  return { controls, field, setHint, formError, clearErrors, showError, idFor };
}

/**
 * Runs `save()` once at a time for a form: clears old errors, shows new ones, and
 * ignores a second Enter while the first save is in flight.
 */
export function guardSubmit(form, fields, save, aliases) {
  let saving = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saving) return;
    fields.clearErrors();
    saving = true;
    try {
      await save();
    } catch (err) {
      fields.showError(err, aliases);
    } finally {
      saving = false;
    }
  });
}
