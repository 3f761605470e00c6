// The Log touch form: how it happened, what came of it, when, and a note. A touch near an
// open promise asks whether it kept it, with Done ticked, so a kept promise is never left open.

import { logTouch, touchKeeps } from '../backend.js';
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

  // "Did this keep “send the samples” (due Thu)?" — asked when no follow-up was given.
  const keptBox = el('input', { type: 'checkbox', checked: true });
  const keptText = el('span');
  const keptQuestion = el('label', { class: 'check kept-question', hidden: true }, keptBox, ' ', keptText);
  let kept = null; // the follow-up the question is about
  let askedFor = 0;
  let asking = Promise.resolve(); // the latest question, which a quick Enter waits for
  function ask() {
    asking = askNow();
    return asking;
  }
  async function askNow() {
    if (followup) return;
    const mine = ++askedFor;
    const answer = await touchKeeps(contactId, controls.when.value).catch(() => null);
    if (mine !== askedFor) return;
    const same = kept && answer && kept.id === answer.followup.id;
    kept = answer?.followup ?? null;
    keptText.textContent = answer?.question ?? '';
    keptQuestion.hidden = !kept;
    if (!same) keptBox.checked = true; // a new question starts ticked
  }

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
    keptQuestion,
    fields.field('note', 'Note', controls.note),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', text: 'Save touch' }),
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
    ),
  );

  guardSubmit(form, fields, async () => {
    await asking;
    const result = await logTouch({
      contactId,
      channel: controls.channel.value,
      outcome: controls.outcome.value,
      note: controls.note.value,
      when: controls.when.value,
      followupId: followup?.id ?? (kept && keptBox.checked ? kept.id : null),
    });
    onSaved(result);
  });
  submitOnCtrlEnter(form);
  controls.when.addEventListener('change', ask);
  ask();

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
