// The cadence picker on a contact's page: the rhythm that fits their stage chosen first, the
// day it counts from (the day they met, their first touch, or a day she types), and what it
// will plan — each step's day, and why one moved (a day off) or was left out (long gone) —
// before she applies it.

import { applyCadence, cadencePlan } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { formatDate, formatWall, plural } from '../when.js';
import { createDateField } from './dateField.js';
import { createFields } from './formKit.js';

let sequence = 0;

/**
 * contact(): the contact shown now ({id, name}). onApplied(followups): the contact's
 * follow-ups after a cadence was applied. Returns {element, setCadences(list), refresh()}.
 */
export function createCadencePicker({ contact, onApplied }) {
  const id = `cadence-picker-${++sequence}`;
  const fields = createFields('cadence');
  const choice = el('select', { id: `${id}-cadence` });
  const start = createDateField(fields, {
    key: 'startOn', label: 'Start on', withTime: false, allowPast: true,
    hint: 'empty = the day they met, while the rhythm still fits',
  });
  const applyButton = el('button', { type: 'button', text: 'Apply', 'aria-describedby': `${id}-preview` });
  const preview = el('output', {
    id: `${id}-preview`, class: 'cadence-preview', for: choice.id, 'aria-label': 'Cadence preview', 'aria-live': 'polite',
  });
  const element = el('div', { class: 'apply-cadence', role: 'group', 'aria-label': 'Apply cadence' },
    el('div', { class: 'apply-cadence-row' },
      el('label', { for: choice.id, text: 'Cadence' }),
      choice,
      start.element,
      applyButton,
    ),
    fields.formError,
    preview,
  );

  let cadences = [];
  let suggestedId = null;
  let runningIds = []; // the rhythms already running for them, as strings
  let chosenByHer = false; // once she picks a rhythm, a refresh never changes it back
  let asked = 0;
  let shown = null; // the plan on screen

  choice.addEventListener('change', () => {
    chosenByHer = true;
    refresh();
  });
  let timer = null;
  start.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
  start.picker.addEventListener('change', () => refresh());
  applyButton.addEventListener('click', apply);

  /** The day she typed, read ('' when empty: the backend's default). */
  async function startOn() {
    return start.input.value.trim() ? (await start.resolve()).date : '';
  }

  function setCadences(list) {
    cadences = list;
    const chosen = choice.value;
    drawOptions();
    if (chosenByHer && cadences.some((c) => String(c.id) === chosen)) choice.value = chosen;
    applyButton.disabled = cadences.length === 0;
    refresh();
  }

  function drawOptions() {
    choice.replaceChildren(...cadences.map((cadence) => el('option', {
      value: cadence.id,
      text: `${cadence.name}${String(cadence.id) === String(suggestedId) ? ' (fits their stage)' : ''}${runningIds.includes(String(cadence.id)) ? ' (running)' : ''}`,
      'data-name': cadence.name,
    })));
  }

  async function refresh() {
    if (cadences.length === 0) return;
    const mine = ++asked;
    try {
      const day = await startOn();
      const plan = await cadencePlan(contact().id, chosenByHer ? choice.value : null, day);
      if (mine !== asked) return;
      const running = (plan.runningIds ?? []).map(String);
      if (String(plan.suggestedId) !== String(suggestedId) || running.join() !== runningIds.join()) {
        suggestedId = plan.suggestedId;
        runningIds = running;
        const keep = choice.value;
        drawOptions();
        choice.value = keep;
      }
      if (!chosenByHer) choice.value = String(plan.cadenceId);
      fields.clearErrors();
      shown = plan;
      drawPlan(plan);
    } catch (err) {
      if (mine !== asked) return;
      shown = null;
      preview.replaceChildren(el('span', { class: 'preview-error', text: err.message }));
    }
  }

  function drawPlan(plan) {
    const steps = plan.steps.map((step) => el('li', {},
      el('span', { class: 'when', text: formatWall(step.dueLocal) }),
      ` · ${step.channelLabel}${step.promise ? ` — ${step.promise}` : ''}`,
      step.note && !step.promise.includes(step.note) ? el('span', { class: 'step-note', text: ` (${step.note})` }) : null));
    const passed = plan.passed.length
      ? el('p', {
        class: 'hint',
        text: `Left out, long gone: ${plan.passed.map((p) => `${formatDate(p.on)}${p.message ? ` — ${p.message}` : ''}`).join('; ')}`,
      })
      : null;
    // The days fold away under the one line that sums them up (her page stays short).
    const open = preview.querySelector('details')?.open ?? false;
    const running = plan.running ? ' It is already running for them.' : '';
    preview.replaceChildren(el('details', { open },
      el('summary', { text: `Plans ${plural(plan.steps.length, 'follow-up')} ${plan.startText}.${running}` }),
      el('ul', { class: 'cadence-steps' }, steps),
      passed,
    ));
  }

  async function apply() {
    const option = choice.selectedOptions[0];
    if (!option) return;
    const name = option.dataset.name ?? option.textContent;
    fields.clearErrors();
    try {
      const followups = await applyCadence(contact().id, option.value, await startOn());
      const planned = String(shown?.cadenceId) === String(option.value) ? shown.steps.length : null;
      onApplied(followups);
      say(`Applied ${name} to ${contact().name}${planned === null ? '' : `: ${plural(planned, 'follow-up')} planned`}`);
      refresh();
    } catch (err) {
      if (fields.showError(err) === null) say(`Couldn’t apply ${name}: ${err.message}`);
    }
  }

  return { element, setCadences, refresh };
}
