//! The shapes a file's contacts are read into: what every reader fills, and
//! what the import shows before anything is saved.

use serde::Serialize;

/// A birthday as address books keep it: with or without the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub enum Birthday {
    Date(chrono::NaiveDate),
    /// vCard's `--0415` / `--04-15`: the day is known, the year is not.
    NoYear {
        month: u32,
        day: u32,
    },
}

impl Birthday {
    /// "YYYY-MM-DD", or "--MM-DD" without a year (how Tend stores it).
    pub fn to_text(self) -> String {
        match self {
            Birthday::Date(date) => date.format("%Y-%m-%d").to_string(),
            Birthday::NoYear { month, day } => format!("--{month:02}-{day:02}"),
        }
    }

    /// Reads what `to_text` wrote.
    pub fn from_text(text: &str) -> Option<Birthday> {
        if let Some(rest) = text.strip_prefix("--") {
            let (month, day) = rest.split_once('-')?;
            let (month, day) = (month.parse().ok()?, day.parse().ok()?);
            // 2000 is a leap year, so 29 February is a valid day without a year.
            chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
            return Some(Birthday::NoYear { month, day });
        }
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .map(Birthday::Date)
    }
}

impl From<Birthday> for String {
    fn from(birthday: Birthday) -> String {
        birthday.to_text()
    }
}

/// One contact as a file holds it, before Tend decides whether it is new.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedContact {
    /// The formatted name; else built from the name parts; else the organisation;
    /// else the first email or phone (with a warning).
    pub name: String,
    /// As written in the file; Tend normalises them when it saves.
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub birthday: Option<Birthday>,
    /// vCard's ANNIVERSARY: a date she remembers each year.
    pub anniversary: Option<Birthday>,
    pub org: Option<String>,
    /// Notes, and whatever else was kept as text (addresses, titles, labels).
    pub note: String,
    /// Categories, labels, group memberships.
    pub tags: Vec<String>,
    /// The card's own UID, when it has one.
    pub uid: Option<String>,
    /// Where it is in the file, for messages: "card 3 (line 41)", "row 12".
    pub place: String,
    /// Something was read with doubt (a charset that did not fit, a photo
    /// skipped); the contact is kept and the warning shown.
    pub warnings: Vec<String>,
}

/// A card or row that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// "card 3 (line 41)", "row 12".
    #[serde(rename = "where")]
    pub place: String,
    pub what: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Vcard,
    Csv,
}

/// A whole file, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadFile {
    pub format: Format,
    /// The encoding the bytes were read as ("UTF-8", "UTF-16LE", "Shift_JIS");
    /// "UTF-8, windows-1252" when cards or rows differ.
    pub encoding: String,
    /// The CSV layout recognised ("Google Contacts", "Outlook (Deutsch)"), or
    /// "your column mapping"; None for vCard.
    pub layout: Option<String>,
    /// A CSV whose layout Tend does not know: its column names, so the person can
    /// say which is which (`read_csv_mapped`). Contacts stay empty until then.
    pub needs_mapping: Option<Vec<String>>,
    pub contacts: Vec<ImportedContact>,
    pub problems: Vec<Problem>,
}

#[cfg(test)]
mod tests {
    use super::Birthday;

    #[test]
    fn a_birthday_round_trips_with_or_without_its_year() {
        for text in ["1984-04-15", "--04-15", "--02-29"] {
            let birthday = Birthday::from_text(text).expect(text);
            assert_eq!(birthday.to_text(), text);
        }
        assert_eq!(Birthday::from_text("--13-01"), None);
        assert_eq!(Birthday::from_text("1984-02-30"), None);
        assert_eq!(Birthday::from_text("April"), None);
    }
}
