//! The rows Insights' figures are computed from (`domain::insights`). Reads
//! only; each query rides an index the app already keeps.

use super::time;
use crate::domain::decision::DecisionKind;
use crate::domain::insights::departures::DepartureRow;
use crate::domain::insights::pipeline::SlicePerson;
use crate::domain::insights::promises::PromiseRow;
use crate::domain::insights::referrals::ReferredRow;
use crate::domain::insights::reorders::{BoughtRow, ProductRow};
use crate::domain::insights::sales::SaleRow;
use crate::domain::local_time;
use crate::domain::stage::Stage;
use crate::error::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::types::Type;
use rusqlite::{params, Connection};

/// Every follow-up due before `until`, with its contact's name.
pub fn promises_due_before(conn: &Connection, until: DateTime<Utc>) -> Result<Vec<PromiseRow>> {
    let mut statement = conn.prepare_cached(
        "SELECT f.id, f.contact_id, c.name, f.promise, f.due_at, f.due_local, f.due_zone,
                f.status, f.completed_at, f.reorder_of IS NOT NULL
         FROM followups f JOIN contacts c ON c.id = f.contact_id
         WHERE f.due_at < ?1",
    )?;
    let rows = statement.query_map([time::to_sql(until)], |row| {
        let due_at = time::from_sql(&row.get::<_, String>(4)?)?;
        let zone: Tz = row
            .get::<_, String>(6)?
            .parse()
            .map_err(|_| rusqlite::Error::InvalidColumnType(6, "due_zone".into(), Type::Text))?;
        let due_local = local_time::parse_local(&row.get::<_, String>(5)?)
            .unwrap_or_else(|| local_time::local_date_time(due_at, zone));
        Ok(PromiseRow {
            followup_id: row.get(0)?,
            contact_id: row.get(1)?,
            contact_name: row.get(2)?,
            promise: row.get(3)?,
            due_at,
            due_local,
            zone,
            status: row.get(7)?,
            resolved_at: row
                .get::<_, Option<String>>(8)?
                .map(|text| time::from_sql(&text))
                .transpose()?,
            reorder: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each contact's first "bought", with the touches logged up to it and when
/// she first had to do with them (added, or first touched if earlier).
pub fn first_sales(conn: &Connection) -> Result<Vec<SaleRow>> {
    let mut statement = conn.prepare_cached(
        "WITH sales AS (
             SELECT contact_id, min(decided_at) AS sold_at FROM decisions
             WHERE kind = ?1 GROUP BY contact_id)
         SELECT s.contact_id, c.name, s.sold_at,
                min(c.created_at, coalesce(
                    (SELECT min(t.occurred_at) FROM touches t WHERE t.contact_id = s.contact_id),
                    c.created_at)),
                (SELECT count(*) FROM touches t
                 WHERE t.contact_id = s.contact_id AND t.occurred_at <= s.sold_at)
         FROM sales s JOIN contacts c ON c.id = s.contact_id",
    )?;
    let rows = statement.query_map(params![DecisionKind::Bought], |row| {
        Ok(SaleRow {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            sold_at: time::from_sql(&row.get::<_, String>(2)?)?,
            first_contact_at: time::from_sql(&row.get::<_, String>(3)?)?,
            touches_before: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Contacts not archived, by stage.
pub fn stage_counts(conn: &Connection) -> Result<Vec<(Stage, u32)>> {
    let mut statement = conn.prepare_cached(
        "SELECT stage, count(*) FROM contacts WHERE archived_at IS NULL GROUP BY stage",
    )?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Contacts not archived, by their latest decision (None: none yet).
pub fn decision_counts(conn: &Connection) -> Result<Vec<(Option<DecisionKind>, u32)>> {
    let mut statement = conn.prepare_cached(
        "SELECT last_decision, count(*) FROM contacts WHERE archived_at IS NULL GROUP BY last_decision",
    )?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every departure noted, and why.
pub fn departures(conn: &Connection) -> Result<Vec<DepartureRow>> {
    let mut statement = conn.prepare_cached("SELECT reason, noted_at FROM departures")?;
    let rows = statement.query_map([], |row| {
        Ok(DepartureRow {
            reason: row.get(0)?,
            noted_at: time::from_sql(&row.get::<_, String>(1)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Her product list, archived ones included (their re-orders still happened).
pub fn products(conn: &Connection) -> Result<Vec<ProductRow>> {
    let mut statement = conn.prepare_cached("SELECT id, name, supply_days FROM products")?;
    let rows = statement.query_map([], |row| {
        Ok(ProductRow {
            id: row.get(0)?,
            name: row.get(1)?,
            supply_days: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each day a contact bought a product of her list.
pub fn bought_days(conn: &Connection) -> Result<Vec<BoughtRow>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.contact_id, i.product_id, p.purchased_on
         FROM purchase_items i JOIN purchases p ON p.id = i.purchase_id
         WHERE i.product_id IS NOT NULL",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(BoughtRow {
            contact_id: row.get(0)?,
            product_id: row.get(1)?,
            on: super::purchases::date(row, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Everyone referred by another contact, with her first "bought".
pub fn referred(conn: &Connection) -> Result<Vec<ReferredRow>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.referred_by_id, r.name, c.created_at,
                (SELECT min(d.decided_at) FROM decisions d WHERE d.contact_id = c.id AND d.kind = ?1)
         FROM contacts c JOIN contacts r ON r.id = c.referred_by_id
         WHERE c.referred_by_id IS NOT NULL",
    )?;
    let rows = statement.query_map(params![DecisionKind::Bought], |row| {
        Ok(ReferredRow {
            referrer_id: row.get(0)?,
            referrer_name: row.get(1)?,
            added_at: time::from_sql(&row.get::<_, String>(2)?)?,
            first_bought_at: row
                .get::<_, Option<String>>(3)?
                .map(|text| time::from_sql(&text))
                .transpose()?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Contacts not archived at `stage`, or whose latest decision is `decision`
/// (None: none yet), by name: a page and the total.
pub fn people_by(
    conn: &Connection,
    column: PipelineColumn,
    value: Option<&str>,
    limit: u32,
) -> Result<(Vec<SlicePerson>, i64)> {
    let column = match column {
        PipelineColumn::Stage => "stage",
        PipelineColumn::LastDecision => "last_decision",
    };
    let filter = format!("archived_at IS NULL AND {column} IS ?1");
    let total = conn.query_row(
        &format!("SELECT count(*) FROM contacts WHERE {filter}"),
        [value],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, name FROM contacts WHERE {filter} ORDER BY name COLLATE NOCASE, id LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![value, limit], |row| {
        Ok(SlicePerson {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            detail: None,
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// Which of the contact's columns a pipeline bar counts.
#[derive(Debug, Clone, Copy)]
pub enum PipelineColumn {
    Stage,
    LastDecision,
}
