//! Cadences: the rhythms that plan follow-ups by themselves — listed, edited,
//! and applied to a contact (by hand, by a decision, or by a quick-add line).

use super::tend::Tend;
use crate::domain::cadence::{self, Cadence, CadenceDraft};
use crate::domain::followup::Followup;
use crate::error::{Error, Result};
use crate::store::followups::FromCadence;
use crate::store::{cadences, followups, settings};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Transaction;

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

    /// Applies a cadence from now; returns the contact's follow-ups afterwards.
    pub fn apply_cadence(&self, contact_id: i64, cadence_id: i64) -> Result<Vec<Followup>> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            start(tx, contact_id, cadence_id, now, zone)?;
            followups::for_contact(tx, contact_id, zone)
        })
    }

    pub fn apply_builtin_cadence(&self, contact_id: i64, key: &str) -> Result<Vec<Followup>> {
        let id = self
            .read(|conn| cadences::id_of_builtin(conn, key))?
            .ok_or(Error::NotFound { what: "cadence" })?;
        self.apply_cadence(contact_id, id)
    }
}

/// Starts a cadence on a contact at `start`, inside the caller's write: the run
/// and the follow-ups `domain::cadence::plan_run` decides on.
pub(super) fn start(
    tx: &Transaction,
    contact_id: i64,
    cadence_id: i64,
    start: DateTime<Utc>,
    zone: Tz,
) -> Result<i64> {
    let steps = cadences::steps_of(tx, cadence_id)?;
    if steps.is_empty() {
        cadences::get(tx, cadence_id)?; // "no longer exists" when it is gone
    }
    let planned = cadence::plan_run(contact_id, &steps, start, zone, settings::default_time(tx)?)?;
    let run_id = cadences::start_run(tx, contact_id, cadence_id, start)?;
    for (step_id, followup) in planned {
        followups::insert(tx, &followup, Some(FromCadence { run_id, step_id }), start)?;
    }
    Ok(run_id)
}

/// Starts a built-in cadence if it exists (the person may have archived it).
pub(super) fn start_builtin(
    tx: &Transaction,
    contact_id: i64,
    key: &str,
    start_at: DateTime<Utc>,
    zone: Tz,
) -> Result<Option<String>> {
    match cadences::id_of_builtin(tx, key)? {
        Some(id) => {
            start(tx, contact_id, id, start_at, zone)?;
            Ok(Some(cadences::get(tx, id)?.name))
        }
        None => Ok(None),
    }
}
