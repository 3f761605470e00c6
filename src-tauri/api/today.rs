//! The start screen: what is overdue, due today, coming up, going cold, and which
//! maybes need a decision; and the tray's count of what is due.

use super::tend::Tend;
use crate::domain::events::Upcoming;
use crate::domain::followup::Followup;
use crate::domain::purchase;
use crate::domain::season;
use crate::domain::sections::{self, Shown};
use crate::domain::today::{Day, GoingCold, Lapsed, Maybe, UPCOMING_DAYS};
use crate::error::Result;
use crate::store::{followups, today};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// How many going-cold and maybe rows Today shows (the counts are complete).
const LIST_LIMIT: u32 = 50;
/// A season names this many of last year's buyers (the count is complete).
const SEASON_NAMES: u32 = 8;
/// Birthdays and events: today and the week after it.
const EVENT_DAYS: i64 = UPCOMING_DAYS + 1;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    pub date: NaiveDate,
    pub now: DateTime<Utc>,
    /// The next local midnight: the view redraws itself then.
    pub next_day_at: DateTime<Utc>,
    /// When the sections next change by themselves: the next midnight, or a
    /// snooze ending before it.
    pub next_change_at: DateTime<Utc>,
    pub overdue: Vec<Followup>,
    pub due_today: Vec<Followup>,
    pub upcoming: Vec<Followup>,
    pub going_cold: Vec<GoingCold>,
    pub maybes: Vec<Maybe>,
    /// Re-order reminders due within the week, soonest first (a page; the
    /// count is complete). They are in no other section.
    pub reorders: Vec<Followup>,
    /// Customers whose supply ran out long ago with no re-order: suggested inactive.
    pub lapsed: Vec<Lapsed>,
    /// Birthdays and events from today to a week ahead (shown under `Upcoming`;
    /// a page, the count is complete).
    pub events: Vec<Upcoming>,
    /// Seasons coming up or under way, with who bought in them last year.
    pub seasons: Vec<season::Reminder>,
    pub counts: TodayCounts,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TodayCounts {
    pub overdue: usize,
    pub due_today: usize,
    pub upcoming: usize,
    pub going_cold: i64,
    pub maybes: i64,
    pub reorders: i64,
    /// Re-order reminders overdue or due today: with `overdue` and `due_today`,
    /// what the tray counts as due.
    pub reorders_due: i64,
    pub lapsed: i64,
    pub events: usize,
}

impl Tend {
    /// Today with a first page of each section.
    pub fn today(&self) -> Result<Today> {
        self.today_showing(Shown::default())
    }

    /// Today with as many of the overdue, due-today and upcoming follow-ups
    /// (and of the week's birthdays and events) as `shown` asks for; a backlog
    /// of thousands is counted whole and sent a page at a time.
    pub fn today_showing(&self, shown: Shown) -> Result<Today> {
        let shown = shown.bounded();
        let now = self.clock().now();
        let zone = self.zone()?;
        let day = Day::of(now, zone);
        self.read(|conn| {
            let sections = sections::paged(followups::pending_this_week(conn, &day)?, &day, shown);
            let page = |page: &sections::Page| followups::in_order(conn, &page.ids, zone);
            let (going_cold, cold_total) = today::going_cold(conn, now, LIST_LIMIT)?;
            let (maybes, maybes_total) = today::maybes(conn, now, LIST_LIMIT)?;
            let (reorders, reorders_total, reorders_due) = followups::reorders_before(
                conn,
                now,
                day.tomorrow,
                day.upcoming_end,
                LIST_LIMIT,
                zone,
            )?;
            let (events, events_total) =
                super::events::upcoming(conn, day.date, EVENT_DAYS, shown.upcoming)?;
            let seasons = super::events::season_reminders(conn, day.date, SEASON_NAMES)?;
            let (lapsed, lapsed_total) = today::lapsed(
                conn,
                purchase::lapsed_before(day.date),
                day.date,
                LIST_LIMIT,
            )?;
            let counts = TodayCounts {
                overdue: sections.overdue.total,
                due_today: sections.due_today.total,
                upcoming: sections.upcoming.total,
                going_cold: cold_total,
                maybes: maybes_total,
                reorders: reorders_total,
                reorders_due,
                lapsed: lapsed_total,
                events: events_total,
            };
            Ok(Today {
                date: day.date,
                now,
                next_day_at: day.tomorrow,
                next_change_at: sections
                    .next_snooze_end
                    .map_or(day.tomorrow, |end| end.min(day.tomorrow)),
                overdue: page(&sections.overdue)?,
                due_today: page(&sections.due_today)?,
                upcoming: page(&sections.upcoming)?,
                going_cold,
                maybes,
                reorders,
                lapsed,
                events,
                seasons,
                counts,
            })
        })
    }

    /// Overdue plus due today, as Today would count them, from one count query
    /// (the tray asks after every change; building Today is far dearer).
    pub fn due_count(&self) -> Result<i64> {
        let now = self.clock().now();
        let day = Day::of(now, self.zone()?);
        self.read(|conn| followups::count_due(conn, now, day.tomorrow))
    }
}
