//! The trait a language implements to read date phrases, and what a phrase
//! resolves to.

use crate::quickadd::parsed::DateOrder;
use crate::quickadd::tokens;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// What a date phrase resolved to, and how many words it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    /// How many of the words given to [`DatePhrases::phrase_at`] the phrase used.
    pub words: usize,
    pub date: NaiveDate,
    /// `None` when the phrase named no time ("Thu"): the caller's default applies.
    pub time: Option<NaiveTime>,
    /// The words themselves point backwards ("yesterday", "last Tue", "3 days ago").
    /// A line parser reads such a phrase as part of the story, not as a plan.
    pub looks_back: bool,
    /// The phrase named a stretch of days ("next week", "in January"), and
    /// `date` is the first of it: a form says so, so the choice is not silent.
    pub span: Option<Span>,
}

/// A stretch of days a phrase names instead of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// "next week", "upcoming 2 weeks": its Monday.
    Week,
    /// "this weekend": its Saturday.
    Weekend,
    /// "in January", "next month", "October 2026": its 1st.
    Month,
    /// "next year": 1 January.
    Year,
}

impl Span {
    /// Which day of the stretch was chosen, in words: "its Monday", "the 1st".
    pub fn choice(self) -> &'static str {
        match self {
            Span::Week => "its Monday",
            Span::Weekend => "the Saturday",
            Span::Month => "the 1st",
            Span::Year => "1 January",
        }
    }
}

/// A reader of date phrases for one language.
///
/// `words` are the line's words as [`words`] splits them: split on whitespace,
/// with `,` and `;` as words of their own; original case and punctuation kept.
pub trait DatePhrases {
    /// The longest date phrase that starts at `words[0]`, if one does.
    /// `now` is the person's local time; relative phrases count from it.
    fn phrase_at(&self, words: &[&str], now: NaiveDateTime, order: DateOrder) -> Option<DateMatch>;

    /// A day no calendar has ("Feb 30", "Apr 31", "Feb 29, 2027") starting at
    /// `words[0]`: how many words it takes and why it is not a date. Such words
    /// are refused rather than kept as note text or moved to another day.
    fn impossible_at(
        &self,
        _words: &[&str],
        _now: NaiveDateTime,
        _order: DateOrder,
    ) -> Option<(usize, String)> {
        None
    }

    /// A phrase that points at no day Tend could choose honestly ("after the
    /// holidays", "next season", "soon"): the question to ask instead.
    fn too_vague(&self, _words: &[&str]) -> Option<String> {
        None
    }

    /// Reads a whole text as one date phrase ("tomorrow at 2pm"); `None` unless
    /// every word of it is understood.
    fn parse(
        &self,
        text: &str,
        now: NaiveDateTime,
        order: DateOrder,
    ) -> Option<(NaiveDate, Option<NaiveTime>)> {
        let tokens = tokens::tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|token| token.text).collect();
        let found = self.phrase_at(&words, now, order)?;
        (found.words == words.len() && found.words > 0).then_some((found.date, found.time))
    }
}

/// Splits text into words the way the line parser gives them to [`DatePhrases`].
pub fn words(text: &str) -> Vec<&str> {
    tokens::tokenize(text)
        .iter()
        .map(|token| token.text)
        .collect()
}
