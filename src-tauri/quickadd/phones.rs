//! Phone numbers inside a line, which may span words ("+44 20 7946 0958",
//! "(415) 555-0142") and may stand side by side ("555-0142 555-0199").

use super::tokens::{self, Token};
use crate::domain::phone::{self, Checked, PhoneRules};

/// Fewer digits than this are a count, a year or a house number, not a phone.
const MIN_DIGITS: usize = 7;
/// E.164 allows at most 15 digits.
const MAX_DIGITS: usize = 15;
/// A number is seldom typed in more than six groups ("+33 6 12 34 56 78").
const MAX_WORDS: usize = 6;

/// The phone number that starts at `tokens[i]`, if one does: where it ends and
/// the number (as typed, and in E.164 with `region` for national numbers).
pub fn phone_at(tokens: &[Token<'_>], i: usize, rules: PhoneRules) -> Option<(usize, Checked)> {
    let first = tokens.get(i)?;
    let first_digits = phone_digits(first.text)?;
    let international = first.text.starts_with('+');
    let starts = international
        || first.text.starts_with('(')
        || first_digits >= 2 && !looks_like_year(first.text, first_digits);
    if !starts {
        return None;
    }
    // The ends (exclusive) at which the words so far hold enough digits.
    let mut ends = [0usize; MAX_WORDS];
    let mut count = 0;
    let mut digits = first_digits;
    if digits >= MIN_DIGITS {
        ends[count] = i + 1;
        count += 1;
    }
    let mut j = i + 1;
    while j < tokens.len() && j < i + MAX_WORDS {
        let token = tokens[j];
        let Some(more) = phone_digits(token.text).filter(|_| !token.quoted) else {
            break;
        };
        // A lone digit is a count ("555-0142 2 kids") except inside "+33 6 12 ...".
        // A second complete number is a second phone.
        if more == 1 && !international
            || digits >= 5 && more >= MIN_DIGITS
            || digits + more > MAX_DIGITS
            || token.text.starts_with('+')
        {
            break;
        }
        digits += more;
        j += 1;
        if digits >= MIN_DIGITS {
            ends[count] = j;
            count += 1;
        }
    }
    let ends = &ends[..count];
    let read = |end: usize| -> Option<(usize, Checked, bool)> {
        let mut text = String::new();
        tokens::join(tokens.get(i..end)?, &mut text);
        let text = text.trim_end_matches('.');
        let checked = phone::check(text, rules).ok()?;
        let valid = checked.problem.is_none();
        Some((end, checked, valid))
    };
    // The longest reading that is a real number in its country; failing that (a
    // local "555-0142"), the shortest that parses, so "555 0142 12 kids" keeps
    // its "12".
    // Longest first: stop at the first valid reading; else the last (shortest)
    // reading that parsed. Each reading is parsed once.
    let mut shortest = None;
    for reading in ends.iter().rev().filter_map(|&end| read(end)) {
        if reading.2 {
            return Some((reading.0, reading.1));
        }
        shortest = Some(reading);
    }
    shortest.map(|(end, phone, _)| (end, phone))
}

/// How many digits a word holds if it is made only of what phones are written
/// with (digits, `+` first, `-`, `.`, brackets); `None` otherwise.
fn phone_digits(text: &str) -> Option<usize> {
    let mut digits = 0;
    for (at, c) in text.char_indices() {
        match c {
            '0'..='9' => digits += 1,
            '+' if at == 0 => {}
            '-' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(digits)
}

/// "2019" or "1999": four digits that are more likely a year than a phone's start.
fn looks_like_year(text: &str, digits: usize) -> bool {
    digits == 4 && text.len() == 4 && !text.starts_with('0')
}
