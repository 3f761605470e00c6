// The right pane's read view of one contact, and the confirmation asked before deleting one.

import { el, localTime } from '../dom.js';
import { formatDayOfYear } from '../dates.js';
import { formatDate } from '../when.js';
import { REASONS } from './departureDialog.js';
import { reachLine } from './reach.js';

const LEFT_LABELS = Object.fromEntries(REASONS.map(([key, label]) => [key, label]));

/**
 * Renders `contact` with Edit, Archive/Unarchive and Delete wired to the given callbacks.
 * `activity` (contactActivity.js) brings Log touch, Plan follow-up, Record decision, Apply
 * cadence and the Follow-ups, Touches and Decisions sections; its nodes are moved in, not
 * rebuilt, so an open form survives a redraw of the rest.
 * Returns the section plus the parts the caller moves focus to.
 */
export function renderDetail(contact, { onEdit, onToggleArchive, onDelete }, activity = null) {
  const heading = el('h2', { tabindex: '-1', text: contact.name });
  const editButton = el('button', { type: 'button', text: 'Edit', onclick: onEdit });
  const archiveButton = el('button', {
    type: 'button',
    text: contact.archived ? 'Unarchive' : 'Archive',
    onclick: onToggleArchive,
  });
  const deleteButton = el('button', { type: 'button', class: 'danger', text: 'Delete', onclick: onDelete });

  const facts = el('dl', { class: 'facts' });
  const fact = (term, ...value) => facts.append(el('dt', { text: term }), el('dd', {}, ...value));

  fact('Stage', contact.stageLabel);
  if (contact.leftReason) fact('Left', LEFT_LABELS[contact.leftReason] ?? contact.leftReason);
  if (contact.birthday) fact('Birthday', formatDayOfYear(contact.birthday));
  // Every phone and email, each with Call / Text / Email / Copy; an email's subject is
  // the promise it is about (the soonest pending follow-up's).
  const phones = contact.phones ?? (contact.phone ? [{ display: contact.phone, e164: contact.phoneE164 }] : []);
  const emails = contact.emails ?? (contact.email ? [contact.email] : []);
  const subject = () => activity?.nextPromise?.() ?? '';
  phones.forEach((phone, index) => fact(index ? 'Other phone' : 'Phone',
    reachLine({ phone: phone.display, phoneE164: phone.e164 }, { name: contact.name })));
  emails.forEach((email, index) => fact(index ? 'Other email' : 'Email',
    reachLine({ email }, { name: contact.name, subject })));
  if (contact.metWhere || contact.metOn) {
    const on = contact.metOn ? formatDate(contact.metOn) : '';
    fact('Met', [contact.metWhere, on].filter(Boolean).join(', '));
  }
  if (contact.tags?.length) {
    fact('Tags', el('ul', { class: 'tags' }, contact.tags.map((tag) => el('li', { text: tag }))));
  }
  if (contact.notes) fact('Notes', el('div', { class: 'notes', text: contact.notes }));
  fact('Added', el('time', { datetime: contact.createdAt, text: localTime(contact.createdAt) }));
  fact('Updated', el('time', { datetime: contact.updatedAt, text: localTime(contact.updatedAt) }));

  const element = el('section', { class: 'detail', 'aria-label': 'Contact details' },
    el('header', { class: 'detail-header' },
      el('div', { class: 'detail-title' },
        heading,
        contact.archived ? el('span', { class: 'badge', text: 'Archived' }) : null,
      ),
      el('div', { class: 'actions' }, editButton, archiveButton, deleteButton),
    ),
    mattersNowLine(contact.mattersNow),
    activity?.top,
    facts,
    activity?.sections,
  );
  return { element, heading, editButton, archiveButton, deleteButton };
}

/**
 * `What matters to them now`, with the day it was noted (so a stale one shows): at the top
 * of her page and on every Today row about her. Null when nothing is noted.
 */
export function mattersNowLine(mattersNow) {
  if (!mattersNow?.text) return null;
  const noted = mattersNow.notedOn ? ` (noted ${formatDate(mattersNow.notedOn)})` : '';
  return el('p', { class: 'matters-now' },
    el('strong', { text: 'What matters to them now: ' }),
    el('span', { text: mattersNow.text }),
    el('span', { class: 'hint', text: noted }),
  );
}

/** What the detail pane shows when no contact is open: a short how-to for the keyboard. */
export function renderEmptyDetail() {
  const key = (k) => el('kbd', { text: k });
  return el('div', { class: 'empty-detail' },
    el('p', { text: 'Pick someone from the list to see their details.' }),
    el('ul', { class: 'key-hints', 'aria-label': 'Keyboard shortcuts' },
      el('li', {}, key('/'), ' search'),
      el('li', {}, key('N'), ' new contact'),
      el('li', {}, key('↑'), ' ', key('↓'), ' move through the list'),
      el('li', {}, key('Enter'), ' open'),
      el('li', {}, key('Esc'), ' close the form'),
    ),
  );
}

/** Asks in a modal dialog; resolves true only if the person chose "Delete contact". */
export function confirmDelete(name) {
  return new Promise((resolve) => {
    const cancel = el('button', { type: 'button', text: 'Cancel' });
    const confirm = el('button', { type: 'button', class: 'danger-solid', text: 'Delete contact' });
    const dialog = el('dialog', { class: 'confirm', 'aria-label': 'Confirm delete' },
      el('p', { text: `Delete ${name}? This cannot be undone.` }),
      el('div', { class: 'actions' }, cancel, confirm),
    );
    cancel.addEventListener('click', () => dialog.close('cancel'));
    confirm.addEventListener('click', () => dialog.close('delete'));
    // Escape fires `cancel` then `close` natively; returnValue stays empty, so it counts as no.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'delete');
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus(); // the safe choice is the default one
  });
}
