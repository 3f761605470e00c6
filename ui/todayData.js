// The one copy of Today's data: fetched at start, after every change, at local midnight
// and when a snooze ends; the Today view and the sidebar's count both listen to it.

import { getSettings, getToday } from './backend.js';
import { syncClock, useSettings } from './when.js';

const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout's limit (~24.8 days)
/** The backend sends a page of each long section; "Show more" asks for a page more. */
export const PAGE = 50;
const MORE_SECTIONS = new Set(['overdue', 'dueToday', 'upcoming']);
const shown = {}; // section key → how many she asked to see, when more than a page
const listeners = new Set();
let latest = null;
let inFlight = null;
let again = false; // a change arrived while loading: load once more afterwards
let wakeTimer = 0;

/** listener({today, error}) now (if loaded) and after every load. Returns an unsubscribe. */
export function subscribe(listener) {
  listeners.add(listener);
  if (latest) listener(latest);
  return () => listeners.delete(listener);
}

/** Loads Today again; calls made while a load runs are folded into one more load. */
export function refreshToday() {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = load().finally(() => {
    inFlight = null;
    if (again) {
      again = false;
      refreshToday();
    }
  });
  return inFlight;
}

/** Whether a section can send more than it did: "Show more" asks for a page more. */
export function canShowMore(sectionKey) {
  return MORE_SECTIONS.has(sectionKey);
}

/** A page more of a section, kept for every later load (a change redraws as many). */
export function showMore(sectionKey, sent) {
  if (!canShowMore(sectionKey)) return Promise.resolve();
  shown[sectionKey] = Math.max(shown[sectionKey] ?? PAGE, sent) + PAGE;
  return refreshToday();
}

async function load() {
  try {
    const asked = Object.keys(shown).length ? { ...shown } : undefined;
    const [today, settings] = await Promise.all([getToday(asked), getSettings().catch(() => null)]);
    useSettings(settings);
    syncClock(today);
    latest = { today, error: null };
    armTimer(today);
  } catch (error) {
    latest = { today: latest?.today ?? null, error };
  }
  for (const listener of listeners) listener(latest);
}

/**
 * Wakes up when Today's sections change by themselves: at the next local midnight
 * (`nextDayAt`), or when a snooze ends and its follow-up comes back. The delay is
 * measured on the backend's clock (both instants come from the same answer).
 */
function armTimer(today) {
  clearTimeout(wakeTimer);
  const now = Date.parse(today.now);
  // The backend names the next change (midnight or a snooze ending), since it
  // sends only the first items of each section.
  let next = Date.parse(today.nextChangeAt ?? today.nextDayAt);
  for (const followup of [...today.overdue, ...today.dueToday, ...today.upcoming, ...(today.reorders ?? [])]) {
    const until = followup.snoozedUntil ? Date.parse(followup.snoozedUntil) : NaN;
    if (until > now && until < next) next = until;
  }
  if (Number.isNaN(now) || Number.isNaN(next)) return;
  // A second late on purpose, so the backend is surely past the boundary when asked.
  const delay = Math.min(Math.max(next - now + 1000, 1000), MAX_TIMER_MS);
  wakeTimer = setTimeout(refreshToday, delay);
}
