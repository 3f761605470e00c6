// A contact's Purchases section: what she is worth in all, when she last bought, when
// each product she buys runs out (and whether that came from its days of supply or from
// her own rhythm), and her purchases, newest first.

import { contactPurchases } from '../backend.js';
import { el } from '../dom.js';
import { formatMoney } from '../money.js';
import { say } from '../status.js';
import { formatDate, plural } from '../when.js';

/** "last bought 47 days ago", "last bought today". */
export function lastBoughtText(days) {
  if (days === null || days === undefined) return '';
  if (days <= 0) return 'last bought today';
  if (days === 1) return 'last bought yesterday';
  return `last bought ${plural(days, 'day')} ago`;
}

export function createPurchases() {
  const summary = el('p', { class: 'count-text' });
  const reorders = el('ul', { class: 'history reorders', 'aria-label': 'Re-order dates', hidden: true });
  const history = el('ul', { class: 'history', 'aria-label': 'Purchases, newest first', hidden: true });
  const element = el('div', { class: 'activity-body' }, summary, reorders, history);
  let generation = 0;

  function render({ purchases, totals, reorders: dates, currency }) {
    if (purchases.length === 0) {
      summary.textContent = 'No purchases yet.';
      reorders.hidden = true;
      history.hidden = true;
      return;
    }
    summary.textContent = [
      plural(totals.purchases, 'purchase'),
      `lifetime value ${formatMoney(totals.lifetimeCents, currency)}`,
      lastBoughtText(totals.daysSinceLast),
    ].filter(Boolean).join(' · ');
    reorders.hidden = dates.length === 0;
    reorders.replaceChildren(...dates.map((reorder) => el('li', {},
      el('p', { class: 'history-line' },
        el('strong', { text: reorder.productName }),
        el('span', { text: ` runs out around ${formatDate(reorder.runsOutOn)}` }),
      ),
      el('p', { class: 'history-note', text: `Reminder ${formatDate(reorder.remindOn)}, ${reorder.basisText}` }),
    )));
    history.hidden = false;
    history.replaceChildren(...purchases.map((purchase) => el('li', {},
      el('p', { class: 'history-line' },
        el('strong', { text: purchase.summary }),
        purchase.amountCents !== null && purchase.amountCents !== undefined
          ? el('span', { text: ` · ${formatMoney(purchase.amountCents, currency)}` })
          : null,
        el('time', { class: 'history-when', datetime: purchase.boughtOn, text: formatDate(purchase.boughtOn) }),
      ),
      purchase.note ? el('p', { class: 'history-note', text: purchase.note }) : null,
    )));
  }

  async function load(person) {
    const mine = ++generation;
    try {
      const data = await contactPurchases(person.id);
      if (mine === generation) render(data);
    } catch (err) {
      if (mine === generation && err.kind !== 'not_found') say(`Couldn’t load ${person.name}’s purchases: ${err.message}`);
    }
  }

  return { element, load };
}
