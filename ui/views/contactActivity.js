// What happens with one contact, on their page: the buttons to log a touch, plan a
// follow-up, record a decision or apply a cadence; the working panel those open; and
// the Follow-ups, Touches and Decisions sections. Lives as long as the contact is shown,
// across redraws of the page around it, so an open form never loses what was typed.

import {
  contactDecisions, contactFollowups, contactTouches, listCadences,
} from '../backend.js';
import { createPurchases } from './contactPurchases.js';
import { createAbout } from './contactAbout.js';
import { createReferrals } from './contactReferrals.js';
import { askWhyTheyLeft } from './departureDialog.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { describeWhen, formatDate, formatInstant, wallOf } from '../when.js';
import { createCadencePicker } from './cadencePicker.js';
import { loadStages } from './contactForm.js';
import { describeOutcome } from './decisionForm.js';
import { createFlowPanel } from './flowPanel.js';
import { followupButtons } from './followupActions.js';
import { outcomeText } from './formKit.js';
import { promiseText } from './touchForm.js';

const CLOSED_SHOWN = 10; // done/skipped follow-ups shown before "Show all"

let sequence = 0;

/**
 * contact: the Contact shown; openContact(id) shows another one (a referrer, a guest).
 * Returns the parts the detail places, and what the view calls.
 */
export function createActivity(contact, { openContact = () => {} } = {}) {
  let person = contact; // kept current by setContact, for names and the stage before a decision
  const id = `activity-${++sequence}`;
  let generation = 0;
  let lastOpener = null; // the button that opened the panel, where focus returns
  let showAllClosed = false;
  let nextPromise = ''; // the soonest pending follow-up's promise: an email's subject

  const flow = createFlowPanel({ onClose: returnFocus, onSaved: () => refresh() });

  const logButton = el('button', { type: 'button', class: 'primary', text: 'Log touch' });
  const planButton = el('button', { type: 'button', text: 'Plan follow-up' });
  const decideButton = el('button', { type: 'button', text: 'Record decision' });
  const picker = createCadencePicker({ contact: () => person, onApplied: (followups) => renderFollowups(followups) });
  const purchaseButton = el('button', { type: 'button', text: 'Record purchase' });
  const purchases = createPurchases();
  const referrals = createReferrals({ openContact });
  const about = createAbout({ onSaved: (fresh) => openContact(fresh.id) });
  // A customer can be marked inactive, which asks why; an inactive one can still say why.
  const leaveButton = el('button', { type: 'button' });
  leaveButton.addEventListener('click', async () => {
    const outcome = await askWhyTheyLeft(person);
    if (outcome) person = outcome.contact;
    showLeave();
    leaveButton.focus();
  });
  function showLeave() {
    const customer = person.stage === 'customer' || person.stage === 'new_customer';
    leaveButton.textContent = customer ? 'Mark inactive' : 'Why did they leave?';
    leaveButton.hidden = !customer && person.stage !== 'inactive_customer';
  }
  showLeave();

  logButton.addEventListener('click', () => open('touch', logButton));
  planButton.addEventListener('click', () => open('plan', planButton));
  decideButton.addEventListener('click', () => open('decide', decideButton));
  purchaseButton.addEventListener('click', () => open('purchase', purchaseButton));

  const toolbar = el('div', { class: 'activity-bar' },
    el('div', { class: 'actions' }, logButton, planButton, decideButton, purchaseButton, leaveButton),
    picker.element,
  );
  const top = el('div', { class: 'activity-top' }, toolbar, flow.element);

  const followupList = el('div', { class: 'activity-body' });
  const touchCount = el('p', { class: 'count-text' });
  const touchList = el('div', { class: 'activity-body' });
  const decisionList = el('div', { class: 'activity-body' });
  const section = (key, title, ...body) => el('section', {
    class: `activity-section activity-${key}`, 'aria-labelledby': `${id}-${key}`,
  }, el('h3', { id: `${id}-${key}`, text: title }), ...body);
  const sections = el('div', { class: 'activity' },
    section('followups', 'Follow-ups', followupList),
    section('touches', 'Touches', touchCount, touchList),
    section('decisions', 'Decisions', decisionList),
    section('purchases', 'Purchases', purchases.element),
    section('referrals', 'Referrals', referrals.referredBy, referrals.element),
    section('about', 'Birthday, dates and what matters now', about.element),
  );

  // ---------- the working panel ----------

  function open(action, opener = null) {
    lastOpener = opener;
    const who = { contactId: person.id, contactName: person.name };
    if (action === 'touch') flow.logTouch(who);
    else if (action === 'plan') flow.plan(who);
    else if (action === 'decide') {
      const stageBefore = person.stage;
      flow.decide({
        ...who,
        onDecided: async (outcome) => {
          const stages = await loadStages().catch(() => []);
          const label = (key) => stages.find((s) => s.key === key)?.label ?? key;
          say(describeOutcome(outcome, stageBefore, label));
        },
      });
    } else if (action === 'purchase') {
      flow.recordPurchase({ ...who, stageBefore: person.stage });
    }
  }

  function returnFocus() {
    if (lastOpener?.isConnected) lastOpener.focus();
    else (followupList.querySelector('[data-action="done"]') ?? logButton).focus();
    lastOpener = null;
  }

  // ---------- the sections ----------

  /** Keeps focus on the same control (by item key and action) across a redraw of `container`. */
  function redraw(container, nodes) {
    const active = document.activeElement;
    const item = container.contains(active) ? active.closest('[data-key]') : null;
    const itemKey = item?.dataset.key;
    const action = active?.dataset?.action;
    const index = item ? [...container.querySelectorAll('[data-key]')].indexOf(item) : -1;
    container.replaceChildren(...nodes);
    if (!item) return;
    const again = container.querySelector(`[data-key="${itemKey}"]`);
    const target = (again && action && again.querySelector(`[data-action="${action}"]`))
      ?? [...container.querySelectorAll('[data-action="done"]')][Math.max(0, index)]
      ?? logButton;
    target.focus({ preventScroll: true });
  }

  function renderFollowups(followups) {
    const pending = followups.filter((f) => f.status === 'open' || f.status === 'snoozed');
    nextPromise = pending.find((f) => f.promise)?.promise ?? '';
    const closed = followups.filter((f) => f.status === 'done' || f.status === 'skipped');
    const nodes = [];
    if (pending.length === 0) {
      nodes.push(el('p', { class: 'calm', text: 'Nothing planned. Plan a follow-up so this relationship keeps moving.' }));
    } else {
      nodes.push(el('ul', { class: 'fu-list', 'aria-label': 'Planned follow-ups' }, pending.map(pendingItem)));
    }
    if (closed.length) {
      const shown = showAllClosed ? closed : closed.slice(0, CLOSED_SHOWN);
      nodes.push(el('ul', { class: 'fu-list closed', 'aria-label': 'Done and skipped follow-ups' }, shown.map(closedItem)));
      if (shown.length < closed.length) {
        nodes.push(el('button', {
          type: 'button', class: 'link more', text: `Show all ${closed.length} done and skipped`,
          onclick: () => {
            showAllClosed = true;
            renderFollowups(followups);
          },
        }));
      }
    }
    redraw(followupList, nodes);
  }

  function pendingItem(followup) {
    const titleId = `${id}-f${followup.id}`;
    const when = describeWhen(followup);
    const buttons = followupButtons(followup, {
      describedBy: titleId,
      onDone: (completed) => {
        refresh();
        lastOpener = null;
        flow.offerTouch(completed);
      },
      onChange: () => refresh(),
    });
    return el('li', { class: 'fu', 'data-key': `f${followup.id}` },
      el('div', { class: 'fu-main' },
        el('p', { class: 'fu-title', id: titleId, text: promiseText(followup) }),
        el('p', { class: 'fu-meta' },
          el('span', { class: /overdue/.test(when) ? 'when late' : 'when', text: when }),
          followup.cadenceName ? el('span', { class: 'cadence', text: followup.cadenceName }) : null,
        ),
      ),
      el('div', { class: 'fu-actions' }, buttons.all),
    );
  }

  function closedItem(followup) {
    const reason = followup.status === 'skipped' && followup.skipReason ? ` — ${followup.skipReason}` : '';
    return el('li', { class: `fu ${followup.status}`, 'data-key': `f${followup.id}` },
      el('div', { class: 'fu-main' },
        el('p', { class: 'fu-title', text: promiseText(followup) }),
        el('p', { class: 'fu-meta' },
          el('span', { class: 'when', text: `${describeWhen(followup)}${reason}` }),
          followup.cadenceName ? el('span', { class: 'cadence', text: followup.cadenceName }) : null,
        ),
      ),
    );
  }

  function renderTouches(history) {
    touchCount.textContent = history.countText;
    if (history.touches.length === 0) {
      touchList.replaceChildren(); // the count line already says there are none
      return;
    }
    touchList.replaceChildren(el('ul', { class: 'history', 'aria-label': 'Touches, newest first' },
      history.touches.map((touch) => {
        const outcome = outcomeText(touch.outcome);
        return el('li', {},
          el('p', { class: 'history-line' },
            el('strong', { text: touch.channelLabel }),
            outcome ? el('span', { text: ` · ${outcome}` }) : null,
            el('time', { class: 'history-when', datetime: touch.occurredAt, text: formatInstant(touch.occurredAt) }),
          ),
          touch.note ? el('p', { class: 'history-note', text: touch.note }) : null,
        );
      }),
    ));
  }

  function renderDecisions(decisions) {
    if (decisions.length === 0) {
      decisionList.replaceChildren(el('p', { class: 'calm', text: 'No decision yet. Ask: a fast no beats a long maybe.' }));
      return;
    }
    decisionList.replaceChildren(el('ul', { class: 'history', 'aria-label': 'Decisions, newest first' },
      decisions.map((decision) => el('li', {},
        el('p', { class: 'history-line' },
          el('strong', { text: decision.label }),
          decision.revisitOn ? el('span', { text: ` · ask again ${formatDate(decision.revisitOn)}` }) : null,
          el('time', {
            class: 'history-when',
            datetime: decision.decidedAt,
            text: formatDate(wallOf(decision.decidedAt).slice(0, 10)),
          }),
        ),
        decision.note ? el('p', { class: 'history-note', text: decision.note }) : null,
      )),
    ));
  }

  let latestLoad = Promise.resolve(); // the newest refresh, for focusFollowup to wait on

  /** Loads the sections again (after a change here or anywhere). */
  function refresh() {
    latestLoad = load();
    return latestLoad;
  }

  /**
   * Once the follow-ups are drawn, moves focus to follow-up `followupId`'s Done, unless
   * the person moved focus away from `from` meanwhile. Resolves true if it did.
   */
  async function focusFollowup(followupId, from) {
    let seen;
    do {
      seen = latestLoad;
      await seen;
    } while (seen !== latestLoad); // a newer load started meanwhile: wait for that one
    if (from && document.activeElement !== from && document.activeElement !== document.body) return false;
    const done = followupList.querySelector(`[data-key="f${followupId}"] [data-action="done"]`);
    done?.focus();
    return Boolean(done);
  }

  async function load() {
    const mine = ++generation;
    try {
      // Cadences on their own: a failure there must not hide the contact's history.
      listCadences().then((cadences) => mine === generation && picker.setCadences(cadences), () => {});
      const [followups, touches, decisions] = await Promise.all([
        contactFollowups(person.id),
        contactTouches(person.id),
        contactDecisions(person.id),
      ]);
      if (mine !== generation) return;
      renderFollowups(followups);
      renderTouches(touches);
      renderDecisions(decisions);
      purchases.load(person);
      referrals.load(person);
      about.load(person);
    } catch (err) {
      if (mine === generation && err.kind !== 'not_found') say(`Couldn’t load ${person.name}’s history: ${err.message}`);
    }
  }

  refresh();

  return {
    contactId: contact.id,
    top,
    sections,
    refresh,
    open: (action) => open(action, null),
    focusFollowup,
    isOpen: () => flow.isOpen(),
    /** What an email to them is about: the soonest pending promise, or ''. */
    nextPromise: () => nextPromise,
    close: () => flow.close('cancel'),
    setContact: (fresh) => {
      person = fresh;
      showLeave();
    },
  };
}
