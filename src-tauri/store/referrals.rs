//! Referrals as a referrer's page reads them: who she referred (the contacts
//! whose `referred_by_id` is hers, written by `contacts::set_referred_by`) and
//! what each bought; and the `partner_referrals` table, the customers she sent
//! to a partner.

use super::purchases::date;
use super::time;
use crate::domain::referral::{PartnerReferral, PartnerReferralDraft, Person, Referred};
use crate::domain::stage::Stage;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Transaction};

/// Everyone `referrer_id` referred, with how many purchases each made and what
/// they paid in all, by name.
pub fn referred_by(conn: &Connection, referrer_id: i64) -> Result<Vec<Referred>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.id, c.name, c.stage, count(p.id), coalesce(sum(p.amount_cents), 0)
         FROM contacts c LEFT JOIN purchases p ON p.contact_id = c.id
         WHERE c.referred_by_id = ?1
         GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id",
    )?;
    let rows = statement.query_map([referrer_id], |row| {
        let stage: Stage = row.get(2)?;
        Ok(Referred {
            id: row.get(0)?,
            name: row.get(1)?,
            stage,
            stage_label: stage.label(),
            purchases: row.get(3)?,
            spent_cents: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_partner_referral(
    tx: &Transaction,
    draft: &PartnerReferralDraft,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO partner_referrals (partner_id, contact_id, note, referred_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            draft.partner_id,
            draft.contact_id,
            draft.note,
            on.to_string(),
            time::to_sql(now)
        ],
    )
    .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    Ok(tx.last_insert_rowid())
}

/// The customers she sent to this partner, newest first.
pub fn sent_to_partner(conn: &Connection, partner_id: i64) -> Result<Vec<PartnerReferral>> {
    let mut statement = conn.prepare_cached(
        "SELECT r.id, r.partner_id, c.id, c.name, r.note, r.referred_on
         FROM partner_referrals r LEFT JOIN contacts c ON c.id = r.contact_id
         WHERE r.partner_id = ?1 ORDER BY r.referred_on DESC, r.id DESC",
    )?;
    let rows = statement.query_map([partner_id], |row| {
        Ok(PartnerReferral {
            id: row.get(0)?,
            partner_id: row.get(1)?,
            contact: match row.get::<_, Option<i64>>(2)? {
                Some(id) => Some(Person {
                    id,
                    name: row.get(3)?,
                }),
                None => None,
            },
            note: row.get(4)?,
            referred_on: date(row, 5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
