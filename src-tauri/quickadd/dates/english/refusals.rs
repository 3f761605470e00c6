//! What looks like a date but is not one Tend may choose: a day no calendar has
//! ("Feb 30", "Apr 31", "Feb 29, 2027"), and phrases too vague for one day
//! ("after the holidays", "next season", "soon"). Both are said to the person,
//! never kept as note text or quietly moved to another day.

use super::lexicon::{month_name, numeric_date, ordinal_word, year_number};
use super::Reader;
use crate::quickadd::tokens::{clean, joined};
use chrono::NaiveDate;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The most days `month` ever has (29 for February).
fn most_days(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_label(month: u32) -> &'static str {
    usize::try_from(month)
        .ok()
        .and_then(|month| month.checked_sub(1))
        .and_then(|index| MONTHS.get(index))
        .copied()
        .unwrap_or("That month")
}

/// Why `month`/`day` (of `year`, if given) is no day at all, or `None` when it is one.
fn why_not(month: u32, day: u32, year: Option<i32>) -> Option<String> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let name = month_label(month);
    match year {
        Some(year) if NaiveDate::from_ymd_opt(year, month, day).is_none() => {
            let days = (28..=31)
                .rev()
                .find(|days| NaiveDate::from_ymd_opt(year, month, *days).is_some())
                .unwrap_or(28);
            Some(format!("{name} {year} has {days} days"))
        }
        Some(_) => None,
        None if day <= most_days(month) => None,
        None if month == 2 => Some("February has 28 days, 29 in a leap year".to_string()),
        None => Some(format!("{name} has {} days", most_days(month))),
    }
}

impl Reader<'_, '_> {
    /// A day no calendar has, starting at word 0: how many words, and why.
    pub(super) fn impossible(&self) -> Option<(usize, String)> {
        let (end, why) = self.impossible_words()?;
        let typed = joined(self.words.get(..end)?);
        Some((end, format!("“{typed}” is not a date: {why}.")))
    }

    fn impossible_words(&self) -> Option<(usize, String)> {
        let k = usize::from(self.is(0, "the"));
        // "Feb 30", "February the 30th", "Feb 29, 2027".
        if let Some(month) = month_name(self.word(k)) {
            let d = k + 1 + usize::from(self.is(k + 1, "the"));
            if let Some((end, day)) = self.any_day_number(d) {
                let (end, year) = self.year_after(end);
                if let Some(why) = why_not(month, day, year) {
                    return Some((end, why));
                }
            }
        }
        // "30 Feb", "the 30th of February".
        if let Some((end, day)) = self.any_day_number(k) {
            let m = end + usize::from(self.is(end, "of"));
            if let Some(month) = month_name(self.word(m)) {
                let (end, year) = self.year_after(m + 1);
                if let Some(why) = why_not(month, day, year) {
                    return Some((end, why));
                }
            }
        }
        // "Feb30", "30feb".
        let word = self.word(0);
        let glued = word
            .find(|c: char| c.is_ascii_digit())
            .filter(|at| *at > 0)
            .and_then(|at| Some((month_name(word.get(..at)?)?, word.get(at..)?)))
            .or_else(|| {
                let at = word
                    .find(|c: char| !c.is_ascii_digit())
                    .filter(|at| *at > 0)?;
                Some((month_name(word.get(at..)?)?, word.get(..at)?))
            });
        if let Some((month, digits)) = glued {
            let day = ordinal_word(digits).or_else(|| digits.parse().ok());
            if let Some(why) = day.and_then(|day| why_not(month, day, None)) {
                return Some((1, why));
            }
        }
        // "2/30", "31/4" (in the date order of the setting), "2027-02-29".
        if let Some((year, month, day)) = numeric_date(word, self.order) {
            if let Some(why) = why_not(month, day, year) {
                return Some((1, why));
            }
        }
        None
    }

    /// A day of the month as typed, even one no month has ("30", "30th", "thirtieth").
    fn any_day_number(&self, i: usize) -> Option<(usize, u32)> {
        self.day_number(i).map(|(end, day, _)| (end, day))
    }

    /// ", 2027" or "2027" after a date: where it ends, and the year.
    fn year_after(&self, end: usize) -> (usize, Option<i32>) {
        let y = end + usize::from(self.word(end) == ",");
        match year_number(self.word(y)) {
            Some(year) => (y + 1, Some(year)),
            None => (end, None),
        }
    }
}

/// Words that point at a stretch of time with no day Tend could choose for her.
const VAGUE: &[(&[&str], &str)] = &[
    (
        &["holiday", "holidays", "christmas", "xmas", "new-year"],
        "e.g. “Mon 4 Jan” or “Jan 5”",
    ),
    (
        &["season", "spring", "summer", "autumn", "fall", "winter"],
        "e.g. “Mar 1” or “in 3 months”",
    ),
    (
        &[
            "soon",
            "sometime",
            "someday",
            "later",
            "eventually",
            "whenever",
            "asap",
            "one",
        ],
        "e.g. “tomorrow”, “Fri” or “in 2 weeks”",
    ),
    (
        &[
            "early",
            "mid",
            "late",
            "end",
            "beginning",
            "start",
            "middle",
        ],
        "e.g. “Dec 15”, “last day of December” or “Fri next week”",
    ),
];

impl Reader<'_, '_> {
    /// The question to ask for a vague phrase ("after the holidays"), if it is one.
    pub(super) fn too_vague(words: &[&str]) -> Option<String> {
        let hint = words.iter().find_map(|word| {
            let word = clean(word).to_lowercase();
            // "mid-January" is "mid".
            let key = if word.starts_with("mid-") {
                "mid"
            } else {
                &word
            };
            VAGUE
                .iter()
                .find(|(keys, _)| keys.contains(&key))
                .map(|(_, hint)| *hint)
        })?;
        let typed = joined(words);
        Some(format!(
            "“{typed}” could be many days. Which day do you mean? Type one, {hint}."
        ))
    }
}
