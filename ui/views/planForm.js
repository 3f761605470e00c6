// The Plan follow-up form: what was promised, how, and when (a date, a time if it matters).

import { planFollowup } from '../backend.js';
import { el } from '../dom.js';
import { addDays, defaultTime, todayDate } from '../when.js';
import { CHANNELS, createFields, guardSubmit, select } from './formKit.js';
import { submitOnCtrlEnter } from './touchForm.js';

/**
 * suggestion: {date, channel, promise} to pre-fill (after a touch); then focus lands on
 * Save follow-up, so one Enter accepts it. onSaved(followup) after the backend accepted it.
 */
export function createPlanForm({ contactId, contactName, suggestion = null, onSaved, onCancel }) {
  const fields = createFields('plan');
  const today = todayDate();
  const controls = {
    promise: el('input', {
      type: 'text', autocomplete: 'off', value: suggestion?.promise ?? '',
      placeholder: 'e.g. send the lavender samples',
    }),
    channel: select(CHANNELS, suggestion?.channel ?? 'call'),
    date: el('input', {
      type: 'date',
      min: today,
      value: suggestion?.date ?? (today ? addDays(today, 1) : ''),
    }),
    time: el('input', { type: 'time' }),
  };
  const save = el('button', { type: 'submit', class: 'primary', text: 'Save follow-up' });

  const form = el('form', { class: 'mini-form', 'aria-label': 'Plan follow-up', novalidate: true },
    el('h3', { text: suggestion ? `Plan the next follow-up with ${contactName}` : `Plan a follow-up with ${contactName}` }),
    fields.formError,
    fields.field('promise', 'What did you promise?', controls.promise),
    el('div', { class: 'field-pair field-trio' },
      fields.field('channel', 'How', controls.channel),
      fields.field('date', 'Date', controls.date),
      fields.field('time', 'Time', controls.time, `empty = your default time, ${defaultTime()}`),
    ),
    el('div', { class: 'actions' },
      save,
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
    ),
  );

  guardSubmit(form, fields, async () => {
    const followup = await planFollowup({
      contactId,
      promise: controls.promise.value,
      channel: controls.channel.value,
      date: controls.date.value,
      time: controls.time.value,
    });
    onSaved(followup);
  });
  submitOnCtrlEnter(form);

  return {
    element: form,
    focus: () => (suggestion ? save : controls.promise).focus(),
  };
}
