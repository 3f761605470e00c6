//! The raw SQL the benchmark times Tend against, side by side on the same file:
//! the floor each operation could reach. (The store's own SQL is in store/.)

/// Search: the FTS5 query alone, no ranking of names, no total.
pub const FTS_PAGE: &str =
    "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1 ORDER BY rank LIMIT 50";

/// Today: the pending follow-ups due before the end of the upcoming week.
pub const PENDING_DUE: &str =
    "SELECT f.id, c.name FROM followups f JOIN contacts c ON c.id = f.contact_id
     WHERE f.status IN ('open', 'snoozed') AND c.archived_at IS NULL AND f.due_at < ?1";

/// Today: everyone past their keep-in-touch window with nothing planned.
pub const GOING_COLD: &str = "SELECT c.id FROM contacts c JOIN stages s ON s.key = c.stage
     WHERE c.archived_at IS NULL
       AND julianday(?1) - julianday(coalesce(c.last_touched_at, c.created_at)) > coalesce(c.keep_in_touch_days, s.keep_in_touch_days)
       AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.contact_id = c.id AND f.status IN ('open', 'snoozed'))";
