//! When the reminder loop acts: whether the morning digest is due, and when to
//! look again. Pure functions of the clock and the settings.

use super::notice::Notice;
use crate::domain::local_time;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// What one tick of the loop found: what to show now, and when to look again.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub notices: Vec<Notice>,
    /// `None`: nothing is coming; the loop sleeps until a change wakes it.
    pub next_wake: Option<DateTime<Utc>>,
}

/// A digest not sent within this long after its time waits for tomorrow.
pub const DIGEST_GRACE: Duration = Duration::hours(4);

/// The digest is sent once a day, from its time until the grace runs out.
pub fn digest_due(
    now: DateTime<Utc>,
    today: NaiveDate,
    time: NaiveTime,
    zone: Tz,
    sent_today: bool,
) -> bool {
    let todays = local_time::resolve_date_time(today, time, zone);
    !sent_today && now >= todays && now < todays + DIGEST_GRACE
}

/// Birthdays and events are told once a day, from her morning time to midnight
/// (a laptop opened at noon still hears of today's birthday).
pub fn events_due(
    now: DateTime<Utc>,
    today: NaiveDate,
    morning: NaiveTime,
    zone: Tz,
    told_today: bool,
) -> bool {
    !told_today && now >= local_time::resolve_date_time(today, morning, zone)
}

/// The next digest (or morning) after `now`: today's if its time is still
/// ahead, else tomorrow's.
pub fn next_digest(
    now: DateTime<Utc>,
    today: NaiveDate,
    time: NaiveTime,
    zone: Tz,
) -> DateTime<Utc> {
    let todays = local_time::resolve_date_time(today, time, zone);
    if now < todays {
        todays
    } else {
        local_time::resolve_date_time(today + Duration::days(1), time, zone)
    }
}

/// The earliest of what is coming, never before now; `None` when nothing is.
/// No cap: the alarm learns of sleep and clock changes from the OS
/// (docs/decisions/0004).
pub fn next_wake(now: DateTime<Utc>, coming: &[Option<DateTime<Utc>>]) -> Option<DateTime<Utc>> {
    coming
        .iter()
        .flatten()
        .copied()
        .min()
        .map(|next| next.max(now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::utc;

    #[test]
    fn the_digest_comes_once_between_its_time_and_the_grace() {
        let zone = chrono_tz::Europe::London;
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let half_eight = NaiveTime::from_hms_opt(8, 30, 0).expect("08:30");
        let at = |text| digest_due(utc(text), today, half_eight, zone, false);
        assert!(!at("2026-11-23T08:29:00Z"));
        assert!(at("2026-11-23T08:30:00Z"));
        assert!(at("2026-11-23T12:29:00Z"));
        assert!(!at("2026-11-23T12:30:00Z"), "past the grace: tomorrow");
        assert!(!digest_due(
            utc("2026-11-23T09:00:00Z"),
            today,
            half_eight,
            zone,
            true
        ));
        assert_eq!(
            next_digest(utc("2026-11-23T09:00:00Z"), today, half_eight, zone),
            utc("2026-11-24T08:30:00Z")
        );
    }

    #[test]
    fn events_are_told_once_from_the_morning_on() {
        let zone = chrono_tz::Europe::London;
        let today = NaiveDate::from_ymd_opt(2026, 3, 9).expect("date");
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("09:00");
        assert!(!events_due(
            utc("2026-03-09T08:59:00Z"),
            today,
            nine,
            zone,
            false
        ));
        assert!(events_due(
            utc("2026-03-09T09:00:00Z"),
            today,
            nine,
            zone,
            false
        ));
        assert!(events_due(
            utc("2026-03-09T22:00:00Z"),
            today,
            nine,
            zone,
            false
        ));
        assert!(!events_due(
            utc("2026-03-09T10:00:00Z"),
            today,
            nine,
            zone,
            true
        ));
    }

    #[test]
    fn the_loop_wakes_for_the_earliest_thing_and_only_then() {
        let now = utc("2026-11-23T09:00:00Z");
        assert_eq!(
            next_wake(now, &[None, None]),
            None,
            "nothing coming: no wake"
        );
        let soon = utc("2026-11-23T09:00:10Z");
        let next_week = utc("2026-11-30T09:00:00Z");
        assert_eq!(next_wake(now, &[Some(next_week), Some(soon)]), Some(soon));
        assert_eq!(
            next_wake(now, &[Some(next_week)]),
            Some(next_week),
            "a week ahead is slept in one go"
        );
        let past = utc("2026-11-23T08:00:00Z");
        assert_eq!(next_wake(now, &[Some(past)]), Some(now), "never before now");
    }
}
