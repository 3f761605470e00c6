//! Days off: the weekdays she doesn't work and the dates she adds (holidays).
//! A date Tend chooses for her (a cadence step, the default day to ask again)
//! never lands on one: it moves to the next working day, and says so. A date she
//! picks herself is hers.

use crate::error::{Error, Result};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// At most this many dates off: a year of holidays is far less.
pub const MAX_DATES: usize = 366;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DaysOff {
    /// Days from Monday (0) to Sunday (6), as `Weekday::num_days_from_monday`.
    weekdays: BTreeSet<u32>,
    dates: BTreeSet<NaiveDate>,
}

impl DaysOff {
    pub fn new(
        weekdays: impl IntoIterator<Item = Weekday>,
        dates: impl IntoIterator<Item = NaiveDate>,
    ) -> DaysOff {
        DaysOff {
            weekdays: weekdays
                .into_iter()
                .map(|day| day.num_days_from_monday())
                .collect(),
            dates: dates.into_iter().collect(),
        }
    }

    pub fn is_off(&self, date: NaiveDate) -> bool {
        self.weekdays
            .contains(&date.weekday().num_days_from_monday())
            || self.dates.contains(&date)
    }

    /// `date` itself when she works that day, else the next day she does.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        // Every weekday off (refused when saved) and every date off together
        // bound the search; past that, the date stays as it is.
        let limit = 7 + self.dates.len();
        let mut day = date;
        for _ in 0..=limit {
            if !self.is_off(day) {
                return day;
            }
            match day.checked_add_signed(Duration::days(1)) {
                Some(next) => day = next,
                None => break,
            }
        }
        date
    }

    /// A date Tend chose, moved off a day off: the working day, and what to say
    /// about the move ("moved from Sat 28 Nov: a day off") when there was one.
    pub fn place(&self, date: NaiveDate) -> (NaiveDate, Option<String>) {
        let placed = self.next_working_day(date);
        let note = (placed != date).then(|| moved_note(date));
        (placed, note)
    }

    pub fn weekdays(&self) -> Vec<&'static str> {
        WEEKDAYS
            .iter()
            .filter(|(day, _)| self.weekdays.contains(&day.num_days_from_monday()))
            .map(|(_, key)| *key)
            .collect()
    }

    pub fn dates(&self) -> Vec<NaiveDate> {
        self.dates.iter().copied().collect()
    }
}

/// Why a step is not on the day its rhythm says.
pub fn moved_note(from: NaiveDate) -> String {
    format!("moved from {}: a day off", from.format("%a %-d %b"))
}

const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

/// Reads "sat, Sunday" (short or full names, any case; empty for none) as the
/// stored "sat,sun". All seven are refused: a step would have nowhere to go.
pub fn parse_weekdays(text: &str, field: &'static str) -> Result<String> {
    let mut days = BTreeSet::new();
    for word in text.split([',', ' ']).filter(|w| !w.trim().is_empty()) {
        let day: Weekday = word.trim().parse().map_err(|_| {
            Error::invalid(
                field,
                format!("“{}” is not a day of the week.", word.trim()),
            )
        })?;
        days.insert(day.num_days_from_monday());
    }
    if days.len() == 7 {
        return Err(Error::invalid(
            field,
            "Keep at least one day of the week you work.",
        ));
    }
    Ok(WEEKDAYS
        .iter()
        .filter(|(day, _)| days.contains(&day.num_days_from_monday()))
        .map(|(_, key)| *key)
        .collect::<Vec<_>>()
        .join(","))
}

/// Reads "2026-12-25, 2027-01-01" (empty for none) as the stored list, sorted
/// and without repeats.
pub fn parse_dates(text: &str, field: &'static str) -> Result<String> {
    let mut dates = BTreeSet::new();
    for word in text.split([',', ' ']).filter(|w| !w.trim().is_empty()) {
        let date = NaiveDate::parse_from_str(word.trim(), "%Y-%m-%d")
            .map_err(|_| Error::invalid(field, format!("“{}” is not a date.", word.trim())))?;
        dates.insert(date);
    }
    if dates.len() > MAX_DATES {
        return Err(Error::invalid(
            field,
            format!("Tend keeps at most {MAX_DATES} days off; remove some past ones first."),
        ));
    }
    Ok(dates
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(","))
}

/// The days off as stored (each value was checked when saved; anything
/// unreadable in them is ignored rather than stopping a cadence).
pub fn read(weekdays: Option<&str>, dates: Option<&str>) -> DaysOff {
    let words = |text: Option<&str>| -> Vec<String> {
        text.unwrap_or_default()
            .split(',')
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let days: Vec<Weekday> = words(weekdays)
        .iter()
        .filter_map(|w| w.parse().ok())
        .collect();
    DaysOff::new(
        if days.len() == 7 { Vec::new() } else { days },
        words(dates)
            .iter()
            .filter_map(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_day_off_moves_to_the_next_working_day() {
        let off = DaysOff::new(
            [Weekday::Sat, Weekday::Sun],
            [day("2026-12-25"), day("2026-12-28")],
        );
        // Saturday 28 Nov → Monday 30 Nov.
        assert_eq!(off.next_working_day(day("2026-11-28")), day("2026-11-30"));
        assert_eq!(off.next_working_day(day("2026-11-27")), day("2026-11-27"));
        // Christmas Friday, the weekend, and the Monday she added: Tuesday.
        assert_eq!(off.next_working_day(day("2026-12-25")), day("2026-12-29"));
        let (placed, note) = off.place(day("2026-11-29"));
        assert_eq!(placed, day("2026-11-30"));
        assert_eq!(note.as_deref(), Some("moved from Sun 29 Nov: a day off"));
        assert_eq!(off.place(day("2026-11-30")), (day("2026-11-30"), None));
        assert_eq!(
            DaysOff::default().next_working_day(day("2026-11-28")),
            day("2026-11-28")
        );
    }

    #[test]
    fn weekdays_and_dates_are_read_as_she_types_them() {
        assert_eq!(
            parse_weekdays(" Sunday, sat ", "f").expect("days"),
            "sat,sun"
        );
        assert_eq!(parse_weekdays("", "f").expect("none"), "");
        assert!(parse_weekdays("caturday", "f").is_err());
        let all = parse_weekdays("mon,tue,wed,thu,fri,sat,sun", "f").expect_err("all seven");
        assert_eq!(
            all.to_string(),
            "Keep at least one day of the week you work."
        );
        assert_eq!(
            parse_dates("2027-01-01, 2026-12-25,2026-12-25", "f").expect("dates"),
            "2026-12-25,2027-01-01"
        );
        let bad = parse_dates("2026-02-30", "f").expect_err("not a date");
        assert_eq!(bad.to_string(), "“2026-02-30” is not a date.");
        let off = read(Some("sat,sun"), Some("2026-12-25,junk"));
        assert_eq!(off.weekdays(), ["sat", "sun"]);
        assert_eq!(off.dates(), [day("2026-12-25")]);
        assert_eq!(read(None, None), DaysOff::default());
    }
}
