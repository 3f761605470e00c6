//! Purchases and re-orders: what a purchase must say, when each product she
//! bought runs out (its days of supply, or once she bought it twice her own
//! rhythm), when to remind before it does, and what her history adds up to.
//! What a purchase changes about the contact (a lead becomes a new customer,
//! New customer care starts) is the rule of "Bought": `decision::consequences`.

use super::money;
use super::product::Product;
use crate::error::{Error, Result};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

pub const MAX_QUANTITY: i64 = 999;
pub const MAX_NOTE_CHARS: usize = 2_000;
/// A customer whose supply ran out this long ago, with no re-order since, is
/// suggested as inactive.
pub const LAPSED_AFTER_DAYS: i64 = 60;

/// One product of the Record purchase form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ItemDraft {
    pub product_id: i64,
    pub quantity: i64,
}

/// What the Record purchase form submits. `date` is read by the caller (a phrase
/// or a picked day) and given to [`PurchaseDraft::validate`] as a date.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PurchaseDraft {
    pub contact_id: i64,
    pub items: Vec<ItemDraft>,
    /// "today", "yesterday", "last Tue", "2026-03-02"; empty means today.
    pub date: String,
    /// In her currency, as typed; empty: the products' prices, when all have one.
    pub amount: String,
    pub note: String,
    /// The "Bought" decision this purchase records the details of (from the
    /// decision form), so the purchase is not a second decision.
    pub decision_id: Option<i64>,
}

/// One product line of a purchase, as kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    pub product_id: Option<i64>,
    pub name: String,
    pub quantity: i64,
    /// How long this line lasts: the product's days of supply × quantity.
    pub supply_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidPurchase {
    pub contact_id: i64,
    pub bought_on: NaiveDate,
    pub lines: Vec<Line>,
    pub amount_cents: Option<i64>,
    pub note: String,
    /// "Lavender oil ×2, Candle": the purchase in one line.
    pub summary: String,
}

impl PurchaseDraft {
    /// Checks the draft against her product list; `bought_on` is the day the
    /// caller read from `date`, `today` her local date.
    pub fn validate(
        &self,
        bought_on: NaiveDate,
        today: NaiveDate,
        products: &[Product],
    ) -> Result<ValidPurchase> {
        if bought_on > today {
            return Err(Error::invalid(
                "date",
                "A purchase cannot be in the future; pick today or an earlier day.",
            ));
        }
        let bought_on = super::dates::near(bought_on, today, "date")?;
        if self.items.is_empty() {
            return Err(Error::invalid("items", "Choose at least one product."));
        }
        let mut lines: Vec<(&Product, i64)> = Vec::new();
        for item in &self.items {
            let product = products
                .iter()
                .find(|p| p.id == item.product_id && !p.archived)
                .ok_or_else(|| Error::invalid("items", "Choose a product from your list."))?;
            let quantity = match item.quantity {
                0 => 1,
                n => n,
            };
            if !(1..=MAX_QUANTITY).contains(&quantity) {
                return Err(Error::invalid(
                    "items",
                    format!("A quantity is from 1 to {MAX_QUANTITY}."),
                ));
            }
            // The same product twice in one purchase is one line.
            match lines.iter_mut().find(|(p, _)| p.id == product.id) {
                Some((_, count)) => *count = (*count + quantity).min(MAX_QUANTITY),
                None => lines.push((product, quantity)),
            }
        }
        let note = self.note.trim().to_string();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::invalid(
                "note",
                format!("A purchase note can be at most {MAX_NOTE_CHARS} characters."),
            ));
        }
        let amount_cents = match money::parse_cents(&self.amount, "amount")? {
            Some(cents) => Some(cents),
            None => priced_total(&lines),
        };
        let summary = lines
            .iter()
            .map(|(product, quantity)| match quantity {
                1 => product.name.clone(),
                n => format!("{} ×{n}", product.name),
            })
            .collect::<Vec<_>>()
            .join(", ");
        Ok(ValidPurchase {
            contact_id: self.contact_id,
            bought_on,
            lines: lines
                .into_iter()
                .map(|(product, quantity)| Line {
                    product_id: Some(product.id),
                    name: product.name.clone(),
                    quantity,
                    supply_days: product.supply_days.map(|days| days * quantity),
                })
                .collect(),
            amount_cents,
            note,
            summary,
        })
    }
}

/// What the lines cost at her list prices, when every product has one.
fn priced_total(lines: &[(&Product, i64)]) -> Option<i64> {
    lines
        .iter()
        .map(|(product, quantity)| product.price_cents.map(|cents| cents * quantity))
        .sum::<Option<i64>>()
        .filter(|total| *total <= money::MAX_CENTS)
}

/// A purchase as the contact's history shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Purchase {
    pub id: i64,
    pub contact_id: i64,
    pub bought_on: NaiveDate,
    pub summary: String,
    pub lines: Vec<Line>,
    pub amount_cents: Option<i64>,
    pub note: String,
}

/// One time she bought a product: the day, and how long that lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bought {
    pub on: NaiveDate,
    pub supply_days: Option<i64>,
}

/// Where a re-order date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Basis {
    /// The product's days of supply (× the quantity she bought).
    Supply { days: i64 },
    /// Her own rhythm: the median gap between the days she bought it.
    Rhythm { gap_days: i64, purchases: usize },
}

impl Basis {
    /// What the contact says about the date: which of the two it used.
    pub fn text(self) -> String {
        match self {
            Basis::Supply { days } => format!("from {days} days of supply"),
            Basis::Rhythm {
                gap_days,
                purchases,
            } => format!("from her own rhythm: every {gap_days} days over {purchases} purchases"),
        }
    }
}

/// When one product she buys runs out, and when to offer the re-order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reorder {
    pub product_id: i64,
    pub product_name: String,
    pub last_bought_on: NaiveDate,
    pub runs_out_on: NaiveDate,
    pub remind_on: NaiveDate,
    pub basis: Basis,
    pub basis_text: String,
}

/// The whole days between one purchase and the next, from every day she
/// bought it (in any order; two on one day are one purchase).
pub fn gaps_in_days(days: &[NaiveDate]) -> Vec<i64> {
    let mut days = days.to_vec();
    days.sort_unstable();
    days.dedup();
    days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect()
}

/// The median of whole-day gaps; an even count takes the mean of the middle
/// two, rounded to the nearer day.
pub fn median_gap(mut gaps: Vec<i64>) -> Option<i64> {
    gaps.sort_unstable();
    let middle = gaps.len() / 2;
    match gaps.len() {
        0 => None,
        n if n % 2 == 1 => Some(gaps[middle]),
        _ => Some((gaps[middle - 1] + gaps[middle] + 1) / 2),
    }
}

/// When `history` (every time she bought this product) runs out, and when to
/// remind her, `lead_days` before, never before `today`. Twice bought on two
/// days or more: her own rhythm (the median gap) decides; once: the days of
/// supply of what she bought last. `None` when neither is known.
pub fn reorder(
    product_id: i64,
    product_name: &str,
    history: &[Bought],
    lead_days: i64,
    today: NaiveDate,
) -> Option<Reorder> {
    let last = history.iter().map(|b| b.on).max()?;
    let days: Vec<NaiveDate> = history.iter().map(|b| b.on).collect();
    let gaps = gaps_in_days(&days);
    let basis = match median_gap(gaps.clone()) {
        Some(gap_days) => Basis::Rhythm {
            gap_days,
            purchases: gaps.len() + 1,
        },
        None => {
            // Everything bought that last day lasts together.
            let supply: Option<i64> = history
                .iter()
                .filter(|b| b.on == last)
                .map(|b| b.supply_days)
                .sum();
            Basis::Supply { days: supply? }
        }
    };
    let lasts = match basis {
        Basis::Supply { days } => days,
        Basis::Rhythm { gap_days, .. } => gap_days,
    };
    let runs_out_on = last.checked_add_signed(Duration::days(lasts))?;
    let remind_on = runs_out_on
        .checked_sub_signed(Duration::days(lead_days))?
        .max(today);
    Some(Reorder {
        product_id,
        product_name: product_name.to_string(),
        last_bought_on: last,
        runs_out_on,
        remind_on,
        basis,
        basis_text: basis.text(),
    })
}

/// The re-order reminder's promise: "Maria's lavender oil runs out around
/// 12 Mar — offer a re-order" (her first name, so the line reads as speech).
pub fn reorder_promise(contact_name: &str, reorder: &Reorder) -> String {
    let first = contact_name
        .split_whitespace()
        .next()
        .unwrap_or(contact_name);
    format!(
        "{first}’s {} runs out around {} — offer a re-order",
        reorder.product_name,
        reorder.runs_out_on.format("%-d %b")
    )
}

/// What her purchases add up to, as the contact shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    pub purchases: usize,
    /// The sum of every amount she paid (purchases without an amount add nothing).
    pub lifetime_cents: i64,
    pub last_bought_on: Option<NaiveDate>,
    /// "last bought 47 days ago".
    pub days_since_last: Option<i64>,
}

pub fn totals(purchases: &[Purchase], today: NaiveDate) -> Totals {
    let last_bought_on = purchases.iter().map(|p| p.bought_on).max();
    Totals {
        purchases: purchases.len(),
        lifetime_cents: purchases.iter().filter_map(|p| p.amount_cents).sum(),
        last_bought_on,
        days_since_last: last_bought_on.map(|last| (today - last).num_days()),
    }
}

/// The day the last of her supplies runs out: what Today's "ran out long ago"
/// reads, kept beside the contact.
pub fn supply_ends_on(reorders: &[Reorder]) -> Option<NaiveDate> {
    reorders.iter().map(|r| r.runs_out_on).max()
}

/// Supplies that ran out before this day count as long gone.
pub fn lapsed_before(today: NaiveDate) -> NaiveDate {
    today - Duration::days(LAPSED_AFTER_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn product(id: i64, name: &str, days: Option<i64>, price: Option<i64>) -> Product {
        Product {
            id,
            name: name.into(),
            supply_days: days,
            price_cents: price,
            archived: false,
        }
    }

    fn list() -> Vec<Product> {
        vec![
            product(1, "Lavender oil", Some(30), Some(2450)),
            product(2, "Candle", Some(90), Some(1800)),
            product(3, "Gift card", None, None),
        ]
    }

    fn draft(items: &[(i64, i64)]) -> PurchaseDraft {
        PurchaseDraft {
            contact_id: 7,
            items: items
                .iter()
                .map(|&(product_id, quantity)| ItemDraft {
                    product_id,
                    quantity,
                })
                .collect(),
            ..PurchaseDraft::default()
        }
    }

    #[test]
    fn a_purchase_names_products_with_quantities_and_prices_itself() {
        let today = day("2026-03-02");
        let valid = draft(&[(1, 2), (2, 0), (1, 1)])
            .validate(today, today, &list())
            .expect("valid");
        assert_eq!(valid.summary, "Lavender oil ×3, Candle");
        assert_eq!(valid.lines.len(), 2, "the same product twice is one line");
        assert_eq!(valid.lines[0].supply_days, Some(90), "3 × 30 days");
        assert_eq!(valid.lines[1].quantity, 1, "no quantity means one");
        assert_eq!(valid.amount_cents, Some(3 * 2450 + 1800));
        let typed = PurchaseDraft {
            amount: "50".into(),
            ..draft(&[(1, 1)])
        };
        assert_eq!(
            typed
                .validate(today, today, &list())
                .expect("ok")
                .amount_cents,
            Some(5000),
            "what she typed wins"
        );
        let unpriced = draft(&[(1, 1), (3, 1)])
            .validate(today, today, &list())
            .expect("ok");
        assert_eq!(unpriced.amount_cents, None, "one product has no price");
        assert_eq!(unpriced.lines[1].supply_days, None);
    }

    #[test]
    fn a_bad_purchase_is_refused_on_its_field() {
        let today = day("2026-03-02");
        let future = draft(&[(1, 1)]).validate(day("2026-03-03"), today, &list());
        assert_eq!(future.expect_err("future").field(), Some("date"));
        for (bad, field) in [
            (draft(&[]), "items"),
            (draft(&[(9, 1)]), "items"),
            (draft(&[(1, 1000)]), "items"),
            (draft(&[(1, -1)]), "items"),
            (
                PurchaseDraft {
                    amount: "lots".into(),
                    ..draft(&[(1, 1)])
                },
                "amount",
            ),
            (
                PurchaseDraft {
                    note: "x".repeat(2_001),
                    ..draft(&[(1, 1)])
                },
                "note",
            ),
        ] {
            assert_eq!(
                bad.validate(today, today, &list())
                    .expect_err(field)
                    .field(),
                Some(field)
            );
        }
        let mut archived = list();
        archived[0].archived = true;
        assert!(draft(&[(1, 1)]).validate(today, today, &archived).is_err());
    }

    fn bought(on: &str, days: Option<i64>) -> Bought {
        Bought {
            on: day(on),
            supply_days: days,
        }
    }

    #[test]
    fn one_purchase_runs_out_after_its_days_of_supply() {
        let today = day("2026-02-10");
        let plan = reorder(
            1,
            "lavender oil",
            &[bought("2026-02-10", Some(30))],
            3,
            today,
        )
        .expect("a plan");
        assert_eq!(plan.runs_out_on, day("2026-03-12"));
        assert_eq!(plan.remind_on, day("2026-03-09"), "3 days before");
        assert_eq!(plan.basis, Basis::Supply { days: 30 });
        assert_eq!(plan.basis_text, "from 30 days of supply");
        assert_eq!(
            reorder_promise("Maria Lopez", &plan),
            "Maria’s lavender oil runs out around 12 Mar — offer a re-order"
        );
        assert_eq!(
            reorder(3, "Gift card", &[bought("2026-02-10", None)], 3, today),
            None,
            "no days of supply: no reminder"
        );
    }

    #[test]
    fn twice_bought_the_next_date_follows_her_own_rhythm() {
        let today = day("2026-03-06");
        // A 30-day product she re-buys every 24 days.
        let history = [
            bought("2026-02-10", Some(30)),
            bought("2026-03-06", Some(30)),
        ];
        let plan = reorder(1, "oil", &history, 3, today).expect("a plan");
        assert_eq!(
            plan.basis,
            Basis::Rhythm {
                gap_days: 24,
                purchases: 2
            }
        );
        assert_eq!(plan.runs_out_on, day("2026-03-30"));
        assert_eq!(plan.remind_on, day("2026-03-27"));
        assert_eq!(
            plan.basis_text,
            "from her own rhythm: every 24 days over 2 purchases"
        );
        // Median, not mean: one long gap (a holiday) does not drag the rhythm.
        let history = [
            bought("2026-01-01", Some(30)),
            bought("2026-01-21", Some(30)),
            bought("2026-02-10", Some(30)),
            bought("2026-05-01", Some(30)),
        ];
        let plan = reorder(1, "oil", &history, 0, day("2026-05-01")).expect("plan");
        assert_eq!(
            plan.basis,
            Basis::Rhythm {
                gap_days: 20,
                purchases: 4
            }
        );
        // Even number of gaps: the mean of the middle two.
        assert_eq!(median_gap(vec![10, 20, 31, 90]), Some(26));
        // Bought twice the same day is still one purchase: supply decides.
        let same_day = [
            bought("2026-03-06", Some(30)),
            bought("2026-03-06", Some(30)),
        ];
        let plan = reorder(1, "oil", &same_day, 3, today).expect("plan");
        assert_eq!(plan.basis, Basis::Supply { days: 60 });
    }

    #[test]
    fn a_late_record_or_a_short_supply_is_reminded_today_not_in_the_past() {
        let today = day("2026-03-06");
        let plan = reorder(1, "oil", &[bought("2026-01-01", Some(30))], 3, today).expect("plan");
        assert_eq!(plan.runs_out_on, day("2026-01-31"));
        assert_eq!(plan.remind_on, today);
        let short = reorder(1, "oil", &[bought("2026-03-06", Some(2))], 3, today).expect("plan");
        assert_eq!(short.remind_on, today);
    }

    #[test]
    fn totals_add_what_she_paid_and_count_days_since_the_last() {
        let purchase = |id, on: &str, amount| Purchase {
            id,
            contact_id: 1,
            bought_on: day(on),
            summary: String::new(),
            lines: Vec::new(),
            amount_cents: amount,
            note: String::new(),
        };
        let all = [
            purchase(1, "2026-01-15", Some(2450)),
            purchase(2, "2026-02-20", None),
            purchase(3, "2026-01-30", Some(1800)),
        ];
        let sum = totals(&all, day("2026-04-08"));
        assert_eq!(sum.lifetime_cents, 4250);
        assert_eq!(sum.purchases, 3);
        assert_eq!(sum.last_bought_on, Some(day("2026-02-20")));
        assert_eq!(sum.days_since_last, Some(47));
        assert_eq!(totals(&[], day("2026-04-08")).days_since_last, None);
    }

    #[test]
    fn supply_ends_with_the_last_product_to_run_out() {
        let today = day("2026-03-06");
        let oil = reorder(1, "oil", &[bought("2026-03-01", Some(30))], 3, today).expect("oil");
        let candle = reorder(2, "candle", &[bought("2026-02-01", Some(90))], 3, today).expect("c");
        assert_eq!(supply_ends_on(&[oil, candle]), Some(day("2026-05-02")));
        assert_eq!(supply_ends_on(&[]), None);
        assert_eq!(lapsed_before(today), day("2026-01-05"));
    }
}
