//! The store: one SQLite file, one function that opens it, and two doors in —
//! `read` for queries and `write` for changes, which commit only when the whole
//! change succeeded.

pub mod backup; // online copies, checking a copy, swapping in a restored file
pub mod cadences; // cadences, steps, runs: apply, stop, re-base
pub mod contacts; // contacts, their phones/emails and tags, and search
pub mod decisions; // decisions and the contact's latest one
pub mod departures; // why a customer left
pub mod events; // dated events; birthdays and events on given days
pub mod export; // everything an export file holds, read in a few whole-table queries
pub mod followups; // promises and their states
mod keys; // the domain's enums as stored keys, both ways
mod open; // the only place PRAGMAs are set
pub mod products; // her product list: name, days of supply, price
pub mod purchases; // purchases with their product lines; a contact's history of a product
pub mod referrals; // who a contact referred and what they bought; customers sent to partners
pub mod reminders; // due and not yet notified; the next reminder's instant
pub mod schema; // embedded, append-only migrations
pub mod seasons; // her seasons; who bought in one last year
pub mod settings; // key/value settings
pub mod time; // how instants are written in the database
pub mod today; // going cold and long maybes, one row per contact
pub mod touches; // interactions and the contact's last touch

use crate::error::{Error, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// One connection for one person: writes are serialised anyway, and a single
/// connection keeps every read consistent with the last write (docs/decisions/0001).
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the data file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = open::open_file(path)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    /// Opens `tend.sqlite3` inside `dir`, creating the folder if needed; the
    /// folder is hers alone (0700 on Unix), as is every file Tend writes in it.
    pub fn open_in_dir(dir: &Path) -> Result<Store> {
        crate::data_dir::create_private_dir(dir).map_err(|source| crate::Error::DataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        Store::open(&crate::data_dir::data_file(dir))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn read<T>(&self, query: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        query(&self.lock())
    }

    /// Runs `change` in an IMMEDIATE transaction: committed if it returns `Ok`,
    /// rolled back otherwise, so a failed command leaves the file as it was.
    pub fn write<T>(&self, change: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = change(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Swaps the data file for a restore's checked copy: with every read and
    /// write held off, the current file is copied to `keep_aside`, the copy
    /// renamed over it, and the connection reopened. Refused, nothing changed.
    pub fn replace_with(&self, prepared: backup::PreparedRestore, keep_aside: &Path) -> Result<()> {
        backup::swap(&mut self.lock(), &self.path, prepared, keep_aside)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction
        // behind (it rolls back on drop), so the connection is still good.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

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
