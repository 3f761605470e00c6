//! One CSV row → a contact: each value goes where its column says; Google's
//! ` ::: ` joins several values in a cell; Outlook's `0/0/00` is no birthday;
//! Thunderbird's birthday comes in three columns.

use super::birthday::{self, DateOrder, Reading};
use super::compose::{joined_name, name_or_fallback, note, push_new};
use super::csv_mapping::{ColumnUse, Field};
use super::records::{Birthday, ImportedContact};

/// How the file's numeric dates are read; `known` when a layout or the file's
/// own dates said so (else a date that reads both ways gets a warning).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dates {
    pub order: DateOrder,
    pub known: bool,
}

/// The row's contact, None when the columns read hold nothing (Outlook ends its
/// files with such rows), or why there is none.
pub(crate) fn contact_from_row(
    fields: &[String],
    uses: &[Option<ColumnUse>],
    dates: Dates,
    warnings: Vec<String>,
) -> Result<Option<ImportedContact>, String> {
    let mut row = RowReader {
        warnings,
        ..RowReader::default()
    };
    for (value, column) in fields.iter().zip(uses) {
        if let Some(column) = column {
            row.take(column, value);
        }
    }
    row.finish(dates)
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

    fn finish(mut self, dates: Dates) -> Result<Option<ImportedContact>, String> {
        let birthday = self.birthday(dates);
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
            anniversary: None,
            org: self.org,
            note: note(&self.notes, &self.details),
            tags: self.tags,
            uid: None,
            place: String::new(),
            warnings: self.warnings,
        }))
    }

    fn birthday(&mut self, dates: Dates) -> Option<Birthday> {
        if let [year, Some(month), Some(day)] = self.birthday_parts {
            let text = match year {
                Some(year) => format!("{year:04}-{month:02}-{day:02}"),
                None => format!("--{month:02}-{day:02}"),
            };
            return Birthday::from_text(&text);
        }
        let text = self.birthday.take()?;
        match birthday::read(&text, dates.order) {
            Reading::Birthday(birthday) => Some(birthday),
            Reading::Guessed(birthday) if dates.known => Some(birthday),
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
    use super::{contact_from_row, Dates};
    use crate::interchange::birthday::DateOrder;
    use crate::interchange::csv_mapping::{ColumnUse, Field};
    use crate::interchange::records::Birthday;

    fn read(
        cells: &[(&str, Field, &str)],
        known: bool,
    ) -> Option<crate::interchange::ImportedContact> {
        let fields: Vec<String> = cells
            .iter()
            .map(|(value, _, _)| value.to_string())
            .collect();
        let uses: Vec<Option<ColumnUse>> = cells
            .iter()
            .map(|(_, field, label)| {
                Some(ColumnUse {
                    field: *field,
                    label: label.to_string(),
                })
            })
            .collect();
        let dates = Dates {
            order: DateOrder::MonthFirst,
            known,
        };
        contact_from_row(&fields, &uses, dates, Vec::new()).expect("a row")
    }

    #[test]
    fn several_values_in_a_cell_and_google_groups() {
        let contact = read(
            &[
                ("Ana", Field::FirstName, ""),
                ("Lima", Field::LastName, ""),
                ("+1 555 ::: +1 556", Field::Phone, ""),
                ("a@x.example ::: b@x.example", Field::Email, ""),
                ("* myContacts ::: * starred ::: Kundin", Field::Tags, ""),
                ("Owner", Field::Detail, "Job title"),
            ],
            true,
        )
        .expect("a contact");
        assert_eq!(contact.name, "Ana Lima");
        assert_eq!(contact.phones, ["+1 555", "+1 556"]);
        assert_eq!(contact.emails, ["a@x.example", "b@x.example"]);
        assert_eq!(contact.tags, ["starred", "Kundin"]);
        assert_eq!(contact.note, "Job title: Owner");
    }

    #[test]
    fn birthdays_from_one_cell_or_three() {
        let one = read(
            &[("Ana", Field::Name, ""), ("4/5/1984", Field::Birthday, "")],
            false,
        )
        .expect("a contact");
        assert_eq!(one.birthday, Birthday::from_text("1984-04-05"));
        assert_eq!(
            one.warnings,
            ["The birthday 4/5/1984 could be read either way; it was read as 1984-04-05."]
        );
        let three = read(
            &[
                ("Ana", Field::Name, ""),
                ("", Field::BirthYear, ""),
                ("3", Field::BirthMonth, ""),
                ("1", Field::BirthDay, ""),
            ],
            true,
        )
        .expect("a contact");
        assert_eq!(three.birthday, Some(Birthday::NoYear { month: 3, day: 1 }));
    }

    #[test]
    fn blank_rows_are_nothing_and_rows_without_a_name_say_why() {
        assert_eq!(
            read(
                &[("", Field::Name, ""), ("0/0/00", Field::Birthday, "")],
                true
            ),
            None
        );
        let fields = vec!["a note".to_string()];
        let uses = vec![Some(ColumnUse {
            field: Field::Note,
            label: String::new(),
        })];
        let dates = Dates {
            order: DateOrder::MonthFirst,
            known: true,
        };
        assert_eq!(
            contact_from_row(&fields, &uses, dates, Vec::new()),
            Err("This row has no name, organisation, phone or email, so there is nothing to import.".to_string())
        );
    }
}
