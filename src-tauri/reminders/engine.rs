//! One tick of the reminder loop, as a pure decision over the store and the
//! clock: what to notify now, and when to look again.

use super::notice::{self, Notice};
use crate::api::Tend;
use crate::domain::local_time;
use crate::error::Result;
use crate::store::{reminders, settings};
use chrono::{DateTime, Duration, Utc};

/// Whatever happens, look again within this long: a sleeping laptop or a clock
/// change is noticed within a minute of waking (docs/decisions/0004).
pub const MAX_SLEEP: Duration = Duration::seconds(60);
/// A digest not sent within this long after its time waits for tomorrow.
const DIGEST_GRACE: Duration = Duration::hours(4);

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub notices: Vec<Notice>,
    pub next_wake: DateTime<Utc>,
}

impl Tend {
    /// Notifies what came due (marking it notified in the same transaction, so
    /// it is never notified twice), the morning digest when its time has come,
    /// and says when to wake next. Paused reminders wait for the pause to end.
    pub fn reminder_tick(&self, catching_up: bool) -> Result<Tick> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let paused_until = self
            .store()
            .read(settings::paused_until)?
            .filter(|until| *until > now);
        if let Some(until) = paused_until {
            return Ok(Tick {
                notices: Vec::new(),
                next_wake: until.min(now + MAX_SLEEP),
            });
        }
        let mut notices = self.store().write(|tx| {
            let due = reminders::due_unnotified(tx, now, zone)?;
            let ids: Vec<i64> = due.iter().map(|f| f.id).collect();
            reminders::mark_notified(tx, &ids, now)?;
            Ok(notice::plan(&due, catching_up))
        })?;

        let today = local_time::local_date(now, zone);
        let digest_time = self.store().read(settings::digest_time)?;
        let mut next_digest = None;
        if let Some(time) = digest_time {
            let sent_today = self
                .store()
                .read(|conn| settings::get(conn, settings::DIGEST_SENT_ON))?
                == Some(today.to_string());
            let todays = local_time::resolve_date_time(today, time, zone);
            if !sent_today && now >= todays && now < todays + DIGEST_GRACE {
                let view = self.today()?;
                notices.push(notice::digest(
                    view.counts.overdue,
                    view.counts.due_today,
                    view.counts.going_cold,
                    view.counts.maybes,
                ));
                self.store().write(|tx| {
                    settings::put(tx, settings::DIGEST_SENT_ON, Some(&today.to_string()))
                })?;
            }
            next_digest = Some(if now < todays {
                todays
            } else {
                local_time::resolve_date_time(today + Duration::days(1), time, zone)
            });
        }

        let next_due = self.store().read(reminders::next_remind_at)?;
        let next_wake = [next_due, next_digest, Some(now + MAX_SLEEP)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(now + MAX_SLEEP)
            .max(now);
        Ok(Tick { notices, next_wake })
    }

    /// Pauses reminders until `until`; what comes due meanwhile fires after.
    pub fn pause_reminders(&self, until: Option<DateTime<Utc>>) -> Result<()> {
        let text = until.map(crate::store::time::to_sql);
        self.store()
            .write(|tx| settings::put(tx, settings::REMINDERS_PAUSED_UNTIL, text.as_deref()))
    }
}
