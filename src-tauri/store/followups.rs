//! The `followups` table: promises and their states. Every state change first
//! checks, inside the caller's write transaction, that the follow-up is still
//! pending, so one done twice (from the window and a notification at once) is
//! refused the second time rather than done twice.

use super::time;
use crate::domain::cadence::RunFollowup;
use crate::domain::contact::Reach;
use crate::domain::followup::{DateOnly, Due, Followup, Status, ValidFollowup};
use crate::domain::local_time;
use crate::domain::sections::Pending;
use crate::domain::today::Day;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

/// Links a follow-up to the cadence step that created it.
#[derive(Debug, Clone, Copy)]
pub struct FromCadence {
    pub run_id: i64,
    pub step_id: i64,
}

pub fn insert(
    tx: &Transaction,
    followup: &ValidFollowup,
    cadence: Option<FromCadence>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let due = &followup.due;
    tx.execute(
        "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone, has_time,
                                cadence_run_id, cadence_step_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            followup.contact_id,
            followup.promise,
            followup.channel,
            time::to_sql(due.at),
            local_time::format_local(due.local),
            due.zone.name(),
            due.has_time,
            cadence.map(|c| c.run_id),
            cadence.map(|c| c.step_id),
            time::to_sql(now),
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

const COLUMNS: &str =
    "f.id, f.contact_id, c.name, f.promise, f.channel, f.due_at, f.due_local, f.has_time,
    f.status, f.snoozed_until, f.skip_reason, f.completed_at, cad.name, f.notified_at,
    p.value, p.normalized, e.value, f.reorder_of, c.matters_now, c.matters_now_on";

const FROM: &str = "FROM followups f JOIN contacts c ON c.id = f.contact_id
    LEFT JOIN cadence_runs r ON r.id = f.cadence_run_id
    LEFT JOIN cadences cad ON cad.id = r.cadence_id
    LEFT JOIN contact_methods p ON p.contact_id = c.id AND p.kind = 'phone' AND p.position = 0
    LEFT JOIN contact_methods e ON e.contact_id = c.id AND e.kind = 'email' AND e.position = 0";

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
    let channel = row.get(4)?;
    let status = row.get(8)?;
    let due_at = instant(row, 5)?;
    let has_time: bool = row.get(7)?;
    // The stored wall time is what she asked for; what is shown is what the
    // clock will say (docs/decisions/0003).
    let stored: String = row.get(6)?;
    let asked = local_time::parse_local(&stored);
    let (due_local, due_note) = if has_time {
        let shown = local_time::format_local(local_time::local_date_time(due_at, zone));
        let note = asked
            .filter(|asked| local_time::resolve(*asked, zone) == due_at)
            .and_then(|asked| local_time::gap_note(asked, zone));
        (shown, note)
    } else {
        match asked {
            Some(asked) => (
                local_time::format_local(local_time::on_the_clock(asked, zone)),
                local_time::gap_note(asked, zone),
            ),
            None => (stored, None),
        }
    };
    Ok(Followup {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        contact_name: row.get(2)?,
        promise: row.get(3)?,
        channel,
        channel_label: crate::domain::channel::Channel::label(channel),
        due_at,
        due_local,
        due_note,
        has_time,
        status,
        snoozed_until: optional_instant(row, 9)?,
        skip_reason: row.get(10)?,
        completed_at: optional_instant(row, 11)?,
        cadence_name: row.get(12)?,
        notified_at: optional_instant(row, 13)?,
        reach: Reach::stored(row.get(14)?, row.get(15)?, row.get(16)?),
        reorder_of: row.get(17)?,
        matters_now: super::contacts::matters_now(row, 18)?,
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

/// Pending follow-ups that are due, or whose snooze ends, before `before`,
/// every one of them: what Today's sections ([`today_section`], by their first
/// items and counts) are checked against in tests/today.rs; re-order reminders
/// are [`reorders_before`]'s.
pub fn pending_before(conn: &Connection, before: DateTime<Utc>, zone: Tz) -> Result<Vec<Followup>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM}
         WHERE c.archived_at IS NULL AND f.id IN (
             SELECT id FROM followups WHERE reorder_of IS NULL AND status IN ('open', 'snoozed') AND due_at < ?1
             UNION ALL
             SELECT id FROM followups WHERE reorder_of IS NULL AND status = 'snoozed' AND snoozed_until < ?1 AND due_at >= ?1)
         ORDER BY coalesce(f.snoozed_until, f.due_at), f.id"
    ))?;
    let rows = statement.query_map([time::to_sql(before)], |row| from_row(row, zone))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Re-order reminders due before `before`, soonest first (a page of `limit`),
/// with how many there are in all and how many are due by `tomorrow` (not
/// snoozed past `now`): Today's `Re-orders`, which a big book fills by the
/// thousand, so it is paged as going cold is.
pub fn reorders_before(
    conn: &Connection,
    now: DateTime<Utc>,
    tomorrow: DateTime<Utc>,
    before: DateTime<Utc>,
    limit: u32,
    zone: Tz,
) -> Result<(Vec<Followup>, i64, i64)> {
    let before = time::to_sql(before);
    let (total, due): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(f.due_at < ?2 AND NOT (f.status = 'snoozed' AND f.snoozed_until > ?3)), 0)
         FROM followups f
         WHERE f.reorder_of IS NOT NULL AND f.status IN ('open', 'snoozed') AND f.due_at < ?1
           AND f.contact_id NOT IN (SELECT id FROM contacts WHERE archived_at IS NOT NULL)",
        params![before, time::to_sql(tomorrow), time::to_sql(now)],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM}
         WHERE c.archived_at IS NULL AND f.id IN (
             SELECT id FROM followups WHERE reorder_of IS NOT NULL AND status IN ('open', 'snoozed') AND due_at < ?1
             ORDER BY due_at LIMIT ?2)
         ORDER BY coalesce(f.snoozed_until, f.due_at), f.id"
    ))?;
    let rows = statement.query_map(params![before, limit], |row| from_row(row, zone))?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total, due))
}

/// Every state change goes through here, inside the write transaction, so a
/// follow-up done twice at once (window and notification) is refused the second
/// time by the domain's rule.
fn pending_state(tx: &Transaction, id: i64) -> Result<Status> {
    let status: Status = tx
        .query_row("SELECT status FROM followups WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?
        .ok_or(Error::NotFound { what: "follow-up" })?;
    status.ensure_pending()?;
    Ok(status)
}

pub fn complete(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<()> {
    pending_state(tx, id)?;
    let now = time::to_sql(now);
    tx.execute(
        "UPDATE followups SET status = 'done', completed_at = ?2, snoozed_until = NULL, updated_at = ?2
         WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

pub fn skip(tx: &Transaction, id: i64, reason: &str, now: DateTime<Utc>) -> Result<()> {
    pending_state(tx, id)?;
    let now = time::to_sql(now);
    let reason = (!reason.is_empty()).then_some(reason);
    tx.execute(
        "UPDATE followups SET status = 'skipped', skip_reason = ?2, completed_at = ?3,
                snoozed_until = NULL, updated_at = ?3
         WHERE id = ?1",
        params![id, reason, now],
    )?;
    Ok(())
}

/// Reminds again at `until`; the promise keeps its date. Re-arms the reminder.
pub fn snooze(tx: &Transaction, id: i64, until: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
    pending_state(tx, id)?;
    tx.execute(
        "UPDATE followups SET status = 'snoozed', snoozed_until = ?2, notified_at = NULL, updated_at = ?3
         WHERE id = ?1",
        params![id, time::to_sql(until), time::to_sql(now)],
    )?;
    Ok(())
}

/// Moves the promise itself to a new time. Re-arms the reminder.
pub fn reschedule(tx: &Transaction, id: i64, due: &Due, now: DateTime<Utc>) -> Result<()> {
    pending_state(tx, id)?;
    tx.execute(
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

/// New words for a pending promise (a cadence step that now says why it moved).
pub fn reword(tx: &Transaction, id: i64, promise: &str, now: DateTime<Utc>) -> Result<()> {
    pending_state(tx, id)?;
    tx.execute(
        "UPDATE followups SET promise = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, promise, time::to_sql(now)],
    )?;
    Ok(())
}

/// Makes a follow-up the re-order reminder of a product.
pub fn set_reorder_of(tx: &Transaction, id: i64, product_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE followups SET reorder_of = ?2 WHERE id = ?1",
        params![id, product_id],
    )?;
    Ok(())
}

/// She re-ordered: the contact's pending reminders for that product are kept
/// (done). Returns how many there were.
pub fn complete_reorders(
    tx: &Transaction,
    contact_id: i64,
    product_id: i64,
    now: DateTime<Utc>,
) -> Result<usize> {
    let now = time::to_sql(now);
    Ok(tx.execute(
        "UPDATE followups SET status = 'done', completed_at = ?3, snoozed_until = NULL, updated_at = ?3
         WHERE contact_id = ?1 AND reorder_of = ?2 AND status IN ('open', 'snoozed')",
        params![contact_id, product_id, now],
    )?)
}

/// Pending follow-ups with only a date whose zone is not `zone`.
pub fn date_only_outside(conn: &Connection, zone: Tz) -> Result<Vec<DateOnly>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, due_local FROM followups
         WHERE status IN ('open', 'snoozed') AND has_time = 0 AND due_zone <> ?1",
    )?;
    let rows = statement.query_map([zone.name()], |row| {
        let text: String = row.get(1)?;
        let local = local_time::parse_local(&text).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unreadable local time {text:?} in the data file").into(),
            )
        })?;
        Ok(DateOnly {
            id: row.get(0)?,
            local,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Places a follow-up's due in another zone; re-arms its reminder.
pub fn move_to_zone(tx: &Transaction, id: i64, due: &Due) -> Result<()> {
    tx.execute(
        "UPDATE followups SET due_at = ?2, due_zone = ?3, notified_at = NULL WHERE id = ?1",
        params![id, time::to_sql(due.at), due.zone.name()],
    )?;
    Ok(())
}

/// Removes a follow-up of this contact (undoing a quick add).
pub fn delete(tx: &Transaction, id: i64, contact_id: i64) -> Result<()> {
    let changed = tx.execute(
        "DELETE FROM followups WHERE id = ?1 AND contact_id = ?2",
        params![id, contact_id],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "follow-up" });
    }
    Ok(())
}

/// Stopping a cadence run: its follow-ups still pending are skipped, with why.
pub fn skip_pending_of_run(
    tx: &Transaction,
    run_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let now = time::to_sql(now);
    tx.execute(
        "UPDATE followups SET status = 'skipped', skip_reason = ?2, completed_at = ?3,
                snoozed_until = NULL, updated_at = ?3
         WHERE cadence_run_id = ?1 AND status IN ('open', 'snoozed')",
        params![run_id, reason, now],
    )?;
    Ok(())
}

/// She left for good (died, moved): every promise still pending about her is
/// skipped, with why. Returns how many.
pub fn skip_pending_of_contact(
    tx: &Transaction,
    contact_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<usize> {
    let now = time::to_sql(now);
    Ok(tx.execute(
        "UPDATE followups SET status = 'skipped', skip_reason = ?2, completed_at = ?3,
                snoozed_until = NULL, updated_at = ?3
         WHERE contact_id = ?1 AND status IN ('open', 'snoozed')",
        params![contact_id, reason, now],
    )?)
}

/// A cadence's steps are about to be replaced: follow-ups planned from them
/// keep everything but the link to a step that will no longer exist.
pub fn detach_from_steps_of(tx: &Transaction, cadence_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE followups SET cadence_step_id = NULL
         WHERE cadence_step_id IN (SELECT id FROM cadence_steps WHERE cadence_id = ?1)",
        [cadence_id],
    )?;
    Ok(())
}

/// The follow-ups a cadence run planned, in step order, with their step's day.
pub fn of_run(conn: &Connection, run_id: i64) -> Result<Vec<RunFollowup>> {
    let mut statement = conn.prepare_cached(
        "SELECT f.id, s.offset_days, f.status, f.due_at, s.message, f.promise
         FROM followups f JOIN cadence_steps s ON s.id = f.cadence_step_id
         WHERE f.cadence_run_id = ?1 ORDER BY s.position",
    )?;
    let rows = statement.query_map([run_id], |row| {
        Ok(RunFollowup {
            followup_id: row.get(0)?,
            offset_days: row.get(1)?,
            status: row.get(2)?,
            due_at: instant(row, 3)?,
            message: row.get(4)?,
            promise: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Notified now: the reminder loop never shows these again (until re-armed by
/// a snooze or a new date).
pub fn mark_notified(tx: &Transaction, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
    let mut statement = tx.prepare_cached("UPDATE followups SET notified_at = ?2 WHERE id = ?1")?;
    let now = time::to_sql(now);
    for id in ids {
        statement.execute(params![id, now])?;
    }
    Ok(())
}

/// How many promises and re-order reminders are due by `tomorrow` (overdue or
/// due today) and not snoozed past `now`: the tray's count, without building
/// Today. Each kind is counted from its own index.
pub fn count_due(conn: &Connection, now: DateTime<Utc>, tomorrow: DateTime<Utc>) -> Result<i64> {
    Ok(conn.query_row(
        &format!(
            "SELECT (SELECT count(*) FROM followups
                     WHERE reorder_of IS NULL AND status IN ('open', 'snoozed') AND due_at < ?2
                       AND {LIVE} AND NOT {SNOOZING})
                  + (SELECT count(*) FROM followups
                     WHERE reorder_of IS NOT NULL AND status IN ('open', 'snoozed') AND due_at < ?2
                       AND {LIVE} AND NOT {SNOOZING})"
        ),
        params![time::to_sql(now), time::to_sql(tomorrow)],
        |row| row.get(0),
    )?)
}

// Today's sections in SQL, read from indexes alone (migration 0007). The rule
// is `domain::today::classify`; tests/today.rs checks these against it.
// Re-order reminders are in none of them: they are `reorders_before`'s.
// Parameters: ?1 now, ?2 start of today, ?3 tomorrow, ?4 end of upcoming.

/// Not a follow-up of an archived contact: the few archived ones are listed
/// once, from their own index (named, since without statistics SQLite would
/// rather read every contact's name).
const LIVE: &str = "contact_id NOT IN (SELECT id FROM contacts INDEXED BY contacts_archived
                                       WHERE archived_at IS NOT NULL)";
/// Snoozed, and the snooze has not ended yet.
const SNOOZING: &str = "(status = 'snoozed' AND ifnull(snoozed_until > ?1, 0))";

/// The pending promises of contacts still with her that Today's sections can
/// hold: due before the week ends, or snoozed to a time before it. Two index
/// ranges, read once; `domain::sections` places and pages them.
pub fn pending_this_week(conn: &Connection, day: &Day) -> Result<Vec<Pending>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, status, due_at, snoozed_until FROM followups
         WHERE reorder_of IS NULL AND status IN ('open', 'snoozed') AND {LIVE} AND due_at < ?1
         UNION ALL
         SELECT id, status, due_at, snoozed_until FROM followups INDEXED BY followups_snoozed
         WHERE reorder_of IS NULL AND status = 'snoozed' AND {LIVE} AND snoozed_until < ?1
           AND due_at >= ?1"
    ))?;
    let rows = statement.query_map([time::to_sql(day.upcoming_end)], |row| {
        Ok(Pending {
            id: row.get(0)?,
            status: row.get(1)?,
            due_at: instant(row, 2)?,
            snoozed_until: optional_instant(row, 3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The follow-ups with these ids, in the order given (a page the domain chose).
pub fn in_order(conn: &Connection, ids: &[i64], zone: Tz) -> Result<Vec<Followup>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE f.id IN (SELECT value FROM json_each(?1))"
    ))?;
    // A JSON array of integers: json_each reads it as one bound value.
    let listed = format!(
        "[{}]",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    );
    let mut found: Vec<Followup> = statement
        .query_map([listed], |row| from_row(row, zone))?
        .collect::<rusqlite::Result<_>>()?;
    let position: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(at, id)| (*id, at)).collect();
    found.sort_by_key(|followup| position.get(&followup.id).copied());
    Ok(found)
}
