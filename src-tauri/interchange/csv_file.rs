//! One CSV file → contacts: its delimiter (`,` `;` or tab, whichever splits its
//! lines alike), its header row (after a preamble like LinkedIn's "Notes:"), the
//! layout its columns are, then every row. The `csv` crate does the reading; rows
//! are read as bytes and decoded one by one, like vCards (see `encoding`).

use super::birthday::{self, DateOrder, Reading};
use super::compose::{has_replacement_character, joined_name, name_or_fallback, note, push_new};
use super::csv_layouts::recognise;
use super::csv_mapping::{ColumnMapping, ColumnUse, Field};
use super::encoding::{decode_exactly, LegacyGuess, Tally};
use super::records::{Birthday, Format, ImportedContact, Problem, ReadFile};
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

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

pub(crate) fn read_rows(
    bytes: &[u8],
    utf16: Option<&'static Encoding>,
    columns: Columns,
) -> crate::Result<ReadFile> {
    let refuse = |message: &str| crate::Error::invalid("file", message.to_string());
    let text = TextPlan::for_file(bytes);
    let delimiter = delimiter(bytes);
    let mut rows = reader(bytes, delimiter);
    let mut record = csv::ByteRecord::new();
    let mut header = None;
    for index in 0..HEADER_SEARCH {
        if !rows.read_byte_record(&mut record).unwrap_or(false) {
            break;
        }
        if record
            .iter()
            .filter(|field| !field.trim_ascii().is_empty())
            .count()
            >= 2
        {
            header = Some((index, record.clone()));
            break;
        }
    }
    let Some((header_index, header)) = header else {
        return Err(refuse(
            "Tend could not find the row of column names (Name, Phone, Email, …) at the top \
             of this file.",
        ));
    };
    if header.as_slice().len() > MAX_ROW {
        return Err(refuse(
            "The first row of this file is far too long to be column names.",
        ));
    }
    let headers: Vec<String> = header
        .iter()
        .map(|field| text.decode(field).map(|(text, _)| text.trim().to_string()))
        .collect::<Option<_>>()
        .ok_or_else(|| refuse("The column names of this file are not text Tend can read."))?;

    let (layout, uses, order) = match columns {
        Columns::Recognise => match recognise(&headers) {
            Some(layout) => (
                layout.name.to_string(),
                layout.uses(&headers),
                layout.date_order,
            ),
            None => {
                return Ok(ReadFile {
                    format: Format::Csv,
                    encoding: text.summary(utf16),
                    layout: None,
                    needs_mapping: Some(headers),
                    contacts: Vec::new(),
                    problems: Vec::new(),
                })
            }
        },
        Columns::Mapped(mapping) => {
            let uses: Vec<Option<ColumnUse>> = headers
                .iter()
                .map(|header| {
                    mapping.field_for(header).map(|field| ColumnUse {
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
            ("your column mapping".to_string(), uses, None)
        }
    };
    // Without a layout's or the file's word, numeric dates are read month first,
    // and each one that could be read either way gets a warning.
    let (order, order_known) =
        match order.or_else(|| date_order_of(bytes, delimiter, header_index, &uses, &text)) {
            Some(order) => (order, true),
            None => (DateOrder::MonthFirst, false),
        };

    let mut contacts = Vec::new();
    let mut problems = Vec::new();
    let mut lines = LineCounter::default();
    while rows.read_byte_record(&mut record).unwrap_or(false) {
        let start = record
            .position()
            .map_or(0, |position| position.byte() as usize);
        let place = format!("row {}", lines.line_at(bytes, start));
        let problem = |what: String| Problem {
            place: place.clone(),
            what,
        };
        if record.as_slice().len() > MAX_ROW {
            let megabytes = record.as_slice().len() as f64 / (1024.0 * 1024.0);
            problems.push(problem(format!(
                "This row is {megabytes:.1} MB long, far too long for a contact; it was left out."
            )));
            continue;
        }
        if record.iter().all(|field| field.trim_ascii().is_empty()) {
            continue;
        }
        let Some((fields, encoding)) = text.decode_row(&record) else {
            problems.push(problem(format!(
                "This row's text is neither UTF-8 nor {}; it was not imported, so that no \
                 garbled letters are saved.",
                text.legacy_name()
            )));
            continue;
        };
        let mut row = RowReader::default();
        if encoding != UTF_8 && text.has_utf8 {
            row.warnings.push(format!(
                "This row is not UTF-8 like the rest of the file; it was read as {}. Check \
                 its accented letters.",
                encoding.name()
            ));
        }
        for (value, column) in fields.iter().zip(&uses) {
            if let Some(column) = column {
                row.take(column, value);
            }
        }
        match row.finish(order, order_known) {
            // Nothing in the columns Tend reads (Outlook's blank rows say 0/0/00).
            Ok(None) => {}
            Ok(Some(mut contact)) if has_replacement_character(&contact) => {
                if let Some(utf16) = utf16 {
                    problems.push(problem(format!(
                        "This row has bytes that are not valid {}; it was not imported, so that \
                         no garbled letters are saved.",
                        utf16.name()
                    )));
                } else {
                    contact.place = place;
                    contact.warnings.push(
                        "The file itself has \"\u{fffd}\" in this row: a letter was lost before \
                         Tend saw it."
                            .to_string(),
                    );
                    contacts.push(contact);
                }
            }
            Ok(Some(mut contact)) => {
                contact.place = place;
                contacts.push(contact);
            }
            Err(what) => problems.push(problem(what)),
        }
    }
    Ok(ReadFile {
        format: Format::Csv,
        encoding: text.summary(utf16),
        layout: Some(layout),
        needs_mapping: None,
        contacts,
        problems,
    })
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

/// How a file's bytes are decoded: UTF-8 where they are UTF-8, else the legacy
/// encoding guessed from the whole file.
struct TextPlan {
    legacy: &'static Encoding,
    /// Some line has non-ASCII UTF-8: a legacy row is then an odd one out.
    has_utf8: bool,
    /// Some line is not UTF-8.
    has_legacy: bool,
}

impl TextPlan {
    fn for_file(bytes: &[u8]) -> TextPlan {
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

    fn decode<'a>(&self, field: &'a [u8]) -> Option<(Cow<'a, str>, &'static Encoding)> {
        match decode_exactly(field, UTF_8) {
            Some(text) => Some((text, UTF_8)),
            None => decode_exactly(field, self.legacy).map(|text| (text, self.legacy)),
        }
    }

    /// A row's fields, all in the one encoding the whole row is in.
    fn decode_row(&self, record: &csv::ByteRecord) -> Option<(Vec<String>, &'static Encoding)> {
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

    fn legacy_name(&self) -> &'static str {
        self.legacy.name()
    }

    fn summary(&self, utf16: Option<&'static Encoding>) -> String {
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

/// One row's values, gathered by field.
#[derive(Default)]
struct RowReader {
    name: String,
    /// first, middle, last
    parts: [String; 3],
    phones: Vec<String>,
    emails: Vec<String>,
    birthday: Option<String>,
    /// year, month, day, as Thunderbird writes them
    birthday_parts: [Option<u32>; 3],
    org: Option<String>,
    notes: Vec<String>,
    details: Vec<String>,
    tags: Vec<String>,
    warnings: Vec<String>,
}

impl RowReader {
    fn take(&mut self, column: &ColumnUse, value: &str) {
        let value = value.trim().replace("\r\n", "\n");
        let value = value.as_str();
        if value.is_empty() {
            return;
        }
        let first_of = |slot: &mut String| {
            if slot.is_empty() {
                *slot = value.to_string();
            }
        };
        // Google joins several values in one cell with " ::: ".
        let values = || value.split(":::").map(str::trim);
        match column.field {
            Field::Name => first_of(&mut self.name),
            Field::FirstName => first_of(&mut self.parts[0]),
            Field::MiddleName => first_of(&mut self.parts[1]),
            Field::LastName => first_of(&mut self.parts[2]),
            Field::Phone => values().for_each(|phone| push_new(&mut self.phones, phone)),
            Field::Email => value
                .split([':', ';', ',', ' '])
                .filter(|email| email.contains('@'))
                .for_each(|email| push_new(&mut self.emails, email)),
            Field::Birthday => {
                self.birthday.get_or_insert_with(|| value.to_string());
            }
            Field::BirthYear => self.birthday_parts[0] = value.parse().ok(),
            Field::BirthMonth => self.birthday_parts[1] = value.parse().ok(),
            Field::BirthDay => self.birthday_parts[2] = value.parse().ok(),
            Field::Org => {
                self.org.get_or_insert_with(|| value.to_string());
            }
            Field::Note => push_new(&mut self.notes, value),
            Field::Tags => {
                for tag in value.split([':', ';', ',']).map(str::trim) {
                    // Google marks its own groups with "* "; everyone is in "My Contacts".
                    let tag = tag.strip_prefix("* ").unwrap_or(tag);
                    if !matches!(tag.to_lowercase().as_str(), "mycontacts" | "my contacts") {
                        push_new(&mut self.tags, tag);
                    }
                }
            }
            Field::Detail => {
                let value = value.replace('\n', ", ");
                push_new(&mut self.details, &format!("{}: {value}", column.label));
            }
        }
    }

    /// The row's contact; None when it has nothing in the columns read.
    fn finish(
        mut self,
        order: DateOrder,
        order_known: bool,
    ) -> Result<Option<ImportedContact>, String> {
        let birthday = self.birthday(order, order_known);
        let is_blank = |texts: &[String]| texts.iter().all(String::is_empty);
        if birthday.is_none()
            && self.name.is_empty()
            && self.org.is_none()
            && [
                &self.parts[..],
                &self.phones,
                &self.emails,
                &self.notes,
                &self.details,
                &self.tags,
            ]
            .into_iter()
            .all(is_blank)
        {
            return Ok(None);
        }
        let given = match self.name.is_empty() {
            true => joined_name(self.parts.iter().map(String::as_str)),
            false => self.name.clone(),
        };
        let name = name_or_fallback(
            &given,
            self.org.as_deref(),
            &self.emails,
            &self.phones,
            &mut self.warnings,
            "row",
        )?;
        Ok(Some(ImportedContact {
            name,
            phones: self.phones,
            emails: self.emails,
            birthday,
            org: self.org,
            note: note(&self.notes, &self.details),
            tags: self.tags,
            uid: None,
            place: String::new(),
            warnings: self.warnings,
        }))
    }

    fn birthday(&mut self, order: DateOrder, order_known: bool) -> Option<Birthday> {
        if let [year, Some(month), Some(day)] = self.birthday_parts {
            let text = match year {
                Some(year) => format!("{year:04}-{month:02}-{day:02}"),
                None => format!("--{month:02}-{day:02}"),
            };
            return Birthday::from_text(&text);
        }
        let text = self.birthday.take()?;
        match birthday::read(&text, order) {
            Reading::Birthday(birthday) => Some(birthday),
            Reading::Guessed(birthday) if order_known => Some(birthday),
            Reading::Guessed(birthday) => {
                self.warnings.push(format!(
                    "The birthday {text} could be read either way; it was read as {}.",
                    birthday.to_text()
                ));
                Some(birthday)
            }
            Reading::NotADate => {
                push_new(&mut self.details, &format!("Birthday: {text}"));
                self.warnings.push(format!(
                    "The birthday \"{text}\" is not a date Tend can read; it was kept in the note."
                ));
                None
            }
            Reading::Empty => None,
        }
    }
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
