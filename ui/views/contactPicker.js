// A text field that picks one contact as she types a name: a native <datalist> of the
// matching names (search-as-you-type over the whole book), and the contact the typed
// name is, once it is exactly one of them.

import { listContacts } from '../backend.js';
import { el } from '../dom.js';

let sequence = 0;

/** Returns {input, list, chosen(): {id, name} | null, set(person | null)}. `except`: an id never offered. */
export function createContactPicker({ except = null, placeholder = 'Type a name' } = {}) {
  const listId = `contact-picker-${++sequence}`;
  const input = el('input', { type: 'text', autocomplete: 'off', list: listId, placeholder });
  const list = el('datalist', { id: listId });
  let offered = []; // [{id, name}] the names last offered
  let picked = null; // set from outside (what is saved now)
  let asked = 0;

  input.addEventListener('input', async () => {
    const typed = input.value.trim();
    const mine = ++asked;
    if (typed.length < 2) return;
    try {
      const page = await listContacts({ query: typed, offset: 0, limit: 12, includeArchived: false });
      if (mine !== asked) return;
      offered = page.items.filter((item) => item.id !== except).map(({ id, name }) => ({ id, name }));
      list.replaceChildren(...offered.map((person) => el('option', { value: person.name })));
    } catch {
      // The field still works with what was offered before.
    }
  });

  /** The contact the field names now: the saved one unchanged, or the one offered by that exact name. */
  function chosen() {
    const typed = input.value.trim();
    if (!typed) return null;
    if (picked && picked.name === typed) return picked;
    const same = offered.filter((person) => person.name.toLowerCase() === typed.toLowerCase());
    return same.length === 1 ? same[0] : undefined;
  }

  function set(person) {
    picked = person;
    input.value = person?.name ?? '';
  }

  return { input, list, chosen, set };
}
