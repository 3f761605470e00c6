// The only file that talks to Tauri: one named function per Rust command, plus the change event.

/** What every failed call rejects with, whatever shape the failure had: `{kind, message, field}`. */
export class BackendError extends Error {
  constructor(kind, message, field = null) {
    super(message);
    this.kind = kind;
    this.field = field;
  }
}

function toBackendError(err) {
  if (err && typeof err === 'object' && typeof err.message === 'string') {
    return new BackendError(err.kind ?? 'internal', err.message, err.field ?? null);
  }
  // Tauri itself rejects with a bare string (e.g. an unknown command).
  return new BackendError('internal', String(err ?? 'Something went wrong.'));
}

async function call(command, args) {
  const invoke = window.__TAURI__?.core?.invoke;
  if (typeof invoke !== 'function') {
    throw new BackendError('unavailable', 'Tend’s backend is not available in this window.');
  }
  try {
    return await invoke(command, args);
  } catch (err) {
    throw toBackendError(err);
  }
}

/** → [{key, label}] */
export function listStages() {
  return call('list_stages');
}

/** → {items: [{id, name, stage, stageLabel, phone, email, archived}], total} */
export function listContacts({ query, offset, limit, includeArchived }) {
  return call('list_contacts', { query, offset, limit, includeArchived });
}

/** → Contact */
export function getContact(id) {
  return call('get_contact', { id: Number(id) });
}

/** draft = {name, phone, email, stage, notes, tags: [string]} → Contact */
export function createContact(draft) {
  return call('create_contact', { draft });
}

/** → Contact */
export function updateContact(id, draft) {
  return call('update_contact', { id: Number(id), draft });
}

/** → Contact */
export function setArchived(id, archived) {
  return call('set_archived', { id: Number(id), archived });
}

/** → null */
export function deleteContact(id) {
  return call('delete_contact', { id: Number(id) });
}

/** → Contact; one click from a suggestion such as "Mark inactive". */
export function setStage(id, stage) {
  return call('set_stage', { id: Number(id), stage });
}

/**
 * → {phoneRegion, defaultTime, timeZone, dataFile, digestTime: 'HH:MM' or 'off', closeToTray,
 *    remindersPausedUntil: RFC 3339 or null}
 */
export function getSettings() {
  return call('get_settings');
}

/** key: 'phoneRegion' | 'defaultTime' | 'digestTime' ('HH:MM' or 'off') | 'closeToTray' ('on'/'off') → null */
export function setSetting(key, value) {
  return call('set_setting', { key, value });
}

// ---------- Reminders, tray, start at login, the global shortcut ----------

/** choice: 'one_hour' | 'tomorrow' | 'resume' → Settings (with remindersPausedUntil) */
export function pauseReminders(choice) {
  return call('pause_reminders', { choice });
}

/** → bool: does Tend start at login? */
export function getAutostart() {
  return call('get_autostart');
}

/** → bool: the state afterwards, as the OS reports it */
export function setAutostart(enabled) {
  return call('set_autostart', { enabled: Boolean(enabled) });
}

/** → {shortcut, registered, message or null}: the global Quick add shortcut */
export function getShortcut() {
  return call('get_shortcut');
}

/** Tries `shortcut` (e.g. 'Ctrl+Alt+T') with the OS; saved only if registered. → {shortcut, registered, message} */
export function setShortcut(shortcut) {
  return call('set_shortcut', { shortcut: String(shortcut) });
}

// ---------- Today ----------

/**
 * → {date, now, nextDayAt, overdue, dueToday, upcoming: [Followup], goingCold, maybes, counts}
 * `now` and `date` are the backend's clock (possibly shifted for tests): the only "today" the UI uses.
 * shown: {overdue, dueToday, upcoming}, how many of each to send (omitted: a page each).
 */
export function getToday(shown = undefined) {
  return shown ? call('get_today', { shown }) : call('get_today');
}

/** period: 'fourWeeks' | 'quarter' | 'year' | 'all' → the Insights page's figures */
export function getInsights(period) {
  return call('get_insights', { period: String(period) });
}

/** The people behind one pipeline bar: 'stage:lead', 'decision:none', 'oldMaybes', 'goingCold'. */
export function pipelinePeople(slice) {
  return call('pipeline_people', { slice: String(slice) });
}

// ---------- Follow-ups ----------

/** draft = {contactId, promise, channel, date: 'YYYY-MM-DD', time: 'HH:MM' or ''} → Followup */
export function planFollowup(draft) {
  return call('plan_followup', { draft: { ...draft, contactId: Number(draft.contactId) } });
}

/** → [Followup], pending first */
export function contactFollowups(contactId) {
  return call('contact_followups', { contactId: Number(contactId) });
}

/** → {followup, touchChannel} */
export function completeFollowup(id) {
  return call('complete_followup', { id: Number(id) });
}

/** → [{choice, label, until}] */
export function snoozeOptions() {
  return call('snooze_options');
}

/** choice: 'one_hour' | 'this_evening' | 'tomorrow_morning' | 'next_week' → Followup */
export function snoozeFollowup(id, choice) {
  return call('snooze_followup', { id: Number(id), choice });
}

/** Remind me later, on a picked date (time '' = default time); the promise keeps its date. → Followup */
export function snoozeFollowupUntil(id, date, time) {
  return call('snooze_followup_until', { id: Number(id), date, time });
}

/** Moves the promise itself. → Followup */
export function rescheduleFollowup(id, date, time) {
  return call('reschedule_followup', { id: Number(id), date, time });
}

/** → Followup (e.g. the one a clicked notification names) */
export function getFollowup(id) {
  return call('get_followup', { id: Number(id) });
}

/** → Followup */
export function skipFollowup(id, reason) {
  return call('skip_followup', { id: Number(id), reason });
}

// ---------- Touches ----------

/**
 * Before a touch at `when` ('YYYY-MM-DDTHH:MM' or '' for now) is logged: the open follow-up it most
 * likely kept → {followup, question: 'Did this keep “…” (due Thu)?'} or null
 */
export function touchKeeps(contactId, when) {
  return call('touch_keeps', { contactId: Number(contactId), when: String(when ?? '') });
}

/**
 * draft = {contactId, channel, outcome, note, when: 'YYYY-MM-DDTHH:MM' or '', followupId or null}
 * → {touch, count, countText, suggestion: {contactId, channel, date, promise}, rebased}
 */
export function logTouch(draft) {
  const followupId = draft.followupId === null || draft.followupId === undefined ? null : Number(draft.followupId);
  return call('log_touch', { draft: { ...draft, contactId: Number(draft.contactId), followupId } });
}

/** → {touches: [Touch] newest first, count, countText} */
export function contactTouches(contactId) {
  return call('contact_touches', { contactId: Number(contactId) });
}

// ---------- Cadences ----------

/** → [{id, builtinKey, name, stopsOn, steps: [{offsetDays, channel, message}]}] */
export function listCadences() {
  return call('list_cadences');
}

/** draft = {name, stopsOn: [kind], steps: [{offsetDays, channel, message}]} → Cadence */
export function createCadence(draft) {
  return call('create_cadence', { draft });
}

/** → Cadence */
export function updateCadence(id, draft) {
  return call('update_cadence', { id: Number(id), draft });
}

/** Applies a cadence from startOn ('YYYY-MM-DD', or '' for where it counts from by default) → [Followup] afterwards */
export function applyCadence(contactId, cadenceId, startOn = '') {
  return call('apply_cadence', { contactId: Number(contactId), cadenceId: Number(cadenceId), startOn: String(startOn ?? '') });
}

/**
 * What applying a cadence (cadenceId null: the one that fits the contact's stage) from startOn would plan
 * → {cadenceId, cadenceName, suggestedId, startOn, startFrom, startText,
 *    steps: [{dueLocal, channel, channelLabel, promise, note}], passed: [{on, message}]}
 */
export function cadencePlan(contactId, cadenceId = null, startOn = '') {
  const id = cadenceId === null || cadenceId === undefined || cadenceId === '' ? null : Number(cadenceId);
  return call('cadence_plan', { contactId: Number(contactId), cadenceId: id, startOn: String(startOn ?? '') });
}

// ---------- Decisions ----------

/**
 * draft = {contactId, kind, note, revisitOn: 'YYYY-MM-DD' or '', keepOpen: [followupId]: answered ones she unticked}
 * → {decision, stage, stoppedCadences: [name], startedCadence, revisit: Followup or null, settled: [Followup]}
 */
export function recordDecision(draft) {
  return call('record_decision', {
    draft: { ...draft, contactId: Number(draft.contactId), keepOpen: (draft.keepOpen ?? []).map(Number) },
  });
}

/** The open follow-ups a decision of `kind` would close (ticked in its form) → [Followup] */
export function decisionAnswers(contactId, kind) {
  return call('decision_answers', { contactId: Number(contactId), kind: String(kind) });
}

/** → [Decision], newest first */
export function contactDecisions(contactId) {
  return call('contact_decisions', { contactId: Number(contactId) });
}

// ---------- Quick add ----------

/** The batch context sent with every line: {metWhere, metOn: 'YYYY-MM-DD' or '' (today), noCadence, host}. */
function batchArg(batch) {
  return {
    metWhere: String(batch?.metWhere ?? ''),
    metOn: String(batch?.metOn ?? ''),
    noCadence: Boolean(batch?.noCadence),
    host: String(batch?.host ?? ''),
  };
}

/**
 * What a line would save, without saving it.
 * → {parsed: {name, phones: [{display, e164}], emails, tags, stage, note, followup: {channel, date, time, phrase} or null},
 *    text, duplicate: {contactId, name} or null, appliesCadence}
 */
export function previewQuickAdd(line, batch) {
  return call('preview_quick_add', { line: String(line), batch: batchArg(batch) });
}

/**
 * Saves a line; addTo: the id of the existing contact the person chose for a duplicate, or null.
 * → {contact: Contact, createdContact, followups: [Followup], touchId or null, text}
 */
export function quickAdd(line, batch, addTo = null) {
  const to = addTo === null || addTo === undefined ? null : Number(addTo);
  return call('quick_add', { line: String(line), batch: batchArg(batch), addTo: to });
}

/** The batch context set today (it survives a restart that day) → {metWhere, metOn, noCadence} */
export function quickAddBatch() {
  return call('quick_add_batch');
}

/** Remembers the batch context for the day; an empty one forgets it. → null */
export function setQuickAddBatch(batch) {
  return call('set_quick_add_batch', { batch: batchArg(batch) });
}

/**
 * Takes one saved line back. added = {contactId, createdContact, followupIds, touchId,
 * contactUpdatedAt, choice?} → {outcome: 'undone'} | {outcome: 'ask', name, since: [text]}.
 * choice ('keepContact' | 'removeContact') answers an earlier 'ask'.
 */
export function undoQuickAdd(added) {
  const touchId = added?.touchId === null || added?.touchId === undefined ? null : Number(added.touchId);
  return call('undo_quick_add', {
    added: {
      contactId: Number(added?.contactId),
      createdContact: Boolean(added?.createdContact),
      followupIds: (added?.followupIds ?? []).map(Number),
      touchId,
      contactUpdatedAt: added?.contactUpdatedAt ? String(added.contactUpdatedAt) : null,
      choice: added?.choice ?? null,
    },
  });
}

// ---------- Start-up ----------

/** Why the data could not be opened at start → {kind, title, explanation, path, remedies}, or null. */
export function startupProblem() {
  return call('startup_problem');
}

/** The page is parsed and its modules have run: the window, built hidden, shows it. */
export function pageReady() {
  return call('page_ready');
}

/** Tries again → null once Tend is running, else the problem as it stands now. */
export function retryStartup() {
  return call('retry_startup');
}

export function openDataFolder() {
  return call('open_data_folder');
}

export function quitApp() {
  return call('quit_app');
}

// ---------- Contacts in and out ----------

/** Asks for a contacts file (vCard or CSV) with the system's file chooser → path, or null. */
export function chooseImportFile() {
  return call('choose_import_file');
}

/**
 * → {fileName, format, encoding, new, merged, unchanged, problems: [{where, what}], rows, summary,
 *    needsMapping: {headers, suggested} | null}. `mapping`: {header: field} for an unknown CSV.
 */
export function previewImport(path, mapping = null) {
  return call('preview_import', { path: String(path), mapping });
}

/** Imports the file in one transaction → {new, merged, unchanged, problems}; progress comes as events. */
export function importContacts(path, { mergeSameName = [], stage = '', mapping = null } = {}) {
  return call('import_contacts', {
    path: String(path),
    mapping,
    choices: { mergeSameName: mergeSameName.map(Number), stage: String(stage) },
  });
}

/** Stops the import that is running; nothing of it is written. */
export function cancelImport() {
  return call('cancel_import');
}

/** format: 'vcf' | 'csv' | 'ics'. Asks where to save → path, or null. */
export function chooseExportFile(format) {
  return call('choose_export_file', { format: String(format) });
}

/** Writes the export → {path, count, counted: "212 contacts"} */
export function exportTo(path, format) {
  return call('export_to', { path: String(path), format: String(format) });
}

// ---------- Backups ----------

/** → {folder, last: BackupInfo | null, backups: [BackupInfo]}; BackupInfo: {path, takenAt, sizeBytes, contacts, reason} */
export function backupStatus() {
  return call('backup_status');
}

/** Asks where, then writes a checked copy → BackupInfo, or null when she cancels. */
export function backUpNow() {
  return call('back_up_now');
}

/** The system's file chooser, for a backup file → path, or null. */
export function chooseRestoreFile() {
  return call('choose_restore_file');
}

/** Checks a backup without restoring it → BackupInfo (refused files reject with the reason). */
export function checkBackup(path) {
  return call('check_backup', { path: String(path) });
}

/** Replaces the book with the backup → {restoredFrom, contacts, contactsBefore, keptAside}. */
export function restoreBackup(path) {
  return call('restore_backup', { path: String(path) });
}

/** At start-up, over an unusable file: the newest good backup → null once running, else the problem. */
export function restoreNewestBackup() {
  return call('restore_newest_backup');
}

// ---------- Dates typed in forms ----------

/**
 * A day as she typed it ("Mon", "in 3 weeks", "Dec 3 at 2pm"), read by Quick add's phrases.
 * ask = {text, time: 'HH:MM' or '', withTime, allowPast} → {date: 'YYYY-MM-DD', time: 'HH:MM' or null,
 * shown: 'Mon 7 Dec, 09:00', why: string or null}; what cannot be read rejects on field 'date' or 'time'.
 */
export function readDate(ask) {
  return call('read_date', {
    ask: {
      text: String(ask?.text ?? ''),
      time: String(ask?.time ?? ''),
      withTime: ask?.withTime !== false,
      allowPast: Boolean(ask?.allowPast),
    },
  });
}

// ---------- Reaching someone ----------

/** action: 'call' | 'text' | 'email'; to: a number or an address; subject: an email's. → the URL opened */
export function openLink(action, to, subject = '') {
  return call('open_link', { link: { action: String(action), to: String(to ?? ''), subject: String(subject ?? '') } });
}

// ---------- About ----------

/** → {version, date or null, notes: [sentence]}: this build and its release notes */
export function aboutTend() {
  return call('about_tend');
}

/** → {reached, message}: a test notification sent, and whether the desktop took it */
export function sendTestNotification() {
  return call('send_test_notification');
}

/** Escape in the small Quick add window: it goes away (its batch is kept). */
export function closeQuickAdd() {
  return call('close_quick_add');
}

// ---------- Events from the backend ----------

/** Calls `handler(payload)` for every `name` event. Resolves to an unlisten function. */
async function listenTo(name, handler) {
  const listen = window.__TAURI__?.event?.listen;
  if (typeof listen !== 'function') return () => {};
  return listen(name, (event) => handler(event?.payload ?? null));
}

/**
 * Calls `callback` whenever data changed outside the current view (another window,
 * the background scheduler). Resolves to an unlisten function.
 */
export function onChanged(callback) {
  return listenTo('tend://changed', () => callback());
}

/** The global shortcut or the tray asked for Quick add: callback() focuses it. */
export function onQuickAdd(callback) {
  return listenTo('tend://quick-add', () => callback());
}

/** A notification was clicked: callback(followupId), or callback(null) for a summary (open Today). */
export function onOpenFollowup(callback) {
  return listenTo('tend://open-followup', (payload) => {
    const id = payload === null ? NaN : Number(payload);
    callback(Number.isFinite(id) ? id : null);
  });
}

/** While an import writes: callback({done, total}). */
export function onImportProgress(callback) {
  return listenTo('tend://import-progress', (payload) => callback({
    done: Number(payload?.done ?? 0),
    total: Number(payload?.total ?? 0),
  }));
}

/** A file was dropped onto the window: callback(path) with the first one. */
export function onFileDropped(callback) {
  return listenTo('tauri://drag-drop', (payload) => {
    const path = payload?.paths?.[0];
    if (typeof path === 'string' && path) callback(path);
  });
}

// ---------- Customers who stay: products and purchases ----------

/** → [{id, name, supplyDays, priceCents, archived}], her list by name (archived last) */
export function listProducts() {
  return call('list_products');
}

/** id null adds; draft = {name, supplyDays: '30' or '', price: '24.50' or ''} → Product */
export function saveProduct(id, draft) {
  const productId = id === null || id === undefined ? null : Number(id);
  return call('save_product', { id: productId, draft });
}

/** → Product */
export function setProductArchived(id, archived) {
  return call('set_product_archived', { id: Number(id), archived: Boolean(archived) });
}

/**
 * draft = {contactId, items: [{productId, quantity}], date: phrase or 'YYYY-MM-DD' or '',
 *          amount: '24.50' or '', note, decisionId: id of the Bought it details, or null}
 * → {purchase, decision: DecisionOutcome or null, stage, stageLabel, closedReminders, reminders: [Followup]}
 */
export function recordPurchase(draft) {
  const decisionId = draft.decisionId === null || draft.decisionId === undefined ? null : Number(draft.decisionId);
  return call('record_purchase', {
    draft: {
      ...draft,
      contactId: Number(draft.contactId),
      items: (draft.items ?? []).map((item) => ({ productId: Number(item.productId), quantity: Number(item.quantity) || 1 })),
      decisionId,
    },
  });
}

/** → {purchases: [Purchase] newest first, totals: {purchases, lifetimeCents, lastBoughtOn, daysSinceLast}, reorders, currency} */
export function contactPurchases(contactId) {
  return call('contact_purchases', { contactId: Number(contactId) });
}

// ---------- Why they left ----------

/**
 * `Why did they leave?`: draft = {contactId, reason: 'died' | 'moved' | 'other_relationships' |
 * 'competitor' | 'product_or_price' | 'indifference' | 'dont_know', note}
 * → {departure, contact, stoppedCadences, skippedFollowups, leftTheLists, offerWinBack}
 */
export function recordDeparture(draft) {
  return call('record_departure', { draft: { ...draft, contactId: Number(draft.contactId) } });
}

/** → [{id, contactId, reason, label, control, notedAt, note}], newest first */
export function contactDepartures(contactId) {
  return call('contact_departures', { contactId: Number(contactId) });
}

// ---------- Referrals ----------

/**
 * → {referredBy: {id, name} or null, referred: [{id, name, stage, stageLabel, purchases, spentCents}],
 *    tally: {referred, bought, spentCents}, isPartner, sentToPartner: [{id, partnerId, contact, note, referredOn}], currency}
 */
export function contactReferrals(contactId) {
  return call('contact_referrals', { contactId: Number(contactId) });
}

/** `Referred by`: referrerId, or null for no one → Contact */
export function setReferredBy(contactId, referrerId) {
  const referrer = referrerId === null || referrerId === undefined || referrerId === '' ? null : Number(referrerId);
  return call('set_referred_by', { contactId: Number(contactId), referrerId: referrer });
}

/** She sent a customer to a partner: draft = {partnerId, contactId or null, note} → PartnerReferral */
export function recordPartnerReferral(draft) {
  const contactId = draft.contactId === null || draft.contactId === undefined || draft.contactId === '' ? null : Number(draft.contactId);
  return call('record_partner_referral', { draft: { ...draft, partnerId: Number(draft.partnerId), contactId } });
}

// ---------- Birthdays, dated events, what matters now, seasons ----------

/** `Birthday` ('14 Mar', '14 Mar 1984' or '') and `What matters to them now` → Contact */
export function saveAbout(contactId, { birthday = '', mattersNow = '' } = {}) {
  return call('save_about', { contactId: Number(contactId), draft: { birthday: String(birthday), mattersNow: String(mattersNow) } });
}

/** → [{id, contactId, label, date: 'YYYY-MM-DD' or '--MM-DD', yearly}] */
export function contactEvents(contactId) {
  return call('contact_events', { contactId: Number(contactId) });
}

/** draft = {contactId, label, date: '20 May 2027', yearly} → her events */
export function addContactEvent(draft) {
  return call('add_contact_event', { draft: { ...draft, contactId: Number(draft.contactId), yearly: Boolean(draft.yearly) } });
}

/** → her events left */
export function removeContactEvent(id) {
  return call('remove_contact_event', { id: Number(id) });
}

/** → [{id, name, startsOn: '--MM-DD', endsOn}] */
export function listSeasons() {
  return call('list_seasons');
}

/** draft = {name, starts: '15 Nov', ends: '31 Dec'} → every season */
export function addSeason(draft) {
  return call('add_season', { draft });
}

/** → every season left */
export function removeSeason(id) {
  return call('remove_season', { id: Number(id) });
}
