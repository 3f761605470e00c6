//! The cadence tables: cadences, their steps, and their runs on contacts. What
//! a run plans or moves is decided in `domain::cadence` and written to the
//! follow-ups by `followups`.

use super::keys::{decision_list_from_sql, decision_list_to_sql};
use super::time;
use crate::domain::cadence::{ActiveRun, Cadence, RunStep, Step, ValidCadence};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

pub fn list(conn: &Connection) -> Result<Vec<Cadence>> {
    let ids = conn
        .prepare_cached(
            "SELECT id FROM cadences WHERE archived_at IS NULL ORDER BY builtin_key IS NULL, id",
        )?
        .query_map([], |row| row.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.into_iter().map(|id| get(conn, id)).collect()
}

pub fn get(conn: &Connection, id: i64) -> Result<Cadence> {
    let (builtin_key, name, stops_on): (Option<String>, String, String) = conn
        .query_row(
            "SELECT builtin_key, name, stops_on_decisions FROM cadences WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "cadence" })?;
    let steps = steps_of(conn, id)?
        .into_iter()
        .map(|step| Step {
            offset_days: step.offset_days,
            channel: step.channel,
            message: step.message,
        })
        .collect();
    Ok(Cadence {
        id,
        builtin_key,
        name,
        stops_on: decision_list_from_sql(&stops_on)?,
        steps,
    })
}

/// A cadence's steps in order, with the ids the follow-ups they plan point at.
pub fn steps_of(conn: &Connection, cadence_id: i64) -> Result<Vec<RunStep>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, offset_days, channel, message FROM cadence_steps
         WHERE cadence_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([cadence_id], |row| {
        Ok(RunStep {
            step_id: row.get(0)?,
            offset_days: row.get(1)?,
            channel: row.get(2)?,
            message: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn id_of_builtin(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM cadences WHERE builtin_key = ?1 AND archived_at IS NULL",
            [key],
            |row| row.get(0),
        )
        .optional()?)
}

pub fn create(tx: &Transaction, cadence: &ValidCadence, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO cadences (name, stops_on_decisions, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![cadence.name, decision_list_to_sql(&cadence.stops_on), time::to_sql(now)],
    )?;
    let id = tx.last_insert_rowid();
    write_steps(tx, id, &cadence.steps)?;
    Ok(id)
}

/// Replaces the name, stopping decisions and steps. Follow-ups planned from the
/// old steps must be detached first (`followups::detach_from_steps_of`).
pub fn update(tx: &Transaction, id: i64, cadence: &ValidCadence, now: DateTime<Utc>) -> Result<()> {
    let changed = tx.execute(
        "UPDATE cadences SET name = ?2, stops_on_decisions = ?3, updated_at = ?4 WHERE id = ?1",
        params![
            id,
            cadence.name,
            decision_list_to_sql(&cadence.stops_on),
            time::to_sql(now)
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "cadence" });
    }
    tx.execute("DELETE FROM cadence_steps WHERE cadence_id = ?1", [id])?;
    write_steps(tx, id, &cadence.steps)
}

fn write_steps(tx: &Transaction, id: i64, steps: &[Step]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO cadence_steps (cadence_id, position, offset_days, channel, message) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, step) in steps.iter().enumerate() {
        insert.execute(params![
            id,
            position as i64 + 1,
            step.offset_days,
            step.channel,
            step.message
        ])?;
    }
    Ok(())
}

/// Records that a cadence started on a contact at `start`.
pub fn start_run(
    tx: &Transaction,
    contact_id: i64,
    cadence_id: i64,
    start: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO cadence_runs (contact_id, cadence_id, started_at, based_at) VALUES (?1, ?2, ?3, ?3)",
        params![contact_id, cadence_id, time::to_sql(start)],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

/// The contact's runs still going, oldest first, with what stops each.
pub fn active_runs(conn: &Connection, contact_id: i64) -> Result<Vec<ActiveRun>> {
    let mut statement = conn.prepare_cached(
        "SELECT r.id, c.name, c.builtin_key, c.stops_on_decisions, r.cadence_id
         FROM cadence_runs r JOIN cadences c ON c.id = r.cadence_id
         WHERE r.contact_id = ?1 AND r.stopped_at IS NULL ORDER BY r.id",
    )?;
    let rows = statement.query_map([contact_id], |row| {
        Ok(ActiveRun {
            run_id: row.get(0)?,
            cadence_id: row.get(4)?,
            cadence_name: row.get(1)?,
            builtin_key: row.get(2)?,
            stops_on: decision_list_from_sql(&row.get::<_, String>(3)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a run stopped; its pending follow-ups are skipped by the caller
/// (`followups::skip_pending_of_run`).
pub fn stop_run(tx: &Transaction, run_id: i64, reason: &str, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE cadence_runs SET stopped_at = ?2, stop_reason = ?3 WHERE id = ?1 AND stopped_at IS NULL",
        params![run_id, time::to_sql(now), reason],
    )?;
    Ok(())
}

/// The run's remaining steps now count from `at` (the contact answered).
pub fn rebased(tx: &Transaction, run_id: i64, at: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE cadence_runs SET based_at = ?2 WHERE id = ?1",
        params![run_id, time::to_sql(at)],
    )?;
    Ok(())
}

/// Removes the contact's runs none of whose follow-ups are left (their line
/// was undone), so no rhythm runs on with nothing planned.
pub fn delete_runs_left_empty(tx: &Transaction, contact_id: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM cadence_runs WHERE contact_id = ?1
           AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.cadence_run_id = cadence_runs.id)",
        [contact_id],
    )?;
    Ok(())
}
