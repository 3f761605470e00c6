//! Decisions: where a contact stands. A "no" is a no for today; "not now" comes
//! back later; a long "thinking it over" gets flagged so the seller asks.

use super::channel::Channel;
use super::followup::Followup;
use super::stage::Stage;
use crate::domain::text::quoted;
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
    /// Open follow-ups the decision answers that she unticked: they stay open.
    pub keep_open: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub contact_id: i64,
    pub kind: DecisionKind,
    pub note: String,
    pub revisit_on: Option<NaiveDate>,
    pub keep_open: Vec<i64>,
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
                let date = super::followup::parse_date(text).map_err(|_| {
                    Error::invalid(
                        "revisitOn",
                        format!("{text} is not a date.", text = quoted(text)),
                    )
                })?;
                if date <= today {
                    return Err(Error::invalid(
                        "revisitOn",
                        "Pick a date after today to ask again.",
                    ));
                }
                Some(super::dates::ahead(date, today, "revisitOn")?)
            }
        };
        Ok(ValidDecision {
            contact_id: self.contact_id,
            kind,
            note,
            revisit_on,
            keep_open: self.keep_open.clone(),
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

/// What recording a decision does beyond recording it. Which cadence runs it
/// stops is `cadence::stopped_by`.
#[derive(Debug, Clone, PartialEq)]
pub struct Consequences {
    /// A purchase is unambiguous: a lead becomes a new customer, and an inactive
    /// customer who buys again is a customer again.
    pub new_stage: Option<Stage>,
    /// A new customer gets New customer care, unless it is already running.
    pub start_new_customer_care: bool,
    /// "Not now" and "no": the promise that brings them back.
    pub revisit: Option<Revisit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Revisit {
    pub on: NaiveDate,
    pub promise: String,
    pub channel: Channel,
}

/// How a decision closes an open promise it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settle {
    /// Bought: the sale they were about happened.
    Done,
    /// Not now, no: the question is answered for now; the reason says how.
    Skip(String),
}

impl DecisionKind {
    /// Only a decision that ends the question answers the promises about it:
    /// "interested" and "thinking it over" leave them to be kept.
    pub fn settles(self) -> Option<Settle> {
        match self {
            DecisionKind::Bought => Some(Settle::Done),
            DecisionKind::NotNow | DecisionKind::No => {
                Some(Settle::Skip(format!("Decided “{}”", self.label())))
            }
            DecisionKind::Interested | DecisionKind::Thinking => None,
        }
    }
}

/// The contact's open follow-ups that a decision of `kind` answers: the ones
/// she promised herself (a quick-add line, Plan follow-up, an earlier "ask
/// again"). A cadence's steps are its own: a run the decision stops skips
/// them, one it does not stop (a partner's check-ins) carries on. A re-order
/// reminder waits for that product's purchase, not for another sale.
pub fn answers(kind: DecisionKind, open: &[Followup]) -> Vec<&Followup> {
    if kind.settles().is_none() {
        return Vec::new();
    }
    open.iter()
        .filter(|f| f.status.is_pending() && f.cadence_name.is_none() && f.reorder_of.is_none())
        .collect()
}

/// What recording `decision` does to the contact's `open` follow-ups: each one
/// it answers is closed, unless she unticked it (`keep_open`).
pub fn settlements(decision: &ValidDecision, open: &[Followup]) -> Vec<(i64, Settle)> {
    let Some(settle) = decision.kind.settles() else {
        return Vec::new();
    };
    answers(decision.kind, open)
        .into_iter()
        .filter(|f| !decision.keep_open.contains(&f.id))
        .map(|f| (f.id, settle.clone()))
        .collect()
}

/// Decides what follows from `decision`, for a contact at `stage` (with New
/// customer care running or not), decided on the local date `today`.
pub fn consequences(
    decision: &ValidDecision,
    stage: Stage,
    care_running: bool,
    today: NaiveDate,
) -> Consequences {
    let bought = decision.kind == DecisionKind::Bought;
    let new_stage = match (bought, stage) {
        (true, Stage::Lead) => Some(Stage::NewCustomer),
        (true, Stage::InactiveCustomer) => Some(Stage::Customer),
        _ => None,
    };
    let stage_after = new_stage.unwrap_or(stage);
    let said_on = today.format("%-d %b %Y");
    let revisit = decision.revisit_on.map(|on| Revisit {
        on,
        promise: match decision.kind {
            DecisionKind::No => format!("Ask again — said no on {said_on}"),
            _ => format!("Revisit — said not now on {said_on}"),
        },
        channel: Channel::Call,
    });
    Consequences {
        new_stage,
        start_new_customer_care: bought && stage_after == Stage::NewCustomer && !care_running,
        revisit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::Status;

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
        // Issue 16, item 7: no revisit past the window of dates Tend accepts.
        let far = DecisionDraft {
            contact_id: 1,
            kind: "not_now".into(),
            revisit_on: "+262142-12-31".into(),
            ..Default::default()
        };
        let err = far.validate(day("2026-11-30")).expect_err("too far");
        assert_eq!(err.field(), Some("revisitOn"));
        assert_eq!(err.to_string(), "Pick a date within the next 100 years.");
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

    fn decided(kind: DecisionKind, revisit_on: Option<NaiveDate>) -> ValidDecision {
        ValidDecision {
            contact_id: 1,
            kind,
            note: String::new(),
            revisit_on,
            keep_open: Vec::new(),
        }
    }

    fn followup(id: i64, status: Status, cadence: Option<&str>) -> Followup {
        let due_at = crate::test_time::utc("2026-11-26T09:00:00Z");
        Followup {
            id,
            contact_id: 1,
            contact_name: "Maria Lopez".into(),
            promise: format!("promise {id}"),
            channel: Channel::Call,
            channel_label: Channel::Call.label(),
            due_at,
            due_local: "2026-11-26T09:00".into(),
            due_note: None,
            has_time: false,
            status,
            snoozed_until: None,
            skip_reason: None,
            completed_at: None,
            cadence_name: cadence.map(str::to_string),
            notified_at: None,
            reach: Default::default(),
            reorder_of: None,
            matters_now: None,
        }
    }

    /// Maria's follow-ups: two promises of her own (one snoozed), one already
    /// kept, and a step of the New lead rhythm.
    fn marias() -> Vec<Followup> {
        vec![
            followup(1, Status::Open, None),
            followup(2, Status::Snoozed, None),
            followup(3, Status::Done, None),
            followup(4, Status::Open, Some("New lead: 3 days, 3 weeks, 3 months")),
        ]
    }

    #[test]
    fn bought_keeps_her_own_open_promises_as_done() {
        let open = marias();
        let bought = decided(DecisionKind::Bought, None);
        let ids: Vec<i64> = answers(DecisionKind::Bought, &open)
            .iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(
            ids,
            [1, 2],
            "pending promises of her own, not the kept one nor a cadence step"
        );
        assert_eq!(
            settlements(&bought, &open),
            [(1, Settle::Done), (2, Settle::Done)]
        );
    }

    #[test]
    fn no_and_not_now_skip_them_with_the_decision_as_the_reason() {
        let open = marias();
        let no = settlements(&decided(DecisionKind::No, None), &open);
        assert_eq!(
            no,
            [
                (1, Settle::Skip("Decided “No — for today”".into())),
                (2, Settle::Skip("Decided “No — for today”".into()))
            ]
        );
        let later = settlements(&decided(DecisionKind::NotNow, None), &open);
        assert_eq!(later[0].1, Settle::Skip("Decided “Not now”".into()));
    }

    #[test]
    fn a_maybe_answers_nothing_and_an_unticked_promise_stays_open() {
        let open = marias();
        for kind in [DecisionKind::Interested, DecisionKind::Thinking] {
            assert!(answers(kind, &open).is_empty(), "{kind:?}");
            assert!(settlements(&decided(kind, None), &open).is_empty());
        }
        let keeping = ValidDecision {
            keep_open: vec![2],
            ..decided(DecisionKind::Bought, None)
        };
        assert_eq!(settlements(&keeping, &open), [(1, Settle::Done)]);
    }

    #[test]
    fn a_re_order_reminder_is_not_answered_by_another_sale() {
        let mut open = marias();
        open[0].reorder_of = Some(7);
        let bought = settlements(&decided(DecisionKind::Bought, None), &open);
        assert_eq!(
            bought,
            [(2, Settle::Done)],
            "only the promise about the sale"
        );
        assert_eq!(answers(DecisionKind::No, &open).len(), 1);
    }

    #[test]
    fn bought_moves_the_stage_and_starts_care_once() {
        let today = day("2026-11-30");
        let bought = decided(DecisionKind::Bought, None);
        let lead = consequences(&bought, Stage::Lead, false, today);
        assert_eq!(lead.new_stage, Some(Stage::NewCustomer));
        assert!(lead.start_new_customer_care);
        assert_eq!(lead.revisit, None);
        assert!(
            !consequences(&bought, Stage::Lead, true, today).start_new_customer_care,
            "care already running is not started twice"
        );
        let back = consequences(&bought, Stage::InactiveCustomer, false, today);
        assert_eq!(back.new_stage, Some(Stage::Customer));
        assert!(
            !back.start_new_customer_care,
            "a returning customer is not new"
        );
        let partner = consequences(&bought, Stage::Partner, false, today);
        assert_eq!(partner.new_stage, None);
        assert!(!partner.start_new_customer_care);
        let already_new = consequences(&bought, Stage::NewCustomer, false, today);
        assert!(already_new.start_new_customer_care);
    }

    #[test]
    fn not_now_and_no_plan_the_day_to_ask_again() {
        let today = day("2026-11-30");
        let revisit_on = Some(day("2027-02-28"));
        let no = consequences(
            &decided(DecisionKind::No, revisit_on),
            Stage::Lead,
            false,
            today,
        );
        let revisit = no.revisit.expect("a revisit");
        assert_eq!(revisit.on, day("2027-02-28"));
        assert_eq!(revisit.promise, "Ask again — said no on 30 Nov 2026");
        assert_eq!(revisit.channel, Channel::Call);
        assert_eq!(no.new_stage, None);
        assert!(!no.start_new_customer_care);
        let later = consequences(
            &decided(DecisionKind::NotNow, revisit_on),
            Stage::Lead,
            false,
            today,
        );
        assert_eq!(
            later.revisit.expect("a revisit").promise,
            "Revisit — said not now on 30 Nov 2026"
        );
        let thinking = consequences(
            &decided(DecisionKind::Thinking, None),
            Stage::Lead,
            false,
            today,
        );
        assert_eq!(thinking.revisit, None);
    }
}
