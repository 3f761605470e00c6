//! The `settings` table (key/value text) and the stages' keep-in-touch windows.
//! What a value may be and what it defaults to is `domain::settings`.

use crate::domain::days_off::{self, DaysOff};
use crate::domain::phone::{self, AreaCode, PhoneRules, Region};
use crate::domain::settings::{self as rules, SettingChange};
use crate::domain::stage::Stage;
use crate::error::Result;
use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};

/// The global shortcut that opens Quick add, e.g. "Ctrl+Alt+T" (internal: the
/// shell saves it once the OS accepted it).
pub const QUICK_ADD_SHORTCUT: &str = "quickAddShortcut";
/// Reminders are paused until this instant (RFC 3339), if set (internal).
pub const REMINDERS_PAUSED_UNTIL: &str = "remindersPausedUntil";
/// The Quick add batch context as last set, with the local day it was set on
/// (internal, JSON): it comes back after a restart the same day.
pub const QUICK_ADD_BATCH: &str = "quickAddBatch";
/// The local date the digest was last sent (internal).
pub const DIGEST_SENT_ON: &str = "digestSentOn";
/// The local date birthdays and events were last told (internal).
pub const EVENTS_TOLD_ON: &str = "eventsToldOn";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

/// The region used for phones typed without a country code.
pub fn phone_region(conn: &Connection) -> Result<Region> {
    Ok(get(conn, rules::PHONE_REGION)?
        .and_then(|code| phone::parse_region(&code))
        .unwrap_or(rules::DEFAULT_REGION))
}

/// The area code a local number typed without one gets, if she set one.
pub fn default_area_code(conn: &Connection) -> Result<Option<AreaCode>> {
    Ok(get(conn, rules::DEFAULT_AREA_CODE)?.and_then(|text| AreaCode::parse(&text)))
}

/// How phones typed without a country code are read: the region and area code.
pub fn phone_rules(conn: &Connection) -> Result<PhoneRules> {
    Ok(PhoneRules {
        region: phone_region(conn)?,
        area_code: default_area_code(conn)?,
    })
}

pub fn default_time(conn: &Connection) -> Result<NaiveTime> {
    Ok(rules::read_time(
        get(conn, rules::DEFAULT_TIME)?.as_deref(),
        rules::DEFAULT_DEFAULT_TIME,
    ))
}

pub fn close_to_tray(conn: &Connection) -> Result<bool> {
    Ok(get(conn, rules::CLOSE_TO_TRAY)?.as_deref() != Some("off"))
}

/// The weekdays and dates she doesn't work.
pub fn days_off(conn: &Connection) -> Result<DaysOff> {
    Ok(days_off::read(
        get(conn, rules::DAYS_OFF_WEEKDAYS)?.as_deref(),
        get(conn, rules::DAYS_OFF_DATES)?.as_deref(),
    ))
}

/// Whether a quick-add line with a date starts New lead after that promise.
pub fn dated_line_starts_new_lead(conn: &Connection) -> Result<bool> {
    Ok(get(conn, rules::DATED_LINE_STARTS_NEW_LEAD)?.as_deref() != Some("off"))
}

/// The digest's time of day, or `None` when it is off.
pub fn digest_time(conn: &Connection) -> Result<Option<NaiveTime>> {
    Ok(match get(conn, rules::DIGEST_TIME)?.as_deref() {
        Some("off") => None,
        text => Some(rules::read_time(text, rules::DEFAULT_DIGEST_TIME)),
    })
}

/// When her working day ends, or `None`: the day's end (the default).
pub fn workday_end(conn: &Connection) -> Result<Option<NaiveTime>> {
    Ok(get(conn, rules::WORKDAY_END)?
        .and_then(|text| NaiveTime::parse_from_str(&text, "%H:%M").ok()))
}

/// Her currency (ISO 4217): what amounts and prices are in.
pub fn currency(conn: &Connection) -> Result<String> {
    Ok(get(conn, rules::CURRENCY)?.unwrap_or_else(|| rules::DEFAULT_CURRENCY.to_string()))
}

/// Days before a product runs out that its re-order reminder is due.
pub fn reorder_lead_days(conn: &Connection) -> Result<i64> {
    Ok(rules::read_days(
        get(conn, rules::REORDER_LEAD_DAYS)?.as_deref(),
        rules::DEFAULT_REORDER_LEAD_DAYS,
    ))
}

/// Days before a birthday or event that its morning notification comes.
pub fn event_notice_days(conn: &Connection) -> Result<i64> {
    Ok(rules::read_days(
        get(conn, rules::EVENT_NOTICE_DAYS)?.as_deref(),
        rules::DEFAULT_EVENT_NOTICE_DAYS,
    ))
}

pub fn paused_until(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    Ok(get(conn, REMINDERS_PAUSED_UNTIL)?.and_then(|text| super::time::from_sql(&text).ok()))
}

/// Each stage's keep-in-touch window, in stage order.
pub fn stage_windows(conn: &Connection) -> Result<Vec<(Stage, i64)>> {
    let mut statement =
        conn.prepare_cached("SELECT key, keep_in_touch_days FROM stages ORDER BY position")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Saves a change `domain::settings::parse` accepted.
pub fn save(tx: &Transaction, change: &SettingChange) -> Result<()> {
    match change {
        SettingChange::Value { key, text } => put(tx, key, Some(text)),
        SettingChange::KeepInTouch { stage, days } => {
            tx.execute(
                "UPDATE stages SET keep_in_touch_days = ?2 WHERE key = ?1",
                rusqlite::params![stage, days],
            )?;
            Ok(())
        }
    }
}

/// Writes a value as it is, or removes the key (internal values only).
pub fn put(tx: &Transaction, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?,
        None => tx.execute("DELETE FROM settings WHERE key = ?1", [key])?,
    };
    Ok(())
}
