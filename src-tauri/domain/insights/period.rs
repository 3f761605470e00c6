//! The period every figure follows: which local days it covers, cut into
//! Monday-to-Sunday weeks for the charts drawn by week.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    FourWeeks,
    Quarter,
    Year,
    All,
}

impl Period {
    pub fn from_key(key: &str) -> Option<Period> {
        Some(match key {
            "fourWeeks" => Period::FourWeeks,
            "quarter" => Period::Quarter,
            "year" => Period::Year,
            "all" => Period::All,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::FourWeeks => "the last 4 weeks",
            Period::Quarter => "the last quarter",
            Period::Year => "the last year",
            Period::All => "all time",
        }
    }

    fn weeks(self) -> Option<u64> {
        match self {
            Period::FourWeeks => Some(4),
            Period::Quarter => Some(13),
            Period::Year => Some(52),
            Period::All => None,
        }
    }
}

/// The local days a figure covers, `first..=today`, starting on a Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: NaiveDate,
    pub today: NaiveDate,
}

impl Window {
    /// `earliest`: the first day anything happened, for `All`.
    pub fn of(period: Period, today: NaiveDate, earliest: Option<NaiveDate>) -> Window {
        let this_monday = monday_of(today);
        let first = match period.weeks() {
            Some(weeks) => this_monday
                .checked_sub_days(Days::new((weeks - 1) * 7))
                .unwrap_or(this_monday),
            None => monday_of(earliest.unwrap_or(today).min(today)),
        };
        Window { first, today }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.first..=self.today).contains(&day)
    }

    /// The Monday of each week, oldest first.
    pub fn weeks(&self) -> Vec<NaiveDate> {
        let mut weeks = Vec::new();
        let mut monday = self.first;
        while monday <= self.today {
            weeks.push(monday);
            match monday.checked_add_days(Days::new(7)) {
                Some(next) => monday = next,
                None => break,
            }
        }
        weeks
    }
}

pub fn monday_of(day: NaiveDate) -> NaiveDate {
    let back = u64::from(day.weekday().num_days_from_monday());
    day.checked_sub_days(Days::new(back)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn four_weeks_end_with_this_one_and_start_on_a_monday() {
        let window = Window::of(Period::FourWeeks, day("2026-11-26"), None);
        assert_eq!(window.first, day("2026-11-02"));
        assert_eq!(
            window.weeks(),
            [
                day("2026-11-02"),
                day("2026-11-09"),
                day("2026-11-16"),
                day("2026-11-23")
            ]
        );
        assert!(window.contains(day("2026-11-02")));
        assert!(!window.contains(day("2026-11-01")));
        assert!(!window.contains(day("2026-11-27")), "not after today");
    }

    #[test]
    fn all_starts_with_the_week_of_the_first_thing_that_happened() {
        let window = Window::of(Period::All, day("2026-11-26"), Some(day("2025-03-05")));
        assert_eq!(window.first, day("2025-03-03"));
        assert_eq!(
            Window::of(Period::All, day("2026-11-26"), None).first,
            day("2026-11-23")
        );
    }

    #[test]
    fn a_quarter_is_thirteen_weeks_and_a_year_fifty_two() {
        let today = day("2026-11-26");
        assert_eq!(Window::of(Period::Quarter, today, None).weeks().len(), 13);
        assert_eq!(Window::of(Period::Year, today, None).weeks().len(), 52);
    }
}
