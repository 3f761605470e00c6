//! Queries on cadences, their steps and their runs on contacts.

use super::followups::{self, FromCadence};
use super::time;
use crate::domain::cadence::{self, Cadence, Step, ValidCadence};
use crate::domain::channel::Channel;
use crate::domain::decision::DecisionKind;
use crate::domain::followup::{Due, ValidFollowup};
use crate::domain::local_time;
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};

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
    let steps = conn
        .prepare_cached(
            "SELECT offset_days, channel, message FROM cadence_steps WHERE cadence_id = ?1 ORDER BY position",
        )?
        .query_map([id], |row| {
            Ok(Step {
                offset_days: row.get(0)?,
                channel: Channel::from_key(&row.get::<_, String>(1)?).unwrap_or(Channel::Other),
                message: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Cadence {
        id,
        builtin_key,
        name,
        stops_on: cadence::stops_on_from_text(&stops_on),
        steps,
    })
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

pub fn create(conn: &Connection, cadence: &ValidCadence, now: DateTime<Utc>) -> Result<i64> {
    conn.execute(
        "INSERT INTO cadences (name, stops_on_decisions, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![cadence.name, cadence::stops_on_to_text(&cadence.stops_on), time::to_sql(now)],
    )?;
    let id = conn.last_insert_rowid();
    write_steps(conn, id, &cadence.steps)?;
    Ok(id)
}

/// Edits apply to future runs; follow-ups already planned stay as they are (each
/// is editable on its own).
pub fn update(
    conn: &Connection,
    id: i64,
    cadence: &ValidCadence,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = conn.execute(
        "UPDATE cadences SET name = ?2, stops_on_decisions = ?3, updated_at = ?4 WHERE id = ?1",
        params![
            id,
            cadence.name,
            cadence::stops_on_to_text(&cadence.stops_on),
            time::to_sql(now)
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "cadence" });
    }
    // Steps that past runs point at are kept detached rather than deleted.
    conn.execute("UPDATE followups SET cadence_step_id = NULL WHERE cadence_step_id IN (SELECT id FROM cadence_steps WHERE cadence_id = ?1)", [id])?;
    conn.execute("DELETE FROM cadence_steps WHERE cadence_id = ?1", [id])?;
    write_steps(conn, id, &cadence.steps)
}

fn write_steps(conn: &Connection, id: i64, steps: &[Step]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO cadence_steps (cadence_id, position, offset_days, channel, message) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, step) in steps.iter().enumerate() {
        insert.execute(params![
            id,
            position as i64 + 1,
            step.offset_days,
            step.channel.key(),
            step.message
        ])?;
    }
    Ok(())
}

/// Applies a cadence to a contact from `start`: one follow-up per step, at the
/// default time of day on each step's date.
pub fn apply(
    conn: &Connection,
    contact_id: i64,
    cadence_id: i64,
    start: DateTime<Utc>,
    zone: Tz,
    default_time: NaiveTime,
) -> Result<i64> {
    let steps = conn
        .prepare_cached("SELECT id, offset_days, channel, message FROM cadence_steps WHERE cadence_id = ?1 ORDER BY position")?
        .query_map([cadence_id], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?, row.get::<_, String>(3)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if steps.is_empty() {
        return Err(Error::NotFound { what: "cadence" });
    }
    let started = time::to_sql(start);
    conn.execute(
        "INSERT INTO cadence_runs (contact_id, cadence_id, started_at, based_at) VALUES (?1, ?2, ?3, ?3)",
        params![contact_id, cadence_id, started],
    )
    .map_err(|err| followups::missing_contact(err, contact_id))?;
    let run_id = conn.last_insert_rowid();
    let start_date = local_time::local_date(start, zone);
    let offsets: Vec<i64> = steps.iter().map(|step| step.1).collect();
    for ((step_id, _, channel, message), date) in
        steps.iter().zip(cadence::schedule(start_date, &offsets))
    {
        let due = Due::new(date, None, zone, default_time);
        // A step for today whose default time has passed is simply due now.
        let followup = ValidFollowup {
            contact_id,
            promise: message.clone(),
            channel: Channel::from_key(channel).unwrap_or(Channel::Call),
            due,
        };
        followups::insert(
            conn,
            &followup,
            Some(FromCadence {
                run_id,
                step_id: *step_id,
            }),
            start,
        )?;
    }
    Ok(run_id)
}

/// Active runs on a contact, with their cadence's name.
pub fn active_runs(conn: &Connection, contact_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.id, c.name FROM cadence_runs r JOIN cadences c ON c.id = r.cadence_id
             WHERE r.contact_id = ?1 AND r.stopped_at IS NULL ORDER BY r.id",
        )?
        .query_map([contact_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn has_active_builtin(conn: &Connection, contact_id: i64, key: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cadence_runs r JOIN cadences c ON c.id = r.cadence_id
                        WHERE r.contact_id = ?1 AND r.stopped_at IS NULL AND c.builtin_key = ?2)",
        params![contact_id, key],
        |row| row.get(0),
    )?)
}

/// Stops a run: its pending follow-ups are skipped with the reason.
pub fn stop_run(conn: &Connection, run_id: i64, reason: &str, now: DateTime<Utc>) -> Result<()> {
    let now = time::to_sql(now);
    conn.execute(
        "UPDATE cadence_runs SET stopped_at = ?2, stop_reason = ?3 WHERE id = ?1 AND stopped_at IS NULL",
        params![run_id, now, reason],
    )?;
    conn.execute(
        "UPDATE followups SET status = 'skipped', skip_reason = ?2, completed_at = ?3, snoozed_until = NULL, updated_at = ?3
         WHERE cadence_run_id = ?1 AND status IN ('open', 'snoozed')",
        params![run_id, reason, now],
    )?;
    Ok(())
}

/// Stops the contact's runs whose cadence stops on this decision; returns the
/// names of the cadences stopped.
pub fn stop_on_decision(
    conn: &Connection,
    contact_id: i64,
    kind: DecisionKind,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let runs = conn
        .prepare_cached(
            "SELECT r.id, c.name FROM cadence_runs r JOIN cadences c ON c.id = r.cadence_id
             WHERE r.contact_id = ?1 AND r.stopped_at IS NULL
               AND ',' || c.stops_on_decisions || ',' LIKE '%,' || ?2 || ',%'",
        )?
        .query_map(params![contact_id, kind.key()], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let reason = format!("Cadence stopped: decided “{}”", kind.label());
    for (run_id, _) in &runs {
        stop_run(conn, *run_id, &reason, now)?;
    }
    Ok(runs.into_iter().map(|(_, name)| name).collect())
}

/// The contact answered at `answered_at`: in each active run, the steps still
/// ahead are moved to count from the answer. Returns how many follow-ups moved.
pub fn rebase_on_answer(
    conn: &Connection,
    contact_id: i64,
    answered_at: DateTime<Utc>,
    zone: Tz,
    default_time: NaiveTime,
) -> Result<usize> {
    let answered = time::to_sql(answered_at);
    let mut moved = 0;
    for (run_id, _) in active_runs(conn, contact_id)? {
        // (follow-up id, step offset, still ahead?)
        let steps = conn
            .prepare_cached(
                "SELECT f.id, s.offset_days, f.status IN ('open', 'snoozed') AND f.due_at > ?2
                 FROM followups f JOIN cadence_steps s ON s.id = f.cadence_step_id
                 WHERE f.cadence_run_id = ?1 ORDER BY s.position",
            )?
            .query_map(params![run_id, answered], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, bool>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let done_offset = steps
            .iter()
            .filter(|s| !s.2)
            .map(|s| s.1)
            .max()
            .unwrap_or(0);
        let ahead: Vec<&(i64, i64, bool)> = steps.iter().filter(|s| s.2).collect();
        let offsets: Vec<i64> = ahead.iter().map(|s| s.1).collect();
        let dates = cadence::rebase(
            local_time::local_date(answered_at, zone),
            done_offset,
            &offsets,
        );
        for ((followup_id, _, _), date) in ahead.into_iter().zip(dates) {
            let due = Due::new(date, None, zone, default_time);
            conn.execute(
                "UPDATE followups SET due_at = ?2, due_local = ?3, due_zone = ?4, has_time = 0,
                        status = 'open', snoozed_until = NULL, notified_at = NULL, updated_at = ?5
                 WHERE id = ?1",
                params![
                    followup_id,
                    time::to_sql(due.at),
                    local_time::format_local(due.local),
                    zone.name(),
                    answered
                ],
            )?;
            moved += 1;
        }
        conn.execute(
            "UPDATE cadence_runs SET based_at = ?2 WHERE id = ?1",
            params![run_id, answered],
        )?;
    }
    Ok(moved)
}
