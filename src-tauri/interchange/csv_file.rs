//! One CSV file → contacts: its delimiter (`,` `;` or tab, whichever splits its
//! lines alike), its header row (after a preamble like LinkedIn's "Notes:"), the
//! layout its columns are, then every row. The `csv` crate does the reading; rows
//! are read as bytes and decoded one by one (`csv_text`).

use super::birthday::{self, DateOrder};
use super::compose::has_replacement_character;
use super::csv_layouts::recognise;
use super::csv_mapping::{ColumnMapping, ColumnUse, Field};
use super::csv_row::{contact_from_row, Dates};
use super::csv_text::TextPlan;
use super::records::{Format, ImportedContact, Problem, ReadFile};
use encoding_rs::{Encoding, UTF_8};

/// A row longer than this is no contact: it is left out.
const MAX_ROW: usize = 1024 * 1024;
/// The header row is looked for among this many first rows.
const HEADER_SEARCH: usize = 50;
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// How the columns are known.
pub(crate) enum Columns<'a> {
    /// From a layout Tend knows, or else the file needs a mapping.
    Recognise,
    /// From the person's mapping.
    Mapped(&'a ColumnMapping),
}

/// What the columns are: the layout's name, each column's use, its date order.
struct ColumnPlan {
    name: String,
    uses: Vec<Option<ColumnUse>>,
    date_order: Option<DateOrder>,
}

fn refuse(message: &str) -> crate::Error {
    crate::Error::invalid("file", message.to_string())
}

pub(crate) fn read_rows(
    bytes: &[u8],
    utf16: Option<&'static Encoding>,
    columns: Columns,
) -> crate::Result<ReadFile> {
    let text = TextPlan::for_file(bytes);
    let delimiter = delimiter(bytes);
    let mut rows = reader(bytes, delimiter);
    let (header_index, headers) = header_row(&mut rows, &text)?;
    let mut read = ReadFile {
        format: Format::Csv,
        encoding: text.summary(utf16),
        layout: None,
        needs_mapping: None,
        contacts: Vec::new(),
        problems: Vec::new(),
    };
    let Some(layout) = layout_of(&headers, columns)? else {
        read.needs_mapping = Some(headers);
        return Ok(read);
    };
    let shown = || date_order_of(bytes, delimiter, header_index, &layout.uses, &text);
    let dates = match layout.date_order.or_else(shown) {
        Some(order) => Dates { order, known: true },
        None => Dates {
            order: DateOrder::MonthFirst,
            known: false,
        },
    };
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::default();
    while rows.read_byte_record(&mut record).unwrap_or(false) {
        let start = record
            .position()
            .map_or(0, |position| position.byte() as usize);
        let place = format!("row {}", lines.line_at(bytes, start));
        match read_row(&record, &layout.uses, &text, utf16, dates) {
            Ok(Some(contact)) => read.contacts.push(ImportedContact { place, ..contact }),
            Ok(None) => {}
            Err(what) => read.problems.push(Problem { place, what }),
        }
    }
    read.layout = Some(layout.name);
    Ok(read)
}

/// The first row with two or more names in it, and its index.
fn header_row(
    rows: &mut csv::Reader<&[u8]>,
    text: &TextPlan,
) -> crate::Result<(usize, Vec<String>)> {
    let mut record = csv::ByteRecord::new();
    for index in 0..HEADER_SEARCH {
        if !rows.read_byte_record(&mut record).unwrap_or(false) {
            break;
        }
        let names = record
            .iter()
            .filter(|field| !field.trim_ascii().is_empty())
            .count();
        if names < 2 {
            continue;
        }
        if record.as_slice().len() > MAX_ROW {
            return Err(refuse(
                "The first row of this file is far too long to be column names.",
            ));
        }
        let headers = record
            .iter()
            .map(|field| text.decode(field).map(|(text, _)| text.trim().to_string()))
            .collect::<Option<_>>()
            .ok_or_else(|| refuse("The column names of this file are not text Tend can read."))?;
        return Ok((index, headers));
    }
    Err(refuse(
        "Tend could not find the row of column names (Name, Phone, Email, …) at the top of \
         this file.",
    ))
}

/// The columns' uses, from a known layout or the mapping; None: ask for a mapping.
fn layout_of(headers: &[String], columns: Columns) -> crate::Result<Option<ColumnPlan>> {
    match columns {
        Columns::Recognise => Ok(recognise(headers).map(|layout| ColumnPlan {
            name: layout.name.to_string(),
            uses: layout.uses(headers),
            date_order: layout.date_order,
        })),
        Columns::Mapped(mapping) => {
            let uses: Vec<Option<ColumnUse>> = headers
                .iter()
                .map(|header| {
                    let field = mapping.field_for(header)?;
                    Some(ColumnUse {
                        field,
                        label: header.clone(),
                    })
                })
                .collect();
            if uses.iter().all(Option::is_none) {
                return Err(refuse(
                    "The column mapping names none of this file's columns.",
                ));
            }
            Ok(Some(ColumnPlan {
                name: "your column mapping".to_string(),
                uses,
                date_order: None,
            }))
        }
    }
}

/// One row: its contact, None for a blank row, or the Problem's words.
fn read_row(
    record: &csv::ByteRecord,
    uses: &[Option<ColumnUse>],
    text: &TextPlan,
    utf16: Option<&'static Encoding>,
    dates: Dates,
) -> Result<Option<ImportedContact>, String> {
    let length = record.as_slice().len();
    if length > MAX_ROW {
        let megabytes = length as f64 / (1024.0 * 1024.0);
        return Err(format!(
            "This row is {megabytes:.1} MB long, far too long for a contact; it was left out."
        ));
    }
    if record.iter().all(|field| field.trim_ascii().is_empty()) {
        return Ok(None);
    }
    let Some((fields, encoding)) = text.decode_row(record) else {
        return Err(format!(
            "This row's text is neither UTF-8 nor {}; it was not imported, so that no garbled \
             letters are saved.",
            text.legacy_name()
        ));
    };
    let mut warnings = Vec::new();
    if encoding != UTF_8 && text.has_utf8 {
        warnings.push(format!(
            "This row is not UTF-8 like the rest of the file; it was read as {}. Check its \
             accented letters.",
            encoding.name()
        ));
    }
    let Some(mut contact) = contact_from_row(&fields, uses, dates, warnings)? else {
        return Ok(None);
    };
    if has_replacement_character(&contact) {
        if let Some(utf16) = utf16 {
            return Err(format!(
                "This row has bytes that are not valid {}; it was not imported, so that no \
                 garbled letters are saved.",
                utf16.name()
            ));
        }
        contact.warnings.push(
            "The file itself has \"\u{fffd}\" in this row: a letter was lost before Tend saw it."
                .to_string(),
        );
    }
    Ok(Some(contact))
}

/// The line a row starts on, counted as rows go by. (csv's own count lags by a
/// line after a CR LF: its record starts at the LF.)
#[derive(Default)]
struct LineCounter {
    counted_to: usize,
    newlines: usize,
}

impl LineCounter {
    fn line_at(&mut self, bytes: &[u8], start: usize) -> usize {
        let end = (start + 1).min(bytes.len());
        if end > self.counted_to {
            self.newlines += bytes[self.counted_to..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.counted_to = end;
        }
        self.newlines + 1
    }
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// The delimiter that splits the most of the first lines into the same number
/// (two or more) of fields; on a tie, into more fields.
fn delimiter(bytes: &[u8]) -> u8 {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let score = |delimiter: u8| {
        let mut counts = Vec::new();
        let mut rows = reader(sample, delimiter);
        let mut record = csv::ByteRecord::new();
        while counts.len() < 20 && rows.read_byte_record(&mut record).unwrap_or(false) {
            counts.push(record.len());
        }
        // A cut-off last line of the sample is not counted.
        if sample.len() < bytes.len() {
            counts.pop();
        }
        // Lines it does not split (a preamble, prose) say nothing for it.
        let rows_with = |n: usize| counts.iter().filter(|c| **c == n).count();
        (2..=counts.iter().copied().max().unwrap_or(0))
            .map(|n| (rows_with(n), n))
            .max()
            .unwrap_or((0, 0))
    };
    DELIMITERS
        .into_iter()
        .max_by_key(|delimiter| score(*delimiter))
        .unwrap_or(b',')
}

/// What the file's birthdays show about their order, when the layout does not say.
fn date_order_of(
    bytes: &[u8],
    delimiter: u8,
    header_index: usize,
    uses: &[Option<ColumnUse>],
    text: &TextPlan,
) -> Option<DateOrder> {
    let birthday_columns: Vec<usize> = uses
        .iter()
        .enumerate()
        .filter(|(_, column)| column.as_ref().is_some_and(|c| c.field == Field::Birthday))
        .map(|(index, _)| index)
        .collect();
    if birthday_columns.is_empty() {
        return None;
    }
    let mut dates = Vec::new();
    for record in reader(bytes, delimiter)
        .byte_records()
        .skip(header_index + 1)
        .map_while(Result::ok)
    {
        for index in &birthday_columns {
            if let Some((date, _)) = record.get(*index).and_then(|field| text.decode(field)) {
                dates.push(date.into_owned());
            }
        }
    }
    birthday::order_shown_by(dates.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::{delimiter, read_rows, Columns};

    #[test]
    fn the_delimiter_is_the_one_that_splits_lines_alike() {
        assert_eq!(delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            delimiter(b"Name;Note\nM\xfcller, Hans;a, b, c\nX;y\n"),
            b';'
        );
        assert_eq!(delimiter(b"a\tb\n\"x, y\"\tz\n"), b'\t');
        // Lines a delimiter leaves whole do not count for it.
        assert_eq!(delimiter(b"Notes:\n\"one, two\"\n\nA,B,C\n1,2,3\n"), b',');
        assert_eq!(delimiter(b"a,b\n\"x\ny\nz\",w\n"), b',');
    }

    #[test]
    fn an_unknown_layout_asks_for_a_mapping_with_its_column_names() {
        let read = read_rows(b"Kunde,Handy\nAna,555\n", None, Columns::Recognise).expect("read");
        assert_eq!(
            read.needs_mapping,
            Some(vec!["Kunde".to_string(), "Handy".to_string()])
        );
        assert!(read.contacts.is_empty());
    }
}
