//! Today's contact-level lists: who is going cold, and whose "thinking it over"
//! has lasted too long. One row per contact, thanks to the contact's
//! `last_touched_at` and `last_decision` columns.

use super::contacts;
use super::time;
use crate::domain::contact::Reach;
use crate::domain::decision::{DecisionKind, MAYBE_AFTER_DAYS};
use crate::domain::stage::Stage;
use crate::domain::today::{ran_out_long_ago, suggest_inactive, GoingCold, Lapsed, Maybe};
use crate::error::Result;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection};

/// Contacts past their keep-in-touch window with nothing planned, ranked by how
/// far past the window they are relative to it (a week late on a 7-day window
/// outranks a week late on 90 days). Returns a page and the total.
pub fn going_cold(
    conn: &Connection,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<(Vec<GoingCold>, i64)> {
    // Each stage's cut-off instant is computed once, from the stages table, so
    // each contact costs a string comparison rather than date arithmetic (5x
    // faster on 100k contacts); a contact's own window is computed per row.
    // The page is chosen first; only its rows look up how to reach the person.
    let mut statement = conn.prepare_cached(&format!(
        "SELECT page.*, p.value, p.normalized, e.value FROM (
         WITH cutoff AS MATERIALIZED (
             SELECT key, keep_in_touch_days,
                    strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-' || keep_in_touch_days || ' days') AS before
             FROM stages)
         SELECT c.id, c.name, c.stage, coalesce(c.last_touched_at, c.created_at) AS since,
                c.last_touched_at IS NOT NULL,
                coalesce(c.keep_in_touch_days, s.keep_in_touch_days) AS window,
                count(*) OVER (), c.matters_now, c.matters_now_on
         FROM contacts c JOIN cutoff s ON s.key = c.stage
         WHERE c.archived_at IS NULL AND {still_here}
           AND coalesce(c.last_touched_at, c.created_at) < CASE
               WHEN c.keep_in_touch_days IS NOT NULL
                   THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-' || c.keep_in_touch_days || ' days')
               ELSE s.before END
           AND NOT EXISTS (SELECT 1 FROM followups f
                           WHERE f.contact_id = c.id AND f.status IN ('open', 'snoozed'))
         ORDER BY (julianday(?1) - julianday(since)) / window DESC, c.id
         LIMIT ?2) page
         LEFT JOIN contact_methods p ON p.contact_id = page.id AND p.kind = 'phone' AND p.position = 0
         LEFT JOIN contact_methods e ON e.contact_id = page.id AND e.kind = 'email' AND e.position = 0
         ORDER BY (julianday(?1) - julianday(page.since)) / page.window DESC, page.id",
        still_here = contacts::STILL_HERE
    ))?;
    let mut total = 0;
    let rows = statement.query_map(params![time::to_sql(now), limit], |row| {
        let stage: Stage = row.get(2)?;
        let since = time::from_sql(&row.get::<_, String>(3)?)?;
        let days_since = (now - since).num_days();
        Ok((
            GoingCold {
                contact_id: row.get(0)?,
                name: row.get(1)?,
                stage,
                stage_label: stage.label(),
                since,
                touched: row.get(4)?,
                days_since,
                window_days: row.get(5)?,
                suggest_inactive: suggest_inactive(stage, days_since),
                reach: Reach::stored(row.get(9)?, row.get(10)?, row.get(11)?),
                matters_now: contacts::matters_now(row, 7)?,
            },
            row.get::<_, i64>(6)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (item, count) = row?;
        total = count;
        items.push(item);
    }
    Ok((items, total))
}

/// "Thinking it over" for more than two weeks: time to ask the tough question.
pub fn maybes(conn: &Connection, now: DateTime<Utc>, limit: u32) -> Result<(Vec<Maybe>, i64)> {
    let cutoff = time::to_sql(now - Duration::days(MAYBE_AFTER_DAYS));
    let still_here = contacts::STILL_HERE;
    let total: i64 = conn.query_row(
        &format!(
            "SELECT count(*) FROM contacts c WHERE c.archived_at IS NULL AND c.last_decision = ?2
             AND c.last_decision_at < ?1 AND {still_here}"
        ),
        params![cutoff, DecisionKind::Thinking],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.last_decision_at, c.matters_now, c.matters_now_on,
                p.value, p.normalized, e.value FROM contacts c
         LEFT JOIN contact_methods p ON p.contact_id = c.id AND p.kind = 'phone' AND p.position = 0
         LEFT JOIN contact_methods e ON e.contact_id = c.id AND e.kind = 'email' AND e.position = 0
         WHERE c.archived_at IS NULL AND c.last_decision = ?3 AND c.last_decision_at < ?1 AND {still_here}
         ORDER BY c.last_decision_at, c.id LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![cutoff, limit, DecisionKind::Thinking], |row| {
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
