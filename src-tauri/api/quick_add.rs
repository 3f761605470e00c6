//! Quick-add: one typed line becomes a contact with its next step — or, when the
//! phone or email is already known, a next step on that contact instead.

use super::Tend;
use crate::domain::cadence::NEW_LEAD;
use crate::domain::contact::{Contact, ContactDraft};
use crate::domain::followup::{Due, Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::touch::{Outcome, ValidTouch};
use crate::error::{Error, Result};
use crate::quickadd::{self, DateOrder, ParseContext, ParsedLine};
use crate::store::{cadences, contacts, followups, settings, touches};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// Set once for a batch of lines ("Met at: Sara's party"), applied to each.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Batch {
    pub met_where: String,
    /// "YYYY-MM-DD"; empty means today.
    pub met_on: String,
    /// A line with no date starts the New lead cadence unless this is set.
    pub no_cadence: bool,
}

/// A contact that already has one of the line's phones or emails.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    pub contact_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickAddPreview {
    pub parsed: ParsedLine,
    /// "Jane Doe · +1 555 0142 · note: wants the lavender set · call Thu 26 Nov, 09:00"
    pub text: String,
    pub duplicate: Option<Duplicate>,
    /// No date in the line: the New lead cadence (3 days, 3 weeks, 3 months) applies.
    pub applies_cadence: bool,
}

/// What a saved line did, so it can be shown and undone.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickAdded {
    pub contact: Contact,
    pub created_contact: bool,
    pub followups: Vec<Followup>,
    pub touch_id: Option<i64>,
    /// The follow-ups this line created (what Undo takes back).
    pub created_followup_ids: Vec<i64>,
    pub text: String,
}

impl Tend {
    fn parse_context(&self, conn: &Connection) -> Result<ParseContext> {
        let zone = self.clock().zone();
        let region = settings::phone_region(conn)?;
        Ok(ParseContext {
            now: local_time::local_date_time(self.clock().now(), zone),
            date_order: DateOrder::for_region(region),
            phone_region: region,
            default_time: settings::default_time(conn)?,
        })
    }

    pub fn preview_quick_add(&self, line: &str, batch: &Batch) -> Result<QuickAddPreview> {
        self.store().read(|conn| {
            let ctx = self.parse_context(conn)?;
            let parsed = quickadd::parse_line(line, &ctx)?;
            let duplicate = find_duplicate(conn, &parsed)?;
            Ok(QuickAddPreview {
                text: parsed.preview_on(ctx.default_time, ctx.now.date()),
                // Added to a known contact, a line never starts a cadence.
                applies_cadence: parsed.followup.is_none()
                    && !batch.no_cadence
                    && duplicate.is_none(),
                duplicate,
                parsed,
            })
        })
    }

    /// Saves a line. `add_to` names the existing contact the person chose when
    /// the line was a duplicate: the follow-up (and a touch with the note) go on
    /// them instead of a second contact.
    pub fn quick_add(&self, line: &str, batch: &Batch, add_to: Option<i64>) -> Result<QuickAdded> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.store().write(|tx| {
            let ctx = self.parse_context(tx)?;
            let parsed = quickadd::parse_line(line, &ctx)?;
            let text = parsed.preview_on(ctx.default_time, ctx.now.date());
            let met_on = match batch.met_on.trim() {
                "" => ctx.now.date(),
                text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| Error::invalid("metOn", format!("“{text}” is not a date.")))?,
            };
            let (contact_id, created_contact, touch_id) = match add_to {
                Some(id) => {
                    contacts::get(tx, id)?;
                    let touch_id = if parsed.note.is_empty() {
                        None
                    } else {
                        let touch = ValidTouch {
                            contact_id: id,
                            channel: crate::domain::channel::Channel::InPerson,
                            outcome: Outcome::None,
                            note: parsed.note.clone(),
                            occurred_at: now,
                            followup_id: None,
                        };
                        Some(touches::insert(tx, &touch, now)?)
                    };
                    (id, false, touch_id)
                }
                None => {
                    let draft = ContactDraft {
                        name: parsed.name.clone(),
                        phone: parsed
                            .phones
                            .first()
                            .map(|p| p.display.clone())
                            .unwrap_or_default(),
                        email: parsed.emails.first().cloned().unwrap_or_default(),
                        stage: parsed
                            .stage
                            .map(|s| s.key().to_string())
                            .unwrap_or_default(),
                        notes: parsed.note.clone(),
                        tags: parsed.tags.clone(),
                        keep_in_touch_days: None,
                    };
                    let valid = draft.validate(ctx.phone_region)?;
                    let id = contacts::insert(tx, &valid, now)?;
                    for phone in parsed.phones.iter().skip(1) {
                        contacts::add_method(tx, id, "phone", &phone.display, &phone.e164)?;
                    }
                    for email in parsed.emails.iter().skip(1) {
                        contacts::add_method(tx, id, "email", email, &email.to_lowercase())?;
                    }
                    let met_where = batch.met_where.trim();
                    contacts::set_met(
                        tx,
                        id,
                        (!met_where.is_empty()).then_some(met_where),
                        met_on,
                    )?;
                    (id, true, None)
                }
            };
            let mut planned = Vec::new();
            match &parsed.followup {
                Some(step) => {
                    let due = Due::new(step.date, step.time, zone, ctx.default_time);
                    due.ensure_future(now)?;
                    let promise = if parsed.note.is_empty() {
                        step.phrase.clone()
                    } else {
                        parsed.note.clone()
                    };
                    let followup = ValidFollowup {
                        contact_id,
                        promise,
                        channel: step.channel,
                        due,
                    };
                    planned.push(followups::insert(tx, &followup, None, now)?);
                }
                None if !batch.no_cadence && created_contact => {
                    if let Some(cadence) = cadences::id_of_builtin(tx, NEW_LEAD)? {
                        cadences::apply(tx, contact_id, cadence, now, zone, ctx.default_time)?;
                    }
                }
                None => {}
            }
            let followups: Vec<Followup> = followups::for_contact(tx, contact_id, zone)?
                .into_iter()
                .filter(|f| f.status.is_pending())
                .collect();
            let created_followup_ids = if created_contact {
                followups.iter().map(|f| f.id).collect()
            } else {
                planned.clone()
            };
            Ok(QuickAdded {
                contact: contacts::get(tx, contact_id)?,
                created_contact,
                followups,
                touch_id,
                created_followup_ids,
                text,
            })
        })
    }

    /// Takes back one quick-added line: the contact it created, or what it added
    /// to an existing one.
    pub fn undo_quick_add(&self, added: &UndoQuickAdd) -> Result<()> {
        self.store().write(|tx| {
            if added.created_contact {
                return contacts::delete(tx, added.contact_id);
            }
            for id in &added.followup_ids {
                followups::delete(tx, *id, added.contact_id)?;
            }
            if let Some(touch_id) = added.touch_id {
                touches::delete(tx, touch_id, added.contact_id)?;
            }
            Ok(())
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UndoQuickAdd {
    pub contact_id: i64,
    pub created_contact: bool,
    pub followup_ids: Vec<i64>,
    pub touch_id: Option<i64>,
}

fn find_duplicate(conn: &Connection, parsed: &ParsedLine) -> Result<Option<Duplicate>> {
    let phones = parsed.phones.iter().map(|p| ("phone", p.e164.clone()));
    let emails = parsed.emails.iter().map(|e| ("email", e.to_lowercase()));
    for (kind, value) in phones.chain(emails) {
        if let Some((contact_id, name)) = contacts::find_by_method(conn, kind, &value)? {
            return Ok(Some(Duplicate { contact_id, name }));
        }
    }
    Ok(None)
}
