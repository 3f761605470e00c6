// The Contacts view: ties the list pane to the detail/form pane and owns the view's shortcuts.

import { deleteContact, getContact, setArchived } from '../backend.js';
import { el, isTyping } from '../dom.js';
import { say } from '../status.js';
import { createContactList } from './contactList.js';
import { createActivity } from './contactActivity.js';
import { askWhyTheyLeft } from './departureDialog.js';
import { confirmDelete, renderDetail, renderEmptyDetail } from './contactDetail.js';
import { createContactForm, loadStages } from './contactForm.js';
import { exportFile } from './exportContacts.js';
import { importFromFile } from './importContacts.js';

/**
 * intent: {contactId, action?: 'plan' | 'decide' | 'touch', followupId?} to open someone
 * straight away (from Today, Quick add, or a clicked notification naming a follow-up);
 * {action: 'new'} opens an empty contact form (from the welcome).
 */
export function mount(container, { intent = null } = {}) {
  let shown = null; // the Contact in the detail pane (also what Cancel returns to)
  let form = null; // the open form, if any
  let activity = null; // the shown contact's touches, follow-ups and decisions (kept across redraws)
  let openRequest = 0; // only the latest row opened may fill the pane

  const list = createContactList({
    onOpen: openContact,
    onNew: openNewForm,
    onImport: () => importFromFile().then((done) => done && list.reload()),
    onExport: () => exportFile(),
    onError: (err) => say(`Couldn’t load contacts: ${err.message}`),
  });
  const pane = el('div', { class: 'detail-pane' });
  container.append(el('div', { class: 'contacts-view' }, list.element, pane));

  loadStages().catch(() => {}); // warm the cache so the form opens complete; errors surface in the form
  showEmpty();
  const firstLoad = list.reload();
  if (intent) open(intent);

  function showEmpty() {
    shown = null;
    form = null;
    activity = null;
    list.select(null);
    pane.replaceChildren(renderEmptyDetail());
  }

  /**
   * Shows `contact` read-only; returns the rendered parts for focus. The same contact
   * shown again (after an edit or a change elsewhere) keeps its activity part, open
   * form and focus included, and its scroll position.
   */
  function showDetail(contact) {
    const same = String(shown?.id) === String(contact.id);
    shown = contact;
    form = null;
    list.select(contact.id);
    if (activity && String(activity.contactId) === String(contact.id)) {
      activity.setContact(contact);
    } else {
      activity = createActivity(contact, { openContact: (id) => open({ contactId: id }) });
    }
    const focused = activity.top.contains(document.activeElement) || activity.sections.contains(document.activeElement)
      ? document.activeElement
      : null;
    const scrollTop = pane.scrollTop;
    const detail = renderDetail(contact, {
      onEdit: () => openEditForm(contact),
      onToggleArchive: () => toggleArchive(contact),
      onDelete: () => remove(contact, detail),
    }, activity);
    pane.replaceChildren(detail.element);
    pane.scrollTop = same ? scrollTop : 0;
    focused?.focus({ preventScroll: true });
    return detail;
  }

  async function openContact(id, action = null) {
    const mine = ++openRequest;
    try {
      const contact = await getContact(id);
      if (mine !== openRequest) return;
      const detail = showDetail(contact);
      if (action) activity.open(action);
      return detail;
    } catch (err) {
      if (mine === openRequest) say(`Couldn’t open that contact: ${err.message}`);
    }
    return null;
  }

  /**
   * Opens someone from elsewhere (Today, Quick add, a notification): their page, and a
   * form if asked; focus follows. With a followupId, focus then moves on to that
   * follow-up's Done once the follow-ups are in, so Done, Snooze and Skip are one key away.
   */
  async function open({ contactId, action = null, followupId = null }) {
    if (action === 'new') {
      openNewForm();
      return;
    }
    if (form) closeForm();
    const detail = await openContact(contactId, action);
    if (!detail || action) return;
    detail.heading.focus();
    if (followupId !== null && followupId !== undefined) activity?.focusFollowup(followupId, detail.heading);
  }

  function openForm(contact) {
    openRequest++; // a slower row opening must not replace the form
    form = createContactForm({ contact, onSaved: saved, onCancel: closeForm });
    pane.replaceChildren(form.element);
    pane.scrollTop = 0;
    form.focus();
  }

  function openNewForm() {
    openForm(null);
  }

  function openEditForm(contact) {
    openForm(contact);
  }

  /** Back to what was showing before the form, with focus where the person came from. */
  function closeForm() {
    if (!form) return;
    if (shown) showDetail(shown).editButton.focus();
    else {
      showEmpty();
      list.newButton.focus();
    }
  }

  async function saved(contact) {
    const before = shown;
    showDetail(contact).heading.focus();
    // notice: what the backend cleaned on the way ("Removed 2 invisible characters from the name.").
    say(contact.notice ? `Saved ${contact.name}. ${contact.notice}` : `Saved ${contact.name}`);
    list.refresh();
    // A customer made inactive from the form is asked why, as from Mark inactive.
    const wasCustomer = before && String(before.id) === String(contact.id)
      && (before.stage === 'customer' || before.stage === 'new_customer');
    if (wasCustomer && contact.stage === 'inactive_customer') {
      const outcome = await askWhyTheyLeft(contact);
      if (outcome && String(shown?.id) === String(contact.id)) showDetail(outcome.contact).heading.focus();
    }
  }

  async function toggleArchive(contact) {
    try {
      const updated = await setArchived(contact.id, !contact.archived);
      showDetail(updated).archiveButton.focus();
      say(`${updated.archived ? 'Archived' : 'Unarchived'} ${updated.name}`);
      list.refresh();
    } catch (err) {
      say(`Couldn’t change ${contact.name}: ${err.message}`);
    }
  }

  async function remove(contact, detail) {
    if (!(await confirmDelete(contact.name))) {
      detail.deleteButton.focus();
      return;
    }
    try {
      await deleteContact(contact.id);
      showEmpty();
      say(`Deleted ${contact.name}`);
      await list.refresh();
      if (!list.focusList()) list.newButton.focus();
    } catch (err) {
      say(`Couldn’t delete ${contact.name}: ${err.message}`);
      detail.deleteButton.focus();
    }
  }

  /** Something changed elsewhere: refresh the list, and the open contact if it changed too. */
  async function refresh() {
    list.refresh();
    if (form || !shown) return; // never pull an open form out from under the person typing
    activity?.refresh();
    const mine = ++openRequest;
    try {
      const fresh = await getContact(shown.id);
      if (mine !== openRequest || form) return;
      // Re-render only on a real change, so focus on a detail button is not lost for nothing.
      if (fresh.updatedAt !== shown.updatedAt || fresh.archived !== shown.archived) showDetail(fresh);
    } catch (err) {
      if (mine === openRequest && err.kind === 'not_found') showEmpty();
    }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = isTyping(event.target);
    if (event.key === 'Escape' && form) {
      // Escape in the search box clears the search; everywhere else it closes the form.
      if (event.target === list.search) return;
      event.preventDefault();
      closeForm();
      return;
    }
    if (event.key === 'Escape' && activity?.isOpen() && event.target !== list.search) {
      event.preventDefault();
      activity.close();
      return;
    }
    if (typing) return;
    if (event.key === '/') {
      event.preventDefault();
      list.focusSearch();
    } else if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      openNewForm();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !pane.contains(event.target)) {
      // From anywhere outside the lists (sidebar, body), the arrows step into the contact list.
      if (list.focusList()) event.preventDefault();
    }
  }

  return {
    refresh,
    onKey,
    // Asked before the first rows arrived (a section key right after mounting): focus
    // goes to the list once they do, unless she moved it meanwhile.
    focusList: () => {
      if (list.focusList()) return true;
      Promise.resolve(firstLoad).then(() => {
        const active = document.activeElement;
        if (!active || active === document.body || active.tagName === 'H1') list.focusList();
      });
      return false;
    },
    open,
    unmount: () => list.destroy(),
  };
}
