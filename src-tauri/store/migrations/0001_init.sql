-- why: Tend's first schema, laid out for the whole product (contacts, touches,
-- follow-ups, cadences, decisions, purchases, referrals, why-left, settings) so
-- later work adds columns rather than rewriting tables.
-- Conventions: instants are UTC text 'YYYY-MM-DDTHH:MM:SSZ' (sortable); local dates
-- are 'YYYY-MM-DD'; keys that the code matches on are lowercase snake_case.

-- Relationship stages are data, with the keep-in-touch window that is their default.
CREATE TABLE stages (
    key                 TEXT PRIMARY KEY,
    position            INTEGER NOT NULL,
    keep_in_touch_days  INTEGER NOT NULL CHECK (keep_in_touch_days > 0)
) STRICT;

INSERT INTO stages (key, position, keep_in_touch_days) VALUES
    ('lead', 1, 7),
    ('new_customer', 2, 14),
    ('customer', 3, 30),
    ('inactive_customer', 4, 90),
    ('partner', 5, 30),
    ('team_member', 6, 30);

CREATE TABLE contacts (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    stage               TEXT NOT NULL REFERENCES stages(key),
    notes               TEXT NOT NULL DEFAULT '',
    -- what matters to them now: a holiday, a gift to buy, a life change
    matters_now         TEXT NOT NULL DEFAULT '',
    met_where           TEXT,
    met_on              TEXT,
    referred_by_id      INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    -- overrides the stage's window when set
    keep_in_touch_days  INTEGER CHECK (keep_in_touch_days IS NULL OR keep_in_touch_days > 0),
    -- kept by the store with each touch and decision, so Today's "going cold" and
    -- "maybes" read one row per contact instead of a million touches
    last_touched_at     TEXT,
    last_decision       TEXT,
    last_decision_at    TEXT,
    archived_at         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

-- The list pages through contacts by name, with or without the archived ones;
-- carrying archived_at lets this index alone answer the page and its count.
CREATE INDEX contacts_by_name ON contacts (name COLLATE NOCASE, id, archived_at);
CREATE INDEX contacts_by_referrer ON contacts (referred_by_id) WHERE referred_by_id IS NOT NULL;

-- Phones and emails: a contact may have several; position 0 is the one shown first.
CREATE TABLE contact_methods (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    -- as the person typed it, for display
    value       TEXT NOT NULL,
    -- E.164 for phones, lowercased for emails: what duplicates are found by
    normalized  TEXT NOT NULL,
    label       TEXT,
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX contact_methods_by_contact ON contact_methods (contact_id, kind, position);
CREATE INDEX contact_methods_by_value ON contact_methods (kind, normalized);

CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE contact_tags (
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id);

-- Every interaction, with its outcome. A touch may complete a follow-up.
CREATE TABLE touches (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    channel       TEXT NOT NULL CHECK (channel IN ('call', 'text', 'email', 'in_person', 'message', 'other')),
    -- 'reply' and 'conversation' mean they answered (cadences re-base on those)
    outcome       TEXT NOT NULL DEFAULT 'none'
                  CHECK (outcome IN ('none', 'reply', 'conversation', 'no_answer', 'left_message')),
    note          TEXT NOT NULL DEFAULT '',
    occurred_at   TEXT NOT NULL,
    followup_id   INTEGER REFERENCES followups(id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX touches_by_contact ON touches (contact_id, occurred_at DESC);

-- Rhythms that schedule follow-ups by themselves.
CREATE TABLE cadences (
    id                  INTEGER PRIMARY KEY,
    -- set for the built-in ones ('new_lead', 'seven_touches', ...) so code can find them
    builtin_key         TEXT UNIQUE,
    name                TEXT NOT NULL,
    -- which decisions stop a run of this cadence (e.g. 'bought,no')
    stops_on_decisions  TEXT NOT NULL DEFAULT '',
    archived_at         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE cadence_steps (
    id            INTEGER PRIMARY KEY,
    cadence_id    INTEGER NOT NULL REFERENCES cadences(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    offset_days   INTEGER NOT NULL CHECK (offset_days >= 0),
    channel       TEXT NOT NULL,
    message       TEXT NOT NULL DEFAULT '',
    UNIQUE (cadence_id, position)
) STRICT;

-- A cadence applied to a contact; its follow-ups point back here.
CREATE TABLE cadence_runs (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    cadence_id    INTEGER NOT NULL REFERENCES cadences(id),
    started_at    TEXT NOT NULL,
    -- the instant the remaining steps count from (moves when the contact replies)
    based_at      TEXT NOT NULL,
    stopped_at    TEXT,
    stop_reason   TEXT
) STRICT;

CREATE INDEX cadence_runs_by_contact ON cadence_runs (contact_id) WHERE stopped_at IS NULL;

-- Promises: what, how, and when, kept both as a UTC instant and as the intended
-- local wall time and zone, so 09:00 stays 09:00 across DST and zone changes.
CREATE TABLE followups (
    id              INTEGER PRIMARY KEY,
    contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    promise         TEXT NOT NULL DEFAULT '',
    channel         TEXT NOT NULL DEFAULT 'call',
    due_at          TEXT NOT NULL,
    due_local       TEXT NOT NULL,
    due_zone        TEXT NOT NULL,
    -- 0 when only a date was given (the default time of day applied)
    has_time        INTEGER NOT NULL DEFAULT 1 CHECK (has_time IN (0, 1)),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'snoozed', 'done', 'skipped')),
    -- a snooze reminds again later without moving the promise itself
    snoozed_until   TEXT,
    skip_reason     TEXT,
    completed_at    TEXT,
    cadence_run_id  INTEGER REFERENCES cadence_runs(id) ON DELETE SET NULL,
    cadence_step_id INTEGER REFERENCES cadence_steps(id) ON DELETE SET NULL,
    -- when the reminder for the current due/snooze instant went out (never twice)
    notified_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX followups_by_contact ON followups (contact_id, status);
-- the scheduler's "what is due next" and Today's sections read this index
CREATE INDEX followups_open_by_due ON followups (due_at) WHERE status IN ('open', 'snoozed');
-- the reminder loop's "when is the next notification due" (a snooze moves it)
CREATE INDEX followups_to_remind ON followups (coalesce(snoozed_until, due_at))
    WHERE status IN ('open', 'snoozed') AND notified_at IS NULL;

CREATE TABLE decisions (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('interested', 'thinking', 'not_now', 'no', 'bought')),
    decided_at   TEXT NOT NULL,
    -- 'not now' and 'no, for today' come back on this local date
    revisit_on   TEXT,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX decisions_by_contact ON decisions (contact_id, decided_at DESC);

CREATE TABLE purchases (
    id                   INTEGER PRIMARY KEY,
    contact_id           INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    item                 TEXT NOT NULL DEFAULT '',
    amount_cents         INTEGER,
    purchased_on         TEXT NOT NULL,
    -- remind before they run out
    reorder_after_days   INTEGER CHECK (reorder_after_days IS NULL OR reorder_after_days > 0),
    reorder_reminded_at  TEXT,
    created_at           TEXT NOT NULL
) STRICT;

CREATE INDEX purchases_by_contact ON purchases (contact_id, purchased_on DESC);

-- Why a customer left, in the six reasons of the seeds; 'indifference' is the one
-- fully in the seller's control.
CREATE TABLE departures (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    reason       TEXT NOT NULL CHECK (reason IN ('died', 'moved', 'other_relationships', 'competitor', 'product_or_price', 'indifference')),
    noted_at     TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

-- Search over everything a seller might remember about someone. Maintained by the
-- store in the same transaction as the contact (rowid = contacts.id).
CREATE VIRTUAL TABLE contact_search USING fts5(
    name, phones, emails, notes, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
