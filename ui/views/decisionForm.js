// The Record decision form, and what to say about what a decision set in motion. Bought, No
// and Not now answer the contact's open promises: the form lists them, ticked, and saving
// closes the ticked ones (done when bought, skipped otherwise) in the same transaction.

import { decisionAnswers, recordDecision } from '../backend.js';
import { el } from '../dom.js';
import { describeDue, formatDate, plural } from '../when.js';
import { createDateField } from './dateField.js';
import { DECISIONS, createFields, guardSubmit, select } from './formKit.js';
import { promiseText, submitOnCtrlEnter } from './touchForm.js';

// How the ticked promises close, by decision (the backend decides which ones).
const SETTLES = {
  bought: 'Close as done — the sale answers them',
  no: 'Close as skipped — “No — for today” answers them',
  not_now: 'Close as skipped — “Not now” answers them',
};

/** onSaved(outcome) gets record_decision's answer. */
export function createDecisionForm({ contactId, contactName, onSaved, onCancel }) {
  const fields = createFields('decision');
  const controls = {
    // No decision is pre-chosen: recording one by accident would stop or start cadences.
    kind: select([['', 'Choose…'], ...DECISIONS], ''),
    note: el('textarea', { rows: '3' }),
  };
  const revisit = createDateField(fields, {
    key: 'revisitOn', label: 'Ask again on', withTime: false,
    hint: 'empty = in 3 months for Not now, 6 months for No',
  });

  // The open promises the chosen decision answers, each a ticked box she may untick.
  const answered = el('fieldset', { class: 'settles', hidden: true });
  let answersAsked = 0;

  async function showAnswers() {
    const kind = controls.kind.value;
    const mine = ++answersAsked;
    const open = SETTLES[kind] ? await decisionAnswers(contactId, kind).catch(() => []) : [];
    if (mine !== answersAsked) return; // she chose again meanwhile
    answered.hidden = open.length === 0;
    answered.replaceChildren(
      el('legend', { text: SETTLES[kind] ?? '' }),
      ...open.map((followup) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', checked: true, value: String(followup.id), 'data-followup': followup.id }),
        ` ${promiseText(followup)} (${describeDue(followup)})`)),
    );
  }
  controls.kind.addEventListener('change', showAnswers);

  const form = el('form', { class: 'mini-form', 'aria-label': 'Record decision', novalidate: true },
    el('h3', { text: `Where does ${contactName} stand?` }),
    fields.formError,
    el('div', { class: 'field-pair' },
      fields.field('kind', 'Decision', controls.kind),
      revisit.element,
    ),
    answered,
    fields.field('note', 'Note', controls.note),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', text: 'Save decision' }),
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
    ),
  );

  guardSubmit(form, fields, async () => {
    // Empty is fine here: Not now and No then choose their own day.
    const revisitOn = revisit.input.value.trim() ? (await revisit.resolve()).date : '';
    const keepOpen = answered.hidden
      ? []
      : [...answered.querySelectorAll('input[type="checkbox"]')].filter((box) => !box.checked).map((box) => Number(box.value));
    const outcome = await recordDecision({
      contactId,
      kind: controls.kind.value,
      note: controls.note.value,
      revisitOn,
      keepOpen,
    });
    onSaved(outcome);
  });
  submitOnCtrlEnter(form);

  return { element: form, focus: () => controls.kind.focus() };
}

/**
 * What a decision did, in a sentence or few: "Bought. Stopped: New lead…. Started: New
 * customer care. Stage is now New customer." `stageBefore` is the contact's stage key
 * before; the outcome's own `stageLabel` names the new stage, else `stageLabel(key)` does.
 */
export function describeOutcome(outcome, stageBefore, stageLabel) {
  const parts = [`Recorded: ${outcome.decision.label}`];
  if (outcome.stoppedCadences?.length) parts.push(`Stopped: ${outcome.stoppedCadences.join(', ')}`);
  if (outcome.settled?.length) {
    const how = outcome.decision.kind === 'bought' ? 'done' : 'skipped';
    parts.push(`Closed as ${how}: ${plural(outcome.settled.length, 'follow-up')}`);
  }
  if (outcome.startedCadence) parts.push(`Started: ${outcome.startedCadence}`);
  if (outcome.stage && outcome.stage !== stageBefore) {
    parts.push(`Stage is now ${outcome.stageLabel ?? stageLabel(outcome.stage)}`);
  }
  const revisit = outcome.revisit?.dueLocal?.slice(0, 10) ?? outcome.decision.revisitOn;
  if (revisit) parts.push(`Will ask again on ${formatDate(revisit)}`);
  return `${parts.join('. ')}.`;
}
