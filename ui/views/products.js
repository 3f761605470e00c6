// Her product list, a section of Settings: what she sells, how many days one lasts (the
// re-order reminders come from it) and its price. Archived, never deleted, so every
// purchase keeps the product it named.

import { listProducts, saveProduct, setProductArchived } from '../backend.js';
import { el } from '../dom.js';
import { centsText, formatMoney } from '../money.js';
import { say } from '../status.js';
import { plural } from '../when.js';
import { createFields, guardSubmit } from './formKit.js';

/** What a product says in a list: "Lavender oil · 30 days · $24.50". */
export function productLine(product, currency) {
  const parts = [product.name];
  if (product.supplyDays) parts.push(`lasts ${plural(product.supplyDays, 'day')}`);
  if (product.priceCents !== null && product.priceCents !== undefined) parts.push(formatMoney(product.priceCents, currency));
  return parts.join(' · ');
}

/** The Products section. Returns {element, load}; load(currency) draws the list again. */
export function createProducts() {
  let currency = 'USD';
  let editing = null; // the product being edited, or null when adding
  const list = el('ul', { class: 'product-list', 'aria-label': 'Your products' });
  const fields = createFields('product');
  const controls = {
    name: el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. Lavender oil 10 ml' }),
    supplyDays: el('input', { type: 'number', min: '1', max: '3650', step: '1', inputmode: 'numeric' }),
    price: el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' }),
  };
  const submit = el('button', { type: 'submit', class: 'primary', text: 'Add product' });
  const cancel = el('button', { type: 'button', text: 'Cancel edit', hidden: true, onclick: () => edit(null) });
  const heading = el('h3', { text: 'Add a product' });
  const form = el('form', { class: 'mini-form product-form', 'aria-label': 'Product', novalidate: true },
    heading,
    fields.formError,
    el('div', { class: 'field-pair field-trio' },
      fields.field('name', 'Product name', controls.name),
      fields.field('supplyDays', 'Days of supply', controls.supplyDays, 'how long one lasts; empty = no re-order reminder'),
      fields.field('price', 'Price', controls.price, 'optional'),
    ),
    el('div', { class: 'actions' }, submit, cancel),
  );

  guardSubmit(form, fields, async () => {
    const product = await saveProduct(editing?.id ?? null, {
      name: controls.name.value,
      supplyDays: controls.supplyDays.value,
      price: controls.price.value,
    });
    say(editing ? `Saved ${product.name}` : `Added ${product.name} to your products`);
    edit(null);
    await load();
    controls.name.focus();
  });

  function edit(product) {
    editing = product;
    fields.clearErrors();
    controls.name.value = product?.name ?? '';
    controls.supplyDays.value = product?.supplyDays ? String(product.supplyDays) : '';
    controls.price.value = centsText(product?.priceCents);
    heading.textContent = product ? `Edit ${product.name}` : 'Add a product';
    submit.textContent = product ? 'Save product' : 'Add product';
    cancel.hidden = !product;
    if (product) controls.name.focus();
  }

  async function archive(product) {
    try {
      const saved = await setProductArchived(product.id, !product.archived);
      say(saved.archived ? `Archived ${saved.name}: no longer offered for new purchases` : `${saved.name} is back on your list`);
      await load();
    } catch (err) {
      say(`Couldn’t change ${product.name}: ${err.message}`);
    }
  }

  function render(products) {
    if (products.length === 0) {
      list.replaceChildren(el('li', { class: 'calm', text: 'No products yet. Add what you sell, with how long one lasts.' }));
      return;
    }
    list.replaceChildren(...products.map((product) => {
      const lineId = `product-${product.id}`;
      return el('li', { class: product.archived ? 'product archived' : 'product' },
        el('span', { id: lineId, text: productLine(product, currency) }),
        product.archived ? el('span', { class: 'badge', text: 'Archived' }) : null,
        el('span', { class: 'actions' },
          el('button', { type: 'button', text: 'Edit', 'aria-describedby': lineId, onclick: () => edit(product) }),
          el('button', {
            type: 'button', text: product.archived ? 'Unarchive' : 'Archive', 'aria-describedby': lineId,
            onclick: () => archive(product),
          }),
        ),
      );
    }));
  }

  async function load(newCurrency) {
    if (newCurrency) currency = newCurrency;
    try {
      render(await listProducts());
    } catch (err) {
      say(`Couldn’t load your products: ${err.message}`);
    }
  }

  const element = el('section', { class: 'settings-group', 'aria-labelledby': 'products-heading' },
    el('h2', { id: 'products-heading', text: 'Products' }),
    el('p', { class: 'hint', text: 'What you sell. Re-order reminders come from how long one lasts.' }),
    list,
    form,
  );
  return { element, load };
}
