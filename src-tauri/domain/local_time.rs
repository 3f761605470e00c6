//! Local wall times and the instants they mean. A follow-up is promised in local
//! time ("Thursday 09:00") and stored as that wall time, its zone, and the UTC
//! instant it resolves to; this module does the resolving, DST gaps and folds
//! included (docs/decisions/0003).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The instant a local wall time means in `zone`.
///
/// - In a fold (fall back, 01:30 happens twice) the first one is meant: a promise
///   should fire at the earliest moment it can be kept.
/// - In a gap (spring forward, 02:30 does not exist) the time moves forward by the
///   gap, as RFC 5545 does: 02:30 becomes 03:30 the new offset. It still fires
///   exactly once.
pub fn resolve(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(instant) => instant.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        chrono::LocalResult::None => {
            // Read the wall time with the offset in force just before the gap.
            // Checked: no wall time, however far out, can make this panic.
            let before = local
                .checked_sub_signed(Duration::hours(6))
                .unwrap_or(local);
            let offset = match zone.from_local_datetime(&before) {
                chrono::LocalResult::Single(instant)
                | chrono::LocalResult::Ambiguous(instant, _) => instant.offset().fix(),
                chrono::LocalResult::None => Utc.fix(),
            };
            let utc = local
                .checked_sub_signed(Duration::seconds(i64::from(offset.local_minus_utc())))
                .unwrap_or(local);
            Utc.from_utc_datetime(&utc)
        }
    }
}

/// The wall time the clock shows when `local` comes in `zone`: `local` itself,
/// or later in a spring gap (02:30 → 03:30). What Tend shows for a follow-up.
pub fn on_the_clock(local: NaiveDateTime, zone: Tz) -> NaiveDateTime {
    local_date_time(resolve(local, zone), zone)
}

/// Why a wall time is shown later than it was asked for, said once: only when
/// `local` falls in `zone`'s spring gap.
pub fn gap_note(local: NaiveDateTime, zone: Tz) -> Option<String> {
    matches!(zone.from_local_datetime(&local), chrono::LocalResult::None).then(|| {
        format!(
            "({} does not exist that night: clocks go forward)",
            local.format("%H:%M")
        )
    })
}

pub fn resolve_date_time(date: NaiveDate, time: NaiveTime, zone: Tz) -> DateTime<Utc> {
    resolve(date.and_time(time), zone)
}

/// The local calendar date of an instant.
pub fn local_date(instant: DateTime<Utc>, zone: Tz) -> NaiveDate {
    instant.with_timezone(&zone).date_naive()
}

pub fn local_date_time(instant: DateTime<Utc>, zone: Tz) -> NaiveDateTime {
    instant.with_timezone(&zone).naive_local()
}

/// The first instant of a local day (midnight, or the first minute after a gap).
pub fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    resolve(date.and_time(NaiveTime::MIN), zone)
}

/// How local wall times are written in the database: "YYYY-MM-DDTHH:MM".
pub fn format_local(local: NaiveDateTime) -> String {
    local.format("%Y-%m-%dT%H:%M").to_string()
}

pub fn parse_local(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;
    use chrono_tz::Europe::Berlin;

    fn at(text: &str) -> NaiveDateTime {
        parse_local(text).expect("test wall time")
    }

    #[test]
    fn nine_o_clock_stays_nine_across_a_dst_change() {
        // EST (-5) before 8 March 2026, EDT (-4) after.
        assert_eq!(
            resolve(at("2026-03-06T09:00"), New_York).to_rfc3339(),
            "2026-03-06T14:00:00+00:00"
        );
        assert_eq!(
            resolve(at("2026-03-09T09:00"), New_York).to_rfc3339(),
            "2026-03-09T13:00:00+00:00"
        );
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_forward_by_the_gap() {
        // 02:30 does not exist on 8 March 2026 in New York: it means 03:30 EDT.
        let instant = resolve(at("2026-03-08T02:30"), New_York);
        assert_eq!(instant.to_rfc3339(), "2026-03-08T07:30:00+00:00");
        assert_eq!(
            format_local(local_date_time(instant, New_York)),
            "2026-03-08T03:30"
        );
    }

    #[test]
    fn a_time_in_the_spring_gap_is_shown_as_the_clock_will_say_it() {
        // Issue 16, item 9: 02:30 on 8 March 2026 in New York is shown 03:30.
        let asked = at("2026-03-08T02:30");
        assert_eq!(
            format_local(on_the_clock(asked, New_York)),
            "2026-03-08T03:30"
        );
        assert_eq!(
            gap_note(asked, New_York).as_deref(),
            Some("(02:30 does not exist that night: clocks go forward)")
        );
        // A time that exists is shown as asked, with no note; the fold too.
        for text in ["2026-03-08T03:30", "2026-03-07T02:30", "2026-11-01T01:30"] {
            assert_eq!(on_the_clock(at(text), New_York), at(text));
            assert_eq!(gap_note(at(text), New_York), None);
        }
        assert_eq!(gap_note(asked, Berlin), None, "Berlin changes later");
        // The ends of the calendar do not panic.
        for far in [NaiveDateTime::MAX, NaiveDateTime::MIN] {
            let _ = on_the_clock(far, New_York);
            let _ = gap_note(far, Berlin);
        }
    }

    #[test]
    fn a_time_in_the_autumn_fold_is_the_first_one() {
        // 01:30 happens twice on 1 November 2026 in New York; the EDT one is first.
        assert_eq!(
            resolve(at("2026-11-01T01:30"), New_York).to_rfc3339(),
            "2026-11-01T05:30:00+00:00"
        );
        // Berlin's fold: 02:30 on 25 October 2026, CEST (+2) first.
        assert_eq!(
            resolve(at("2026-10-25T02:30"), Berlin).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
    }

    #[test]
    fn days_start_at_local_midnight() {
        let start = start_of_day(
            NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
            New_York,
        );
        assert_eq!(start.to_rfc3339(), "2026-11-23T05:00:00+00:00");
        assert_eq!(
            local_date(start - Duration::seconds(1), New_York).to_string(),
            "2026-11-22"
        );
    }
}
