//! The English words of dates, one table each: weekdays, months, parts of the
//! day, am/pm, numbers, ordinals, years, and numeric dates.

use super::state::{Meridiem, Period};
use crate::quickadd::parsed::DateOrder;
use crate::quickadd::tokens::clean;
use chrono::Weekday;

pub(super) const TOMORROW: &[&str] = &[
    "tomorrow",
    "tomorrows",
    "tmrw",
    "tmr",
    "tmw",
    "tomorow",
    "tommorow",
    "tommorrow",
];

pub(super) fn eq_any(word: &str, keywords: &[&str]) -> bool {
    keywords
        .iter()
        .any(|keyword| word.eq_ignore_ascii_case(keyword))
}

pub(super) fn weekday_name(word: &str) -> Option<Weekday> {
    const NAMES: [(&[&str], Weekday); 7] = [
        (&["mon", "monday"], Weekday::Mon),
        (&["tue", "tues", "tuesday"], Weekday::Tue),
        (&["wed", "weds", "wednesday"], Weekday::Wed),
        (&["thu", "thur", "thurs", "thursday"], Weekday::Thu),
        (&["fri", "friday"], Weekday::Fri),
        (&["sat", "saturday"], Weekday::Sat),
        (&["sun", "sunday"], Weekday::Sun),
    ];
    NAMES
        .iter()
        .find(|(names, _)| eq_any(word, names))
        .map(|(_, weekday)| *weekday)
}

/// The short weekday forms ("Thu", "Sat") are also given names and surnames
/// (Thu, Sun, Sat); the line parser lets a name keep them.
pub fn is_short_weekday(word: &str) -> bool {
    let word = clean(word);
    word.len() <= 5 && weekday_name(word).is_some()
}

pub(super) fn month_name(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["jan", "january"],
        &["feb", "february"],
        &["mar", "march"],
        &["apr", "april"],
        &["may"],
        &["jun", "june"],
        &["jul", "july"],
        &["aug", "august"],
        &["sep", "sept", "september"],
        &["oct", "october"],
        &["nov", "november"],
        &["dec", "december"],
    ];
    let index = NAMES.iter().position(|names| eq_any(word, names))?;
    u32::try_from(index + 1).ok()
}

pub(super) fn period_word(word: &str) -> Option<Period> {
    const PERIODS: [(&str, Period); 4] = [
        ("morning", Period::Morning),
        ("afternoon", Period::Afternoon),
        ("evening", Period::Evening),
        ("night", Period::Night),
    ];
    PERIODS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, period)| *period)
}

pub(super) fn meridiem_word(word: &str) -> Option<Meridiem> {
    if eq_any(word, &["am", "a.m"]) {
        Some(Meridiem::Am)
    } else if eq_any(word, &["pm", "p.m"]) {
        Some(Meridiem::Pm)
    } else {
        None
    }
}

pub(super) fn number_word(word: &str) -> Option<u32> {
    const NUMBERS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if word.eq_ignore_ascii_case("thirty") {
        return Some(30);
    }
    let index = NUMBERS
        .iter()
        .position(|number| word.eq_ignore_ascii_case(number))?;
    u32::try_from(index + 1).ok()
}

/// "1st".."31st" and "first".."thirty-first".
pub(super) fn ordinal_word(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 31] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];
    if let Some(index) = ORDINALS.iter().position(|o| word.eq_ignore_ascii_case(o)) {
        return u32::try_from(index + 1).ok();
    }
    if !is_ordinal(word) {
        return None;
    }
    let day: u32 = word.get(..word.len() - 2)?.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// "3rd", "21st", "15th": one or two digits and an English ordinal ending.
pub(super) fn is_ordinal(word: &str) -> bool {
    let Some(digits) = word.get(..word.len().saturating_sub(2)) else {
        return false;
    };
    let suffix = word.get(digits.len()..).unwrap_or("");
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && eq_any(suffix, &["st", "nd", "rd", "th"])
}

pub(super) fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse()
        .ok()
        .filter(|year| (1900..=2199).contains(year))
}

/// "Feb13", "dec3rd".
pub(super) fn glued_month_day(word: &str) -> Option<(u32, u32)> {
    let split = word.find(|c: char| c.is_ascii_digit())?;
    let (name, rest) = (word.get(..split)?, word.get(split..)?);
    let month = month_name(name)?;
    let day = if is_ordinal(rest) {
        ordinal_word(rest)?
    } else {
        digits_in(rest, 1, 2)?
    };
    (1..=31).contains(&day).then_some((month, day))
}

/// "14april", "3dec".
pub(super) fn glued_day_month(word: &str) -> Option<(u32, u32)> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let day = digits_in(word.get(..split)?, 1, 2)?;
    let month = month_name(word.get(split..)?)?;
    (1..=31).contains(&day).then_some((day, month))
}

pub(super) fn digits_in(text: &str, min: usize, max: usize) -> Option<u32> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// "12/3" (month first or day first, from the setting), "12/3/2026", "12/3/26",
/// "2026-12-03", "2026/12/03". Returns (year, month, day).
pub(super) fn numeric_date(word: &str, order: DateOrder) -> Option<(Option<i32>, u32, u32)> {
    if !word.is_ascii() {
        return None;
    }
    let dash = word.contains('-');
    let separator = if dash { '-' } else { '/' };
    let mut parts = word.split(separator);
    let first = parts.next()?;
    let second = parts.next()?;
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if first.len() == 4 {
        let year = i32::try_from(digits_in(first, 4, 4)?).ok()?;
        let month = digits_in(second, 1, 2)?;
        let day = digits_in(third?, 1, 2)?;
        return Some((Some(year), month, day));
    }
    if dash {
        return None;
    }
    let a = digits_in(first, 1, 2)?;
    let b = digits_in(second, 1, 2)?;
    let (month, day) = match order {
        DateOrder::MonthFirst => (a, b),
        DateOrder::DayFirst => (b, a),
    };
    let year = match third {
        None => None,
        Some(year) if year.len() == 2 => Some(2000 + i32::try_from(digits_in(year, 2, 2)?).ok()?),
        Some(year) => Some(i32::try_from(digits_in(year, 4, 4)?).ok()?),
    };
    Some((year, month, day))
}
