//! `Tend`: the operations a person can perform, over the store and the clock.
//! The window's commands, the terminal and the tests all come through here.

use crate::clock::Clock;
use crate::domain::contact::{Contact, ContactDraft, ContactPage, ContactQuery};
use crate::domain::stage::{self, StageInfo};
use crate::error::Result;
use crate::store::{contacts, settings, Store};
use serde::Serialize;
use std::sync::Arc;

pub struct Tend {
    store: Store,
    clock: Arc<dyn Clock>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub phone_region: String,
    pub data_file: String,
}

impl Tend {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Tend { store, clock }
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
        let phone_region = self.store.read(settings::phone_region_code)?;
        Ok(Settings {
            phone_region,
            data_file: self.store.path().display().to_string(),
        })
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.store.write(|tx| settings::set(tx, key, value))
    }
}
