// The small working area where one step leads to the next: a kept follow-up offers to
// log the touch it was, and a logged touch always offers the next follow-up. Today and
// the contact page each host one; it is never redrawn by a refresh, so nothing typed is lost.

import { el } from '../dom.js';
import { say } from '../status.js';
import { describeWhen, plural } from '../when.js';
import { createDecisionForm } from './decisionForm.js';
import { followupName } from './followupActions.js';
import { createPlanForm } from './planForm.js';
import { createPurchaseForm, describePurchase } from './purchaseForm.js';
import { createTouchForm } from './touchForm.js';

/**
 * onClose(how): the panel emptied itself ('cancel', 'saved' or 'dismissed'); the host
 * decides where focus goes. onSaved(): something was saved (the host may refresh).
 */
export function createFlowPanel({ onClose, onSaved = () => {} }) {
  const element = el('div', { class: 'flow', hidden: true });
  let pending = null; // the follow-up just kept, while "Log this as a touch?" is offered

  function showContent(...nodes) {
    // replaceChildren(null) would show the word "null": absent parts are left out.
    element.replaceChildren(...nodes.filter(Boolean));
    element.hidden = false;
    element.scrollIntoView?.({ block: 'nearest' }); // (absent in jsdom)
  }

  function close(how = 'cancel') {
    pending = null;
    element.replaceChildren();
    element.hidden = true;
    onClose(how);
  }

  /** After Done: offer to log the touch it was. */
  function offerTouch(completed) {
    const { followup, touchChannel } = completed;
    pending = { followup, channel: touchChannel };
    const log = el('button', { type: 'button', class: 'primary', text: 'Log touch' });
    const later = el('button', { type: 'button', text: 'Not now', onclick: () => close('dismissed') });
    log.addEventListener('click', () => logTouch({}));
    showContent(
      el('div', { class: 'prompt', role: 'group', 'aria-label': 'Log this as a touch?' },
        el('p', {},
          el('strong', { text: `Done: ${followupName(followup)}.` }),
          ' Log this as a touch?'),
        el('div', { class: 'actions' }, log, later),
      ),
    );
    log.focus();
  }

  /**
   * The Log touch form. With no contact given it logs the follow-up just kept (so the
   * contact page's own Log touch button does the same thing while the offer stands).
   */
  function logTouch({ contactId, contactName, channel }) {
    const kept = pending && (!contactId || String(contactId) === String(pending.followup.contactId)) ? pending : null;
    const followup = kept?.followup ?? null;
    const form = createTouchForm({
      contactId: followup?.contactId ?? contactId,
      contactName: followup?.contactName ?? contactName,
      channel: kept?.channel ?? channel ?? 'call',
      followup,
      onSaved: (result) => {
        onSaved();
        offerNext(result, followup?.contactName ?? contactName);
      },
      onCancel: () => close('cancel'),
    });
    pending = null;
    showContent(form.element);
    form.focus();
  }

  /** After a touch: the next follow-up, pre-filled; one Enter accepts it. */
  function offerNext(result, contactName) {
    const moved = result.rebased > 0
      ? ` ${plural(result.rebased, 'cadence step')} moved to count from this reply.`
      : '';
    const logged = `Touch logged: ${result.countText}.${moved}`;
    say(logged);
    plan({
      contactId: result.suggestion.contactId ?? result.touch.contactId,
      contactName,
      suggestion: result.suggestion,
      note: logged,
    });
  }

  /** The Plan follow-up form (pre-filled from a suggestion, if any). */
  function plan({ contactId, contactName, suggestion = null, note = null }) {
    pending = null;
    const form = createPlanForm({
      contactId,
      contactName,
      suggestion,
      onSaved: (followup) => {
        say(`Planned: ${followupName(followup)}, ${describeWhen(followup)}`);
        onSaved();
        close('saved');
      },
      onCancel: () => close('cancel'),
    });
    showContent(note ? el('p', { class: 'flow-note', text: note }) : null, form.element);
    form.focus();
  }

  /** The Record decision form. onDecided(outcome) says what it set in motion. */
  function decide({ contactId, contactName, onDecided }) {
    pending = null;
    const form = createDecisionForm({
      contactId,
      contactName,
      onSaved: (outcome) => {
        onDecided(outcome);
        onSaved();
        // "Bought" is followed by what they bought, pre-filled; "Not now" leaves it at the decision.
        if (outcome.decision?.kind === 'bought') {
          recordPurchase({
            contactId, contactName, decision: outcome.decision, note: outcome.decision.note,
            intro: `Recorded: ${outcome.decision.label}. What did ${contactName} buy?`,
          });
        } else {
          close('saved');
        }
      },
      onCancel: () => close('cancel'),
    });
    showContent(form.element);
    form.focus();
  }

  /**
   * The Record purchase form. decision: the Bought it details (from decide). onRecorded
   * (outcome) runs after it is saved; the status line says what it set in motion.
   */
  function recordPurchase({ contactId, contactName, decision = null, note = '', intro = null, stageBefore = null, onRecorded = () => {} }) {
    pending = null;
    const form = createPurchaseForm({
      contactId,
      contactName,
      decision,
      note,
      onSaved: (outcome) => {
        say(describePurchase(outcome, stageBefore ?? outcome.stage));
        onRecorded(outcome);
        onSaved();
        close('saved');
      },
      onCancel: () => close(decision ? 'dismissed' : 'cancel'),
      onManageProducts: () => {
        close('cancel');
        // The sidebar's own button: Settings is where her product list is kept.
        document.querySelector('nav[aria-label="Sections"] button[data-view="settings"]')?.click();
      },
    });
    showContent(intro ? el('p', { class: 'flow-note', text: intro }) : null, form.element);
    form.focus();
  }

  return {
    element,
    offerTouch,
    logTouch,
    plan,
    decide,
    recordPurchase,
    close,
    isOpen: () => !element.hidden,
  };
}
