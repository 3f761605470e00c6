//! A vCard stream → cards, one at a time, in memory that does not grow with the
//! file: physical lines are read one by one, unfolded into logical lines as bytes
//! (so a fold inside a UTF-8 character joins it back), and the values of PHOTO,
//! LOGO, SOUND, KEY and AGENT are dropped as they pass, never collected.
//!
//! Unfolding: a line starting with a space or tab continues the one before
//! (vCard 3.0/4.0 folding, one whitespace removed); in a quoted-printable value
//! a line ending in `=` continues on the next (vCard 2.1 soft line breaks); the
//! base64 lines of a vCard 2.1 PHOTO may stand unindented until a blank line.
//! Line ends may be LF, CR LF or CR CR LF.

use std::collections::VecDeque;
use std::io::{self, BufRead};

/// A logical line longer than this is no contact data: it is left out.
pub(crate) const MAX_LINE: usize = 1024 * 1024;

/// Properties whose values Tend does not keep, dropped before they are stored.
const DROPPED: &[&[u8]] = &[b"PHOTO", b"LOGO", b"SOUND", b"KEY", b"AGENT"];

/// One card as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawCard {
    /// 1 for the file's first card.
    pub number: usize,
    /// The physical line of its BEGIN:VCARD.
    pub first_line: usize,
    /// Its logical lines, unfolded, each ending in `\n`; BEGIN and END included.
    pub bytes: Vec<u8>,
    /// False when the file ended, or another card began, before its END:VCARD.
    pub ended: bool,
    /// What was left out of it, in words.
    pub warnings: Vec<String>,
}

impl RawCard {
    /// "card 3 (line 41)", as Problems and contacts name their place.
    pub(crate) fn place(&self) -> String {
        format!("card {} (line {})", self.number, self.first_line)
    }
}

/// A property's line split at its first colon outside quotes: the name without
/// its group (`item1.TEL` → `TEL`), the parameters, and the value.
pub(crate) fn split_property(line: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let mut quoted = false;
    let colon = line.iter().position(|b| {
        if *b == b'"' {
            quoted = !quoted;
        }
        *b == b':' && !quoted
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let (name, params) = match head.iter().position(|b| *b == b';') {
        Some(semicolon) => (&head[..semicolon], &head[semicolon + 1..]),
        None => (head, &b""[..]),
    };
    let name = match name.iter().rposition(|b| *b == b'.') {
        Some(dot) => &name[dot + 1..],
        None => name,
    };
    Some((name.trim_ascii(), params, value))
}

/// The first CHARSET a card's properties declare (`N;CHARSET=UTF-8:…`).
pub(crate) fn declared_charset(card: &[u8]) -> Option<String> {
    card.split(|b| *b == b'\n').find_map(|line| {
        let (_, params, _) = split_property(line)?;
        params.split(|b| *b == b';').find_map(|param| {
            let (name, value) = param.split_at(param.iter().position(|b| *b == b'=')?);
            name.trim_ascii()
                .eq_ignore_ascii_case(b"CHARSET")
                .then(|| String::from_utf8_lossy(&value[1..]).into_owned())
        })
    })
}

/// The logical line being put together.
struct Logical {
    bytes: Vec<u8>,
    line: usize,
    /// Its value is not kept (a PHOTO), or it grew past `MAX_LINE`.
    dropped: bool,
    too_long: bool,
    is_agent: bool,
    quoted_printable: bool,
    /// The last physical line ended in `=` inside a quoted-printable value.
    soft_break: bool,
}

impl Logical {
    fn start(physical: &[u8], line: usize, overflowed: bool) -> Logical {
        let (name, params) = match split_property(physical) {
            Some((name, params, _)) => (name, params),
            None => (physical, &b""[..]),
        };
        let dropped = DROPPED.iter().any(|d| d.eq_ignore_ascii_case(name));
        let quoted_printable = params
            .windows(b"QUOTED-PRINTABLE".len())
            .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"));
        let mut logical = Logical {
            bytes: Vec::new(),
            line,
            dropped,
            too_long: false,
            is_agent: name.eq_ignore_ascii_case(b"AGENT"),
            quoted_printable,
            soft_break: false,
        };
        logical.append(physical, overflowed);
        logical
    }

    fn append(&mut self, physical: &[u8], overflowed: bool) {
        self.soft_break = self.quoted_printable && physical.ends_with(b"=");
        if self.dropped {
            return;
        }
        if overflowed || self.bytes.len() + physical.len() > MAX_LINE {
            self.too_long = true;
            self.dropped = true;
            self.bytes = Vec::new();
            return;
        }
        self.bytes.extend_from_slice(physical);
        if self.soft_break {
            self.bytes.pop();
        }
    }
}

/// The cards of a vCard stream, one at a time.
pub(crate) struct Cards<R> {
    input: R,
    physical: Vec<u8>,
    line_number: usize,
    cards_begun: usize,
    logical: Option<Logical>,
    card: Option<RawCard>,
    /// Inside a vCard 2.1 AGENT's own card: how deep.
    nested: usize,
    after_agent: bool,
    ready: VecDeque<RawCard>,
    finished: bool,
}

impl<R: BufRead> Cards<R> {
    pub(crate) fn new(input: R) -> Cards<R> {
        Cards {
            input,
            physical: Vec::new(),
            line_number: 0,
            cards_begun: 0,
            logical: None,
            card: None,
            nested: 0,
            after_agent: false,
            ready: VecDeque::new(),
            finished: false,
        }
    }

    /// Reads one physical line into `self.physical`, keeping at most `MAX_LINE`
    /// bytes of it. Returns None at the end, else whether bytes were cut.
    fn read_physical(&mut self) -> io::Result<Option<bool>> {
        self.physical.clear();
        let mut overflowed = false;
        let mut read_any = false;
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                break;
            }
            read_any = true;
            let newline = buffer.iter().position(|b| *b == b'\n');
            let taken = newline.map_or(buffer.len(), |at| at + 1);
            let content = &buffer[..newline.unwrap_or(taken)];
            let room = MAX_LINE.saturating_sub(self.physical.len());
            overflowed |= content.len() > room;
            self.physical
                .extend_from_slice(&content[..content.len().min(room)]);
            self.input.consume(taken);
            if newline.is_some() {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        self.line_number += 1;
        while self.physical.last() == Some(&b'\r') {
            self.physical.pop();
        }
        Ok(Some(overflowed))
    }

    fn take_physical(&mut self, overflowed: bool) {
        let physical = std::mem::take(&mut self.physical);
        if let Some(logical) = &mut self.logical {
            let folded = matches!(physical.first(), Some(b' ' | b'\t'));
            if logical.soft_break {
                logical.append(&physical, overflowed);
            } else if folded {
                logical.append(&physical[1..], overflowed);
            } else if logical.dropped && is_base64_line(&physical) {
                // The unindented base64 of a vCard 2.1 PHOTO: still dropped.
            } else {
                self.finish_logical();
                self.start_logical(&physical, overflowed);
            }
        } else {
            self.start_logical(&physical, overflowed);
        }
        self.physical = physical;
    }

    fn start_logical(&mut self, physical: &[u8], overflowed: bool) {
        if !physical.is_empty() {
            self.logical = Some(Logical::start(physical, self.line_number, overflowed));
        }
    }

    /// A whole logical line: where it belongs.
    fn finish_logical(&mut self) {
        let Some(logical) = self.logical.take() else {
            return;
        };
        let text = logical.bytes.trim_ascii();
        let is_begin = text.eq_ignore_ascii_case(b"BEGIN:VCARD");
        let is_end = text.eq_ignore_ascii_case(b"END:VCARD");
        if self.card.is_none() {
            // Outside a card only a BEGIN matters.
            if is_begin {
                self.begin_card(logical.line);
            }
            return;
        }
        if self.nested > 0 {
            self.nested = self.nested + usize::from(is_begin) - usize::from(is_end);
            return;
        }
        if is_begin && self.after_agent {
            self.nested = 1;
            return;
        }
        if is_begin {
            // The card before never ended: it goes as it is, and this one begins.
            self.ready.extend(self.card.take());
            self.begin_card(logical.line);
            return;
        }
        self.after_agent = logical.is_agent;
        let Some(card) = &mut self.card else {
            return;
        };
        if logical.too_long {
            card.warnings.push(format!(
                "A value on line {} was longer than 1 MB and was left out.",
                logical.line
            ));
        }
        if !logical.dropped {
            card.bytes.extend_from_slice(&logical.bytes);
            card.bytes.push(b'\n');
        }
        if is_end {
            card.ended = true;
            self.ready.extend(self.card.take());
        }
    }

    fn begin_card(&mut self, line: usize) {
        self.cards_begun += 1;
        self.after_agent = false;
        self.card = Some(RawCard {
            number: self.cards_begun,
            first_line: line,
            bytes: b"BEGIN:VCARD\n".to_vec(),
            ended: false,
            warnings: Vec::new(),
        });
    }
}

/// A line of nothing but base64 characters.
fn is_base64_line(line: &[u8]) -> bool {
    !line.is_empty()
        && line
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

impl<R: BufRead> Iterator for Cards<R> {
    type Item = io::Result<RawCard>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(card) = self.ready.pop_front() {
                return Some(Ok(card));
            }
            if self.finished {
                return None;
            }
            match self.read_physical() {
                Ok(Some(overflowed)) => self.take_physical(overflowed),
                Ok(None) => {
                    self.finish_logical();
                    self.ready.extend(self.card.take());
                    self.finished = true;
                }
                Err(error) => {
                    self.finished = true;
                    return Some(Err(error));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{declared_charset, split_property, Cards, RawCard};

    fn cards(text: &[u8]) -> Vec<RawCard> {
        Cards::new(text)
            .collect::<std::io::Result<Vec<_>>>()
            .expect("in memory")
    }

    fn lines(card: &RawCard) -> Vec<String> {
        String::from_utf8_lossy(&card.bytes)
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn folds_join_even_inside_a_utf8_character() {
        // "é" is C3 A9; the fold falls between its two bytes.
        let file = b"BEGIN:VCARD\r\nFN:Ren\xc3\r\n \xa9e Fa\r\n\ture\r\nEND:VCARD\r\n";
        let cards = cards(file);
        assert_eq!(
            lines(&cards[0]),
            ["BEGIN:VCARD", "FN:Renée Faure", "END:VCARD"]
        );
        assert!(cards[0].ended);
    }

    #[test]
    fn quoted_printable_soft_breaks_join_and_cr_cr_lf_ends_lines() {
        let file = b"BEGIN:VCARD\r\r\nNOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0A=\r\r\ntwo=\r\r\n three\r\r\nEND:VCARD\r\r\n";
        assert_eq!(
            lines(&cards(file)[0]),
            [
                "BEGIN:VCARD",
                "NOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo three",
                "END:VCARD"
            ]
        );
    }

    #[test]
    fn photos_are_dropped_indented_or_not_and_the_card_goes_on() {
        let file = b"BEGIN:VCARD\nVERSION:2.1\nPHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ\n QUFB\nQkJC+/==\n\nTEL:555\nitem1.LOGO:data:image/png;base64,iVBOR\n w0KG\nAGENT:\nBEGIN:VCARD\nFN:Agent\nEND:VCARD\nEMAIL:a@b.c\nEND:VCARD\n";
        let cards = cards(file);
        assert_eq!(cards.len(), 1);
        assert_eq!(
            lines(&cards[0]),
            [
                "BEGIN:VCARD",
                "VERSION:2.1",
                "TEL:555",
                "EMAIL:a@b.c",
                "END:VCARD"
            ]
        );
    }

    #[test]
    fn cards_are_numbered_with_their_first_line_and_unended_ones_say_so() {
        let file = b"junk\nBEGIN:VCARD\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nFN:B\nBEGIN:VCARD\nFN:C\n";
        let cards = cards(file);
        let summary: Vec<(String, bool)> = cards.iter().map(|c| (c.place(), c.ended)).collect();
        assert_eq!(
            summary,
            [
                ("card 1 (line 2)".to_string(), true),
                ("card 2 (line 6)".to_string(), false),
                ("card 3 (line 8)".to_string(), false),
            ]
        );
    }

    #[test]
    fn a_value_over_a_megabyte_is_left_out_with_a_warning() {
        let mut file = b"BEGIN:VCARD\nFN:A\nNOTE:".to_vec();
        file.extend(std::iter::repeat_n(b'x', 2 * super::MAX_LINE));
        file.extend(b"\nEND:VCARD\n");
        let cards = cards(&file);
        assert_eq!(lines(&cards[0]), ["BEGIN:VCARD", "FN:A", "END:VCARD"]);
        assert_eq!(
            cards[0].warnings,
            ["A value on line 3 was longer than 1 MB and was left out."]
        );
    }

    #[test]
    fn properties_split_at_the_first_colon_outside_quotes() {
        let (name, params, value) =
            split_property(b"item1.ADR;LABEL=\"a:b\";TYPE=home:;;Main St").expect("a property");
        assert_eq!(
            (name, params, value),
            (
                &b"ADR"[..],
                &b"LABEL=\"a:b\";TYPE=home"[..],
                &b";;Main St"[..]
            )
        );
        assert_eq!(
            declared_charset(b"BEGIN:VCARD\nN;charset=Shift_JIS;ENCODING=8BIT:x\n"),
            Some("Shift_JIS".to_string())
        );
    }
}
