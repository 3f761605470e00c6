//! One tick of the reminder loop: what came due is notified once (marked in the
//! same transaction), the morning digest when its time has come, and when to
//! wake next. Paused reminders wait for the pause to end.

use super::tend::Tend;
use crate::domain::local_time;
use crate::error::Result;
use crate::reminders::notice;
use crate::reminders::schedule::{self, Tick};
use crate::store::{followups, reminders, settings};

impl Tend {
    pub fn reminder_tick(&self, catching_up: bool) -> Result<Tick> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let paused_until = self
            .read(settings::paused_until)?
            .filter(|until| *until > now);
        if let Some(until) = paused_until {
            return Ok(Tick {
                notices: Vec::new(),
                next_wake: Some(until),
            });
        }
        // Write only when something is due, so a quiet tick changes nothing
        // (and does not wake the views or the loop itself).
        let mut notices = Vec::new();
        if !self
            .read(|conn| reminders::due_unnotified(conn, now, zone))?
            .is_empty()
        {
            notices = self.write(|tx| {
                let due = reminders::due_unnotified(tx, now, zone)?;
                let ids: Vec<i64> = due.iter().map(|f| f.id).collect();
                followups::mark_notified(tx, &ids, now)?;
                Ok(notice::plan(&due, catching_up))
            })?;
        }

        let today = local_time::local_date(now, zone);
        let mut next_digest = None;
        if let Some(time) = self.read(settings::digest_time)? {
            let sent_on = self.read(|conn| settings::get(conn, settings::DIGEST_SENT_ON))?;
            let sent_today = sent_on == Some(today.to_string());
            if schedule::digest_due(now, today, time, zone, sent_today) {
                let view = self.today()?;
                notices.push(notice::digest(
                    view.counts.overdue,
                    view.counts.due_today,
                    view.counts.going_cold,
                    view.counts.maybes,
                    view.counts.reorders_due,
                ));
                self.write(|tx| {
                    settings::put(tx, settings::DIGEST_SENT_ON, Some(&today.to_string()))
                })?;
            }
            next_digest = Some(schedule::next_digest(now, today, time, zone));
        }

        // Birthdays and events, on the morning, `eventNoticeDays` ahead; the day
        // is marked told only when something was told (a quiet day writes nothing).
        let morning = self.read(settings::default_time)?;
        let told_on = self.read(|conn| settings::get(conn, settings::EVENTS_TOLD_ON))?;
        if schedule::events_due(
            now,
            today,
            morning,
            zone,
            told_on == Some(today.to_string()),
        ) {
            let ahead = self.read(settings::event_notice_days)?;
            let day = today + chrono::Duration::days(ahead);
            let (coming, _) =
                self.read(|conn| super::events::upcoming(conn, day, 1, usize::MAX))?;
            if !coming.is_empty() {
                notices.extend(notice::for_events(&coming, ahead));
                self.write(|tx| {
                    settings::put(tx, settings::EVENTS_TOLD_ON, Some(&today.to_string()))
                })?;
            }
        }

        // The loop sleeps through mornings with nothing dated to tell: with no
        // birthday or event in the book, nothing wakes it (adding one is a
        // change, and a change wakes it).
        let next_morning = self
            .read(crate::store::events::any)?
            .then(|| schedule::next_digest(now, today, morning, zone));
        let next_due = self.read(reminders::next_remind_at)?;
        Ok(Tick {
            notices,
            next_wake: schedule::next_wake(now, &[next_due, next_digest, next_morning]),
        })
    }
}
