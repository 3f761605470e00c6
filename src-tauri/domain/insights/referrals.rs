//! Referrals: who sends her the most people, and the most sales. A person
//! counts in the period she was added in; her sale, in the period she bought.

use super::period::Window;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::BTreeMap;

/// Someone referred, with who sent her.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferredRow {
    pub referrer_id: i64,
    pub referrer_name: String,
    pub added_at: DateTime<Utc>,
    /// Her first "Bought", if any.
    pub first_bought_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Referrer {
    pub contact_id: i64,
    pub name: String,
    pub people: u32,
    pub sales: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Referrals {
    pub people: u32,
    pub sales: u32,
    /// Most people first, then most sales, then by name; at most [`TOP_REFERRERS`].
    pub top: Vec<Referrer>,
}

pub const TOP_REFERRERS: usize = 10;

pub fn referrals(rows: &[ReferredRow], window: &Window, zone: Tz) -> Referrals {
    let in_window = |at: DateTime<Utc>| window.contains(at.with_timezone(&zone).date_naive());
    let mut by_referrer: BTreeMap<i64, Referrer> = BTreeMap::new();
    for row in rows {
        let person = u32::from(in_window(row.added_at));
        let sale = u32::from(row.first_bought_at.is_some_and(in_window));
        if person + sale == 0 {
            continue;
        }
        let referrer = by_referrer
            .entry(row.referrer_id)
            .or_insert_with(|| Referrer {
                contact_id: row.referrer_id,
                name: row.referrer_name.clone(),
                people: 0,
                sales: 0,
            });
        referrer.people += person;
        referrer.sales += sale;
    }
    let mut top: Vec<Referrer> = by_referrer.into_values().collect();
    let people = top.iter().map(|r| r.people).sum();
    let sales = top.iter().map(|r| r.sales).sum();
    top.sort_by(|a, b| {
        (b.people, b.sales)
            .cmp(&(a.people, a.sales))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    top.truncate(TOP_REFERRERS);
    Referrals { people, sales, top }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insights::period::Period;
    use crate::test_time::utc;
    use chrono_tz::Europe::London;

    fn referred(id: i64, name: &str, added: &str, bought: Option<&str>) -> ReferredRow {
        ReferredRow {
            referrer_id: id,
            referrer_name: name.into(),
            added_at: utc(added),
            first_bought_at: bought.map(utc),
        }
    }

    #[test]
    fn most_people_first_and_a_sale_counts_when_it_happened() {
        // The 4 weeks to Thu 26 Nov 2026 start Mon 2 Nov. Sara sent three this
        // period, two bought; Ana sent one in October who bought this month (a
        // sale, not a person, this period) and one this period; Bo's one guest
        // came and bought in October: not counted at all.
        let window = Window::of(Period::FourWeeks, "2026-11-26".parse().expect("day"), None);
        let rows = [
            referred(
                1,
                "Sara Jones",
                "2026-11-03T10:00:00Z",
                Some("2026-11-04T10:00:00Z"),
            ),
            referred(
                1,
                "Sara Jones",
                "2026-11-03T10:00:00Z",
                Some("2026-11-20T10:00:00Z"),
            ),
            referred(1, "Sara Jones", "2026-11-05T10:00:00Z", None),
            referred(
                2,
                "Ana Ruiz",
                "2026-10-10T10:00:00Z",
                Some("2026-11-10T10:00:00Z"),
            ),
            referred(2, "Ana Ruiz", "2026-11-10T10:00:00Z", None),
            referred(
                3,
                "Bo Lin",
                "2026-10-10T10:00:00Z",
                Some("2026-10-12T10:00:00Z"),
            ),
        ];
        let figure = referrals(&rows, &window, London);
        assert_eq!((figure.people, figure.sales), (4, 3));
        let top: Vec<(&str, u32, u32)> = figure
            .top
            .iter()
            .map(|r| (r.name.as_str(), r.people, r.sales))
            .collect();
        assert_eq!(top, [("Sara Jones", 3, 2), ("Ana Ruiz", 1, 1)]);
    }
}
