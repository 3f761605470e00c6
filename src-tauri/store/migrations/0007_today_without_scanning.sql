-- Today without scanning (issue 15). "Going cold" needs, per contact, the
-- instant she goes cold and whether anything is planned; keeping those on the
-- contact lets Today read an index instead of ranking every contact. Triggers
-- keep them in the same transaction as every change that moves them: a touch
-- (last_touched_at), a stage or window change, archiving, leaving for good or
-- coming back (left_reason, 0006), a stage's window in the settings, and any
-- follow-up planned, done, skipped or deleted — whoever writes (the app, the
-- terminal, an import, a restore).

-- Pending (open or snoozed) follow-ups of the contact.
ALTER TABLE contacts ADD COLUMN open_followups INTEGER NOT NULL DEFAULT 0;
-- Her keep-in-touch window in days: her own, else her stage's.
ALTER TABLE contacts ADD COLUMN cold_window INTEGER;
-- When she goes cold: the last touch (or when she was added) plus the window;
-- NULL while something is planned, she is archived, or she left for good (died,
-- moved: store::contacts::STILL_HERE).
ALTER TABLE contacts ADD COLUMN cold_at TEXT;

UPDATE contacts SET
    open_followups = (SELECT count(*) FROM followups f
                      WHERE f.contact_id = contacts.id AND f.status IN ('open', 'snoozed')),
    cold_window = coalesce(keep_in_touch_days,
                           (SELECT s.keep_in_touch_days FROM stages s WHERE s.key = contacts.stage));
UPDATE contacts SET cold_at = CASE WHEN archived_at IS NULL AND open_followups = 0
        AND (left_reason IS NULL OR left_reason NOT IN ('died', 'moved')) THEN
    strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_touched_at, created_at), '+' || cold_window || ' days') END;

-- Going cold, one window at a time, in the order she went cold.
CREATE INDEX contacts_going_cold ON contacts (cold_window, cold_at, id) WHERE cold_at IS NOT NULL;
-- Maybes: thinking it over, oldest first (with left_reason, so who is still
-- here is counted from the index alone).
CREATE INDEX contacts_maybes ON contacts (last_decision_at, id, left_reason)
    WHERE last_decision = 'thinking' AND archived_at IS NULL;
-- (The few archived contacts, whose follow-ups Today leaves out, are 0006's
-- contacts_archived.)
-- Today's sections and their counts, from the indexes alone: by due date, and
-- the snoozed ones by when their snooze ends. Re-order reminders are a section
-- of their own (0006's followups_reorders_by_due), so these hold promises only.
-- followups_pending holds the rows of 0006's followups_promises_by_due, in the
-- same order, with what the sections read (reorder_of too: a column the query
-- names must be in the index for SQLite to read it alone): it takes that one's
-- place.
CREATE INDEX followups_pending ON followups (due_at, contact_id, status, snoozed_until, reorder_of)
    WHERE reorder_of IS NULL AND status IN ('open', 'snoozed');
DROP INDEX followups_promises_by_due;
CREATE INDEX followups_snoozed ON followups (snoozed_until, due_at, contact_id)
    WHERE reorder_of IS NULL AND status = 'snoozed';

CREATE TRIGGER contacts_cold_on_insert AFTER INSERT ON contacts BEGIN
    UPDATE contacts SET cold_window = coalesce(keep_in_touch_days,
        (SELECT s.keep_in_touch_days FROM stages s WHERE s.key = contacts.stage))
    WHERE id = NEW.id;
    UPDATE contacts SET cold_at = CASE WHEN archived_at IS NULL AND open_followups = 0
        AND (left_reason IS NULL OR left_reason NOT IN ('died', 'moved')) THEN
        strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_touched_at, created_at), '+' || cold_window || ' days') END
    WHERE id = NEW.id;
END;

CREATE TRIGGER contacts_cold_on_update
AFTER UPDATE OF stage, keep_in_touch_days, last_touched_at, created_at, archived_at, left_reason,
                open_followups ON contacts
BEGIN
    UPDATE contacts SET cold_window = coalesce(keep_in_touch_days,
        (SELECT s.keep_in_touch_days FROM stages s WHERE s.key = contacts.stage))
    WHERE id = NEW.id;
    UPDATE contacts SET cold_at = CASE WHEN archived_at IS NULL AND open_followups = 0
        AND (left_reason IS NULL OR left_reason NOT IN ('died', 'moved')) THEN
        strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_touched_at, created_at), '+' || cold_window || ' days') END
    WHERE id = NEW.id;
END;

CREATE TRIGGER stages_cold_on_window AFTER UPDATE OF keep_in_touch_days ON stages BEGIN
    UPDATE contacts SET cold_window = NEW.keep_in_touch_days
    WHERE stage = NEW.key AND keep_in_touch_days IS NULL;
    UPDATE contacts SET cold_at = CASE WHEN archived_at IS NULL AND open_followups = 0
        AND (left_reason IS NULL OR left_reason NOT IN ('died', 'moved')) THEN
        strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_touched_at, created_at), '+' || cold_window || ' days') END
    WHERE stage = NEW.key AND keep_in_touch_days IS NULL;
END;

CREATE TRIGGER followups_planned_on_insert AFTER INSERT ON followups
WHEN NEW.status IN ('open', 'snoozed') BEGIN
    UPDATE contacts SET open_followups = open_followups + 1 WHERE id = NEW.contact_id;
END;

CREATE TRIGGER followups_planned_on_delete AFTER DELETE ON followups
WHEN OLD.status IN ('open', 'snoozed') BEGIN
    UPDATE contacts SET open_followups = open_followups - 1 WHERE id = OLD.contact_id;
END;

CREATE TRIGGER followups_planned_on_update AFTER UPDATE OF status, contact_id ON followups
WHEN (OLD.status IN ('open', 'snoozed')) <> (NEW.status IN ('open', 'snoozed'))
  OR OLD.contact_id <> NEW.contact_id BEGIN
    UPDATE contacts SET open_followups = open_followups - 1
    WHERE id = OLD.contact_id AND OLD.status IN ('open', 'snoozed');
    UPDATE contacts SET open_followups = open_followups + 1
    WHERE id = NEW.contact_id AND NEW.status IN ('open', 'snoozed');
END;
