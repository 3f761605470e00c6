//! Date and time phrases behind a trait of our own, so the language (or the
//! whole parser) can be swapped without touching the line parser.

mod calendar; // checked calendar arithmetic
mod english; // the English reader
mod phrase; // the trait and what a phrase resolves to

#[cfg(test)]
mod conformance;
#[cfg(test)]
mod tests;

pub(super) use english::is_short_weekday;
pub use english::English;
pub use phrase::{words, DateMatch, DatePhrases, Span};
