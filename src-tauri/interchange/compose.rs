//! What every reader does the same way when it puts a contact together: lists
//! without repeats, the note from notes and details, a name when there is none.

use super::records::ImportedContact;

/// Adds a trimmed value unless it is empty or already there.
pub(crate) fn push_new(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|known| known == value) {
        list.push(value.to_string());
    }
}

/// The notes, then (after a blank line) the details, one "Label: value" a line.
pub(crate) fn note(notes: &[String], details: &[String]) -> String {
    [notes.join("\n"), details.join("\n")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The name parts that are there, in order, joined by spaces.
pub(crate) fn joined_name<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The contact's name: the one given; else its organisation; else its first
/// email or phone, with a warning; else the reason there is nothing to import.
pub(crate) fn name_or_fallback(
    name: &str,
    org: Option<&str>,
    emails: &[String],
    phones: &[String],
    warnings: &mut Vec<String>,
    what: &str,
) -> Result<String, String> {
    if !name.trim().is_empty() {
        return Ok(name.trim().to_string());
    }
    if let Some(org) = org.filter(|org| !org.trim().is_empty()) {
        return Ok(org.trim().to_string());
    }
    match emails.first().or(phones.first()) {
        Some(first) => {
            warnings.push(format!(
                "This {what} has no name; it is named after its email or phone."
            ));
            Ok(first.clone())
        }
        None => Err(format!(
            "This {what} has no name, organisation, phone or email, so there is nothing to import."
        )),
    }
}

/// Whether U+FFFD, the mark of a letter lost in decoding, is in any field.
pub(crate) fn has_replacement_character(contact: &ImportedContact) -> bool {
    let has = |text: &str| text.contains('\u{fffd}');
    has(&contact.name)
        || has(&contact.note)
        || contact.org.as_deref().is_some_and(has)
        || contact
            .phones
            .iter()
            .chain(&contact.emails)
            .chain(&contact.tags)
            .any(|text| has(text))
}

#[cfg(test)]
mod tests {
    use super::{joined_name, name_or_fallback, note, push_new};

    #[test]
    fn the_name_falls_back_to_the_org_then_an_email_or_phone() {
        let mut warnings = Vec::new();
        let phones = vec!["555".to_string()];
        assert_eq!(
            name_or_fallback(" Ana ", Some("Acme"), &[], &[], &mut warnings, "row"),
            Ok("Ana".into())
        );
        assert_eq!(
            name_or_fallback("", Some("Acme"), &[], &[], &mut warnings, "row"),
            Ok("Acme".into())
        );
        assert!(warnings.is_empty());
        assert_eq!(
            name_or_fallback("", None, &[], &phones, &mut warnings, "row"),
            Ok("555".into())
        );
        assert_eq!(
            warnings,
            ["This row has no name; it is named after its email or phone."]
        );
        assert!(name_or_fallback("", None, &[], &[], &mut warnings, "card").is_err());
        assert_eq!(joined_name(["Jane", " ", "Doe "]), "Jane Doe");
    }

    #[test]
    fn notes_come_before_details_and_lists_keep_no_repeats() {
        assert_eq!(note(&["a".into()], &["Title: b".into()]), "a\n\nTitle: b");
        assert_eq!(note(&[], &["Title: b".into()]), "Title: b");
        let mut list = Vec::new();
        for value in ["x", " x ", "", "y"] {
            push_new(&mut list, value);
        }
        assert_eq!(list, ["x", "y"]);
    }
}
