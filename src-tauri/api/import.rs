//! Importing contacts from a file: read it (`interchange`), decide what is new
//! and what merges (`domain::import`), show the preview, then write it all in
//! one transaction — or nothing, if anything fails or she cancels.

use super::tend::Tend;
use crate::domain::contact::ValidContact;
use crate::domain::import::{self, Additions, Incoming, Known, Outcome, Plan};
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
use crate::interchange::{Format, Problem, ReadFile};
use crate::store::{contacts, settings};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

/// How many rows the preview shows as they will look.
const PREVIEW_ROWS: usize = 20;

/// What she chose in the preview.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportChoices {
    /// Cards (by position in the preview's list) to merge into the contact
    /// with the same name, which is offered but never done unasked.
    pub merge_same_name: Vec<usize>,
    /// The stage new contacts get; empty means lead.
    pub stage: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file_name: String,
    pub format: Format,
    pub encoding: String,
    pub new: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub problems: Vec<Problem>,
    /// Every card read, as it would be saved, with what happens to it.
    pub rows: Vec<PreviewRow>,
    /// "412 new, 9 already in Tend (will be merged), 3 cannot be read"
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// Position among the cards read (what `merge_same_name` names).
    pub position: usize,
    pub place: String,
    pub contact: Incoming,
    /// "new", "merge", "unchanged".
    pub outcome: &'static str,
    /// The contact it merges into, or is already.
    pub into: Option<String>,
    /// Someone with the same name and nothing else in common.
    pub same_name_as: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub new: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub problems: usize,
}

impl Tend {
    /// What importing `read` would do, with nothing written.
    pub fn preview_import(&self, file_name: &str, read: &ReadFile) -> Result<ImportPreview> {
        let plan = self.read(|conn| {
            let region = settings::phone_region(conn)?;
            let known = contacts::known_for_import(conn)?;
            Ok(plan_of(read, region, &known, &[]))
        })?;
        Ok(preview(file_name, read, &plan))
    }

    /// Imports `read` in one transaction. `progress(done, total)` is called as
    /// contacts are written; returning `false` cancels (nothing is written).
    pub fn import(
        &self,
        file_name: &str,
        read: &ReadFile,
        choices: &ImportChoices,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ImportSummary> {
        let stage = match choices.stage.trim() {
            "" => Stage::Lead,
            key => Stage::from_key(key).ok_or_else(|| {
                Error::invalid("stage", format!("“{key}” is not a stage Tend knows."))
            })?,
        };
        let now = self.clock().now();
        self.write(|tx| {
            let region = settings::phone_region(tx)?;
            let known = contacts::known_for_import(tx)?;
            let plan = plan_of(read, region, &known, &choices.merge_same_name);
            let total = plan.items.len();
            for (done, item) in plan.items.iter().enumerate() {
                match &item.outcome {
                    Outcome::New => save_new(tx, &item.incoming, stage, file_name, now)?,
                    Outcome::Merge {
                        contact_id,
                        additions,
                        ..
                    } => save_merge(tx, *contact_id, additions, file_name, now)?,
                    Outcome::MergeIntoEarlier { .. } | Outcome::Unchanged { .. } => {}
                }
                if done % 100 == 0 && !progress(done, total) {
                    return Err(Error::Cancelled);
                }
            }
            progress(total, total);
            Ok(ImportSummary {
                new: plan.new_count(),
                merged: plan.merged_count(),
                unchanged: plan.unchanged_count(),
                problems: plan.problems.len(),
            })
        })
    }
}

fn plan_of(
    read: &ReadFile,
    region: crate::domain::phone::Region,
    known: &[Known],
    merge_same_name: &[usize],
) -> Plan {
    let cards = read
        .contacts
        .iter()
        .map(|card| import::validate(card, region))
        .collect();
    let places = read
        .contacts
        .iter()
        .map(|card| card.place.clone())
        .collect();
    let mut plan = import::plan(cards, places, known, merge_same_name);
    plan.problems.splice(0..0, read.problems.iter().cloned());
    plan
}

fn save_new(
    tx: &Transaction,
    incoming: &Incoming,
    stage: Stage,
    file_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let contact = ValidContact {
        name: incoming.name.clone(),
        phone: incoming.phones.first().cloned(),
        email: incoming.emails.first().cloned(),
        stage,
        notes: incoming.notes.clone(),
        tags: incoming.tags.clone(),
        keep_in_touch_days: None,
    };
    let id = contacts::insert(tx, &contact, now)?;
    for phone in incoming.phones.iter().skip(1) {
        contacts::add_method(tx, id, "phone", &phone.display, &phone.e164)?;
    }
    for email in incoming.emails.iter().skip(1) {
        contacts::add_method(tx, id, "email", email, &email.to_lowercase())?;
    }
    let birthday = incoming.birthday.map(|b| b.to_text());
    contacts::set_imported_fields(
        tx,
        id,
        incoming.uid.as_deref(),
        birthday.as_deref(),
        incoming.org.as_deref(),
    )?;
    contacts::add_source(tx, id, &incoming.source_key, file_name, now)
}

fn save_merge(
    tx: &Transaction,
    id: i64,
    additions: &Additions,
    file_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    for phone in &additions.phones {
        contacts::add_method(tx, id, "phone", &phone.display, &phone.e164)?;
    }
    for email in &additions.emails {
        contacts::add_method(tx, id, "email", email, &email.to_lowercase())?;
    }
    contacts::add_tags_and_note(tx, id, &additions.tags, additions.note.as_deref(), now)?;
    let birthday = additions.birthday.map(|b| b.to_text());
    contacts::set_imported_fields(tx, id, None, birthday.as_deref(), additions.org.as_deref())?;
    if let Some(key) = &additions.source_key {
        contacts::add_source(tx, id, key, file_name, now)?;
    }
    Ok(())
}

fn preview(file_name: &str, read: &ReadFile, plan: &Plan) -> ImportPreview {
    // The first rows as they will look, and every card that needs her choice.
    let rows: Vec<PreviewRow> = plan
        .items
        .iter()
        .enumerate()
        .filter(|(position, item)| *position < PREVIEW_ROWS || item.same_name_as.is_some())
        .map(|(position, item)| {
            let (outcome, into) = match &item.outcome {
                Outcome::New => ("new", None),
                Outcome::Merge { name, .. } => ("merge", Some(name.clone())),
                Outcome::MergeIntoEarlier { item: earlier } => {
                    ("merge", Some(plan.items[*earlier].incoming.name.clone()))
                }
                Outcome::Unchanged { name, .. } => ("unchanged", Some(name.clone())),
            };
            PreviewRow {
                position,
                place: item.place.clone(),
                contact: item.incoming.clone(),
                outcome,
                into,
                same_name_as: item.same_name_as.as_ref().map(|(_, name)| name.clone()),
            }
        })
        .collect();
    let (new, merged, unchanged) = (
        plan.new_count(),
        plan.merged_count(),
        plan.unchanged_count(),
    );
    let mut parts = vec![format!("{new} new")];
    if merged > 0 {
        parts.push(format!("{merged} already in Tend (will be merged)"));
    }
    if unchanged > 0 {
        parts.push(format!("{unchanged} already in Tend with nothing new"));
    }
    if !plan.problems.is_empty() {
        parts.push(format!("{} cannot be read", plan.problems.len()));
    }
    ImportPreview {
        file_name: file_name.to_string(),
        format: read.format,
        encoding: read.encoding.clone(),
        new,
        merged,
        unchanged,
        problems: plan.problems.clone(),
        rows,
        summary: parts.join(", "),
    }
}
