-- Contacts in and out (import, export): every contact gets a stable UID that
-- exports carry from one export to the next (an imported card keeps its own),
-- a birthday and an organisation, and each imported card is remembered by its
-- UID with the file and date it came from, so importing it again adds nothing.

ALTER TABLE contacts ADD COLUMN uid TEXT;
-- 'YYYY-MM-DD', or '--MM-DD' when the year is not known (vCard's BDAY:--0415)
ALTER TABLE contacts ADD COLUMN birthday TEXT;
ALTER TABLE contacts ADD COLUMN org TEXT NOT NULL DEFAULT '';

-- A random (version 4) UUID for each contact already in the file.
UPDATE contacts SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
WHERE uid IS NULL;
CREATE UNIQUE INDEX contacts_by_uid ON contacts (uid);

-- The cards a contact was imported from: one row per source UID.
CREATE TABLE contact_sources (
    uid          TEXT PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    file         TEXT NOT NULL,
    imported_at  TEXT NOT NULL
) STRICT;

CREATE INDEX contact_sources_by_contact ON contact_sources (contact_id);
