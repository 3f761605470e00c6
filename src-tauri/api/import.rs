//! Importing contacts from a file: read it (`interchange`), decide what is new
//! and what merges (`domain::import`), show the preview, then write it all in
//! one transaction — or nothing, if anything fails or she cancels.

use super::tend::Tend;
use crate::domain::contact::ValidContact;
use crate::domain::events;
use crate::domain::import::{self, Additions, Incoming, Known, Outcome, Plan};
use crate::domain::stage::Stage;
use crate::domain::text::quoted;
use crate::error::{words, Error, Result};
use crate::interchange::{self, ColumnMapping, Format, Problem, ReadFile};
use crate::store::{contacts, settings};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// How many rows the window's preview shows as they will look.
const PREVIEW_ROWS: usize = 20;

/// A CSV mapping she gave is kept under this prefix and the header's key, so
/// the same export from the same program needs no mapping next time.
const MAPPING_PREFIX: &str = "csvMapping.";

/// Which of the cards read the preview lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// The first ones, and every card that needs her choice (the window).
    First,
    /// Every card (the terminal's JSON).
    All,
}

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
    /// A CSV whose columns Tend does not know: which column is which, please.
    pub needs_mapping: Option<MappingRequest>,
}

/// The columns of an unknown CSV, with Tend's best guess at each.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MappingRequest {
    pub headers: Vec<String>,
    pub suggested: ColumnMapping,
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
    /// Reads a contacts file: with her column mapping, or the one she gave for
    /// the same columns before, when it is a CSV whose layout Tend does not know.
    pub fn read_import_file(
        &self,
        path: &Path,
        mapping: Option<&ColumnMapping>,
    ) -> Result<ReadFile> {
        let name = file_name(path);
        if let Some(mapping) = mapping {
            return interchange::read_csv_mapped(open_file(path)?, &name, mapping);
        }
        let read = interchange::read(open_file(path)?, &name)?;
        let Some(headers) = &read.needs_mapping else {
            return Ok(read);
        };
        match self.remembered_mapping(headers)? {
            Some(mapping) => interchange::read_csv_mapped(open_file(path)?, &name, &mapping),
            None => Ok(read),
        }
    }

    fn remembered_mapping(&self, headers: &[String]) -> Result<Option<ColumnMapping>> {
        let key = mapping_key(headers);
        let text = self.read(|conn| settings::get(conn, &key))?;
        Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// What importing the file would do, with nothing written.
    pub fn preview_import_file(
        &self,
        path: &Path,
        mapping: Option<&ColumnMapping>,
        rows: Rows,
    ) -> Result<ImportPreview> {
        let read = self.read_import_file(path, mapping)?;
        self.preview_import(&file_name(path), &read, rows)
    }

    /// Imports the file, after a backup of the book as it was.
    pub fn import_file(
        &self,
        path: &Path,
        mapping: Option<&ColumnMapping>,
        choices: &ImportChoices,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ImportSummary> {
        let read = self.read_import_file(path, mapping)?;
        if let Some(headers) = &read.needs_mapping {
            return Err(Error::invalid(
                "mapping",
                format!(
                    "Tend does not know these columns ({}); say which column is which first.",
                    headers.join(", ")
                ),
            ));
        }
        self.back_up_before("import")?;
        let summary = self.import(&file_name(path), &read, choices, progress)?;
        if let Some(mapping) = mapping {
            self.remember_mapping(path, mapping)?;
        }
        Ok(summary)
    }

    /// Keeps the mapping she gave under the file's columns, for next time (a
    /// preference, written after the import it served).
    fn remember_mapping(&self, path: &Path, mapping: &ColumnMapping) -> Result<()> {
        let file = open_file(path)?;
        let Some(headers) = interchange::read(file, &file_name(path))?.needs_mapping else {
            return Ok(());
        };
        let key = mapping_key(&headers);
        let text = serde_json::to_string(mapping).map_err(|err| {
            Error::invalid("mapping", format!("That mapping cannot be kept: {err}"))
        })?;
        self.write(|tx| settings::put(tx, &key, Some(&text)))
    }

    /// What importing `read` would do, with nothing written.
    pub fn preview_import(
        &self,
        file_name: &str,
        read: &ReadFile,
        rows: Rows,
    ) -> Result<ImportPreview> {
        let plan = self.read(|conn| {
            let rules = settings::phone_rules(conn)?;
            let known = contacts::known_for_import(conn)?;
            Ok(plan_of(read, rules, &known, &[]))
        })?;
        Ok(preview(file_name, read, &plan, rows))
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
                Error::invalid(
                    "stage",
                    format!("{key} is not a stage Tend knows.", key = quoted(key)),
                )
            })?,
        };
        let now = self.clock().now();
        self.write(|tx| {
            let rules = settings::phone_rules(tx)?;
            let known = contacts::known_for_import(tx)?;
            let plan = plan_of(read, rules, &known, &choices.merge_same_name);
            let total = plan.items.len();
            // The contact each new card became, so a later card of the same person
            // is remembered on it too (the same file again then changes nothing).
            let mut created: Vec<Option<i64>> = Vec::with_capacity(total);
            for (done, item) in plan.items.iter().enumerate() {
                let id = match &item.outcome {
                    Outcome::New => Some(save_new(tx, &item.incoming, stage, file_name, now)?),
                    Outcome::Merge {
                        contact_id,
                        additions,
                        ..
                    } => {
                        save_merge(tx, *contact_id, additions, file_name, now)?;
                        None
                    }
                    Outcome::MergeIntoEarlier { item: earlier } => {
                        if let Some(Some(id)) = created.get(*earlier) {
                            let key = &item.incoming.source_key;
                            contacts::add_source(tx, *id, key, file_name, now)?;
                        }
                        None
                    }
                    Outcome::Unchanged { .. } => None,
                };
                created.push(id);
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
    rules: crate::domain::phone::PhoneRules,
    known: &[Known],
    merge_same_name: &[usize],
) -> Plan {
    let cards = read
        .contacts
        .iter()
        .map(|card| import::validate(card, rules))
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
) -> Result<i64> {
    let contact = ValidContact {
        name: incoming.name.clone(),
        name_notice: None,
        phone: incoming.phones.first().cloned(),
        email: incoming.emails.first().cloned(),
        stage,
        notes: incoming.notes.clone(),
        tags: incoming.tags.clone(),
        keep_in_touch_days: None,
    };
    let id = contacts::insert(tx, &contact, now)?;
    for phone in incoming.phones.iter().skip(1) {
        contacts::add_method(tx, id, "phone", &phone.display, &phone.normalized)?;
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
    contacts::add_source(tx, id, &incoming.source_key, file_name, now)?;
    save_anniversary(tx, id, incoming.anniversary, now)?;
    Ok(id)
}

/// A card's ANNIVERSARY becomes her yearly "Anniversary".
fn save_anniversary(
    tx: &Transaction,
    id: i64,
    anniversary: Option<crate::interchange::Birthday>,
    now: DateTime<Utc>,
) -> Result<()> {
    let event = anniversary.and_then(|day| events::anniversary(id, &day.to_text()));
    if let Some(event) = event {
        crate::store::events::insert(tx, &event, now)?;
    }
    Ok(())
}

fn save_merge(
    tx: &Transaction,
    id: i64,
    additions: &Additions,
    file_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    for phone in &additions.phones {
        contacts::add_method(tx, id, "phone", &phone.display, &phone.normalized)?;
    }
    for email in &additions.emails {
        contacts::add_method(tx, id, "email", email, &email.to_lowercase())?;
    }
    contacts::add_tags_and_note(tx, id, &additions.tags, additions.note.as_deref(), now)?;
    let birthday = additions.birthday.map(|b| b.to_text());
    contacts::set_imported_fields(tx, id, None, birthday.as_deref(), additions.org.as_deref())?;
    save_anniversary(tx, id, additions.anniversary, now)?;
    if let Some(key) = &additions.source_key {
        contacts::add_source(tx, id, key, file_name, now)?;
    }
    Ok(())
}

fn open_file(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|err| {
        Error::invalid(
            "file",
            format!("Could not open {}. {}", file_name(path), words::io(&err)),
        )
    })
}

fn mapping_key(headers: &[String]) -> String {
    format!("{MAPPING_PREFIX}{}", interchange::header_key(headers))
}

/// The name shown and remembered for a file: its last part.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn preview(file_name: &str, read: &ReadFile, plan: &Plan, rows_shown: Rows) -> ImportPreview {
    // The first rows as they will look, and every card that needs her choice.
    let rows: Vec<PreviewRow> = plan
        .items
        .iter()
        .enumerate()
        .filter(|(position, item)| {
            rows_shown == Rows::All || *position < PREVIEW_ROWS || item.same_name_as.is_some()
        })
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
        needs_mapping: read.needs_mapping.clone().map(|headers| MappingRequest {
            suggested: interchange::suggest_mapping(&headers),
            headers,
        }),
    }
}
