// A follow-up's buttons (Done, Snooze, Reschedule, Skip) and the small dialogs behind
// them, shared by Today and the contact page.
//
// Snooze and Reschedule are different on purpose: Snooze = "remind me later, the promise
// keeps its date"; Reschedule = "move the promise". Each dialog says which one it is.

import {
  completeFollowup, rescheduleFollowup, skipFollowup, snoozeFollowup, snoozeFollowupUntil, snoozeOptions,
} from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { describeDue, describeWhen, formatSoon, todayDate } from '../when.js';
import { createDateField } from './dateField.js';
import { openDialog } from './dialog.js';
import { createFields, guardSubmit } from './formKit.js';
import { promiseText } from './touchForm.js';

/** "Call Jane Doe — send samples": a follow-up named in a confirmation. */
export function followupName(followup) {
  const what = `${followup.channelLabel} ${followup.contactName}`;
  return followup.promise ? `${what} — ${followup.promise}` : what;
}

/**
 * The buttons for one pending follow-up. describedBy: id of the item's title, so that
 * with many items each "Done" is still told apart (its name stays "Done").
 * keys: announce the single-key shortcuts (Today only).
 * onDone(completed) after complete_followup ({followup, touchChannel});
 * onChange(followup) after a snooze, reschedule or skip.
 */
export function followupButtons(followup, { describedBy = null, keys = false, onDone, onChange }) {
  const button = (text, action, props = {}) => el('button', {
    type: 'button', text, 'data-action': action, 'aria-describedby': describedBy, ...props,
  });
  const done = button('Done', 'done', { class: 'accent', 'aria-keyshortcuts': keys ? 'D' : null });
  const snooze = button('Snooze', 'snooze', {
    title: 'Remind me later — the promise keeps its date', 'aria-haspopup': 'dialog',
    'aria-keyshortcuts': keys ? 'S' : null,
  });
  const reschedule = button('Reschedule', 'reschedule', {
    title: 'Move the promise to another date', 'aria-haspopup': 'dialog',
  });
  const skip = button('Skip', 'skip', { title: 'Let this one go, with a reason if you like', 'aria-haspopup': 'dialog' });

  let busy = false;
  async function markDone() {
    if (busy) return;
    busy = true;
    try {
      const completed = await completeFollowup(followup.id);
      say(`Done: ${followupName(completed.followup)}`);
      onDone?.(completed);
    } catch (err) {
      say(`Couldn’t mark that done: ${err.message}`);
    } finally {
      busy = false;
    }
  }

  // After a dialog, focus goes back to the button that opened it, if it is still there.
  const after = (opener) => (changed) => {
    if (opener.isConnected) opener.focus();
    if (changed) onChange?.(changed);
  };

  done.addEventListener('click', markDone);
  snooze.addEventListener('click', () => openSnooze(followup).then(after(snooze)));
  reschedule.addEventListener('click', () => openReschedule(followup).then(after(reschedule)));
  skip.addEventListener('click', () => openSkip(followup).then(after(skip)));

  return { done, snooze, reschedule, skip, all: [done, snooze, reschedule, skip] };
}

/** Snooze: one of snooze_options(), or a picked date and time. Resolves to the Followup or null. */
export async function openSnooze(followup) {
  let options;
  try {
    options = await snoozeOptions();
  } catch (err) {
    say(`Couldn’t snooze: ${err.message}`);
    return null;
  }
  return openDialog('Snooze', (close) => {
    const fields = createFields('snooze');
    const when = createDateField(fields);
    const snoozed = (result) => {
      say(`Snoozed until ${formatSoon(result.snoozedUntil)}`);
      close(result);
    };

    const choices = options.map((option) => el('li', {},
      el('button', {
        type: 'button',
        class: 'choice',
        text: option.label,
        onclick: async () => {
          fields.clearErrors();
          try {
            snoozed(await snoozeFollowup(followup.id, option.choice));
          } catch (err) {
            fields.showError(err);
          }
        },
      }),
    ));
    const pickButton = el('button', { type: 'button', class: 'choice', text: 'Pick a date…', 'aria-expanded': 'false' });
    const pickForm = el('form', { class: 'pick', 'aria-label': 'Snooze until a date', novalidate: true, hidden: true },
      el('div', { class: 'field-pair' }, when.element, when.timeElement),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Snooze until then' })),
    );
    pickButton.addEventListener('click', () => {
      pickForm.hidden = !pickForm.hidden;
      pickButton.setAttribute('aria-expanded', String(!pickForm.hidden));
      if (!pickForm.hidden) when.input.focus();
    });
    guardSubmit(pickForm, fields, async () => {
      const { date, time } = await when.resolve();
      snoozed(await snoozeFollowupUntil(followup.id, date, time));
    });

    const list = el('ul', { class: 'choices', 'aria-label': 'Snooze until' }, choices, el('li', {}, pickButton));
    // Up and down move through the choices, as in a menu.
    list.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const buttons = [...list.querySelectorAll('button')];
      const at = buttons.indexOf(event.target);
      if (at < 0) return;
      event.preventDefault();
      buttons[(at + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length].focus();
    });

    return {
      content: [
        el('h2', { text: 'Snooze: remind me later' }),
        el('p', { class: 'dialog-lede', text: `“${promiseText(followup)}” with ${followup.contactName} stays ${describeDue(followup)}; only the reminder moves. To move the promise itself, use Reschedule.` }),
        fields.formError,
        list,
        pickForm,
        el('div', { class: 'actions' }, el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) })),
      ],
      focus: choices[0]?.firstElementChild ?? pickButton,
    };
  });
}

/** Reschedule: the promise itself moves to a new date (and time). Resolves to the Followup or null. */
export function openReschedule(followup) {
  return openDialog('Reschedule', (close) => {
    const fields = createFields('reschedule');
    const today = todayDate();
    const dueDate = String(followup.dueLocal ?? '').slice(0, 10);
    // An overdue promise starts from today; she types over it ("Mon", "in 2 weeks").
    const when = createDateField(fields, {
      value: today && dueDate < today ? 'today' : dueDate,
      time: followup.hasTime ? String(followup.dueLocal).slice(11, 16) : '',
    });
    const form = el('form', { class: 'mini-form', novalidate: true }, // named by its dialog
      el('h2', { text: 'Reschedule: move the promise' }),
      el('p', { class: 'dialog-lede', text: `“${promiseText(followup)}” with ${followup.contactName} is ${describeDue(followup)}. It will be due on the new date instead. (To be reminded later without moving it, use Snooze.)` }),
      fields.formError,
      el('div', { class: 'field-pair' }, when.element, when.timeElement),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary', text: 'Move follow-up' }),
        el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) }),
      ),
    );
    guardSubmit(form, fields, async () => {
      const { date, time } = await when.resolve();
      const moved = await rescheduleFollowup(followup.id, date, time);
      say(`Moved: ${followupName(moved)}, ${describeWhen(moved)}`);
      close(moved);
    });
    return { content: [form], focus: when.input };
  });
}

/** Skip, with an optional reason. Resolves to the Followup or null. */
export function openSkip(followup) {
  return openDialog('Skip follow-up', (close) => {
    const fields = createFields('skip');
    const reason = el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. she already ordered' });
    const form = el('form', { class: 'mini-form', novalidate: true }, // named by its dialog
      el('h2', { text: 'Skip this follow-up?' }),
      el('p', { class: 'dialog-lede', text: `“${promiseText(followup)}” with ${followup.contactName}, ${describeDue(followup)}.` }),
      fields.formError,
      fields.field('reason', 'Reason', reason, 'optional'),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary', text: 'Skip follow-up' }),
        el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) }),
      ),
    );
    guardSubmit(form, fields, async () => {
      const skipped = await skipFollowup(followup.id, reason.value);
      say(`Skipped: ${followupName(skipped)}`);
      close(skipped);
    });
    return { content: [form], focus: reason };
  });
}
