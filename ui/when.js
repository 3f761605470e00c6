// Dates and times as Tend shows them, on the backend's clock and in the backend's time zone.
//
// The backend's clock may be shifted (TEND_NOW in tests) and its zone is the laptop's
// IANA zone, so "today" never comes from the browser's Date: only from get_today's
// `now`, carried forward with a monotonic timer. The browser's Date is used for
// arithmetic on calendar dates (in UTC, so no zone can shift them) and for names.

let base = null; // {nowMs, at, date}: the backend's `now` and local date when last asked
let zone; // IANA name from get_settings, or undefined for the browser's own zone
let defaultTimeOfDay = '09:00'; // when a follow-up with a date alone is due (a setting)

/** Remembers the backend's idea of now from a get_today answer. */
export function syncClock(today) {
  const nowMs = Date.parse(today.now);
  if (Number.isNaN(nowMs)) return;
  base = { nowMs, at: performance.now(), date: today.date };
}

/** The person's zone (settings.timeZone); an unknown name falls back to the browser's. */
export function setZone(name) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    zone = name;
  } catch {
    zone = undefined;
  }
}

/** Remembers what get_settings says about time: the zone and the default time of day. */
export function useSettings(settings) {
  if (settings?.timeZone) setZone(settings.timeZone);
  if (/^\d\d:\d\d$/.test(settings?.defaultTime ?? '')) defaultTimeOfDay = settings.defaultTime;
}

export function defaultTime() {
  return defaultTimeOfDay;
}

/** The backend's now in ms since the epoch, or null before the first get_today. */
export function nowMs() {
  return base ? base.nowMs + (performance.now() - base.at) : null;
}

/** Today's local date 'YYYY-MM-DD' on the backend's clock, or null if not known yet. */
export function todayDate() {
  const now = nowMs();
  return now === null ? null : wallOf(new Date(now).toISOString()).slice(0, 10);
}

const pad = (n) => String(n).padStart(2, '0');

/** An RFC 3339 instant as the wall time 'YYYY-MM-DDTHH:MM' in the person's zone. */
export function wallOf(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '';
  const parts = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  for (const part of format.formatToParts(when)) parts[part.type] = part.value;
  const hour = parts.hour === '24' ? '00' : parts.hour; // some engines still say 24:05
  return `${parts.year}-${parts.month}-${parts.day}T${hour}:${parts.minute}`;
}

/** 'YYYY-MM-DD' → ms at UTC midnight (calendar arithmetic only). */
function dayMs(date) {
  const [y, m, d] = String(date).slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Whole days from date a to date b ('YYYY-MM-DD'), e.g. daysBetween(due, today) = days overdue. */
export function daysBetween(a, b) {
  return Math.round((dayMs(b) - dayMs(a)) / 86_400_000);
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(date, n) {
  return new Date(dayMs(date) + n * 86_400_000).toISOString().slice(0, 10);
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const LONG_WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const LONG_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** 'YYYY-MM-DD' → 'Thu 26 Nov' (with the year when it is not this year's). */
export function formatDate(date) {
  const ms = dayMs(date);
  if (Number.isNaN(ms)) return String(date ?? '');
  const day = new Date(ms);
  const text = `${WEEKDAY.format(day)} ${day.getUTCDate()} ${MONTH.format(day)}`;
  const today = todayDate();
  return today && today.slice(0, 4) !== String(date).slice(0, 4) ? `${text} ${day.getUTCFullYear()}` : text;
}

/** 'YYYY-MM-DD' → 'Monday 23 November 2026', for the Today heading. */
export function formatLongDate(date) {
  const day = new Date(dayMs(date));
  if (Number.isNaN(day.getTime())) return String(date ?? '');
  return `${LONG_WEEKDAY.format(day)} ${day.getUTCDate()} ${LONG_MONTH.format(day)} ${day.getUTCFullYear()}`;
}

/** 'YYYY-MM-DDTHH:MM' → 'Thu 26 Nov, 09:00'. */
export function formatWall(local) {
  return `${formatDate(local.slice(0, 10))}, ${local.slice(11, 16)}`;
}

/** An instant → 'Thu 26 Nov, 09:00' in the person's zone. */
export function formatInstant(iso) {
  const local = wallOf(iso);
  return local ? formatWall(local) : String(iso ?? '');
}

/** An instant that is usually soon → 'Tue 09:00' within the coming week, else 'Tue 8 Dec, 09:00'. */
export function formatSoon(iso) {
  const local = wallOf(iso);
  if (!local) return String(iso ?? '');
  const today = todayDate();
  const ahead = today ? daysBetween(today, local.slice(0, 10)) : -1;
  if (ahead >= 0 && ahead < 7) return `${WEEKDAY.format(new Date(dayMs(local)))} ${local.slice(11, 16)}`;
  return formatWall(local);
}

/** 'today' / 'tomorrow' / 'yesterday' / 'Thu 26 Nov' for a local date. */
export function relativeDate(date) {
  const today = todayDate();
  const delta = today ? daysBetween(today, date) : null;
  if (delta === 0) return 'today';
  if (delta === 1) return 'tomorrow';
  if (delta === -1) return 'yesterday';
  return formatDate(date);
}

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** True while a follow-up's snooze is still running (on the backend's clock). */
export function isSnoozing(followup) {
  if (followup.status !== 'snoozed' || !followup.snoozedUntil) return false;
  const now = nowMs();
  return now === null || Date.parse(followup.snoozedUntil) > now;
}

/**
 * When a follow-up is, in words: 'due Thu 26 Nov, 09:00', 'due today, 09:00',
 * '2 days overdue (due Sat 21 Nov, 09:00)', 'snoozed until Tue 09:00 (due today, 09:00)',
 * 'done Tue 24 Nov, 10:12', 'skipped Tue 24 Nov, 10:12'.
 */
export function describeWhen(followup) {
  if (followup.status === 'done') {
    return followup.completedAt ? `done ${formatInstant(followup.completedAt)}` : 'done';
  }
  if (followup.status === 'skipped') {
    return followup.completedAt ? `skipped ${formatInstant(followup.completedAt)}` : 'skipped';
  }
  const today = todayDate();
  const late = today ? daysBetween(String(followup.dueLocal ?? '').slice(0, 10), today) : 0;
  const due = describeDue(followup);
  if (isSnoozing(followup)) return `snoozed until ${formatSoon(followup.snoozedUntil)} (${due})`;
  if (late > 0) return `${plural(late, 'day')} overdue (${due})`;
  return due;
}

/** The promised time alone: 'due today, 09:00', 'due Thu 26 Nov, 09:00'. */
export function describeDue(followup) {
  const local = String(followup.dueLocal ?? '');
  const time = local.slice(11, 16);
  // Where the promised time does not exist (clocks go forward), the backend says why.
  const note = followup.dueNote ? ` ${followup.dueNote}` : '';
  return `due ${relativeDate(local.slice(0, 10))}${time ? `, ${time}` : ''}${note}`;
}
