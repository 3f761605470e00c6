//! Queries on touches. Each insert also moves the contact's `last_touched_at`.

use super::time;
use crate::domain::channel::Channel;
use crate::domain::touch::{Outcome, Touch, ValidTouch};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row};

pub fn insert(conn: &Connection, touch: &ValidTouch, now: DateTime<Utc>) -> Result<i64> {
    let occurred = time::to_sql(touch.occurred_at);
    conn.execute(
        "INSERT INTO touches (contact_id, channel, outcome, note, occurred_at, followup_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            touch.contact_id,
            touch.channel.key(),
            touch.outcome.key(),
            touch.note,
            occurred,
            touch.followup_id,
            time::to_sql(now)
        ],
    )
    .map_err(|err| super::followups::missing_contact(err, touch.contact_id))?;
    let id = conn.last_insert_rowid();
    // A touch logged late (yesterday's call) must not move the date backwards.
    conn.execute(
        "UPDATE contacts SET last_touched_at = ?2
         WHERE id = ?1 AND (last_touched_at IS NULL OR last_touched_at < ?2)",
        params![touch.contact_id, occurred],
    )?;
    Ok(id)
}

fn from_row(row: &Row) -> rusqlite::Result<Touch> {
    let channel = Channel::from_key(&row.get::<_, String>(2)?).unwrap_or(Channel::Other);
    Ok(Touch {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        channel,
        channel_label: channel.label(),
        outcome: Outcome::from_key(&row.get::<_, String>(3)?).unwrap_or(Outcome::None),
        note: row.get(4)?,
        occurred_at: time::from_sql(&row.get::<_, String>(5)?)?,
        followup_id: row.get(6)?,
    })
}

/// Newest first.
pub fn for_contact(conn: &Connection, contact_id: i64, limit: u32) -> Result<Vec<Touch>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, contact_id, channel, outcome, note, occurred_at, followup_id FROM touches
         WHERE contact_id = ?1 ORDER BY occurred_at DESC, id DESC LIMIT ?2",
    )?;
    let rows = statement.query_map(params![contact_id, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count_for_contact(conn: &Connection, contact_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM touches WHERE contact_id = ?1",
        [contact_id],
        |row| row.get(0),
    )?)
}

/// Removes a touch of this contact and puts `last_touched_at` back.
pub fn delete(conn: &Connection, id: i64, contact_id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM touches WHERE id = ?1 AND contact_id = ?2",
        params![id, contact_id],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "touch" });
    }
    conn.execute(
        "UPDATE contacts SET last_touched_at = (SELECT max(occurred_at) FROM touches WHERE contact_id = ?1) WHERE id = ?1",
        [contact_id],
    )?;
    Ok(())
}
