//! Which encoding bytes are in, and decoding them so that no mojibake and no
//! U+FFFD is ever saved silently. UTF-16 files are turned into UTF-8 as they
//! stream in; everything else is decoded a card or a row at a time: UTF-8 when
//! the bytes are UTF-8, else the card's declared CHARSET, else the legacy
//! encoding chardetng guesses from all the bytes that are not UTF-8.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::borrow::Cow;
use std::io::Read;

/// The file's bytes with UTF-16 turned into UTF-8 and any BOM removed; other
/// bytes pass through unchanged, to be decoded record by record.
pub(crate) fn transport_reader<R: Read>(input: R, utf16: Option<&'static Encoding>) -> impl Read {
    DecodeReaderBytesBuilder::new()
        .encoding(utf16)
        .utf8_passthru(true)
        .strip_bom(true)
        .build(input)
}

/// The encoding a CHARSET parameter names, if encoding_rs knows it.
pub(crate) fn for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().trim_matches('"').as_bytes())
}

/// The text of bytes in `encoding`, or None if they are not valid in it.
pub(crate) fn decode_exactly<'a>(
    bytes: &'a [u8],
    encoding: &'static Encoding,
) -> Option<Cow<'a, str>> {
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
    }
    encoding.decode_without_bom_handling_and_without_replacement(bytes)
}

/// UTF-8 with some bytes broken, rather than text in a legacy encoding: it has
/// valid multi-byte UTF-8 beside the bytes that are not. Decoding it as legacy
/// text would garble the letters that are fine.
pub(crate) fn is_broken_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_err()
        && String::from_utf8_lossy(bytes)
            .chars()
            .any(|c| !c.is_ascii() && c != '\u{fffd}')
}

/// Guesses the legacy (non-UTF-8) encoding of text that is not UTF-8.
#[derive(Default)]
pub(crate) struct LegacyGuess {
    detector: Option<EncodingDetector>,
}

impl LegacyGuess {
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        self.detector
            .get_or_insert_with(|| EncodingDetector::new(Iso2022JpDetection::Deny))
            .feed(bytes, false);
    }

    /// chardetng's best guess for everything fed; Windows-1252 if nothing was.
    pub(crate) fn guess(&self) -> &'static Encoding {
        match &self.detector {
            Some(detector) => detector.guess(None, Utf8Detection::Deny),
            None => encoding_rs::WINDOWS_1252,
        }
    }

    /// The guess for one piece of bytes on its own.
    pub(crate) fn of(bytes: &[u8]) -> &'static Encoding {
        let mut guess = LegacyGuess::default();
        guess.feed(bytes);
        guess.guess()
    }
}

/// The encodings a file's text was actually read in, for `ReadFile.encoding`.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    used: Vec<&'static Encoding>,
}

impl Tally {
    pub(crate) fn note(&mut self, encoding: &'static Encoding) {
        if !self.used.contains(&encoding) {
            self.used.push(encoding);
        }
    }

    /// Whether some text was read as UTF-8 (and not only as plain ASCII).
    pub(crate) fn used_utf8(&self) -> bool {
        self.used.contains(&UTF_8)
    }

    /// "UTF-16LE" for a UTF-16 file; else the encodings used, UTF-8 first
    /// ("UTF-8", "windows-1252", "UTF-8, windows-1252"); "UTF-8" for plain ASCII.
    pub(crate) fn summary(&self, utf16: Option<&'static Encoding>) -> String {
        if let Some(utf16) = utf16 {
            return utf16.name().to_string();
        }
        let mut used = self.used.clone();
        used.sort_by_key(|encoding| *encoding != UTF_8);
        if used.is_empty() {
            return UTF_8.name().to_string();
        }
        used.iter()
            .map(|encoding| encoding.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_exactly, for_label, is_broken_utf8, LegacyGuess, Tally};
    use encoding_rs::{SHIFT_JIS, UTF_16LE, UTF_8, WINDOWS_1252};

    #[test]
    fn legacy_text_is_guessed_from_its_bytes() {
        let (latin, _, _) = WINDOWS_1252.encode("Jürgen Müller, Hauptstraße 5, Köln");
        assert_eq!(LegacyGuess::of(&latin), WINDOWS_1252);
        let (japanese, _, _) = SHIFT_JIS.encode("山田太郎、東京都千代田区、営業部長");
        assert_eq!(LegacyGuess::of(&japanese), SHIFT_JIS);
    }

    #[test]
    fn decoding_refuses_bytes_the_encoding_does_not_have() {
        assert_eq!(decode_exactly(b"M\xfcller", UTF_8), None);
        assert_eq!(
            decode_exactly(b"M\xfcller", WINDOWS_1252).as_deref(),
            Some("Müller")
        );
        assert_eq!(decode_exactly(b"\x82\xa0\xff", SHIFT_JIS), None);
        assert_eq!(for_label(" Shift_JIS "), Some(SHIFT_JIS));
        assert!(is_broken_utf8(
            "Ñ Ñ"
                .as_bytes()
                .iter()
                .chain(b"\x80")
                .copied()
                .collect::<Vec<_>>()
                .as_slice()
        ));
        assert!(!is_broken_utf8(b"M\xfcller"));
        assert!(!is_broken_utf8("Müller".as_bytes()));
        assert_eq!(for_label("\"ISO-8859-1\""), Some(WINDOWS_1252));
    }

    #[test]
    fn the_tally_names_utf8_first_and_utf16_alone() {
        let mut tally = Tally::default();
        assert_eq!(tally.summary(None), "UTF-8");
        tally.note(WINDOWS_1252);
        tally.note(UTF_8);
        tally.note(WINDOWS_1252);
        assert_eq!(tally.summary(None), "UTF-8, windows-1252");
        assert_eq!(tally.summary(Some(UTF_16LE)), "UTF-16LE");
    }
}
