// The Log touch form: how it happened, what came of it, when, and a note.

import { logTouch } from '../backend.js';
import { el } from '../dom.js';
import { CHANNELS, OUTCOMES, createFields, guardSubmit, select } from './formKit.js';

/**
 * contactId/contactName: who was touched. channel: pre-filled (e.g. the kept follow-up's).
 * followup: the follow-up this touch kept, if any (it is marked done with it).
 * onSaved(result) gets log_touch's answer: {touch, count, countText, suggestion, rebased}.
 */
export function createTouchForm({ contactId, contactName, channel = 'call', followup = null, onSaved, onCancel }) {
  const fields = createFields('touch');
  const controls = {
    channel: select(CHANNELS, channel),
    outcome: select(OUTCOMES, 'none'),
    when: el('input', { type: 'datetime-local' }),
    note: el('textarea', { rows: '3' }),
  };
  const heading = el('h3', { text: `Log a touch with ${contactName}` });

  const form = el('form', { class: 'mini-form', 'aria-label': 'Log touch', novalidate: true },
    heading,
    followup
      ? el('p', { class: 'hint', text: `For the follow-up “${promiseText(followup)}”, which counts as done.` })
      : null,
    fields.formError,
    el('div', { class: 'field-pair' },
      fields.field('channel', 'Channel', controls.channel),
      fields.field('outcome', 'Outcome', controls.outcome),
    ),
    fields.field('when', 'When', controls.when, 'empty = now'),
    fields.field('note', 'Note', controls.note),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', text: 'Save touch' }),
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
    ),
  );

  guardSubmit(form, fields, async () => {
    const result = await logTouch({
      contactId,
      channel: controls.channel.value,
      outcome: controls.outcome.value,
      note: controls.note.value,
      when: controls.when.value,
      followupId: followup?.id ?? null,
    });
    onSaved(result);
  });
  submitOnCtrlEnter(form);

  return { element: form, focus: () => controls.channel.focus() };
}

/** "Call — send samples", or just "Call" for a promise with no words. */
export function promiseText(followup) {
  return followup.promise ? `${followup.channelLabel} — ${followup.promise}` : followup.channelLabel;
}

/** Ctrl/Cmd+Enter saves from anywhere in the form, a textarea included (as in the contact form). */
export function submitOnCtrlEnter(form) {
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
