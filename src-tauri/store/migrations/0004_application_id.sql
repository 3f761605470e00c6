-- Marks the file as Tend's: SQLite's application_id header field (offset 68),
-- the ASCII of "Tend" (0x54656E64). Opening refuses an SQLite file that is not
-- marked so, unless it is an older Tend's (unmarked, Tend's tables, schema 1-3)
-- or brand new and empty.

PRAGMA application_id = 1415933540;
