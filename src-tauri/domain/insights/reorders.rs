//! Re-orders: for each product, the days of supply she set against the gaps
//! her customers really leave between two purchases of it; and the re-order
//! reminders that came due, done in time or missed.

use super::period::Window;
use super::promises::{judge, Judged, PromiseRow};
use super::Share;
use crate::domain::purchase::{gaps_in_days, median_gap};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRow {
    pub id: i64,
    pub name: String,
    pub supply_days: Option<i64>,
}

/// One day a contact bought a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoughtRow {
    pub contact_id: i64,
    pub product_id: i64,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductRhythm {
    pub product_id: i64,
    pub name: String,
    pub supply_days: Option<i64>,
    /// Re-orders (a purchase of it after an earlier one by the same customer) in the period.
    pub reorders: u32,
    pub median_gap_days: Option<i64>,
    pub shortest_gap_days: Option<i64>,
    pub longest_gap_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reorders {
    /// Products with days of supply or a re-order in the period, by name.
    pub products: Vec<ProductRhythm>,
    /// Re-order reminders (among all the promises) that came due in the period:
    /// done by the end of their day.
    pub reminded_in_time: Share,
}

pub fn reorders(
    products: &[ProductRow],
    bought: &[BoughtRow],
    promises: &[PromiseRow],
    window: &Window,
    now: DateTime<Utc>,
    workday_end: Option<NaiveTime>,
) -> Reorders {
    let mut days: BTreeMap<(i64, i64), Vec<NaiveDate>> = BTreeMap::new();
    for row in bought {
        days.entry((row.product_id, row.contact_id))
            .or_default()
            .push(row.on);
    }
    // A gap belongs to the period its second purchase falls in.
    let mut gaps: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for ((product_id, _), mut on) in days {
        on.sort_unstable();
        on.dedup();
        for (pair, gap) in on.windows(2).zip(gaps_in_days(&on)) {
            if window.contains(pair[1]) {
                gaps.entry(product_id).or_default().push(gap);
            }
        }
    }
    let mut rhythms: Vec<ProductRhythm> = products
        .iter()
        .filter(|product| product.supply_days.is_some() || gaps.contains_key(&product.id))
        .map(|product| {
            let product_gaps = gaps.get(&product.id).cloned().unwrap_or_default();
            ProductRhythm {
                product_id: product.id,
                name: product.name.clone(),
                supply_days: product.supply_days,
                reorders: u32::try_from(product_gaps.len()).unwrap_or(u32::MAX),
                shortest_gap_days: product_gaps.iter().min().copied(),
                longest_gap_days: product_gaps.iter().max().copied(),
                median_gap_days: median_gap(product_gaps),
            }
        })
        .collect();
    rhythms.sort_by_key(|rhythm| rhythm.name.to_lowercase());

    let mut reminded_in_time = Share { count: 0, of: 0 };
    for row in promises
        .iter()
        .filter(|row| row.reorder && window.contains(row.due_local.date()))
    {
        match judge(row, workday_end, now) {
            Judged::Kept => {
                reminded_in_time.count += 1;
                reminded_in_time.of += 1;
            }
            Judged::Late | Judged::Broken => reminded_in_time.of += 1,
            Judged::Uncounted => {}
        }
    }
    Reorders {
        products: rhythms,
        reminded_in_time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::Status;
    use crate::domain::insights::period::Period;
    use crate::test_time::utc;
    use chrono_tz::Europe::London;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn bought(contact_id: i64, product_id: i64, on: &str) -> BoughtRow {
        BoughtRow {
            contact_id,
            product_id,
            on: day(on),
        }
    }

    fn reminder(id: i64, due: &str, status: Status, resolved: Option<&str>) -> PromiseRow {
        let due_at = utc(due);
        PromiseRow {
            followup_id: id,
            contact_id: 1,
            contact_name: "Maria Lopez".into(),
            promise: "offer a re-order".into(),
            due_at,
            due_local: due_at.with_timezone(&London).naive_local(),
            zone: London,
            status,
            resolved_at: resolved.map(utc),
            reorder: true,
        }
    }

    #[test]
    fn real_gaps_beside_the_days_of_supply_worked_by_hand() {
        // The quarter to Thu 26 Nov 2026 starts Mon 31 Aug. Oil (30 days):
        // Maria 1 Sep → 29 Sep (28) → 1 Nov (33); Ann 15 Jul → 20 Sep (67, the
        // second purchase in the period); Ann's 10 Jun → 15 Jul is before it.
        // Gaps 28, 33, 67: median 33, shortest 28, longest 67. Candle (90 days):
        // bought once, no re-order. Soap: no days of supply, never re-ordered: left out.
        let window = Window::of(Period::Quarter, day("2026-11-26"), None);
        let products = [
            ProductRow {
                id: 1,
                name: "Lavender oil".into(),
                supply_days: Some(30),
            },
            ProductRow {
                id: 2,
                name: "candle".into(),
                supply_days: Some(90),
            },
            ProductRow {
                id: 3,
                name: "Soap".into(),
                supply_days: None,
            },
        ];
        let rows = [
            bought(1, 1, "2026-09-01"),
            bought(1, 1, "2026-11-01"),
            bought(1, 1, "2026-09-29"),
            bought(2, 1, "2026-06-10"),
            bought(2, 1, "2026-07-15"),
            bought(2, 1, "2026-09-20"),
            bought(1, 2, "2026-10-01"),
            bought(2, 3, "2026-10-01"),
        ];
        let now = utc("2026-11-26T12:00:00Z");
        let figure = reorders(&products, &rows, &[], &window, now, None);
        let names: Vec<&str> = figure.products.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["candle", "Lavender oil"], "by name, soap left out");
        let oil = &figure.products[1];
        assert_eq!(
            (
                oil.reorders,
                oil.median_gap_days,
                oil.shortest_gap_days,
                oil.longest_gap_days
            ),
            (3, Some(33), Some(28), Some(67))
        );
        assert_eq!(figure.products[0].reorders, 0);
        assert_eq!(figure.products[0].median_gap_days, None);
    }

    #[test]
    fn reminders_done_by_the_end_of_their_day_were_in_time() {
        // Due Mon 16 Nov 09:00 London: done 23:59 that day is in time; one done
        // the next morning is late; one still open is missed; a skipped one
        // is not counted; one due tomorrow is not due yet; a promise that is not
        // a re-order reminder is not one of these.
        let window = Window::of(Period::FourWeeks, day("2026-11-26"), None);
        let now = utc("2026-11-26T12:00:00Z");
        let rows = [
            reminder(
                1,
                "2026-11-16T09:00:00Z",
                Status::Done,
                Some("2026-11-16T23:59:00Z"),
            ),
            reminder(
                2,
                "2026-11-16T09:00:00Z",
                Status::Done,
                Some("2026-11-17T08:00:00Z"),
            ),
            reminder(3, "2026-11-18T09:00:00Z", Status::Open, None),
            reminder(
                4,
                "2026-11-18T09:00:00Z",
                Status::Skipped,
                Some("2026-11-18T10:00:00Z"),
            ),
            reminder(5, "2026-11-27T09:00:00Z", Status::Open, None),
            PromiseRow {
                reorder: false,
                ..reminder(
                    6,
                    "2026-11-16T09:00:00Z",
                    Status::Done,
                    Some("2026-11-16T10:00:00Z"),
                )
            },
        ];
        let figure = reorders(&[], &[], &rows, &window, now, None);
        assert_eq!(figure.reminded_in_time, Share { count: 1, of: 3 });
    }
}
