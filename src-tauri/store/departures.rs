//! The `departures` table: why a customer left, when, in a note. The reason is
//! also kept beside the contact while she stays gone (`contacts.left_reason`),
//! written by `contacts::set_left_reason`.

use super::time;
use crate::domain::departure::{Departure, Reason, ValidDeparture};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

pub fn insert(tx: &Transaction, departure: &ValidDeparture, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO departures (contact_id, reason, noted_at, note) VALUES (?1, ?2, ?3, ?4)",
        params![
            departure.contact_id,
            departure.reason,
            time::to_sql(now),
            departure.note
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

const COLUMNS: &str = "id, contact_id, reason, noted_at, note";

fn from_row(row: &Row) -> rusqlite::Result<Departure> {
    let reason: Reason = row.get(2)?;
    Ok(Departure {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        reason,
        label: reason.label(),
        control: reason.control(),
        noted_at: time::from_sql(&row.get::<_, String>(3)?)?,
        note: row.get(4)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Departure> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM departures WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "departure" })
}

/// Newest first: each time she was marked gone, and why.
pub fn for_contact(conn: &Connection, contact_id: i64) -> Result<Vec<Departure>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM departures WHERE contact_id = ?1 ORDER BY noted_at DESC, id DESC"
    ))?;
    let rows = statement.query_map([contact_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
