//! Seasons she sells into (holiday gifts from mid-November): when Today starts
//! reminding her of one, and which days of last year were that season, so it can
//! list the customers who bought then ("bought in this season last year: 14").

use super::events::Dated;
use crate::error::{Error, Result};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Today lists a season's customers from this many days before it starts.
pub const LEAD_DAYS: i64 = 21;
pub const MAX_NAME_CHARS: usize = 120;

/// A season as she set it: a name and two days of the year ("--MM-DD").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Season {
    pub id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SeasonDraft {
    pub name: String,
    /// "15 Nov"
    pub starts: String,
    /// "31 Dec"; before `starts` means it runs across New Year.
    pub ends: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidSeason {
    pub name: String,
    pub starts: Dated,
    pub ends: Dated,
}

impl SeasonDraft {
    pub fn validate(&self) -> Result<ValidSeason> {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(Error::invalid(
                "name",
                "Name the season (up to 120 characters), e.g. Holiday gifts.",
            ));
        }
        let day_of_year =
            |text: &str, field| Dated::parse(text, field).map(|d| Dated { year: None, ..d });
        Ok(ValidSeason {
            name,
            starts: day_of_year(&self.starts, "starts")?,
            ends: day_of_year(&self.ends, "ends")?,
        })
    }
}

/// The days a season runs in one year, and the same season a year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub last_year_from: NaiveDate,
    pub last_year_to: NaiveDate,
}

fn in_year(dated: Dated, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, dated.month, dated.day)
        .or_else(|| NaiveDate::from_ymd_opt(year, dated.month, 28))
}

/// The season's run that `today` is in or within [`LEAD_DAYS`] of, if any.
pub fn window(starts: Dated, ends: Dated, today: NaiveDate) -> Option<Window> {
    let crosses_new_year = (ends.month, ends.day) < (starts.month, starts.day);
    let run = |year: i32| -> Option<(NaiveDate, NaiveDate)> {
        let from = in_year(starts, year)?;
        let to = in_year(ends, if crosses_new_year { year + 1 } else { year })?;
        Some((from, to))
    };
    for year in [today.year() - 1, today.year()] {
        let (from, to) = run(year)?;
        if from - Duration::days(LEAD_DAYS) <= today && today <= to {
            let (last_year_from, last_year_to) = run(year - 1)?;
            return Some(Window {
                starts_on: from,
                ends_on: to,
                last_year_from,
                last_year_to,
            });
        }
    }
    None
}

/// What Today shows for a season coming up or under way.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub season_id: i64,
    pub name: String,
    pub window: Window,
    /// Who bought in this season last year (a page of them; `count` is all).
    pub customers: Vec<super::referral::Person>,
    pub count: i64,
    /// "Holiday gifts from Sun 15 Nov: 14 customers bought in this season last year".
    pub text: String,
}

pub fn reminder_text(name: &str, window: &Window, count: i64, today: NaiveDate) -> String {
    let customers = match count {
        1 => "1 customer".to_string(),
        n => format!("{n} customers"),
    };
    let when = if today < window.starts_on {
        format!("from {}", window.starts_on.format("%a %-d %b"))
    } else {
        format!("until {}", window.ends_on.format("%a %-d %b"))
    };
    format!("{name} {when}: {customers} bought in this season last year")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn season(starts: &str, ends: &str) -> ValidSeason {
        SeasonDraft {
            name: "Holiday gifts".into(),
            starts: starts.into(),
            ends: ends.into(),
        }
        .validate()
        .expect("a season")
    }

    #[test]
    fn a_season_is_listed_from_three_weeks_before_it_until_it_ends() {
        let gifts = season("15 Nov", "31 Dec");
        let at = |today: &str| window(gifts.starts, gifts.ends, day(today));
        assert_eq!(at("2026-10-24"), None, "too early");
        let early = at("2026-10-25").expect("three weeks before");
        assert_eq!(early.starts_on, day("2026-11-15"));
        assert_eq!(
            (early.last_year_from, early.last_year_to),
            (day("2025-11-15"), day("2025-12-31"))
        );
        assert!(at("2026-12-31").is_some());
        assert_eq!(at("2027-01-01"), None, "over");
        assert_eq!(
            reminder_text("Holiday gifts", &early, 14, day("2026-10-25")),
            "Holiday gifts from Sun 15 Nov: 14 customers bought in this season last year"
        );
        assert_eq!(
            reminder_text("Holiday gifts", &early, 1, day("2026-12-01")),
            "Holiday gifts until Thu 31 Dec: 1 customer bought in this season last year"
        );
    }

    #[test]
    fn a_season_across_new_year_looks_back_across_it_too() {
        let winter = season("15 Dec", "15 Jan");
        let in_january = window(winter.starts, winter.ends, day("2027-01-10")).expect("under way");
        assert_eq!(in_january.starts_on, day("2026-12-15"));
        assert_eq!(in_january.ends_on, day("2027-01-15"));
        assert_eq!(in_january.last_year_from, day("2025-12-15"));
        assert_eq!(in_january.last_year_to, day("2026-01-15"));
        let before = window(winter.starts, winter.ends, day("2026-12-01")).expect("coming");
        assert_eq!(before.starts_on, day("2026-12-15"));
    }

    #[test]
    fn a_season_needs_a_name_and_two_days() {
        let bad = SeasonDraft {
            name: "Gifts".into(),
            starts: "soon".into(),
            ends: "31 Dec".into(),
        };
        assert_eq!(bad.validate().expect_err("starts").field(), Some("starts"));
        let unnamed = SeasonDraft {
            starts: "1 Dec".into(),
            ends: "31 Dec".into(),
            ..SeasonDraft::default()
        };
        assert_eq!(unnamed.validate().expect_err("name").field(), Some("name"));
        assert_eq!(
            season("14 Feb 2020", "14 Feb").starts.year,
            None,
            "a year is dropped"
        );
    }
}
