//! Today's three sections of promises as pages: where each pending follow-up
//! goes (by [`classify`]), the first few of each in the order they came due,
//! and how many each holds. One pass over the pending follow-ups of the week,
//! so a backlog of thousands is counted once and only a page is sent.

use super::followup::Status;
use super::today::{classify, Day, Section};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// How many of a section the window is sent at first, and how many more each
/// "Show more" asks for.
pub const PAGE: usize = 50;
/// However many she asks for, no section sends more than this at once.
const MOST: usize = 5_000;

/// How many of each long section the window asks for: a page, and a page
/// more each time she chooses "Show more" there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Shown {
    pub overdue: usize,
    pub due_today: usize,
    /// Upcoming promises, and the birthdays and events listed with them.
    pub upcoming: usize,
}

impl Default for Shown {
    fn default() -> Self {
        Shown {
            overdue: PAGE,
            due_today: PAGE,
            upcoming: PAGE,
        }
    }
}

impl Shown {
    /// What is sent: at least a page, at most [`MOST`].
    pub fn bounded(self) -> Shown {
        let bound = |asked: usize| asked.clamp(PAGE, MOST);
        Shown {
            overdue: bound(self.overdue),
            due_today: bound(self.due_today),
            upcoming: bound(self.upcoming),
        }
    }
}

/// A pending follow-up as the sections need it: enough to place and order it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub id: i64,
    pub status: Status,
    pub due_at: DateTime<Utc>,
    pub snoozed_until: Option<DateTime<Utc>>,
}

impl Pending {
    /// A section lists by when each came due, or when its snooze ends.
    fn order(&self) -> (DateTime<Utc>, i64) {
        (self.snoozed_until.unwrap_or(self.due_at), self.id)
    }

    fn snoozing(&self, day: &Day) -> bool {
        self.status == Status::Snoozed && self.snoozed_until.is_some_and(|until| until > day.now)
    }
}

/// The first follow-ups of a section (ids, in order) and how many it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub ids: Vec<i64>,
    pub total: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sections {
    pub overdue: Page,
    pub due_today: Page,
    pub upcoming: Page,
    /// The first snooze to end: a section changes then.
    pub next_snooze_end: Option<DateTime<Utc>>,
}

/// Places each follow-up in its section and keeps the first of each, as many
/// as `shown` says.
pub fn paged(pending: impl IntoIterator<Item = Pending>, day: &Day, shown: Shown) -> Sections {
    let mut placed: [Vec<Pending>; 3] = Default::default();
    let mut next_snooze_end: Option<DateTime<Utc>> = None;
    for item in pending {
        if let Some(until) = item.snoozed_until.filter(|_| item.snoozing(day)) {
            next_snooze_end = Some(next_snooze_end.map_or(until, |next| next.min(until)));
        }
        let slot = match classify(item.status, item.due_at, item.snoozed_until, day) {
            Some(Section::Overdue) => 0,
            Some(Section::DueToday) => 1,
            Some(Section::Upcoming) => 2,
            None => continue,
        };
        placed[slot].push(item);
    }
    let [overdue, due_today, upcoming] = placed;
    let shown = shown.bounded();
    let (overdue, due_today, upcoming) = (
        first(overdue, shown.overdue),
        first(due_today, shown.due_today),
        first(upcoming, shown.upcoming),
    );
    Sections {
        overdue,
        due_today,
        upcoming,
        next_snooze_end,
    }
}

fn first(items: Vec<Pending>, limit: usize) -> Page {
    let total = items.len();
    let page = super::paging::first_by(items, limit, |a, b| a.order().cmp(&b.order()));
    Page {
        ids: page.iter().map(|item| item.id).collect(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::utc;
    use chrono::Duration;
    use chrono_tz::Europe::London;
    use proptest::prelude::*;

    fn open(id: i64, due: DateTime<Utc>) -> Pending {
        Pending {
            id,
            status: Status::Open,
            due_at: due,
            snoozed_until: None,
        }
    }

    fn day() -> Day {
        Day::of(utc("2026-11-23T10:00:00Z"), London)
    }

    #[test]
    fn a_backlog_is_paged_in_the_order_it_came_due_and_counted_whole() {
        let day = day();
        // 60 overdue, listed newest first: the page is the 50 oldest, oldest first.
        let backlog: Vec<Pending> = (0..60)
            .map(|i| open(i, day.start - Duration::hours(i + 1)))
            .collect();
        let sections = paged(backlog.clone(), &day, Shown::default());
        let oldest_first: Vec<i64> = (10..60).rev().collect();
        assert_eq!(sections.overdue.ids, oldest_first);
        assert_eq!(sections.overdue.total, 60);

        let more = Shown {
            overdue: 2 * PAGE,
            ..Shown::default()
        };
        let sections = paged(backlog, &day, more);
        assert_eq!(sections.overdue.ids.len(), 60, "a page more shows the rest");
        assert_eq!(sections.overdue.ids[0], 59);
    }

    #[test]
    fn each_follow_up_lands_in_one_section_or_none() {
        let day = day();
        let pending = vec![
            open(1, utc("2026-11-20T09:00:00Z")),
            open(2, utc("2026-11-23T15:00:00Z")),
            open(3, utc("2026-11-25T15:00:00Z")),
            open(4, utc("2026-12-25T15:00:00Z")),
        ];
        let sections = paged(pending, &day, Shown::default());
        assert_eq!(sections.overdue.ids, vec![1]);
        assert_eq!(sections.due_today.ids, vec![2]);
        assert_eq!(sections.upcoming.ids, vec![3], "beyond the week is in none");
        assert_eq!(sections.next_snooze_end, None);
    }

    #[test]
    fn a_snoozed_one_is_upcoming_by_when_its_snooze_ends_and_marks_the_next_change() {
        let day = day();
        let snoozed = |id, until: &str| Pending {
            id,
            status: Status::Snoozed,
            due_at: utc("2026-11-01T09:00:00Z"),
            snoozed_until: Some(utc(until)),
        };
        let pending = vec![
            snoozed(1, "2026-11-26T08:00:00Z"),
            snoozed(2, "2026-11-23T14:00:00Z"),
            snoozed(3, "2026-11-23T09:00:00Z"),
            open(4, utc("2026-11-24T07:00:00Z")),
        ];
        let sections = paged(pending, &day, Shown::default());
        assert_eq!(sections.overdue.ids, vec![3], "its snooze has ended");
        assert_eq!(sections.upcoming.ids, vec![2, 4, 1]);
        assert_eq!(sections.next_snooze_end, Some(utc("2026-11-23T14:00:00Z")));
    }

    #[test]
    fn what_the_window_asks_for_is_kept_between_a_page_and_a_bound() {
        let asked = Shown {
            overdue: 0,
            due_today: usize::MAX,
            upcoming: 120,
        };
        assert_eq!(
            asked.bounded(),
            Shown {
                overdue: PAGE,
                due_today: MOST,
                upcoming: 120
            }
        );
    }

    fn pending() -> impl Strategy<Value = Pending> {
        (
            0i64..500,
            prop_oneof![Just(Status::Open), Just(Status::Snoozed)],
            -20_000i64..20_000,
            proptest::option::of(-20_000i64..20_000),
        )
            .prop_map(|(id, status, due, snooze)| {
                let base = utc("2026-11-23T10:00:00Z");
                Pending {
                    id,
                    status,
                    due_at: base + Duration::minutes(due),
                    snoozed_until: snooze.map(|minutes| base + Duration::minutes(minutes)),
                }
            })
    }

    proptest! {
        #[test]
        fn a_page_is_the_start_of_the_whole_section_sorted(
            items in proptest::collection::vec(pending(), 0..200),
            asked in (0usize..120, 0usize..120, 0usize..120),
        ) {
            let day = day();
            let shown = Shown { overdue: asked.0, due_today: asked.1, upcoming: asked.2 };
            let sections = paged(items.clone(), &day, shown);
            let bounded = shown.bounded();
            let pages = [
                (Section::Overdue, &sections.overdue, bounded.overdue),
                (Section::DueToday, &sections.due_today, bounded.due_today),
                (Section::Upcoming, &sections.upcoming, bounded.upcoming),
            ];
            for (section, page, limit) in pages {
                let mut whole: Vec<Pending> = items
                    .iter()
                    .copied()
                    .filter(|i| classify(i.status, i.due_at, i.snoozed_until, &day) == Some(section))
                    .collect();
                whole.sort_by_key(Pending::order);
                prop_assert_eq!(page.total, whole.len());
                let expected: Vec<i64> = whole.iter().take(limit).map(|i| i.id).collect();
                prop_assert_eq!(&page.ids, &expected);
            }
        }
    }
}
