// Runs the real ui/ modules in jsdom with a fake `window.__TAURI__`.
//
// Every test calls `installDom()` first: it gives a clean document, points the globals the
// ui code reads (`window`, `document`, `navigator`, `Node`, events, …) at its window, and
// installs a fake Tauri that records invoke calls and answers them from a script, plus an
// IntersectionObserver stub the test drives. Only then are the modules imported (app.js
// reads `document`, contactForm.js `navigator`, at import time).
//
// All suites share one process (see ui.test.mjs), so everything here is reset per test.

import { after } from 'node:test';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

export const UI = new URL('../../ui/', import.meta.url);
export const ROOT = new URL('../../', import.meta.url);

let importCount = 0;

/** Imports a ui module (path relative to ui/). `fresh: true` gives a new instance of that module. */
export async function importUi(path, { fresh = false } = {}) {
  const url = new URL(path, UI);
  if (fresh) url.search = `?fresh=${++importCount}`;
  if (path === 'app.js') await Promise.all(LATER_SECTIONS.map((view) => import(new URL(view, UI).href)));
  return import(url.href);
}

// The sections app.js loads once Today is drawn: read from disk first here, so a
// test that opens one at once meets it loaded, as she does a moment after start.
const LATER_SECTIONS = ['views/contacts.js', 'views/cadences.js', 'views/insights.js', 'views/settings.js'];

/** ui/index.html as the app ships it (jsdom neither runs its script nor loads its stylesheet). */
export function indexHtml() {
  return readFileSync(new URL('index.html', UI), 'utf8');
}

// Names copied from the jsdom window onto globalThis, as a browser would have them.
const GLOBALS = [
  'window', 'document', 'navigator', 'location',
  'Node', 'Element', 'HTMLElement', 'HTMLInputElement', 'HTMLButtonElement', 'HTMLFormElement',
  'HTMLSelectElement', 'HTMLTextAreaElement', 'HTMLDialogElement', 'DocumentFragment', 'Text',
  'Event', 'CustomEvent', 'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'InputEvent', 'SubmitEvent',
  'EventTarget', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame',
];

// Timers stay Node's own (jsdom's window timers call the global ones), but every one still
// pending when a test ends is cancelled: status.js clears its line after 8 s, and a pending
// timer would keep the test process alive that long.
const liveTimers = new Set();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetInterval = globalThis.setInterval;
const realClearInterval = globalThis.clearInterval;
globalThis.setTimeout = function setTimeout(callback, ms, ...args) {
  const handle = realSetTimeout((...a) => {
    liveTimers.delete(handle);
    if (typeof callback === 'function') callback(...a);
  }, ms, ...args);
  liveTimers.add(handle);
  return handle;
};
globalThis.clearTimeout = function clearTimeout(handle) {
  liveTimers.delete(handle);
  realClearTimeout(handle);
};
globalThis.setInterval = function setInterval(callback, ms, ...args) {
  const handle = realSetInterval(callback, ms, ...args);
  liveTimers.add(handle);
  return handle;
};
globalThis.clearInterval = function clearInterval(handle) {
  liveTimers.delete(handle);
  realClearInterval(handle);
};
function cancelTimers() {
  for (const handle of liveTimers) {
    realClearTimeout(handle);
    realClearInterval(handle);
  }
  liveTimers.clear();
}

let current = null;

const EMPTY_PAGE = '<!doctype html><html lang="en"><head></head><body></body></html>';

/**
 * A clean document (`html`: ui/index.html's markup via indexHtml(), or an empty page by
 * default) with a fake Tauri and a new IntersectionObserver stub. Returns
 * { window, document, tauri, observers, close }.
 *
 * A new JSDOM costs ~15 ms, so the window is kept between tests and only its document is
 * replaced; `fresh: true` makes a new window instead, for code that listens on `document`
 * or `window` themselves (app.js), whose listeners would otherwise pile up.
 */
export function installDom({ html = EMPTY_PAGE, fresh = false } = {}) {
  let window;
  if (!fresh && current && !current.fresh) {
    ({ window } = current);
    const parsed = new window.DOMParser().parseFromString(html, 'text/html');
    window.document.replaceChild(window.document.importNode(parsed.documentElement, true), window.document.documentElement);
    delete window.__TAURI__;
  } else {
    current?.close();
    ({ window } = new JSDOM(html, { url: 'http://tauri.localhost/', pretendToBeVisual: true }));
    installDialog(window);
  }

  const observers = installIntersectionObserver(window);

  for (const name of GLOBALS) {
    const value = name === 'window' ? window : window[name];
    if (value === undefined) continue;
    Object.defineProperty(globalThis, name, {
      value: typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value,
      configurable: true, writable: true, enumerable: false,
    });
  }

  const fake = createFakeTauri();
  window.__TAURI__ = fake.api;

  const env = {
    window,
    document: window.document,
    tauri: fake,
    observers,
    fresh, // a window asked for fresh is not handed on: its document may carry listeners
    close() {
      cancelTimers();
      window.close();
      if (current === env) current = null;
    },
  };
  current = env;
  return env;
}

/** Ends a test: cancels the timers it left (the window is kept for the next test). Use in `afterEach`. */
export function teardown() {
  cancelTimers();
}

// The last window is closed when the run ends.
after(() => current?.close());

// ---------------------------------------------------------------------------
// IntersectionObserver: jsdom has none. This one never fires by itself; a test scrolls
// by calling `observers.intersect(target)`, which reports `target` as visible to every
// observer watching it.

function installIntersectionObserver(window) {
  const all = [];
  class IntersectionObserver {
    constructor(callback, options = {}) {
      this.callback = callback;
      this.root = options.root ?? null;
      this.rootMargin = options.rootMargin ?? '0px';
      this.thresholds = [].concat(options.threshold ?? 0);
      this.targets = new Set();
      this.disconnected = false;
      all.push(this);
    }
    observe(target) { this.targets.add(target); }
    unobserve(target) { this.targets.delete(target); }
    disconnect() { this.targets.clear(); this.disconnected = true; }
    takeRecords() { return []; }
  }
  window.IntersectionObserver = IntersectionObserver;
  Object.defineProperty(globalThis, 'IntersectionObserver', { value: IntersectionObserver, configurable: true, writable: true });
  return {
    all,
    /** Every element some live observer watches. */
    watched() {
      return all.flatMap((o) => [...o.targets]);
    },
    /** Reports `target` as scrolled into view; returns how many observers were told. */
    intersect(target) {
      let told = 0;
      for (const observer of [...all]) {
        if (!observer.targets.has(target)) continue;
        const rect = target.getBoundingClientRect();
        observer.callback([{
          target, isIntersecting: true, intersectionRatio: 1, time: 0,
          boundingClientRect: rect, intersectionRect: rect, rootBounds: null,
        }], observer);
        told++;
      }
      return told;
    },
  };
}

// jsdom has HTMLDialogElement but not showModal/show/close.
function installDialog(window) {
  const proto = window.HTMLDialogElement?.prototype;
  if (!proto) return;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function showModal() {
      this.setAttribute('open', '');
      this.returnValue = '';
    };
  }
  if (typeof proto.show !== 'function') {
    proto.show = function show() { this.setAttribute('open', ''); };
  }
  if (typeof proto.close !== 'function') {
    proto.close = function close(returnValue) {
      if (!this.hasAttribute('open')) return;
      if (returnValue !== undefined) this.returnValue = String(returnValue);
      this.removeAttribute('open');
      this.dispatchEvent(new window.Event('close'));
    };
  }
  if (!Object.getOwnPropertyDescriptor(proto, 'returnValue')) {
    const values = new WeakMap();
    Object.defineProperty(proto, 'returnValue', {
      get() { return values.get(this) ?? ''; },
      set(v) { values.set(this, String(v)); },
      configurable: true,
    });
  }
}

// ---------------------------------------------------------------------------
// The fake Tauri. `invoke` records {cmd, args} and answers from what the test scripted:
//   tauri.respond(cmd, value | (args, call) => value|Promise)   resolve (functions may throw)
//   tauri.fail(cmd, error)                                      reject with `error` as given
//   tauri.hold(cmd)                                             leave calls pending: the test
//                                                               settles them with call.resolve/reject
// A command with no script rejects with a bare string, as Tauri does for an unknown command.

export function createFakeTauri() {
  const calls = [];
  const scripts = new Map();
  const listeners = new Map(); // event name → Set of handlers
  let eventId = 0;

  function invoke(cmd, args) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const call = {
      cmd,
      args,
      settled: false,
      resolve(value) {
        if (call.settled) throw new Error(`${cmd} call already settled`);
        call.settled = true;
        resolve(value);
      },
      reject(error) {
        if (call.settled) throw new Error(`${cmd} call already settled`);
        call.settled = true;
        reject(error);
      },
    };
    calls.push(call);
    const script = scripts.get(cmd);
    if (!script) {
      call.reject(`command ${cmd} not found`);
    } else if (script.type === 'hold') {
      // the test settles it
    } else if (script.type === 'fail') {
      call.reject(script.error);
    } else {
      try {
        const out = typeof script.value === 'function' ? script.value(args, call) : structuredClone(script.value);
        Promise.resolve(out).then((v) => call.resolve(v), (e) => call.reject(e));
      } catch (err) {
        call.reject(err);
      }
    }
    return promise;
  }

  async function listen(event, handler) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  return {
    api: { core: { invoke }, event: { listen } },
    calls,
    respond(cmd, value) {
      scripts.set(cmd, { type: 'respond', value });
      return this;
    },
    fail(cmd, error) {
      scripts.set(cmd, { type: 'fail', error });
      return this;
    },
    hold(cmd) {
      scripts.set(cmd, { type: 'hold' });
      return this;
    },
    /** The recorded calls of one command, oldest first. */
    callsTo(cmd) {
      return calls.filter((c) => c.cmd === cmd);
    },
    pending(cmd) {
      return calls.filter((c) => c.cmd === cmd && !c.settled);
    },
    clearCalls() {
      calls.length = 0;
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
    /** Delivers an event the way Tauri does: handler({event, id, payload}). */
    emit(event, payload = null) {
      for (const handler of [...(listeners.get(event) ?? [])]) handler({ event, id: ++eventId, payload });
    },
  };
}

// ---------------------------------------------------------------------------
// Waiting and acting like a person.

/** Lets every pending promise chain (fake invoke answers included) run to its end. */
export async function flush(turns = 3) {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

const norm = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name a person hears: aria-labelledby, aria-label, <label>, else the text. */
export function accessibleName(node) {
  const doc = node.ownerDocument;
  const labelledBy = node.getAttribute('aria-labelledby');
  if (labelledBy) {
    return norm(labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
  }
  if (node.hasAttribute('aria-label')) return norm(node.getAttribute('aria-label'));
  if (node.tagName === 'BUTTON') return norm(node.textContent); // (labels on buttons: none in Tend)
  // <label for=id> and a wrapping <label> (node.labels is slow in jsdom over big lists).
  const labels = node.id ? [...doc.querySelectorAll('label[for]')].filter((l) => l.htmlFor === node.id) : [];
  const wrapping = node.closest('label');
  if (wrapping && !labels.includes(wrapping)) labels.push(wrapping);
  if (labels.length) return norm(labels.map((l) => l.textContent).join(' '));
  return norm(node.textContent);
}

function isHidden(node) {
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
    if (n.hidden || n.getAttribute('aria-hidden') === 'true') return true;
    if (n.tagName === 'DIALOG' && !n.hasAttribute('open')) return true;
  }
  return !node.isConnected;
}

/**
 * The one element labelled `name` within `root`: follows <label for>, a control nested in
 * its <label>, aria-label and aria-labelledby. Throws unless exactly one is found.
 */
export function byLabel(root, name) {
  const found = queryAllByLabel(root, name);
  if (found.length !== 1) {
    throw new Error(`expected one element labelled “${name}”, found ${found.length}`);
  }
  return found[0];
}

export function queryByLabel(root, name) {
  const found = queryAllByLabel(root, name);
  if (found.length > 1) throw new Error(`${found.length} elements labelled “${name}”`);
  return found[0] ?? null;
}

export function queryAllByLabel(root, name) {
  const doc = root.ownerDocument ?? root;
  const found = new Set();
  for (const label of root.querySelectorAll('label')) {
    if (norm(label.textContent) !== name) continue;
    const forId = label.getAttribute('for');
    const control = forId
      ? doc.getElementById(forId)
      : label.querySelector('input, select, textarea, button');
    if (control) found.add(control);
  }
  for (const node of root.querySelectorAll('[aria-label]')) {
    if (norm(node.getAttribute('aria-label')) === name) found.add(node);
  }
  for (const node of root.querySelectorAll('[aria-labelledby]')) {
    if (accessibleName(node) === name) found.add(node);
  }
  return [...found].filter((n) => !isHidden(n));
}

/** The one visible button whose accessible name is `name`. */
export function button(root, name) {
  const found = queryButtons(root, name);
  if (found.length !== 1) throw new Error(`expected one visible button “${name}”, found ${found.length}`);
  return found[0];
}

/** The visible button named `name`, or null. */
export function queryButton(root, name) {
  const found = queryButtons(root, name);
  if (found.length > 1) throw new Error(`${found.length} visible buttons “${name}”`);
  return found[0] ?? null;
}

function queryButtons(root, name) {
  return [...root.querySelectorAll('button, [role="button"]')]
    .filter((b) => accessibleName(b) === name && !isHidden(b));
}

/** Elements with an explicit role, e.g. byRole(document, 'alert'). */
export function allByRole(root, role) {
  return [...root.querySelectorAll(`[role="${role}"]`)];
}

/** Replaces a field's text as typing would, firing `input`. */
export function type(control, text) {
  control.focus();
  control.value = text;
  control.dispatchEvent(new control.ownerDocument.defaultView.InputEvent('input', { bubbles: true, data: text }));
}

/** Ticks or unticks a checkbox as a click would, firing `input` and `change`. */
export function setChecked(checkbox, checked) {
  if (checkbox.checked !== checked) checkbox.click();
}

/** A keydown on `target` (bubbling, cancelable); returns the event to check defaultPrevented. */
export function press(target, key, init = {}) {
  const view = (target.ownerDocument ?? target).defaultView;
  const event = new view.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** A contact the way list_contacts returns it. */
export function listItem(id, name = `Person ${String(id).padStart(5, '0')}`, extra = {}) {
  return { id, name, stage: 'lead', stageLabel: 'Lead', phone: '', email: '', archived: false, ...extra };
}

/** A full Contact the way get_contact/create_contact return it. */
export function fullContact(id, name, extra = {}) {
  return {
    id, name, stage: 'lead', stageLabel: 'Lead', phone: '', email: '', notes: '', tags: [], archived: false,
    createdAt: '2024-05-01T09:00:00Z', updatedAt: '2024-05-01T09:00:00Z', ...extra,
  };
}

/**
 * Scripts list_contacts over `contacts` (an array of list items, or a function giving one
 * at each call), answering like the backend: a case-insensitive substring match on name,
 * archived ones only when asked, then offset/limit.
 */
export function serveContacts(tauri, contacts) {
  tauri.respond('list_contacts', ({ query, offset, limit, includeArchived }) => {
    const q = String(query ?? '').toLowerCase();
    const all = typeof contacts === 'function' ? contacts() : contacts;
    const matches = all.filter((c) => (includeArchived || !c.archived) && c.name.toLowerCase().includes(q));
    return { items: structuredClone(matches.slice(offset, offset + limit)), total: matches.length };
  });
}
