//! Settings are key/value rows; each known key has a typed getter with its default.

use crate::domain::phone::{self, Region};
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
use chrono::NaiveTime;
use rusqlite::{Connection, OptionalExtension};

pub const PHONE_REGION: &str = "phoneRegion";
const DEFAULT_PHONE_REGION: &str = "US";
/// The time of day a follow-up with only a date is due ("HH:MM").
pub const DEFAULT_TIME: &str = "defaultTime";
const DEFAULT_DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => NaiveTime::MIN,
};

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

/// The region used for phones typed without a country code.
pub fn phone_region(conn: &Connection) -> Result<Region> {
    let code = get(conn, PHONE_REGION)?.unwrap_or_else(|| DEFAULT_PHONE_REGION.into());
    Ok(phone::parse_region(&code).unwrap_or(Region::US))
}

pub fn phone_region_code(conn: &Connection) -> Result<String> {
    Ok(get(conn, PHONE_REGION)?.unwrap_or_else(|| DEFAULT_PHONE_REGION.into()))
}

pub fn default_time(conn: &Connection) -> Result<NaiveTime> {
    Ok(get(conn, DEFAULT_TIME)?
        .and_then(|text| NaiveTime::parse_from_str(&text, "%H:%M").ok())
        .unwrap_or(DEFAULT_DEFAULT_TIME))
}

/// The global shortcut that opens Quick add, e.g. "Ctrl+Alt+T".
pub const QUICK_ADD_SHORTCUT: &str = "quickAddShortcut";
/// "on": closing the window hides it to the tray so reminders keep firing.
pub const CLOSE_TO_TRAY: &str = "closeToTray";

pub fn close_to_tray(conn: &Connection) -> Result<bool> {
    Ok(get(conn, CLOSE_TO_TRAY)?.as_deref() != Some("off"))
}

/// Reminders are paused until this instant (RFC 3339), if set.
pub const REMINDERS_PAUSED_UNTIL: &str = "remindersPausedUntil";
/// The morning digest: "HH:MM", or "off".
pub const DIGEST_TIME: &str = "digestTime";
const DEFAULT_DIGEST_TIME: &str = "08:30";
/// The local date the digest was last sent (internal).
pub const DIGEST_SENT_ON: &str = "digestSentOn";

pub fn digest_time(conn: &Connection) -> Result<Option<NaiveTime>> {
    let text = get(conn, DIGEST_TIME)?.unwrap_or_else(|| DEFAULT_DIGEST_TIME.into());
    Ok(NaiveTime::parse_from_str(&text, "%H:%M").ok())
}

pub fn paused_until(conn: &Connection) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
    Ok(get(conn, REMINDERS_PAUSED_UNTIL)?.and_then(|text| super::time::from_sql(&text).ok()))
}

/// Writes an internal value (no validation: not for user input).
pub fn put(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?,
        None => conn.execute("DELETE FROM settings WHERE key = ?1", [key])?,
    };
    Ok(())
}

/// Validates then stores one setting; an unknown key or bad value changes nothing.
/// Each stage's keep-in-touch window, in stage order.
pub fn stage_windows(conn: &Connection) -> Result<Vec<(Stage, i64)>> {
    let mut statement =
        conn.prepare_cached("SELECT key, keep_in_touch_days FROM stages ORDER BY position")?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
    })?;
    let mut windows = Vec::new();
    for row in rows {
        let (key, days) = row?;
        if let Some(stage) = Stage::from_key(&key) {
            windows.push((stage, days));
        }
    }
    Ok(windows)
}

/// "keepInTouch.lead" = "7": a stage's default window lives in the stages table.
const KEEP_IN_TOUCH_PREFIX: &str = "keepInTouch.";

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    if let Some(stage_key) = key.strip_prefix(KEEP_IN_TOUCH_PREFIX) {
        let stage = Stage::from_key(stage_key).ok_or_else(|| {
            Error::invalid("key", format!("There is no stage called “{stage_key}”."))
        })?;
        let days = value
            .trim()
            .parse::<i64>()
            .map_err(|_| {
                Error::invalid("keepInTouch", format!("“{value}” is not a number of days."))
            })
            .and_then(|days| crate::domain::contact::validate_window(days, "keepInTouch"))?;
        conn.execute(
            "UPDATE stages SET keep_in_touch_days = ?2 WHERE key = ?1",
            rusqlite::params![stage.key(), days],
        )?;
        return Ok(());
    }
    let value = match key {
        PHONE_REGION => {
            let code = value.trim().to_ascii_uppercase();
            if phone::parse_region(&code).is_none() {
                return Err(Error::invalid(
                    "phoneRegion",
                    format!("“{value}” is not a country code Tend knows."),
                ));
            }
            code
        }
        DEFAULT_TIME => NaiveTime::parse_from_str(value.trim(), "%H:%M")
            .map_err(|_| {
                Error::invalid(
                    "defaultTime",
                    format!("“{value}” is not a time of day (use HH:MM)."),
                )
            })?
            .format("%H:%M")
            .to_string(),
        CLOSE_TO_TRAY => match value.trim() {
            "on" | "off" => value.trim().to_string(),
            _ => return Err(Error::invalid("closeToTray", "Choose on or off.")),
        },
        DIGEST_TIME => match value.trim() {
            "off" => "off".to_string(),
            text => NaiveTime::parse_from_str(text, "%H:%M")
                .map_err(|_| {
                    Error::invalid(
                        "digestTime",
                        format!("“{value}” is not a time of day (use HH:MM) or “off”."),
                    )
                })?
                .format("%H:%M")
                .to_string(),
        },
        _ => {
            return Err(Error::invalid(
                "key",
                format!("There is no setting called “{key}”."),
            ))
        }
    };
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, &value],
    )?;
    Ok(())
}
