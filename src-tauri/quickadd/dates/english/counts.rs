//! Counted from now: "in 3 days", "2 weeks from now", "3d", "2w", "3m", "a week
//! ago", "upcoming 2 weeks", "in 2 hours".

use super::lexicon::{digits_in, eq_any, number_word};
use super::state::{Day, Elem};
use super::Reader;
use crate::quickadd::dates::calendar as cal;
use crate::quickadd::dates::phrase::Span;
use chrono::{Datelike, NaiveDate, TimeDelta};

impl Reader<'_, '_> {
    /// "in 3 days", "in 2 weeks", "3d", "2 weeks from now", "a week ago",
    /// "in 2 hours".
    pub(super) fn relative(&self, i: usize) -> Option<(usize, Elem)> {
        if self.is_any(i, &["in", "within"]) {
            let (end, amount, unit) = self.amount(i + 1)?;
            return Some((end, self.shift(amount, unit, false)?));
        }
        if let Some(found) = self.upcoming(i) {
            return Some(found);
        }
        let (end, amount, unit) = self.amount(i)?;
        if self.is(end, "from") && self.is(end + 1, "right") && self.is(end + 2, "now") {
            return Some((end + 3, self.shift(amount, unit, false)?));
        }
        if self.is(end, "from") && self.is_any(end + 1, &["now", "today"]) {
            return Some((end + 2, self.shift(amount, unit, false)?));
        }
        if self.is_any(end, &["hence", "later"]) {
            return Some((end + 1, self.shift(amount, unit, false)?));
        }
        if self.is(end, "ago") {
            return Some((end + 1, self.shift(amount, unit, true)?));
        }
        // A bare "3d" or "2w" is a follow-up rhythm; a bare "2h" is not a date.
        let compact = end == i + 1 && compact_amount(self.word(i)).is_some();
        if compact && unit >= Unit::Day {
            return Some((end, self.shift(amount, unit, false)?));
        }
        None
    }

    /// "upcoming 2 weeks", "2 upcoming months": the start of that many whole
    /// periods ahead, as "next week" is next week's Monday.
    pub(super) fn upcoming(&self, i: usize) -> Option<(usize, Elem)> {
        let (end, count, unit_at) = if self.is(i, "upcoming") {
            let (end, count) = self.count(i + 1)?;
            (end + 1, count, end)
        } else {
            let (end, count) = self.count(i)?;
            if !self.is(end, "upcoming") {
                return None;
            }
            (end + 2, count, end + 1)
        };
        let (unit, times) = unit_word(self.word(unit_at))?;
        let count = count.checked_mul(times)?;
        if count > 1_000 {
            return None;
        }
        let today = self.today;
        let day = match unit {
            Unit::Day => cal::add_days(today, u64::from(count)).map(Day::plain),
            Unit::Week => cal::add_days(cal::monday_of(today)?, 7 * u64::from(count))
                .map(|date| Day::first_of(date, Span::Week)),
            Unit::Month => cal::add_months(cal::first_of_month(today)?, count)
                .map(|date| Day::first_of(date, Span::Month)),
            Unit::Year => {
                NaiveDate::from_ymd_opt(today.year().checked_add(i32::try_from(count).ok()?)?, 1, 1)
                    .map(|date| Day::first_of(date, Span::Year))
            }
            Unit::Minute | Unit::Hour => None,
        }?;
        Some((end, Elem::Day(day)))
    }

    pub(super) fn shift(&self, amount: u32, unit: Unit, back: bool) -> Option<Elem> {
        if amount > 10_000 {
            return None;
        }
        let minutes = match unit {
            Unit::Minute => Some(i64::from(amount)),
            Unit::Hour => Some(i64::from(amount) * 60),
            _ => None,
        };
        if let Some(minutes) = minutes {
            let delta = TimeDelta::try_minutes(minutes)?;
            let at = if back {
                self.now.checked_sub_signed(delta)?
            } else {
                self.now.checked_add_signed(delta)?
            };
            return Some(Elem::Moment(at, back));
        }
        let today = self.today;
        let date = match (unit, back) {
            (Unit::Day, false) => cal::add_days(today, u64::from(amount)),
            (Unit::Day, true) => cal::sub_days(today, u64::from(amount)),
            (Unit::Week, false) => cal::add_days(today, 7 * u64::from(amount)),
            (Unit::Week, true) => cal::sub_days(today, 7 * u64::from(amount)),
            (Unit::Month, false) => cal::add_months(today, amount),
            (Unit::Month, true) => cal::sub_months(today, amount),
            (Unit::Year, false) => cal::add_months(today, amount.checked_mul(12)?),
            (Unit::Year, true) => cal::sub_months(today, amount.checked_mul(12)?),
            (Unit::Minute | Unit::Hour, _) => None,
        }?;
        Some(Elem::Day(Day {
            back,
            ..Day::plain(date)
        }))
    }

    /// A count and a unit: "3 days", "a week", "a couple of months", "3d".
    pub(super) fn amount(&self, i: usize) -> Option<(usize, u32, Unit)> {
        if let Some((amount, unit)) = compact_amount(self.word(i)) {
            return Some((i + 1, amount, unit));
        }
        if self.is(i, "half") && self.is_any(i + 1, &["an", "a"]) {
            return unit_word(self.word(i + 2))
                .filter(|(unit, _)| *unit == Unit::Hour)
                .map(|_| (i + 3, 30, Unit::Minute));
        }
        let (end, count) = self.count(i)?;
        let (unit, times) = unit_word(self.word(end))?;
        Some((end + 1, count.checked_mul(times)?, unit))
    }

    pub(super) fn count(&self, i: usize) -> Option<(usize, u32)> {
        let word = self.word(i);
        if !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            return Some((i + 1, word.parse().ok()?));
        }
        if let Some(n) = number_word(word) {
            return Some((i + 1, n));
        }
        let k = i + usize::from(self.is(i, "a"));
        if self.is(k, "couple") {
            return Some((k + 1 + usize::from(self.is(k + 1, "of")), 2));
        }
        if self.is(k, "few") {
            return Some((k + 1, 3));
        }
        self.is_any(i, &["a", "an"]).then_some((i + 1, 1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A unit word and how many of the unit it is ("fortnight" is 14 days).
pub(super) fn unit_word(word: &str) -> Option<(Unit, u32)> {
    const UNITS: [(&[&str], Unit, u32); 7] = [
        (&["minute", "minutes", "min", "mins"], Unit::Minute, 1),
        (&["hour", "hours", "hr", "hrs", "h"], Unit::Hour, 1),
        (&["day", "days"], Unit::Day, 1),
        (&["week", "weeks", "wk", "wks"], Unit::Week, 1),
        (&["fortnight", "fortnights"], Unit::Day, 14),
        (
            &["month", "months", "mo", "mos", "mth", "mths"],
            Unit::Month,
            1,
        ),
        (&["year", "years", "yr", "yrs"], Unit::Year, 1),
    ];
    UNITS
        .iter()
        .find(|(names, _, _)| eq_any(word, names))
        .map(|(_, unit, times)| (*unit, *times))
}

/// "3d", "2w", "3m" (months: the 3 days – 3 weeks – 3 months rhythm), "1y", "2h",
/// "30min", "3days".
pub(super) fn compact_amount(word: &str) -> Option<(u32, Unit)> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let count = digits_in(word.get(..split)?, 1, 4)?;
    let suffix = word.get(split..)?;
    let (unit, times) = match suffix {
        "d" | "D" => (Unit::Day, 1),
        "w" | "W" => (Unit::Week, 1),
        "m" | "M" => (Unit::Month, 1),
        "y" | "Y" => (Unit::Year, 1),
        other => unit_word(other)?,
    };
    Some((count.checked_mul(times)?, unit))
}
