//! What a failed write means: only a foreign-key failure says the row it names is gone.

use crate::error::Error;

/// An insert that names a row of another table (a follow-up's contact, a run's
/// cadence) fails with a foreign-key error when that row is gone: only that
/// means "no longer exists". Any other failure is reported as it is.
pub(crate) fn missing_parent(err: rusqlite::Error, what: &'static str) -> Error {
    let foreign_key = err
        .sqlite_error()
        .is_some_and(|sqlite| sqlite.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY);
    if foreign_key {
        Error::NotFound { what }
    } else {
        Error::Storage(err)
    }
}

#[cfg(test)]
mod tests {
    use super::missing_parent;
    use rusqlite::Connection;

    #[test]
    fn only_a_foreign_key_failure_means_the_parent_is_gone() {
        let conn = Connection::open_in_memory().expect("in memory");
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (parent_id INTEGER REFERENCES parent(id),
                                 note TEXT NOT NULL CHECK (length(note) < 5) UNIQUE);
             INSERT INTO parent VALUES (1);
             INSERT INTO child VALUES (1, 'a');",
        )
        .expect("schema");
        let insert = |parent: i64, note: &str| {
            conn.execute(
                "INSERT INTO child VALUES (?1, ?2)",
                rusqlite::params![parent, note],
            )
            .map(|_| ())
            .map_err(|err| missing_parent(err, "contact"))
        };
        let gone = insert(2, "b").expect_err("no parent 2");
        assert_eq!(gone.kind(), "not_found");
        for (parent, note, what) in [(1, "too long", "CHECK"), (1, "a", "UNIQUE")] {
            let err = insert(parent, note).expect_err(what);
            assert_eq!(err.kind(), "storage", "{what}: {err}");
            assert!(
                !err.to_string().contains("no longer exists"),
                "{what}: {err}"
            );
        }
    }
}
