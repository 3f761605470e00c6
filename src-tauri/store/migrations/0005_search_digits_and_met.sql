-- why: search finds a contact by where she met them ("Sara's party" lists
-- Sara's guests) and by any run of 3 or more digits of a phone ("142" finds
-- 555-0142). The index gains a `met` column for the first; for the second and
-- for every existing row, this migration's hook (store/schema.rs) rebuilds the
-- index from the tables with the store's own code, which writes each phone's
-- digit tails. The same hook stores a phone whose old "+…" form is not a valid
-- number by its digits, so every stored E.164 is valid (docs/decisions/0010).
DROP TABLE contact_search;

CREATE VIRTUAL TABLE contact_search USING fts5(
    name, phones, emails, notes, tags, met,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
