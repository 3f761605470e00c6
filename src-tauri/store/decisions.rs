//! Queries on decisions. Each insert also moves the contact's latest decision.

use super::time;
use crate::domain::decision::{Decision, DecisionKind, ValidDecision};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};

pub fn insert(conn: &Connection, decision: &ValidDecision, now: DateTime<Utc>) -> Result<i64> {
    let now = time::to_sql(now);
    conn.execute(
        "INSERT INTO decisions (contact_id, kind, decided_at, revisit_on, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            decision.contact_id,
            decision.kind.key(),
            now,
            decision.revisit_on.map(|d| d.to_string()),
            decision.note
        ],
    )
    .map_err(|err| super::followups::missing_contact(err, decision.contact_id))?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE contacts SET last_decision = ?2, last_decision_at = ?3 WHERE id = ?1",
        params![decision.contact_id, decision.kind.key(), now],
    )?;
    Ok(id)
}

/// Newest first: the history of where this contact stood.
pub fn for_contact(conn: &Connection, contact_id: i64) -> Result<Vec<Decision>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, contact_id, kind, decided_at, revisit_on, note FROM decisions
         WHERE contact_id = ?1 ORDER BY decided_at DESC, id DESC",
    )?;
    let rows = statement.query_map([contact_id], |row| {
        let kind =
            DecisionKind::from_key(&row.get::<_, String>(2)?).unwrap_or(DecisionKind::Interested);
        Ok(Decision {
            id: row.get(0)?,
            contact_id: row.get(1)?,
            kind,
            label: kind.label(),
            decided_at: time::from_sql(&row.get::<_, String>(3)?)?,
            revisit_on: row
                .get::<_, Option<String>>(4)?
                .and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()),
            note: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
