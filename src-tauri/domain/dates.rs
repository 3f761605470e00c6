//! The window of dates Tend accepts from a person: within 100 years of today.
//! Every date she types or picks (a follow-up, a snooze, a reschedule, a
//! decision's revisit, a touch logged late, a quick-add phrase) is checked here
//! first, so no later arithmetic or time-zone conversion can overflow on it.

use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};

/// How far from today a date may be, in years.
pub const YEARS: i32 = 100;

/// The latest date Tend accepts, counted from `today`.
pub fn latest(today: NaiveDate) -> NaiveDate {
    shifted(today, YEARS).unwrap_or(NaiveDate::MAX)
}

/// The earliest date Tend accepts, counted from `today`.
pub fn earliest(today: NaiveDate) -> NaiveDate {
    shifted(today, -YEARS).unwrap_or(NaiveDate::MIN)
}

fn shifted(today: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = today.year().checked_add(years)?;
    // 29 February a century away may not exist: the 28th then.
    NaiveDate::from_ymd_opt(year, today.month(), today.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, today.month(), 28))
}

/// Whether `date` is within [`YEARS`] of `today`, either way.
pub fn is_near(date: NaiveDate, today: NaiveDate) -> bool {
    earliest(today) <= date && date <= latest(today)
}

/// A date in the future (a plan): at most [`YEARS`] ahead. Whether it is past
/// is the caller's rule (a past plan has its own message).
pub fn ahead(date: NaiveDate, today: NaiveDate, field: &'static str) -> Result<NaiveDate> {
    if date > latest(today) {
        return Err(Error::invalid(
            field,
            format!("Pick a date within the next {YEARS} years."),
        ));
    }
    Ok(date)
}

/// A date that may be past (a touch logged late, a day met): within [`YEARS`]
/// either way.
pub fn near(date: NaiveDate, today: NaiveDate, field: &'static str) -> Result<NaiveDate> {
    if date < earliest(today) {
        return Err(Error::invalid(
            field,
            format!("Pick a date within the last {YEARS} years."),
        ));
    }
    ahead(date, today, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_century_either_way_and_no_further() {
        let today = day("2026-12-01");
        assert!(ahead(day("2126-12-01"), today, "date").is_ok());
        let far = ahead(day("2126-12-02"), today, "date").expect_err("too far");
        assert_eq!(far.field(), Some("date"));
        assert_eq!(far.to_string(), "Pick a date within the next 100 years.");
        assert!(ahead(NaiveDate::MAX, today, "date").is_err());
        assert!(near(day("1926-12-01"), today, "when").is_ok());
        assert_eq!(
            near(day("1926-11-30"), today, "when")
                .expect_err("too long ago")
                .to_string(),
            "Pick a date within the last 100 years."
        );
        assert!(near(NaiveDate::MIN, today, "when").is_err());
        assert!(!is_near(day("9999-12-31"), today));
    }

    #[test]
    fn the_window_never_overflows() {
        assert_eq!(latest(NaiveDate::MAX), NaiveDate::MAX);
        assert_eq!(earliest(NaiveDate::MIN), NaiveDate::MIN);
        assert_eq!(latest(day("2028-02-29")), day("2128-02-29"));
        assert_eq!(latest(day("2000-02-29")), day("2100-02-28"));
    }
}
