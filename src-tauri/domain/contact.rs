//! Contacts: the draft a person submits, the rules it must meet, and the shapes the
//! app shows. Validation happens here, before anything touches the database.

use super::phone::{self, Phone};
use super::stage::Stage;
use crate::error::{Error, Result};
use phonenumber::country::Id as Region;
use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 20_000;
pub const MAX_TAG_CHARS: usize = 40;
pub const MAX_TAGS: usize = 30;
const MAX_EMAIL_CHARS: usize = 254;

/// What the contact form (or an import) submits. Empty strings mean "none".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactDraft {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub stage: String,
    pub notes: String,
    pub tags: Vec<String>,
    /// Overrides the stage's keep-in-touch window for this contact.
    pub keep_in_touch_days: Option<i64>,
}

/// A draft that passed every rule; only this can be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidContact {
    pub name: String,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub stage: Stage,
    pub notes: String,
    pub tags: Vec<String>,
    pub keep_in_touch_days: Option<i64>,
}

impl ContactDraft {
    /// Checks every field, first problem first in form order, so the message
    /// appears next to the field the person would fix first.
    pub fn validate(&self, phone_region: Region) -> Result<ValidContact> {
        let name = validate_name(&self.name)?;
        let phone = match self.phone.trim() {
            "" => None,
            text => Some(phone::parse(text, phone_region)?),
        };
        let email = validate_email(&self.email)?;
        let stage = match self.stage.trim() {
            "" => Stage::Lead,
            key => Stage::from_key(key).ok_or_else(|| {
                Error::invalid("stage", format!("“{key}” is not a stage Tend knows."))
            })?,
        };
        let notes = self.notes.trim().to_string();
        if notes.chars().count() > MAX_NOTES_CHARS {
            return Err(Error::invalid(
                "notes",
                format!("Notes can be at most {MAX_NOTES_CHARS} characters."),
            ));
        }
        let tags = validate_tags(&self.tags)?;
        let keep_in_touch_days = match self.keep_in_touch_days {
            None => None,
            Some(days) => Some(validate_window(days, "keepInTouchDays")?),
        };
        Ok(ValidContact {
            name,
            phone,
            email,
            stage,
            notes,
            tags,
            keep_in_touch_days,
        })
    }
}

/// A keep-in-touch window: a day to ten years.
pub fn validate_window(days: i64, field: &'static str) -> Result<i64> {
    if !(1..=3650).contains(&days) {
        return Err(Error::invalid(field, "Keep in touch every 1 to 3650 days."));
    }
    Ok(days)
}

pub fn validate_name(raw: &str) -> Result<String> {
    // Collapse runs of whitespace so "Jane   Doe" and "Jane Doe" are one person.
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::invalid("name", "Please enter a name."));
    }
    let length = name.chars().count();
    if length > MAX_NAME_CHARS {
        return Err(Error::invalid(
            "name",
            format!(
                "That name is {length} characters long; a name can be at most {MAX_NAME_CHARS}."
            ),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            "A name cannot contain control characters.",
        ));
    }
    Ok(name)
}

/// An email address, or `None` for an empty field.
pub fn validate_email(raw: &str) -> Result<Option<String>> {
    let email = raw.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let invalid = || {
        Error::invalid(
            "email",
            format!(
                "“{email}” isn't a valid email address (it should look like name@example.com)."
            ),
        )
    };
    if email.len() > MAX_EMAIL_CHARS || !email_address::EmailAddress::is_valid(email) {
        return Err(invalid());
    }
    // RFC 5322 allows "jane@localhost"; a seller's customer never has one, and a
    // missing ".com" is the usual typo.
    let domain = email
        .rsplit_once('@')
        .map(|(_, domain)| domain)
        .unwrap_or("");
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err(invalid());
    }
    Ok(Some(email.to_string()))
}

/// Tags without `#`, lowercased, each once.
pub fn validate_tags(raw: &[String]) -> Result<Vec<String>> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw {
        let tag = tag.trim().trim_start_matches('#').trim().to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err(Error::invalid(
                "tags",
                format!("A tag can be at most {MAX_TAG_CHARS} characters."),
            ));
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid(
            "tags",
            format!("A contact can have at most {MAX_TAGS} tags."),
        ));
    }
    Ok(tags)
}

/// A contact as the app shows it in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub stage: Stage,
    pub stage_label: &'static str,
    pub phone: Option<String>,
    pub phone_e164: Option<String>,
    pub email: Option<String>,
    pub notes: String,
    pub tags: Vec<String>,
    /// This contact's own window, if set; `window_days` is what applies.
    pub keep_in_touch_days: Option<i64>,
    pub window_days: i64,
    pub archived: bool,
    pub created_at: String,
    pub updated_at: String,
    /// Stable from one export to the next; an imported card keeps its own.
    pub uid: String,
    /// "YYYY-MM-DD", or "--MM-DD" when the year is not known.
    pub birthday: Option<String>,
    pub org: String,
}

/// One row of the contact list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactSummary {
    pub id: i64,
    pub name: String,
    pub stage: Stage,
    pub stage_label: &'static str,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub archived: bool,
}

/// One page of the list, with how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactPage {
    pub items: Vec<ContactSummary>,
    pub total: i64,
}

/// What the list asks for: an optional search, a window into the results.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactQuery {
    pub query: String,
    pub offset: u32,
    pub limit: u32,
    pub include_archived: bool,
}

impl ContactQuery {
    pub const MAX_LIMIT: u32 = 500;

    /// Never more than a screenful or two, whatever the caller asked.
    pub fn page_size(&self) -> u32 {
        match self.limit {
            0 => 50,
            n => n.min(Self::MAX_LIMIT),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> Region {
        phone::parse_region("US").expect("US")
    }

    fn draft(name: &str) -> ContactDraft {
        ContactDraft {
            name: name.into(),
            ..ContactDraft::default()
        }
    }

    #[test]
    fn a_plain_name_is_enough_and_defaults_to_lead() {
        let valid = draft("  Jane   Doe ").validate(us()).expect("valid");
        assert_eq!(valid.name, "Jane Doe");
        assert_eq!(valid.stage, Stage::Lead);
        assert_eq!(valid.phone, None);
        assert_eq!(valid.email, None);
    }

    #[test]
    fn empty_and_huge_names_are_refused_on_the_name_field() {
        for name in ["", "   ", &"x".repeat(10_000)] {
            let err = draft(name).validate(us()).expect_err("refused");
            assert_eq!(err.field(), Some("name"));
        }
        let at_limit = "é".repeat(MAX_NAME_CHARS);
        assert!(
            draft(&at_limit).validate(us()).is_ok(),
            "the limit counts characters, not bytes"
        );
    }

    #[test]
    fn emails_must_look_deliverable() {
        for bad in [
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "jane doe@example.com",
            "jane@.com",
        ] {
            let mut d = draft("Jane");
            d.email = bad.into();
            assert_eq!(
                d.validate(us()).expect_err(bad).field(),
                Some("email"),
                "{bad}"
            );
        }
        let mut d = draft("Jane");
        d.email = " jane.doe+oils@example.co.uk ".into();
        assert_eq!(
            d.validate(us()).expect("ok").email.as_deref(),
            Some("jane.doe+oils@example.co.uk")
        );
    }

    #[test]
    fn unknown_stage_is_refused() {
        let mut d = draft("Jane");
        d.stage = "vip".into();
        assert_eq!(
            d.validate(us()).expect_err("refused").field(),
            Some("stage")
        );
        d.stage = "partner".into();
        assert_eq!(d.validate(us()).expect("ok").stage, Stage::Partner);
    }

    #[test]
    fn tags_are_trimmed_lowercased_and_deduplicated() {
        let mut d = draft("Jane");
        d.tags = vec![
            "#Oils".into(),
            "oils".into(),
            " ".into(),
            "Party Sara".into(),
        ];
        assert_eq!(
            d.validate(us()).expect("ok").tags,
            vec!["oils", "party sara"]
        );
    }

    #[test]
    fn the_first_bad_field_in_form_order_is_reported() {
        let d = ContactDraft {
            name: String::new(),
            email: "nope".into(),
            ..ContactDraft::default()
        };
        assert_eq!(d.validate(us()).expect_err("refused").field(), Some("name"));
    }
}
