//! How a CSV file's bytes become text: UTF-8 where a row is UTF-8, else the
//! legacy encoding chardetng guesses from all the lines that are not. A file is
//! read whole (its size grows with its rows only), so the guess sees all of it.

use super::encoding::{decode_exactly, LegacyGuess, Tally};
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How a file's bytes are decoded: UTF-8 where they are UTF-8, else the legacy
/// encoding guessed from the whole file.
pub(crate) struct TextPlan {
    legacy: &'static Encoding,
    /// Some line has non-ASCII UTF-8: a legacy row is then an odd one out.
    pub has_utf8: bool,
    /// Some line is not UTF-8.
    has_legacy: bool,
}

impl TextPlan {
    pub(crate) fn for_file(bytes: &[u8]) -> TextPlan {
        let mut guess = LegacyGuess::default();
        let (mut has_utf8, mut has_legacy) = (false, false);
        for line in bytes.split(|b| *b == b'\n').filter(|line| !line.is_ascii()) {
            if std::str::from_utf8(line).is_ok() {
                has_utf8 = true;
            } else {
                has_legacy = true;
                guess.feed(line);
            }
        }
        TextPlan {
            legacy: guess.guess(),
            has_utf8,
            has_legacy,
        }
    }

    pub(crate) fn decode<'a>(&self, field: &'a [u8]) -> Option<(Cow<'a, str>, &'static Encoding)> {
        match decode_exactly(field, UTF_8) {
            Some(text) => Some((text, UTF_8)),
            None => decode_exactly(field, self.legacy).map(|text| (text, self.legacy)),
        }
    }

    /// A row's fields, all in the one encoding the whole row is in.
    pub(crate) fn decode_row(
        &self,
        record: &csv::ByteRecord,
    ) -> Option<(Vec<String>, &'static Encoding)> {
        let encoding = match std::str::from_utf8(record.as_slice()) {
            Ok(_) => UTF_8,
            Err(_) => self.legacy,
        };
        let fields = record
            .iter()
            .map(|field| decode_exactly(field, encoding).map(Cow::into_owned))
            .collect::<Option<Vec<_>>>()?;
        Some((fields, encoding))
    }

    pub(crate) fn legacy_name(&self) -> &'static str {
        self.legacy.name()
    }

    pub(crate) fn summary(&self, utf16: Option<&'static Encoding>) -> String {
        let mut tally = Tally::default();
        if self.has_utf8 {
            tally.note(UTF_8);
        }
        if self.has_legacy {
            tally.note(self.legacy);
        }
        tally.summary(utf16)
    }
}

#[cfg(test)]
mod tests {
    use super::TextPlan;
    use encoding_rs::{UTF_8, WINDOWS_1252};

    fn row(fields: &[&[u8]]) -> csv::ByteRecord {
        csv::ByteRecord::from(fields.to_vec())
    }

    #[test]
    fn utf8_rows_stay_utf8_and_the_rest_are_read_in_the_files_legacy_encoding() {
        let file = "Name,Note\nRenée,café\n"
            .as_bytes()
            .iter()
            .chain(b"Ren\xe9,caf\xe9 cr\xe8me br\xfbl\xe9e\n")
            .copied()
            .collect::<Vec<u8>>();
        let plan = TextPlan::for_file(&file);
        assert!(plan.has_utf8);
        assert_eq!(plan.summary(None), "UTF-8, windows-1252");
        let utf8 = plan
            .decode_row(&row(&["Renée".as_bytes()]))
            .expect("decoded");
        assert_eq!((utf8.0, utf8.1), (vec!["Renée".to_string()], UTF_8));
        let legacy = plan.decode_row(&row(&[b"Ren\xe9"])).expect("decoded");
        assert_eq!(
            (legacy.0, legacy.1),
            (vec!["René".to_string()], WINDOWS_1252)
        );
    }
}
