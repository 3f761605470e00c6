//! How sales happen for her: how many touches it took before each contact's
//! first sale, and how long from first contact, next to the seeds' yardsticks
//! (about 7 touches before most people decide; 80% of sales after the 5th
//! contact; 63% of enquirers buying after three months or more).

use super::period::Window;
use super::Share;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// One contact's first sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleRow {
    pub contact_id: i64,
    pub name: String,
    pub first_contact_at: DateTime<Utc>,
    pub sold_at: DateTime<Utc>,
    /// Touches logged up to and including the sale's day.
    pub touches_before: u32,
}

/// Bars 0 to 9, then "10 or more".
pub const TOUCH_BARS: usize = 11;
const AFTER_FIFTH: u32 = 5;
const THREE_MONTHS_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouchBar {
    /// "0" … "9", "10+".
    pub label: String,
    pub sales: u32,
    /// The contacts behind the bar, so a click can list them.
    pub contacts: Vec<SoldTo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SoldTo {
    pub contact_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouchesBeforeSale {
    pub sales: u32,
    pub bars: Vec<TouchBar>,
    pub median_touches: Option<u32>,
    /// Sales that came after the 5th touch or later (seed 002: 80%).
    pub after_fifth: Share,
    pub median_days_to_sale: Option<i64>,
    /// Sales three months or more after first contact (seed 002: 63%).
    pub after_three_months: Share,
}

/// The first sales whose day falls in the window.
pub fn touches_before_sale(rows: &[SaleRow], window: &Window, zone: Tz) -> TouchesBeforeSale {
    let sales: Vec<&SaleRow> = rows
        .iter()
        .filter(|row| window.contains(row.sold_at.with_timezone(&zone).date_naive()))
        .collect();
    let mut bars: Vec<TouchBar> = (0..TOUCH_BARS)
        .map(|n| TouchBar {
            label: if n + 1 == TOUCH_BARS {
                format!("{n}+")
            } else {
                n.to_string()
            },
            sales: 0,
            contacts: Vec::new(),
        })
        .collect();
    for sale in &sales {
        let bar = usize::try_from(sale.touches_before)
            .unwrap_or(usize::MAX)
            .min(TOUCH_BARS - 1);
        bars[bar].sales += 1;
        bars[bar].contacts.push(SoldTo {
            contact_id: sale.contact_id,
            name: sale.name.clone(),
        });
    }
    let count = u32::try_from(sales.len()).unwrap_or(u32::MAX);
    let days: Vec<i64> = sales
        .iter()
        .map(|sale| (sale.sold_at - sale.first_contact_at).num_days().max(0))
        .collect();
    TouchesBeforeSale {
        sales: count,
        median_touches: median(
            sales
                .iter()
                .map(|sale| i64::from(sale.touches_before))
                .collect(),
        )
        .map(|touches| u32::try_from(touches).unwrap_or(u32::MAX)),
        after_fifth: Share {
            count: count_where(&sales, |sale| sale.touches_before >= AFTER_FIFTH),
            of: count,
        },
        after_three_months: Share {
            count: u32::try_from(days.iter().filter(|&&d| d >= THREE_MONTHS_DAYS).count())
                .unwrap_or(u32::MAX),
            of: count,
        },
        median_days_to_sale: median(days),
        bars,
    }
}

fn count_where(sales: &[&SaleRow], keep: impl Fn(&SaleRow) -> bool) -> u32 {
    u32::try_from(sales.iter().filter(|sale| keep(sale)).count()).unwrap_or(u32::MAX)
}

/// The lower middle value: a whole number of touches or days, as she counts them.
fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let middle = values.len().checked_sub(1)? / 2;
    values.get(middle).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insights::period::Period;
    use crate::test_time::utc;
    use chrono_tz::Europe::London;

    fn sale(id: i64, first: &str, sold: &str, touches: u32) -> SaleRow {
        SaleRow {
            contact_id: id,
            name: format!("Contact {id}"),
            first_contact_at: utc(first),
            sold_at: utc(sold),
            touches_before: touches,
        }
    }

    #[test]
    fn each_sale_lands_in_the_bar_of_its_touches_and_the_shares_name_their_denominator() {
        let rows = [
            sale(1, "2026-08-01T10:00:00Z", "2026-11-20T10:00:00Z", 5),
            sale(2, "2026-11-01T10:00:00Z", "2026-11-10T10:00:00Z", 2),
            sale(3, "2026-05-01T10:00:00Z", "2026-11-24T10:00:00Z", 12),
            // Before the quarter: left out.
            sale(4, "2026-01-01T10:00:00Z", "2026-03-01T10:00:00Z", 7),
        ];
        let window = Window::of(Period::Quarter, "2026-11-26".parse().expect("a date"), None);
        let figure = touches_before_sale(&rows, &window, London);
        assert_eq!(figure.sales, 3);
        assert_eq!(figure.bars[5].sales, 1);
        assert_eq!(figure.bars[5].contacts[0].contact_id, 1);
        assert_eq!(figure.bars[2].sales, 1);
        assert_eq!(figure.bars[10].label, "10+");
        assert_eq!(figure.bars[10].contacts[0].name, "Contact 3");
        assert_eq!(figure.median_touches, Some(5));
        assert_eq!(figure.after_fifth, Share { count: 2, of: 3 });
        // 111, 9 and 207 days.
        assert_eq!(figure.median_days_to_sale, Some(111));
        assert_eq!(figure.after_three_months, Share { count: 2, of: 3 });
    }

    #[test]
    fn no_sale_yet_is_empty_not_zero_percent() {
        let window = Window::of(Period::All, "2026-11-26".parse().expect("a date"), None);
        let figure = touches_before_sale(&[], &window, London);
        assert_eq!(figure.sales, 0);
        assert_eq!(figure.median_touches, None);
        assert_eq!(figure.after_fifth.percent(), None);
    }
}
