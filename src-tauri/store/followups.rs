//! Queries on follow-ups. State changes check the current state in the same
//! statement, so a follow-up done twice (window and notification at once) is
//! refused rather than done twice.

use super::time;
use crate::domain::channel::Channel;
use crate::domain::followup::{Due, Followup, Status, ValidFollowup};
use crate::domain::local_time;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// Links a follow-up to the cadence step that created it.
#[derive(Debug, Clone, Copy)]
pub struct FromCadence {
    pub run_id: i64,
    pub step_id: i64,
}

pub fn insert(
    conn: &Connection,
    followup: &ValidFollowup,
    cadence: Option<FromCadence>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let due = &followup.due;
    conn.execute(
        "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone, has_time,
                                cadence_run_id, cadence_step_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            followup.contact_id,
            followup.promise,
            followup.channel.key(),
            time::to_sql(due.at),
            local_time::format_local(due.local),
            due.zone.name(),
            due.has_time,
            cadence.map(|c| c.run_id),
            cadence.map(|c| c.step_id),
            time::to_sql(now),
        ],
    )
    .map_err(|err| missing_contact(err, followup.contact_id))?;
    Ok(conn.last_insert_rowid())
}

/// A foreign-key failure on insert means the contact is gone.
pub(super) fn missing_contact(err: rusqlite::Error, _contact_id: i64) -> Error {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Error::NotFound { what: "contact" },
        _ => Error::Storage(err),
    }
}

const COLUMNS: &str =
    "f.id, f.contact_id, c.name, f.promise, f.channel, f.due_at, f.due_local, f.has_time,
    f.status, f.snoozed_until, f.skip_reason, f.completed_at, cad.name, f.notified_at";

const FROM: &str = "FROM followups f JOIN contacts c ON c.id = f.contact_id
    LEFT JOIN cadence_runs r ON r.id = f.cadence_run_id
    LEFT JOIN cadences cad ON cad.id = r.cadence_id";

fn instant(row: &Row, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    time::from_sql(&row.get::<_, String>(index)?)
}

fn optional_instant(row: &Row, index: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    row.get::<_, Option<String>>(index)?
        .map(|text| time::from_sql(&text))
        .transpose()
}

/// Reads a row; a timed follow-up is shown at its instant in the current zone,
/// a date-only one keeps its date.
fn from_row(row: &Row, zone: Tz) -> rusqlite::Result<Followup> {
    let channel_key: String = row.get(4)?;
    let channel = Channel::from_key(&channel_key).unwrap_or(Channel::Other);
    let status_key: String = row.get(8)?;
    let status = Status::from_key(&status_key).unwrap_or(Status::Open);
    let due_at = instant(row, 5)?;
    let has_time: bool = row.get(7)?;
    let due_local = if has_time {
        local_time::format_local(local_time::local_date_time(due_at, zone))
    } else {
        row.get(6)?
    };
    Ok(Followup {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        contact_name: row.get(2)?,
        promise: row.get(3)?,
        channel,
        channel_label: channel.label(),
        due_at,
        due_local,
        has_time,
        status,
        snoozed_until: optional_instant(row, 9)?,
        skip_reason: row.get(10)?,
        completed_at: optional_instant(row, 11)?,
        cadence_name: row.get(12)?,
        notified_at: optional_instant(row, 13)?,
    })
}

pub fn get(conn: &Connection, id: i64, zone: Tz) -> Result<Followup> {
    conn.query_row(
        &format!("SELECT {COLUMNS} {FROM} WHERE f.id = ?1"),
        [id],
        |row| from_row(row, zone),
    )
    .optional()?
    .ok_or(Error::NotFound { what: "follow-up" })
}

/// A contact's follow-ups: pending ones by due date, then the finished ones,
/// most recent first.
pub fn for_contact(conn: &Connection, contact_id: i64, zone: Tz) -> Result<Vec<Followup>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE f.contact_id = ?1
         ORDER BY f.status NOT IN ('open', 'snoozed'),
                  CASE WHEN f.status IN ('open', 'snoozed') THEN f.due_at END,
                  coalesce(f.completed_at, f.updated_at) DESC"
    ))?;
    let rows = statement.query_map([contact_id], |row| from_row(row, zone))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Pending follow-ups that are due, or whose snooze ends, before `before`
/// (Today and the scheduler read this, through the partial due index).
pub fn pending_before(conn: &Connection, before: DateTime<Utc>, zone: Tz) -> Result<Vec<Followup>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM}
         WHERE c.archived_at IS NULL AND f.id IN (
             SELECT id FROM followups WHERE status IN ('open', 'snoozed') AND due_at < ?1
             UNION ALL
             SELECT id FROM followups WHERE status = 'snoozed' AND snoozed_until < ?1 AND due_at >= ?1)
         ORDER BY coalesce(f.snoozed_until, f.due_at), f.id"
    ))?;
    let rows = statement.query_map([time::to_sql(before)], |row| from_row(row, zone))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn pending_state(conn: &Connection, id: i64) -> Result<Status> {
    let key: Option<String> = conn
        .query_row("SELECT status FROM followups WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?;
    let status = key
        .and_then(|key| Status::from_key(&key))
        .ok_or(Error::NotFound { what: "follow-up" })?;
    if !status.is_pending() {
        let what = match status {
            Status::Done => "already done",
            _ => "already skipped",
        };
        return Err(Error::invalid(
            "status",
            format!("That follow-up is {what}."),
        ));
    }
    Ok(status)
}

pub fn complete(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    pending_state(conn, id)?;
    let now = time::to_sql(now);
    conn.execute(
        "UPDATE followups SET status = 'done', completed_at = ?2, snoozed_until = NULL, updated_at = ?2
         WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

pub fn skip(conn: &Connection, id: i64, reason: &str, now: DateTime<Utc>) -> Result<()> {
    pending_state(conn, id)?;
    let now = time::to_sql(now);
    let reason = (!reason.is_empty()).then_some(reason);
    conn.execute(
        "UPDATE followups SET status = 'skipped', skip_reason = ?2, completed_at = ?3,
                snoozed_until = NULL, updated_at = ?3
         WHERE id = ?1",
        params![id, reason, now],
    )?;
    Ok(())
}

/// Reminds again at `until`; the promise keeps its date. Re-arms the reminder.
pub fn snooze(conn: &Connection, id: i64, until: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
    pending_state(conn, id)?;
    conn.execute(
        "UPDATE followups SET status = 'snoozed', snoozed_until = ?2, notified_at = NULL, updated_at = ?3
         WHERE id = ?1",
        params![id, time::to_sql(until), time::to_sql(now)],
    )?;
    Ok(())
}

/// Moves the promise itself to a new time. Re-arms the reminder.
pub fn reschedule(conn: &Connection, id: i64, due: &Due, now: DateTime<Utc>) -> Result<()> {
    pending_state(conn, id)?;
    conn.execute(
        "UPDATE followups SET due_at = ?2, due_local = ?3, due_zone = ?4, has_time = ?5,
                status = 'open', snoozed_until = NULL, notified_at = NULL, updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            time::to_sql(due.at),
            local_time::format_local(due.local),
            due.zone.name(),
            due.has_time,
            time::to_sql(now)
        ],
    )?;
    Ok(())
}

/// After the laptop changes time zone: a date-only follow-up ("Thursday") moves
/// with the person, to the default time in the new zone; a timed one keeps its
/// instant (docs/decisions/0003). Returns how many moved.
pub fn refloat_date_only(conn: &Connection, zone: Tz) -> Result<usize> {
    let mut statement = conn.prepare_cached(
        "SELECT id, due_local FROM followups
         WHERE status IN ('open', 'snoozed') AND has_time = 0 AND due_zone <> ?1",
    )?;
    let moves = statement
        .query_map([zone.name()], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut update = conn.prepare_cached(
        "UPDATE followups SET due_at = ?2, due_zone = ?3, notified_at = NULL WHERE id = ?1",
    )?;
    let mut moved = 0;
    for (id, local) in moves {
        if let Some(local) = local_time::parse_local(&local) {
            update.execute(params![
                id,
                time::to_sql(local_time::resolve(local, zone)),
                zone.name()
            ])?;
            moved += 1;
        }
    }
    Ok(moved)
}

/// Removes a follow-up of this contact (undoing a quick add).
pub fn delete(conn: &Connection, id: i64, contact_id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM followups WHERE id = ?1 AND contact_id = ?2",
        params![id, contact_id],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "follow-up" });
    }
    Ok(())
}
