//! Settings are key/value rows; each known key has a typed getter with its default.

use crate::domain::phone::{self, Region};
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

/// Validates then stores one setting; an unknown key or bad value changes nothing.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
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
