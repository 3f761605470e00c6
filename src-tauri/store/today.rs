//! Today's contact-level lists: who is going cold, and whose "thinking it over"
//! has lasted too long. One row per contact, thanks to the contact's
//! `last_touched_at`, `last_decision` and (kept by triggers) `cold_at` columns,
//! each read through an index rather than over every contact.

use super::time;
use crate::domain::decision::{DecisionKind, MAYBE_AFTER_DAYS};
use crate::domain::stage::Stage;
use crate::domain::today::{suggest_inactive, GoingCold, Maybe};
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

/// The distinct keep-in-touch windows of contacts who can go cold, read by
/// skipping through the `contacts_going_cold` index (a handful of values).
const WINDOWS: &str = "WITH RECURSIVE windows(days) AS (
        SELECT min(cold_window) FROM contacts WHERE cold_at IS NOT NULL
        UNION ALL
        SELECT (SELECT min(cold_window) FROM contacts
                WHERE cold_at IS NOT NULL AND cold_window > days)
        FROM windows WHERE days IS NOT NULL)";

/// Contacts past their keep-in-touch window with nothing planned, ranked by how
/// far past the window they are relative to it (a week late on a 7-day window
/// outranks a week late on 90 days). Returns a page and the total.
///
/// The contact's `cold_at` and `cold_window` (kept by triggers, migration 0008)
/// answer from an index: within one window the ranking is the order they went
/// cold, so each window gives its first `limit`, and only those are ranked.
pub fn going_cold(
    conn: &Connection,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<(Vec<GoingCold>, i64)> {
    let now_text = time::to_sql(now);
    let total: i64 = conn
        .prepare_cached(&format!(
            "{WINDOWS}
             SELECT coalesce(sum((SELECT count(*) FROM contacts
                                  WHERE cold_window = days AND cold_at < ?1)), 0)
             FROM windows WHERE days IS NOT NULL"
        ))?
        .query_row([&now_text], |row| row.get(0))?;
    let mut statement = conn.prepare_cached(&format!(
        "{WINDOWS}
         SELECT c.id, c.name, c.stage, coalesce(c.last_touched_at, c.created_at) AS since,
                c.last_touched_at IS NOT NULL, c.cold_window
         FROM windows w JOIN contacts c ON c.id IN (
             SELECT id FROM contacts WHERE cold_window = w.days AND cold_at < ?1
             ORDER BY cold_at, id LIMIT ?2)
         ORDER BY (julianday(?1) - julianday(since)) / c.cold_window DESC, c.id
         LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![now_text, limit], |row| {
        let stage: Stage = row.get(2)?;
        let since = time::from_sql(&row.get::<_, String>(3)?)?;
        let days_since = (now - since).num_days();
        Ok(GoingCold {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            stage,
            stage_label: stage.label(),
            since,
            touched: row.get(4)?,
            days_since,
            window_days: row.get(5)?,
            suggest_inactive: suggest_inactive(stage, days_since),
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// "Thinking it over" for more than two weeks: time to ask the tough question.
pub fn maybes(conn: &Connection, now: DateTime<Utc>, limit: u32) -> Result<(Vec<Maybe>, i64)> {
    let cutoff = time::to_sql(now - Duration::days(MAYBE_AFTER_DAYS));
    // The key written into the SQL, not bound: only then does SQLite know the
    // `contacts_maybes` partial index applies.
    let thinking = format!(
        "archived_at IS NULL AND last_decision = '{}'",
        DecisionKind::Thinking.key()
    );
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM contacts WHERE {thinking} AND last_decision_at < ?1"
        ))?
        .query_row([&cutoff], |row| row.get(0))?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, name, last_decision_at FROM contacts
         WHERE {thinking} AND last_decision_at < ?1
         ORDER BY last_decision_at, id LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![cutoff, limit], |row| {
        let since = time::from_sql(&row.get::<_, String>(2)?)?;
        Ok(Maybe {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            since,
            days: (now - since).num_days(),
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}
