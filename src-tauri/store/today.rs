//! Today's contact-level lists: who is going cold, and whose "thinking it over"
//! has lasted too long. One row per contact, thanks to the contact's
//! `last_touched_at`, `last_decision` and (kept by triggers) `cold_at` columns,
//! each read through an index rather than over every contact.

use super::contacts;
use super::time;
use crate::domain::contact::Reach;
use crate::domain::decision::{DecisionKind, MAYBE_AFTER_DAYS};
use crate::domain::stage::Stage;
use crate::domain::today::{ran_out_long_ago, suggest_inactive, GoingCold, Lapsed, Maybe};
use crate::error::Result;
use chrono::{DateTime, Duration, NaiveDate, Utc};
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
/// The contact's `cold_at` and `cold_window` (kept by triggers, migration 0007)
/// answer from an index: within one window the ranking is the order they went
/// cold, so each window gives its first `limit`, and only those are ranked.
/// Who left for good (`contacts::STILL_HERE` false) has no `cold_at`: the
/// triggers leave it empty, as for an archived contact.
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
    // The page is chosen first; only its rows look up how to reach the person.
    let mut statement = conn.prepare_cached(&format!(
        "SELECT page.*, p.value, p.normalized, e.value FROM (
         {WINDOWS}
         SELECT c.id, c.name, c.stage, coalesce(c.last_touched_at, c.created_at) AS since,
                c.last_touched_at IS NOT NULL, c.cold_window AS window, c.matters_now, c.matters_now_on
         FROM windows w JOIN contacts c ON c.id IN (
             SELECT id FROM contacts WHERE cold_window = w.days AND cold_at < ?1
             ORDER BY cold_at, id LIMIT ?2)
         ORDER BY (julianday(?1) - julianday(since)) / c.cold_window DESC, c.id
         LIMIT ?2) page
         LEFT JOIN contact_methods p ON p.contact_id = page.id AND p.kind = 'phone' AND p.position = 0
         LEFT JOIN contact_methods e ON e.contact_id = page.id AND e.kind = 'email' AND e.position = 0
         ORDER BY (julianday(?1) - julianday(page.since)) / page.window DESC, page.id"
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
            reach: Reach::stored(row.get(8)?, row.get(9)?, row.get(10)?),
            matters_now: contacts::matters_now(row, 6)?,
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// "Thinking it over" for more than two weeks: time to ask the tough question.
pub fn maybes(conn: &Connection, now: DateTime<Utc>, limit: u32) -> Result<(Vec<Maybe>, i64)> {
    let cutoff = time::to_sql(now - Duration::days(MAYBE_AFTER_DAYS));
    // The key written into the SQL, not bound: only then does SQLite know the
    // `contacts_maybes` partial index applies (it carries `left_reason`, so the
    // count of those still here reads the index alone).
    let thinking = format!(
        "c.archived_at IS NULL AND c.last_decision = '{}' AND {}",
        DecisionKind::Thinking.key(),
        contacts::STILL_HERE
    );
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM contacts c WHERE {thinking} AND c.last_decision_at < ?1"
        ))?
        .query_row([&cutoff], |row| row.get(0))?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.last_decision_at, c.matters_now, c.matters_now_on,
                p.value, p.normalized, e.value FROM contacts c
         LEFT JOIN contact_methods p ON p.contact_id = c.id AND p.kind = 'phone' AND p.position = 0
         LEFT JOIN contact_methods e ON e.contact_id = c.id AND e.kind = 'email' AND e.position = 0
         WHERE {thinking} AND c.last_decision_at < ?1
         ORDER BY c.last_decision_at, c.id LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![cutoff, limit], |row| {
        let since = time::from_sql(&row.get::<_, String>(2)?)?;
        Ok(Maybe {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            since,
            days: (now - since).num_days(),
            reach: Reach::stored(row.get(5)?, row.get(6)?, row.get(7)?),
            matters_now: contacts::matters_now(row, 3)?,
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// Customers whose supplies all ran out before `before` with no purchase since
/// (`contacts.supply_ends_on` moves with every purchase), the longest gone
/// first. Returns a page and the total; both come from `contacts_by_supply_end`
/// (the count from the index alone, the page's names for its rows only).
pub fn lapsed(
    conn: &Connection,
    before: NaiveDate,
    today: NaiveDate,
    limit: u32,
) -> Result<(Vec<Lapsed>, i64)> {
    let filter = format!(
        "c.supply_ends_on IS NOT NULL AND c.supply_ends_on < ?1 AND c.archived_at IS NULL
         AND c.stage IN ('customer', 'new_customer') AND {}",
        contacts::STILL_HERE
    );
    let before = before.to_string();
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM contacts c WHERE {filter}"),
        [&before],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.stage, c.supply_ends_on FROM contacts c
         WHERE c.id IN (SELECT c.id FROM contacts c WHERE {filter} ORDER BY c.supply_ends_on, c.id LIMIT ?2)
         ORDER BY c.supply_ends_on, c.id"
    ))?;
    let rows = statement.query_map(params![before, limit], |row| {
        let stage: Stage = row.get(2)?;
        let ended = super::purchases::date(row, 3)?;
        Ok(Lapsed {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            stage,
            stage_label: stage.label(),
            supply_ended_on: ended,
            days_since: (today - ended).num_days(),
            suggest_inactive: ran_out_long_ago(stage, ended, today),
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}
