-- Today with customers, from indexes alone (issues 12 and 15). On a 100k-contact
-- book with ~14,000 re-order reminders and ~9,000 buyers in a season, reading
-- each row for its contact cost ~17 ms a statement; the indexes below hold what
-- the statements read, so SQLite never opens the rows.

-- Re-orders: Today's page and counts and the tray's count read the contact,
-- status and snooze beside the due date. It takes 0006's
-- followups_reorders_by_due's place, as 0007's followups_pending took the
-- promises' (reorder_of is named by the queries, so it is in the index too).
CREATE INDEX followups_reorders_pending ON followups (due_at, contact_id, status, snoozed_until, reorder_of)
    WHERE reorder_of IS NOT NULL AND status IN ('open', 'snoozed');
DROP INDEX followups_reorders_by_due;

-- Seasons: who bought between two days last year, and insights' periods.
CREATE INDEX purchases_by_day_and_buyer ON purchases (purchased_on, contact_id);
DROP INDEX purchases_by_day;
