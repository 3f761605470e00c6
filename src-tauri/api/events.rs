//! Birthdays, dated events and what matters now: saved on a contact, and the
//! ones in the days ahead for Today and the morning notification; her seasons,
//! and who bought in one last year.

use super::tend::Tend;
use crate::domain::contact::{AboutDraft, Contact};
use crate::domain::events::{self, Dated, Event, EventDraft, Upcoming};
use crate::domain::local_time;
use crate::domain::season::{self, Season, SeasonDraft};
use crate::error::Result;
use crate::store::{contacts, events as store, seasons};
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

impl Tend {
    /// `Birthday` and `What matters to them now` (dated today when it changes).
    pub fn save_about(&self, contact_id: i64, draft: &AboutDraft) -> Result<Contact> {
        let now = self.clock().now();
        let today = local_time::local_date(now, self.zone()?);
        let valid = draft.validate(today)?;
        self.write(|tx| {
            contacts::set_about(tx, contact_id, &valid, today, now)?;
            contacts::get(tx, contact_id)
        })
    }

    pub fn contact_events(&self, contact_id: i64) -> Result<Vec<Event>> {
        self.read(|conn| store::for_contact(conn, contact_id))
    }

    /// Adds an anniversary, "baby due in May", "moving in June"; returns her events.
    pub fn add_contact_event(&self, draft: &EventDraft) -> Result<Vec<Event>> {
        let valid = draft.validate()?;
        let now = self.clock().now();
        self.write(|tx| {
            store::insert(tx, &valid, now)?;
            store::for_contact(tx, valid.contact_id)
        })
    }

    /// Removes one event; returns the contact's events left.
    pub fn remove_contact_event(&self, id: i64) -> Result<Vec<Event>> {
        self.write(|tx| {
            let contact_id = store::delete(tx, id)?;
            store::for_contact(tx, contact_id)
        })
    }
}

/// The birthdays and events from `from` for `days` days, soonest first: the
/// first `limit`, and how many in all.
pub(super) fn upcoming(
    conn: &Connection,
    from: NaiveDate,
    days: i64,
    limit: usize,
) -> Result<(Vec<Upcoming>, usize)> {
    let last = from + Duration::days(days - 1);
    let found = store::on_days(conn, &events::month_days(from, days), from, last)?;
    Ok(events::upcoming(found, from, days, limit))
}

impl Tend {
    pub fn seasons(&self) -> Result<Vec<Season>> {
        self.read(seasons::list)
    }

    /// Adds a season; returns them all.
    pub fn add_season(&self, draft: &SeasonDraft) -> Result<Vec<Season>> {
        let valid = draft.validate()?;
        let now = self.clock().now();
        self.write(|tx| {
            seasons::insert(tx, &valid, now)?;
            seasons::list(tx)
        })
    }

    pub fn remove_season(&self, id: i64) -> Result<Vec<Season>> {
        self.write(|tx| {
            seasons::delete(tx, id)?;
            seasons::list(tx)
        })
    }
}

/// The seasons coming up or under way on `today`, each with who bought in it
/// last year (the first `limit` of them, and how many).
pub(super) fn season_reminders(
    conn: &Connection,
    today: NaiveDate,
    limit: u32,
) -> Result<Vec<season::Reminder>> {
    let mut reminders = Vec::new();
    for found in seasons::list(conn)? {
        let (Some(starts), Some(ends)) = (
            Dated::from_text(&found.starts_on),
            Dated::from_text(&found.ends_on),
        ) else {
            continue;
        };
        let Some(window) = season::window(starts, ends, today) else {
            continue;
        };
        let (customers, count) =
            seasons::buyers_between(conn, window.last_year_from, window.last_year_to, limit)?;
        if count == 0 {
            continue;
        }
        reminders.push(season::Reminder {
            season_id: found.id,
            text: season::reminder_text(&found.name, &window, count, today),
            name: found.name,
            window,
            customers,
            count,
        });
    }
    Ok(reminders)
}
