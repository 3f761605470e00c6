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

/** → {phoneRegion, dataFile} */
export function getSettings() {
  return call('get_settings');
}

/** → null */
export function setSetting(key, value) {
  return call('set_setting', { key, value });
}

/**
 * Calls `callback` whenever data changed outside the current view (another window,
 * the background scheduler). Resolves to an unlisten function.
 */
export async function onChanged(callback) {
  const listen = window.__TAURI__?.event?.listen;
  if (typeof listen !== 'function') return () => {};
  return listen('tend://changed', () => callback());
}
