//! Referrals: who sent whom. Which contact a typed "via Sara" (or a batch's
//! host) means, what a referrer's page adds up (who she referred, how many
//! bought, what in all), a partner's balance (sent and received), and the
//! thank-you planned when someone referred buys.

use super::stage::Stage;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_NOTE_CHARS: usize = 500;

/// A contact named in passing: her id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    pub name: String,
}

/// Which contact a typed name means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    One(Person),
    NoOne,
    /// More than one contact answers to it: she picks on the contact's page.
    Several(usize),
}

impl Pick {
    /// What the preview says when the name did not pick one contact.
    pub fn problem(&self, typed: &str) -> Option<String> {
        match self {
            Pick::One(_) => None,
            Pick::NoOne => Some(format!(
                "No contact is called “{typed}”; the words stay in the note."
            )),
            Pick::Several(n) => Some(format!(
                "{n} contacts are called “{typed}”; the words stay in the note (set Referred by on the contact)."
            )),
        }
    }
}

/// The contact `typed` names among `known` (each contact whose name is, or
/// starts with, the typed words): a whole name matched outranks a first name;
/// two of the best kind is no pick.
pub fn pick(typed: &str, known: &[Person]) -> Pick {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Pick::NoOne;
    }
    let whole: Vec<&Person> = known
        .iter()
        .filter(|p| p.name.to_lowercase() == typed)
        .collect();
    let first: Vec<&Person> = known
        .iter()
        .filter(|p| {
            p.name
                .to_lowercase()
                .strip_prefix(&typed)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .collect();
    let best = if whole.is_empty() { first } else { whole };
    match best[..] {
        [] => Pick::NoOne,
        [one] => Pick::One(one.clone()),
        _ => Pick::Several(best.len()),
    }
}

/// The batch context "Met at: Sara's party" names Sara as the host: the
/// possessive that opens it ("Sara’s party", "Sara Jones's open house").
pub fn host_in(met_where: &str) -> Option<&str> {
    let text = met_where.trim();
    let at = text.find(['’', '\''])?;
    let (name, rest) = text.split_at(at);
    let after = rest.chars().skip(1).collect::<String>();
    (after.starts_with("s ") || after == "s")
        .then(|| name.trim())
        .filter(|name| !name.is_empty())
}

/// A contact she referred, as the referrer's page lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Referred {
    pub id: i64,
    pub name: String,
    pub stage: Stage,
    pub stage_label: &'static str,
    pub purchases: i64,
    pub spent_cents: i64,
}

/// What a referrer's page adds up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub referred: usize,
    pub bought: usize,
    pub spent_cents: i64,
}

pub fn tally(referred: &[Referred]) -> Tally {
    Tally {
        referred: referred.len(),
        bought: referred.iter().filter(|r| r.purchases > 0).count(),
        spent_cents: referred.iter().map(|r| r.spent_cents).sum(),
    }
}

/// "Thank Sara for referring Maria": first names, as she would say it.
pub fn thanks_promise(referrer: &str, referred: &str) -> String {
    let first = |name: &str| name.split_whitespace().next().unwrap_or(name).to_string();
    format!(
        "Thank {} for referring {}",
        first(referrer),
        first(referred)
    )
}

/// A customer she sent to a partner (the partner's "received").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerReferral {
    pub id: i64,
    pub partner_id: i64,
    pub contact: Option<Person>,
    pub note: String,
    pub referred_on: NaiveDate,
}

/// What "I sent her a customer" submits on a partner's page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PartnerReferralDraft {
    pub partner_id: i64,
    /// The customer sent, when she is in Tend.
    pub contact_id: Option<i64>,
    pub note: String,
}

impl PartnerReferralDraft {
    pub fn validate(&self) -> Result<PartnerReferralDraft> {
        let note = self.note.trim().to_string();
        if self.contact_id.is_none() && note.is_empty() {
            return Err(Error::invalid(
                "note",
                "Say whom you sent: pick the contact or write a note.",
            ));
        }
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::invalid(
                "note",
                format!("A note can be at most {MAX_NOTE_CHARS} characters."),
            ));
        }
        if self.contact_id == Some(self.partner_id) {
            return Err(Error::invalid(
                "contactId",
                "A partner cannot be sent to herself.",
            ));
        }
        Ok(PartnerReferralDraft {
            note,
            ..self.clone()
        })
    }
}

/// Who referred this contact: not herself.
pub fn check_referrer(contact_id: i64, referrer_id: Option<i64>) -> Result<()> {
    if referrer_id == Some(contact_id) {
        return Err(Error::invalid(
            "referredBy",
            "Someone cannot be referred by herself.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[&str]) -> Vec<Person> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| Person {
                id: i as i64 + 1,
                name: name.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_typed_name_picks_one_contact_or_says_why_not() {
        let known = people(&["Sara Jones", "Sarah Lee", "Maria Lopez"]);
        assert_eq!(
            pick("sara", &known),
            Pick::One(Person {
                id: 1,
                name: "Sara Jones".into()
            }),
            "a first name; Sarah is another name"
        );
        assert_eq!(pick("Maria Lopez", &known), Pick::One(known[2].clone()));
        assert_eq!(pick("Tom", &known), Pick::NoOne);
        let two = people(&["Sara Jones", "Sara Kim"]);
        assert_eq!(pick("Sara", &two), Pick::Several(2));
        assert_eq!(pick("Sara Kim", &two), Pick::One(two[1].clone()));
        let whole_wins = people(&["Sara", "Sara Kim"]);
        assert_eq!(pick("sara", &whole_wins), Pick::One(whole_wins[0].clone()));
        assert!(Pick::Several(2)
            .problem("Sara")
            .expect("a problem")
            .contains("2 contacts"));
        assert_eq!(pick("  ", &known), Pick::NoOne);
    }

    #[test]
    fn the_host_of_a_party_is_the_possessive_that_opens_it() {
        assert_eq!(host_in("Sara’s party"), Some("Sara"));
        assert_eq!(host_in("Sara Jones's open house"), Some("Sara Jones"));
        assert_eq!(host_in("  Ana's  "), Some("Ana"));
        assert_eq!(host_in("the Saturday market"), None);
        assert_eq!(host_in("O'Brien pub quiz"), None);
        assert_eq!(host_in("'s party"), None);
    }

    #[test]
    fn a_referrer_adds_up_who_bought_and_what_in_all() {
        let referred = |purchases, spent_cents| Referred {
            id: 1,
            name: String::new(),
            stage: Stage::Lead,
            stage_label: "Lead",
            purchases,
            spent_cents,
        };
        let sum = tally(&[referred(2, 4900), referred(0, 0), referred(1, 1800)]);
        assert_eq!(
            sum,
            Tally {
                referred: 3,
                bought: 2,
                spent_cents: 6700
            }
        );
        assert_eq!(
            thanks_promise("Sara Jones", "Maria Lopez"),
            "Thank Sara for referring Maria"
        );
    }

    #[test]
    fn referrals_must_make_sense() {
        assert!(check_referrer(3, Some(3)).is_err());
        assert!(check_referrer(3, Some(4)).is_ok());
        assert!(check_referrer(3, None).is_ok());
        let empty = PartnerReferralDraft {
            partner_id: 1,
            ..PartnerReferralDraft::default()
        };
        assert_eq!(empty.validate().expect_err("empty").field(), Some("note"));
        let herself = PartnerReferralDraft {
            partner_id: 1,
            contact_id: Some(1),
            ..PartnerReferralDraft::default()
        };
        assert_eq!(
            herself.validate().expect_err("self").field(),
            Some("contactId")
        );
    }
}
