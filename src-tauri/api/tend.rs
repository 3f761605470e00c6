//! The `Tend` value: the store, the clock, the zone date-only follow-ups were
//! last placed in, and what to do after a change is committed.

use crate::clock::Clock;
use crate::domain::followup;
use crate::error::Result;
use crate::store::{followups, Store};
use chrono_tz::Tz;
use rusqlite::{Connection, Transaction};
use std::sync::{Arc, Mutex, OnceLock};

/// Runs after every committed change (the shell: refresh the views and the
/// tray, wake the reminder loop).
pub type ChangeHook = Box<dyn Fn() + Send + Sync>;

pub struct Tend {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The zone date-only follow-ups were last resolved in (see `zone`).
    resolved_zone: Mutex<Option<Tz>>,
    on_change: OnceLock<ChangeHook>,
}

impl Tend {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Tend {
            store,
            clock,
            resolved_zone: Mutex::new(None),
            on_change: OnceLock::new(),
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
        if let Some(hook) = self.on_change.get() {
            hook();
        }
        Ok(value)
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
                if let Some(hook) = self.on_change.get() {
                    hook();
                }
            }
        }
        Ok(zone)
    }
}
