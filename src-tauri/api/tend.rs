//! The `Tend` value: the store, the clock, the zone date-only follow-ups were
//! last placed in, what to do after a change is committed, and how far the
//! data had got at the last backup.

use crate::clock::Clock;
use crate::domain::followup;
use crate::error::Result;
use crate::store::{backup, followups, Store};
use chrono_tz::Tz;
use rusqlite::{Connection, Transaction};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// Runs after every committed change (the shell: refresh the views and the
/// tray, wake the reminder loop).
pub type ChangeHook = Box<dyn Fn() + Send + Sync>;

pub struct Tend {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The zone date-only follow-ups were last resolved in (see `zone`).
    resolved_zone: Mutex<Option<Tz>>,
    on_change: OnceLock<ChangeHook>,
    /// Changes committed through this Tend, counted where the change hook runs.
    committed: AtomicU64,
    /// Where the data stood at the last backup; held while a backup or a
    /// restore runs, so they take turns.
    backed_up: Mutex<WriteMark>,
}

/// How far the data has got, cheaply: this Tend's committed changes, and
/// SQLite's `data_version`, which moves only when another program (a `tend`
/// command in a terminal) commits. Equal marks: nothing was written between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WriteMark {
    committed: u64,
    by_others: i64,
}

impl Tend {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        // Nothing is known to be written when the file is opened. Should the
        // version not read, a mismatch later costs one backup too many.
        let by_others = store.read(backup::data_version).unwrap_or_default();
        Tend {
            store,
            clock,
            resolved_zone: Mutex::new(None),
            on_change: OnceLock::new(),
            committed: AtomicU64::new(0),
            backed_up: Mutex::new(WriteMark {
                committed: 0,
                by_others,
            }),
        }
    }

    /// Opens (creating if needed) the data file in `dir`.
    pub fn open_in_dir(dir: &std::path::Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Ok(Tend::new(Store::open_in_dir(dir)?, clock))
    }

    /// Sets what runs after every committed change; the first hook set stays.
    pub fn on_change(&self, hook: ChangeHook) {
        let _ = self.on_change.set(hook);
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The store itself, for tests and tools that inspect the file. The app's
    /// operations are the methods of `Tend`.
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(super) fn read<T>(&self, query: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.store.read(query)
    }

    /// One change, in one transaction; once it is committed, the change hook runs.
    pub(super) fn write<T>(&self, change: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let value = self.store.write(change)?;
        self.changed();
        Ok(value)
    }

    fn changed(&self) {
        self.committed.fetch_add(1, Ordering::SeqCst);
        if let Some(hook) = self.on_change.get() {
            hook();
        }
    }

    pub(super) fn write_mark(&self) -> Result<WriteMark> {
        Ok(WriteMark {
            committed: self.committed.load(Ordering::SeqCst),
            by_others: self.read(backup::data_version)?,
        })
    }

    /// Waits for any backup or restore under way; the guard holds the mark of
    /// the last backup, to compare and to move on.
    pub(super) fn backup_turn(&self) -> MutexGuard<'_, WriteMark> {
        self.backed_up
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// After the data file was swapped for a restored one: its date-only
    /// follow-ups are placed again, and it counts as a change (the window
    /// redraws; the next automatic backup keeps the restored book).
    pub(super) fn replaced(&self) {
        *self
            .resolved_zone
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        self.changed();
    }

    /// The person's zone, after moving date-only follow-ups to it if the laptop
    /// changed zone since last asked (docs/decisions/0003).
    pub(super) fn zone(&self) -> Result<Tz> {
        let zone = self.clock.zone();
        let mut resolved = self
            .resolved_zone
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if *resolved != Some(zone) {
            let moved = self.store.write(|tx| {
                let moves =
                    followup::follow_to_zone(&followups::date_only_outside(tx, zone)?, zone);
                for (id, due) in &moves {
                    followups::move_to_zone(tx, *id, due)?;
                }
                Ok(moves.len())
            })?;
            *resolved = Some(zone);
            drop(resolved);
            if moved > 0 {
                self.changed();
            }
        }
        Ok(zone)
    }
}
