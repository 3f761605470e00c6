// The Cadences view: the rhythms that plan follow-ups by themselves, and their editor
// (name, steps of day + how + message, and the decisions that stop them).

import { createCadence, listCadences, updateCadence } from '../backend.js';
import { el, isTyping } from '../dom.js';
import { say } from '../status.js';
import { CHANNELS, createFields, select } from './formKit.js';
import { submitOnCtrlEnter } from './touchForm.js';

// The decisions a cadence can stop on, with the short names the editor's checkboxes use.
const STOPS = [
  ['bought', 'Bought'],
  ['no', 'No'],
  ['not_now', 'Not now'],
  ['interested', 'Interested'],
  ['thinking', 'Thinking it over'],
];

const channelLabel = (key) => CHANNELS.find(([k]) => k === key)?.[1] ?? key;

export function mount(container) {
  let cadences = [];
  let editor = null; // {id|null, element, ...} while editing
  let returnTo = null; // cadence id whose Edit button gets focus back (or 'new')

  const newButton = el('button', { type: 'button', class: 'primary', text: 'New cadence', onclick: () => edit(null) });
  const list = el('div', { class: 'cadence-list' });
  const listView = el('div', { class: 'cadences-list-view' },
    el('div', { class: 'title-row' }, el('h1', { text: 'Cadences' }), newButton),
    el('p', { class: 'lede', text: 'Rhythms that plan follow-ups by themselves. Apply one from a contact’s page; it stops when a decision says so.' }),
    list,
  );
  const page = el('div', { class: 'page cadences' }, listView);
  container.append(page);

  async function load() {
    try {
      cadences = await listCadences();
      renderList();
    } catch (err) {
      say(`Couldn’t load cadences: ${err.message}`);
    }
  }

  function renderList() {
    const focusedEdit = list.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    if (cadences.length === 0) {
      list.replaceChildren(el('p', { class: 'calm', text: 'No cadences yet. New cadence makes one.' }));
      return;
    }
    list.replaceChildren(el('ul', { class: 'cadence-cards' }, cadences.map((cadence) => {
      const headingId = `cadence-${cadence.id}-name`;
      const stops = STOPS.filter(([key]) => cadence.stopsOn.includes(key)).map(([, label]) => label);
      return el('li', { class: 'cadence-card' },
        el('div', { class: 'title-row' },
          el('h2', { id: headingId, text: cadence.name }),
          cadence.builtinKey ? el('span', { class: 'badge', text: 'Built in' }) : null,
          el('button', {
            type: 'button', text: 'Edit', 'data-id': cadence.id, 'aria-describedby': headingId,
            class: 'push-right', onclick: () => edit(cadence),
          }),
        ),
        el('ol', { class: 'steps-summary', 'aria-label': `${cadence.name}: steps` },
          cadence.steps.map((step) => el('li', {
            text: `day ${step.offsetDays} · ${channelLabel(step.channel)}${step.message ? ` — ${step.message}` : ''}`,
          })),
        ),
        el('p', { class: 'hint', text: stops.length ? `Stops when: ${stops.join(', ')}` : 'Runs to the end whatever is decided' }),
      );
    })));
    const again = focusedEdit && list.querySelector(`button[data-id="${focusedEdit}"]`);
    again?.focus();
  }

  function showList() {
    editor = null;
    page.replaceChildren(listView);
    renderList();
    const target = returnTo === 'new' || returnTo === null
      ? newButton
      : list.querySelector(`button[data-id="${returnTo}"]`) ?? newButton;
    target.focus();
  }

  function edit(cadence) {
    returnTo = cadence ? String(cadence.id) : 'new';
    editor = createEditor(cadence, {
      onSaved: (saved) => {
        returnTo = String(saved.id);
        say(`Saved cadence ${saved.name}`);
        load().then(showList);
      },
      onCancel: showList,
    });
    page.replaceChildren(editor.element);
    page.scrollTop = 0;
    editor.focus();
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && editor) {
      event.preventDefault();
      showList();
      return;
    }
    if (!editor && !isTyping(event.target) && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      edit(null);
    }
  }

  load();
  return {
    refresh: () => (editor ? null : load()), // never redraw under an open editor
    onKey,
    focusList: () => {
      if (editor) return false;
      (list.querySelector('button[data-id]') ?? newButton).focus();
      return true;
    },
  };
}

/** The editor for one cadence (null for a new one). */
function createEditor(cadence, { onSaved, onCancel }) {
  const fields = createFields('cadence');
  const name = el('input', { type: 'text', autocomplete: 'off', value: cadence?.name ?? '' });
  const stepsList = el('ol', { class: 'step-rows' });
  const stepsError = el('p', { class: 'field-error', id: `${fields.idFor('steps')}-error`, hidden: true });
  const stopsError = el('p', { class: 'field-error', id: `${fields.idFor('stops')}-error`, hidden: true });
  const addButton = el('button', { type: 'button', text: 'Add step', onclick: () => addStep() });
  let stepSequence = 0;

  const stopBoxes = STOPS.map(([key, label]) => {
    const box = el('input', {
      type: 'checkbox', value: key,
      checked: cadence ? cadence.stopsOn.includes(key) : key === 'bought' || key === 'no',
    });
    return { key, box, label: el('label', { class: 'check' }, box, el('span', { class: 'visually-hidden', text: 'Stops when: ' }), label) };
  });

  const stepsFieldset = el('fieldset', { class: 'steps', 'aria-describedby': stepsError.id },
    el('legend', { text: 'Steps' }),
    el('p', { class: 'hint', text: 'Day counts from the day the cadence is applied (day 0 = that day).' }),
    stepsList,
    stepsError,
    addButton,
  );
  const stopsFieldset = el('fieldset', { class: 'stops', 'aria-describedby': stopsError.id },
    el('legend', { text: 'Stops when' }),
    el('div', { class: 'stop-boxes' }, stopBoxes.map((s) => s.label)),
    stopsError,
  );

  const form = el('form', { class: 'cadence-form', 'aria-label': 'Cadence editor', novalidate: true },
    el('h1', { text: cadence ? 'Edit cadence' : 'New cadence' }),
    fields.formError,
    fields.field('name', 'Name', name),
    stepsFieldset,
    stopsFieldset,
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', text: 'Save cadence' }),
      el('button', { type: 'button', text: 'Cancel', onclick: () => onCancel() }),
    ),
  );

  function stepRows() {
    return [...stepsList.children];
  }

  function renumber() {
    stepRows().forEach((row, index) => {
      row.querySelector('legend').textContent = `Step ${index + 1}`;
    });
  }

  function addStep(step = null, focus = true) {
    const rows = stepRows();
    const previous = rows.length ? readStep(rows[rows.length - 1]) : null;
    const n = ++stepSequence;
    const idFor = (part) => `${fields.idFor('step')}-${n}-${part}`;
    const day = el('input', {
      type: 'number', id: idFor('day'), min: '0', step: '1', inputmode: 'numeric', class: 'day',
      value: String(step?.offsetDays ?? (previous && Number.isFinite(previous.offsetDays) ? previous.offsetDays + 7 : 3)),
    });
    const how = select(CHANNELS, step?.channel ?? previous?.channel ?? 'call', { id: idFor('how') });
    const message = el('input', { type: 'text', id: idFor('message'), autocomplete: 'off', value: step?.message ?? '' });
    const row = el('li', { class: 'step-row' },
      el('fieldset', {},
        el('legend', { id: idFor('legend'), text: 'Step' }),
        el('div', { class: 'field' }, el('label', { for: day.id, text: 'Day' }), day),
        el('div', { class: 'field' }, el('label', { for: how.id, text: 'How' }), how),
        el('div', { class: 'field field-message' }, el('label', { for: message.id, text: 'Message' }), message),
        el('button', {
          type: 'button', class: 'danger', text: 'Remove step', 'aria-describedby': idFor('legend'),
          onclick: () => removeStep(row),
        }),
      ),
    );
    stepsList.append(row);
    renumber();
    if (focus) day.focus();
  }

  function removeStep(row) {
    const rows = stepRows();
    const next = rows[rows.indexOf(row) + 1] ?? rows[rows.indexOf(row) - 1];
    row.remove();
    renumber();
    (next?.querySelector('input') ?? addButton).focus();
  }

  function readStep(row) {
    const [day, message] = row.querySelectorAll('input');
    const text = day.value.trim();
    return {
      offsetDays: /^\d+$/.test(text) ? Number(text) : NaN,
      channel: row.querySelector('select').value,
      message: message.value,
    };
  }

  function clearErrors() {
    fields.clearErrors();
    for (const node of [stepsError, stopsError]) {
      node.textContent = '';
      node.hidden = true;
    }
    for (const input of stepsList.querySelectorAll('[aria-invalid]')) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }

  /** Shows a steps error under the steps, and on the step it names ("Step 2: ..."). */
  function showStepsError(message, stepIndex = null) {
    stepsError.textContent = message;
    stepsError.hidden = false;
    const index = stepIndex ?? (Number(/^Step (\d+)/.exec(message)?.[1]) - 1);
    const row = stepRows()[Number.isInteger(index) && index >= 0 ? index : -1];
    const target = row?.querySelector('input.day') ?? stepRows()[0]?.querySelector('input') ?? addButton;
    if (target.tagName === 'INPUT') {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', stepsError.id);
    }
    target.focus();
  }

  function showError(err) {
    if (err?.kind === 'invalid' && ['steps', 'promise', 'channel'].includes(err.field)) {
      showStepsError(err.message);
    } else if (err?.kind === 'invalid' && err.field === 'stopsOn') {
      stopsError.textContent = err.message;
      stopsError.hidden = false;
      stopBoxes[0].box.focus();
    } else {
      fields.showError(err);
    }
  }

  let saving = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saving) return;
    clearErrors();
    const steps = stepRows().map(readStep);
    const bad = steps.findIndex((step) => !Number.isFinite(step.offsetDays));
    if (bad >= 0) {
      // A day that is not a whole number cannot even be sent; say so where it is.
      showStepsError(`Step ${bad + 1}: give the day as a whole number (0 or more).`, bad);
      return;
    }
    const draft = {
      name: name.value,
      stopsOn: stopBoxes.filter((s) => s.box.checked).map((s) => s.key),
      steps,
    };
    saving = true;
    try {
      onSaved(cadence ? await updateCadence(cadence.id, draft) : await createCadence(draft));
    } catch (err) {
      showError(err);
    } finally {
      saving = false;
    }
  });
  submitOnCtrlEnter(form);

  for (const step of cadence?.steps ?? []) addStep(step, false);
  if (!cadence) addStep(null, false);

  return {
    element: form,
    focus: () => name.focus(),
  };
}
