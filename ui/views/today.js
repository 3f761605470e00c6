// The Today view, Tend's start screen: what is overdue, due today, going cold, which
// maybes need a decision, and what is coming up. Live: it redraws on every change and
// at local midnight (todayData.js), keeping keyboard focus where it was. An empty book
// shows a welcome instead (welcome.js).

import { listContacts } from '../backend.js';
import { el, isTyping } from '../dom.js';
import { canShowMore, PAGE, refreshToday, showMore, subscribe } from '../todayData.js';
import { describeWhen, formatDate, formatLongDate, plural } from '../when.js';
import { askWhyTheyLeft } from './departureDialog.js';
import { createFlowPanel } from './flowPanel.js';
import { followupButtons, openSnooze } from './followupActions.js';
import { reachLine } from './reach.js';
import { createWelcome } from './welcome.js';
import { mattersNowLine } from './contactDetail.js';

// Section headings are fixed names (PRODUCT.md): tests and screen-reader users rely on them.
const SECTIONS = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { key: 'dueToday', title: 'Due today', empty: 'Nothing due today.' },
  { key: 'reorders', title: 'Re-orders', empty: 'No re-orders coming up this week.' },
  { key: 'goingCold', title: 'Going cold', empty: 'No one is going cold.' },
  { key: 'maybes', title: 'Maybes to decide', empty: 'No maybes waiting for a decision.' },
  { key: 'upcoming', title: 'Upcoming', empty: 'Nothing planned for the next 7 days.' },
];

// Beyond this many items a section shows a "Show all" button, so a long backlog stays fast.
const SHOWN_PER_SECTION = 100;

/**
 * go(view, intent): switch views, e.g. go('contacts', {contactId, action: 'plan'}).
 * intent {focus: true}: start with focus on the heading (e.g. from a notification's summary).
 */
export function mount(container, { go, intent = null }) {
  const heading = el('h1', { tabindex: '-1', text: 'Today' });
  const dateLine = el('p', { class: 'lede' });
  const loadError = el('p', { class: 'form-error', role: 'alert' });
  const sections = el('div', { class: 'today-sections' });
  const key = (k) => el('kbd', { text: k });
  const flow = createFlowPanel({ onClose: () => returnToList(), onSaved: () => refreshToday() });
  let welcome = null; // shown in place of the sections while the book is empty

  const keyHints = el('p', { class: 'key-hints-line', 'aria-hidden': 'true' },
    key('j'), ' ', key('k'), ' move · ', key('Enter'), ' open · ', key('d'), ' done · ', key('s'), ' snooze');
  const page = el('div', { class: 'page today' },
    el('header', { class: 'today-header' }, heading, dateLine),
    flow.element,
    loadError,
    sections,
    keyHints,
  );
  container.append(page);

  let tabStopKey = null; // the item reachable with Tab (roving tabindex)
  // Where focus last was in the list: that item's key and its neighbours', so that when
  // it leaves (done, skipped) focus lands on the one that followed it.
  let anchor = { key: null, after: [], before: [] };
  const expanded = new Set(); // sections whose "Show all" or "Show more" was chosen
  let focusAfterMore = null; // {sectionKey, index}: the first item a "Show more" brings
  let latestToday = null;
  const followupOf = new Map(); // item key → Followup
  const contactOf = new Map(); // item key → contact id as the backend typed it

  const items = () => [...sections.querySelectorAll('.item')];

  function render(today) {
    // What had focus, so a redraw never throws the keyboard user back to the top.
    const active = document.activeElement;
    const focusedItem = sections.contains(active) ? active.closest('.item') : null;
    const focusKey = focusedItem?.dataset.key ?? null;
    const focusAction = focusedItem && active !== focusedItem ? active.dataset.action ?? null : null;
    if (focusedItem) remember(focusedItem);

    latestToday = today;
    dateLine.textContent = formatLongDate(today.date);
    showWelcomeIfEmpty(today);
    followupOf.clear();
    contactOf.clear();
    sections.replaceChildren(...SECTIONS.map((section) => renderSection(section, today)));

    const all = items();
    const stop = all.find((item) => item.dataset.key === tabStopKey) ?? nearAnchor(all);
    setTabStop(stop ?? null);
    if (focusAfterMore) {
      const { sectionKey, index } = focusAfterMore;
      focusAfterMore = null;
      const first = sections.querySelectorAll(`.section-${sectionKey} .item`)[index];
      if (first) {
        setTabStop(first);
        first.focus();
        return;
      }
    }
    if (!focusedItem) return;
    const again = all.find((item) => item.dataset.key === focusKey);
    if (again) {
      (focusAction && again.querySelector(`[data-action="${focusAction}"]`) || again).focus({ preventScroll: true });
    } else {
      (nearAnchor(all) ?? heading).focus(); // the item left (done, skipped): the one after it
    }
  }

  /** Nothing in any section and no contact at all (archived ones count): the welcome. */
  let welcomeAsked = 0; // only the latest answer decides
  async function showWelcomeIfEmpty(today) {
    const asked = ++welcomeAsked;
    const nothing = SECTIONS.every(({ key: k }) => (today.counts?.[k] ?? today[k]?.length ?? 0) === 0);
    let empty = false;
    if (nothing) {
      try {
        empty = (await listContacts({ query: '', offset: 0, limit: 1, includeArchived: true })).total === 0;
      } catch {
        empty = false; // unsure: the sections, as always
      }
    }
    if (asked !== welcomeAsked) return;
    if (empty && !welcome) {
      welcome = createWelcome({ go });
      sections.before(welcome.element);
      welcome.load();
    } else if (!empty && welcome) {
      welcome.element.remove();
      welcome = null;
    }
    sections.hidden = empty;
    keyHints.hidden = empty;
  }

  function remember(itemNode) {
    const keys = items().map((node) => node.dataset.key);
    const at = keys.indexOf(itemNode.dataset.key);
    anchor = { key: itemNode.dataset.key, after: keys.slice(at + 1), before: keys.slice(0, at).reverse() };
  }

  /** The remembered item if still listed, else the nearest neighbour that is, else the first. */
  function nearAnchor(all) {
    const byKey = new Map(all.map((node) => [node.dataset.key, node]));
    for (const key of [anchor.key, ...anchor.after, ...anchor.before]) {
      if (byKey.has(key)) return byKey.get(key);
    }
    return all[0] ?? null;
  }

  /** What a section lists: Re-orders are the reminders, then who ran out long ago. */
  function entriesOf(sectionKey, today) {
    if (sectionKey === 'reorders') return [...(today.reorders ?? []), ...(today.lapsed ?? [])];
    if (sectionKey === 'upcoming') {
      const events = (today.events ?? []).map((event, index) => ({ ...event, index }));
      return [...(today.seasons ?? []), ...events, ...(today.upcoming ?? [])];
    }
    return today[sectionKey] ?? [];
  }

  function totalOf(sectionKey, today, all) {
    if (sectionKey === 'reorders') {
      return (today.counts?.reorders ?? today.reorders?.length ?? 0) + (today.counts?.lapsed ?? today.lapsed?.length ?? 0);
    }
    if (sectionKey === 'upcoming') {
      return (today.counts?.upcoming ?? today.upcoming?.length ?? 0) + (today.counts?.events ?? today.events?.length ?? 0)
        + (today.seasons?.length ?? 0);
    }
    return today.counts?.[sectionKey] ?? all.length;
  }

  function renderSection({ key: sectionKey, title, empty }, today) {
    const all = entriesOf(sectionKey, today);
    const total = totalOf(sectionKey, today, all);
    const list = expanded.has(sectionKey) ? all : all.slice(0, SHOWN_PER_SECTION);
    const headingId = `today-${sectionKey}`;
    const countId = `today-${sectionKey}-count`;
    let body;
    if (list.length === 0) {
      body = el('p', { class: 'calm', text: empty });
    } else {
      const renderItem = sectionKey === 'goingCold' ? coldItem
        : sectionKey === 'maybes' ? maybeItem
          : (entry) => {
            if (entry.supplyEndedOn) return lapsedItem(entry);
            if (entry.wish) return eventItem(entry);
            if (entry.seasonId) return seasonItem(entry);
            return followupItem(entry, sectionKey);
          };
      body = el('ul', { class: 'items', 'aria-labelledby': headingId }, list.map((entry) => renderItem(entry, sectionKey)));
    }
    // An empty section is one line (its heading and its calm sentence), so the ones with
    // something to do stay in view.
    const emptyClass = list.length === 0 ? ' is-empty' : '';
    return el('section', { class: `today-section section-${sectionKey}${emptyClass}`, 'aria-labelledby': `${headingId} ${countId}` },
      el('div', { class: 'section-head' },
        el('h2', { id: headingId, text: title }),
        el('span', { class: sectionKey === 'overdue' && total > 0 ? 'count late' : 'count', id: countId, text: String(total) }),
      ),
      body,
      list.length < all.length
        ? el('button', {
          type: 'button', class: 'link more', 'aria-describedby': headingId,
          text: all.length < total ? `Show the first ${all.length}` : `Show all ${all.length}`,
          onclick: () => {
            expanded.add(sectionKey);
            render(latestToday);
            sections.querySelectorAll(`.section-${sectionKey} .item`)[list.length]?.focus();
          },
        })
        : null,
      total > all.length
        ? el('p', { class: 'hint', text: `Showing the first ${all.length} of ${total}.` })
        : null,
      total > all.length && canShowMore(sectionKey)
        ? el('button', {
          type: 'button', class: 'link more', 'aria-describedby': headingId,
          text: `Show ${Math.min(PAGE, total - all.length)} more`,
          onclick: () => {
            expanded.add(sectionKey);
            focusAfterMore = { sectionKey, index: all.length };
            showMore(sectionKey, sentOf(sectionKey, today));
          },
        })
        : null,
    );
  }

  /** How many of a section's own kind the backend sent (Upcoming: follow-ups or events). */
  function sentOf(sectionKey, today) {
    if (sectionKey === 'upcoming') return Math.max(today.upcoming?.length ?? 0, today.events?.length ?? 0);
    return today[sectionKey]?.length ?? 0;
  }

  /** An item the list moves through: focusable, labelled by its title line. */
  function item(itemKey, contactId, titleId, ...children) {
    contactOf.set(itemKey, contactId);
    return el('li', { class: 'item', tabindex: '-1', 'data-key': itemKey, 'aria-labelledby': titleId }, ...children);
  }

  const nameButton = (name, contactId) => el('button', {
    type: 'button', class: 'link', text: name, 'data-action': 'open',
    onclick: () => openContact(contactId),
  });

  function followupItem(followup, sectionKey) {
    const itemKey = `f${followup.id}`;
    const titleId = `today-item-${itemKey}`;
    followupOf.set(itemKey, followup);
    const buttons = followupButtons(followup, {
      describedBy: titleId,
      keys: true,
      onDone: (completed) => {
        refreshToday();
        flow.offerTouch(completed);
      },
      onChange: () => refreshToday(),
    });
    const what = followup.promise ? ` — ${followup.promise}` : '';
    return item(itemKey, followup.contactId, titleId,
      el('div', { class: 'item-main' },
        el('p', { class: 'item-title', id: titleId },
          nameButton(followup.contactName, followup.contactId),
          el('span', { class: 'item-what', text: ` ${followup.channelLabel}${what}` }),
        ),
        el('p', { class: 'item-meta' },
          el('span', { class: sectionKey === 'overdue' ? 'when late' : 'when', text: describeWhen(followup) }),
          followup.cadenceName ? el('span', { class: 'cadence', text: followup.cadenceName }) : null,
        ),
        reachRow(followup.reach, followup.contactName, followup.promise),
        mattersNowLine(followup.mattersNow),
      ),
      el('div', { class: 'item-actions' }, buttons.all),
    );
  }

  function coldItem(cold) {
    const itemKey = `c${cold.contactId}`;
    const titleId = `today-item-${itemKey}`;
    const since = cold.touched
      ? `last touch ${plural(cold.daysSince, 'day')} ago (window ${plural(cold.windowDays, 'day')})`
      : `never touched, added ${plural(cold.daysSince, 'day')} ago (window ${plural(cold.windowDays, 'day')})`;
    const plan = el('button', {
      type: 'button', text: 'Plan follow-up', 'data-action': 'plan', 'aria-describedby': titleId,
      onclick: () => openContact(cold.contactId, 'plan'),
    });
    const inactive = cold.suggestInactive
      ? el('button', {
        type: 'button', text: 'Mark inactive', 'data-action': 'inactive', 'aria-describedby': titleId,
        onclick: () => markInactive(cold),
      })
      : null;
    return item(itemKey, cold.contactId, titleId,
      el('div', { class: 'item-main' },
        el('p', { class: 'item-title', id: titleId },
          nameButton(cold.name, cold.contactId),
          el('span', { class: 'badge', text: cold.stageLabel }),
        ),
        el('p', { class: 'item-meta', text: since }),
        reachRow(cold.reach, cold.name),
        mattersNowLine(cold.mattersNow),
      ),
      el('div', { class: 'item-actions' }, plan, inactive),
    );
  }

  /** A customer whose supply ran out long ago with no re-order: one click marks her inactive. */
  function lapsedItem(lapsed) {
    const itemKey = `l${lapsed.contactId}`;
    const titleId = `today-item-${itemKey}`;
    return item(itemKey, lapsed.contactId, titleId,
      el('div', { class: 'item-main' },
        el('p', { class: 'item-title', id: titleId },
          nameButton(lapsed.name, lapsed.contactId),
          el('span', { class: 'badge', text: lapsed.stageLabel }),
        ),
        el('p', {
          class: 'item-meta',
          text: `ran out ${plural(lapsed.daysSince, 'day')} ago (${formatDate(lapsed.supplyEndedOn)}), no re-order since`,
        }),
      ),
      el('div', { class: 'item-actions' },
        el('button', {
          type: 'button', text: 'Plan follow-up', 'data-action': 'plan', 'aria-describedby': titleId,
          onclick: () => openContact(lapsed.contactId, 'plan'),
        }),
        lapsed.suggestInactive
          ? el('button', {
            type: 'button', text: 'Mark inactive', 'data-action': 'inactive', 'aria-describedby': titleId,
            onclick: () => markInactive(lapsed),
          })
          : null,
      ),
    );
  }

  /** "birthday (turns 40)", "wedding anniversary": what falls, after her name. */
  function whatOf(event) {
    if (event.what?.kind === 'event') return event.what.label;
    return event.turning ? `birthday (turns ${event.turning})` : 'birthday';
  }

  /** A birthday or event of the week ahead, with its wish ready to plan. */
  function eventItem(event) {
    const itemKey = `e${event.contactId}-${event.on}-${event.index}`;
    const titleId = `today-item-${itemKey}`;
    const when = event.daysAway === 0 ? 'today' : event.daysAway === 1 ? 'tomorrow' : formatDate(event.on);
    return item(itemKey, event.contactId, titleId,
      el('div', { class: 'item-main' },
        el('p', { class: 'item-title', id: titleId },
          nameButton(event.name, event.contactId),
          el('span', { class: 'item-what', text: ` ${whatOf(event)}` }),
        ),
        el('p', { class: 'item-meta' }, el('span', { class: 'when', text: when }), el('span', { text: ` · ${event.wish}` })),
      ),
      el('div', { class: 'item-actions' },
        el('button', {
          type: 'button', text: 'Plan follow-up', 'data-action': 'plan', 'aria-describedby': titleId,
          onclick: () => flow.plan({
            contactId: event.contactId,
            contactName: event.name,
            suggestion: { promise: event.wish, date: event.on, channel: 'text' },
          }),
        }),
      ),
    );
  }

  /** A season coming up: who bought in it last year, so she reminds them while it matters. */
  function seasonItem(season) {
    const itemKey = `s${season.seasonId}`;
    const titleId = `today-item-${itemKey}`;
    const shown = season.customers.slice(0, 8);
    const more = season.count - shown.length;
    return el('li', { class: 'item', tabindex: '-1', 'data-key': itemKey, 'aria-labelledby': titleId },
      el('div', { class: 'item-main' },
        el('p', { class: 'item-title', id: titleId, text: season.text }),
        el('p', { class: 'item-meta' },
          shown.flatMap((person, i) => [i ? ', ' : '', nameButton(person.name, person.id)]),
          more > 0 ? ` and ${more} more` : '',
        ),
      ),
    );
  }

  function maybeItem(maybe) {
    const itemKey = `m${maybe.contactId}`;
    const titleId = `today-item-${itemKey}`;
    return item(itemKey, maybe.contactId, titleId,
      el('div', { class: 'item-main' },
        el('p', { class: 'item-title', id: titleId }, nameButton(maybe.name, maybe.contactId)),
        el('p', { class: 'item-meta', text: `thinking it over for ${plural(maybe.days, 'day')} — ask for a decision` }),
        reachRow(maybe.reach, maybe.name),
        mattersNowLine(maybe.mattersNow),
      ),
      el('div', { class: 'item-actions' },
        el('button', {
          type: 'button', text: 'Record decision', 'data-action': 'decide', 'aria-describedby': titleId,
          onclick: () => openContact(maybe.contactId, 'decide'),
        }),
      ),
    );
  }

  /** The number (and email) on a row, each with Call / Text / Email / Copy. */
  function reachRow(reach, name, subject = '') {
    const line = reach ? reachLine(reach, { name, subject, compact: true }) : null;
    return line ? el('p', { class: 'item-reach' }, line) : null;
  }

  function openContact(contactId, action = null) {
    go('contacts', { contactId, action });
  }

  /** One click from a suggestion; `Why did they leave?` is asked before anything changes. */
  async function markInactive(entry) {
    const outcome = await askWhyTheyLeft({ id: entry.contactId, name: entry.name, stage: entry.stage });
    if (outcome) refreshToday();
    else items().find((node) => node.dataset.key === anchor.key)?.focus();
  }

  function setTabStop(node) {
    for (const other of sections.querySelectorAll('.item[tabindex="0"]')) other.tabIndex = -1;
    tabStopKey = node?.dataset.key ?? null;
    if (node) node.tabIndex = 0;
  }

  sections.addEventListener('focusin', (event) => {
    const focused = event.target.closest('.item');
    if (!focused) return;
    remember(focused);
    if (focused.dataset.key !== tabStopKey) setTabStop(focused);
  });

  /** After the flow panel closes: back to the list, near where the person was. */
  function returnToList() {
    (nearAnchor(items()) ?? heading).focus();
  }

  function move(from, step) {
    const all = items();
    if (all.length === 0) return;
    const at = from ? all.indexOf(from) : -1;
    let next;
    if (step === 'first') next = all[0];
    else if (step === 'last') next = all[all.length - 1];
    else if (at < 0) next = all.find((node) => node.dataset.key === tabStopKey) ?? all[0];
    else next = all[Math.max(0, Math.min(all.length - 1, at + step))];
    next.focus();
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && flow.isOpen()) {
      event.preventDefault();
      flow.close('cancel');
      return;
    }
    if (isTyping(event.target) || flow.element.contains(event.target)) return;
    const current = event.target instanceof Element ? event.target.closest('.item') : null;
    const inList = Boolean(current) || !sections.contains(event.target);
    if (!inList) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        event.preventDefault();
        move(current, 1);
        return;
      case 'ArrowUp':
      case 'k':
        event.preventDefault();
        move(current, -1);
        return;
      case 'Home':
        if (!current) return;
        event.preventDefault();
        move(current, 'first');
        return;
      case 'End':
        if (!current) return;
        event.preventDefault();
        move(current, 'last');
        return;
      default:
        break;
    }
    if (!current) return;
    const followup = followupOf.get(current.dataset.key);
    if (event.key === 'Enter' && event.target === current && contactOf.has(current.dataset.key)) {
      event.preventDefault();
      openContact(contactOf.get(current.dataset.key));
    } else if ((event.key === 'd' || event.key === 'D') && followup) {
      event.preventDefault();
      remember(current);
      current.querySelector('[data-action="done"]')?.click();
    } else if ((event.key === 's' || event.key === 'S') && followup) {
      event.preventDefault();
      const itemKey = current.dataset.key;
      openSnooze(followup).then((changed) => {
        // The list may have been redrawn meanwhile: find the item again by its key.
        items().find((node) => node.dataset.key === itemKey)?.focus();
        if (changed) refreshToday();
      });
    }
  }

  // Last, so everything above exists when the data already loaded is drawn right away.
  const unsubscribe = subscribe(({ today, error }) => {
    loadError.textContent = error ? `Couldn’t load Today: ${error.message}` : '';
    if (today) render(today);
  });

  if (intent?.focus) heading.focus();

  return {
    onKey,
    focusList: () => {
      returnToList();
      return true;
    },
    open: (again) => {
      if (again?.focus) heading.focus();
    },
    unmount: () => unsubscribe(),
  };
}
