//! Cadences: rhythms that schedule follow-ups by themselves (3 days – 3 weeks –
//! 3 months for a new lead, care for a new customer, a win-back...). Which
//! follow-ups a run plans, how an answer moves them, and which decisions stop
//! a run are decided here; the store keeps runs and their follow-ups.

use super::channel::Channel;
use super::days_off::DaysOff;
use super::decision::DecisionKind;
use super::followup::{Due, Status, ValidFollowup};
use super::local_time;
use super::stage::Stage;
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub const NEW_LEAD: &str = "new_lead";
pub const NEW_CUSTOMER_CARE: &str = "new_customer_care";
/// The built-in rhythm offered when a customer left feeling no one cared.
pub const WIN_BACK: &str = "win_back";
pub const PARTNER_CHECK_IN: &str = "partner_checkin";
/// A step missed by at most this many days is still worth doing today; one
/// further behind is left out ("thank them for their time" three weeks after
/// the party is wrong).
pub const LATE_STEP_GRACE_DAYS: i64 = 3;
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
                DecisionKind::from_key(key).ok_or_else(|| {
                    Error::invalid(
                        "stopsOn",
                        format!("{key} is not a decision.", key = quoted(key)),
                    )
                })
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
    pub cadence_id: i64,
    pub cadence_name: String,
    pub builtin_key: Option<String>,
    pub stops_on: Vec<DecisionKind>,
}

/// A follow-up a run planned, with the day and words of the step it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RunFollowup {
    pub followup_id: i64,
    pub offset_days: i64,
    pub status: Status,
    pub due_at: DateTime<Utc>,
    /// The step's own words, and the follow-up's (which may say it moved).
    pub message: String,
    pub promise: String,
}

/// The rhythm that fits a stage, proposed first in the cadence picker.
pub fn fits_stage(stage: Stage) -> Option<&'static str> {
    match stage {
        Stage::Lead => Some(NEW_LEAD),
        Stage::NewCustomer => Some(NEW_CUSTOMER_CARE),
        Stage::InactiveCustomer => Some(WIN_BACK),
        Stage::Partner => Some(PARTNER_CHECK_IN),
        Stage::Customer | Stage::TeamMember => None,
    }
}

/// The day a run counts from, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StartFrom {
    /// The day they met (the batch's "Met on").
    Met,
    /// Their first touch, when the day they met is not known.
    FirstTouch,
    Today,
    /// A date she picked.
    Picked,
}

/// Where a run starts unless she picks a day: the day they met (or, not
/// known, their first touch) while the rhythm still has a step ahead from it
/// (so "3 days, 3 weeks, 3 months" counts from the party, not from the day
/// she got round to it); otherwise today (a win-back for someone met years ago).
pub fn default_start(
    met_on: Option<NaiveDate>,
    first_touch_on: Option<NaiveDate>,
    offsets: &[i64],
    today: NaiveDate,
) -> (NaiveDate, StartFrom) {
    let known = match (met_on, first_touch_on) {
        (Some(met), _) => Some((met, StartFrom::Met)),
        (None, Some(touched)) => Some((touched, StartFrom::FirstTouch)),
        (None, None) => None,
    };
    match known {
        Some((day, from))
            if day <= today
                && offsets.iter().any(|offset| {
                    day + Duration::days(*offset) >= today - Duration::days(LATE_STEP_GRACE_DAYS)
                }) =>
        {
            (day, from)
        }
        _ => (today, StartFrom::Today),
    }
}

impl StartFrom {
    /// "from the day you met, Sat 21 Nov", as the picker says where it counts from.
    pub fn describe(self, on: NaiveDate) -> String {
        let day = on.format("%a %-d %b %Y");
        match self {
            StartFrom::Met => format!("from the day you met, {day}"),
            StartFrom::FirstTouch => format!("from their first touch, {day}"),
            StartFrom::Today => format!("from today, {day}"),
            StartFrom::Picked => format!("from {day}"),
        }
    }
}

/// What the plan of a run needs to know about her calendar.
#[derive(Debug, Clone, Copy)]
pub struct Calendar<'a> {
    pub today: NaiveDate,
    pub zone: Tz,
    pub default_time: NaiveTime,
    pub days_off: &'a DaysOff,
}

/// One follow-up a run plans, with why it is not on its rhythm's day, if not.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedStep {
    pub step_id: i64,
    pub followup: ValidFollowup,
    /// "moved from Sat 28 Nov: a day off", "was due Tue 24 Nov".
    pub note: Option<String>,
}

/// A step left out: its day was too far behind when the run started.
#[derive(Debug, Clone, PartialEq)]
pub struct PassedStep {
    pub step_id: i64,
    pub on: NaiveDate,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RunPlan {
    pub planned: Vec<PlannedStep>,
    pub passed: Vec<PassedStep>,
}

/// A step's words with why it moved: the note travels with the promise, so
/// Today, the contact and the notification all say it.
pub fn with_note(message: &str, moved: Option<&str>) -> String {
    match (message.is_empty(), moved) {
        (_, None) => message.to_string(),
        (true, Some(note)) => format!("({note})"),
        (false, Some(note)) => format!("{message} ({note})"),
    }
}

/// Places a step Tend dates on `on`: a day missed by a little is today, one
/// missed by more is left out, and a day off moves it to the next working day.
fn place_step(
    contact_id: i64,
    step: &RunStep,
    on: NaiveDate,
    cal: Calendar,
) -> std::result::Result<PlannedStep, PassedStep> {
    if on < cal.today - Duration::days(LATE_STEP_GRACE_DAYS) {
        return Err(PassedStep {
            step_id: step.step_id,
            on,
            message: step.message.clone(),
        });
    }
    let late = on < cal.today;
    let (date, moved) = cal.days_off.place(on.max(cal.today));
    let note = match (late, &moved) {
        (true, _) => Some(format!("was due {}", on.format("%a %-d %b"))),
        (false, Some(moved)) => Some(moved.clone()),
        (false, None) => None,
    };
    Ok(PlannedStep {
        step_id: step.step_id,
        followup: ValidFollowup {
            contact_id,
            promise: with_note(&step.message, moved.as_deref()),
            channel: step.channel,
            due: Due::new(date, None, cal.zone, cal.default_time),
        },
        note,
    })
}

fn plan_dated(contact_id: i64, dated: &[(&RunStep, NaiveDate)], cal: Calendar) -> RunPlan {
    let mut plan = RunPlan {
        planned: Vec::new(),
        passed: Vec::new(),
    };
    for (step, on) in dated {
        match place_step(contact_id, step, *on, cal) {
            Ok(planned) => plan.planned.push(planned),
            Err(passed) => plan.passed.push(passed),
        }
    }
    plan
}

/// The follow-ups a cadence plans when it starts on `start_on`: one per step,
/// on the step's day at the default time, moved off her days off; a step a
/// little behind is due today, one far behind is left out. Nothing left to
/// plan is refused, with what to do instead.
pub fn plan_run(
    contact_id: i64,
    steps: &[RunStep],
    start_on: NaiveDate,
    cal: Calendar,
) -> Result<RunPlan> {
    if steps.is_empty() {
        return Err(Error::invalid(
            "cadence",
            "This cadence has no steps to plan.",
        ));
    }
    let offsets: Vec<i64> = steps.iter().map(|step| step.offset_days).collect();
    let dated: Vec<(&RunStep, NaiveDate)> =
        steps.iter().zip(schedule(start_on, &offsets)).collect();
    let plan = plan_dated(contact_id, &dated, cal);
    if plan.planned.is_empty() {
        return Err(Error::invalid(
            "startOn",
            format!(
                "Every step is already past when it starts on {}; pick a later start.",
                start_on.format("%a %-d %b %Y")
            ),
        ));
    }
    Ok(plan)
}

/// A quick-add line's own promise, on `promise_on`, is the rhythm's first step:
/// the other steps keep their spacing after it (New lead's "3 weeks" comes 18
/// days after a call on day 3). Her promise itself is planned as she said it.
pub fn plan_after_promise(
    contact_id: i64,
    steps: &[RunStep],
    promise_on: NaiveDate,
    cal: Calendar,
) -> RunPlan {
    let Some((first, rest)) = steps.split_first() else {
        return plan_dated(contact_id, &[], cal);
    };
    let offsets: Vec<i64> = rest.iter().map(|step| step.offset_days).collect();
    let dates = rebase(promise_on, first.offset_days, &offsets);
    let dated: Vec<(&RunStep, NaiveDate)> = rest.iter().zip(dates).collect();
    plan_dated(contact_id, &dated, cal)
}

/// A run follow-up moved by an answer: its new due and, when its words change
/// (it now moves off a day off, or no longer does), its new promise.
#[derive(Debug, Clone, PartialEq)]
pub struct Rebased {
    pub followup_id: i64,
    pub due: Due,
    pub promise: Option<String>,
}

/// The contact answered at `answered_at`: the run's steps still ahead (pending
/// and due after the answer) move to count from it, off her days off.
pub fn rebase_run(
    followups: &[RunFollowup],
    answered_at: DateTime<Utc>,
    zone: Tz,
    default_time: NaiveTime,
    days_off: &DaysOff,
) -> Vec<Rebased> {
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
        .map(|(f, date)| {
            let (date, moved) = days_off.place(date);
            let promise = with_note(&f.message, moved.as_deref());
            Rebased {
                followup_id: f.followup_id,
                due: Due::new(date, None, zone, default_time),
                promise: (promise != f.promise).then_some(promise),
            }
        })
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

    fn calendar<'a>(today: &str, days_off: &'a DaysOff) -> Calendar<'a> {
        Calendar {
            today: day(today),
            zone: chrono_tz::Europe::Paris,
            default_time: nine(),
            days_off,
        }
    }

    fn planned_days(plan: &RunPlan) -> Vec<(i64, String)> {
        plan.planned
            .iter()
            .map(|p| (p.step_id, p.followup.due.local.to_string()))
            .collect()
    }

    #[test]
    fn a_run_plans_one_follow_up_per_step_at_the_default_time() {
        let none = DaysOff::default();
        let plan = plan_run(
            7,
            &[step(1, 3), step(2, 21)],
            day("2026-11-23"),
            calendar("2026-11-23", &none),
        )
        .expect("planned");
        assert_eq!(
            planned_days(&plan),
            [
                (1, "2026-11-26 09:00:00".to_string()),
                (2, "2026-12-14 09:00:00".to_string())
            ]
        );
        assert!(plan.planned.iter().all(|p| p.followup.contact_id == 7
            && p.followup.channel == Channel::Text
            && !p.followup.due.has_time
            && p.note.is_none()));
        assert_eq!(plan.planned[0].followup.promise, "step 1");
        assert!(plan.passed.is_empty());
        assert!(plan_run(7, &[], day("2026-11-23"), calendar("2026-11-23", &none)).is_err());
    }

    #[test]
    fn a_step_never_lands_on_a_day_off_and_says_it_moved() {
        // Weekends and Christmas off. Started Wed 25 Nov: day 3 is Saturday.
        let off = DaysOff::new(
            [chrono::Weekday::Sat, chrono::Weekday::Sun],
            [day("2026-12-25")],
        );
        let plan = plan_run(
            7,
            &[step(1, 3), step(2, 30), step(3, 5)],
            day("2026-11-25"),
            calendar("2026-11-25", &off),
        )
        .expect("planned");
        assert_eq!(
            planned_days(&plan),
            [
                (1, "2026-11-30 09:00:00".to_string()),
                (2, "2026-12-28 09:00:00".to_string()),
                (3, "2026-11-30 09:00:00".to_string()),
            ],
            "Sat → Mon; Christmas Friday → the Monday after the weekend"
        );
        assert_eq!(
            plan.planned[0].followup.promise,
            "step 1 (moved from Sat 28 Nov: a day off)"
        );
        assert_eq!(
            plan.planned[1].note.as_deref(),
            Some("moved from Fri 25 Dec: a day off")
        );
        assert_eq!(with_note("", Some("moved")), "(moved)");
    }

    #[test]
    fn a_run_started_in_the_past_leaves_out_what_is_long_gone() {
        let none = DaysOff::default();
        // They met Sat 31 Oct; she applies New lead on Mon 23 Nov.
        let steps = [step(1, 3), step(2, 21), step(3, 90)];
        let plan =
            plan_run(7, &steps, day("2026-10-31"), calendar("2026-11-23", &none)).expect("planned");
        assert_eq!(
            plan.passed,
            [PassedStep {
                step_id: 1,
                on: day("2026-11-03"),
                message: "step 1".into()
            }],
            "the three-day thank-you is three weeks late: left out"
        );
        assert_eq!(
            planned_days(&plan),
            [
                (2, "2026-11-23 09:00:00".to_string()),
                (3, "2027-01-29 09:00:00".to_string())
            ],
            "day 21 was yesterday's Saturday: due today, said so"
        );
        assert_eq!(plan.planned[0].note.as_deref(), Some("was due Sat 21 Nov"));
        let err = plan_run(7, &steps, day("2025-01-01"), calendar("2026-11-23", &none))
            .expect_err("all past");
        assert_eq!(err.field(), Some("startOn"));
        assert_eq!(
            err.to_string(),
            "Every step is already past when it starts on Wed 1 Jan 2025; pick a later start."
        );
    }

    #[test]
    fn a_run_counts_from_the_day_they_met_while_it_still_has_a_step_ahead() {
        let today = day("2026-11-23");
        let new_lead = [3, 21, 90];
        assert_eq!(
            default_start(Some(day("2026-11-21")), None, &new_lead, today),
            (day("2026-11-21"), StartFrom::Met)
        );
        assert_eq!(
            default_start(None, Some(day("2026-11-02")), &new_lead, today),
            (day("2026-11-02"), StartFrom::FirstTouch),
            "no day met: the first touch"
        );
        assert_eq!(
            default_start(
                Some(day("2026-11-21")),
                Some(day("2026-11-01")),
                &new_lead,
                today
            )
            .1,
            StartFrom::Met,
            "the day met wins over the first touch"
        );
        assert_eq!(
            default_start(Some(day("2024-05-01")), None, &[0, 14, 60], today),
            (today, StartFrom::Today),
            "a win-back for someone met years ago starts today"
        );
        assert_eq!(
            default_start(Some(day("2026-12-01")), None, &new_lead, today),
            (today, StartFrom::Today),
            "a day met in the future is not a start"
        );
        assert_eq!(
            default_start(None, None, &new_lead, today),
            (today, StartFrom::Today)
        );
    }

    #[test]
    fn a_dated_promise_is_the_first_step_and_the_rest_keep_their_spacing() {
        let none = DaysOff::default();
        // Quick-added Monday 23 Nov with "call Fri": New lead's day 21 and day 90
        // come 18 and 87 days after Friday.
        let plan = plan_after_promise(
            7,
            &[step(1, 3), step(2, 21), step(3, 90)],
            day("2026-11-27"),
            calendar("2026-11-23", &none),
        );
        assert_eq!(
            planned_days(&plan),
            [
                (2, "2026-12-15 09:00:00".to_string()),
                (3, "2027-02-22 09:00:00".to_string())
            ]
        );
        assert!(
            plan_after_promise(
                7,
                &[step(1, 3)],
                day("2026-11-27"),
                calendar("2026-11-23", &none)
            )
            .planned
            .is_empty(),
            "a one-step rhythm has nothing after the promise"
        );
    }

    #[test]
    fn each_stage_has_the_rhythm_that_fits_it() {
        assert_eq!(fits_stage(Stage::Lead), Some(NEW_LEAD));
        assert_eq!(fits_stage(Stage::NewCustomer), Some(NEW_CUSTOMER_CARE));
        assert_eq!(fits_stage(Stage::InactiveCustomer), Some(WIN_BACK));
        assert_eq!(fits_stage(Stage::Partner), Some(PARTNER_CHECK_IN));
        assert_eq!(fits_stage(Stage::Customer), None);
    }

    #[test]
    fn an_answer_moves_only_the_steps_still_ahead() {
        let followup = |followup_id, offset_days, status, due| RunFollowup {
            followup_id,
            offset_days,
            status,
            due_at: utc(due),
            message: format!("step {followup_id}"),
            promise: format!("step {followup_id}"),
        };
        let run = [
            followup(10, 3, Status::Done, "2026-11-26T09:00:00Z"),
            followup(11, 21, Status::Open, "2026-12-14T09:00:00Z"),
            followup(12, 90, Status::Snoozed, "2027-02-21T09:00:00Z"),
        ];
        let none = DaysOff::default();
        let answered = utc("2026-12-01T15:00:00Z");
        let moved: Vec<(i64, String)> = rebase_run(&run, answered, chrono_tz::UTC, nine(), &none)
            .iter()
            .map(|r| (r.followup_id, r.due.local.date().to_string()))
            .collect();
        assert_eq!(
            moved,
            [(11, "2026-12-19".into()), (12, "2027-02-26".into())]
        );
        // With Saturdays off, the 19th (a Saturday) moves to Monday and says so.
        let off = DaysOff::new([chrono::Weekday::Sat, chrono::Weekday::Sun], []);
        let moved = rebase_run(&run, answered, chrono_tz::UTC, nine(), &off);
        assert_eq!(moved[0].due.local.date().to_string(), "2026-12-21");
        assert_eq!(
            moved[0].promise.as_deref(),
            Some("step 11 (moved from Sat 19 Dec: a day off)")
        );
        assert_eq!(moved[1].promise, None, "Friday 26 Feb: words unchanged");
        // An answer after everything was due moves nothing.
        assert!(rebase_run(
            &run,
            utc("2027-03-01T09:00:00Z"),
            chrono_tz::UTC,
            nine(),
            &none
        )
        .is_empty());
    }

    #[test]
    fn a_decision_stops_the_runs_that_stop_on_it() {
        let run = |run_id, key: Option<&str>, stops_on: Vec<DecisionKind>| ActiveRun {
            run_id,
            cadence_id: run_id,
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
