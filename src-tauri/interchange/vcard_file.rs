//! A vCard file, card by card. Each card is decoded on its own: as UTF-8 when
//! its bytes are UTF-8, else in the CHARSET it declares, else in the legacy
//! encoding guessed from all the cards that are not UTF-8 (those wait, raw and
//! without their photos, until the whole file has been seen). One bad card is
//! a Problem, never the end of the file.

use super::compose::has_replacement_character;
use super::encoding::{decode_exactly, for_label, is_broken_utf8, LegacyGuess, Tally};
use super::records::{Format, ImportedContact, Problem, ReadFile};
use super::vcard::contact_from_card;
use super::vcard_lines::{declared_charset, Cards, RawCard};
use encoding_rs::{Encoding, UTF_8};
use std::io::BufRead;

/// A card read at once, or one waiting for the file's legacy encoding.
enum Slot {
    Read(Result<ImportedContact, Problem>),
    Waiting { card: RawCard, declared_utf8: bool },
}

pub(crate) fn read_cards(
    input: impl BufRead,
    utf16: Option<&'static Encoding>,
) -> crate::Result<ReadFile> {
    let mut slots = Vec::new();
    let mut guess = LegacyGuess::default();
    let mut tally = Tally::default();
    for card in Cards::new(input) {
        let card = card.map_err(|error| {
            crate::Error::invalid(
                "file",
                format!("The file could not be read to the end: {error}."),
            )
        })?;
        slots.push(read_card(card, utf16, &mut guess, &mut tally));
    }
    let legacy = guess.guess();
    let mixed = tally.used_utf8();
    let mut contacts = Vec::new();
    let mut problems = Vec::new();
    for slot in slots {
        let result = match slot {
            Slot::Read(result) => result,
            Slot::Waiting {
                card,
                declared_utf8,
            } => {
                tally.note(legacy);
                read_in_legacy(card, legacy, declared_utf8, mixed)
            }
        };
        match result {
            Ok(contact) => contacts.push(contact),
            Err(problem) => problems.push(problem),
        }
    }
    Ok(ReadFile {
        format: Format::Vcard,
        encoding: tally.summary(utf16),
        layout: None,
        needs_mapping: None,
        contacts,
        problems,
    })
}

fn read_card(
    card: RawCard,
    utf16: Option<&'static Encoding>,
    guess: &mut LegacyGuess,
    tally: &mut Tally,
) -> Slot {
    if !card.ended {
        return Slot::Read(Err(Problem {
            place: card.place(),
            what: "The file ends, or the next card begins, before this card's END:VCARD: it \
                   looks cut off, so it was not imported."
                .to_string(),
        }));
    }
    let declared = declared_charset(&card.bytes);
    let declared_encoding = declared.as_deref().and_then(for_label);
    if let Some(text) = decode_exactly(&card.bytes, UTF_8) {
        if !card.bytes.is_ascii() {
            tally.note(UTF_8);
        } else if let Some(encoding) = declared_encoding.filter(|_| has_8bit_escape(&card.bytes)) {
            // Plain ASCII reads the same in any encoding: what counts is the
            // CHARSET of the quoted-printable bytes beyond ASCII.
            tally.note(encoding);
        }
        return Slot::Read(parse(&text, &card, utf16));
    }
    match declared_encoding.filter(|encoding| *encoding != UTF_8) {
        Some(encoding) => Slot::Read(match decode_exactly(&card.bytes, encoding) {
            Some(text) => {
                tally.note(encoding);
                parse(&text, &card, utf16)
            }
            None => Err(Problem {
                place: card.place(),
                what: format!(
                    "This card says its text is {}, but its bytes are not; it was not \
                     imported, so that no garbled letters are saved.",
                    encoding.name()
                ),
            }),
        }),
        None => {
            guess.feed(&card.bytes);
            Slot::Waiting {
                card,
                declared_utf8: declared_encoding == Some(UTF_8),
            }
        }
    }
}

/// A quoted-printable byte beyond ASCII (`=E4`).
fn has_8bit_escape(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| {
        w[0] == b'='
            && matches!(w[1], b'8'..=b'9' | b'A'..=b'F' | b'a'..=b'f')
            && w[2].is_ascii_hexdigit()
    })
}

fn read_in_legacy(
    mut card: RawCard,
    legacy: &'static Encoding,
    declared_utf8: bool,
    mixed: bool,
) -> Result<ImportedContact, Problem> {
    let Some(text) = decode_lines(&mut card, legacy) else {
        return Err(Problem {
            place: card.place(),
            what: format!(
                "This card's text is neither UTF-8 nor {}; it was not imported, so that no \
                 garbled letters are saved.",
                legacy.name()
            ),
        });
    };
    let mut contact = parse(&text, &card, None)?;
    let why = if declared_utf8 {
        Some("says its text is UTF-8, but it is not")
    } else if mixed {
        Some("is not UTF-8 like the rest of the file")
    } else {
        None
    };
    if let Some(why) = why {
        contact.warnings.push(format!(
            "This card {why}; it was read as {}. Check its accented letters.",
            legacy.name()
        ));
    }
    Ok(contact)
}

/// A card line by line: lines that are UTF-8 stay UTF-8 (a card may mix), lines
/// of broken UTF-8 are left out with a warning, the rest are in `legacy`.
fn decode_lines(card: &mut RawCard, legacy: &'static Encoding) -> Option<String> {
    let mut text = String::with_capacity(card.bytes.len());
    let mut broken = 0;
    for line in card.bytes.split(|b| *b == b'\n') {
        if is_broken_utf8(line) {
            broken += 1;
            continue;
        }
        text.push_str(&decode_exactly(line, UTF_8).or_else(|| decode_exactly(line, legacy))?);
        text.push('\n');
    }
    if broken > 0 {
        card.warnings.push(format!(
            "{broken} line(s) of this card are UTF-8 with bytes broken; they were left out."
        ));
    }
    Some(text)
}

fn parse(
    text: &str,
    card: &RawCard,
    utf16: Option<&'static Encoding>,
) -> Result<ImportedContact, Problem> {
    let problem = |what: String| Problem {
        place: card.place(),
        what,
    };
    let mut contact = contact_from_card(text).map_err(problem)?;
    contact.place = card.place();
    contact.warnings.splice(0..0, card.warnings.iter().cloned());
    if has_replacement_character(&contact) {
        if let Some(utf16) = utf16 {
            return Err(problem(format!(
                "This card has bytes that are not valid {}; it was not imported, so that no \
                 garbled letters are saved.",
                utf16.name()
            )));
        }
        if !text.contains('\u{fffd}') {
            // calcard decoded quoted-printable text that its CHARSET does not have.
            return Err(problem(
                "Some of this card's text is not valid in the CHARSET it names; it was not \
                 imported, so that no garbled letters are saved."
                    .to_string(),
            ));
        }
        contact.warnings.push(
            "The file itself has \"\u{fffd}\" in this card's text: a letter was lost before \
             Tend saw it."
                .to_string(),
        );
    }
    Ok(contact)
}
