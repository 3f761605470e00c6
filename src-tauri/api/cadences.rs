//! Cadences: the rhythms that plan follow-ups by themselves — listed, edited,
//! previewed and applied to a contact (by hand, by a decision, or by a
//! quick-add line), counting from the day they met and off her days off.

use super::tend::Tend;
use crate::domain::cadence::{self, Cadence, CadenceDraft, Calendar, RunStep, StartFrom};
use crate::domain::channel::Channel;
use crate::domain::days_off::DaysOff;
use crate::domain::followup::Followup;
use crate::domain::{dates, local_time};
use crate::error::{Error, Result};
use crate::store::followups::FromCadence;
use crate::store::{cadences, contacts, followups, settings, touches};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, Transaction};
use serde::Serialize;

impl Tend {
    pub fn cadences(&self) -> Result<Vec<Cadence>> {
        self.read(cadences::list)
    }

    pub fn create_cadence(&self, draft: &CadenceDraft) -> Result<Cadence> {
        let now = self.clock().now();
        let valid = draft.validate()?;
        self.write(|tx| {
            let id = cadences::create(tx, &valid, now)?;
            cadences::get(tx, id)
        })
    }

    /// Edits apply to future runs; follow-ups already planned stay as they are
    /// (each is editable on its own).
    pub fn update_cadence(&self, id: i64, draft: &CadenceDraft) -> Result<Cadence> {
        let now = self.clock().now();
        let valid = draft.validate()?;
        self.write(|tx| {
            cadences::get(tx, id)?;
            followups::detach_from_steps_of(tx, id)?;
            cadences::update(tx, id, &valid, now)?;
            cadences::get(tx, id)
        })
    }

    /// What applying cadence `cadence_id` (none: the one that fits the
    /// contact's stage) from `start_on` ("YYYY-MM-DD"; empty: where it counts
    /// from by default) would plan, without planning it: the picker's preview.
    pub fn cadence_plan(
        &self,
        contact_id: i64,
        cadence_id: Option<i64>,
        start_on: &str,
    ) -> Result<CadencePlan> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.read(|conn| {
            let stage = contacts::stage_of(conn, contact_id)?;
            let suggested_id = match cadence::fits_stage(stage) {
                Some(key) => cadences::id_of_builtin(conn, key)?,
                None => None,
            };
            let cadence_id = match cadence_id.or(suggested_id) {
                Some(id) => id,
                None => cadences::list(conn)?
                    .first()
                    .map(|c| c.id)
                    .ok_or(Error::NotFound { what: "cadence" })?,
            };
            let cadence = cadences::get(conn, cadence_id)?;
            let steps = cadences::steps_of(conn, cadence_id)?;
            let (start_on, start_from) = start_of(conn, contact_id, &steps, start_on, now, zone)?;
            let days_off = settings::days_off(conn)?;
            let cal = calendar(conn, now, zone, &days_off)?;
            let plan = cadence::plan_run(contact_id, &steps, start_on, cal)?;
            let running_ids: Vec<i64> = cadences::active_runs(conn, contact_id)?
                .iter()
                .map(|run| run.cadence_id)
                .collect();
            Ok(CadencePlan {
                running: running_ids.contains(&cadence_id),
                running_ids,
                cadence_id,
                cadence_name: cadence.name,
                suggested_id,
                start_on,
                start_from,
                start_text: start_from.describe(start_on),
                steps: plan
                    .planned
                    .into_iter()
                    .map(|p| PlannedView {
                        due_local: local_time::format_local(p.followup.due.local),
                        channel: p.followup.channel,
                        channel_label: p.followup.channel.label(),
                        promise: p.followup.promise,
                        note: p.note,
                    })
                    .collect(),
                passed: plan
                    .passed
                    .into_iter()
                    .map(|p| PassedView {
                        on: p.on,
                        message: p.message,
                    })
                    .collect(),
            })
        })
    }

    /// Applies a cadence from `start_on` ("YYYY-MM-DD"; empty: the day they met
    /// while the rhythm still has a step ahead from it, else today); returns the
    /// contact's follow-ups afterwards.
    pub fn apply_cadence(
        &self,
        contact_id: i64,
        cadence_id: i64,
        start_on: &str,
    ) -> Result<Vec<Followup>> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let steps = cadences::steps_of(tx, cadence_id)?;
            let (day, _) = start_of(tx, contact_id, &steps, start_on, now, zone)?;
            start(tx, contact_id, cadence_id, Begin::On(day), now, zone)?;
            followups::for_contact(tx, contact_id, zone)
        })
    }

    pub fn apply_builtin_cadence(&self, contact_id: i64, key: &str) -> Result<Vec<Followup>> {
        let id = self
            .read(|conn| cadences::id_of_builtin(conn, key))?
            .ok_or(Error::NotFound { what: "cadence" })?;
        self.apply_cadence(contact_id, id, "")
    }
}

/// A step as the picker previews it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedView {
    /// "YYYY-MM-DDTHH:MM", local.
    pub due_local: String,
    pub channel: Channel,
    pub channel_label: &'static str,
    pub promise: String,
    /// "moved from Sat 28 Nov: a day off", "was due Tue 24 Nov".
    pub note: Option<String>,
}

/// A step left out: its day was long gone.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassedView {
    pub on: NaiveDate,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CadencePlan {
    pub cadence_id: i64,
    pub cadence_name: String,
    /// The rhythm that fits the contact's stage, if one does (and is kept).
    pub suggested_id: Option<i64>,
    pub start_on: NaiveDate,
    pub start_from: StartFrom,
    /// "from the day you met, Sat 21 Nov 2026"
    pub start_text: String,
    pub steps: Vec<PlannedView>,
    pub passed: Vec<PassedView>,
    /// The rhythms already running for them, and whether this one is.
    pub running_ids: Vec<i64>,
    pub running: bool,
}

/// Where a run begins: on a day (its steps count from it); from the day they
/// met, while the rhythm still has a step ahead from it; or after a promise she
/// made for that day (the promise is its first step).
#[derive(Debug, Clone, Copy)]
pub(super) enum Begin {
    On(NaiveDate),
    Met(NaiveDate),
    AfterPromise(NaiveDate),
}

/// The day a run on this contact counts from: the one she typed, else the
/// domain's default from the day they met or their first touch.
fn start_of(
    conn: &Connection,
    contact_id: i64,
    steps: &[RunStep],
    typed: &str,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<(NaiveDate, StartFrom)> {
    let today = local_time::local_date(now, zone);
    match typed.trim() {
        "" => {
            let met_on = contacts::met_on(conn, contact_id)?;
            let first_touch = touches::first_for_contact(conn, contact_id)?
                .map(|at| local_time::local_date(at, zone));
            let offsets: Vec<i64> = steps.iter().map(|s| s.offset_days).collect();
            Ok(cadence::default_start(met_on, first_touch, &offsets, today))
        }
        text => {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| Error::invalid("startOn", format!("“{text}” is not a date.")))?;
            Ok((dates::near(day, today, "startOn")?, StartFrom::Picked))
        }
    }
}

fn calendar<'a>(
    conn: &Connection,
    now: DateTime<Utc>,
    zone: Tz,
    days_off: &'a DaysOff,
) -> Result<Calendar<'a>> {
    Ok(Calendar {
        today: local_time::local_date(now, zone),
        zone,
        default_time: settings::default_time(conn)?,
        days_off,
    })
}

/// Starts a cadence on a contact, inside the caller's write: the run and the
/// follow-ups `domain::cadence` plans for it.
pub(super) fn start(
    tx: &Transaction,
    contact_id: i64,
    cadence_id: i64,
    begin: Begin,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<i64> {
    let steps = cadences::steps_of(tx, cadence_id)?;
    if steps.is_empty() {
        cadences::get(tx, cadence_id)?; // "no longer exists" when it is gone
    }
    let days_off = settings::days_off(tx)?;
    let cal = calendar(tx, now, zone, &days_off)?;
    let plan = match begin {
        Begin::On(day) => cadence::plan_run(contact_id, &steps, day, cal)?,
        Begin::Met(met) => {
            let offsets: Vec<i64> = steps.iter().map(|s| s.offset_days).collect();
            let (day, _) = cadence::default_start(Some(met), None, &offsets, cal.today);
            cadence::plan_run(contact_id, &steps, day, cal)?
        }
        Begin::AfterPromise(day) => cadence::plan_after_promise(contact_id, &steps, day, cal),
    };
    let run_id = cadences::start_run(tx, contact_id, cadence_id, now)?;
    for step in plan.planned {
        let from = FromCadence {
            run_id,
            step_id: step.step_id,
        };
        followups::insert(tx, &step.followup, Some(from), now)?;
    }
    Ok(run_id)
}

/// Starts a built-in cadence if it exists (the person may have archived it).
pub(super) fn start_builtin(
    tx: &Transaction,
    contact_id: i64,
    key: &str,
    begin: Begin,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Option<String>> {
    match cadences::id_of_builtin(tx, key)? {
        Some(id) => {
            start(tx, contact_id, id, begin, now, zone)?;
            Ok(Some(cadences::get(tx, id)?.name))
        }
        None => Ok(None),
    }
}
