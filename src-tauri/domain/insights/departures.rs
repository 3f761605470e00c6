//! Why customers left, next to seed 003's table: how many left for each
//! reason, how much of it was in her control, and her own share of departures
//! she could have done something about (seed: 96%, of which 68% perceived
//! indifference, which is wholly hers to change).

use super::period::Window;
use super::Share;
use crate::domain::departure::Reason;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// Seed 003's "People leave because…", in percent. "Don't know" is ours.
fn seed_percent(reason: Reason) -> Option<u32> {
    match reason {
        Reason::Died => Some(1),
        Reason::Moved => Some(3),
        Reason::BuysFromFriend => Some(5),
        Reason::Competitor => Some(9),
        Reason::ProductOrPrice => Some(14),
        Reason::Indifference => Some(68),
        Reason::DontKnow => None,
    }
}

/// Seed 003: everything but death and moving is at least partly hers.
pub const SEED_IN_HER_CONTROL_PERCENT: u32 = 96;

/// A reason she had some hold over (little, some, total); "don't know" is not counted either way.
fn in_her_control(reason: Reason) -> Option<bool> {
    match reason {
        Reason::DontKnow => None,
        other => Some(!other.beyond_anyones_control()),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartureRow {
    pub reason: Reason,
    pub noted_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReasonCount {
    pub key: &'static str,
    pub label: &'static str,
    /// "none", "little", "some", "total", "unknown".
    pub control: &'static str,
    pub count: u32,
    pub seed_percent: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhyTheyLeft {
    pub departures: u32,
    /// Every reason in the seed's order, zero included.
    pub reasons: Vec<ReasonCount>,
    /// Of the departures with a known reason, those she had a hold over.
    pub in_her_control: Share,
    pub seed_in_her_control_percent: u32,
}

/// The departures noted on a day of `window` (her local day in `zone`).
pub fn why_they_left(rows: &[DepartureRow], window: &Window, zone: Tz) -> WhyTheyLeft {
    let counted: Vec<Reason> = rows
        .iter()
        .filter(|row| window.contains(row.noted_at.with_timezone(&zone).date_naive()))
        .map(|row| row.reason)
        .collect();
    let count_of = |keep: &dyn Fn(Reason) -> bool| {
        u32::try_from(counted.iter().filter(|r| keep(**r)).count()).unwrap_or(u32::MAX)
    };
    WhyTheyLeft {
        departures: count_of(&|_| true),
        reasons: Reason::ALL
            .into_iter()
            .map(|reason| ReasonCount {
                key: reason.key(),
                label: reason.label(),
                control: reason.control(),
                count: count_of(&|r| r == reason),
                seed_percent: seed_percent(reason),
            })
            .collect(),
        in_her_control: Share {
            count: count_of(&|r| in_her_control(r) == Some(true)),
            of: count_of(&|r| in_her_control(r).is_some()),
        },
        seed_in_her_control_percent: SEED_IN_HER_CONTROL_PERCENT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insights::period::Period;
    use crate::test_time::utc;
    use chrono_tz::America::New_York;

    fn left(reason: Reason, at: &str) -> DepartureRow {
        DepartureRow {
            reason,
            noted_at: utc(at),
        }
    }

    #[test]
    fn counts_by_reason_and_her_share_in_her_control_leaves_out_dont_know() {
        // Worked by hand: in the 4 weeks to Thu 26 Nov 2026 (from Mon 2 Nov),
        // indifference ×2, moved, competitor, don't know are in; the death in
        // October is not. Known reasons: 4; in her control: 2 + 1 = 3.
        let window = Window::of(Period::FourWeeks, "2026-11-26".parse().expect("day"), None);
        let rows = [
            left(Reason::Indifference, "2026-11-03T15:00:00Z"),
            left(Reason::Indifference, "2026-11-20T15:00:00Z"),
            left(Reason::Moved, "2026-11-10T15:00:00Z"),
            left(Reason::Competitor, "2026-11-25T15:00:00Z"),
            left(Reason::DontKnow, "2026-11-12T15:00:00Z"),
            left(Reason::Died, "2026-10-20T15:00:00Z"),
        ];
        let figure = why_they_left(&rows, &window, New_York);
        assert_eq!(figure.departures, 5);
        assert_eq!(figure.in_her_control, Share { count: 3, of: 4 });
        let count = |key: &str| {
            figure
                .reasons
                .iter()
                .find(|r| r.key == key)
                .map(|r| (r.count, r.control, r.seed_percent))
        };
        assert_eq!(count("indifference"), Some((2, "total", Some(68))));
        assert_eq!(count("died"), Some((0, "none", Some(1))));
        assert_eq!(count("dont_know"), Some((1, "unknown", None)));
        assert_eq!(figure.reasons.len(), Reason::ALL.len());
        let seed: u32 = figure.reasons.iter().filter_map(|r| r.seed_percent).sum();
        assert_eq!(seed, 100, "the seed's column adds up");
    }

    #[test]
    fn a_departure_noted_late_on_the_last_day_counts_on_her_day() {
        // 03:30 UTC on Mon 2 Nov is still Sunday 1 Nov in New York: outside.
        let window = Window::of(Period::FourWeeks, "2026-11-26".parse().expect("day"), None);
        let rows = [left(Reason::Indifference, "2026-11-02T03:30:00Z")];
        assert_eq!(why_they_left(&rows, &window, New_York).departures, 0);
        let rows = [left(Reason::Indifference, "2026-11-02T06:00:00Z")];
        assert_eq!(why_they_left(&rows, &window, New_York).departures, 1);
    }
}
