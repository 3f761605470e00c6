//! Cadences: rhythms that schedule follow-ups by themselves (3 days – 3 weeks –
//! 3 months for a new lead, care for a new customer, a win-back...). Pure date
//! arithmetic here; the store keeps runs and their follow-ups.

use super::channel::Channel;
use super::decision::DecisionKind;
use crate::error::{Error, Result};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

pub const NEW_LEAD: &str = "new_lead";
pub const NEW_CUSTOMER_CARE: &str = "new_customer_care";
const MAX_STEPS: usize = 30;
const MAX_OFFSET_DAYS: i64 = 3 * 365;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub offset_days: i64,
    pub channel: Channel,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    pub id: i64,
    pub builtin_key: Option<String>,
    pub name: String,
    pub stops_on: Vec<DecisionKind>,
    pub steps: Vec<Step>,
}

/// What the cadence editor submits.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CadenceDraft {
    pub name: String,
    pub stops_on: Vec<String>,
    pub steps: Vec<StepDraft>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StepDraft {
    pub offset_days: i64,
    pub channel: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidCadence {
    pub name: String,
    pub stops_on: Vec<DecisionKind>,
    pub steps: Vec<Step>,
}

impl CadenceDraft {
    pub fn validate(&self) -> Result<ValidCadence> {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 120 {
            return Err(Error::invalid(
                "name",
                "Give the cadence a name (up to 120 characters).",
            ));
        }
        if self.steps.is_empty() || self.steps.len() > MAX_STEPS {
            return Err(Error::invalid(
                "steps",
                format!("A cadence needs between 1 and {MAX_STEPS} steps."),
            ));
        }
        let mut steps = Vec::with_capacity(self.steps.len());
        for (index, step) in self.steps.iter().enumerate() {
            if !(0..=MAX_OFFSET_DAYS).contains(&step.offset_days) {
                return Err(Error::invalid(
                    "steps",
                    format!(
                        "Step {}: the day must be between 0 and {MAX_OFFSET_DAYS}.",
                        index + 1
                    ),
                ));
            }
            if let Some(previous) = steps.last().map(|s: &Step| s.offset_days) {
                if step.offset_days <= previous {
                    return Err(Error::invalid(
                        "steps",
                        format!(
                            "Step {} must come after step {} (a later day).",
                            index + 1,
                            index
                        ),
                    ));
                }
            }
            let in_step =
                |err: Error| Error::invalid("steps", format!("Step {}: {err}", index + 1));
            steps.push(Step {
                offset_days: step.offset_days,
                channel: super::followup::parse_channel(&step.channel).map_err(in_step)?,
                message: super::followup::validate_promise(&step.message).map_err(in_step)?,
            });
        }
        let stops_on = self
            .stops_on
            .iter()
            .map(|key| {
                DecisionKind::from_key(key)
                    .ok_or_else(|| Error::invalid("stopsOn", format!("“{key}” is not a decision.")))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ValidCadence {
            name,
            stops_on,
            steps,
        })
    }
}

/// The local date of each step when a cadence starts on `start`.
pub fn schedule(start: NaiveDate, offsets: &[i64]) -> Vec<NaiveDate> {
    offsets
        .iter()
        .map(|offset| start + Duration::days(*offset))
        .collect()
}

/// When the contact answers, the steps still ahead keep their spacing but count
/// from the answer: the first one comes as long after the answer as it was meant
/// to come after the step before it.
///
/// `done_offset` is the offset of the last step already behind (0 if none);
/// `remaining` are the offsets of the steps still open, in order.
pub fn rebase(answered_on: NaiveDate, done_offset: i64, remaining: &[i64]) -> Vec<NaiveDate> {
    remaining
        .iter()
        .map(|offset| answered_on + Duration::days(offset - done_offset))
        .collect()
}

pub fn stops_on_to_text(kinds: &[DecisionKind]) -> String {
    kinds
        .iter()
        .map(|kind| kind.key())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn stops_on_from_text(text: &str) -> Vec<DecisionKind> {
    text.split(',')
        .filter_map(|key| DecisionKind::from_key(key.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn three_days_three_weeks_three_months() {
        let dates = schedule(day("2026-11-23"), &[3, 21, 90]);
        let dates: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(dates, ["2026-11-26", "2026-12-14", "2027-02-21"]);
    }

    #[test]
    fn an_answer_rebases_the_remaining_steps() {
        // Started 23 Nov; step 1 (day 3) is behind; they reply on 1 Dec.
        let dates = rebase(day("2026-12-01"), 3, &[21, 90]);
        let dates: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            dates,
            ["2026-12-19", "2027-02-26"],
            "18 and 87 days after the reply"
        );
    }

    #[test]
    fn drafts_need_ordered_steps_and_a_name() {
        let step = |offset_days| StepDraft {
            offset_days,
            channel: "call".into(),
            message: String::new(),
        };
        let good = CadenceDraft {
            name: " My  rhythm ".into(),
            stops_on: vec!["bought".into()],
            steps: vec![step(1), step(5)],
        };
        let valid = good.validate().expect("valid");
        assert_eq!(valid.name, "My rhythm");
        assert_eq!(valid.stops_on, vec![DecisionKind::Bought]);
        let unordered = CadenceDraft {
            steps: vec![step(5), step(5)],
            ..good.clone()
        };
        assert_eq!(
            unordered.validate().expect_err("order").field(),
            Some("steps")
        );
        let empty = CadenceDraft {
            steps: vec![],
            ..good.clone()
        };
        assert_eq!(empty.validate().expect_err("empty").field(), Some("steps"));
        let unnamed = CadenceDraft {
            name: "  ".into(),
            ..good
        };
        assert_eq!(unnamed.validate().expect_err("name").field(), Some("name"));
    }

    #[test]
    fn stop_decisions_round_trip_as_text() {
        let kinds = vec![DecisionKind::Bought, DecisionKind::No];
        assert_eq!(stops_on_from_text(&stops_on_to_text(&kinds)), kinds);
        assert!(stops_on_from_text("").is_empty());
    }
}
