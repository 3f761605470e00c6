//! One card's text → a contact, through calcard. What maps is kept: names,
//! phones, emails, the birthday, the organisation, notes, categories, the UID.
//! Nicknames, titles, addresses, websites, anniversaries and related names become
//! lines of the note (a card with only a nickname is named by it); an
//! anniversary is also kept as a date (Tend remembers it each year). An
//! `itemN.X-ABLabel` names the note line of the property it labels ("Spouse:
//! Jenny", "Home page: http://…"); on a phone or email it is dropped, since Tend
//! keeps phones and emails without labels. Unknown properties are ignored.

use super::birthday::{self, DateOrder, Reading};
use super::compose::{joined_name, name_or_fallback, note, push_new};
use super::encoding::{decode_exactly, is_broken_utf8, LegacyGuess};
use super::records::{Birthday, ImportedContact};
use super::vcard_lines::split_property;
use calcard::common::PartialDateTime;
use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue};
use calcard::{Entry, Parser};
use encoding_rs::Encoding;
use std::collections::HashMap;

/// Categories every contact of a phone or Gmail is in: not worth a tag.
const DEFAULT_GROUPS: &[&str] = &["my contacts", "mycontacts", "starred in android"];

/// The contact in one card's text, or why there is none. `place` is the caller's.
pub(crate) fn contact_from_card(text: &str) -> Result<ImportedContact, String> {
    let card = match Parser::new(text).entry() {
        Entry::VCard(card) => card,
        _ => return Err("Tend could not read this card.".to_string()),
    };
    let mut reader = CardReader {
        labels: labels(&card),
        ..CardReader::default()
    };
    for entry in &card.entries {
        reader.take(entry)?;
    }
    reader.read_birthday(text);
    reader.finish()
}

/// What `itemN.X-ABLabel` lines say, by group.
fn labels(card: &VCard) -> HashMap<String, String> {
    card.entries
        .iter()
        .filter(|entry| is_other(entry, "X-ABLABEL"))
        .filter_map(|entry| {
            let group = entry.group.as_ref()?.to_lowercase();
            let label = match entry.values.first()? {
                VCardValue::Text(text) => apple_label(text),
                _ => return None,
            };
            Some((group, label))
        })
        .collect()
}

/// Apple's built-in labels are wrapped (`_$!<HomePage>!$_`): "Home page".
fn apple_label(label: &str) -> String {
    let Some(inner) = label
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
    else {
        return label.trim().to_string();
    };
    let mut words = String::new();
    let mut previous_lower = false;
    for c in inner.chars() {
        if c.is_uppercase() && previous_lower {
            words.push(' ');
        }
        previous_lower = c.is_lowercase();
        words.push(c);
    }
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.as_str().to_lowercase().chars())
            .collect()
    })
}

fn is_other(entry: &VCardEntry, name: &str) -> bool {
    matches!(&entry.name, VCardProperty::Other(other) if other.eq_ignore_ascii_case(name))
}

#[derive(Default)]
struct CardReader {
    labels: HashMap<String, String>,
    formatted: Option<String>,
    /// given, additional, family
    name_parts: Option<[String; 3]>,
    phones: Vec<String>,
    emails: Vec<String>,
    org: Option<String>,
    nicknames: Vec<String>,
    notes: Vec<String>,
    details: Vec<String>,
    tags: Vec<String>,
    uid: Option<String>,
    birthday: Option<Birthday>,
    anniversary: Option<Birthday>,
    warnings: Vec<String>,
    /// Text marked UTF-8 whose bytes were not, read in this encoding instead.
    recovered_as: Option<&'static Encoding>,
    /// A value of broken UTF-8 was left out.
    left_out_broken: bool,
}

impl CardReader {
    fn take(&mut self, entry: &VCardEntry) -> Result<(), String> {
        match &entry.name {
            VCardProperty::Fn => {
                let formatted = self.joined(entry)?;
                first_of(&mut self.formatted, formatted);
            }
            VCardProperty::N => {
                let parts = self.parts(entry)?;
                let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
                self.name_parts.get_or_insert([part(1), part(2), part(0)]);
            }
            VCardProperty::Tel => {
                let phone = self.joined(entry)?;
                push_new(&mut self.phones, strip_scheme(&phone, "tel:"));
            }
            VCardProperty::Email => {
                let email = self.joined(entry)?;
                push_new(&mut self.emails, strip_scheme(&email, "mailto:"));
            }
            VCardProperty::Org => self.take_org(entry)?,
            VCardProperty::Note => {
                let note = self.joined(entry)?.replace("\r\n", "\n");
                push_new(&mut self.notes, &note);
            }
            VCardProperty::Categories => {
                // Escaped commas too: Thunderbird writes `a\, b` for two categories.
                for tag in self.parts(entry)?.iter().flat_map(|tags| tags.split(',')) {
                    if !DEFAULT_GROUPS.contains(&tag.trim().to_lowercase().as_str()) {
                        push_new(&mut self.tags, tag);
                    }
                }
            }
            VCardProperty::Uid => {
                let uid = self.joined(entry)?;
                first_of(&mut self.uid, uid);
            }
            VCardProperty::Nickname => {
                let nickname = self.parts(entry)?.join(", ");
                push_new(&mut self.nicknames, &nickname);
            }
            _ => {
                if let Some(label) = self.detail_label(entry) {
                    let parts: Vec<String> = self
                        .parts(entry)?
                        .into_iter()
                        .map(|part| part.replace("\r\n", ", ").replace('\n', ", "))
                        .filter(|part| !part.trim().is_empty())
                        .collect();
                    if is_anniversary(&entry.name) && self.anniversary.is_none() {
                        // Also a date to remember each year; the note line stays.
                        if let Reading::Birthday(day) | Reading::Guessed(day) =
                            birthday::read(&parts.join(" "), DateOrder::MonthFirst)
                        {
                            self.anniversary = Some(day);
                        }
                    }
                    self.detail(&label, &parts.join(", "));
                }
            }
        }
        Ok(())
    }

    /// The first ORG is the organisation (its units a "Department" line); any
    /// other is a line of the note.
    fn take_org(&mut self, entry: &VCardEntry) -> Result<(), String> {
        let parts: Vec<String> = self
            .parts(entry)?
            .into_iter()
            .map(|part| part.trim().to_string())
            .filter(|part| !part.is_empty())
            .collect();
        match (self.org.is_none(), parts.split_first()) {
            (true, Some((org, departments))) => {
                self.org = Some(org.clone());
                self.detail("Department", &departments.join(", "));
            }
            (false, Some(_)) => {
                let label = self.label(entry).unwrap_or_else(|| "Organisation".into());
                self.detail(&label, &parts.join(", "));
            }
            (_, None) => {}
        }
        Ok(())
    }

    /// The label of a property kept as a line of the note; None: not kept.
    fn detail_label(&self, entry: &VCardEntry) -> Option<String> {
        let fallback = match &entry.name {
            VCardProperty::Title => "Title",
            VCardProperty::Role => "Role",
            VCardProperty::Adr => "Address",
            VCardProperty::Url => "Website",
            VCardProperty::Anniversary => "Anniversary",
            VCardProperty::Other(name) => match name.to_uppercase().as_str() {
                "X-ABRELATEDNAMES" => "Related name",
                "X-ABDATE" => "Date",
                "X-ANNIVERSARY" | "X-MS-ANNIVERSARY" | "X-EVOLUTION-ANNIVERSARY" => "Anniversary",
                "X-SPOUSE" | "X-EVOLUTION-SPOUSE" => "Spouse",
                _ => return None,
            },
            _ => return None,
        };
        Some(self.label(entry).unwrap_or_else(|| fallback.to_string()))
    }

    /// What the property's `itemN.X-ABLabel` says, if it has one.
    fn label(&self, entry: &VCardEntry) -> Option<String> {
        let group = entry.group.as_ref()?.to_lowercase();
        self.labels.get(&group).cloned()
    }

    fn detail(&mut self, label: &str, value: &str) {
        if !value.trim().is_empty() {
            push_new(&mut self.details, &format!("{label}: {}", value.trim()));
        }
    }

    /// Each value of a property as text (a structured value's parts).
    fn parts(&mut self, entry: &VCardEntry) -> Result<Vec<String>, String> {
        entry
            .values
            .iter()
            .map(|value| self.text_of(value))
            .collect()
    }

    fn joined(&mut self, entry: &VCardEntry) -> Result<String, String> {
        Ok(self.parts(entry)?.join(" ").trim().to_string())
    }

    fn text_of(&mut self, value: &VCardValue) -> Result<String, String> {
        Ok(match value {
            VCardValue::Text(text) => text.clone(),
            VCardValue::Component(parts) => parts.join(" "),
            VCardValue::Integer(number) => number.to_string(),
            VCardValue::Float(number) => number.to_string(),
            VCardValue::PartialDateTime(date) => date_text(date),
            // calcard keeps decoded bytes that are not text in the CHARSET named
            // (for UTF-8, Latin-1 bytes) as binary: read them as what they are.
            VCardValue::Binary(data) => self.recover(&data.data)?,
            _ => String::new(),
        })
    }

    fn recover(&mut self, bytes: &[u8]) -> Result<String, String> {
        if is_broken_utf8(bytes) {
            self.left_out_broken = true;
            return Ok(String::new());
        }
        let encoding = LegacyGuess::of(bytes);
        match decode_exactly(bytes, encoding) {
            Some(text) => {
                self.recovered_as = Some(encoding);
                Ok(text.into_owned())
            }
            None => Err(format!(
                "Some of this card's text is marked as UTF-8, but its bytes are neither UTF-8 \
                 nor {}; it was not imported, so that no garbled letters are saved.",
                encoding.name()
            )),
        }
    }

    /// BDAY is read from the card's own line: calcard 0.3 reads `--04-16` as April
    /// with no day.
    fn read_birthday(&mut self, text: &str) {
        let values = text.lines().filter_map(|line| {
            let (name, _, value) = split_property(line.as_bytes())?;
            name.eq_ignore_ascii_case(b"BDAY")
                .then(|| String::from_utf8_lossy(value).trim().to_string())
        });
        let mut unreadable = None;
        for value in values {
            match birthday::read(&value, DateOrder::MonthFirst) {
                Reading::Birthday(found) | Reading::Guessed(found) => {
                    self.birthday = Some(found);
                    return;
                }
                Reading::NotADate => {
                    unreadable.get_or_insert(value);
                }
                Reading::Empty => {}
            }
        }
        if let Some(value) = unreadable {
            self.detail("Birthday", &value);
            self.warnings.push(format!(
                "The birthday \"{value}\" is not a date Tend can read; it was kept in the note."
            ));
        }
    }

    fn finish(mut self) -> Result<ImportedContact, String> {
        if self.left_out_broken {
            self.warnings.push(
                "Some of this card's text is UTF-8 with bytes broken; that value was left out."
                    .to_string(),
            );
        }
        if let Some(encoding) = self.recovered_as {
            self.warnings.push(format!(
                "This card says its text is UTF-8, but some of it is not; it was read as {}. \
                 Check its accented letters.",
                encoding.name()
            ));
        }
        let mut given = match self.formatted.take() {
            Some(formatted) => formatted,
            None => joined_name(self.name_parts.iter().flatten().map(String::as_str)),
        };
        // A card with only a nickname is named by it; else the nickname is a detail.
        if given.is_empty() && self.org.is_none() && !self.nicknames.is_empty() {
            given = self.nicknames.remove(0);
        }
        let nicknames = self
            .nicknames
            .iter()
            .map(|nickname| format!("Nickname: {nickname}"));
        self.details.splice(0..0, nicknames.collect::<Vec<_>>());
        let name = name_or_fallback(
            &given,
            self.org.as_deref(),
            &self.emails,
            &self.phones,
            &mut self.warnings,
            "card",
        )?;
        let note = note(&self.notes, &self.details);
        Ok(ImportedContact {
            name,
            phones: self.phones,
            emails: self.emails,
            birthday: self.birthday,
            anniversary: self.anniversary,
            org: self.org,
            note,
            tags: self.tags,
            uid: self.uid,
            place: String::new(),
            warnings: self.warnings,
        })
    }
}

/// Keeps the first non-empty value.
fn first_of(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

fn strip_scheme<'a>(value: &'a str, scheme: &str) -> &'a str {
    match value.get(..scheme.len()) {
        Some(head) if head.eq_ignore_ascii_case(scheme) => &value[scheme.len()..],
        _ => value,
    }
}

/// vCard 4's ANNIVERSARY, and the X- properties other address books write it as.
fn is_anniversary(name: &VCardProperty) -> bool {
    match name {
        VCardProperty::Anniversary => true,
        VCardProperty::Other(name) => matches!(
            name.to_uppercase().as_str(),
            "X-ANNIVERSARY" | "X-MS-ANNIVERSARY" | "X-EVOLUTION-ANNIVERSARY"
        ),
        _ => false,
    }
}

/// A date property (ANNIVERSARY) as text: `2009-08-08`, `--02-03`.
fn date_text(date: &PartialDateTime) -> String {
    match (date.year, date.month, date.day) {
        (Some(year), Some(month), Some(day)) => format!("{year:04}-{month:02}-{day:02}"),
        (None, Some(month), Some(day)) => format!("--{month:02}-{day:02}"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{apple_label, contact_from_card};
    use crate::interchange::records::Birthday;

    fn card(lines: &str) -> Result<crate::interchange::ImportedContact, String> {
        contact_from_card(&format!("BEGIN:VCARD\n{lines}\nEND:VCARD\n"))
    }

    #[test]
    fn names_come_from_fn_then_n_then_org_then_email() {
        let name = |lines| card(lines).expect("a contact").name;
        assert_eq!(name("VERSION:3.0\nFN:Jane Doe\nN:Doe;Janet;;;"), "Jane Doe");
        assert_eq!(name("N:Doe;Jane;Q.;Dr.;"), "Jane Q. Doe");
        assert_eq!(name("N:Doe;;;;"), "Doe");
        assert_eq!(name("ORG:Acme Inc.;Sales"), "Acme Inc.");
        assert_eq!(name("EMAIL:jd@example.com"), "jd@example.com");
        assert_eq!(
            card("VERSION:3.0\nNOTE:hi").expect_err("nothing to import"),
            "This card has no name, organisation, phone or email, so there is nothing to import."
        );
    }

    #[test]
    fn birthdays_with_and_without_a_year() {
        let birthday = |line| card(&format!("FN:A\n{line}")).expect("a contact").birthday;
        assert_eq!(
            birthday("BDAY:--04-16"),
            Some(Birthday::NoYear { month: 4, day: 16 })
        );
        assert_eq!(
            birthday("BDAY:--0415"),
            Some(Birthday::NoYear { month: 4, day: 15 })
        );
        assert_eq!(
            birthday("BDAY;VALUE=date:19800322").map(Birthday::to_text),
            Some("1980-03-22".into())
        );
        let kept = card("FN:A\nBDAY;VALUE=text:circa 1800").expect("a contact");
        assert_eq!(
            (kept.birthday, kept.note.as_str()),
            (None, "Birthday: circa 1800")
        );
        assert_eq!(kept.warnings.len(), 1);
    }

    #[test]
    fn labels_name_note_lines_and_phones_lose_theirs() {
        let contact = card(
            "FN:A\nitem1.TEL:555\nitem1.X-ABLabel:_$!<Mobile>!$_\nitem2.X-ABRELATEDNAMES:Jenny\n\
             item2.X-ABLabel:_$!<Spouse>!$_\nITEM3.URL:http\\://x.example\nitem3.X-ABLABEL:_$!<HomePage>!$_\n\
             ORG:IBM;Accounting\nNOTE:Likes tea\nCATEGORIES:My Contacts,VIP\nUID:u-1",
        )
        .expect("a contact");
        assert_eq!(contact.phones, ["555"]);
        assert_eq!(contact.org.as_deref(), Some("IBM"));
        assert_eq!(
            contact.note,
            "Likes tea\n\nSpouse: Jenny\nHome page: http://x.example\nDepartment: Accounting"
        );
        assert_eq!(contact.tags, ["VIP"]);
        assert_eq!(contact.uid.as_deref(), Some("u-1"));
        assert_eq!(apple_label("_$!<AssistantPhone>!$_"), "Assistant phone");
        assert_eq!(apple_label("GRAND_CENTRAL"), "GRAND_CENTRAL");
    }

    #[test]
    fn quoted_printable_marked_utf8_but_latin1_is_recovered_with_a_warning() {
        let contact =
            card("VERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller")
                .expect("a contact");
        assert_eq!(contact.name, "Jürgen Müller");
        assert_eq!(
            contact.warnings,
            [
                "This card says its text is UTF-8, but some of it is not; it was read as \
              windows-1252. Check its accented letters."
            ]
        );
    }
}
