-- why: customers who stay (issue 12) — purchases and re-orders, referrals and
-- partners, birthdays and dated events, seasons, why they left. 0001 laid out
-- purchases, departures, matters_now and referred_by_id before any code used
-- them; reviewed against that code (docs/decisions/0011):
--  * a purchase held one free-text item with its own re-order interval. She now
--    keeps a product list (name, days of supply, price) and a purchase names
--    products with a quantity each (purchase_items). A v1 purchase's item
--    becomes its one line and a product of her list; `item` stays the
--    purchase's summary ("Lavender oil ×2, Candle"). `reorder_after_days` and
--    `reorder_reminded_at` are read by nothing now (a re-order reminder is a
--    follow-up, `followups.reorder_of`); they stay so v1 rows stay as they were.
--  * departures could not say "don't know" (a CHECK): rebuilt with it, rows kept.
--  * matters_now had no date, so a stale one looked fresh: matters_now_on.
--  * referred_by_id fits as it is. The other way round (she sends a customer to
--    a partner) gets its own table, so a partner shows "sent 4, received 2".
-- Two columns kept beside each contact, as last_touched_at is, so Today reads one
-- row per contact: left_reason (the reason while she stays gone) and
-- supply_ends_on (the day the last of her supplies runs out).

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
    -- a 30-day supplement, a 90-day candle; NULL: no re-order reminder
    supply_days  INTEGER CHECK (supply_days IS NULL OR supply_days BETWEEN 1 AND 3650),
    price_cents  INTEGER CHECK (price_cents IS NULL OR price_cents >= 0),
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

ALTER TABLE purchases ADD COLUMN note TEXT NOT NULL DEFAULT '';
-- Seasons ask who bought between two dates last year.
CREATE INDEX purchases_by_day ON purchases (purchased_on);

CREATE TABLE purchase_items (
    id           INTEGER PRIMARY KEY,
    purchase_id  INTEGER NOT NULL REFERENCES purchases(id) ON DELETE CASCADE,
    product_id   INTEGER REFERENCES products(id),
    -- the product's name when bought, so the history reads the same after a rename
    name         TEXT NOT NULL,
    quantity     INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    -- how long this line lasts (the product's days of supply × quantity, as then)
    supply_days  INTEGER CHECK (supply_days IS NULL OR supply_days > 0)
) STRICT;

CREATE INDEX purchase_items_by_purchase ON purchase_items (purchase_id);
CREATE INDEX purchase_items_by_product ON purchase_items (product_id) WHERE product_id IS NOT NULL;

-- v1 purchases: each item becomes a product (the first interval named wins) and a line.
INSERT OR IGNORE INTO products (name, supply_days, created_at, updated_at)
SELECT substr(trim(item), 1, 120), reorder_after_days, created_at, created_at
FROM purchases WHERE trim(item) <> '' ORDER BY id;
INSERT INTO purchase_items (purchase_id, product_id, name, quantity, supply_days)
SELECT p.id, (SELECT id FROM products WHERE name = substr(trim(p.item), 1, 120)),
       trim(p.item), 1, p.reorder_after_days
FROM purchases p WHERE trim(p.item) <> '' ORDER BY p.id;

-- A re-order reminder is a follow-up about a product; it closes when she re-orders.
-- Today pages through re-orders apart from the other promises, each by its own index.
ALTER TABLE followups ADD COLUMN reorder_of INTEGER REFERENCES products(id);
CREATE INDEX followups_reorders_by_due ON followups (due_at)
    WHERE reorder_of IS NOT NULL AND status IN ('open', 'snoozed');
CREATE INDEX followups_promises_by_due ON followups (due_at)
    WHERE reorder_of IS NULL AND status IN ('open', 'snoozed');

ALTER TABLE contacts ADD COLUMN matters_now_on TEXT;
UPDATE contacts SET matters_now_on = substr(updated_at, 1, 10) WHERE matters_now <> '';

-- The reason of her latest departure while she stays gone; NULL once she buys
-- again. 'died' and 'moved' keep her off every list that would nag.
ALTER TABLE contacts ADD COLUMN left_reason TEXT;
ALTER TABLE contacts ADD COLUMN supply_ends_on TEXT;
UPDATE contacts SET supply_ends_on = (
    SELECT max(date(purchased_on, '+' || reorder_after_days || ' days')) FROM purchases
    WHERE contact_id = contacts.id AND reorder_after_days IS NOT NULL)
WHERE id IN (SELECT contact_id FROM purchases WHERE reorder_after_days IS NOT NULL);
-- Carries what "ran out long ago" filters on, so its count reads the index alone.
CREATE INDEX contacts_by_supply_end ON contacts (supply_ends_on, stage, archived_at, left_reason)
    WHERE supply_ends_on IS NOT NULL;

-- The few contacts archived, or gone for good (died, moved): lists over many
-- rows of other tables leave them out by these small sets instead of a lookup
-- per row.
CREATE INDEX contacts_archived ON contacts (id) WHERE archived_at IS NOT NULL;
CREATE INDEX contacts_gone ON contacts (id) WHERE left_reason IN ('died', 'moved');

-- Birthdays come back each year: found by month and day ('MM-DD' ends both
-- 'YYYY-MM-DD' and '--MM-DD').
CREATE INDEX contacts_by_birthday ON contacts (substr(birthday, -5)) WHERE birthday IS NOT NULL;

CREATE TABLE departures_v6 (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    -- the six reasons of the seeds, and "don't know"; 'other_relationships' is
    -- "buys from a friend", 'indifference' "felt I didn't care"
    reason       TEXT NOT NULL CHECK (reason IN ('died', 'moved', 'other_relationships', 'competitor',
                                                 'product_or_price', 'indifference', 'dont_know')),
    noted_at     TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO departures_v6 (id, contact_id, reason, noted_at, note)
SELECT id, contact_id, reason, noted_at, note FROM departures ORDER BY id;
DROP TABLE departures;
ALTER TABLE departures_v6 RENAME TO departures;
CREATE INDEX departures_by_contact ON departures (contact_id, noted_at DESC);

UPDATE contacts SET left_reason = (
    SELECT reason FROM departures WHERE contact_id = contacts.id ORDER BY noted_at DESC, id DESC LIMIT 1)
WHERE id IN (SELECT contact_id FROM departures);

-- Referrals she gave a partner (strategic alliance): the partner's "received".
CREATE TABLE partner_referrals (
    id           INTEGER PRIMARY KEY,
    partner_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    -- the customer she sent, when that person is in Tend
    contact_id   INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    note         TEXT NOT NULL DEFAULT '',
    referred_on  TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX partner_referrals_by_partner ON partner_referrals (partner_id);

-- Dated events beside the birthday: an anniversary, "baby due in May", "moving
-- in June". A yearly one comes back each year.
CREATE TABLE contact_events (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    -- 'YYYY-MM-DD', or '--MM-DD' for a yearly one whose year is not known
    on_date      TEXT NOT NULL,
    yearly       INTEGER NOT NULL CHECK (yearly IN (0, 1)),
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX contact_events_by_contact ON contact_events (contact_id);
CREATE INDEX contact_events_yearly ON contact_events (substr(on_date, -5)) WHERE yearly = 1;
CREATE INDEX contact_events_once ON contact_events (on_date) WHERE yearly = 0;

-- Seasons she sells into (holiday gifts from mid-November): before one, Today
-- lists who bought in it last year. Days as '--MM-DD'; one may cross New Year.
CREATE TABLE seasons (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    starts_on    TEXT NOT NULL,
    ends_on      TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

INSERT INTO seasons (name, starts_on, ends_on, created_at) VALUES
    ('Holiday gifts', '--11-15', '--12-31', '2026-01-01T00:00:00Z');
