//! The `purchases` table and its `purchase_items` lines: what she sold to whom,
//! when, for how much; and each contact's history of a product, which the
//! re-order dates are reckoned from.

use crate::domain::purchase::{Bought, Line, Purchase, ValidPurchase};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Row, Transaction};

pub fn insert(tx: &Transaction, purchase: &ValidPurchase, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO purchases (contact_id, item, amount_cents, purchased_on, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            purchase.contact_id,
            purchase.summary,
            purchase.amount_cents,
            purchase.bought_on.to_string(),
            purchase.note,
            super::time::to_sql(now),
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    let id = tx.last_insert_rowid();
    let mut line = tx.prepare_cached(
        "INSERT INTO purchase_items (purchase_id, product_id, name, quantity, supply_days)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for item in &purchase.lines {
        line.execute(params![
            id,
            item.product_id,
            item.name,
            item.quantity,
            item.supply_days
        ])
        .map_err(|err| super::constraint::missing_parent(err, "product"))?;
    }
    Ok(id)
}

pub(super) fn date(row: &Row, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(err))
    })
}

/// Her purchases, newest first, each with its lines.
pub fn for_contact(conn: &Connection, contact_id: i64) -> Result<Vec<Purchase>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, contact_id, purchased_on, item, amount_cents, note FROM purchases
         WHERE contact_id = ?1 ORDER BY purchased_on DESC, id DESC",
    )?;
    let mut purchases = statement
        .query_map([contact_id], |row| {
            Ok(Purchase {
                id: row.get(0)?,
                contact_id: row.get(1)?,
                bought_on: date(row, 2)?,
                summary: row.get(3)?,
                amount_cents: row.get(4)?,
                note: row.get(5)?,
                lines: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut lines = conn.prepare_cached(
        "SELECT i.purchase_id, i.product_id, i.name, i.quantity, i.supply_days
         FROM purchase_items i JOIN purchases p ON p.id = i.purchase_id
         WHERE p.contact_id = ?1 ORDER BY i.id",
    )?;
    let mut rows = lines.query([contact_id])?;
    while let Some(row) = rows.next()? {
        let purchase_id: i64 = row.get(0)?;
        if let Some(purchase) = purchases.iter_mut().find(|p| p.id == purchase_id) {
            purchase.lines.push(Line {
                product_id: row.get(1)?,
                name: row.get(2)?,
                quantity: row.get(3)?,
                supply_days: row.get(4)?,
            });
        }
    }
    Ok(purchases)
}

/// Every product of her list this contact bought, with each time she did.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductHistory {
    pub product_id: i64,
    /// The product's name on her list now.
    pub name: String,
    pub bought: Vec<Bought>,
}

pub fn history_of(conn: &Connection, contact_id: i64) -> Result<Vec<ProductHistory>> {
    let mut statement = conn.prepare_cached(
        "SELECT i.product_id, pr.name, p.purchased_on, i.supply_days
         FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
         JOIN products pr ON pr.id = i.product_id
         WHERE p.contact_id = ?1 ORDER BY i.product_id, p.purchased_on, i.id",
    )?;
    let mut histories: Vec<ProductHistory> = Vec::new();
    let mut rows = statement.query([contact_id])?;
    while let Some(row) = rows.next()? {
        let product_id: i64 = row.get(0)?;
        let bought = Bought {
            on: date(row, 2)?,
            supply_days: row.get(3)?,
        };
        match histories.last_mut().filter(|h| h.product_id == product_id) {
            Some(history) => history.bought.push(bought),
            None => histories.push(ProductHistory {
                product_id,
                name: row.get(1)?,
                bought: vec![bought],
            }),
        }
    }
    Ok(histories)
}
