//! English date and time phrases: "Thu", "next Tue", "tomorrow at 2pm",
//! "in 3 days", "3d", "Dec 3", "12/3", "noon", "Fri morning".
//!
//! What each phrase means (and what is refused) is decided in
//! `docs/decisions/0002-quick-add-date-phrases.md`. The reader is a small
//! hand-written grammar over words: it allocates almost nothing, never panics, and finds
//! a phrase *inside* a line, which a whole-string parser such as `interim` cannot.

mod clock; // clock times and parts of the day: "2:30pm", "at 3", "noon", "morning"
mod counts; // counted from now: "in 3 days", "2w", "upcoming 2 weeks", "in 2 hours"
mod days; // days: "Thu", "next Tue", "next week", "Dec 3", "12/3", "the 15th"
mod lexicon; // the words: weekdays, months, numbers, ordinals, am/pm
mod refusals; // "Feb 30" is no day; "after the holidays" is no one day
mod state; // what a phrase has said so far, and the day and time it means

pub use lexicon::is_short_weekday;

use super::phrase::{DateMatch, DatePhrases};
use crate::quickadd::parsed::DateOrder;
use crate::quickadd::tokens::clean;
use chrono::{NaiveDate, NaiveDateTime};
use state::{Elem, State};

/// The English reader of date phrases.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl DatePhrases for English {
    fn phrase_at(&self, words: &[&str], now: NaiveDateTime, order: DateOrder) -> Option<DateMatch> {
        Reader {
            words,
            now,
            today: now.date(),
            order,
        }
        .phrase()
    }

    fn impossible_at(
        &self,
        words: &[&str],
        now: NaiveDateTime,
        order: DateOrder,
    ) -> Option<(usize, String)> {
        Reader {
            words,
            now,
            today: now.date(),
            order,
        }
        .impossible()
    }

    fn too_vague(&self, words: &[&str]) -> Option<String> {
        Reader::too_vague(words)
    }
}

/// Words that may lead into a phrase: "on Fri", "at 2pm", "by Thu".
const LEADS: &[&str] = &[
    "at",
    "@",
    "on",
    "by",
    "around",
    "about",
    "approximately",
    "approx",
];
/// Words that may join two parts of a phrase: "Sat for 9am".
const JOINS: &[&str] = &[
    "at",
    "@",
    "on",
    "by",
    "around",
    "about",
    "approximately",
    "approx",
    "for",
];
/// Leads after which a bare number is an hour: "at 3".
const CLOCK_LEADS: &[&str] = &["at", "@", "around", "about", "approximately", "approx"];

/// Reads one phrase from the start of `words`, longest first.
struct Reader<'w, 'a> {
    words: &'w [&'a str],
    now: NaiveDateTime,
    today: NaiveDate,
    order: DateOrder,
}

impl<'a> Reader<'_, 'a> {
    /// The word at `i` without surrounding quotes, brackets or a closing full stop;
    /// "" past the end.
    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |word| clean(word))
    }

    fn is(&self, i: usize, keyword: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(keyword)
    }

    fn is_any(&self, i: usize, keywords: &[&str]) -> bool {
        let word = self.word(i);
        keywords
            .iter()
            .any(|keyword| word.eq_ignore_ascii_case(keyword))
    }

    fn phrase(&self) -> Option<DateMatch> {
        let mut state = State::default();
        let mut best = None;
        let mut i = 0;
        loop {
            let mut j = i;
            let started = i > 0;
            if started && self.word(j) == "," {
                j += 1;
            }
            let leads = if started { JOINS } else { LEADS };
            let mut clock_lead = false;
            // "at about 3pm": at most two leading words.
            for _ in 0..2 {
                if !self.is_any(j, leads) {
                    break;
                }
                clock_lead |= self.is_any(j, CLOCK_LEADS);
                j += 1;
            }
            let Some((end, next)) = self.element(j, clock_lead, state) else {
                break;
            };
            state = next;
            i = end;
            if let Some(found) = state.resolve(self.now) {
                best = Some(DateMatch {
                    words: i,
                    date: found.date,
                    time: found.time,
                    looks_back: found.back,
                    span: found.span,
                });
            }
        }
        best
    }

    /// The longest element at `i` that fits what the phrase has said so far.
    fn element(&self, i: usize, clock_lead: bool, state: State) -> Option<(usize, State)> {
        if i >= self.words.len() {
            return None;
        }
        let mut best: Option<(usize, State)> = None;
        let candidates = [
            self.day(i).map(|(end, day)| (end, Elem::Day(day))),
            self.relative(i),
            self.clock(i, clock_lead)
                .map(|(end, clock)| (end, Elem::Clock(clock))),
            self.period(i)
                .map(|(end, period, alone)| (end, Elem::Period(period, alone))),
        ];
        for (end, elem) in candidates.into_iter().flatten() {
            if best.is_some_and(|(longest, _)| longest >= end) {
                continue;
            }
            if let Some(next) = state.with(elem) {
                best = Some((end, next));
            }
        }
        best
    }
}
