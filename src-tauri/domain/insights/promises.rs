//! "Always do what you say you will do": the share of follow-ups done by the
//! end of their day (or of her working day, a setting), week by week; the
//! streak of days that ended with nothing overdue; and the promises she broke
//! most recently. A skipped follow-up was released, not broken: it is left out.

use super::period::{monday_of, Window};
use super::Share;
use crate::domain::followup::Status;
use crate::domain::local_time::{resolve_date_time, start_of_day};
use crate::domain::text::shortened;
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// One follow-up, as the store reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct PromiseRow {
    pub followup_id: i64,
    pub contact_id: i64,
    pub contact_name: String,
    pub promise: String,
    pub due_at: DateTime<Utc>,
    /// The wall time promised, in the zone it was promised in.
    pub due_local: NaiveDateTime,
    pub zone: Tz,
    pub status: Status,
    /// When it was done or skipped.
    pub resolved_at: Option<DateTime<Utc>>,
    /// A re-order reminder (Insights' `Re-orders` counts these apart too).
    pub reorder: bool,
}

/// How a promise turned out, judged at its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Judged {
    Kept,
    Late,
    /// Still open after its deadline.
    Broken,
    /// Not due yet, or released (skipped): not counted.
    Uncounted,
}

/// The end of the promise's day, or of her working day when she set one (a
/// promise for later than that keeps its own time).
fn deadline(row: &PromiseRow, workday_end: Option<NaiveTime>) -> DateTime<Utc> {
    let day = row.due_local.date();
    let end_of_day = day
        .checked_add_days(Days::new(1))
        .map_or(row.due_at, |next| start_of_day(next, row.zone));
    match workday_end {
        Some(end) => resolve_date_time(day, end, row.zone)
            .max(row.due_at)
            .min(end_of_day),
        None => end_of_day,
    }
}

/// `row` judged at its deadline (the end of its day, or of her working day).
pub(super) fn judge(
    row: &PromiseRow,
    workday_end: Option<NaiveTime>,
    now: DateTime<Utc>,
) -> Judged {
    outcome(row, deadline(row, workday_end), now)
}

fn outcome(row: &PromiseRow, deadline: DateTime<Utc>, now: DateTime<Utc>) -> Judged {
    match (row.status, row.resolved_at) {
        (Status::Done, Some(at)) if at < deadline => Judged::Kept,
        (Status::Done, _) => Judged::Late,
        (Status::Skipped, _) => Judged::Uncounted,
        (Status::Open | Status::Snoozed, _) if now >= deadline => Judged::Broken,
        _ => Judged::Uncounted,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeekKept {
    /// The Monday the week starts on.
    pub week_of: NaiveDate,
    pub kept: Share,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokenPromise {
    pub followup_id: i64,
    pub contact_id: i64,
    pub name: String,
    pub promise: String,
    pub due_on: NaiveDate,
    /// "done 2 days late", "done after hours", "still open, 3 days overdue".
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PromisesKept {
    pub total: Share,
    pub weeks: Vec<WeekKept>,
    /// Days, today included, that ended (or go on) with nothing overdue.
    pub streak_days: u32,
    /// The most recent first.
    pub broken: Vec<BrokenPromise>,
}

const BROKEN_SHOWN: usize = 5;
const STREAK_LIMIT: u32 = 999;

/// `zone`: hers now, for "today" and the streak's days.
pub fn promises_kept(
    rows: &[PromiseRow],
    window: &Window,
    now: DateTime<Utc>,
    zone: Tz,
    workday_end: Option<NaiveTime>,
) -> PromisesKept {
    let judged: Vec<(&PromiseRow, DateTime<Utc>, Judged)> = rows
        .iter()
        .map(|row| {
            let deadline = deadline(row, workday_end);
            (row, deadline, outcome(row, deadline, now))
        })
        .collect();
    let in_window = || {
        judged.iter().filter(|(row, _, outcome)| {
            *outcome != Judged::Uncounted && window.contains(row.due_local.date())
        })
    };

    let mut weeks: Vec<WeekKept> = window
        .weeks()
        .into_iter()
        .map(|week_of| WeekKept {
            week_of,
            kept: Share { count: 0, of: 0 },
        })
        .collect();
    let mut total = Share { count: 0, of: 0 };
    for (row, _, outcome) in in_window() {
        let monday = monday_of(row.due_local.date());
        let kept = u32::from(*outcome == Judged::Kept);
        total.count += kept;
        total.of += 1;
        if let Some(week) = weeks.iter_mut().find(|week| week.week_of == monday) {
            week.kept.count += kept;
            week.kept.of += 1;
        }
    }

    let mut broken: Vec<(&PromiseRow, DateTime<Utc>, Judged)> = in_window()
        .filter(|(_, _, outcome)| matches!(outcome, Judged::Late | Judged::Broken))
        .copied()
        .collect();
    broken.sort_by_key(|(row, deadline, _)| (std::cmp::Reverse(*deadline), row.followup_id));
    let broken = broken
        .into_iter()
        .take(BROKEN_SHOWN)
        .map(|(row, _, outcome)| BrokenPromise {
            followup_id: row.followup_id,
            contact_id: row.contact_id,
            name: row.contact_name.clone(),
            promise: shortened(&row.promise, 60),
            due_on: row.due_local.date(),
            how: how_broken(row, outcome, now),
        })
        .collect();

    PromisesKept {
        total,
        weeks,
        streak_days: streak(&judged, now, zone),
        broken,
    }
}

fn how_broken(row: &PromiseRow, outcome: Judged, now: DateTime<Utc>) -> String {
    let due = row.due_local.date();
    let days_after = |at: DateTime<Utc>| {
        let on = at.with_timezone(&row.zone).date_naive();
        (on - due).num_days()
    };
    match outcome {
        Judged::Late => match row.resolved_at.map(days_after) {
            Some(days) if days >= 1 => format!("done {}", days_late(days, "late")),
            _ => "done after hours".to_owned(),
        },
        _ => {
            let days = days_after(now).max(1);
            format!("still open, {}", days_late(days, "overdue"))
        }
    }
}

fn days_late(days: i64, word: &str) -> String {
    match days {
        1 => format!("1 day {word}"),
        n => format!("{n} days {word}"),
    }
}

/// Counting back from today: days whose end (or, for today, now) found no
/// promise past its deadline and still open.
fn streak(judged: &[(&PromiseRow, DateTime<Utc>, Judged)], now: DateTime<Utc>, zone: Tz) -> u32 {
    // When each promise was overdue: from its deadline until done or skipped.
    let overdue: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = judged
        .iter()
        .filter(|(row, deadline, _)| row.resolved_at.is_none_or(|at| at >= *deadline))
        .map(|(row, deadline, _)| (*deadline, row.resolved_at))
        .collect();
    let earliest = judged.iter().map(|(row, _, _)| row.due_local.date()).min();
    let today = now.with_timezone(&zone).date_naive();
    let mut days = 0;
    let mut day = today;
    while days < STREAK_LIMIT {
        if earliest.is_none_or(|first| day < first) {
            break;
        }
        let end = day
            .checked_add_days(Days::new(1))
            .map_or(now, |next| start_of_day(next, zone))
            .min(now);
        let dirty = overdue
            .iter()
            .any(|(from, until)| *from <= end && until.is_none_or(|until| until > end));
        if dirty {
            break;
        }
        days += 1;
        match day.pred_opt() {
            Some(before) => day = before,
            None => break,
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insights::period::Period;
    use crate::test_time::utc;
    use chrono_tz::America::New_York;

    fn row(id: i64, due_local: &str, status: Status, resolved: Option<&str>) -> PromiseRow {
        let due_local: NaiveDateTime = due_local.parse().expect("a local time");
        PromiseRow {
            followup_id: id,
            contact_id: id,
            contact_name: format!("Contact {id}"),
            promise: format!("promise {id}"),
            due_at: crate::domain::local_time::resolve(due_local, New_York),
            due_local,
            zone: New_York,
            status,
            resolved_at: resolved.map(utc),
            reorder: false,
        }
    }

    fn window(today: &str) -> Window {
        Window::of(Period::FourWeeks, today.parse().expect("a date"), None)
    }

    // Thursday 26 Nov 2026, 15:00 in New York.
    const NOW: &str = "2026-11-26T20:00:00Z";

    #[test]
    fn two_kept_and_one_late_are_two_of_three_kept_on_time() {
        let rows = [
            row(
                1,
                "2026-11-23T09:00:00",
                Status::Done,
                Some("2026-11-23T15:00:00Z"),
            ),
            // Done at 23:59 New York time on its day: on time.
            row(
                2,
                "2026-11-24T09:00:00",
                Status::Done,
                Some("2026-11-25T04:59:00Z"),
            ),
            // Done the next morning: late.
            row(
                3,
                "2026-11-24T09:00:00",
                Status::Done,
                Some("2026-11-25T14:00:00Z"),
            ),
            // Released, and not due yet: neither counts.
            row(
                4,
                "2026-11-24T09:00:00",
                Status::Skipped,
                Some("2026-11-24T10:00:00Z"),
            ),
            row(5, "2026-11-28T09:00:00", Status::Open, None),
        ];
        let kept = promises_kept(&rows, &window("2026-11-26"), utc(NOW), New_York, None);
        assert_eq!(kept.total, Share { count: 2, of: 3 });
        assert_eq!(kept.total.percent(), Some(67));
        let this_week = kept.weeks.last().expect("this week");
        assert_eq!(
            this_week.week_of,
            "2026-11-23".parse::<NaiveDate>().expect("a date")
        );
        assert_eq!(this_week.kept, Share { count: 2, of: 3 });
        assert_eq!(kept.weeks.len(), 4);
        assert_eq!(kept.broken.len(), 1);
        assert_eq!(kept.broken[0].how, "done 1 day late");
    }

    #[test]
    fn her_working_day_can_end_the_day_early() {
        let rows = [row(
            1,
            "2026-11-24T09:00:00",
            Status::Done,
            Some("2026-11-24T23:30:00Z"),
        )];
        let by_six = Some(NaiveTime::from_hms_opt(18, 0, 0).expect("18:00"));
        let kept = promises_kept(&rows, &window("2026-11-26"), utc(NOW), New_York, by_six);
        assert_eq!(
            kept.total,
            Share { count: 0, of: 1 },
            "18:30 is after her day"
        );
        assert_eq!(kept.broken[0].how, "done after hours");
        let kept = promises_kept(&rows, &window("2026-11-26"), utc(NOW), New_York, None);
        assert_eq!(kept.total, Share { count: 1, of: 1 });
    }

    #[test]
    fn an_open_promise_past_its_day_is_broken_and_ends_the_streak() {
        let rows = [
            row(
                1,
                "2026-11-16T09:00:00",
                Status::Done,
                Some("2026-11-16T15:00:00Z"),
            ),
            row(2, "2026-11-24T09:00:00", Status::Open, None),
        ];
        let kept = promises_kept(&rows, &window("2026-11-26"), utc(NOW), New_York, None);
        assert_eq!(kept.total, Share { count: 1, of: 2 });
        assert_eq!(kept.broken[0].how, "still open, 2 days overdue");
        assert_eq!(kept.streak_days, 0, "something is overdue today");
    }

    #[test]
    fn the_streak_counts_back_to_the_last_day_that_ended_overdue() {
        // Due Mon 16th, done Thu 19th: the 16th (its own day) was fine, the 17th
        // and 18th ended with it overdue; from the 19th on, nothing.
        let rows = [
            row(
                1,
                "2026-11-09T09:00:00",
                Status::Done,
                Some("2026-11-09T15:00:00Z"),
            ),
            row(
                2,
                "2026-11-16T09:00:00",
                Status::Done,
                Some("2026-11-19T15:00:00Z"),
            ),
        ];
        let kept = promises_kept(&rows, &window("2026-11-26"), utc(NOW), New_York, None);
        assert_eq!(kept.streak_days, 8, "19th to 26th");
    }

    #[test]
    fn a_week_across_the_clock_change_is_still_one_week() {
        // Sunday 1 Nov 2026 the clocks go back in New York; the week of
        // Mon 26 Oct holds the promise due that Sunday at 23:30.
        let rows = [row(
            1,
            "2026-11-01T23:30:00",
            Status::Done,
            Some("2026-11-02T04:45:00Z"),
        )];
        let window = Window::of(
            Period::FourWeeks,
            "2026-11-05".parse().expect("a date"),
            None,
        );
        let kept = promises_kept(&rows, &window, utc("2026-11-05T12:00:00Z"), New_York, None);
        let week = kept
            .weeks
            .iter()
            .find(|week| week.week_of.to_string() == "2026-10-26")
            .expect("that week");
        assert_eq!(
            week.kept,
            Share { count: 1, of: 1 },
            "23:45 EST on the 1st is that day"
        );
    }
}
