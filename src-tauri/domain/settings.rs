//! Settings a person can change, and what each accepts. A typed value is
//! checked here; the store keeps the accepted text under its key.

use super::phone::{self, Region};
use super::stage::Stage;
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use chrono::NaiveTime;

pub const PHONE_REGION: &str = "phoneRegion";
/// Digits put before a local number typed without its area code ("555-0142"),
/// or "" for none: then such a number is asked about.
pub const DEFAULT_AREA_CODE: &str = "defaultAreaCode";
/// The time of day a follow-up with only a date is due ("HH:MM").
pub const DEFAULT_TIME: &str = "defaultTime";
/// "on": closing the window hides it to the tray so reminders keep firing.
pub const CLOSE_TO_TRAY: &str = "closeToTray";
/// The morning digest: "HH:MM", or "off".
pub const DIGEST_TIME: &str = "digestTime";
/// When her working day ends, for "kept on time" (Insights); "off": the day's end.
pub const WORKDAY_END: &str = "workdayEnd";
/// The weekdays she doesn't work, "sat,sun" (`days_off`): no cadence step lands on one.
pub const DAYS_OFF_WEEKDAYS: &str = "daysOffWeekdays";
/// Dates off she added (holidays), "2026-12-25,2027-01-01".
pub const DAYS_OFF_DATES: &str = "daysOffDates";
/// "on" (the default): a quick-add line with a date makes that promise the
/// first step of the New lead rhythm, so one call is not the end of the story.
pub const DATED_LINE_STARTS_NEW_LEAD: &str = "datedLineStartsNewLead";
/// Her currency, ISO 4217 ("USD", "EUR"): what amounts and prices are in.
pub const CURRENCY: &str = "currency";
/// How many days before a product runs out its re-order reminder is due.
pub const REORDER_LEAD_DAYS: &str = "reorderLeadDays";
/// How many days before a birthday or event its morning notification comes (0: on the day).
pub const EVENT_NOTICE_DAYS: &str = "eventNoticeDays";
/// "keepInTouch.lead" = "7": a stage's default window (kept in the stages table).
const KEEP_IN_TOUCH_PREFIX: &str = "keepInTouch.";

pub const DEFAULT_REGION: Region = Region::US;
pub const DEFAULT_DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => NaiveTime::MIN,
};
pub const DEFAULT_CURRENCY: &str = "USD";
pub const DEFAULT_REORDER_LEAD_DAYS: i64 = 3;
pub const DEFAULT_EVENT_NOTICE_DAYS: i64 = 0;
pub const DEFAULT_DIGEST_TIME: NaiveTime = match NaiveTime::from_hms_opt(8, 30, 0) {
    Some(time) => time,
    None => NaiveTime::MIN,
};

/// One accepted change, ready to save.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingChange {
    /// A plain setting: its key and the text to keep.
    Value {
        key: &'static str,
        text: String,
    },
    KeepInTouch {
        stage: Stage,
        days: i64,
    },
}

/// Checks what was typed for `key`; an unknown key or a bad value is refused
/// with a message saying what would be accepted.
pub fn parse(key: &str, value: &str) -> Result<SettingChange> {
    if let Some(stage_key) = key.strip_prefix(KEEP_IN_TOUCH_PREFIX) {
        let stage = Stage::from_key(stage_key).ok_or_else(|| {
            Error::invalid(
                "key",
                format!(
                    "There is no stage called {stage_key}.",
                    stage_key = quoted(stage_key)
                ),
            )
        })?;
        let days = value
            .trim()
            .parse::<i64>()
            .map_err(|_| {
                Error::invalid(
                    "keepInTouch",
                    format!("{value} is not a number of days.", value = quoted(value)),
                )
            })
            .and_then(|days| super::contact::validate_window(days, "keepInTouch"))?;
        return Ok(SettingChange::KeepInTouch { stage, days });
    }
    let value = value.trim();
    let (key, text) = match key {
        PHONE_REGION => {
            let code = value.to_ascii_uppercase();
            if phone::parse_region(&code).is_none() {
                return Err(Error::invalid(
                    PHONE_REGION,
                    format!(
                        "{value} is not a country code Tend knows.",
                        value = quoted(value)
                    ),
                ));
            }
            (PHONE_REGION, code)
        }
        DEFAULT_AREA_CODE => match value {
            "" => (DEFAULT_AREA_CODE, String::new()),
            _ => match phone::AreaCode::parse(value) {
                Some(code) => (DEFAULT_AREA_CODE, code.as_str().to_string()),
                None => {
                    return Err(Error::invalid(
                        DEFAULT_AREA_CODE,
                        format!("“{value}” is not an area code: type its digits, e.g. 415."),
                    ))
                }
            },
        },
        DEFAULT_TIME => (DEFAULT_TIME, time_of_day(value, DEFAULT_TIME, "")?),
        CLOSE_TO_TRAY => (CLOSE_TO_TRAY, on_or_off(value, CLOSE_TO_TRAY)?),
        DATED_LINE_STARTS_NEW_LEAD => (
            DATED_LINE_STARTS_NEW_LEAD,
            on_or_off(value, DATED_LINE_STARTS_NEW_LEAD)?,
        ),
        DAYS_OFF_WEEKDAYS => (
            DAYS_OFF_WEEKDAYS,
            super::days_off::parse_weekdays(value, DAYS_OFF_WEEKDAYS)?,
        ),
        DAYS_OFF_DATES => (
            DAYS_OFF_DATES,
            super::days_off::parse_dates(value, DAYS_OFF_DATES)?,
        ),
        DIGEST_TIME => match value {
            "off" => (DIGEST_TIME, "off".to_string()),
            _ => (DIGEST_TIME, time_of_day(value, DIGEST_TIME, " or “off”")?),
        },
        WORKDAY_END => match value {
            "off" => (WORKDAY_END, "off".to_string()),
            _ => (WORKDAY_END, time_of_day(value, WORKDAY_END, " or “off”")?),
        },
        CURRENCY => (CURRENCY, super::money::parse_currency(value)?),
        REORDER_LEAD_DAYS => (
            REORDER_LEAD_DAYS,
            days(value, REORDER_LEAD_DAYS, 30)?.to_string(),
        ),
        EVENT_NOTICE_DAYS => (
            EVENT_NOTICE_DAYS,
            days(value, EVENT_NOTICE_DAYS, 14)?.to_string(),
        ),
        _ => {
            return Err(Error::invalid(
                "key",
                format!("There is no setting called {key}.", key = quoted(key)),
            ))
        }
    };
    Ok(SettingChange::Value { key, text })
}

fn on_or_off(value: &str, field: &'static str) -> Result<String> {
    match value {
        "on" | "off" => Ok(value.to_string()),
        _ => Err(Error::invalid(field, "Choose on or off.")),
    }
}

fn time_of_day(value: &str, field: &'static str, or: &str) -> Result<String> {
    NaiveTime::parse_from_str(value, "%H:%M")
        .map(|time| time.format("%H:%M").to_string())
        .map_err(|_| {
            Error::invalid(
                field,
                format!(
                    "{value} is not a time of day (use HH:MM){or}.",
                    value = quoted(value)
                ),
            )
        })
}

/// A number of days from 0 to `max`.
fn days(value: &str, field: &'static str, max: i64) -> Result<i64> {
    value
        .parse::<i64>()
        .ok()
        .filter(|days| (0..=max).contains(days))
        .ok_or_else(|| Error::invalid(field, format!("Type a number of days from 0 to {max}.")))
}

/// Reads a kept number of days; anything unreadable means the default.
pub fn read_days(text: Option<&str>, default: i64) -> i64 {
    text.and_then(|text| text.parse().ok()).unwrap_or(default)
}

/// Reads a kept time of day; anything unreadable means the default.
pub fn read_time(text: Option<&str>, default: NaiveTime) -> NaiveTime {
    text.and_then(|text| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(key: &str, value: &str) -> String {
        match parse(key, value).expect("accepted") {
            SettingChange::Value { text, .. } => text,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn values_are_checked_and_normalised() {
        assert_eq!(accepted(PHONE_REGION, " gb "), "GB");
        assert_eq!(accepted(DEFAULT_TIME, "8:05"), "08:05");
        assert_eq!(accepted(DIGEST_TIME, "off"), "off");
        assert_eq!(accepted(CLOSE_TO_TRAY, "off"), "off");
        assert_eq!(accepted(DATED_LINE_STARTS_NEW_LEAD, "off"), "off");
        assert_eq!(accepted(DAYS_OFF_WEEKDAYS, "Sun sat"), "sat,sun");
        assert_eq!(accepted(DAYS_OFF_WEEKDAYS, ""), "");
        assert_eq!(
            accepted(DAYS_OFF_DATES, "2026-12-25,2026-12-24"),
            "2026-12-24,2026-12-25"
        );
        assert_eq!(accepted(CURRENCY, "eur"), "EUR");
        assert_eq!(accepted(REORDER_LEAD_DAYS, " 5 "), "5");
        assert_eq!(accepted(EVENT_NOTICE_DAYS, "0"), "0");
        for (key, value) in [
            (CURRENCY, "euro"),
            (REORDER_LEAD_DAYS, "-1"),
            (REORDER_LEAD_DAYS, "31"),
            (EVENT_NOTICE_DAYS, "a week"),
            (PHONE_REGION, "XX"),
            (DEFAULT_TIME, "25:00"),
            (DIGEST_TIME, "soon"),
            (CLOSE_TO_TRAY, "maybe"),
            (DATED_LINE_STARTS_NEW_LEAD, "yes"),
            (DAYS_OFF_WEEKDAYS, "mon,tue,wed,thu,fri,sat,sun"),
            (DAYS_OFF_DATES, "Christmas"),
            ("colour", "blue"),
            ("keepInTouch.lead", "0"),
            ("keepInTouch.friend", "7"),
        ] {
            assert!(parse(key, value).is_err(), "{key} = {value}");
        }
        assert_eq!(
            parse("keepInTouch.partner", " 45 ").expect("days"),
            SettingChange::KeepInTouch {
                stage: Stage::Partner,
                days: 45
            }
        );
    }
}
