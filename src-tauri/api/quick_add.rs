//! Quick add: one typed line becomes a contact with its next step — or, when the
//! phone or email is already known, a next step on that contact instead. What
//! the line turns into is `quickadd::plan`; this reads and saves it.

use super::cadences::start_builtin;
use super::tend::Tend;
use crate::domain::cadence::NEW_LEAD;
use crate::domain::contact::Contact;
use crate::domain::followup::{Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::referral::{self, Person, Pick};
use crate::error::Result;
use crate::quickadd::plan::Landing;
use crate::quickadd::{self, Batch, DateOrder, ParseContext, ParsedLine, Target};
use crate::store::{contacts, followups, settings, touches};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

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
    /// Who referred them: "via Sara" in the line, or the batch's host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer: Option<Person>,
    /// Why "via Sara" names no one, or that the referrer is the party's host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer_note: Option<String>,
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

/// What Undo sends back: what one saved line created.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UndoQuickAdd {
    pub contact_id: i64,
    pub created_contact: bool,
    pub followup_ids: Vec<i64>,
    pub touch_id: Option<i64>,
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
        self.read(|conn| {
            let ctx = self.parse_context(conn)?;
            let parsed = quickadd::parse_line(line, &ctx)?;
            let duplicate = find_duplicate(conn, &parsed)?;
            let (referrer, referrer_note) = match find_referrer(conn, &parsed, batch)? {
                Referrer::Typed(person) => (Some(person), None),
                Referrer::Host(person) => {
                    let note = format!("{} is the host: referred by her", person.name);
                    (Some(person), Some(note))
                }
                Referrer::Unknown(problem) => (None, Some(problem)),
                Referrer::NoOne => (None, None),
            };
            let target = match &duplicate {
                Some(known) => Target::Existing(known.contact_id),
                None => Target::NewContact,
            };
            Ok(QuickAddPreview {
                text: parsed.preview_on(ctx.default_time, ctx.now.date(), self.clock().zone()),
                applies_cadence: quickadd::plan::starts_new_lead(&parsed, batch, target),
                duplicate,
                parsed,
                referrer,
                referrer_note,
            })
        })
    }

    /// Saves a line. `add_to` names the existing contact the person chose when
    /// the line was a duplicate: the follow-up (and a touch with the note) go on
    /// them instead of a second contact.
    pub fn quick_add(&self, line: &str, batch: &Batch, add_to: Option<i64>) -> Result<QuickAdded> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let ctx = self.parse_context(tx)?;
            let mut parsed = quickadd::parse_line(line, &ctx)?;
            let referrer = match find_referrer(tx, &parsed, batch)? {
                Referrer::Typed(person) | Referrer::Host(person) => Some(person),
                Referrer::Unknown(_) | Referrer::NoOne => {
                    // "via Sara" who is no one here: her words stay, in the note.
                    if let Some(typed) = parsed.referrer.take() {
                        parsed.note = match parsed.note.as_str() {
                            "" => typed.phrase,
                            note => format!("{note} {}", typed.phrase),
                        };
                    }
                    None
                }
            };
            let target = match add_to {
                Some(id) => {
                    contacts::get(tx, id)?;
                    Target::Existing(id)
                }
                None => Target::NewContact,
            };
            let plan = quickadd::plan::plan(
                &parsed,
                batch,
                target,
                now,
                ctx.now.date(),
                zone,
                ctx.default_time,
                ctx.phone_region,
            )?;

            let created_contact = matches!(plan.landing, Landing::NewContact(_));
            let (contact_id, touch_id) = match &plan.landing {
                Landing::NewContact(new) => {
                    let id = contacts::insert(tx, &new.contact, now)?;
                    for phone in &new.more_phones {
                        contacts::add_method(tx, id, "phone", &phone.display, &phone.e164)?;
                    }
                    for email in &new.more_emails {
                        contacts::add_method(tx, id, "email", email, &email.to_lowercase())?;
                    }
                    contacts::set_met(tx, id, new.met_where.as_deref(), new.met_on)?;
                    if let Some(referrer) = &referrer {
                        contacts::set_referred_by(tx, id, Some(referrer.id))?;
                    }
                    (id, None)
                }
                Landing::Existing {
                    contact_id,
                    note_touch,
                } => {
                    let touch_id = match note_touch {
                        Some(touch) => {
                            let id = touches::insert(tx, touch, now)?;
                            contacts::touched(tx, *contact_id, touch.occurred_at)?;
                            Some(id)
                        }
                        None => None,
                    };
                    (*contact_id, touch_id)
                }
            };
            let mut planned = Vec::new();
            if let Some(step) = plan.next_step {
                let followup = ValidFollowup {
                    contact_id,
                    promise: step.promise,
                    channel: step.channel,
                    due: step.due,
                };
                planned.push(followups::insert(tx, &followup, None, now)?);
            }
            if plan.start_new_lead {
                start_builtin(tx, contact_id, NEW_LEAD, now, zone)?;
            }

            let followups: Vec<Followup> = followups::for_contact(tx, contact_id, zone)?
                .into_iter()
                .filter(|f| f.status.is_pending())
                .collect();
            let created_followup_ids = if created_contact {
                followups.iter().map(|f| f.id).collect()
            } else {
                planned
            };
            Ok(QuickAdded {
                contact: contacts::get(tx, contact_id)?,
                created_contact,
                followups,
                touch_id,
                created_followup_ids,
                text: parsed.preview_on(ctx.default_time, ctx.now.date(), self.clock().zone()),
            })
        })
    }

    /// Takes back one quick-added line: the contact it created, or what it added
    /// to an existing one.
    pub fn undo_quick_add(&self, added: &UndoQuickAdd) -> Result<()> {
        self.write(|tx| {
            if added.created_contact {
                return contacts::delete(tx, added.contact_id);
            }
            for id in &added.followup_ids {
                followups::delete(tx, *id, added.contact_id)?;
            }
            if let Some(touch_id) = added.touch_id {
                touches::delete(tx, touch_id, added.contact_id)?;
                let latest = touches::latest_for_contact(tx, added.contact_id)?;
                contacts::set_last_touched(tx, added.contact_id, latest)?;
            }
            Ok(())
        })
    }
}

/// Who referred the line's person: the one "via Sara" names, else the batch's host.
enum Referrer {
    Typed(Person),
    /// The batch's host.
    Host(Person),
    /// "via Sara" named no one (or several): why, for the preview.
    Unknown(String),
    NoOne,
}

fn find_referrer(conn: &Connection, parsed: &ParsedLine, batch: &Batch) -> Result<Referrer> {
    if let Some(typed) = &parsed.referrer {
        let pick = referral::pick(&typed.name, &contacts::named_like(conn, &typed.name)?);
        return Ok(match pick {
            Pick::One(person) => Referrer::Typed(person),
            other => Referrer::Unknown(other.problem(&typed.name).unwrap_or_default()),
        });
    }
    let host = match batch.host.trim() {
        "" => referral::host_in(&batch.met_where),
        typed => Some(typed),
    };
    let Some(host) = host else {
        return Ok(Referrer::NoOne);
    };
    Ok(
        match referral::pick(host, &contacts::named_like(conn, host)?) {
            Pick::One(person) => Referrer::Host(person),
            // A host typed on purpose who is no one is said; one read from "Met at" is not.
            other if !batch.host.trim().is_empty() => {
                Referrer::Unknown(other.problem(host).unwrap_or_default())
            }
            _ => Referrer::NoOne,
        },
    )
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
