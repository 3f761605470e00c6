// On a contact's page: her `Birthday` and `What matters to them now` (saved together; the
// day it was noted moves only when it changes), and the other dated events she adds —
// an anniversary every year, "baby due" once.

import { addContactEvent, contactEvents, removeContactEvent, saveAbout } from '../backend.js';
import { formatDayOfYear } from '../dates.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { createFields, guardSubmit } from './formKit.js';

/** Returns {element, load(person)}; onSaved(contact) after the details are saved. */
export function createAbout({ onSaved = () => {} } = {}) {
  let person = null;
  const fields = createFields('about');
  const controls = {
    birthday: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. 14 Mar or 14 Mar 1984' }),
    mattersNow: el('input', { type: 'text', autocomplete: 'off', placeholder: 'a holiday, a gift to buy, a life change' }),
  };
  const form = el('form', { class: 'mini-form about-form', 'aria-label': 'About her', novalidate: true },
    fields.formError,
    el('div', { class: 'field-pair' },
      fields.field('birthday', 'Birthday', controls.birthday, 'with or without the year'),
      fields.field('mattersNow', 'What matters to them now', controls.mattersNow),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Save details' })),
  );
  guardSubmit(form, fields, async () => {
    const contact = await saveAbout(person.id, { birthday: controls.birthday.value, mattersNow: controls.mattersNow.value });
    person = contact;
    show(contact);
    say(`Saved ${contact.name}’s details`);
    onSaved(contact);
  });

  // ---------- other dates ----------
  const eventFields = createFields('event');
  const eventControls = {
    label: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. wedding anniversary, baby due' }),
    date: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. 20 May 2027' }),
    yearly: el('input', { type: 'checkbox' }),
  };
  const eventList = el('ul', { class: 'history', 'aria-label': 'Dates to remember', hidden: true });
  const eventForm = el('form', { class: 'mini-form', 'aria-label': 'Add a date', novalidate: true },
    eventFields.formError,
    el('div', { class: 'field-pair' },
      eventFields.field('label', 'What', eventControls.label),
      eventFields.field('date', 'On', eventControls.date),
    ),
    el('label', { class: 'check' }, eventControls.yearly, ' Every year'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Add date' })),
  );
  guardSubmit(eventForm, eventFields, async () => {
    const events = await addContactEvent({
      contactId: person.id, label: eventControls.label.value, date: eventControls.date.value, yearly: eventControls.yearly.checked,
    });
    say(`Added ${eventControls.label.value.trim()} for ${person.name}`);
    eventControls.label.value = '';
    eventControls.date.value = '';
    eventControls.yearly.checked = false;
    renderEvents(events);
    eventControls.label.focus();
  });

  function renderEvents(events) {
    eventList.hidden = events.length === 0;
    eventList.replaceChildren(...events.map((event) => {
      const lineId = `event-${event.id}`;
      return el('li', {},
        el('p', { class: 'history-line', id: lineId },
          el('strong', { text: event.label }),
          el('span', { text: ` · ${formatDayOfYear(event.date)}${event.yearly ? ', every year' : ''}` }),
        ),
        el('button', {
          type: 'button', class: 'link', text: 'Remove', 'aria-describedby': lineId,
          onclick: async () => {
            try {
              renderEvents(await removeContactEvent(event.id));
              say(`Removed ${event.label}`);
            } catch (err) {
              say(`Couldn’t remove ${event.label}: ${err.message}`);
            }
          },
        }),
      );
    }));
  }

  function show(contact) {
    if (document.activeElement !== controls.birthday) {
      controls.birthday.value = contact.birthday ? formatDayOfYear(contact.birthday) : '';
    }
    if (document.activeElement !== controls.mattersNow) controls.mattersNow.value = contact.mattersNow?.text ?? '';
  }

  async function load(fresh) {
    person = fresh;
    show(fresh);
    try {
      renderEvents(await contactEvents(fresh.id));
    } catch (err) {
      if (err.kind !== 'not_found') say(`Couldn’t load ${fresh.name}’s dates: ${err.message}`);
    }
  }

  const element = el('div', { class: 'activity-body' }, form, eventList, eventForm);
  return { element, load };
}
