//! Contacts: create, edit, find, archive, delete, and their stage.

use super::tend::Tend;
use crate::domain::contact::{Contact, ContactDraft, ContactPage, ContactQuery};
use crate::domain::stage::{self, Stage, StageInfo};
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use crate::store::{contacts, settings};

impl Tend {
    pub fn stages(&self) -> Vec<StageInfo> {
        stage::all_stages()
    }

    pub fn list_contacts(&self, query: &ContactQuery) -> Result<ContactPage> {
        self.read(|conn| contacts::list(conn, query))
    }

    pub fn contact(&self, id: i64) -> Result<Contact> {
        self.read(|conn| contacts::get(conn, id))
    }

    pub fn create_contact(&self, draft: &ContactDraft) -> Result<Contact> {
        let now = self.clock().now();
        self.write(|tx| {
            let valid = draft.validate(settings::phone_rules(tx)?)?;
            let id = contacts::insert(tx, &valid, now)?;
            let saved = contacts::get(tx, id)?;
            Ok(Contact {
                notice: valid.name_notice,
                ..saved
            })
        })
    }

    pub fn update_contact(&self, id: i64, draft: &ContactDraft) -> Result<Contact> {
        let now = self.clock().now();
        self.write(|tx| {
            let valid = draft.validate(settings::phone_rules(tx)?)?;
            contacts::update(tx, id, &valid, now)?;
            let saved = contacts::get(tx, id)?;
            Ok(Contact {
                notice: valid.name_notice,
                ..saved
            })
        })
    }

    /// One click from a suggestion ("mark inactive") or the contact page.
    pub fn set_stage(&self, id: i64, stage: &str) -> Result<Contact> {
        let stage = Stage::from_key(stage).ok_or_else(|| {
            Error::invalid(
                "stage",
                format!("{stage} is not a stage Tend knows.", stage = quoted(stage)),
            )
        })?;
        let now = self.clock().now();
        self.write(|tx| {
            contacts::set_stage(tx, id, stage, now)?;
            contacts::get(tx, id)
        })
    }

    pub fn set_archived(&self, id: i64, archived: bool) -> Result<Contact> {
        let now = self.clock().now();
        self.write(|tx| {
            contacts::set_archived(tx, id, archived, now)?;
            contacts::get(tx, id)
        })
    }

    pub fn delete_contact(&self, id: i64) -> Result<()> {
        self.write(|tx| contacts::delete(tx, id))
    }
}
