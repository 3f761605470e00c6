//! The `decisions` table: where a contact stood, and when. The contact's own
//! "latest decision" columns are written by `contacts::decided`.

use super::time;
use crate::domain::decision::{Decision, DecisionKind, ValidDecision};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

pub fn insert(tx: &Transaction, decision: &ValidDecision, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO decisions (contact_id, kind, decided_at, revisit_on, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            decision.contact_id,
            decision.kind,
            time::to_sql(now),
            decision.revisit_on.map(|d| d.to_string()),
            decision.note
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

const COLUMNS: &str = "id, contact_id, kind, decided_at, revisit_on, note";

fn from_row(row: &Row) -> rusqlite::Result<Decision> {
    let kind: DecisionKind = row.get(2)?;
    let revisit_on = row
        .get::<_, Option<String>>(4)?
        .map(|text| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|err| {
                rusqlite::Error::FromSqlConversionFailure(
                    4,
                    rusqlite::types::Type::Text,
                    Box::new(err),
                )
            })
        })
        .transpose()?;
    Ok(Decision {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        kind,
        label: kind.label(),
        decided_at: time::from_sql(&row.get::<_, String>(3)?)?,
        revisit_on,
        note: row.get(5)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Decision> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM decisions WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "decision" })
}

/// Newest first: the history of where this contact stood.
pub fn for_contact(conn: &Connection, contact_id: i64) -> Result<Vec<Decision>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM decisions WHERE contact_id = ?1 ORDER BY decided_at DESC, id DESC"
    ))?;
    let rows = statement.query_map([contact_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
