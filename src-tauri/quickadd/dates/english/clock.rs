//! Clock times and parts of the day: "2pm", "2:30 pm", "14:00", "15h30", "noon",
//! "at 3", "8 tonight", "quarter past 3", "Fri morning", "in the evening".

use super::lexicon::*;
use super::state::{Clock, Meridiem, Period};
use super::Reader;
use crate::quickadd::tokens::clean;

impl Reader<'_, '_> {
    /// "2pm", "2:30 pm", "14:00", "15h30", "noon", "midnight", "at 3", "3 o'clock".
    pub(super) fn clock(&self, i: usize, lead: bool) -> Option<(usize, Clock)> {
        if let Some(found) = self.clock_offset(i) {
            return Some(found);
        }
        if self.is_any(i, &["noon", "midday"]) {
            return Some((i + 1, Clock::fixed(12, 0)));
        }
        if self.is(i, "the") && self.is_any(i + 1, &["noon", "midday"]) {
            return Some((i + 2, Clock::fixed(12, 0)));
        }
        if self.is(i, "mid") && self.is(i + 1, "day") {
            return Some((i + 2, Clock::fixed(12, 0)));
        }
        if self.is(i, "midnight") {
            return Some((i + 1, Clock::fixed(0, 0)));
        }
        if self.is(i, "12") && self.is(i + 1, "noon") {
            return Some((i + 2, Clock::fixed(12, 0)));
        }
        let (token, shape) = match clock_token(self.word(i)) {
            Some(found) => found,
            None => (
                Clock {
                    hour: number_word(self.word(i)).filter(|hour| *hour <= 12)?,
                    minute: 0,
                    meridiem: None,
                    fixed: false,
                },
                Shape::Hour,
            ),
        };
        let mut end = i + 1;
        let oclock = shape == Shape::Hour && self.is_any(end, &["o'clock", "oclock", "o’clock"]);
        end += usize::from(oclock);
        let mut clock = token;
        if clock.meridiem.is_none() {
            if let Some((after, meridiem)) = self.meridiem(end) {
                clock.meridiem = Some(meridiem);
                end = after;
            }
        }
        let sure = clock.meridiem.is_some()
            || oclock
            || matches!(shape, Shape::Colon)
            || shape == Shape::HForm && (clock.minute > 0 || clock.hour >= 13 || lead);
        let hour_ok = if clock.meridiem.is_some() {
            (1..=12).contains(&clock.hour) || shape == Shape::Colon && clock.hour <= 23
        } else {
            clock.hour <= 23
        };
        if !hour_ok || clock.minute > 59 {
            return None;
        }
        if clock.meridiem.is_some() && clock.hour > 12 {
            clock = Clock::fixed(clock.hour, clock.minute);
        }
        if sure {
            return Some((end, clock));
        }
        // A bare number: an hour only after "at" (and not a house number, "at 3
        // Elm St"), or right before "tonight"/"tomorrow" ("8 tonight").
        let bare = matches!(shape, Shape::Hour | Shape::Compact);
        if bare && lead && self.hour_can_end(end) {
            return Some((end, clock));
        }
        if shape == Shape::Hour && clock.hour <= 12 && self.leads_into_day(end) {
            return Some((end, clock));
        }
        None
    }

    /// "quarter past 3", "half past three pm", "20 to noon", "twenty after 3pm",
    /// "15 minutes past 15h", and the British "half three" (15:30).
    pub(super) fn clock_offset(&self, i: usize) -> Option<(usize, Clock)> {
        let k = i + usize::from(self.is(i, "a"));
        // "2 to 3 weeks" is not 2:58: a bare count needs "minutes" or a sure hour.
        let (after_amount, minutes, lead) = if self.is(k, "quarter") {
            (k + 1, 15, true)
        } else if self.is(k, "half") {
            (k + 1, 30, true)
        } else {
            let word = self.word(k);
            let minutes = digits_in(word, 1, 2).or_else(|| number_word(word))?;
            let unit = self.is_any(k + 1, &["minutes", "minute", "mins", "min"]);
            (k + 1 + usize::from(unit), minutes, unit)
        };
        if minutes == 0 || minutes > 59 {
            return None;
        }
        let (base_at, before) = if self.is_any(after_amount, &["past", "after", "from"]) {
            (after_amount + 1, false)
        } else if self.is_any(after_amount, &["to", "till", "before"]) {
            (after_amount + 1, true)
        } else if self.is(k, "half") && k == i {
            (after_amount, false)
        } else {
            return None;
        };
        let (end, base) = self.clock(base_at, lead)?;
        if base.minute != 0 {
            return None;
        }
        let mut clock = base;
        if before {
            clock.minute = 60 - minutes;
            clock.hour = match base.hour {
                0 if base.fixed => 23,
                1 if !base.fixed => 12,
                hour => hour.checked_sub(1)?,
            };
        } else {
            clock.minute = minutes;
        }
        Some((end, clock))
    }

    pub(super) fn meridiem(&self, i: usize) -> Option<(usize, Meridiem)> {
        if let Some(meridiem) = meridiem_word(self.word(i)) {
            return Some((i + 1, meridiem));
        }
        // "3:30 p m"
        if self.is(i + 1, "m") {
            if self.is(i, "a") {
                return Some((i + 2, Meridiem::Am));
            }
            if self.is(i, "p") {
                return Some((i + 2, Meridiem::Pm));
            }
        }
        None
    }

    /// After "at 3": the end of the line or a part of it, a lowercase word, or
    /// more of the date. "at 3 Elm St" is an address, not a time.
    pub(super) fn hour_can_end(&self, i: usize) -> bool {
        let Some(raw) = self.words.get(i) else {
            return true;
        };
        let first = clean(raw).chars().next();
        match first {
            None => true,
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => {
                self.day(i).is_some() || self.period(i).is_some()
            }
            Some(_) => true,
        }
    }

    pub(super) fn leads_into_day(&self, i: usize) -> bool {
        self.is_any(i, &["tonight", "tonite"])
            || self.is_any(i, TOMORROW)
            || self.is(i, "this") && period_word(self.word(i + 1)).is_some()
            || self.period(i).is_some_and(|(_, _, alone)| alone)
    }

    /// "morning" (only with a day or a time), "in the morning" (alone too).
    pub(super) fn period(&self, i: usize) -> Option<(usize, Period, bool)> {
        if self.is(i, "in") {
            let k = i + 1 + usize::from(self.is(i + 1, "the"));
            return period_word(self.word(k)).map(|period| (k + 1, period, true));
        }
        period_word(self.word(i)).map(|period| (i + 1, period, false))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// "3", "3pm", "12am"
    Hour,
    /// "3:30", "14:00", "9:01:10"
    Colon,
    /// "15h", "15h30", "3h18"
    HForm,
    /// "1030", "730pm"
    Compact,
}

/// Reads one word as a clock time, without deciding yet whether a bare number
/// is an hour at all.
pub(super) fn clock_token(word: &str) -> Option<(Clock, Shape)> {
    // Every clock time starts with a digit; only those are worth a lowercase copy.
    if !word.starts_with(|c: char| c.is_ascii_digit()) || !word.is_ascii() || word.len() > 12 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let (body, meridiem) = [
        ("a.m", Meridiem::Am),
        ("p.m", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("pm", Meridiem::Pm),
        ("a", Meridiem::Am),
        ("p", Meridiem::Pm),
    ]
    .iter()
    .find_map(|(suffix, meridiem)| {
        let body = lower.strip_suffix(suffix)?;
        body.ends_with(|c: char| c.is_ascii_digit())
            .then_some((body, Some(*meridiem)))
    })
    .unwrap_or((lower.as_str(), None));
    let (hour, minute, shape, padded) = if body.contains(':') {
        let mut parts = body.split(':');
        let hour_text = parts.next()?;
        let hour = digits_in(hour_text, 1, 2)?;
        let minute = digits_in(parts.next()?, 2, 2)?;
        if let Some(second) = parts.next() {
            digits_in(second, 2, 2).filter(|second| *second <= 59)?;
        }
        if parts.next().is_some() {
            return None;
        }
        (
            hour,
            minute,
            Shape::Colon,
            hour_text.len() == 2 && hour_text.starts_with('0'),
        )
    } else if let Some((hour_text, minute_text)) = body.split_once('h') {
        let hour = digits_in(hour_text, 1, 2)?;
        let minute = if minute_text.is_empty() {
            0
        } else {
            digits_in(minute_text, 2, 2)?
        };
        (hour, minute, Shape::HForm, true)
    } else {
        match body.len() {
            1 | 2 => (
                digits_in(body, 1, 2)?,
                0,
                Shape::Hour,
                body.starts_with('0'),
            ),
            3 | 4 => {
                let number = digits_in(body, 3, 4)?;
                (
                    number / 100,
                    number % 100,
                    Shape::Compact,
                    body.starts_with('0'),
                )
            }
            _ => return None,
        }
    };
    let fixed = meridiem.is_none() && (padded || hour == 0 || hour > 12);
    Some((
        Clock {
            hour,
            minute,
            meridiem,
            fixed,
        },
        shape,
    ))
}
