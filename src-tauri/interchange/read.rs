//! The entry points: a file's bytes → its contacts. The first bytes say whether
//! it is vCard or CSV and whether it is UTF-16 (`sniff`); vCards then stream card
//! by card, and a CSV file (whose size grows only with its rows) is read whole.

use super::csv_file::{read_rows, Columns};
use super::csv_mapping::ColumnMapping;
use super::encoding::transport_reader;
use super::records::{Format, ReadFile};
use super::sniff::{sniff, Sniffed, HEAD_LEN};
use super::vcard_file::read_cards;
use std::io::{BufReader, Cursor, Read};

/// Reads a contacts file: vCard 2.1–4.0 or CSV, in UTF-8 (with or without BOM),
/// UTF-16 (with a BOM), or a legacy encoding such as Windows-1252 or Shift_JIS.
/// A CSV whose layout Tend does not know comes back with `needs_mapping`.
/// A file that is no contacts file at all is `Error::Invalid` on "file".
pub fn read(input: impl Read, file_name: &str) -> crate::Result<ReadFile> {
    let (sniffed, input) = open(input, file_name)?;
    match sniffed.format {
        Format::Vcard => read_cards(BufReader::with_capacity(64 * 1024, input), sniffed.utf16),
        Format::Csv => read_rows(&read_all(input)?, sniffed.utf16, Columns::Recognise),
    }
}

/// Reads a CSV file with the person's column mapping (after `read` asked for one).
pub fn read_csv_mapped(
    input: impl Read,
    file_name: &str,
    mapping: &ColumnMapping,
) -> crate::Result<ReadFile> {
    let (sniffed, input) = open(input, file_name)?;
    if sniffed.format == Format::Vcard {
        return Err(crate::Error::invalid(
            "file",
            "This is a vCard file, not a CSV file: it needs no column mapping.",
        ));
    }
    read_rows(&read_all(input)?, sniffed.utf16, Columns::Mapped(mapping))
}

/// Sniffs the first bytes, then gives the whole stream back, UTF-16 as UTF-8.
fn open(mut input: impl Read, file_name: &str) -> crate::Result<(Sniffed, impl Read)> {
    let mut head = Vec::with_capacity(HEAD_LEN);
    (&mut input)
        .take(HEAD_LEN as u64)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let sniffed = sniff(&head, file_name)?;
    Ok((
        sniffed,
        transport_reader(Cursor::new(head).chain(input), sniffed.utf16),
    ))
}

fn read_all(mut input: impl Read) -> crate::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(unreadable)?;
    Ok(bytes)
}

fn unreadable(error: std::io::Error) -> crate::Error {
    crate::Error::invalid("file", format!("The file could not be read: {error}."))
}
