//! The `seasons` table, and who bought between two days (a season last year):
//! a read over purchases and contacts, through the purchases-by-day index.

use super::time;
use crate::domain::referral::Person;
use crate::domain::season::{Season, ValidSeason};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashSet;

pub fn insert(tx: &Transaction, season: &ValidSeason, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO seasons (name, starts_on, ends_on, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            season.name,
            season.starts.to_text(),
            season.ends.to_text(),
            time::to_sql(now)
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    if tx.execute("DELETE FROM seasons WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound { what: "season" });
    }
    Ok(())
}

/// Her seasons, in the order of the year.
pub fn list(conn: &Connection) -> Result<Vec<Season>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, name, starts_on, ends_on FROM seasons ORDER BY starts_on, id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Season {
            id: row.get(0)?,
            name: row.get(1)?,
            starts_on: row.get(2)?,
            ends_on: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The contacts still with her who bought from `from` to `to` (a page of
/// `limit`, in the order they first bought then), and how many in all: one
/// walk of `purchases_by_day_and_buyer` (migration 0008), counted here, since
/// SQLite's `count(DISTINCT …)` and a `NOT IN` per purchase cost more than the
/// walk itself on a big book.
pub fn buyers_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    limit: u32,
) -> Result<(Vec<Person>, i64)> {
    let unlisted = super::contacts::unlisted(conn)?;
    let mut in_order = conn.prepare_cached(
        "SELECT contact_id FROM purchases WHERE purchased_on BETWEEN ?1 AND ?2
         ORDER BY purchased_on, contact_id",
    )?;
    let mut rows = in_order.query(params![from.to_string(), to.to_string()])?;
    let mut seen = HashSet::new();
    let mut first: Vec<i64> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if !unlisted.contains(&id) && seen.insert(id) && first.len() < limit as usize {
            first.push(id);
        }
    }
    let mut name = conn.prepare_cached("SELECT name FROM contacts WHERE id = ?1")?;
    let people = first
        .into_iter()
        .map(|id| {
            Ok(Person {
                id,
                name: name.query_row([id], |row| row.get(0))?,
            })
        })
        .collect::<Result<_>>()?;
    Ok((people, seen.len() as i64))
}
