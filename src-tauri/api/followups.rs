//! Promises and touches: planning, keeping, snoozing, rescheduling, skipping, and
//! logging what happened (which always offers the next step).

use super::Tend;
use crate::domain::channel::Channel;
use crate::domain::followup::{self, Due, Followup, FollowupDraft, SnoozeChoice, SnoozeOption};
use crate::domain::touch::{self, FollowupSuggestion, Touch, TouchDraft};
use crate::error::{Error, Result};
use crate::store::{cadences, contacts, followups, settings, touches};
use serde::Serialize;

/// A follow-up just kept, and the touch it probably was, ready to log.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completed {
    pub followup: Followup,
    pub touch_channel: Channel,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedTouch {
    pub touch: Touch,
    pub count: i64,
    pub count_text: String,
    /// What "Plan follow-up" is pre-filled with: one key accepts it.
    pub suggestion: FollowupSuggestion,
    /// Cadence steps moved to count from this answer.
    pub rebased: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouchHistory {
    pub touches: Vec<Touch>,
    pub count: i64,
    pub count_text: String,
}

/// A date (and optional time) picked in a form, in the person's zone.
fn picked(conn: &rusqlite::Connection, date: &str, time: &str, zone: chrono_tz::Tz) -> Result<Due> {
    Ok(Due::new(
        followup::parse_date(date)?,
        followup::parse_time(time)?,
        zone,
        settings::default_time(conn)?,
    ))
}

impl Tend {
    pub fn plan_followup(&self, draft: &FollowupDraft) -> Result<Followup> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            let valid = draft.validate(now, zone, settings::default_time(tx)?)?;
            let id = followups::insert(tx, &valid, None, now)?;
            followups::get(tx, id, zone)
        })
    }

    pub fn followup(&self, id: i64) -> Result<Followup> {
        let zone = self.zone()?;
        self.store.read(|conn| followups::get(conn, id, zone))
    }

    pub fn contact_followups(&self, contact_id: i64) -> Result<Vec<Followup>> {
        let zone = self.zone()?;
        self.store
            .read(|conn| followups::for_contact(conn, contact_id, zone))
    }

    pub fn complete_followup(&self, id: i64) -> Result<Completed> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            followups::complete(tx, id, now)?;
            let followup = followups::get(tx, id, zone)?;
            Ok(Completed {
                touch_channel: followup.channel,
                followup,
            })
        })
    }

    pub fn snooze_options(&self) -> Result<Vec<SnoozeOption>> {
        let now = self.clock.now();
        let zone = self.zone()?;
        let morning = self.store.read(settings::default_time)?;
        Ok(followup::snooze_options(now, zone, morning))
    }

    pub fn snooze_followup(&self, id: i64, choice: SnoozeChoice) -> Result<Followup> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            let until = followup::snooze_until(choice, now, zone, settings::default_time(tx)?)
                .ok_or_else(|| {
                    Error::invalid("snooze", "It's already evening; pick another snooze time.")
                })?;
            followups::snooze(tx, id, until, now)?;
            followups::get(tx, id, zone)
        })
    }

    /// Snooze to a picked date (and time): the promise keeps its date.
    pub fn snooze_followup_until(&self, id: i64, date: &str, time: &str) -> Result<Followup> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            let due = picked(tx, date, time, zone)?;
            if due.at <= now {
                return Err(Error::invalid(
                    "date",
                    "Pick a later moment to be reminded.",
                ));
            }
            followups::snooze(tx, id, due.at, now)?;
            followups::get(tx, id, zone)
        })
    }

    /// Moves the promise itself to a new date (and time).
    pub fn reschedule_followup(&self, id: i64, date: &str, time: &str) -> Result<Followup> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            let due = picked(tx, date, time, zone)?;
            due.ensure_future(now)?;
            followups::reschedule(tx, id, &due, now)?;
            followups::get(tx, id, zone)
        })
    }

    pub fn skip_followup(&self, id: i64, reason: &str) -> Result<Followup> {
        let now = self.clock.now();
        let zone = self.zone()?;
        let reason = followup::validate_promise(reason)
            .map_err(|_| Error::invalid("reason", "Keep the reason short."))?;
        self.store.write(|tx| {
            followups::skip(tx, id, &reason, now)?;
            followups::get(tx, id, zone)
        })
    }

    /// Logs a touch; if it kept a follow-up, that one is done too; if they
    /// answered, running cadences re-base from now.
    pub fn log_touch(&self, draft: &TouchDraft) -> Result<LoggedTouch> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            let valid = draft.validate(now, zone)?;
            let stage = contacts::stage_of(tx, valid.contact_id)?;
            let id = touches::insert(tx, &valid, now)?;
            if let Some(followup_id) = valid.followup_id {
                if followups::get(tx, followup_id, zone)?.status.is_pending() {
                    followups::complete(tx, followup_id, now)?;
                }
            }
            let rebased = if valid.outcome.is_answer() {
                cadences::rebase_on_answer(
                    tx,
                    valid.contact_id,
                    valid.occurred_at,
                    zone,
                    settings::default_time(tx)?,
                )?
            } else {
                0
            };
            let count = touches::count_for_contact(tx, valid.contact_id)?;
            let logged = touches::for_contact(tx, valid.contact_id, 50)?
                .into_iter()
                .find(|touch| touch.id == id)
                .ok_or(Error::NotFound { what: "touch" })?;
            Ok(LoggedTouch {
                touch: logged,
                count,
                count_text: touch::count_in_words(count),
                suggestion: touch::suggest_next(&valid, stage, zone),
                rebased,
            })
        })
    }

    pub fn contact_touches(&self, contact_id: i64) -> Result<TouchHistory> {
        self.store.read(|conn| {
            let count = touches::count_for_contact(conn, contact_id)?;
            Ok(TouchHistory {
                touches: touches::for_contact(conn, contact_id, 200)?,
                count,
                count_text: touch::count_in_words(count),
            })
        })
    }
}
