//! The `touches` table: interactions. The contact's `last_touched_at` that a
//! touch moves is written by `contacts::touched`, beside it in the same write.

use super::time;
use crate::domain::touch::{Touch, ValidTouch};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

pub fn insert(tx: &Transaction, touch: &ValidTouch, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO touches (contact_id, channel, outcome, note, occurred_at, followup_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            touch.contact_id,
            touch.channel,
            touch.outcome,
            touch.note,
            time::to_sql(touch.occurred_at),
            touch.followup_id,
            time::to_sql(now)
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

const COLUMNS: &str = "id, contact_id, channel, outcome, note, occurred_at, followup_id";

fn from_row(row: &Row) -> rusqlite::Result<Touch> {
    let channel: crate::domain::channel::Channel = row.get(2)?;
    Ok(Touch {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        channel,
        channel_label: channel.label(),
        outcome: row.get(3)?,
        note: row.get(4)?,
        occurred_at: time::from_sql(&row.get::<_, String>(5)?)?,
        followup_id: row.get(6)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Touch> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM touches WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "touch" })
}

/// Newest first.
pub fn for_contact(conn: &Connection, contact_id: i64, limit: u32) -> Result<Vec<Touch>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM touches
         WHERE contact_id = ?1 ORDER BY occurred_at DESC, id DESC LIMIT ?2"
    ))?;
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

/// The contact's newest touch, if any (what `last_touched_at` should say).
pub fn latest_for_contact(conn: &Connection, contact_id: i64) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = conn.query_row(
        "SELECT max(occurred_at) FROM touches WHERE contact_id = ?1",
        [contact_id],
        |row| row.get(0),
    )?;
    Ok(text.map(|text| time::from_sql(&text)).transpose()?)
}

/// When the contact was first touched, if ever (where a rhythm counts from
/// when the day they met is not known).
pub fn first_for_contact(conn: &Connection, contact_id: i64) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = conn.query_row(
        "SELECT min(occurred_at) FROM touches WHERE contact_id = ?1",
        [contact_id],
        |row| row.get(0),
    )?;
    Ok(text.map(|text| time::from_sql(&text)).transpose()?)
}

/// Removes a touch of this contact.
pub fn delete(tx: &Transaction, id: i64, contact_id: i64) -> Result<()> {
    let changed = tx.execute(
        "DELETE FROM touches WHERE id = ?1 AND contact_id = ?2",
        params![id, contact_id],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "touch" });
    }
    Ok(())
}
