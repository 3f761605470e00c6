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
}

/// A reader of date phrases for one language.
///
/// `words` are the line's words as [`words`] splits them: split on whitespace,
/// with `,` and `;` as words of their own; original case and punctuation kept.
pub trait DatePhrases {
    /// The longest date phrase that starts at `words[0]`, if one does.
    /// `now` is the person's local time; relative phrases count from it.
    fn phrase_at(&self, words: &[&str], now: NaiveDateTime, order: DateOrder) -> Option<DateMatch>;

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
