//! Which CSV column is which: the fields a column can fill, a person's mapping
//! of column names to fields, and a stable key to remember it by.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a CSV column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The whole name ("Jane Doe").
    Name,
    FirstName,
    MiddleName,
    LastName,
    /// One or more phones (Google joins several with ` ::: `).
    Phone,
    /// One or more emails.
    Email,
    Birthday,
    /// Thunderbird keeps the birthday in three columns.
    BirthYear,
    BirthMonth,
    BirthDay,
    Org,
    Note,
    /// Tags, labels, categories, groups: split on ` ::: `, `;` and `,`.
    Tags,
    /// Kept in the note as "column name: value" (job title, website, address).
    Detail,
}

/// A person's answer to "which column is which", by column name. Columns not
/// named are left out. As JSON: `{"Vorname": "first_name", "Handy": "phone"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ColumnMapping {
    pub columns: BTreeMap<String, Field>,
}

impl ColumnMapping {
    /// The field for a column name: as written, else ignoring case and spaces.
    pub fn field_for(&self, header: &str) -> Option<Field> {
        let header = header.trim();
        self.columns.get(header).copied().or_else(|| {
            let wanted = comparable(header);
            self.columns
                .iter()
                .find(|(name, _)| comparable(name) == wanted)
                .map(|(_, field)| *field)
        })
    }
}

/// How one column is used when reading rows: its field, and the label its
/// value gets in the note when it is a detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColumnUse {
    pub field: Field,
    pub label: String,
}

/// A stable key for a header row, so the caller can remember a mapping for files
/// with the same columns: FNV-1a over the column names, ignoring case and spaces.
pub fn header_key(headers: &[String]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let joined = headers
        .iter()
        .map(|header| comparable(header))
        .collect::<Vec<_>>()
        .join("\u{1f}");
    let hash = joined.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("csv-{hash:016x}")
}

/// A column name as compared: lower case, spaces trimmed and collapsed.
pub(crate) fn comparable(header: &str) -> String {
    header
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A column name as the layout tables list it: comparable, with each run of
/// digits as `#` ("E-mail 2 - Value" → "e-mail # - value").
pub(crate) fn pattern(header: &str) -> String {
    let mut out = String::new();
    for c in comparable(header).chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{header_key, pattern, ColumnMapping, Field};

    #[test]
    fn a_mapping_finds_its_column_ignoring_case_and_spaces() {
        let mapping: ColumnMapping =
            serde_json::from_str(r#"{"Vorname": "first_name", "Handy Nr": "phone"}"#)
                .expect("a mapping");
        assert_eq!(mapping.field_for("Vorname"), Some(Field::FirstName));
        assert_eq!(mapping.field_for(" handy  nr "), Some(Field::Phone));
        assert_eq!(mapping.field_for("Nachname"), None);
    }

    #[test]
    fn the_header_key_is_stable_and_tells_header_rows_apart() {
        let headers = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let key = header_key(&headers(&["Name", "Phone"]));
        assert_eq!(key, header_key(&headers(&[" name", "PHONE "])));
        assert_ne!(key, header_key(&headers(&["Phone", "Name"])));
        // Pinned: a remembered mapping must survive a new version of Tend.
        assert_eq!(key, "csv-781b0f1d1c008f29");
    }

    #[test]
    fn numbered_columns_share_a_pattern() {
        assert_eq!(pattern("E-mail 12 - Value"), "e-mail # - value");
        assert_eq!(pattern("  Home   Phone 2"), "home phone #");
    }
}
