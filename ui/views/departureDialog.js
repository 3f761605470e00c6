// `Why did they leave?`: asked whenever a customer is marked inactive. The six reasons of
// the seeds and "don't know", with how much was in her control, and a note; "felt I
// didn't care" and "don't know" then offer the Win back cadence.

import { applyCadence, listCadences, recordDeparture } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';

// [key, label, how much was in her control] — the backend's `domain::departure::Reason`.
export const REASONS = [
  ['died', 'Died', 'nothing anyone could do'],
  ['moved', 'Moved away', 'nothing anyone could do'],
  ['other_relationships', 'Buys from a friend', 'a little in your hands'],
  ['competitor', 'Sold by a competitor', 'partly in your hands'],
  ['product_or_price', 'Product or price', 'partly in your hands'],
  ['indifference', 'Felt I didn’t care', 'all in your hands: 68% of customers who leave say this'],
  ['dont_know', 'Don’t know', 'worth asking her'],
];

let sequence = 0;

/** What marking her gone did, in a sentence. */
export function describeDeparture(outcome) {
  const { contact, departure } = outcome;
  if (outcome.leftTheLists) {
    return `${contact.name}: ${departure.label.toLowerCase()}. Off your lists, still kept in Tend.`;
  }
  return `${contact.name} is now an ${contact.stageLabel.toLowerCase()} (${departure.label.toLowerCase()}).`;
}

/**
 * Asks in a modal dialog. contact: {id, name, stage}. Resolves to record_departure's
 * outcome once saved (after the Win back offer, if any), or null when she cancels.
 */
export function askWhyTheyLeft(contact) {
  return new Promise((resolve) => {
    const base = `departure-${++sequence}`;
    const customer = contact.stage === 'customer' || contact.stage === 'new_customer';
    const error = el('p', { class: 'form-error', role: 'alert' });
    const note = el('textarea', { id: `${base}-note`, rows: '2' });
    const radios = REASONS.map(([key, label, control]) => {
      const radio = el('input', {
        type: 'radio', name: `${base}-reason`, value: key, id: `${base}-${key}`,
        'aria-describedby': `${base}-${key}-hint`, checked: key === 'dont_know',
      });
      return el('div', { class: 'radio-row' },
        radio,
        el('label', { for: radio.id, text: label }),
        el('span', { class: 'hint', id: `${base}-${key}-hint`, text: ` — ${control}` }),
      );
    });
    const save = el('button', { type: 'submit', class: 'primary', text: customer ? 'Mark inactive' : 'Save' });
    const cancel = el('button', { type: 'button', text: 'Cancel' });
    const form = el('form', { method: 'dialog', novalidate: true },
      el('fieldset', {},
        el('legend', { text: 'Why did they leave?' }),
        el('p', { class: 'hint', text: `${contact.name}: choose the nearest reason.` }),
        radios,
      ),
      el('div', { class: 'field' }, el('label', { for: note.id, text: 'Note' }), note),
      error,
      el('div', { class: 'actions' }, save, cancel),
    );
    const dialog = el('dialog', { class: 'confirm departure', 'aria-label': 'Why did they leave?' }, form);
    let result = null;

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reason = form.querySelector('input[type="radio"]:checked')?.value ?? '';
      save.disabled = true;
      try {
        result = await recordDeparture({ contactId: contact.id, reason, note: note.value });
        say(describeDeparture(result));
        if (result.offerWinBack) offerWinBack();
        else dialog.close('saved');
      } catch (err) {
        error.textContent = err.message;
        save.disabled = false;
      }
    });
    cancel.addEventListener('click', () => dialog.close('cancel'));

    /** "Felt I didn't care" or "don't know": the Win back cadence, one click away. */
    function offerWinBack() {
      const start = el('button', { type: 'button', class: 'primary', text: 'Start Win back' });
      const later = el('button', { type: 'button', text: 'Not now', onclick: () => dialog.close('saved') });
      start.addEventListener('click', async () => {
        try {
          const winBack = (await listCadences()).find((c) => c.builtinKey === 'win_back');
          if (!winBack) throw new Error('The Win back cadence is no longer there.');
          await applyCadence(contact.id, winBack.id);
          say(`Started ${winBack.name} for ${contact.name}`);
          dialog.close('saved');
        } catch (err) {
          error.textContent = `Couldn’t start Win back: ${err.message}`;
        }
      });
      form.replaceChildren(
        el('p', {}, el('strong', { text: `${result.departure.label}.` }),
          ' Little, regular touches win customers back. Start the Win back cadence?'),
        error,
        el('div', { class: 'actions', role: 'group', 'aria-label': 'Win back?' }, start, later),
      );
      start.focus();
    }

    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    form.querySelector('input[type="radio"]:checked')?.focus();
  });
}
