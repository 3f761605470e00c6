// The Record purchase form: which products from her list (with a quantity each), the day
// (a phrase or a picked date), the amount in her currency, a note; and what to say about
// what the purchase set in motion.

import { getSettings, listProducts, recordPurchase } from '../backend.js';
import { el } from '../dom.js';
import { formatMoney } from '../money.js';
import { formatDate } from '../when.js';
import { createFields, guardSubmit } from './formKit.js';
import { submitOnCtrlEnter } from './touchForm.js';

/**
 * decision: the Bought decision this purchase details (from the decision form), or null.
 * onManageProducts(): go where the product list is kept. onSaved(outcome) gets
 * record_purchase's answer.
 */
export function createPurchaseForm({
  contactId, contactName, decision = null, note = '', onSaved, onCancel, onManageProducts = () => {},
}) {
  const fields = createFields('purchase');
  let products = [];
  let currency = 'USD';
  const rows = []; // [{product: <select>, quantity: <input>}]
  const rowsBox = el('div', { class: 'purchase-items' });
  const addRow = el('button', { type: 'button', class: 'link', text: 'Add another product', onclick: () => newRow(true) });
  const controls = {
    date: el('input', { type: 'text', autocomplete: 'off', placeholder: 'today' }),
    pick: el('input', { type: 'date' }),
    amount: el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' }),
    note: el('textarea', { rows: '2' }),
  };
  controls.note.value = note;
  controls.pick.addEventListener('change', () => {
    if (controls.pick.value) controls.date.value = controls.pick.value;
  });
  const noProducts = el('div', { class: 'prompt', hidden: true },
    el('p', { text: 'No products on your list yet: add what you sell, with how long one lasts.' }),
    el('button', { type: 'button', text: 'Add products in Settings', onclick: () => onManageProducts() }),
  );
  const save = el('button', { type: 'submit', class: 'primary', text: 'Save purchase' });

  const form = el('form', { class: 'mini-form', 'aria-label': 'Record purchase', novalidate: true },
    el('h3', { text: decision ? `What did ${contactName} buy?` : `Record a purchase by ${contactName}` }),
    fields.formError,
    noProducts,
    rowsBox,
    addRow,
    el('div', { class: 'field-pair field-trio' },
      fields.field('date', 'Bought on', controls.date, 'empty = today; or “yesterday”, “last Tue”'),
      fields.field('pick', 'Pick the day', controls.pick),
      fields.field('amount', 'Amount', controls.amount, 'empty = your list prices'),
    ),
    fields.field('note', 'Note', controls.note),
    el('div', { class: 'actions' },
      save,
      el('button', { type: 'button', text: decision ? 'Not now' : 'Cancel', onclick: () => onCancel() }),
    ),
  );

  /** A product row; the first is "Product"/"Quantity" (where errors about the products show), later ones are numbered. */
  function newRow(focus = false) {
    const n = rows.length + 1;
    const suffix = n === 1 ? '' : ` ${n}`;
    const product = el('select', {},
      products.filter((p) => !p.archived).map((p) => el('option', { value: String(p.id), text: p.name })));
    const quantity = el('input', {
      type: 'number', min: '1', max: '999', step: '1', value: '1', inputmode: 'numeric', id: fields.idFor(`quantity${n}`),
    });
    product.addEventListener('change', showTotal);
    quantity.addEventListener('input', showTotal);
    rows.push({ product, quantity });
    let productField;
    if (n === 1) {
      productField = fields.field('items', 'Product', product);
    } else {
      product.id = fields.idFor(`product${n}`);
      productField = el('div', { class: 'field' }, el('label', { for: product.id, text: `Product${suffix}` }), product);
    }
    rowsBox.append(el('div', { class: 'field-pair purchase-item' },
      productField,
      el('div', { class: 'field field-quantity' }, el('label', { for: quantity.id, text: `Quantity${suffix}` }), quantity),
    ));
    showTotal();
    if (focus) product.focus();
  }

  /** The amount field's hint says what the list prices add up to, when they all have one. */
  function showTotal() {
    let total = 0;
    for (const { product, quantity } of rows) {
      const found = products.find((p) => String(p.id) === product.value);
      if (!found || found.priceCents === null || found.priceCents === undefined) {
        fields.setHint('amount', 'empty = your list prices');
        controls.amount.placeholder = '';
        return;
      }
      total += found.priceCents * Math.max(1, Number(quantity.value) || 1);
    }
    controls.amount.placeholder = rows.length ? formatMoney(total, currency) : '';
    fields.setHint('amount', `in ${currency}; empty = ${formatMoney(total, currency)} at your list prices`);
  }

  async function load() {
    try {
      const [list, settings] = await Promise.all([listProducts(), getSettings().catch(() => null)]);
      products = list;
      currency = settings?.currency ?? currency;
    } catch (err) {
      fields.formError.textContent = `Couldn’t load your products: ${err.message}`;
      return;
    }
    const offered = products.filter((p) => !p.archived);
    noProducts.hidden = offered.length > 0;
    addRow.hidden = offered.length < 2;
    save.disabled = offered.length === 0;
    rowsBox.replaceChildren();
    rows.length = 0;
    if (offered.length) newRow();
  }

  guardSubmit(form, fields, async () => {
    const outcome = await recordPurchase({
      contactId,
      items: rows.map(({ product, quantity }) => ({ productId: product.value, quantity: quantity.value })),
      date: controls.date.value,
      amount: controls.amount.value,
      note: controls.note.value,
      decisionId: decision?.id ?? null,
    });
    onSaved({ ...outcome, currency });
  });
  submitOnCtrlEnter(form);

  const loaded = load();
  return {
    element: form,
    loaded,
    focus: () => loaded.then(() => (rows[0]?.product ?? noProducts.querySelector('button'))?.focus()),
  };
}

/**
 * What a purchase did, in a sentence or few: "Recorded: Lavender oil ×2, $49.00. Stage is
 * now New customer. Started: New customer care. Re-order reminder: Mon 9 Mar."
 */
export function describePurchase(outcome, stageBefore) {
  const amount = outcome.purchase.amountCents !== null && outcome.purchase.amountCents !== undefined
    ? `, ${formatMoney(outcome.purchase.amountCents, outcome.currency)}` : '';
  const parts = [`Recorded: ${outcome.purchase.summary}${amount}`];
  if (outcome.stage && outcome.stage !== stageBefore) parts.push(`Stage is now ${outcome.stageLabel}`);
  if (outcome.decision?.stoppedCadences?.length) parts.push(`Stopped: ${outcome.decision.stoppedCadences.join(', ')}`);
  if (outcome.decision?.startedCadence) parts.push(`Started: ${outcome.decision.startedCadence}`);
  if (outcome.decision?.thanks) parts.push(`Planned: ${outcome.decision.thanks.promise}`);
  if (outcome.closedReminders) parts.push('Re-order reminder kept');
  for (const reminder of outcome.reminders ?? []) {
    parts.push(`Re-order reminder: ${formatDate(reminder.dueLocal.slice(0, 10))}`);
  }
  return `${parts.join('. ')}.`;
}
