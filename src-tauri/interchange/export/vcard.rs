//! Contacts as one vCard 4.0 file (RFC 6350), written by `calcard`: it escapes
//! text values, ends lines with CRLF and folds them at 75 octets without ever
//! splitting a UTF-8 character.

use super::names;
use super::records::{ExportContact, PRODUCT_ID};
use crate::interchange::Birthday;
use calcard::common::PartialDateTime;
use calcard::vcard::{
    VCard, VCardEntry, VCardParameter, VCardProperty, VCardValue, VCardValueType, VCardVersion,
};
use chrono::Datelike;
use std::io;

/// Carries the stage, which no standard property holds (Tend reads it back).
pub const STAGE_PROPERTY: &str = "X-TEND-STAGE";

/// Writes every contact, one card each.
pub fn write(contacts: &[ExportContact], mut out: impl io::Write) -> io::Result<()> {
    let mut text = String::new();
    for contact in contacts {
        text.clear();
        card(contact)
            .write_to(&mut text, VCardVersion::V4_0)
            .map_err(io::Error::other)?;
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

fn card(contact: &ExportContact) -> VCard {
    let parts = names::split(&contact.name);
    let mut entries = vec![
        text_entry(VCardProperty::Prodid, PRODUCT_ID.into()),
        uid_entry(&contact.uid),
        text_entry(VCardProperty::Fn, contact.name.clone()),
        // family; given; additional; prefixes; suffixes
        VCardEntry::new(VCardProperty::N).with_values(
            [
                parts.family,
                parts.given,
                parts.middle,
                "".into(),
                "".into(),
            ]
            .into_iter()
            .map(VCardValue::Text)
            .collect(),
        ),
    ];
    entries.extend(preferred_first(VCardProperty::Tel, &contact.phones));
    entries.extend(preferred_first(VCardProperty::Email, &contact.emails));
    if let Some(birthday) = contact.birthday {
        entries.push(
            VCardEntry::new(VCardProperty::Bday)
                .with_value(VCardValue::PartialDateTime(partial_date(birthday))),
        );
    }
    if !contact.org.is_empty() {
        entries.push(text_entry(VCardProperty::Org, contact.org.clone()));
    }
    if !contact.notes.is_empty() {
        entries.push(text_entry(
            VCardProperty::Note,
            line_feeds_only(&contact.notes),
        ));
    }
    if !contact.tags.is_empty() {
        entries.push(
            VCardEntry::new(VCardProperty::Categories)
                .with_values(contact.tags.iter().cloned().map(VCardValue::Text).collect()),
        );
    }
    entries.push(text_entry(
        VCardProperty::Other(STAGE_PROPERTY.into()),
        contact.stage_label.clone(),
    ));
    VCard { entries }
}

fn text_entry(property: VCardProperty, text: String) -> VCardEntry {
    VCardEntry::new(property).with_value(VCardValue::Text(text))
}

/// A UUID becomes the `urn:uuid:` URI RFC 6350 asks for; a UID that is already
/// a URI stays as it is; anything else (an imported card's own) is marked text.
fn uid_entry(uid: &str) -> VCardEntry {
    let entry = VCardEntry::new(VCardProperty::Uid);
    if is_uuid(uid) {
        entry.with_value(VCardValue::Text(format!(
            "urn:uuid:{}",
            uid.to_ascii_lowercase()
        )))
    } else if is_uri(uid) {
        entry.with_value(VCardValue::Text(uid.to_string()))
    } else {
        entry
            .with_param(VCardParameter::value(VCardValueType::Text))
            .with_value(VCardValue::Text(uid.to_string()))
    }
}

/// 8-4-4-4-12 hexadecimal digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, length)| {
            group.len() == length && group.chars().all(|c| c.is_ascii_hexdigit())
        })
}

/// `scheme:rest`, the scheme a letter then letters, digits, `+`, `-` or `.`.
fn is_uri(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// One property per value; with more than one, the first is marked preferred.
fn preferred_first(property: VCardProperty, values: &[String]) -> Vec<VCardEntry> {
    values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let entry = text_entry(property.clone(), value.clone());
            if index == 0 && values.len() > 1 {
                entry.with_param(VCardParameter::pref(1u32))
            } else {
                entry
            }
        })
        .collect()
}

/// Without a year, BDAY is `--MMDD` (RFC 6350 §4.3.1).
fn partial_date(birthday: Birthday) -> PartialDateTime {
    let (year, month, day) = match birthday {
        Birthday::Date(date) => (u16::try_from(date.year()).ok(), date.month(), date.day()),
        Birthday::NoYear { month, day } => (None, month, day),
    };
    PartialDateTime {
        year,
        month: u8::try_from(month).ok(),
        day: u8::try_from(day).ok(),
        ..PartialDateTime::default()
    }
}

/// vCard escapes a line break as `\n`; a CR would become a `\r` no reader knows.
fn line_feeds_only(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::{write, ExportContact};
    use crate::interchange::Birthday;

    fn written(contacts: &[ExportContact]) -> String {
        let mut bytes = Vec::new();
        write(contacts, &mut bytes).expect("written");
        String::from_utf8(bytes).expect("UTF-8")
    }

    fn jane() -> ExportContact {
        ExportContact {
            uid: "0F1E2D3C-4B5A-4978-8a9b-0c1d2e3f4a5b".into(),
            name: "Jane Doe".into(),
            phones: vec!["555-0142".into(), "+44 20 7946 0958".into()],
            emails: vec!["jane@example.com".into()],
            birthday: Some(Birthday::NoYear { month: 4, day: 15 }),
            org: "Lavender & Co; Ltd".into(),
            notes: "Likes lavender, not rose.\r\nCall after 5; not on Sundays \\ ever".into(),
            tags: vec!["oils".into(), "party, May".into()],
            stage_label: "Customer".into(),
        }
    }

    /// The logical lines, folds undone (RFC 6350 §3.2).
    fn unfolded(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_card_carries_every_field_escaped() {
        let lines = unfolded(&written(&[jane()]));
        for expected in [
            "BEGIN:VCARD",
            "VERSION:4.0",
            "UID:urn:uuid:0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b",
            "FN:Jane Doe",
            "N:Doe;Jane;;;",
            "TEL;PREF=1:555-0142",
            "TEL:+44 20 7946 0958",
            "EMAIL:jane@example.com",
            "BDAY:--0415",
            "ORG:Lavender & Co\\; Ltd",
            "NOTE:Likes lavender\\, not rose.\\nCall after 5\\; not on Sundays \\\\ ever",
            "CATEGORIES:oils,party\\, May",
            "X-TEND-STAGE:Customer",
            "END:VCARD",
        ] {
            assert!(
                lines.iter().any(|line| line == expected),
                "{expected} in {lines:#?}"
            );
        }
    }

    #[test]
    fn a_birthday_with_its_year_is_a_full_date() {
        let born = ExportContact {
            birthday: Some(Birthday::Date(
                chrono::NaiveDate::from_ymd_opt(1984, 2, 29).expect("date"),
            )),
            ..jane()
        };
        assert!(written(&[born]).contains("\r\nBDAY:19840229\r\n"));
    }

    #[test]
    fn a_uid_that_is_no_uuid_keeps_its_form() {
        let lines = |uid: &str| {
            unfolded(&written(&[ExportContact {
                uid: uid.into(),
                ..jane()
            }]))
        };
        assert!(lines("urn:uuid:abc").contains(&"UID:urn:uuid:abc".to_string()));
        assert!(lines("4f1c2b9e0d7a4e3f").contains(&"UID;VALUE=TEXT:4f1c2b9e0d7a4e3f".to_string()));
        assert!(lines("card 7, from Outlook")
            .contains(&"UID;VALUE=TEXT:card 7\\, from Outlook".to_string()));
    }

    #[test]
    fn long_lines_fold_at_75_octets_never_inside_a_character() {
        let notes = "Käthe möchte Lavendel 🌿, Rosmarin und Thymian — 東京で会いました。".repeat(4);
        let contact = ExportContact {
            name: "Zoë Ångström-Øyen".into(),
            notes: notes.clone(),
            ..jane()
        };
        let mut bytes = Vec::new();
        write(&[contact], &mut bytes).expect("written");
        let lines: Vec<&[u8]> = bytes.split(|byte| *byte == b'\n').collect();
        assert!(lines.len() > 12, "folded");
        for line in &lines[..lines.len() - 1] {
            let line = line.strip_suffix(b"\r").expect("every line ends in CRLF");
            assert!(line.len() <= 75, "{} octets", line.len());
            // A fold inside a character would leave half of it on each line.
            std::str::from_utf8(line).expect("each physical line is whole UTF-8");
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(text.split("\r\n").any(|line| line.starts_with(' ')));
        assert!(unfolded(&text).contains(&format!("NOTE:{}", notes.replace(',', "\\,"))));
    }

    #[test]
    fn every_contact_is_one_card() {
        let contacts = vec![
            jane(),
            ExportContact {
                uid: "b".into(),
                name: "Bob".into(),
                ..ExportContact::default()
            },
        ];
        let text = written(&contacts);
        assert_eq!(text.matches("BEGIN:VCARD\r\n").count(), 2);
        let bob = &text[text.rfind("BEGIN:VCARD").expect("second card")..];
        assert!(unfolded(bob).contains(&"N:;Bob;;;".to_string()));
        for absent in ["TEL", "EMAIL", "BDAY", "ORG", "NOTE", "CATEGORIES"] {
            assert!(!bob.contains(&format!("\r\n{absent}")), "{absent} in {bob}");
        }
    }
}
