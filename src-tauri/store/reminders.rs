//! What the reminder loop reads: what is due and not yet notified, and when the
//! next one comes due. Marking them notified is `followups::mark_notified`.

use super::followups;
use super::time;
use crate::domain::followup::Followup;
use crate::error::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

/// The expression the `followups_to_remind` index is built on.
const REMIND_AT: &str = "coalesce(snoozed_until, due_at)";
const UNNOTIFIED: &str = "status IN ('open', 'snoozed') AND notified_at IS NULL";

pub fn next_remind_at(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = conn.query_row(
        &format!("SELECT min({REMIND_AT}) FROM followups WHERE {UNNOTIFIED}"),
        [],
        |row| row.get(0),
    )?;
    Ok(text.map(|text| time::from_sql(&text)).transpose()?)
}

/// Due now and never notified, oldest first; archived contacts are left alone.
pub fn due_unnotified(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<Followup>> {
    let ids = conn
        .prepare_cached(&format!(
            "SELECT f.id FROM followups f
             WHERE {UNNOTIFIED} AND {REMIND_AT} <= ?1
               AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = f.contact_id AND c.archived_at IS NOT NULL)
             ORDER BY {REMIND_AT}, f.id"
        ))?
        .query_map([time::to_sql(now)], |row| row.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.into_iter()
        .map(|id| followups::get(conn, id, zone))
        .collect()
}
