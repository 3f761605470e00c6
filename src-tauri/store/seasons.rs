//! The `seasons` table, and who bought between two days (a season last year):
//! a read over purchases and contacts, through the purchases-by-day index.

use super::time;
use crate::domain::referral::Person;
use crate::domain::season::{Season, ValidSeason};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Transaction};

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
/// `limit`, by when they were added), and how many in all: the count from
/// `purchases_by_day` alone, the page's names for its rows only.
pub fn buyers_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    limit: u32,
) -> Result<(Vec<Person>, i64)> {
    let buyers = format!(
        "SELECT DISTINCT contact_id FROM purchases
         WHERE purchased_on BETWEEN ?1 AND ?2 AND {}",
        super::contacts::listed_contact("contact_id")
    );
    let (from, to) = (from.to_string(), to.to_string());
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM ({buyers})"),
        params![from, to],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, name FROM contacts WHERE id IN ({buyers}) ORDER BY id LIMIT ?3"
    ))?;
    let rows = statement.query_map(params![from, to, limit], |row| {
        Ok(Person {
            id: row.get(0)?,
            name: row.get(1)?,
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}
