//! Decisions: where a contact stands. A "no" is a no for today; "not now" comes
//! back later; a long "thinking it over" gets flagged so the seller asks.

use crate::error::{Error, Result};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// "Thinking it over" longer than this is a maybe to decide (a fast no beats a
/// long maybe).
pub const MAYBE_AFTER_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Interested,
    Thinking,
    NotNow,
    No,
    Bought,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 5] = [
        DecisionKind::Interested,
        DecisionKind::Thinking,
        DecisionKind::NotNow,
        DecisionKind::No,
        DecisionKind::Bought,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::Interested => "interested",
            DecisionKind::Thinking => "thinking",
            DecisionKind::NotNow => "not_now",
            DecisionKind::No => "no",
            DecisionKind::Bought => "bought",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Interested => "Interested",
            DecisionKind::Thinking => "Thinking it over",
            DecisionKind::NotNow => "Not now",
            DecisionKind::No => "No — for today",
            DecisionKind::Bought => "Bought",
        }
    }

    pub fn from_key(key: &str) -> Option<DecisionKind> {
        DecisionKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// When to ask again, if this decision comes back at all: most buyers need
    /// 3+ months, and a "no" is only a no for today.
    pub fn default_revisit(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DecisionKind::NotNow => today.checked_add_months(Months::new(3)),
            DecisionKind::No => today.checked_add_months(Months::new(6)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DecisionDraft {
    pub contact_id: i64,
    pub kind: String,
    pub note: String,
    /// "YYYY-MM-DD"; empty means the default for the kind.
    pub revisit_on: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub contact_id: i64,
    pub kind: DecisionKind,
    pub note: String,
    pub revisit_on: Option<NaiveDate>,
}

impl DecisionDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidDecision> {
        let kind = DecisionKind::from_key(self.kind.trim())
            .ok_or_else(|| Error::invalid("kind", "Please choose a decision."))?;
        let note = self.note.trim().to_string();
        if note.chars().count() > 2_000 {
            return Err(Error::invalid(
                "note",
                "A decision note can be at most 2000 characters.",
            ));
        }
        let revisit_on = match self.revisit_on.trim() {
            "" => kind.default_revisit(today),
            text => {
                let date = super::followup::parse_date(text)
                    .map_err(|_| Error::invalid("revisitOn", format!("“{text}” is not a date.")))?;
                if date <= today {
                    return Err(Error::invalid(
                        "revisitOn",
                        "Pick a date after today to ask again.",
                    ));
                }
                Some(date)
            }
        };
        Ok(ValidDecision {
            contact_id: self.contact_id,
            kind,
            note,
            revisit_on,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub id: i64,
    pub contact_id: i64,
    pub kind: DecisionKind,
    pub label: &'static str,
    pub decided_at: chrono::DateTime<chrono::Utc>,
    pub revisit_on: Option<NaiveDate>,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn not_now_and_no_come_back_later() {
        let today = day("2026-11-30");
        assert_eq!(
            DecisionKind::NotNow.default_revisit(today),
            Some(day("2027-02-28")),
            "month end clamps"
        );
        assert_eq!(
            DecisionKind::No.default_revisit(today),
            Some(day("2027-05-30"))
        );
        assert_eq!(DecisionKind::Bought.default_revisit(today), None);
    }

    #[test]
    fn a_revisit_date_must_be_ahead() {
        let draft = DecisionDraft {
            contact_id: 1,
            kind: "not_now".into(),
            revisit_on: "2026-11-30".into(),
            ..Default::default()
        };
        assert_eq!(
            draft
                .validate(day("2026-11-30"))
                .expect_err("today")
                .field(),
            Some("revisitOn")
        );
        let unknown = DecisionDraft {
            kind: "maybe".into(),
            ..Default::default()
        };
        assert_eq!(
            unknown
                .validate(day("2026-11-30"))
                .expect_err("unknown")
                .field(),
            Some("kind")
        );
    }
}
