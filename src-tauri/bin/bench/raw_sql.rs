//! The raw SQL the benchmark times Tend against, side by side on the same file:
//! Today's own statements, caught as SQLite runs them and run again raw; the
//! raw FTS5 query; and Today as it was computed before migration 0007.

use std::sync::Mutex;
use tend::api::Tend;

/// Search: the FTS5 query alone, no ranking of names, no total.
pub const FTS_PAGE: &str =
    "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1 ORDER BY rank LIMIT 50";

/// Before 0007, Today read every pending follow-up due before the end of the
/// upcoming week…
pub const PENDING_DUE_BY_SCANNING: &str =
    "SELECT f.id, c.name FROM followups f JOIN contacts c ON c.id = f.contact_id
     WHERE f.reorder_of IS NULL AND f.status IN ('open', 'snoozed') AND c.archived_at IS NULL
       AND f.due_at < ?1";

/// … and ranked everyone past their keep-in-touch window with nothing planned
/// (the store's query then, word for word but for how to reach each of the
/// page; ?2 is the page size).
pub const GOING_COLD_BY_SCANNING: &str = "WITH cutoff AS MATERIALIZED (
         SELECT key, keep_in_touch_days,
                strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-' || keep_in_touch_days || ' days') AS before
         FROM stages)
     SELECT c.id, c.name, c.stage, coalesce(c.last_touched_at, c.created_at) AS since,
            c.last_touched_at IS NOT NULL,
            coalesce(c.keep_in_touch_days, s.keep_in_touch_days) AS window,
            count(*) OVER (), c.matters_now, c.matters_now_on
     FROM contacts c JOIN cutoff s ON s.key = c.stage
     WHERE c.archived_at IS NULL AND (c.left_reason IS NULL OR c.left_reason NOT IN ('died', 'moved'))
       AND coalesce(c.last_touched_at, c.created_at) < CASE
           WHEN c.keep_in_touch_days IS NOT NULL
               THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-' || c.keep_in_touch_days || ' days')
           ELSE s.before END
       AND NOT EXISTS (SELECT 1 FROM followups f
                       WHERE f.contact_id = c.id AND f.status IN ('open', 'snoozed'))
     ORDER BY (julianday(?1) - julianday(since)) / window DESC, c.id
     LIMIT ?2";

static CAUGHT: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn catch(event: rusqlite::trace::TraceEvent<'_>) {
    if let rusqlite::trace::TraceEvent::Stmt(statement, _) = event {
        if let Some(sql) = statement.expanded_sql() {
            CAUGHT
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(sql);
        }
    }
}

/// The statements (with their values written in) that `operation` ran,
/// transactions aside.
pub fn statements_of(
    tend: &Tend,
    operation: impl FnOnce(&Tend) -> tend::Result<()>,
) -> tend::Result<Vec<String>> {
    let codes = rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT;
    tend.store().read(|conn| {
        conn.trace_v2(codes, Some(catch));
        Ok(())
    })?;
    let ran = operation(tend);
    tend.store().read(|conn| {
        conn.trace_v2(codes, None);
        Ok(())
    })?;
    ran?;
    let caught = std::mem::take(&mut *CAUGHT.lock().unwrap_or_else(|p| p.into_inner()));
    Ok(caught
        .into_iter()
        .filter(|sql| {
            let head = sql.trim_start().to_ascii_uppercase();
            ![
                "BEGIN",
                "COMMIT",
                "ROLLBACK",
                "SAVEPOINT",
                "RELEASE",
                "PRAGMA",
            ]
            .iter()
            .any(|word| head.starts_with(word))
        })
        .collect())
}

/// Runs each statement to its last row, reading the first column of each row.
pub fn run_raw(conn: &rusqlite::Connection, statements: &[String]) -> tend::Result<usize> {
    let mut rows = 0;
    for sql in statements {
        let mut statement = conn.prepare_cached(sql)?;
        let mut cursor = statement.query([])?;
        while let Some(row) = cursor.next()? {
            std::hint::black_box(row.get_ref(0)?);
            rows += 1;
        }
    }
    Ok(rows)
}
