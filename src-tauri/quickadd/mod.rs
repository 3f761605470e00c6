//! Quick-add: one typed line becomes a contact with its next step.
//!
//! [`parse_line`] reads `Jane Doe 555-0142 wants the lavender set, call Thu` into
//! a name, phones, emails, tags, a stage, a note and a follow-up. It is pure: no
//! clock, no store, no UI; the person's local "now" comes in the [`ParseContext`].
//! Whatever is not recognised goes into the note, so nothing typed is lost.
//! What the date phrases mean: `docs/decisions/0002-quick-add-date-phrases.md`.

pub mod date_field; // a day typed into a form field, read by the same phrases
pub mod dates; // date phrases behind our own trait; English first
mod line; // one line → its parts
mod name; // where the name ends: particles, apostrophes, scripts without case
mod parsed; // what a line is read against, and what it says
mod phones; // phone numbers that span words: "+44 20 7946 0958"
pub mod plan; // what a read line turns into: contact, next step, rhythm
mod preview; // what was understood, as one line of text
mod tokens; // words with their place in the line
mod vocabulary; // the line's English words: channels, stages, particles

#[cfg(test)]
mod cases; // the table: 150+ lines and what they must give
#[cfg(test)]
mod props; // property tests: never panics, never loses a word
#[cfg(test)]
mod tests; // unit tests of the line parser and the preview

pub use dates::{DateMatch, DatePhrases, English};
pub use parsed::{
    DateOrder, ParseContext, ParsedFollowup, ParsedLine, ParsedPhone, ParsedReferrer, DEFAULT_TIME,
};
pub use plan::{Batch, LinePlan, Target};

use crate::error::Result;

/// Reads one quick-add line with the English date phrases.
///
/// Errors: `Error::Invalid` with field `"line"` when the line is empty or has no
/// name, and field `"date"` when its follow-up date is in the past.
pub fn parse_line(line: &str, ctx: &ParseContext) -> Result<ParsedLine> {
    parse_line_with(line, ctx, &English)
}

/// Reads one quick-add line with another reader of date phrases.
pub fn parse_line_with(
    line: &str,
    ctx: &ParseContext,
    dates: &dyn DatePhrases,
) -> Result<ParsedLine> {
    line::parse(line, ctx, dates)
}
