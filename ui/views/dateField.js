// A day typed the way she says it ("Mon", "in 3 weeks", "Dec 3 at 2pm", "tomorrow evening"),
// read by the backend's one date-phrase reader (the one Quick add uses) as she types, with the
// day it means shown under it ("→ Mon 7 Dec, 09:00") and a calendar beside it.
//
// Every form that asks for a day uses this: Plan follow-up, Reschedule, snooze's "pick a
// date", a decision's "Ask again on", a cadence's start. What the field cannot read is said
// under it; it is never replaced by another day.

import { readDate } from '../backend.js';
import { el } from '../dom.js';
import { defaultTime, todayDate } from '../when.js';

const EXAMPLES = 'e.g. Mon, in 3 weeks, Dec 3 at 2pm';

/**
 * fields: a createFields() of the form; options:
 *   key/label: the text field's ('date', 'Date'); value: its starting text (a phrase or 'YYYY-MM-DD');
 *   withTime: also a Time field (timeKey/timeLabel, 'time'/'Time'; time: its 'HH:MM'), which wins
 *     over a time in the words; without it only the day is kept;
 *   allowPast: a day already gone is fine (the day a cadence starts from); else refused;
 *   hint: what shows under an empty field (default: a few examples).
 * → { element, timeElement (null without a time), input, timeInput, picker,
 *     resolve(): Promise<{date: 'YYYY-MM-DD', time: 'HH:MM' or ''}>, set(text), refresh() }
 *
 * resolve() reads the field again at that moment, so Enter right after typing never saves a
 * stale day; it rejects with the backend's error re-keyed to this field's (or the Time
 * field's) key, ready for fields.showError — guardSubmit does that.
 */
export function createDateField(fields, {
  key = 'date', label = 'Date', value = '', withTime = true, time = '',
  timeKey = 'time', timeLabel = 'Time', allowPast = false, hint = EXAMPLES,
} = {}) {
  const input = el('input', {
    type: 'text', autocomplete: 'off', spellcheck: 'false', value, placeholder: EXAMPLES,
    class: 'date-words',
  });
  const picker = el('input', {
    type: 'date', class: 'date-picker', 'aria-label': `${label}: pick on a calendar`,
    min: allowPast ? null : todayDate(),
  });
  const timeInput = withTime ? el('input', { type: 'time', value: time }) : null;

  const element = fields.field(key, label, input, hint);
  // The words and the calendar share a row; an error under the words wraps below both.
  const row = el('div', { class: 'date-row' });
  input.replaceWith(row);
  row.append(input, picker);
  const preview = element.querySelector('.hint');
  preview.classList.add('date-preview');
  preview.setAttribute('aria-live', 'polite');
  const timeElement = withTime
    ? fields.field(timeKey, timeLabel, timeInput, `empty = your default time, ${defaultTime()}`)
    : null;

  const ask = () => ({ text: input.value, time: timeInput?.value ?? '', withTime, allowPast });

  /** The backend's error, named after this form's fields rather than 'date'/'time'. */
  const rekeyed = (err) => {
    if (err?.kind === 'invalid') err.field = err.field === 'time' && withTime ? timeKey : key;
    return err;
  };

  let asked = 0;
  async function refresh() {
    const mine = ++asked;
    if (!input.value.trim()) {
      show(hint, 'empty');
      return;
    }
    try {
      const reading = await readDate(ask());
      if (mine !== asked) return; // she typed on; a newer answer is coming
      show(reading.why ? `→ ${reading.shown}. ${reading.why}` : `→ ${reading.shown}`, 'read');
      picker.value = reading.date;
    } catch (err) {
      if (mine !== asked) return;
      show(err.message, 'unread');
    }
  }

  function show(text, state) {
    preview.textContent = text;
    preview.dataset.state = state;
  }

  let timer = null;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 120);
  };
  input.addEventListener('input', soon);
  timeInput?.addEventListener('input', soon);
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    input.value = picker.value;
    refresh();
  });

  async function resolve() {
    clearTimeout(timer);
    try {
      const reading = await readDate(ask());
      return { date: reading.date, time: reading.time ?? '' };
    } catch (err) {
      throw rekeyed(err);
    }
  }

  function set(text) {
    input.value = text;
    refresh();
  }

  if (value) refresh();
  return { element, timeElement, input, timeInput, picker, resolve, set, refresh };
}
