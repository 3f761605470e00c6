// The Plan follow-up form: what was promised, how, and when (a date, a time if it matters).

import { planFollowup } from '../backend.js';
import { el } from '../dom.js';
import { CHANNELS, createFields, guardSubmit, select } from './formKit.js';
import { createDateField } from './dateField.js';
import { submitOnCtrlEnter } from './touchForm.js';

/**
 * suggestion: {date, channel, promise} to pre-fill (after a touch); then focus lands on
 * Save follow-up, so one Enter accepts it. onSaved(followup) after the backend accepted it.
 */
export function createPlanForm({ contactId, contactName, suggestion = null, onSaved, onCancel }) {
  const fields = createFields('plan');
  // A suggestion comes with its day; otherwise tomorrow, in her words.
  const when = createDateField(fields, { value: suggestion?.date ?? 'tomorrow' });
  const controls = {
    promise: el('input', {
      type: 'text', autocomplete: 'off', value: suggestion?.promise ?? '',
      placeholder: 'e.g. send the lavender samples',
    }),
    channel: select(CHANNELS, suggestion?.channel ?? 'call'),
  };
  const save = el('button', { type: 'submit', class: 'primary', text: 'Save follow-up' });

  const form = el('form', { class: 'mini-form', 'aria-label': 'Plan follow-up', novalidate: true },
    el('h3', { text: suggestion ? `Plan the next follow-up with ${contactName}` : `Plan a follow-up with ${contactName}` }),
    fields.formError,
    fields.field('promise', 'What did you promise?', controls.promise),
    el('div', { class: 'field-pair field-trio' },
      fields.field('channel', 'How', controls.channel),
      when.element,
      when.timeElement,
    ),
    el('div', { class: 'actions' },
      save,
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
    ),
  );

  guardSubmit(form, fields, async () => {
    const { date, time } = await when.resolve();
    const followup = await planFollowup({
      contactId,
      promise: controls.promise.value,
      channel: controls.channel.value,
      date,
      time,
    });
    onSaved(followup);
  });
  submitOnCtrlEnter(form);

  return {
    element: form,
    focus: () => (suggestion ? save : controls.promise).focus(),
  };
}
