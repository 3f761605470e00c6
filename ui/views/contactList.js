// The left pane of Contacts: search-as-you-type, the paged list, and moving through it by keyboard.

import { listContacts } from '../backend.js';
import { el } from '../dom.js';

const PAGE = 50;
// However many contacts there are, the DOM holds a sliding window of at most this many rows.
const MAX_ROWS = 500;

/**
 * onOpen(id): a row was chosen. onNew(): the New contact button. onImport(), onExport():
 * the Import contacts and Export buttons. onError(err): a load failed.
 * Returns the pane element and the few operations the Contacts view needs.
 */
export function createContactList({ onOpen, onNew, onImport = null, onExport = null, onError }) {
  let generation = 0; // bumped by every new query; a response from an older one is dropped
  let shownGeneration = 0; // the generation whose rows are on screen
  let pagingGeneration = -1; // the generation with a page load in flight, if any
  let query = ''; // the query and filter the rows on screen answer
  let includeArchived = false;
  let start = 0; // offset of the first row in the DOM
  let total = 0;
  let selectedId = null;
  let tabStop = null; // the one row reachable with Tab (roving tabindex)
  const idOf = new WeakMap(); // row button → contact id as the backend typed it (data-id is only text)
  let focusNewRows = null; // 'next'/'prev': a Load button was pressed while a scroll-triggered load was in flight

  const search = el('input', {
    type: 'search',
    'aria-label': 'Search contacts',
    'aria-keyshortcuts': '/',
    'aria-controls': 'contact-list',
    placeholder: 'Name, phone, email, tag or note',
    autocomplete: 'off',
    spellcheck: 'false',
    oninput: () => reload(),
    onkeydown: (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        focusList();
      }
    },
  });
  const showArchived = el('input', { type: 'checkbox', id: 'show-archived', onchange: () => reload() });
  const count = el('p', { id: 'result-count', role: 'status' });
  const list = el('ul', {
    id: 'contact-list',
    class: 'contact-list',
    'aria-label': 'Contact list',
    onclick: (event) => {
      const row = event.target.closest('.contact-row');
      if (row) open(row);
    },
    onkeydown: onListKey,
    onfocusin: (event) => {
      if (event.target.classList.contains('contact-row')) setTabStop(event.target);
    },
  });
  const emptyHint = el('p', { class: 'empty-hint', hidden: true },
    'No one here yet. Press ', el('kbd', { text: 'N' }), ' or New contact to add someone.');
  const loadPrevious = el('button', {
    type: 'button', class: 'load-button', hidden: true, text: 'Load previous',
    onclick: () => pagePrevious(true),
  });
  const loadMore = el('button', {
    type: 'button', class: 'load-button', hidden: true, text: 'Load more',
    onclick: () => pageNext(true),
  });
  const topSentinel = el('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const bottomSentinel = el('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const scroller = el('div', { class: 'list-scroll' },
    topSentinel, loadPrevious, list, emptyHint, loadMore, bottomSentinel);

  const newButton = el('button', {
    type: 'button', class: 'primary', text: 'New contact', 'aria-keyshortcuts': 'n',
    title: 'New contact (N)', onclick: () => onNew(),
  });

  const element = el('div', { class: 'list-pane' },
    el('div', { class: 'list-header' },
      el('div', { class: 'title-row' }, el('h1', { text: 'Contacts' }), newButton),
      onImport || onExport
        ? el('div', { class: 'io-row' },
          onImport ? el('button', { type: 'button', text: 'Import contacts', onclick: () => onImport() }) : null,
          onExport ? el('button', { type: 'button', text: 'Export', 'aria-haspopup': 'dialog', onclick: () => onExport() }) : null)
        : null,
      search,
      el('div', { class: 'filter-row' },
        el('label', { class: 'check' }, showArchived, ' Show archived'),
        count,
      ),
    ),
    scroller,
  );

  // Load the next or previous page as the person scrolls close to either end.
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      if (entry.target === bottomSentinel) pageNext(false);
      else pagePrevious(false);
    }
  }, { root: scroller, rootMargin: '400px 0px' });
  observer.observe(topSentinel);
  observer.observe(bottomSentinel);

  function rowFor(contact) {
    const meta = [contact.stageLabel, contact.phone, contact.email].filter(Boolean).join(' · ');
    const selected = String(contact.id) === String(selectedId);
    const button = el('button', {
      type: 'button',
      class: 'contact-row',
      tabindex: '-1',
      'data-id': contact.id,
      'aria-current': selected ? 'true' : null,
    },
    el('span', { class: 'row-top' },
      el('strong', { class: 'row-name', text: contact.name }),
      contact.archived ? el('span', { class: 'badge', text: 'Archived' }) : null,
    ),
    el('span', { class: 'row-meta', text: meta }),
    );
    idOf.set(button, contact.id);
    return el('li', {}, button);
  }

  const rows = () => list.querySelectorAll('.contact-row');
  const rowById = (id) => [...rows()].find((r) => r.dataset.id === String(id)) ?? null;

  function setTabStop(row) {
    if (tabStop === row) return;
    if (tabStop) tabStop.tabIndex = -1;
    tabStop = row;
    if (row) row.tabIndex = 0;
  }

  function open(row) {
    select(row.dataset.id);
    setTabStop(row);
    onOpen(idOf.get(row));
  }

  /** Marks the row for `id` as the one shown in the detail pane (null for none). */
  function select(id) {
    selectedId = id === null || id === undefined ? null : String(id);
    for (const row of list.querySelectorAll('.contact-row[aria-current]')) row.removeAttribute('aria-current');
    const row = selectedId === null ? null : rowById(selectedId);
    if (row) {
      row.setAttribute('aria-current', 'true');
      setTabStop(row);
    }
  }

  // How many rows to drop from one end to get back to MAX_ROWS. If the focused row is
  // among them, focus first moves to the nearest row that stays (without scrolling):
  // removing the focused row would throw keyboard focus back to the page, and keeping it
  // (as this once did) let the list grow without bound while a row near the top had
  // focus and the person scrolled down with the wheel.
  function droppable(fromTop) {
    const count = list.children.length;
    const extra = count - MAX_ROWS;
    if (extra <= 0) return 0;
    const focusedItem = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
    if (focusedItem) {
      const at = [...list.children].indexOf(focusedItem);
      const dropped = fromTop ? at < extra : at >= count - extra;
      if (dropped) {
        const stays = list.children[fromTop ? extra : count - extra - 1];
        stays.querySelector('.contact-row')?.focus({ preventScroll: true });
      }
    }
    return extra;
  }

  // Everything that depends on which rows are on screen, after any change to them.
  function settle() {
    const shown = list.children.length;
    loadPrevious.hidden = start === 0;
    loadMore.hidden = start + shown >= total;
    emptyHint.hidden = !(total === 0 && query === '' && !includeArchived);
    if (total === 0) count.textContent = query ? `No contacts match “${query}”` : 'No contacts';
    else count.textContent = total === 1 ? '1 contact' : `${total.toLocaleString()} contacts`;
    if (!tabStop || !tabStop.isConnected) {
      tabStop = null;
      setTabStop((selectedId !== null && rowById(selectedId)) || list.querySelector('.contact-row'));
    }
    // Re-observing makes the observer report again, so a tall pane keeps filling itself.
    observer.unobserve(topSentinel);
    observer.unobserve(bottomSentinel);
    observer.observe(topSentinel);
    observer.observe(bottomSentinel);
  }

  /** A new query or filter: start again from the first page. */
  async function reload() {
    const mine = ++generation;
    const wanted = { query: search.value.trim(), includeArchived: showArchived.checked };
    try {
      const page = await listContacts({ ...wanted, offset: 0, limit: PAGE });
      if (mine !== generation) return;
      ({ query, includeArchived } = wanted);
      shownGeneration = mine;
      focusNewRows = null;
      start = 0;
      total = page.total;
      list.replaceChildren(...page.items.map(rowFor));
      scroller.scrollTop = 0;
      settle();
    } catch (err) {
      if (mine === generation) onError(err);
    }
  }

  /** Data changed: reload the same window of rows in place, keeping scroll and focus. */
  async function refresh() {
    if (shownGeneration !== generation) return reload(); // a newer query is on its way anyway
    const mine = ++generation;
    const focusedId = list.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    const limit = Math.min(Math.max(list.children.length, PAGE), MAX_ROWS);
    try {
      const page = await listContacts({ query, includeArchived, offset: start, limit });
      if (mine !== generation) return;
      if (page.items.length === 0 && start > 0) return reload(); // the window fell off the end
      shownGeneration = mine;
      total = page.total;
      const scrollTop = scroller.scrollTop;
      list.replaceChildren(...page.items.map(rowFor));
      scroller.scrollTop = scrollTop;
      settle();
      const again = focusedId ? rowById(focusedId) : null;
      if (again) again.focus({ preventScroll: true });
    } catch (err) {
      if (mine === generation) onError(err);
    }
  }

  /** Appends the next page; returns the first new row, if any. */
  async function pageNext(fromButton) {
    const end = start + list.children.length;
    if (shownGeneration !== generation || end >= total) return null;
    if (pagingGeneration === generation) {
      if (fromButton) focusNewRows = 'next';
      return null;
    }
    const mine = generation;
    pagingGeneration = mine;
    try {
      const page = await listContacts({ query, includeArchived, offset: end, limit: PAGE });
      if (mine !== generation || page.items.length === 0) return null;
      total = page.total;
      const added = page.items.map(rowFor);
      list.append(...added);
      // Drop rows from the top, keeping what is on screen exactly where it was.
      const extra = droppable(true);
      if (extra > 0) {
        const anchor = list.children[extra];
        const before = anchor.getBoundingClientRect().top;
        for (let i = 0; i < extra; i++) list.firstElementChild.remove();
        start += extra;
        settle();
        scroller.scrollTop += anchor.getBoundingClientRect().top - before;
      } else {
        settle();
      }
      const first = added[0].firstElementChild;
      if (fromButton || focusNewRows === 'next') first.focus();
      focusNewRows = null;
      return first;
    } catch (err) {
      if (mine === generation) onError(err);
      return null;
    } finally {
      if (pagingGeneration === mine) pagingGeneration = -1;
    }
  }

  /** Prepends the page before the window; returns the last new row, if any. */
  async function pagePrevious(fromButton) {
    if (shownGeneration !== generation || start === 0) return null;
    if (pagingGeneration === generation) {
      if (fromButton) focusNewRows = 'prev';
      return null;
    }
    const mine = generation;
    pagingGeneration = mine;
    const offset = Math.max(0, start - PAGE);
    try {
      const page = await listContacts({ query, includeArchived, offset, limit: start - offset });
      if (mine !== generation || page.items.length === 0) return null;
      total = page.total;
      const anchor = list.firstElementChild;
      const before = anchor?.getBoundingClientRect().top ?? 0;
      const added = page.items.map(rowFor);
      list.prepend(...added);
      start = offset;
      for (let i = droppable(false); i > 0; i--) list.lastElementChild.remove();
      settle();
      if (anchor) scroller.scrollTop += anchor.getBoundingClientRect().top - before;
      const last = added[added.length - 1].firstElementChild;
      if (fromButton || focusNewRows === 'prev') last.focus();
      focusNewRows = null;
      return last;
    } catch (err) {
      if (mine === generation) onError(err);
      return null;
    } finally {
      if (pagingGeneration === mine) pagingGeneration = -1;
    }
  }

  // Arrow keys and j/k move between rows; Enter and Space open the row (native button).
  async function onListKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = event.target.closest('.contact-row');
    if (!row) return;
    const all = [...rows()];
    const at = all.indexOf(row);
    let next = null;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        event.preventDefault();
        next = all[at + 1] ?? (await pageNext(false));
        break;
      case 'ArrowUp':
      case 'k':
        event.preventDefault();
        next = all[at - 1] ?? (start > 0 ? await pagePrevious(false) : search);
        break;
      case 'Home':
        event.preventDefault();
        next = all[0];
        break;
      case 'End':
        event.preventDefault();
        next = all[all.length - 1];
        break;
      default:
        return;
    }
    next?.focus();
  }

  function focusSearch() {
    search.focus();
    search.select();
  }

  /** Moves focus into the list: the selected row, else the first. */
  function focusList() {
    const row = (tabStop?.isConnected && tabStop) || list.querySelector('.contact-row');
    row?.focus();
    return Boolean(row);
  }

  function destroy() {
    observer.disconnect();
  }

  return { element, search, newButton, reload, refresh, select, focusSearch, focusList, destroy };
}
