//! The `products` table: her product list. A product is archived, never
//! deleted, so every purchase keeps the product it named.

use super::time;
use crate::domain::product::{Product, ValidProduct};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, name, supply_days, price_cents, archived_at IS NOT NULL";

fn from_row(row: &Row) -> rusqlite::Result<Product> {
    Ok(Product {
        id: row.get(0)?,
        name: row.get(1)?,
        supply_days: row.get(2)?,
        price_cents: row.get(3)?,
        archived: row.get(4)?,
    })
}

/// A name already on her list is refused (names are unique, any case).
fn unique_name(err: rusqlite::Error, name: &str) -> Error {
    let taken = err
        .sqlite_error()
        .is_some_and(|e| e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE);
    if taken {
        Error::invalid("name", format!("“{name}” is already on your product list."))
    } else {
        Error::Storage(err)
    }
}

pub fn insert(tx: &Transaction, product: &ValidProduct, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO products (name, supply_days, price_cents, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![
            product.name,
            product.supply_days,
            product.price_cents,
            time::to_sql(now)
        ],
    )
    .map_err(|err| unique_name(err, &product.name))?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, id: i64, product: &ValidProduct, now: DateTime<Utc>) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE products SET name = ?2, supply_days = ?3, price_cents = ?4, updated_at = ?5
             WHERE id = ?1",
            params![
                id,
                product.name,
                product.supply_days,
                product.price_cents,
                time::to_sql(now)
            ],
        )
        .map_err(|err| unique_name(err, &product.name))?;
    if changed == 0 {
        return Err(Error::NotFound { what: "product" });
    }
    Ok(())
}

pub fn set_archived(tx: &Transaction, id: i64, archived: bool, now: DateTime<Utc>) -> Result<()> {
    let now = time::to_sql(now);
    let changed = tx.execute(
        "UPDATE products SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, archived.then_some(now.as_str()), now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "product" });
    }
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<Product> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM products WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "product" })
}

/// Her list by name, the archived ones last.
pub fn list(conn: &Connection) -> Result<Vec<Product>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM products ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
