//! Contacts in the layout Google Contacts exports ("Google CSV"), which Google
//! and Outlook both import: its column names in its order, one E-mail and one
//! Phone column pair per value (as many pairs as the fullest contact needs),
//! labels joined with ` ::: `, the stage as a custom field. UTF-8 with a byte
//! order mark, without which Outlook and Excel read the file as ANSI.

use super::names;
use super::records::ExportContact;
use std::io;

/// Google's columns before the repeated groups, in its order.
const LEADING_COLUMNS: [&str; 17] = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
];

/// How Google separates several values in one cell.
const SEPARATOR: &str = " ::: ";

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn write(contacts: &[ExportContact], mut out: impl io::Write) -> io::Result<()> {
    out.write_all(UTF8_BOM)?;
    let emails = contacts
        .iter()
        .map(|c| c.emails.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let phones = contacts
        .iter()
        .map(|c| c.phones.len())
        .max()
        .unwrap_or(0)
        .max(1);
    // RFC 4180 and Excel end rows with CRLF; the crate's default is LF.
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(header(emails, phones))?;
    for contact in contacts {
        writer.write_record(row(contact, emails, phones))?;
    }
    writer.flush()
}

fn header(emails: usize, phones: usize) -> Vec<String> {
    let pairs = |group: &'static str, count: usize| {
        (1..=count).flat_map(move |n| {
            [
                format!("{group} {n} - Label"),
                format!("{group} {n} - Value"),
            ]
        })
    };
    LEADING_COLUMNS
        .iter()
        .map(|column| column.to_string())
        .chain(pairs("E-mail", emails))
        .chain(pairs("Phone", phones))
        .chain(pairs("Custom Field", 1))
        .collect()
}

fn row(contact: &ExportContact, emails: usize, phones: usize) -> Vec<String> {
    let parts = names::split(&contact.name);
    let mut cells = vec![String::new(); LEADING_COLUMNS.len()];
    cells[0] = parts.given;
    cells[1] = parts.middle;
    cells[2] = parts.family;
    cells[10] = contact.org.clone();
    cells[13] = contact.birthday.map(|b| b.to_text()).unwrap_or_default();
    cells[14] = contact.notes.clone();
    cells[16] = contact.tags.join(SEPARATOR);
    // Tend keeps no kind for a phone or an email, so the labels stay empty.
    let unlabelled = |values: &[String], count: usize| {
        (0..count)
            .flat_map(|index| {
                [
                    String::new(),
                    values.get(index).cloned().unwrap_or_default(),
                ]
            })
            .collect::<Vec<_>>()
    };
    cells.extend(unlabelled(&contact.emails, emails));
    cells.extend(unlabelled(&contact.phones, phones));
    cells.extend(["Stage".to_string(), contact.stage_label.clone()]);
    cells
}

#[cfg(test)]
mod tests {
    use super::{write, ExportContact};
    use crate::interchange::Birthday;

    fn read(contacts: &[ExportContact]) -> (Vec<u8>, Vec<Vec<String>>) {
        let mut bytes = Vec::new();
        write(contacts, &mut bytes).expect("written");
        let body = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .expect("a UTF-8 BOM first");
        let rows = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body)
            .records()
            .map(|row| row.expect("a row").iter().map(String::from).collect())
            .collect();
        (bytes, rows)
    }

    fn jane() -> ExportContact {
        ExportContact {
            uid: "u1".into(),
            name: "Jane Q. Doe".into(),
            phones: vec!["555-0142".into(), "+44 20 7946 0958".into()],
            emails: vec!["jane@example.com".into()],
            birthday: Some(Birthday::NoYear { month: 4, day: 15 }),
            org: "Lavender, Inc.".into(),
            notes: "Said \"call me\"\nafter the party".into(),
            tags: vec!["oils".into(), "vip".into()],
            stage_label: "Customer".into(),
        }
    }

    #[test]
    fn the_header_is_googles_with_a_pair_per_value() {
        let (_, rows) = read(&[jane()]);
        let header = rows[0].join(",");
        assert!(header.starts_with(
            "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,\
             Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,\
             Organization Title,Organization Department,Birthday,Notes,Photo,Labels,\
             E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,\
             Phone 2 - Label,Phone 2 - Value,Custom Field 1 - Label,Custom Field 1 - Value"
        ));
        assert!(
            rows.iter().all(|row| row.len() == rows[0].len()),
            "rectangular"
        );
    }

    #[test]
    fn a_row_holds_every_field_and_survives_quotes_commas_and_line_breaks() {
        let (bytes, rows) = read(&[jane()]);
        let cell = |name: &str| {
            let column = rows[0].iter().position(|c| c == name).expect(name);
            rows[1][column].clone()
        };
        assert_eq!(cell("First Name"), "Jane");
        assert_eq!(cell("Middle Name"), "Q.");
        assert_eq!(cell("Last Name"), "Doe");
        assert_eq!(cell("Organization Name"), "Lavender, Inc.");
        assert_eq!(cell("Birthday"), "--04-15");
        assert_eq!(cell("Notes"), "Said \"call me\"\nafter the party");
        assert_eq!(cell("Labels"), "oils ::: vip");
        assert_eq!(cell("E-mail 1 - Value"), "jane@example.com");
        assert_eq!(cell("Phone 1 - Value"), "555-0142");
        assert_eq!(cell("Phone 2 - Value"), "+44 20 7946 0958");
        assert_eq!(cell("Custom Field 1 - Label"), "Stage");
        assert_eq!(cell("Custom Field 1 - Value"), "Customer");
        assert!(bytes.windows(2).any(|pair| pair == b"\r\n"), "CRLF rows");
    }

    #[test]
    fn birthdays_with_a_year_are_iso_dates_and_text_stays_utf8() {
        let contact = ExportContact {
            name: "Zoë Ångström".into(),
            birthday: Some(Birthday::Date(
                chrono::NaiveDate::from_ymd_opt(1984, 4, 15).expect("date"),
            )),
            phones: vec![],
            ..jane()
        };
        let (_, rows) = read(&[contact]);
        assert_eq!(&rows[1][..3], ["Zoë", "", "Ångström"]);
        assert_eq!(rows[1][13], "1984-04-15");
        assert_eq!(
            rows[0].len(),
            17 + 2 + 2 + 2,
            "one phone pair even when empty"
        );
    }
}
