//! Why a customer left, in the six reasons of seed 003 and "don't know", with
//! how much of it was in her control; and what marking someone gone changes:
//! a customer becomes inactive, "felt I didn't care" and "don't know" offer the
//! Win back cadence, and one who died or moved leaves every list that would
//! nag about her, without being deleted.

use super::stage::Stage;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

pub const MAX_NOTE_CHARS: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Died,
    Moved,
    /// Stored and sent as 0001 named it.
    #[serde(rename = "other_relationships")]
    BuysFromFriend,
    Competitor,
    ProductOrPrice,
    Indifference,
    DontKnow,
}

impl Reason {
    pub const ALL: [Reason; 7] = [
        Reason::Died,
        Reason::Moved,
        Reason::BuysFromFriend,
        Reason::Competitor,
        Reason::ProductOrPrice,
        Reason::Indifference,
        Reason::DontKnow,
    ];

    /// The stored key (0001 named "buys from a friend" `other_relationships`).
    pub fn key(self) -> &'static str {
        match self {
            Reason::Died => "died",
            Reason::Moved => "moved",
            Reason::BuysFromFriend => "other_relationships",
            Reason::Competitor => "competitor",
            Reason::ProductOrPrice => "product_or_price",
            Reason::Indifference => "indifference",
            Reason::DontKnow => "dont_know",
        }
    }

    pub fn from_key(key: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|reason| reason.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Reason::Died => "Died",
            Reason::Moved => "Moved away",
            Reason::BuysFromFriend => "Buys from a friend",
            Reason::Competitor => "Sold by a competitor",
            Reason::ProductOrPrice => "Product or price",
            Reason::Indifference => "Felt I didn’t care",
            Reason::DontKnow => "Don’t know",
        }
    }

    /// How much of it was in the seller's control (seed 003).
    pub fn control(self) -> &'static str {
        match self {
            Reason::Died | Reason::Moved => "none",
            Reason::BuysFromFriend => "little",
            Reason::Competitor | Reason::ProductOrPrice => "some",
            Reason::Indifference => "total",
            Reason::DontKnow => "unknown",
        }
    }

    /// Nobody controls it: she leaves every list that would nag about her.
    pub fn beyond_anyones_control(self) -> bool {
        matches!(self, Reason::Died | Reason::Moved)
    }

    /// Perceived indifference, or not knowing why: a win-back is worth a try.
    pub fn offers_win_back(self) -> bool {
        matches!(self, Reason::Indifference | Reason::DontKnow)
    }
}

/// The reasons as the question offers them: key, label, how much was in her control.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReasonInfo {
    pub key: &'static str,
    pub label: &'static str,
    pub control: &'static str,
}

pub fn all_reasons() -> Vec<ReasonInfo> {
    Reason::ALL
        .into_iter()
        .map(|reason| ReasonInfo {
            key: reason.key(),
            label: reason.label(),
            control: reason.control(),
        })
        .collect()
}

/// What `Why did they leave?` submits.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DepartureDraft {
    pub contact_id: i64,
    pub reason: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDeparture {
    pub contact_id: i64,
    pub reason: Reason,
    pub note: String,
}

impl DepartureDraft {
    pub fn validate(&self) -> Result<ValidDeparture> {
        let reason = Reason::from_key(self.reason.trim())
            .ok_or_else(|| Error::invalid("reason", "Choose why they left (or “Don’t know”)."))?;
        let note = self.note.trim().to_string();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::invalid(
                "note",
                format!("A note can be at most {MAX_NOTE_CHARS} characters."),
            ));
        }
        Ok(ValidDeparture {
            contact_id: self.contact_id,
            reason,
            note,
        })
    }
}

/// What marking someone gone changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaving {
    /// A customer (new or not) becomes an inactive customer; other stages stay.
    pub new_stage: Option<Stage>,
    /// Died or moved: her cadences stop and her pending follow-ups are skipped.
    pub stop_everything: bool,
    pub offer_win_back: bool,
    /// Why her follow-ups were skipped and her cadences stopped.
    pub stop_reason: String,
}

pub fn leaving(reason: Reason, stage: Stage) -> Leaving {
    Leaving {
        new_stage: matches!(stage, Stage::Customer | Stage::NewCustomer)
            .then_some(Stage::InactiveCustomer),
        stop_everything: reason.beyond_anyones_control(),
        offer_win_back: reason.offers_win_back(),
        stop_reason: format!("Left: {}", reason.label().to_lowercase()),
    }
}

/// A departure as the contact shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Departure {
    pub id: i64,
    pub contact_id: i64,
    pub reason: Reason,
    pub label: &'static str,
    pub control: &'static str,
    pub noted_at: chrono::DateTime<chrono::Utc>,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_round_trips_and_the_six_of_the_seed_plus_dont_know_are_offered() {
        for reason in Reason::ALL {
            assert_eq!(Reason::from_key(reason.key()), Some(reason));
        }
        let labels: Vec<&str> = all_reasons().iter().map(|r| r.label).collect();
        assert_eq!(
            labels,
            [
                "Died",
                "Moved away",
                "Buys from a friend",
                "Sold by a competitor",
                "Product or price",
                "Felt I didn’t care",
                "Don’t know"
            ]
        );
        assert_eq!(Reason::Indifference.control(), "total");
        assert_eq!(Reason::Died.control(), "none");
        for reason in Reason::ALL {
            assert_eq!(
                serde_json::to_value(reason).expect("json"),
                reason.key(),
                "the window gets the stored key"
            );
        }
    }

    #[test]
    fn died_and_moved_stop_everything_indifference_and_dont_know_offer_win_back() {
        for reason in Reason::ALL {
            let gone = leaving(reason, Stage::Customer);
            assert_eq!(gone.new_stage, Some(Stage::InactiveCustomer));
            assert_eq!(
                gone.stop_everything,
                matches!(reason, Reason::Died | Reason::Moved),
                "{reason:?}"
            );
            assert_eq!(
                gone.offer_win_back,
                matches!(reason, Reason::Indifference | Reason::DontKnow),
                "{reason:?}"
            );
        }
        assert_eq!(
            leaving(Reason::Moved, Stage::Customer).stop_reason,
            "Left: moved away"
        );
        assert_eq!(leaving(Reason::Moved, Stage::Partner).new_stage, None);
        assert_eq!(
            leaving(Reason::Moved, Stage::NewCustomer).new_stage,
            Some(Stage::InactiveCustomer)
        );
    }

    #[test]
    fn a_reason_must_be_chosen() {
        let draft = DepartureDraft {
            contact_id: 1,
            ..DepartureDraft::default()
        };
        assert_eq!(draft.validate().expect_err("none").field(), Some("reason"));
        let long = DepartureDraft {
            contact_id: 1,
            reason: "moved".into(),
            note: "x".repeat(2_001),
        };
        assert_eq!(long.validate().expect_err("long").field(), Some("note"));
    }
}
