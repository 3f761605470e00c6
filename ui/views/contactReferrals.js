// On a contact's page: `Referred by` (pick a contact), and the Referrals section — who she
// referred (a host: her guests) with how many bought and what in all; for a partner, the
// customers sent both ways, with a form for the ones she sent her.

import { contactReferrals, recordPartnerReferral, setReferredBy } from '../backend.js';
import { el } from '../dom.js';
import { formatMoney } from '../money.js';
import { say } from '../status.js';
import { formatDate, plural } from '../when.js';
import { createContactPicker } from './contactPicker.js';

let sequence = 0;

/** openContact(id): show another contact. Returns {referredBy, element, load(person)}. */
export function createReferrals({ openContact = () => {} } = {}) {
  const base = `referrals-${++sequence}`;
  let person = null;

  // ---------- Referred by ----------
  const picker = createContactPicker({ placeholder: 'Who sent her? Type a name' });
  picker.input.id = `${base}-by`;
  const byError = el('p', { class: 'field-error', id: `${base}-by-error`, role: 'alert' });
  const byForm = el('form', { class: 'inline-form referred-by', novalidate: true },
    el('div', { class: 'field' },
      el('label', { for: picker.input.id, text: 'Referred by' }),
      el('div', { class: 'field-row' }, picker.input, picker.list, el('button', { type: 'submit', text: 'Save referrer' })),
      byError,
    ),
  );
  byForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = picker.chosen();
    if (chosen === undefined) {
      byError.textContent = `No one in Tend is called “${picker.input.value.trim()}”: pick a name from the list.`;
      picker.input.setAttribute('aria-invalid', 'true');
      picker.input.setAttribute('aria-describedby', byError.id);
      picker.input.focus();
      return;
    }
    try {
      const contact = await setReferredBy(person.id, chosen?.id ?? null);
      byError.textContent = '';
      picker.input.removeAttribute('aria-invalid');
      picker.set(contact.referredBy);
      say(contact.referredBy ? `${contact.name} was referred by ${contact.referredBy.name}` : `${contact.name}: no referrer`);
    } catch (err) {
      byError.textContent = err.message;
      picker.input.setAttribute('aria-invalid', 'true');
    }
  });

  // ---------- who she referred ----------
  const tally = el('p', { class: 'count-text' });
  const referred = el('ul', { class: 'history', 'aria-label': 'Referred by her', hidden: true });
  const partnerBox = el('div', { class: 'partner-referrals', hidden: true });
  const element = el('div', { class: 'activity-body' }, tally, referred, partnerBox);

  function render(data) {
    picker.set(data.referredBy);
    const { tally: sum } = data;
    tally.textContent = sum.referred === 0
      ? 'She has referred no one yet.'
      : `Referred ${sum.referred} · ${sum.bought} bought · ${formatMoney(sum.spentCents, data.currency)} in all`;
    referred.hidden = data.referred.length === 0;
    referred.replaceChildren(...data.referred.map((r) => el('li', {},
      el('p', { class: 'history-line' },
        el('button', { type: 'button', class: 'link', text: r.name, onclick: () => openContact(r.id) }),
        el('span', { text: ` · ${r.stageLabel}` }),
        el('span', {
          text: r.purchases > 0 ? ` · bought ${plural(r.purchases, 'time')}, ${formatMoney(r.spentCents, data.currency)}` : ' · not bought yet',
        }),
      ),
    )));
    partnerBox.hidden = !data.isPartner;
    if (data.isPartner) renderPartner(data);
  }

  function renderPartner(data) {
    const customer = createContactPicker({ except: person.id, placeholder: 'The customer you sent' });
    customer.input.id = `${base}-sent`;
    const note = el('input', { type: 'text', id: `${base}-sent-note`, autocomplete: 'off' });
    const error = el('p', { class: 'field-error', role: 'alert' });
    const form = el('form', { class: 'mini-form', 'aria-label': 'Sent her a customer', novalidate: true },
      el('div', { class: 'field-pair' },
        el('div', { class: 'field' }, el('label', { for: customer.input.id, text: 'Customer sent' }), customer.input, customer.list),
        el('div', { class: 'field' }, el('label', { for: note.id, text: 'What for' }), note),
      ),
      error,
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Record referral' })),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const sent = customer.chosen();
      if (sent === undefined) {
        error.textContent = 'Pick the customer from the list, or leave it empty and say whom in “What for”.';
        return;
      }
      try {
        await recordPartnerReferral({ partnerId: person.id, contactId: sent?.id ?? null, note: note.value });
        say(`Recorded: you sent ${sent?.name ?? 'a customer'} to ${person.name}`);
        await load(person);
      } catch (err) {
        error.textContent = err.message;
      }
    });
    partnerBox.replaceChildren(
      el('p', { class: 'count-text', text: `Sent ${data.tally.referred}, received ${data.sentToPartner.length}` }),
      el('ul', { class: 'history', 'aria-label': 'Sent to her' }, data.sentToPartner.map((r) => el('li', {},
        el('p', { class: 'history-line' },
          el('strong', { text: r.contact?.name ?? 'A customer' }),
          r.note ? el('span', { text: ` · ${r.note}` }) : null,
          el('time', { class: 'history-when', datetime: r.referredOn, text: formatDate(r.referredOn) }),
        ),
      ))),
      form,
    );
  }

  async function load(fresh) {
    person = fresh;
    try {
      render(await contactReferrals(person.id));
    } catch (err) {
      if (err.kind !== 'not_found') say(`Couldn’t load ${person.name}’s referrals: ${err.message}`);
    }
  }

  return { referredBy: byForm, element, load };
}
