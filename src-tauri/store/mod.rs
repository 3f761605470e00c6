//! The store: one SQLite file, one function that opens it, and two doors in —
//! `read` for queries and `write` for changes, which commit only when the whole
//! change succeeded.

pub mod backup; // online copies, checking a copy, swapping in a restored file
pub mod cadences; // cadences, steps, runs: apply, stop, re-base
mod constraint; // what a failed write means ("no longer exists" or not)
pub mod contacts; // contacts, their phones/emails and tags, and search
pub mod decisions; // decisions and the contact's latest one
pub mod departures; // why a customer left
pub mod events; // dated events; birthdays and events on given days
pub mod export; // everything an export file holds, read in a few whole-table queries
pub mod followups; // promises and their states
pub mod insights; // the rows Insights' figures are computed from (reads only)
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

use crate::error::Result;
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
