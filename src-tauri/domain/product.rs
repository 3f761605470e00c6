//! The small product list she keeps: a name, how many days one lasts (a 30-day
//! supplement, a 90-day candle), and an optional price.

use super::money;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_SUPPLY_DAYS: i64 = 3650;

/// What the product form submits. Empty strings mean "none".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProductDraft {
    pub name: String,
    /// Days one lasts, as typed; empty: no re-order reminder for it.
    pub supply_days: String,
    /// In her currency, as typed ("24.50").
    pub price: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidProduct {
    pub name: String,
    pub supply_days: Option<i64>,
    pub price_cents: Option<i64>,
}

impl ProductDraft {
    pub fn validate(&self) -> Result<ValidProduct> {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(Error::invalid("name", "Please name the product."));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(Error::invalid(
                "name",
                format!("A product name can be at most {MAX_NAME_CHARS} characters."),
            ));
        }
        let supply_days = match self.supply_days.trim() {
            "" => None,
            text => Some(
                text.parse::<i64>()
                    .ok()
                    .filter(|days| (1..=MAX_SUPPLY_DAYS).contains(days))
                    .ok_or_else(|| {
                        Error::invalid(
                            "supplyDays",
                            format!("Days of supply: a whole number from 1 to {MAX_SUPPLY_DAYS}, or empty."),
                        )
                    })?,
            ),
        };
        Ok(ValidProduct {
            name,
            supply_days,
            price_cents: money::parse_cents(&self.price, "price")?,
        })
    }
}

/// A product as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: i64,
    pub name: String,
    pub supply_days: Option<i64>,
    pub price_cents: Option<i64>,
    pub archived: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, days: &str, price: &str) -> ProductDraft {
        ProductDraft {
            name: name.into(),
            supply_days: days.into(),
            price: price.into(),
        }
    }

    #[test]
    fn a_product_needs_a_name_and_may_have_days_and_a_price() {
        let oil = draft("  Lavender   oil ", "30", "24.50")
            .validate()
            .expect("valid");
        assert_eq!(oil.name, "Lavender oil");
        assert_eq!(oil.supply_days, Some(30));
        assert_eq!(oil.price_cents, Some(2450));
        let gift = draft("Gift card", "", "").validate().expect("valid");
        assert_eq!((gift.supply_days, gift.price_cents), (None, None));
    }

    #[test]
    fn bad_fields_are_named() {
        for (d, field) in [
            (draft("", "30", ""), "name"),
            (draft(&"x".repeat(121), "", ""), "name"),
            (draft("Oil", "0", ""), "supplyDays"),
            (draft("Oil", "a month", ""), "supplyDays"),
            (draft("Oil", "4000", ""), "supplyDays"),
            (draft("Oil", "30", "cheap"), "price"),
        ] {
            assert_eq!(d.validate().expect_err(field).field(), Some(field));
        }
    }
}
