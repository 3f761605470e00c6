//! Settings as the window shows them, changing one, pausing reminders, and the
//! Quick add shortcut the shell registers with the OS.

use super::tend::Tend;
use crate::domain::pause::{self, PauseChoice};
use crate::domain::settings as rules;
use crate::domain::shortcut as shortcut_rule;
use crate::error::Result;
use crate::store::{settings, time};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub phone_region: String,
    /// Digits, or "" when local numbers without an area code are asked about.
    pub default_area_code: String,
    pub default_time: String,
    /// "HH:MM", or "off".
    pub digest_time: String,
    pub close_to_tray: bool,
    /// Each stage's keep-in-touch window in days, e.g. `{"lead": 7, ...}`.
    pub keep_in_touch: std::collections::BTreeMap<&'static str, i64>,
    pub reminders_paused_until: Option<DateTime<Utc>>,
    /// ISO 4217, e.g. "USD": amounts are shown in it.
    pub currency: String,
    pub reorder_lead_days: i64,
    pub event_notice_days: i64,
    pub time_zone: String,
    pub data_file: String,
    /// The weekdays she doesn't work ("sat", "sun") and the dates she added.
    pub days_off_weekdays: Vec<&'static str>,
    pub days_off_dates: Vec<chrono::NaiveDate>,
    /// A quick-add line with a date starts New lead after its promise.
    pub dated_line_starts_new_lead: bool,
}

impl Tend {
    pub fn settings(&self) -> Result<Settings> {
        let now = self.clock().now();
        self.read(|conn| {
            Ok(Settings {
                phone_region: format!("{:?}", settings::phone_region(conn)?),
                default_area_code: settings::default_area_code(conn)?
                    .map(|code| code.as_str().to_string())
                    .unwrap_or_default(),
                default_time: settings::default_time(conn)?.format("%H:%M").to_string(),
                digest_time: settings::digest_time(conn)?
                    .map_or_else(|| "off".to_string(), |t| t.format("%H:%M").to_string()),
                close_to_tray: settings::close_to_tray(conn)?,
                keep_in_touch: settings::stage_windows(conn)?
                    .into_iter()
                    .map(|(stage, days)| (stage.key(), days))
                    .collect(),
                reminders_paused_until: settings::paused_until(conn)?.filter(|until| *until > now),
                currency: settings::currency(conn)?,
                reorder_lead_days: settings::reorder_lead_days(conn)?,
                event_notice_days: settings::event_notice_days(conn)?,
                time_zone: self.clock().zone().name().to_string(),
                data_file: self.store().path().display().to_string(),
                days_off_weekdays: settings::days_off(conn)?.weekdays(),
                days_off_dates: settings::days_off(conn)?.dates(),
                dated_line_starts_new_lead: settings::dated_line_starts_new_lead(conn)?,
            })
        })
    }

    /// Changes one setting; an unknown key or a bad value changes nothing.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let change = rules::parse(key, value)?;
        self.write(|tx| settings::save(tx, &change))
    }

    pub fn close_to_tray(&self) -> Result<bool> {
        self.read(settings::close_to_tray)
    }

    /// The Quick add shortcut last accepted by the OS, if one was ever set.
    pub fn quick_add_shortcut(&self) -> Result<Option<String>> {
        self.read(|conn| settings::get(conn, settings::QUICK_ADD_SHORTCUT))
    }

    /// Keeps a shortcut the OS accepted (the shell checks that first). One
    /// without Ctrl, Alt or Super is refused: it would swallow typing.
    pub fn save_quick_add_shortcut(&self, shortcut: &str) -> Result<()> {
        shortcut_rule::check(shortcut)?;
        let shortcut = shortcut.trim();
        self.write(|tx| settings::put(tx, settings::QUICK_ADD_SHORTCUT, Some(shortcut)))
    }

    /// "one_hour", "tomorrow" (until tomorrow morning) or "resume"; what comes
    /// due meanwhile fires when the pause ends.
    pub fn pause_reminders(&self, choice: &str) -> Result<Settings> {
        let choice = PauseChoice::from_key(choice)?;
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let until = pause::paused_until(choice, now, zone, settings::default_time(tx)?);
            let text = until.map(time::to_sql);
            settings::put(tx, settings::REMINDERS_PAUSED_UNTIL, text.as_deref())
        })?;
        self.settings()
    }
}
