//! Quick add: one typed line becomes a contact with its next step — or, when the
//! phone or email is already known, a next step on that contact instead. What
//! the line turns into is `quickadd::plan`; this reads and saves it.

use super::cadences::{start_builtin, Begin};
use super::tend::Tend;
use crate::domain::cadence::NEW_LEAD;
use crate::domain::contact::{validate_name, Contact};
use crate::domain::followup::{Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::referral::{self, Person, Pick};
use crate::domain::undo::{self, ContactNow, LineWork, UndoChoice, UndoPlan};
use crate::error::Result;
use crate::quickadd::plan::Landing;
use crate::quickadd::{self, Batch, DateOrder, ParseContext, ParsedLine, Target};
use crate::store::{cadences, contacts, decisions, followups, settings, touches};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// A contact the line is probably about: one with the line's phone or email,
/// or, for a line with neither, one with the same name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    pub contact_id: i64,
    pub name: String,
    /// What matched: "phone", "email" or "name".
    pub by: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickAddPreview {
    pub parsed: ParsedLine,
    /// "Jane Doe · +1 555 0142 · note: wants the lavender set · call Thu 26 Nov, 09:00"
    pub text: String,
    pub duplicate: Option<Duplicate>,
    /// The New lead cadence (3 days, 3 weeks, 3 months) applies; after the
    /// line's own promise when it names a date.
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

/// A batch kept in the settings, with the day it was set.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeptBatch {
    set_on: String,
    batch: Batch,
}

/// What Undo sends back: what one saved line created.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UndoQuickAdd {
    pub contact_id: i64,
    pub created_contact: bool,
    pub followup_ids: Vec<i64>,
    pub touch_id: Option<i64>,
    /// The created contact's `updated_at` as the line left it: a later edit
    /// is one of the changes Undo asks about.
    pub contact_updated_at: Option<String>,
    /// Her answer to "she has changed since": absent the first time.
    pub choice: Option<UndoChoice>,
}

/// What Undo did, or the question it asks first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum UndoOutcome {
    Undone,
    /// Nothing was removed: removing `name` would also take `since`.
    Ask {
        name: String,
        since: Vec<String>,
    },
}

impl Tend {
    fn parse_context(&self, conn: &Connection) -> Result<ParseContext> {
        let zone = self.clock().zone();
        let rules = settings::phone_rules(conn)?;
        Ok(ParseContext {
            now: local_time::local_date_time(self.clock().now(), zone),
            date_order: DateOrder::for_region(rules.region),
            phone_region: rules.region,
            area_code: rules.area_code,
            default_time: settings::default_time(conn)?,
        })
    }

    /// Reads a line once, so the phone-number metadata loads (about a second in
    /// a debug build) before her first key rather than on it; the book is held
    /// only to read her settings, so nothing the window asks meanwhile waits.
    pub fn warm_up_quick_add(&self) -> Result<()> {
        let ctx = self.read(|conn| self.parse_context(conn))?;
        // Only the loading matters: whatever the line reads as is dropped.
        let _ = quickadd::parse_line("Warm Up 555-0100 tomorrow", &ctx);
        Ok(())
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
                applies_cadence: quickadd::plan::starts_new_lead(
                    &parsed,
                    batch,
                    target,
                    settings::dated_line_starts_new_lead(conn)?,
                ),
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
                settings::dated_line_starts_new_lead(tx)?,
                now,
                ctx.now.date(),
                zone,
                ctx.default_time,
                ctx.phone_rules(),
            )?;

            let created_contact = matches!(plan.landing, Landing::NewContact(_));
            // New lead counts from the day they met, or follows the line's promise.
            let begin = match (&plan.next_step, &plan.landing) {
                (Some(step), _) => Some(Begin::AfterPromise(step.due.local.date())),
                (None, Landing::NewContact(new)) => Some(Begin::Met(new.met_on)),
                (None, Landing::Existing { .. }) => None,
            };
            let (contact_id, touch_id) = match &plan.landing {
                Landing::NewContact(new) => {
                    let id = contacts::insert(tx, &new.contact, now)?;
                    for phone in &new.more_phones {
                        contacts::add_method(tx, id, "phone", &phone.display, &phone.normalized)?;
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
            if let (true, Some(begin)) = (plan.start_new_lead, begin) {
                start_builtin(tx, contact_id, NEW_LEAD, begin, now, zone)?;
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

    /// The batch context ("Met at Sara's party") set today, if any: a restart
    /// the same day finds it again; the next day starts without it.
    pub fn quick_add_batch(&self) -> Result<Batch> {
        let today = local_time::local_date(self.clock().now(), self.zone()?);
        let kept = self.read(|conn| settings::get(conn, settings::QUICK_ADD_BATCH))?;
        Ok(kept
            .and_then(|text| serde_json::from_str::<KeptBatch>(&text).ok())
            .filter(|kept| kept.set_on == today.to_string())
            .map(|kept| kept.batch)
            .unwrap_or_default())
    }

    /// Remembers the batch context as she set it (an empty one forgets it).
    pub fn set_quick_add_batch(&self, batch: &Batch) -> Result<()> {
        let today = local_time::local_date(self.clock().now(), self.zone()?);
        let text = (batch != &Batch::default())
            .then(|| {
                serde_json::to_string(&KeptBatch {
                    set_on: today.to_string(),
                    batch: batch.clone(),
                })
            })
            .transpose()
            .map_err(|err| crate::error::Error::Setup(err.to_string()))?;
        self.write(|tx| settings::put(tx, settings::QUICK_ADD_BATCH, text.as_deref()))
    }

    /// Takes back one quick-added line: only what it created. When the line
    /// created a contact who has changed since, nothing goes until she has
    /// chosen (`domain::undo`).
    pub fn undo_quick_add(&self, added: &UndoQuickAdd) -> Result<UndoOutcome> {
        let zone = self.zone()?;
        self.write(|tx| {
            let contact = contacts::get(tx, added.contact_id)?;
            let line = LineWork {
                created_contact: added.created_contact,
                followup_ids: added.followup_ids.clone(),
                touch_id: added.touch_id,
                contact_updated_at: added.contact_updated_at.clone(),
            };
            let now = ContactNow {
                followups: followups::for_contact(tx, contact.id, zone)?
                    .into_iter()
                    .map(|f| (f.id, f.promise))
                    .collect(),
                touches: usize::try_from(touches::count_for_contact(tx, contact.id)?)
                    .unwrap_or(usize::MAX),
                decisions: decisions::for_contact(tx, contact.id)?.len(),
                updated_at: contact.updated_at.clone(),
            };
            match undo::plan(&line, &now, added.choice) {
                UndoPlan::DeleteContact => contacts::delete(tx, contact.id)?,
                UndoPlan::Remove {
                    followup_ids,
                    touch_id,
                } => {
                    for id in followup_ids {
                        followups::delete(tx, id, contact.id)?;
                    }
                    cadences::delete_runs_left_empty(tx, contact.id)?;
                    if let Some(touch_id) = touch_id {
                        touches::delete(tx, touch_id, contact.id)?;
                        let latest = touches::latest_for_contact(tx, contact.id)?;
                        contacts::set_last_touched(tx, contact.id, latest)?;
                    }
                }
                UndoPlan::Ask { since } => {
                    return Ok(UndoOutcome::Ask {
                        name: contact.name,
                        since,
                    })
                }
            }
            Ok(UndoOutcome::Undone)
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
    let phones = parsed
        .phones
        .iter()
        .map(|p| ("phone", p.normalized.clone()));
    let emails = parsed.emails.iter().map(|e| ("email", e.to_lowercase()));
    for (kind, value) in phones.chain(emails) {
        if let Some((contact_id, name)) = contacts::find_by_method(conn, kind, &value)? {
            return Ok(Some(Duplicate {
                contact_id,
                name,
                by: kind,
            }));
        }
    }
    // "Maria Lopez birthday March 14": nothing tells her from the Maria Lopez
    // already in Tend, so the line asks rather than making a second one.
    if parsed.phones.is_empty() && parsed.emails.is_empty() {
        let name = validate_name(&parsed.name)?.text;
        if let Some((contact_id, name)) = contacts::find_by_name(conn, &name)? {
            return Ok(Some(Duplicate {
                contact_id,
                name,
                by: "name",
            }));
        }
    }
    Ok(None)
}
