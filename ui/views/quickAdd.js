// Quick add: one typed line per person, what Tend understood shown while typing, a batch
// context set once for a party's worth of lines, and the lines added with an Undo each.
// The same component sits at the top of the main window and alone in the Quick add window.

import {
  previewQuickAdd, quickAdd, quickAddBatch, setQuickAddBatch, undoQuickAdd,
} from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { formatDate } from '../when.js';
import { createFields } from './formKit.js';
import { askWhatUndoTakes } from './undoQuestion.js';

const PLACEHOLDER = 'Jane Doe 555-0142 wants the lavender set, call Thu';
const CADENCE_NOTE = '+ New lead cadence: 3 days, 3 weeks, 3 months';
// A line with a date: its promise is New lead's first step, the rest follow it.
const AFTER_DATE_NOTE = '+ New lead cadence after it: 3 weeks, 3 months';
const MAC = /Mac/.test(navigator.platform);

let sequence = 0;

/**
 * onOpenContact(id): a name in the added list was chosen. Without it (the Quick add
 * window has no contact page) names are plain text.
 * standalone: the Quick add window, where the component is all there is: a how-to line
 * under the input and the batch context open from the start.
 * onLeave(from): Escape in the line or the batch fields; `from` is where focus was before
 * Ctrl+K / q (or null). The host moves focus out (back to its list, or closes the window).
 * Returns {element, input, focus()}.
 */
export function createQuickAdd({ onOpenContact = null, standalone = false, onLeave = null } = {}) {
  const id = `quick-${++sequence}`;
  const previewId = `${id}-preview`;
  const errorId = `${id}-error`;
  const hintId = standalone ? `${id}-hint` : null;
  const describedBy = [previewId, hintId].filter(Boolean).join(' ');

  let previewSeq = 0; // bumped by every request; only the latest answer is drawn
  let pending = null; // {key, promise}: the preview asked for the line and batch as they are now
  let shownKey = null; // what the preview area shows, to leave it alone (and quiet) when unchanged
  let drawn = null; // {key, outcome}: the answer on screen and the line and batch it is for
  let queue = Promise.resolve(); // lines taken by Enter, saved one after another
  const stash = []; // lines pushed aside when an earlier one came back for a fix, next first
  let returnTo = null; // where focus was before Ctrl+K / q, for Escape on an empty line
  let rowSeq = 0;

  // ---------- the line and its preview ----------

  const input = el('input', {
    type: 'text',
    id: `${id}-line`,
    class: 'quick-input',
    'aria-label': 'Quick add',
    'aria-describedby': describedBy,
    'aria-keyshortcuts': standalone ? null : 'Control+K Q',
    placeholder: PLACEHOLDER,
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'done',
  });
  const preview = el('output', {
    id: previewId,
    class: 'quick-preview',
    for: input.id,
    'aria-label': 'Quick add preview',
    'aria-live': 'polite',
  });
  const choosePrompt = el('p', { class: 'quick-choose', role: 'alert' });
  const stashNote = el('p', { class: 'hint quick-stash', hidden: true });
  const choice = el('div', { class: 'quick-choice', role: 'group', 'aria-label': 'Already in Tend', hidden: true });

  // ---------- the batch context ----------

  const fields = createFields('batch');
  const metWhere = el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. Sara’s party' });
  const metOn = el('input', { type: 'date' });
  // The party's host: every guest is referred by her. Empty: the one "Met at" names.
  const host = el('input', { type: 'text', autocomplete: 'off', placeholder: 'e.g. Sara' });
  const cadenceBox = el('input', { type: 'checkbox', checked: true });
  const batchToggle = el('button', {
    type: 'button',
    class: 'quick-batch-toggle',
    text: 'Batch',
    'aria-expanded': String(standalone),
    'aria-controls': `${id}-batch`,
    'aria-describedby': `${id}-batch-summary`,
  });
  const batchSummary = el('span', { class: 'quick-batch-summary', id: `${id}-batch-summary` });
  const clearButton = el('button', { type: 'button', text: 'Clear batch' });
  const batchPanel = el('div', {
    id: `${id}-batch`, class: 'quick-batch', role: 'group', 'aria-label': 'Batch context', hidden: !standalone,
  },
  fields.formError,
  el('div', { class: 'quick-batch-fields' },
    fields.field('metWhere', 'Met at', metWhere),
    fields.field('metOn', 'Met on', metOn, 'empty = today'),
    fields.field('host', 'Host', host, 'every guest is referred by her; empty = the one “Met at” names'),
  ),
  el('div', { class: 'quick-batch-foot' },
    el('label', { class: 'check' }, cadenceBox, ' Start New lead cadence for lines without a date'),
    clearButton,
  ),
  );

  // ---------- lines pasted at once: one contact each ----------

  let pasted = []; // lines pasted together, waiting for Enter (or Add all)
  let pastedSeq = 0;
  const pastedTitle = el('p', { class: 'quick-pasted-title', id: `${id}-pasted-title`, 'aria-live': 'polite' });
  const pastedList = el('ol', { class: 'quick-pasted', 'aria-labelledby': pastedTitle.id });
  const addAllButton = el('button', { type: 'button', class: 'primary', text: 'Add all' });
  const discardButton = el('button', { type: 'button', text: 'Discard pasted lines' });
  const pastedWrap = el('div', { class: 'quick-pasted-wrap', role: 'group', 'aria-label': 'Pasted lines', hidden: true },
    pastedTitle,
    pastedList,
    el('div', { class: 'actions' }, addAllButton, discardButton),
  );

  // ---------- the lines added in this batch ----------

  const addedList = el('ul', { class: 'quick-added', 'aria-label': 'Added in this batch' });
  const addedWrap = el('div', { class: 'quick-added-wrap', hidden: true },
    el('p', { class: 'quick-added-title', 'aria-hidden': 'true', text: 'Added in this batch' }),
    addedList,
  );

  const key = (k) => el('kbd', { text: k });
  const element = el('div', { class: standalone ? 'quick-add standalone' : 'quick-add' },
    el('div', { class: 'quick-row' },
      el('div', { class: 'quick-field' },
        input,
        standalone ? null : el('span', { class: 'quick-keys', 'aria-hidden': 'true' }, key(MAC ? '⌘' : 'Ctrl'), key('K')),
      ),
      batchToggle,
      batchSummary,
    ),
    hintId
      ? el('p', {
        class: 'hint', id: hintId,
        text: 'One person per line: name, phone or email, what they want, and the next step with a day (call Thu). Enter saves.',
      })
      : null,
    preview,
    choice,
    stashNote,
    pastedWrap,
    batchPanel,
    addedWrap,
  );

  // ---------- preview ----------

  function readBatch() {
    return {
      metWhere: metWhere.value.trim(), metOn: metOn.value, noCadence: !cadenceBox.checked, host: host.value.trim(),
    };
  }

  const keyOf = (line, batch) => JSON.stringify([line, batch.metWhere, batch.metOn, batch.noCadence, batch.host]);

  /** Asks for the preview of the line and batch as they are now; draws it if still the latest. */
  function requestPreview() {
    const line = input.value;
    const batch = readBatch();
    const mine = ++previewSeq;
    if (!line.trim()) {
      pending = null;
      draw(null);
      return Promise.resolve(null);
    }
    const key = keyOf(line, batch);
    const promise = previewQuickAdd(line, batch).then(
      (result) => ({ ok: true, result }),
      (error) => ({ ok: false, error }),
    ).then((outcome) => {
      if (mine === previewSeq) draw(outcome, key);
      return outcome;
    });
    pending = { key, promise };
    return promise;
  }

  /** The preview for exactly this line and batch: the one in flight or shown, else a new one. */
  function previewFor(line, batch) {
    if (pending && pending.key === keyOf(line, batch)) return pending.promise;
    return requestPreview();
  }

  /** outcome: null (empty line), {ok: true, result} or {ok: false, error}; key: the line and batch it answers. */
  function draw(outcome, key = null) {
    drawn = outcome ? { key, outcome } : null;
    choosePrompt.textContent = '';
    if (!outcome) {
      shownKey = null;
      clearLineError();
      preview.replaceChildren();
      showChoice(null);
      return;
    }
    if (!outcome.ok) {
      showLineError(outcome.error);
      return;
    }
    const { result } = outcome;
    clearLineError();
    const drawnKey = JSON.stringify([result.text, result.appliesCadence, result.duplicate, result.referrer, result.referrerNote]);
    if (drawnKey !== shownKey) {
      // Redrawn only on a real change, so the live region speaks once per new meaning.
      shownKey = drawnKey;
      const parts = [el('span', { class: 'preview-text', text: result.text })];
      if (result.referrer || result.referrerNote) {
        const said = result.referrerNote ?? `referred by ${result.referrer.name}`;
        parts.push(el('span', { class: result.referrer ? 'preview-referrer' : 'preview-duplicate', text: said }));
      }
      if (result.appliesCadence) {
        const note = result.parsed?.followup ? AFTER_DATE_NOTE : CADENCE_NOTE;
        parts.push(el('span', { class: 'preview-cadence', text: note }));
      }
      if (result.duplicate) {
        parts.push(el('span', { class: 'preview-duplicate', text: duplicateText(result.duplicate) }));
      }
      preview.replaceChildren(...parts);
    }
    showChoice(result.duplicate);
  }

  /** "Already in Tend: Maria Lopez — add this to them?" (her phone, email or, alone, her name). */
  function duplicateText(duplicate) {
    return `Already in Tend: ${duplicate.name} — add this to them?`;
  }

  /** The two ways on for a line whose phone or email is already someone's. */
  function showChoice(duplicate) {
    if (!duplicate) {
      choice.hidden = true;
      choice.replaceChildren();
      delete choice.dataset.contactId;
      return;
    }
    const same = choice.dataset.contactId === String(duplicate.contactId) && choice.dataset.name === duplicate.name;
    if (!same) {
      choice.dataset.contactId = String(duplicate.contactId);
      choice.dataset.name = duplicate.name;
      choice.replaceChildren(
        el('button', {
          type: 'button', class: 'primary', text: `Add to ${duplicate.name}`, 'data-action': 'add-to',
          onclick: () => choose(duplicate.contactId),
        }),
        el('button', {
          type: 'button', text: 'Add as new contact', 'data-action': 'add-new',
          onclick: () => choose(null),
        }),
        choosePrompt,
      );
    }
    choice.hidden = false;
  }

  /** Enter on a duplicate without a choice: never a second Jane Doe by accident. */
  function askChoice(duplicate, { focus = true } = {}) {
    showChoice(duplicate);
    choosePrompt.textContent = `Choose: add to ${duplicate.name}, or as a new contact`;
    if (focus) choice.querySelector('[data-action="add-to"]')?.focus();
  }

  function showLineError(err) {
    shownKey = null;
    const message = err?.message || 'Tend couldn’t read that line. Nothing was saved.';
    const current = preview.querySelector('.preview-error');
    if (!current || current.textContent !== message) {
      preview.replaceChildren(el('span', { class: 'preview-error', role: 'alert', id: errorId, text: message }));
    }
    showChoice(null);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [errorId, hintId].filter(Boolean).join(' '));
  }

  function clearLineError() {
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', describedBy);
  }

  // ---------- saving ----------
  //
  // Enter takes the line at once: the field empties and the next line can be typed while
  // the backend answers (its first answer after start can be slow). Lines are saved one
  // after another, in the order entered. A line that turns out to need the person (it
  // cannot be read, or its phone is already someone's) comes back into the field with
  // the message or the choice; anything typed after it meanwhile is kept aside and comes
  // back once that line is dealt with. Nothing typed is ever dropped.

  function enqueue(task) {
    queue = queue.then(task).catch(() => {});
    return queue;
  }

  function onEnter() {
    const line = input.value;
    if (!line.trim()) {
      if (pasted.length) addPasted();
      return;
    }
    const batch = readBatch();
    if (drawn && drawn.key === keyOf(line, batch)) {
      // What this exact line means is already on screen: act on it now.
      if (!drawn.outcome.ok) {
        input.focus(); // the message stays beside the line, the text stays in it
        return;
      }
      if (drawn.outcome.result.duplicate) {
        askChoice(drawn.outcome.result.duplicate);
        return;
      }
    }
    const answer = previewFor(line, batch);
    input.value = '';
    requestPreview();
    enqueue(() => commit(line, batch, answer));
  }

  async function commit(line, batch, answer) {
    const outcome = await answer;
    if (outcome?.ok && !outcome.result.duplicate) {
      await save(line, batch, null, outcome.result);
    } else if (outcome) {
      giveBack(line, batch, outcome);
    }
  }

  /** One of the duplicate's buttons: addTo = that contact's id, or null for a new contact. */
  async function choose(addTo) {
    const line = input.value;
    if (!line.trim()) return;
    const batch = readBatch();
    const outcome = await previewFor(line, batch);
    if (input.value !== line) return;
    if (!outcome?.ok) {
      if (outcome) draw(outcome, keyOf(line, batch));
      input.focus();
      return;
    }
    const { duplicate } = outcome.result;
    if (duplicate && addTo !== null && String(addTo) !== String(duplicate.contactId)) {
      askChoice(duplicate); // the line changed under the button: ask again
      return;
    }
    input.value = '';
    requestPreview();
    input.focus();
    enqueue(() => save(line, batch, duplicate ? addTo : null, outcome.result));
  }

  /** A taken line that needs the person goes back into the field, with what it needs. */
  function giveBack(line, batch, outcome) {
    const typed = input.value;
    if (typed.trim() && typed !== line) {
      stash.unshift(typed);
      drawStash();
    }
    input.value = line;
    ++previewSeq;
    const key = keyOf(line, batch);
    pending = { key, promise: Promise.resolve(outcome) };
    draw(outcome, key);
    if (outcome.ok && outcome.result.duplicate) askChoice(outcome.result.duplicate, { focus: focusIsOurs() });
    else if (focusIsOurs()) input.focus();
  }

  function drawStash() {
    const lines = stash.map((text) => `“${text}”`).join(', ');
    stashNote.textContent = stash.length ? `Kept for the next ${stash.length === 1 ? 'line' : 'lines'}: ${lines}` : '';
    stashNote.hidden = stash.length === 0;
  }

  /** After a saved line: a line pushed aside while an earlier one came back returns to the field. */
  function restoreStash() {
    if (stash.length === 0 || input.value.trim()) return;
    input.value = stash.shift();
    drawStash();
    requestPreview();
  }

  /** Focus may be put back in the line: it is in Quick add already, or nowhere. */
  function focusIsOurs() {
    const active = document.activeElement;
    return !active || active === document.body || element.contains(active);
  }

  async function save(line, batch, addTo, result) {
    fields.clearErrors();
    try {
      const added = await quickAdd(line, batch, addTo);
      addRow(added, result);
      say(added.createdContact ? `Added ${added.contact.name}` : `Added to ${added.contact.name}`);
      restoreStash();
      if (focusIsOurs()) input.focus(); // the next line can follow at once
    } catch (err) {
      if (err?.kind === 'invalid' && (err.field === 'metOn' || err.field === 'metWhere')) {
        giveBack(line, batch, { ok: true, result: { ...result, duplicate: null } });
        setBatchOpen(true);
        fields.showError(err);
      } else {
        giveBack(line, batch, { ok: false, error: err });
      }
    }
  }

  /**
   * What Undo takes back on an existing contact: the follow-up this line planned, told
   * from the contact's others as the newest one on the line's channel (ids only grow).
   * A created contact goes as a whole.
   */
  function plannedIds(added, result) {
    // The backend says which follow-ups this line created; older answers did not.
    if (Array.isArray(added.createdFollowupIds)) return added.createdFollowupIds;
    if (added.createdContact) return (added.followups ?? []).map((f) => f.id);
    const step = result?.parsed?.followup;
    if (!step) return [];
    const same = (added.followups ?? []).filter((f) => f.channel === step.channel);
    if (same.length === 0) return [];
    return [same.reduce((a, b) => (Number(b.id) > Number(a.id) ? b : a)).id];
  }

  function addRow(added, result) {
    const rowId = `${id}-added-${++rowSeq}`;
    const name = added.contact.name;
    // The backend's text starts with the name as typed: shown once, as the link to the contact.
    const typedName = added.createdContact ? name : result?.parsed?.name ?? '';
    const rest = typedName && added.text.startsWith(typedName) ? added.text.slice(typedName.length) : ` — ${added.text}`;
    const nameNode = onOpenContact
      ? el('button', { type: 'button', class: 'link', text: name, onclick: () => onOpenContact(added.contact.id) })
      : el('strong', { text: name });
    const line = el('p', { class: 'quick-added-line', id: `${rowId}-text` },
      nameNode,
      added.createdContact ? null : el('span', { class: 'badge', text: 'already in Tend' }),
      el('span', { text: rest }),
    );
    const undo = el('button', { type: 'button', class: 'quick-undo', text: 'Undo', 'aria-describedby': line.id });
    const row = el('li', { 'data-key': rowId }, line, undo);
    const what = {
      contactId: added.contact.id,
      createdContact: added.createdContact,
      followupIds: plannedIds(added, result),
      touchId: added.touchId ?? null,
      contactUpdatedAt: added.createdContact ? added.contact.updatedAt ?? null : null,
    };
    undo.addEventListener('click', () => undoRow(row, what, added.text));
    addedList.append(row);
    addedWrap.hidden = false;
    row.scrollIntoView?.({ block: 'nearest' }); // (absent in jsdom)
  }

  async function undoRow(row, what, text) {
    if (row.dataset.busy) return;
    row.dataset.busy = 'true';
    try {
      let outcome = await undoQuickAdd(what);
      if (outcome?.outcome === 'ask') {
        const choice = await askWhatUndoTakes(outcome);
        if (!choice) {
          say(`Nothing was undone; ${outcome.name} is unchanged.`);
          return;
        }
        outcome = await undoQuickAdd({ ...what, choice });
      }
      removeRow(row);
      say(`Undone: ${text}`);
    } catch (err) {
      if (err?.kind === 'not_found') {
        removeRow(row); // already gone (deleted elsewhere): nothing left to take back
        say(`Already gone: ${text}`);
      } else {
        say(`Couldn’t undo: ${err?.message}`);
      }
    } finally {
      delete row.dataset.busy;
    }
  }

  /** Removes a row; focus, if it was there, goes to the next Undo, else back to the line. */
  function removeRow(row) {
    const rows = [...addedList.children];
    const at = rows.indexOf(row);
    const next = rows[at + 1] ?? rows[at - 1] ?? null;
    const hadFocus = row.contains(document.activeElement);
    row.remove();
    addedWrap.hidden = addedList.children.length === 0;
    if (hadFocus) (next?.querySelector('.quick-undo') ?? input).focus();
  }

  // ---------- pasted lines ----------

  /** Several lines pasted at once: each is its own person, previewed on its own. */
  function showPasted(lines) {
    pasted = lines;
    const mine = ++pastedSeq;
    const batch = readBatch();
    pastedTitle.textContent = `${lines.length} lines pasted: one contact each. Enter or Add all saves them.`;
    addAllButton.textContent = `Add all ${lines.length}`;
    const rows = lines.map((line) => el('li', { class: 'quick-pasted-line', text: line }));
    pastedList.replaceChildren(...rows);
    pastedWrap.hidden = false;
    lines.forEach((line, at) => {
      previewQuickAdd(line, batch).then((result) => {
        if (mine !== pastedSeq) return;
        const parts = [el('span', { class: 'preview-text', text: result.text })];
        if (result.duplicate) parts.push(el('span', { class: 'preview-duplicate', text: duplicateText(result.duplicate) }));
        rows[at].replaceChildren(...parts);
      }, (err) => {
        if (mine !== pastedSeq) return;
        rows[at].replaceChildren(
          el('span', { class: 'preview-text', text: line }),
          el('span', { class: 'preview-error', text: err.message }),
        );
      });
    });
  }

  function clearPasted() {
    pasted = [];
    ++pastedSeq;
    pastedList.replaceChildren();
    pastedWrap.hidden = true;
  }

  /** Saves every pasted line in order; one that needs her comes back into the field. */
  function addPasted() {
    const lines = pasted;
    clearPasted();
    const batch = readBatch();
    for (const line of lines) {
      const answer = previewQuickAdd(line, batch).then(
        (result) => ({ ok: true, result }),
        (error) => ({ ok: false, error }),
      );
      enqueue(() => commit(line, batch, answer));
    }
    input.focus();
  }

  // ---------- the batch ----------

  function setBatchOpen(open) {
    batchPanel.hidden = !open;
    batchToggle.setAttribute('aria-expanded', String(open));
  }

  function summarize() {
    const batch = readBatch();
    const parts = [
      batch.metWhere ? `Met at ${batch.metWhere}` : null,
      batch.metOn ? `on ${formatDate(batch.metOn)}` : null,
      batch.host ? `host ${batch.host}` : null,
      batch.noCadence ? 'no cadence' : null,
    ].filter(Boolean);
    batchSummary.textContent = parts.join(' · ');
  }

  let keepTimer = null;
  function batchChanged() {
    summarize();
    if (input.value.trim()) requestPreview(); // "+ New lead cadence" depends on the checkbox
    // Kept for the day, so a restart finds it again (after a short pause in typing).
    clearTimeout(keepTimer);
    keepTimer = setTimeout(() => setQuickAddBatch(readBatch()).catch(() => {}), 400);
  }

  /** The batch set earlier today, unless she has started a new one here. */
  async function restoreBatch() {
    try {
      const kept = await quickAddBatch();
      if (!kept || metWhere.value || metOn.value || !cadenceBox.checked) return;
      metWhere.value = kept.metWhere ?? '';
      metOn.value = kept.metOn ?? '';
      cadenceBox.checked = !kept.noCadence;
      summarize();
    } catch {
      // Nothing kept, or an older backend: the batch starts empty.
    }
  }

  function clearBatch() {
    metWhere.value = '';
    metOn.value = '';
    host.value = '';
    cadenceBox.checked = true;
    clearTimeout(keepTimer);
    setQuickAddBatch({}).catch(() => {});
    fields.clearErrors();
    addedList.replaceChildren();
    addedWrap.hidden = true;
    batchChanged();
    say('Batch cleared');
    input.focus();
  }

  // ---------- wiring ----------

  input.addEventListener('input', () => requestPreview());
  // An <input> flattens pasted lines into one; two people must never become one contact.
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? event.clipboardData?.getData('text') ?? '';
    const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
    if (lines.length < 2) return;
    event.preventDefault();
    showPasted(lines);
  });
  addAllButton.addEventListener('click', addPasted);
  discardButton.addEventListener('click', () => {
    clearPasted();
    say('Pasted lines discarded');
    input.focus();
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      onEnter();
    }
  });
  // Escape belongs to Quick add (a view must not close its form for it): it leaves the line,
  // which keeps what was typed (selected, to replace, when she comes back), so j and k that
  // follow move a list instead of typing here.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target !== input && event.target !== metWhere && event.target !== metOn) return;
    event.preventDefault();
    const from = returnTo?.isConnected && !element.contains(returnTo) ? returnTo : null;
    returnTo = null;
    if (onLeave) onLeave(from);
    else if (from) from.focus();
    else event.target.blur();
  });
  batchToggle.addEventListener('click', () => {
    const open = batchPanel.hidden;
    setBatchOpen(open);
    if (open) metWhere.focus();
  });
  for (const control of [metWhere, metOn, host]) control.addEventListener('input', batchChanged);
  metOn.addEventListener('change', batchChanged);
  cadenceBox.addEventListener('change', batchChanged);
  clearButton.addEventListener('click', clearBatch);
  // Enter in Met at or Met on goes back to the line: the batch is set, the lines follow.
  batchPanel.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.target === metWhere || event.target === metOn)) {
      event.preventDefault();
      input.focus();
    }
  });

  /** Ctrl+K, q, or the global shortcut: focus the line (its text selected, to replace or go on). */
  function focus() {
    const active = document.activeElement;
    if (active && active !== document.body && !element.contains(active)) returnTo = active;
    input.focus();
    input.select();
  }

  restoreBatch();
  return { element, input, focus };
}
