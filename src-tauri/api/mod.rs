//! `Tend`: the operations a person can perform, over the store and the clock.
//! The window's commands, the terminal and the tests all come through here.

mod followups; // plan, complete, snooze, reschedule, skip; touches
mod quick_add; // one line → a contact and its next step
mod relationships; // cadences and decisions
mod today; // the start screen

use crate::clock::Clock;
use crate::domain::contact::{Contact, ContactDraft, ContactPage, ContactQuery};
use crate::domain::stage::{self, StageInfo};
use crate::error::Result;
use crate::store::{contacts, settings, Store};
use chrono_tz::Tz;
use serde::Serialize;
use std::sync::{Arc, Mutex};

pub use followups::{Completed, LoggedTouch, TouchHistory};
pub use quick_add::{Batch, Duplicate, QuickAddPreview, QuickAdded, UndoQuickAdd};
pub use relationships::DecisionOutcome;
pub use today::{Today, TodayCounts};

pub struct Tend {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The zone date-only follow-ups were last resolved in (see refloat).
    resolved_zone: Mutex<Option<Tz>>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub phone_region: String,
    pub default_time: String,
    /// "HH:MM", or "off".
    pub digest_time: String,
    pub close_to_tray: bool,
    /// Each stage's keep-in-touch window in days, e.g. `{"lead": 7, ...}`.
    pub keep_in_touch: std::collections::BTreeMap<&'static str, i64>,
    pub reminders_paused_until: Option<chrono::DateTime<chrono::Utc>>,
    pub time_zone: String,
    pub data_file: String,
}

impl Tend {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Tend {
            store,
            clock,
            resolved_zone: Mutex::new(None),
        }
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The person's zone, after moving date-only follow-ups to it if the laptop
    /// changed zone since last asked (docs/decisions/0003).
    pub(crate) fn zone(&self) -> Result<Tz> {
        let zone = self.clock.zone();
        let mut resolved = self
            .resolved_zone
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if *resolved != Some(zone) {
            self.store
                .write(|tx| crate::store::followups::refloat_date_only(tx, zone))?;
            *resolved = Some(zone);
        }
        Ok(zone)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn stages(&self) -> Vec<StageInfo> {
        stage::all_stages()
    }

    pub fn list_contacts(&self, query: &ContactQuery) -> Result<ContactPage> {
        self.store.read(|conn| contacts::list(conn, query))
    }

    pub fn contact(&self, id: i64) -> Result<Contact> {
        self.store.read(|conn| contacts::get(conn, id))
    }

    pub fn create_contact(&self, draft: &ContactDraft) -> Result<Contact> {
        let now = self.clock.now();
        self.store.write(|tx| {
            let valid = draft.validate(settings::phone_region(tx)?)?;
            let id = contacts::insert(tx, &valid, now)?;
            contacts::get(tx, id)
        })
    }

    pub fn update_contact(&self, id: i64, draft: &ContactDraft) -> Result<Contact> {
        let now = self.clock.now();
        self.store.write(|tx| {
            let valid = draft.validate(settings::phone_region(tx)?)?;
            contacts::update(tx, id, &valid, now)?;
            contacts::get(tx, id)
        })
    }

    /// One click from a suggestion ("mark inactive") or the contact page.
    pub fn set_stage(&self, id: i64, stage: &str) -> Result<Contact> {
        let stage = crate::domain::stage::Stage::from_key(stage).ok_or_else(|| {
            crate::Error::invalid("stage", format!("“{stage}” is not a stage Tend knows."))
        })?;
        let now = self.clock.now();
        self.store.write(|tx| {
            contacts::set_stage(tx, id, stage, now)?;
            contacts::get(tx, id)
        })
    }

    pub fn set_archived(&self, id: i64, archived: bool) -> Result<Contact> {
        let now = self.clock.now();
        self.store.write(|tx| {
            contacts::set_archived(tx, id, archived, now)?;
            contacts::get(tx, id)
        })
    }

    pub fn delete_contact(&self, id: i64) -> Result<()> {
        self.store.write(|tx| contacts::delete(tx, id))
    }

    pub fn settings(&self) -> Result<Settings> {
        let now = self.clock.now();
        self.store.read(|conn| {
            Ok(Settings {
                phone_region: settings::phone_region_code(conn)?,
                default_time: settings::default_time(conn)?.format("%H:%M").to_string(),
                digest_time: settings::digest_time(conn)?
                    .map_or_else(|| "off".to_string(), |t| t.format("%H:%M").to_string()),
                close_to_tray: settings::close_to_tray(conn)?,
                keep_in_touch: settings::stage_windows(conn)?
                    .into_iter()
                    .map(|(stage, days)| (stage.key(), days))
                    .collect(),
                reminders_paused_until: settings::paused_until(conn)?.filter(|until| *until > now),
                time_zone: self.clock.zone().name().to_string(),
                data_file: self.store.path().display().to_string(),
            })
        })
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.store.write(|tx| settings::set(tx, key, value))
    }
}
