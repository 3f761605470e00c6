// Settings for the rhythms: the weekdays she doesn't work and the dates she adds (holidays),
// which no cadence step lands on, and whether a quick-add line with a date goes on with New lead.

import { setSetting } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { formatDate } from '../when.js';

const WEEKDAYS = [
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'],
  ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
];

/** → {element, show(settings)}: a Settings group; show() draws what the backend keeps. */
export function createCadenceSettings() {
  let savedWeekdays = [];
  let savedDates = [];

  const weekdayBoxes = WEEKDAYS.map(([key, label]) => {
    const box = el('input', { type: 'checkbox', value: key, onchange: () => saveWeekdays(box) });
    return { key, label, box, node: el('label', { class: 'check' }, box, ` ${label}`) };
  });
  const weekdayError = el('p', { class: 'field-error', id: 'days-off-weekdays-error', role: 'alert' });

  const newDate = el('input', { type: 'date', id: 'day-off-date', 'aria-describedby': 'days-off-hint' });
  const addButton = el('button', { type: 'button', text: 'Add day off', onclick: addDate });
  const dateError = el('p', { class: 'field-error', id: 'day-off-date-error', role: 'alert' });
  const dateList = el('ul', { class: 'days-off-list', 'aria-label': 'Days off' });
  newDate.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addDate();
    }
  });

  const datedLine = el('input', {
    type: 'checkbox', id: 'dated-line-new-lead', checked: true, 'aria-describedby': 'dated-line-hint', onchange: saveDatedLine,
  });

  const element = el('section', { class: 'settings-group', 'aria-labelledby': 'cadences-heading' },
    el('h2', { id: 'cadences-heading', text: 'Cadences and days off' }),
    el('fieldset', { class: 'weekdays-off', 'aria-describedby': 'days-off-hint' },
      el('legend', { text: 'Days you don’t work' }),
      el('div', { class: 'weekday-grid' }, weekdayBoxes.map((w) => w.node)),
      weekdayError,
    ),
    el('div', { class: 'field' },
      el('label', { for: newDate.id, text: 'Add a day off (a holiday)' }),
      el('div', { class: 'field-row' }, newDate, addButton),
      dateError,
      el('p', {
        class: 'hint',
        id: 'days-off-hint',
        text: 'A cadence step never lands on a day off: it moves to your next working day and says so. Dates you pick yourself stay as you pick them.',
      }),
    ),
    dateList,
    el('div', { class: 'check-field' },
      el('label', { class: 'check' }, datedLine, ' A quick-add line with a date starts New lead after it'),
      el('p', {
        class: 'hint',
        id: 'dated-line-hint',
        text: '“Jane call Thu”: Thursday’s call is the first step, 3 weeks and 3 months follow, so one call is not the end of the story.',
      }),
    ),
  );

  function show(settings) {
    if (Array.isArray(settings?.daysOffWeekdays)) {
      savedWeekdays = settings.daysOffWeekdays;
      for (const { key, box } of weekdayBoxes) box.checked = savedWeekdays.includes(key);
    }
    if (Array.isArray(settings?.daysOffDates)) {
      savedDates = settings.daysOffDates;
      drawDates();
    }
    if (typeof settings?.datedLineStartsNewLead === 'boolean') datedLine.checked = settings.datedLineStartsNewLead;
  }

  async function saveWeekdays(changed) {
    const chosen = weekdayBoxes.filter((w) => w.box.checked).map((w) => w.key);
    try {
      await setSetting('daysOffWeekdays', chosen.join(','));
      savedWeekdays = chosen;
      weekdayError.textContent = '';
      const names = weekdayBoxes.filter((w) => w.box.checked).map((w) => w.label);
      say(names.length ? `Days off: ${names.join(', ')}` : 'No weekdays off');
    } catch (err) {
      changed.checked = savedWeekdays.includes(changed.value); // nothing changed: show what is kept
      weekdayError.textContent = err.message;
    }
  }

  async function saveDates(dates, told) {
    await setSetting('daysOffDates', dates.join(','));
    savedDates = [...new Set(dates)].sort();
    drawDates();
    say(told);
  }

  async function addDate() {
    const date = newDate.value;
    if (!date) {
      dateError.textContent = 'Pick the date of the day off.';
      newDate.focus();
      return;
    }
    try {
      await saveDates([...savedDates, date], `Day off: ${formatDate(date)}`);
      dateError.textContent = '';
      newDate.value = '';
      newDate.focus();
    } catch (err) {
      dateError.textContent = err.message;
      newDate.focus();
    }
  }

  async function removeDate(date) {
    try {
      await saveDates(savedDates.filter((d) => d !== date), `No longer a day off: ${formatDate(date)}`);
      (dateList.querySelector('button') ?? newDate).focus();
    } catch (err) {
      say(`Couldn’t remove that day off: ${err.message}`);
    }
  }

  function drawDates() {
    dateList.hidden = savedDates.length === 0;
    dateList.replaceChildren(...savedDates.map((date) => el('li', {},
      el('span', { text: formatDate(date) }),
      el('button', {
        type: 'button', class: 'link', text: 'Remove', 'aria-label': `Remove ${formatDate(date)}`,
        onclick: () => removeDate(date),
      }))));
  }

  async function saveDatedLine() {
    const on = datedLine.checked;
    try {
      await setSetting('datedLineStartsNewLead', on ? 'on' : 'off');
      say(on ? 'A dated quick-add line starts New lead after it' : 'A dated quick-add line plans only its own step');
    } catch (err) {
      datedLine.checked = !on;
      say(`Couldn’t change that: ${err.message}`);
    }
  }

  return { element, show };
}
