//! Contacts: the draft a person submits, the rules it must meet, and the shapes the
//! app shows. Validation happens here, before anything touches the database.

use super::phone::{self, Phone, PhoneRules};
use super::stage::Stage;
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

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
    /// She saw that the region's rules do not know the number and keeps it as typed.
    pub keep_phone_as_typed: bool,
}

/// A draft that passed every rule; only this can be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidContact {
    pub name: String,
    /// What cleaning the name changed, to tell her ("Removed 1 invisible …").
    pub name_notice: Option<String>,
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
    pub fn validate(&self, phone_rules: impl Into<PhoneRules>) -> Result<ValidContact> {
        let name = validate_name(&self.name)?;
        let name_notice = name.notice();
        let name = name.text;
        let phone = match self.phone.trim() {
            "" => None,
            text => Some(phone::parse_or_keep(
                text,
                phone_rules,
                self.keep_phone_as_typed,
            )?),
        };
        let email = validate_email(&self.email)?;
        let stage = match self.stage.trim() {
            "" => Stage::Lead,
            key => Stage::from_key(key).ok_or_else(|| {
                Error::invalid(
                    "stage",
                    format!("{key} is not a stage Tend knows.", key = quoted(key)),
                )
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
            name_notice,
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

/// A name that passed the rules, and how many invisible characters were taken
/// out of it on the way (so the window can say so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub invisible_removed: usize,
}

impl Name {
    /// "Removed 2 invisible characters from the name", when any were.
    pub fn notice(&self) -> Option<String> {
        match self.invisible_removed {
            0 => None,
            1 => Some("Removed 1 invisible character from the name.".to_string()),
            n => Some(format!("Removed {n} invisible characters from the name.")),
        }
    }
}

/// The one place a name is checked and cleaned (the form, Quick add and import
/// all come here). Invisible characters that can make one name look like
/// another are removed (see [`strip_invisible`]), the rest is normalised to
/// NFC so "é" typed two ways is one name, and runs of whitespace collapse.
pub fn validate_name(raw: &str) -> Result<Name> {
    let (visible, invisible_removed) = strip_invisible(raw);
    let normalised: String = visible.nfc().collect();
    // Collapse runs of whitespace so "Jane   Doe" and "Jane Doe" are one person.
    let name = normalised.split_whitespace().collect::<Vec<_>>().join(" ");
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
    Ok(Name {
        text: name,
        invisible_removed,
    })
}

/// Characters that are never needed in a name and only change how it reads:
/// the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
/// the direction marks (U+200E, U+200F, U+061C), the zero-width space, word
/// joiner and byte-order mark (U+200B, U+2060, U+FEFF), and the invisible
/// operators (U+2061–U+2064).
fn always_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
    )
}

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Letters of the scripts whose spelling uses the joiners (ZWNJ and ZWJ):
/// Arabic and Persian, Syriac, N'Ko, the Indic scripts from Devanagari to
/// Sinhala, Tibetan, Myanmar, Khmer and Mongolian.
fn joining_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0700}'..='\u{074F}'
            | '\u{0750}'..='\u{077F}'
            | '\u{07C0}'..='\u{07FF}'
            | '\u{0860}'..='\u{08FF}'
            | '\u{0900}'..='\u{0DFF}'
            | '\u{0F00}'..='\u{0FFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1780}'..='\u{18AF}'
            | '\u{A8E0}'..='\u{A8FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFE}'
    ) && !always_invisible(c)
}

/// What an emoji ZWJ sequence joins: pictographs, skin tones, the emoji
/// variation selector and the symbols (♀, ♂, ⚕, ❤) of the sequences.
fn emoji_part(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{FE0F}'
    )
}

/// Removes what [`always_invisible`] names, and a joiner (ZWNJ U+200C, ZWJ
/// U+200D) unless a script needs it there. The rule: a joiner stays only
/// between two characters of a script that uses joiners (Arabic, Persian,
/// Indic, …), or, for ZWJ, between two parts of an emoji sequence (👨‍👩‍👧).
/// Anywhere else (in a Latin name, at either end, next to a space or another
/// joiner) it changes nothing a person would want and can hide a difference,
/// so it goes. Returns the text and how many characters were removed.
pub fn strip_invisible(raw: &str) -> (String, usize) {
    let kept: Vec<char> = raw.chars().filter(|&c| !always_invisible(c)).collect();
    let mut removed = raw.chars().count() - kept.len();
    let mut out = String::with_capacity(raw.len());
    for (i, &c) in kept.iter().enumerate() {
        if c == ZWNJ || c == ZWJ {
            let before = i.checked_sub(1).and_then(|j| kept.get(j)).copied();
            let after = kept.get(i + 1).copied();
            let needed = match (before, after) {
                (Some(b), Some(a)) => {
                    (joining_script(b) && joining_script(a))
                        || (c == ZWJ && emoji_part(b) && emoji_part(a))
                }
                _ => false,
            };
            if !needed {
                removed += 1;
                continue;
            }
        }
        out.push(c);
    }
    (out, removed)
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
                "{email} isn't a valid email address (it should look like name@example.com).",
                email = quoted(email)
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
        // A tag is shown like a name, so it is cleaned like one (silently: it is a label).
        let (visible, _) = strip_invisible(tag);
        let visible: String = visible.nfc().collect();
        let tag = visible.trim().trim_start_matches('#').trim().to_lowercase();
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
    /// Where and when she met them ("Sara's party", "2026-11-21"), as a batch of
    /// Quick add set it.
    pub met_where: Option<String>,
    pub met_on: Option<String>,
    /// Every phone, first one first: as typed, and E.164 when it is a valid number.
    pub phones: Vec<ContactPhone>,
    /// Every email, first one first.
    pub emails: Vec<String>,
    /// Why she left, while she stays gone (`Why did they leave?`).
    pub left_reason: Option<super::departure::Reason>,
    /// `Referred by`: who sent her.
    pub referred_by: Option<super::referral::Person>,
    /// `What matters to them now`, with the day it was noted.
    pub matters_now: Option<MattersNow>,
    /// Set only in what a save returns, when the name was cleaned on the way
    /// ("Removed 2 invisible characters from the name."); never stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

/// How to reach someone from a row (Today, a notification): their first phone,
/// as typed and in E.164 when it is a valid number, and their first email.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reach {
    pub phone: Option<String>,
    pub phone_e164: Option<String>,
    pub email: Option<String>,
}

impl Reach {
    /// From the stored first phone (as typed, and its normalized form) and email.
    pub fn stored(
        phone: Option<String>,
        normalized: Option<String>,
        email: Option<String>,
    ) -> Reach {
        Reach {
            phone_e164: normalized.filter(|n| super::phone::e164_of(n).is_some()),
            phone,
            email,
        }
    }
}

/// One of a contact's phones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactPhone {
    pub display: String,
    pub e164: Option<String>,
}

/// What matters to them now (a holiday, a gift to buy, a life change), with the
/// day it was noted, so a stale one shows its age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MattersNow {
    pub text: String,
    pub noted_on: Option<chrono::NaiveDate>,
}

impl MattersNow {
    /// From the contact's two columns; nothing noted is `None`.
    pub fn from_columns(text: String, noted_on: Option<chrono::NaiveDate>) -> Option<MattersNow> {
        (!text.is_empty()).then_some(MattersNow { text, noted_on })
    }
}

pub const MAX_MATTERS_NOW_CHARS: usize = 500;

/// `Birthday` and `What matters to them now`, as the contact's page saves them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AboutDraft {
    /// "14 Mar", "14 Mar 1984", ""; see `events::parse_birthday`.
    pub birthday: String,
    pub matters_now: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidAbout {
    pub birthday: Option<super::events::Dated>,
    pub matters_now: String,
}

impl AboutDraft {
    pub fn validate(&self, today: chrono::NaiveDate) -> Result<ValidAbout> {
        let matters_now = self
            .matters_now
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if matters_now.chars().count() > MAX_MATTERS_NOW_CHARS {
            return Err(Error::invalid(
                "mattersNow",
                format!("Keep it under {MAX_MATTERS_NOW_CHARS} characters; the rest belongs in the notes."),
            ));
        }
        Ok(ValidAbout {
            birthday: super::events::parse_birthday(&self.birthday, today)?,
            matters_now,
        })
    }
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

    fn us() -> phone::Region {
        phone::parse_region("US").expect("US")
    }

    fn draft(name: &str) -> ContactDraft {
        ContactDraft {
            name: name.into(),
            ..ContactDraft::default()
        }
    }

    #[test]
    fn what_matters_now_is_tidied_and_a_birthday_read() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).expect("date");
        let about = AboutDraft {
            birthday: "14 Mar".into(),
            matters_now: "  daughter's   wedding in June ".into(),
        }
        .validate(today)
        .expect("valid");
        assert_eq!(about.matters_now, "daughter's wedding in June");
        assert_eq!(about.birthday.map(|b| b.to_text()), Some("--03-14".into()));
        let long = AboutDraft {
            matters_now: "x".repeat(501),
            ..AboutDraft::default()
        };
        assert_eq!(
            long.validate(today).expect_err("long").field(),
            Some("mattersNow")
        );
        assert_eq!(MattersNow::from_columns(String::new(), None), None);
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

    fn name(raw: &str) -> Name {
        validate_name(raw).expect("a name")
    }

    #[test]
    fn a_right_to_left_override_is_removed_and_counted() {
        // "Jane \u{202E}eoD" shows as "Jane Doe" reversed in part: an impersonation.
        let cleaned = name("Jane \u{202E}eoD\u{202C}");
        assert_eq!(cleaned.text, "Jane eoD");
        assert_eq!(cleaned.invisible_removed, 2);
        assert_eq!(
            cleaned.notice().as_deref(),
            Some("Removed 2 invisible characters from the name.")
        );
    }

    #[test]
    fn every_bidi_control_and_zero_width_character_goes() {
        let attacks = [
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
            "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{200B}", "\u{2060}",
            "\u{FEFF}",
        ];
        for invisible in attacks {
            let cleaned = name(&format!("{invisible}Ja{invisible}ne Doe{invisible}"));
            assert_eq!(cleaned.text, "Jane Doe", "{:?}", invisible);
            assert_eq!(cleaned.invisible_removed, 3, "{:?}", invisible);
        }
        assert_eq!(
            name("Jane\u{200B} Doe").notice().as_deref(),
            Some("Removed 1 invisible character from the name.")
        );
    }

    #[test]
    fn joiners_go_where_no_script_needs_them() {
        for raw in [
            "Ja\u{200D}ne Doe",
            "Ja\u{200C}ne Doe",
            "\u{200D}Jane Doe",
            "Jane Doe\u{200C}",
            "Jane \u{200D}Doe",
            // Arabic letters, but the joiner stands at the end.
            "\u{0645}\u{062D}\u{0645}\u{062F}\u{200C}",
        ] {
            let cleaned = name(raw);
            assert_eq!(cleaned.invisible_removed, 1, "{raw:?}");
            assert!(!cleaned.text.contains(['\u{200C}', '\u{200D}']), "{raw:?}");
        }
        // Two joiners in a row between Latin letters: both go.
        assert_eq!(name("Ja\u{200D}\u{200D}ne").text, "Jane");
    }

    #[test]
    fn a_name_of_only_invisible_characters_is_no_name() {
        let err = validate_name("\u{202E}\u{200B}\u{FEFF}").expect_err("refused");
        assert_eq!(err.field(), Some("name"));
    }

    #[test]
    fn names_are_normalised_to_nfc() {
        // "é" as e + combining acute, and after a zero-width space split the two.
        assert_eq!(name("Jose\u{0301}").text, "Jos\u{00E9}");
        assert_eq!(name("Jose\u{200B}\u{0301}").text, "Jos\u{00E9}");
        assert_eq!(name("Jose\u{0301}").invisible_removed, 0);
        assert_eq!(name("Jose\u{0301}").notice(), None);
    }

    #[test]
    fn scripts_that_need_joiners_keep_them() {
        for raw in [
            "\u{0645}\u{062D}\u{0645}\u{062F} \u{0639}\u{0644}\u{064A}", // Arabic
            "\u{05D3}\u{05D5}\u{05D3} \u{05DC}\u{05D5}\u{05D9}",         // Hebrew
            "\u{0639}\u{0644}\u{06CC}\u{200C}\u{0631}\u{0636}\u{0627}",  // Persian, ZWNJ
            "\u{0915}\u{094D}\u{200D}\u{0937}\u{093E}",                  // Devanagari, ZWJ
            "\u{0C32}\u{0C15}\u{0C4D}\u{200C}\u{0C37}\u{0C4D}\u{0C2E}\u{0C3F}", // Telugu, ZWNJ
            "Sam \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",           // emoji family
            "Alex \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",                   // rainbow flag
            "Kim \u{1F469}\u{1F3FD}\u{200D}\u{2695}\u{FE0F}",            // health worker
        ] {
            let cleaned = name(raw);
            assert_eq!(cleaned.text, raw, "{raw:?}");
            assert_eq!(cleaned.invisible_removed, 0, "{raw:?}");
        }
    }

    #[test]
    fn a_draft_carries_the_notice_and_a_clean_name_none() {
        let valid = draft("Ja\u{200B}ne").validate(us()).expect("valid");
        assert_eq!(valid.name, "Jane");
        assert_eq!(
            valid.name_notice.as_deref(),
            Some("Removed 1 invisible character from the name.")
        );
        assert_eq!(
            draft("Jane").validate(us()).expect("valid").name_notice,
            None
        );
    }

    #[test]
    fn tags_are_cleaned_like_names() {
        let tags = validate_tags(&[
            "v\u{200B}ip".to_string(),
            "\u{202E}vip".to_string(),
            "cafe\u{0301}".to_string(),
        ])
        .expect("valid");
        assert_eq!(tags, ["vip", "caf\u{00E9}"]);
    }

    /// Names built from letters of several scripts, emoji, accents, spaces and
    /// every invisible character the rule knows.
    fn mixed_name() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "a",
            "J",
            " ",
            "e\u{0301}",
            "\u{00E9}",
            "\u{0645}",
            "\u{06CC}",
            "\u{05D3}",
            "\u{0915}",
            "\u{094D}",
            "\u{0937}",
            "\u{1F468}",
            "\u{1F469}",
            "\u{FE0F}",
            "\u{2695}",
            "\u{200C}",
            "\u{200D}",
            "\u{200B}",
            "\u{202E}",
            "\u{2066}",
            "\u{200F}",
            "\u{061C}",
            "\u{FEFF}",
            "\u{2060}",
        ]);
        prop::collection::vec(piece, 1..24).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #[test]
        fn a_cleaned_name_has_no_bidi_control_and_cleaning_it_again_changes_nothing(raw in mixed_name()) {
            if let Ok(cleaned) = validate_name(&raw) {
                proptest::prop_assert!(!cleaned.text.chars().any(always_invisible));
                let again = validate_name(&cleaned.text).expect("still a name");
                proptest::prop_assert_eq!(&again.text, &cleaned.text);
                proptest::prop_assert_eq!(again.invisible_removed, 0);
            }
        }
    }
}
