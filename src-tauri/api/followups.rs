//! Promises: planning, keeping, snoozing, rescheduling, skipping.

use super::tend::Tend;
use crate::domain::channel::Channel;
use crate::domain::followup::{self, Due, Followup, FollowupDraft, SnoozeChoice, SnoozeOption};
use crate::domain::{dates, local_time};
use crate::error::{Error, Result};
use crate::store::{followups, settings};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::Serialize;

/// A follow-up just kept, and the touch it probably was, ready to log.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completed {
    pub followup: Followup,
    pub touch_channel: Channel,
}

/// A date (and optional time) picked in a form, in the person's zone, within
/// the window of dates Tend accepts.
fn picked(conn: &Connection, date: &str, time: &str, zone: Tz, now: DateTime<Utc>) -> Result<Due> {
    let today = local_time::local_date(now, zone);
    Ok(Due::new(
        dates::ahead(followup::parse_date(date)?, today, "date")?,
        followup::parse_time(time)?,
        zone,
        settings::default_time(conn)?,
    ))
}

impl Tend {
    pub fn plan_followup(&self, draft: &FollowupDraft) -> Result<Followup> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let valid = draft.validate(now, zone, settings::default_time(tx)?)?;
            let id = followups::insert(tx, &valid, None, now)?;
            followups::get(tx, id, zone)
        })
    }

    pub fn followup(&self, id: i64) -> Result<Followup> {
        let zone = self.zone()?;
        self.read(|conn| followups::get(conn, id, zone))
    }

    pub fn contact_followups(&self, contact_id: i64) -> Result<Vec<Followup>> {
        let zone = self.zone()?;
        self.read(|conn| followups::for_contact(conn, contact_id, zone))
    }

    pub fn complete_followup(&self, id: i64) -> Result<Completed> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            followups::complete(tx, id, now)?;
            let followup = followups::get(tx, id, zone)?;
            Ok(Completed {
                touch_channel: followup.channel,
                followup,
            })
        })
    }

    pub fn snooze_options(&self) -> Result<Vec<SnoozeOption>> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let morning = self.read(settings::default_time)?;
        Ok(followup::snooze_options(now, zone, morning))
    }

    pub fn snooze_followup(&self, id: i64, choice: SnoozeChoice) -> Result<Followup> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
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
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let due = picked(tx, date, time, zone, now)?;
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
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let due = picked(tx, date, time, zone, now)?;
            due.ensure_future(now)?;
            followups::reschedule(tx, id, &due, now)?;
            followups::get(tx, id, zone)
        })
    }

    pub fn skip_followup(&self, id: i64, reason: &str) -> Result<Followup> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let reason = followup::validate_promise(reason)
            .map_err(|_| Error::invalid("reason", "Keep the reason short."))?;
        self.write(|tx| {
            followups::skip(tx, id, &reason, now)?;
            followups::get(tx, id, zone)
        })
    }
}
