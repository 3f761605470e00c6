//! Cadences: rhythms that schedule follow-ups by themselves (3 days – 3 weeks –
//! 3 months for a new lead, care for a new customer, a win-back...). Which
//! follow-ups a run plans, how an answer moves them, and which decisions stop
//! a run are decided here; the store keeps runs and their follow-ups.

use super::channel::Channel;
use super::decision::DecisionKind;
use super::followup::{Due, Status, ValidFollowup};
use super::local_time;
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub const NEW_LEAD: &str = "new_lead";
pub const NEW_CUSTOMER_CARE: &str = "new_customer_care";
/// The built-in rhythm offered when a customer left feeling no one cared.
pub const WIN_BACK: &str = "win_back";
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

/// A step as a run reads it: with the id its follow-up will point at.
#[derive(Debug, Clone, PartialEq)]
pub struct RunStep {
    pub step_id: i64,
    pub offset_days: i64,
    pub channel: Channel,
    pub message: String,
}

/// A cadence running on a contact.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveRun {
    pub run_id: i64,
    pub cadence_name: String,
    pub builtin_key: Option<String>,
    pub stops_on: Vec<DecisionKind>,
}

/// A follow-up a run planned, with the day of the step it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RunFollowup {
    pub followup_id: i64,
    pub offset_days: i64,
    pub status: Status,
    pub due_at: DateTime<Utc>,
}

/// The follow-ups a cadence plans when it starts at `start`: one per step, on
/// the step's day at the default time (a step for today whose time has passed
/// is simply due now). Each comes with the id of its step.
pub fn plan_run(
    contact_id: i64,
    steps: &[RunStep],
    start: DateTime<Utc>,
    zone: Tz,
    default_time: NaiveTime,
) -> Result<Vec<(i64, ValidFollowup)>> {
    if steps.is_empty() {
        return Err(Error::invalid(
            "cadence",
            "This cadence has no steps to plan.",
        ));
    }
    let offsets: Vec<i64> = steps.iter().map(|step| step.offset_days).collect();
    let dates = schedule(local_time::local_date(start, zone), &offsets);
    Ok(steps
        .iter()
        .zip(dates)
        .map(|(step, date)| {
            let followup = ValidFollowup {
                contact_id,
                promise: step.message.clone(),
                channel: step.channel,
                due: Due::new(date, None, zone, default_time),
            };
            (step.step_id, followup)
        })
        .collect())
}

/// The contact answered at `answered_at`: the run's steps still ahead (pending
/// and due after the answer) move to count from it; returns their new dues.
pub fn rebase_run(
    followups: &[RunFollowup],
    answered_at: DateTime<Utc>,
    zone: Tz,
    default_time: NaiveTime,
) -> Vec<(i64, Due)> {
    let is_ahead = |f: &RunFollowup| f.status.is_pending() && f.due_at > answered_at;
    let done_offset = followups
        .iter()
        .filter(|f| !is_ahead(f))
        .map(|f| f.offset_days)
        .max()
        .unwrap_or(0);
    let ahead: Vec<&RunFollowup> = followups.iter().filter(|f| is_ahead(f)).collect();
    let offsets: Vec<i64> = ahead.iter().map(|f| f.offset_days).collect();
    let dates = rebase(
        local_time::local_date(answered_at, zone),
        done_offset,
        &offsets,
    );
    ahead
        .into_iter()
        .zip(dates)
        .map(|(f, date)| (f.followup_id, Due::new(date, None, zone, default_time)))
        .collect()
}

/// The runs this decision stops: those whose cadence says it stops on it.
pub fn stopped_by(runs: &[ActiveRun], kind: DecisionKind) -> Vec<&ActiveRun> {
    runs.iter()
        .filter(|run| run.stops_on.contains(&kind))
        .collect()
}

/// What a follow-up skipped by a stopped run says as its reason.
pub fn stop_reason(kind: DecisionKind) -> String {
    format!("Cadence stopped: decided “{}”", kind.label())
}

/// Whether a built-in cadence (by key) is already running.
pub fn is_running(runs: &[ActiveRun], builtin_key: &str) -> bool {
    runs.iter()
        .any(|run| run.builtin_key.as_deref() == Some(builtin_key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::utc;

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

    fn nine() -> NaiveTime {
        NaiveTime::from_hms_opt(9, 0, 0).expect("09:00")
    }

    fn step(step_id: i64, offset_days: i64) -> RunStep {
        RunStep {
            step_id,
            offset_days,
            channel: Channel::Text,
            message: format!("step {step_id}"),
        }
    }

    #[test]
    fn a_run_plans_one_follow_up_per_step_at_the_default_time() {
        let zone = chrono_tz::Europe::Paris;
        // 23:30 UTC on the 22nd is already the 23rd in Paris: steps count from there.
        let planned = plan_run(
            7,
            &[step(1, 3), step(2, 21)],
            utc("2026-11-22T23:30:00Z"),
            zone,
            nine(),
        )
        .expect("planned");
        let days: Vec<(i64, String, bool)> = planned
            .iter()
            .map(|(id, f)| (*id, f.due.local.to_string(), f.due.has_time))
            .collect();
        assert_eq!(
            days,
            [
                (1, "2026-11-26 09:00:00".to_string(), false),
                (2, "2026-12-14 09:00:00".to_string(), false)
            ]
        );
        assert!(planned
            .iter()
            .all(|(_, f)| f.contact_id == 7 && f.channel == Channel::Text));
        assert_eq!(planned[0].1.promise, "step 1");
        assert!(plan_run(7, &[], utc("2026-11-22T10:00:00Z"), zone, nine()).is_err());
    }

    #[test]
    fn an_answer_moves_only_the_steps_still_ahead() {
        let followup = |followup_id, offset_days, status, due| RunFollowup {
            followup_id,
            offset_days,
            status,
            due_at: utc(due),
        };
        let run = [
            followup(10, 3, Status::Done, "2026-11-26T09:00:00Z"),
            followup(11, 21, Status::Open, "2026-12-14T09:00:00Z"),
            followup(12, 90, Status::Snoozed, "2027-02-21T09:00:00Z"),
        ];
        let moved = rebase_run(&run, utc("2026-12-01T15:00:00Z"), chrono_tz::UTC, nine());
        let moved: Vec<(i64, String)> = moved
            .iter()
            .map(|(id, due)| (*id, due.local.date().to_string()))
            .collect();
        assert_eq!(
            moved,
            [(11, "2026-12-19".into()), (12, "2027-02-26".into())]
        );
        // An answer after everything was due moves nothing.
        assert!(rebase_run(&run, utc("2027-03-01T09:00:00Z"), chrono_tz::UTC, nine()).is_empty());
    }

    #[test]
    fn a_decision_stops_the_runs_that_stop_on_it() {
        let run = |run_id, key: Option<&str>, stops_on: Vec<DecisionKind>| ActiveRun {
            run_id,
            cadence_name: format!("run {run_id}"),
            builtin_key: key.map(str::to_string),
            stops_on,
        };
        let runs = [
            run(
                1,
                Some(NEW_LEAD),
                vec![DecisionKind::Bought, DecisionKind::No],
            ),
            run(2, None, vec![DecisionKind::No]),
        ];
        let ids = |kind| -> Vec<i64> { stopped_by(&runs, kind).iter().map(|r| r.run_id).collect() };
        assert_eq!(ids(DecisionKind::Bought), [1]);
        assert_eq!(ids(DecisionKind::No), [1, 2]);
        assert!(ids(DecisionKind::Thinking).is_empty());
        assert_eq!(
            stop_reason(DecisionKind::Bought),
            "Cadence stopped: decided “Bought”"
        );
        assert!(is_running(&runs, NEW_LEAD));
        assert!(!is_running(&runs, NEW_CUSTOMER_CARE));
    }
}
