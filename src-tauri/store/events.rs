//! The `contact_events` table (an anniversary, "baby due in May"), and the
//! birthdays and events that fall on given days: found by month and day through
//! the expression indexes of 0006, so Today reads a week of them, not the book.

use super::contacts::STILL_HERE;
use super::time;
use crate::domain::events::{Dated, Event, Found, ValidEvent, What};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, params_from_iter, Connection, Row, Transaction};

pub fn insert(tx: &Transaction, event: &ValidEvent, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO contact_events (contact_id, label, on_date, yearly, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            event.contact_id,
            event.label,
            event.dated.to_text(),
            event.yearly,
            time::to_sql(now)
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

/// Removes one of the contact's events.
pub fn delete(tx: &Transaction, id: i64) -> Result<i64> {
    let contact_id: i64 = tx
        .query_row(
            "DELETE FROM contact_events WHERE id = ?1 RETURNING contact_id",
            [id],
            |row| row.get(0),
        )
        .map_err(|err| match err {
            rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "event" },
            other => Error::Storage(other),
        })?;
    Ok(contact_id)
}

/// Whether anyone still with her has a birthday or a dated event: only then
/// has a morning anything to tell.
pub fn any(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM contacts c
                            WHERE c.birthday IS NOT NULL AND c.archived_at IS NULL AND {STILL_HERE})
                 OR EXISTS (SELECT 1 FROM contact_events e JOIN contacts c ON c.id = e.contact_id
                            WHERE c.archived_at IS NULL AND {STILL_HERE})"
        ))?
        .query_row([], |row| row.get(0))?)
}

/// Her events, by the day they fall on in the year.
pub fn for_contact(conn: &Connection, contact_id: i64) -> Result<Vec<Event>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, contact_id, label, on_date, yearly FROM contact_events
         WHERE contact_id = ?1 ORDER BY substr(on_date, -5), id",
    )?;
    let rows = statement.query_map([contact_id], |row| {
        Ok(Event {
            id: row.get(0)?,
            contact_id: row.get(1)?,
            label: row.get(2)?,
            date: row.get(3)?,
            yearly: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn dated(row: &Row, index: usize) -> rusqlite::Result<Dated> {
    let text: String = row.get(index)?;
    Dated::from_text(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unreadable date {text:?} in the data file").into(),
        )
    })
}

/// The birthdays and yearly events on any of `month_days` ("MM-DD"), and the
/// one-time events from `from` to `to`, of contacts still with her.
pub fn on_days(
    conn: &Connection,
    month_days: &[String],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Found>> {
    if month_days.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; month_days.len()].join(", ");
    let n = month_days.len();
    let sql = format!(
        "SELECT c.id, c.name, NULL, c.birthday, 1 FROM contacts c
         WHERE c.birthday IS NOT NULL AND substr(c.birthday, -5) IN ({marks})
           AND c.archived_at IS NULL AND {STILL_HERE}
         UNION ALL
         SELECT c.id, c.name, e.label, e.on_date, e.yearly FROM contact_events e
         JOIN contacts c ON c.id = e.contact_id
         WHERE ((e.yearly = 1 AND substr(e.on_date, -5) IN ({marks}))
             OR (e.yearly = 0 AND e.on_date BETWEEN ?{from} AND ?{to}))
           AND c.archived_at IS NULL AND {STILL_HERE}",
        from = 2 * n + 1,
        to = 2 * n + 2,
    );
    let values = month_days
        .iter()
        .chain(month_days)
        .cloned()
        .chain([from.to_string(), to.to_string()]);
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(values), |row| {
        let label: Option<String> = row.get(2)?;
        Ok(Found {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            what: match label {
                Some(label) => What::Event { label },
                None => What::Birthday,
            },
            dated: dated(row, 3)?,
            yearly: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
