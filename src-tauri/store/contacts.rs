//! The `contacts` table with what belongs to it alone — phones and emails,
//! tags, and the search index that mirrors them. Every write here runs inside
//! the caller's write transaction.

use super::time;
use crate::domain::contact::{
    Contact, ContactPage, ContactPhone, ContactQuery, ContactSummary, MattersNow, ValidAbout,
    ValidContact,
};
use crate::domain::decision::DecisionKind;
use crate::domain::import::Known;
use crate::domain::phone;
use crate::domain::referral::Person;
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use std::collections::HashMap;

/// A random (version 4) UUID, made by SQLite: the contact's UID in exports.
const NEW_UUID: &str = "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

pub fn insert(tx: &Transaction, contact: &ValidContact, now: DateTime<Utc>) -> Result<i64> {
    let now = time::to_sql(now);
    tx.execute(
        &format!(
            "INSERT INTO contacts (name, stage, notes, keep_in_touch_days, created_at, updated_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, {NEW_UUID})"
        ),
        params![
            contact.name,
            contact.stage,
            contact.notes,
            contact.keep_in_touch_days,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_details(tx, id, contact)?;
    Ok(id)
}

pub fn update(tx: &Transaction, id: i64, contact: &ValidContact, now: DateTime<Utc>) -> Result<()> {
    let changed = tx.execute(
        "UPDATE contacts SET name = ?2, stage = ?3, notes = ?4, updated_at = ?5 WHERE id = ?1",
        params![
            id,
            contact.name,
            contact.stage,
            contact.notes,
            time::to_sql(now)
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "contact" });
    }
    write_details(tx, id, contact)
}

/// A further phone or email, after the primary one.
pub fn add_method(
    tx: &Transaction,
    id: i64,
    kind: &str,
    value: &str,
    normalized: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO contact_methods (contact_id, kind, value, normalized, position)
         SELECT ?1, ?2, ?3, ?4, coalesce(max(position) + 1, 0) FROM contact_methods
         WHERE contact_id = ?1 AND kind = ?2",
        params![id, kind, value, normalized],
    )?;
    reindex(tx, id)
}

pub fn set_met(
    tx: &Transaction,
    id: i64,
    met_where: Option<&str>,
    met_on: chrono::NaiveDate,
) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET met_where = coalesce(?2, met_where), met_on = ?3 WHERE id = ?1",
        params![id, met_where, met_on.to_string()],
    )?;
    // Where they met is searchable ("Sara's party" lists her guests).
    reindex(tx, id)
}

/// Who already has this phone (E.164) or email (lowercased), if anyone.
pub fn find_by_method(
    conn: &Connection,
    kind: &str,
    normalized: &str,
) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT c.id, c.name FROM contact_methods m JOIN contacts c ON c.id = m.contact_id
             WHERE m.kind = ?1 AND m.normalized = ?2 ORDER BY c.archived_at IS NOT NULL, c.id LIMIT 1",
            [kind, normalized],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// Who already has this name (letter case aside), if anyone: the oldest, and
/// an archived contact only when no one else has it.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, name FROM contacts WHERE name = ?1 COLLATE NOCASE
             ORDER BY archived_at IS NOT NULL, id LIMIT 1",
        )?
        .query_row([name], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

pub fn set_stage(tx: &Transaction, id: i64, stage: Stage, now: DateTime<Utc>) -> Result<()> {
    let changed = tx.execute(
        "UPDATE contacts SET stage = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, stage, time::to_sql(now)],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "contact" });
    }
    Ok(())
}

pub fn stage_of(conn: &Connection, id: i64) -> Result<Stage> {
    conn.query_row("SELECT stage FROM contacts WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound { what: "contact" })
}

pub fn set_archived(tx: &Transaction, id: i64, archived: bool, now: DateTime<Utc>) -> Result<()> {
    let now = time::to_sql(now);
    let archived_at = archived.then_some(now.as_str());
    let changed = tx.execute(
        "UPDATE contacts SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, archived_at, now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "contact" });
    }
    Ok(())
}

/// A touch at `at`: `last_touched_at` moves forward only, so a touch logged
/// late (yesterday's call) never moves it back.
pub fn touched(tx: &Transaction, id: i64, at: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET last_touched_at = ?2
         WHERE id = ?1 AND (last_touched_at IS NULL OR last_touched_at < ?2)",
        params![id, time::to_sql(at)],
    )?;
    Ok(())
}

/// After a touch is taken back: `last_touched_at` is the newest one left.
pub fn set_last_touched(tx: &Transaction, id: i64, at: Option<DateTime<Utc>>) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET last_touched_at = ?2 WHERE id = ?1",
        params![id, at.map(time::to_sql)],
    )?;
    Ok(())
}

/// Who stays off every list that would nag, as SQL over `contacts c`: those who
/// left for a reason nobody controls (`Reason::beyond_anyones_control`: died,
/// moved). The keys are checked against the domain in this file's tests.
pub const STILL_HERE: &str = "(c.left_reason IS NULL OR c.left_reason NOT IN ('died', 'moved'))";

/// `matters_now` and `matters_now_on` read at `index` and the next column.
pub(super) fn matters_now(row: &Row, index: usize) -> rusqlite::Result<Option<MattersNow>> {
    let noted_on = row
        .get::<_, Option<String>>(index + 1)?
        .and_then(|text| text.parse().ok());
    Ok(MattersNow::from_columns(row.get(index)?, noted_on))
}

/// `Birthday` and `What matters to them now`; the day it was noted moves only
/// when what matters changes (and goes with it when it is emptied).
pub fn set_about(
    tx: &Transaction,
    id: i64,
    about: &ValidAbout,
    today: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = tx.execute(
        "UPDATE contacts SET birthday = ?2,
             matters_now_on = CASE WHEN ?3 = '' THEN NULL WHEN ?3 = matters_now THEN matters_now_on ELSE ?4 END,
             matters_now = ?3, updated_at = ?5
         WHERE id = ?1",
        params![
            id,
            about.birthday.map(|b| b.to_text()),
            about.matters_now,
            today.to_string(),
            time::to_sql(now)
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "contact" });
    }
    Ok(())
}

/// Who referred her (`None`: no one). A referrer who no longer exists is refused.
pub fn set_referred_by(tx: &Transaction, id: i64, referrer: Option<i64>) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE contacts SET referred_by_id = ?2 WHERE id = ?1",
            params![id, referrer],
        )
        .map_err(|err| super::constraint::missing_parent(err, "contact"))?;
    if changed == 0 {
        return Err(Error::NotFound { what: "contact" });
    }
    Ok(())
}

/// Contacts still with her whose name is `typed`, or starts with it as a
/// first name ("Sara" → "Sara Jones"): what "via Sara" may mean.
pub fn named_like(conn: &Connection, typed: &str) -> Result<Vec<Person>> {
    let typed = typed.trim();
    let mut statement = conn.prepare_cached(
        "SELECT id, name FROM contacts
         WHERE archived_at IS NULL AND (name = ?1 COLLATE NOCASE OR name LIKE ?2 ESCAPE '\\')
         ORDER BY name COLLATE NOCASE, id LIMIT 20",
    )?;
    let rows = statement.query_map(params![typed, format!("{} %", like_escape(typed))], |row| {
        Ok(Person {
            id: row.get(0)?,
            name: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const UNLISTED: &str =
    "SELECT id FROM contacts INDEXED BY contacts_archived WHERE archived_at IS NOT NULL
     UNION
     SELECT id FROM contacts INDEXED BY contacts_gone WHERE left_reason IN ('died', 'moved')";

/// The contacts no list shows: archived, or gone for good. Few, and each
/// from its own index, so a long walk can skip them without a lookup per row.
pub fn unlisted(conn: &Connection) -> Result<std::collections::HashSet<i64>> {
    let mut statement = conn.prepare_cached(UNLISTED)?;
    let ids = statement.query_map([], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The reason she left while she stays gone; `None` when she comes back.
pub fn set_left_reason(
    tx: &Transaction,
    id: i64,
    reason: Option<crate::domain::departure::Reason>,
) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET left_reason = ?2 WHERE id = ?1",
        params![id, reason],
    )?;
    Ok(())
}

/// The day the last of her supplies runs out (Today's "ran out long ago").
pub fn set_supply_ends_on(tx: &Transaction, id: i64, on: Option<chrono::NaiveDate>) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET supply_ends_on = ?2 WHERE id = ?1",
        params![id, on.map(|day| day.to_string())],
    )?;
    Ok(())
}

/// Keeps the contact's latest decision beside it, so Today reads one row each.
pub fn decided(tx: &Transaction, id: i64, kind: DecisionKind, at: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET last_decision = ?2, last_decision_at = ?3 WHERE id = ?1",
        params![id, kind, time::to_sql(at)],
    )?;
    Ok(())
}

/// Everyone as an import matches against them: phones (E.164), emails
/// (lowercased), the cards they came from, notes, tags, birthday, organisation.
/// A few queries for the whole book, not one per contact.
pub fn known_for_import(conn: &Connection) -> Result<Vec<Known>> {
    let mut people: Vec<Known> = Vec::new();
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut contacts =
        conn.prepare("SELECT id, name, notes, birthday, org FROM contacts ORDER BY id")?;
    let mut rows = contacts.query([])?;
    while let Some(row) = rows.next()? {
        at.insert(row.get(0)?, people.len());
        people.push(Known {
            contact_id: row.get(0)?,
            name: row.get(1)?,
            notes: row.get(2)?,
            birthday: row.get(3)?,
            org: row.get(4)?,
            ..Known::default()
        });
    }
    let mut methods = conn.prepare("SELECT contact_id, kind, normalized FROM contact_methods")?;
    let mut rows = methods.query([])?;
    while let Some(row) = rows.next()? {
        let (id, kind, value): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        if let Some(person) = at.get(&id).map(|&i| &mut people[i]) {
            match kind.as_str() {
                "phone" => person.phones.push(value),
                _ => person.emails.push(value),
            }
        }
    }
    let mut tags = conn.prepare(
        "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id",
    )?;
    let mut rows = tags.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(person) = at.get(&row.get::<_, i64>(0)?).map(|&i| &mut people[i]) {
            person.tags.push(row.get(1)?);
        }
    }
    let mut anniversaries = conn.prepare(
        "SELECT contact_id, on_date FROM contact_events WHERE yearly = 1 AND label = ?1",
    )?;
    let mut rows = anniversaries.query([crate::domain::events::ANNIVERSARY])?;
    while let Some(row) = rows.next()? {
        if let Some(person) = at.get(&row.get::<_, i64>(0)?).map(|&i| &mut people[i]) {
            person.anniversary.get_or_insert(row.get(1)?);
        }
    }
    let mut sources = conn.prepare("SELECT contact_id, uid FROM contact_sources")?;
    let mut rows = sources.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(person) = at.get(&row.get::<_, i64>(0)?).map(|&i| &mut people[i]) {
            person.sources.push(row.get(1)?);
        }
    }
    Ok(people)
}

/// The fields an import brings beyond the contact form's: the card's UID as the
/// contact's own (when no one has it yet), birthday and organisation where Tend
/// had none.
pub fn set_imported_fields(
    tx: &Transaction,
    id: i64,
    uid: Option<&str>,
    birthday: Option<&str>,
    org: Option<&str>,
) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET
             uid = CASE WHEN ?2 IS NULL OR EXISTS (SELECT 1 FROM contacts WHERE uid = ?2) THEN uid ELSE ?2 END,
             birthday = coalesce(birthday, ?3),
             org = CASE WHEN org = '' THEN coalesce(?4, '') ELSE org END
         WHERE id = ?1",
        params![id, uid, birthday, org],
    )?;
    Ok(())
}

/// Remembers the card a contact came from (file and when), so it is known again.
pub fn add_source(
    tx: &Transaction,
    id: i64,
    source_key: &str,
    file: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO contact_sources (uid, contact_id, file, imported_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (uid) DO NOTHING",
        params![source_key, id, file, time::to_sql(now)],
    )?;
    Ok(())
}

/// Adds tags (kept lowercased, each once) and a line of notes; re-indexes.
pub fn add_tags_and_note(
    tx: &Transaction,
    id: i64,
    tags: &[String],
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    for tag in tags {
        tx.execute(
            "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [tag],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
            params![id, tag],
        )?;
    }
    tx.execute(
        "UPDATE contacts SET notes = CASE WHEN ?2 IS NULL THEN notes WHEN notes = '' THEN ?2
                                          ELSE notes || char(10) || ?2 END,
                             updated_at = ?3
         WHERE id = ?1",
        params![id, note, time::to_sql(now)],
    )?;
    reindex(tx, id)
}

/// Deletes the contact and everything that belongs to it (cascades), and its
/// search entry.
pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    let changed = tx.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    if changed == 0 {
        return Err(Error::NotFound { what: "contact" });
    }
    tx.execute("DELETE FROM contact_search WHERE rowid = ?1", [id])?;
    Ok(())
}

/// Replaces the primary phone/email and the tags, then re-indexes the contact.
fn write_details(tx: &Transaction, id: i64, contact: &ValidContact) -> Result<()> {
    tx.execute(
        "DELETE FROM contact_methods WHERE contact_id = ?1 AND position = 0",
        [id],
    )?;
    let mut add_method = tx.prepare_cached(
        "INSERT INTO contact_methods (contact_id, kind, value, normalized, position)
         VALUES (?1, ?2, ?3, ?4, 0)",
    )?;
    if let Some(phone) = &contact.phone {
        add_method.execute(params![id, "phone", phone.display, phone.normalized])?;
    }
    if let Some(email) = &contact.email {
        add_method.execute(params![id, "email", email, email.to_lowercase()])?;
    }
    tx.execute("DELETE FROM contact_tags WHERE contact_id = ?1", [id])?;
    for tag in &contact.tags {
        tx.execute(
            "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [tag],
        )?;
        tx.execute(
            "INSERT INTO contact_tags (contact_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
            params![id, tag],
        )?;
    }
    reindex(tx, id)
}

/// Rebuilds the contact's row in the search index from the tables.
pub fn reindex(tx: &Transaction, id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM contact_search WHERE rowid = ?1")?
        .execute([id])?;
    let Some((name, notes, met)) = tx
        .prepare_cached("SELECT name, notes, coalesce(met_where, '') FROM contacts WHERE id = ?1")?
        .query_row([id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .optional()?
    else {
        return Ok(());
    };
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    let mut methods = tx.prepare_cached(
        "SELECT kind, value, normalized FROM contact_methods WHERE contact_id = ?1 ORDER BY position",
    )?;
    let mut rows = methods.query([id])?;
    while let Some(row) = rows.next()? {
        let (kind, value, normalized): (String, String, String) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
        if kind == "phone" {
            phones.push(phone_search_text(&value, &normalized));
        } else {
            emails.push(value);
        }
    }
    let tags: String = tx
        .prepare_cached(
            "SELECT coalesce(group_concat(t.name, ' '), '') FROM contact_tags ct
             JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ?1",
        )?
        .query_row([id], |row| row.get(0))?;
    tx.prepare_cached(
        "INSERT INTO contact_search (rowid, name, phones, emails, notes, tags, met)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        name,
        phones.join(" "),
        emails.join(" "),
        notes,
        tags,
        met
    ])?;
    Ok(())
}

/// Migration 0005: every stored phone whose "+…" form is not a valid number is
/// stored by its digits instead, then the whole search index is rebuilt.
pub fn upgrade_phones_and_search(tx: &Transaction) -> Result<()> {
    let mut stale = Vec::new();
    {
        let mut phones =
            tx.prepare("SELECT id, value, normalized FROM contact_methods WHERE kind = 'phone'")?;
        let mut rows = phones.query([])?;
        while let Some(row) = rows.next()? {
            let (id, display, normalized): (i64, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            let stored = phone::stored_form(&display, &normalized);
            if stored != normalized {
                stale.push((id, stored));
            }
        }
    }
    let mut fix = tx.prepare("UPDATE contact_methods SET normalized = ?2 WHERE id = ?1")?;
    for (id, stored) in &stale {
        fix.execute(params![id, stored])?;
    }
    tx.execute("DELETE FROM contact_search", [])?;
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM contacts ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        reindex(tx, id)?;
    }
    Ok(())
}

/// The words a phone is found by: as typed ("(415)", "555-0142"), and every
/// tail of 3 or more of its digits, typed and stored ("4155550142", "5550142",
/// "0142", "142"…). FTS5 matches a word's start, so a tail makes any run of
/// 3+ digits findable: "142" finds 555-0142, "5501" finds it too.
fn phone_search_text(display: &str, normalized: &str) -> String {
    let typed = phone::digits(display);
    let stored = normalized.trim_start_matches('+');
    let mut words: Vec<&str> = vec![display];
    for number in [stored, typed.as_str()] {
        for start in 0..number.len().saturating_sub(2) {
            let tail = &number[start..];
            if !words.contains(&tail) {
                words.push(tail);
            }
        }
    }
    words.join(" ")
}

/// The day they met, when it is known (a quick-add batch's "Met on").
pub fn met_on(conn: &Connection, id: i64) -> Result<Option<chrono::NaiveDate>> {
    let text: Option<String> = conn
        .query_row("SELECT met_on FROM contacts WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?
        .ok_or(Error::NotFound { what: "contact" })?;
    // Kept as "YYYY-MM-DD"; a value some other tool wrote is no day at all.
    Ok(text.and_then(|text| chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()))
}

pub fn get(conn: &Connection, id: i64) -> Result<Contact> {
    let contact = conn
        .query_row(
            "SELECT c.id, c.name, c.stage, c.notes, c.archived_at IS NOT NULL, c.created_at, c.updated_at,
                    p.value, p.normalized, e.value, c.keep_in_touch_days,
                    coalesce(c.keep_in_touch_days, (SELECT keep_in_touch_days FROM stages WHERE key = c.stage)),
                    c.uid, c.birthday, c.org, c.met_where, c.met_on, c.left_reason, r.id, r.name,
                    c.matters_now, c.matters_now_on
             FROM contacts c
             LEFT JOIN contacts r ON r.id = c.referred_by_id
             LEFT JOIN contact_methods p ON p.contact_id = c.id AND p.kind = 'phone' AND p.position = 0
             LEFT JOIN contact_methods e ON e.contact_id = c.id AND e.kind = 'email' AND e.position = 0
             WHERE c.id = ?1",
            [id],
            |row| {
                let stage: Stage = row.get(2)?;
                Ok(Contact {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    stage,
                    stage_label: stage.label(),
                    notes: row.get(3)?,
                    archived: row.get(4)?,
                    created_at: row.get(5)?,
                    updated_at: row.get(6)?,
                    phone: row.get(7)?,
                    // A number kept as typed is stored by its digits: it has no E.164.
                    phone_e164: row
                        .get::<_, Option<String>>(8)?
                        .filter(|stored| phone::e164_of(stored).is_some()),
                    email: row.get(9)?,
                    keep_in_touch_days: row.get(10)?,
                    window_days: row.get(11)?,
                    uid: row.get(12)?,
                    birthday: row.get(13)?,
                    org: row.get(14)?,
                    met_where: row.get(15)?,
                    met_on: row.get(16)?,
                    phones: Vec::new(),
                    emails: Vec::new(),
                    left_reason: row.get(17)?,
                    referred_by: match row.get::<_, Option<i64>>(18)? {
                        Some(id) => Some(Person {
                            id,
                            name: row.get(19)?,
                        }),
                        None => None,
                    },
                    matters_now: matters_now(row, 20)?,
                    tags: Vec::new(),
                    notice: None,
                })
            },
        )
        .optional()?
        .ok_or(Error::NotFound { what: "contact" })?;
    let mut tags = conn.prepare_cached(
        "SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.contact_id = ?1 ORDER BY t.name",
    )?;
    let tags = tags
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut methods = conn.prepare_cached(
        "SELECT kind, value, normalized FROM contact_methods WHERE contact_id = ?1
         ORDER BY kind, position, id",
    )?;
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    let mut rows = methods.query([id])?;
    while let Some(row) = rows.next()? {
        let (kind, value, normalized): (String, String, String) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
        if kind == "phone" {
            phones.push(ContactPhone {
                display: value,
                e164: phone::e164_of(&normalized).map(str::to_string),
            });
        } else {
            emails.push(value);
        }
    }
    Ok(Contact {
        tags,
        phones,
        emails,
        ..contact
    })
}

const SUMMARY_COLUMNS: &str = "c.id, c.name, c.stage, c.archived_at IS NOT NULL,
    (SELECT value FROM contact_methods WHERE contact_id = c.id AND kind = 'phone' ORDER BY position LIMIT 1),
    (SELECT value FROM contact_methods WHERE contact_id = c.id AND kind = 'email' ORDER BY position LIMIT 1)";

/// A page of contacts: by name when there is no query, by relevance otherwise.
pub fn list(conn: &Connection, query: &ContactQuery) -> Result<ContactPage> {
    let typed = query.query.trim();
    let mut letters = typed.chars();
    match (letters.next(), letters.next()) {
        (None, _) => list_by_name(conn, query, None),
        // One letter matches a third of everyone's notes; what a person means is
        // "names starting with J", which the name index answers at once.
        (Some(letter), None) if letter.is_alphanumeric() => list_by_name(conn, query, Some(letter)),
        _ => match fts_query(typed) {
            Some(matcher) => search(conn, query, &matcher),
            None => list_by_name(conn, query, None),
        },
    }
}

fn list_by_name(
    conn: &Connection,
    query: &ContactQuery,
    initial: Option<char>,
) -> Result<ContactPage> {
    // Each filter is spelled exactly as an index's WHERE clause so the planner
    // answers from the index alone; the page is picked there, then joined.
    let archived = if query.include_archived {
        ""
    } else {
        "AND archived_at IS NULL"
    };
    let starts_with = initial.map(|c| like_escape(&c.to_string()) + "%");
    let name_filter = if starts_with.is_some() {
        "AND name LIKE ?1 ESCAPE '\\'"
    } else {
        "AND ?1 IS NULL"
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM contacts WHERE 1 {archived} {name_filter}"),
        [&starts_with],
        |row| row.get(0),
    )?;
    let mut page = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM contacts c WHERE c.id IN (
             SELECT id FROM contacts WHERE 1 {archived} {name_filter}
             ORDER BY name COLLATE NOCASE, id LIMIT ?2 OFFSET ?3)
         ORDER BY c.name COLLATE NOCASE, c.id"
    ))?;
    let items = page
        .query_map(
            params![starts_with, query.page_size(), query.offset],
            summary_from,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ContactPage { items, total })
}

fn search(conn: &Connection, query: &ContactQuery, matcher: &str) -> Result<ContactPage> {
    let archived = if query.include_archived {
        ""
    } else {
        "AND c.archived_at IS NULL"
    };
    let total: i64 = conn.query_row(
        &format!(
            "SELECT count(*) FROM contact_search s JOIN contacts c ON c.id = s.rowid
             WHERE contact_search MATCH ?1 {archived}"
        ),
        [matcher],
        |row| row.get(0),
    )?;
    // A name that is the typed word outranks one that starts with it, which
    // outranks a later name word; then FTS5's relevance, where name hits weigh
    // more than phone/email, then tags, then notes.
    let mut page = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM contact_search s JOIN contacts c ON c.id = s.rowid
         WHERE contact_search MATCH ?1 {archived}
         ORDER BY CASE
             WHEN c.name LIKE ?4 ESCAPE '\\' OR c.name LIKE ?4 || ' %' ESCAPE '\\' THEN 0
             WHEN c.name LIKE ?4 || '%' ESCAPE '\\' THEN 1
             WHEN c.name LIKE '% ' || ?4 || '%' ESCAPE '\\' THEN 2
             ELSE 3 END,
           bm25(contact_search, 10.0, 5.0, 5.0, 1.0, 3.0, 3.0), c.name COLLATE NOCASE, c.id
         LIMIT ?2 OFFSET ?3"
    ))?;
    let typed = like_escape(query.query.trim());
    let items = page
        .query_map(
            params![matcher, query.page_size(), query.offset, typed],
            summary_from,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ContactPage { items, total })
}

/// Turns what the person typed into an FTS5 query: every word must match, each
/// as a prefix ("jan" finds "Jane"). Words are quoted, so FTS syntax typed by
/// accident ("AND", quotes, colons) is just text. `None` when there is no word.
pub fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// LIKE treats `%` and `_` as wildcards; typed ones must match themselves, so
/// they are escaped with `\` (every LIKE here says `ESCAPE '\'`).
fn like_escape(typed: &str) -> String {
    let mut escaped = String::with_capacity(typed.len());
    for c in typed.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

fn summary_from(row: &Row) -> rusqlite::Result<ContactSummary> {
    let stage: Stage = row.get(2)?;
    Ok(ContactSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        stage,
        stage_label: stage.label(),
        archived: row.get(3)?,
        phone: row.get(4)?,
        email: row.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::{fts_query, like_escape};

    #[test]
    fn still_here_names_exactly_the_reasons_nobody_controls() {
        use crate::domain::departure::Reason;
        let quoted: Vec<String> = Reason::ALL
            .into_iter()
            .filter(|reason| reason.beyond_anyones_control())
            .map(|reason| format!("'{}'", reason.key()))
            .collect();
        let list = format!("IN ({})", quoted.join(", "));
        assert!(super::STILL_HERE.contains(&list), "{}", super::STILL_HERE);
        assert!(super::UNLISTED.contains(&list), "{}", super::UNLISTED);
    }

    #[test]
    fn like_wildcards_typed_by_a_person_match_themselves() {
        assert_eq!(like_escape("50%_off\\"), "50\\%\\_off\\\\");
        let conn = rusqlite::Connection::open_in_memory().expect("in memory");
        let matches = |name: &str, typed: &str| -> bool {
            conn.query_row(
                "SELECT ?1 LIKE ?2 ESCAPE '\\'",
                [name, &like_escape(typed)],
                |row| row.get(0),
            )
            .expect("like")
        };
        assert!(matches("Tan_Lee", "Tan_Lee"));
        assert!(!matches("TanxLee", "Tan_Lee"), "_ is not a wildcard");
        assert!(!matches("100 off", "100%"), "% is not a wildcard");
        assert!(matches("100%", "100%"));
    }

    #[test]
    fn typed_words_become_quoted_prefixes() {
        assert_eq!(fts_query("jan"), Some("\"jan\"*".into()));
        assert_eq!(
            fts_query("  Jane  O'Brien "),
            Some("\"Jane\"* \"O\"* \"Brien\"*".into())
        );
        assert_eq!(fts_query("555-01"), Some("\"555\"* \"01\"*".into()));
    }

    #[test]
    fn a_phone_is_found_by_any_way_people_type_it() {
        let text = super::phone_search_text("(415) 555-0142", "+14155550142");
        for word in ["415", "555", "0142", "4155550142", "14155550142", "5550142"] {
            assert!(
                text.split(' ').any(|w| w.contains(word)),
                "{word} in {text}"
            );
        }
    }

    #[test]
    fn every_run_of_three_or_more_digits_starts_a_word() {
        for (display, stored) in [
            ("555-0142", "5550142"),
            ("(415) 555-0142", "+14155550142"),
            ("020 7946 0958", "+442079460958"),
        ] {
            let text = super::phone_search_text(display, stored);
            let words: Vec<&str> = text.split(' ').collect();
            for number in [
                crate::domain::phone::digits(display),
                stored.trim_start_matches('+').to_string(),
            ] {
                for start in 0..number.len() {
                    for end in start + 3..=number.len() {
                        let run = &number[start..end];
                        assert!(
                            words.iter().any(|w| w.starts_with(run)),
                            "{run} of {display} is found in {text}"
                        );
                    }
                }
            }
            let runs: Vec<&&str> = words.iter().filter(|w| w.len() < 3).collect();
            assert!(runs.is_empty(), "no one- or two-digit words: {runs:?}");
        }
    }

    #[test]
    fn fts_syntax_is_never_passed_through() {
        assert_eq!(
            fts_query("\"a\" OR name:b*"),
            Some("\"a\"* \"OR\"* \"name\"* \"b\"*".into())
        );
        assert_eq!(fts_query("  ---  "), None);
    }
}
