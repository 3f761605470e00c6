//! What an export reads: every contact with its phones, emails and tags, and
//! the open follow-ups. A handful of whole-table queries joined in memory (no
//! query per contact), inside one read transaction, so the file is a snapshot
//! even if the app writes meanwhile.

use super::time;
use crate::domain::channel::Channel;
use crate::domain::local_time;
use crate::domain::stage::Stage;
use crate::error::Result;
use crate::interchange::export::{ExportContact, ExportFollowup};
use crate::interchange::Birthday;
use chrono_tz::Tz;
use rusqlite::types::Type;
use rusqlite::{Connection, Row};
use std::collections::HashMap;

/// Every contact, archived ones too (an export is the whole address book:
/// leaving someone out would lose them in the move), by name.
pub fn contacts(conn: &Connection) -> Result<Vec<ExportContact>> {
    let snapshot = conn.unchecked_transaction()?;
    let mut contacts = Vec::new();
    let mut position_of = HashMap::new();
    let mut rows = snapshot.prepare(
        "SELECT id, uid, name, stage, notes, birthday, org FROM contacts
         ORDER BY name COLLATE NOCASE, id",
    )?;
    let mut cursor = rows.query([])?;
    while let Some(row) = cursor.next()? {
        position_of.insert(row.get::<_, i64>(0)?, contacts.len());
        contacts.push(contact_from(row)?);
    }

    let mut methods = snapshot.prepare(
        "SELECT contact_id, kind, value FROM contact_methods ORDER BY contact_id, kind, position",
    )?;
    let mut cursor = methods.query([])?;
    while let Some(row) = cursor.next()? {
        if let Some(&at) = position_of.get(&row.get::<_, i64>(0)?) {
            // The table's CHECK allows only 'phone' and 'email'.
            let list = match row.get::<_, String>(1)?.as_str() {
                "phone" => &mut contacts[at].phones,
                _ => &mut contacts[at].emails,
            };
            list.push(row.get(2)?);
        }
    }

    let mut tags = snapshot.prepare(
        "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
         ORDER BY ct.contact_id, t.name",
    )?;
    let mut cursor = tags.query([])?;
    while let Some(row) = cursor.next()? {
        if let Some(&at) = position_of.get(&row.get::<_, i64>(0)?) {
            contacts[at].tags.push(row.get(1)?);
        }
    }
    Ok(contacts)
}

fn contact_from(row: &Row) -> rusqlite::Result<ExportContact> {
    let stage: Stage = row.get(3)?;
    let birthday = row
        .get::<_, Option<String>>(5)?
        .map(|text| Birthday::from_text(&text).ok_or_else(|| corrupt(5, "birthday", &text)))
        .transpose()?;
    Ok(ExportContact {
        uid: row.get(1)?,
        name: row.get(2)?,
        stage_label: stage.label().to_string(),
        notes: row.get(4)?,
        birthday,
        org: row.get(6)?,
        ..ExportContact::default()
    })
}

/// Open and snoozed follow-ups, by due time, with their contact's name and
/// first phone; those of archived contacts are left out, as Today and the
/// reminders leave them out.
pub fn pending_followups(conn: &Connection) -> Result<Vec<ExportFollowup>> {
    let mut statement = conn.prepare(
        "SELECT f.id, c.uid, c.name,
                (SELECT value FROM contact_methods
                 WHERE contact_id = c.id AND kind = 'phone' ORDER BY position LIMIT 1),
                f.promise, f.channel, f.due_at, f.due_local, f.due_zone, f.has_time,
                f.created_at, f.updated_at
         FROM followups f JOIN contacts c ON c.id = f.contact_id
         WHERE f.status IN ('open', 'snoozed') AND c.archived_at IS NULL
         ORDER BY f.due_at, f.id",
    )?;
    let rows = statement.query_map([], followup_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn followup_from(row: &Row) -> rusqlite::Result<ExportFollowup> {
    let channel: Channel = row.get(5)?;
    let local: String = row.get(7)?;
    let zone: String = row.get(8)?;
    Ok(ExportFollowup {
        id: row.get(0)?,
        contact_uid: row.get(1)?,
        contact_name: row.get(2)?,
        contact_phone: row.get(3)?,
        promise: row.get(4)?,
        channel_label: channel.label().to_string(),
        due_at: time::from_sql(&row.get::<_, String>(6)?)?,
        due_local: local_time::parse_local(&local)
            .ok_or_else(|| corrupt(7, "local time", &local))?,
        zone: zone
            .parse::<Tz>()
            .map_err(|_| corrupt(8, "time zone", &zone))?,
        has_time: row.get(9)?,
        created_at: time::from_sql(&row.get::<_, String>(10)?)?,
        updated_at: time::from_sql(&row.get::<_, String>(11)?)?,
    })
}

/// A value Tend never writes: the row is corrupt, and says so.
fn corrupt(column: usize, what: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unreadable {what} {text:?} in the data file").into(),
    )
}
