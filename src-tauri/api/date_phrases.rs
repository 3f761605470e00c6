//! A day typed into any form ("Mon", "in 3 weeks", "Dec 3 at 2pm"): read by
//! the quick-add phrases (`quickadd::date_field`) with her settings and clock,
//! and shown as it will be saved, so she sees the day before she saves it.

use super::tend::Tend;
use crate::domain::local_time;
use crate::error::Result;
use crate::quickadd::date_field::{self, FieldAsk, FieldContext, FieldDate, Past};
use crate::quickadd::{DateOrder, English};
use crate::store::settings;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// What a date field holds, as the window sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DateAsk {
    pub text: String,
    /// The form's Time field ("HH:MM" or ""); it wins over a time in `text`.
    pub time: String,
    /// False for a field that keeps only a day (a revisit date, a cadence start).
    pub with_time: bool,
    /// True where a past day makes sense (the day a cadence starts from).
    pub allow_past: bool,
}

impl Default for DateAsk {
    fn default() -> Self {
        DateAsk {
            text: String::new(),
            time: String::new(),
            with_time: true,
            allow_past: false,
        }
    }
}

/// The day a field means, ready for the form that saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateReading {
    /// "YYYY-MM-DD", local.
    pub date: String,
    /// "HH:MM" when a time was named (or typed in the Time field), else `None`.
    pub time: Option<String>,
    /// "Mon 7 Dec, 09:00" (or "Mon 7 Dec" without a time), as it will be saved.
    pub shown: String,
    /// Why this day, when the words named a stretch ("in January").
    pub why: Option<String>,
}

impl Tend {
    /// Reads a typed day. Errors are `Invalid` on `"date"` or `"time"`, with
    /// what could not be read and what to type instead; nothing is saved.
    pub fn read_date(&self, ask: &DateAsk) -> Result<DateReading> {
        let zone = self.zone()?;
        self.read(|conn| {
            let ctx = self.field_context(conn)?;
            let found = self.read_date_field(conn, ask)?;
            Ok(DateReading {
                date: found.date.format("%Y-%m-%d").to_string(),
                time: found.time.map(|time| time.format("%H:%M").to_string()),
                shown: found.shown(ask.with_time, ctx.default_time, ctx.now.date(), zone),
                why: found.why,
            })
        })
    }

    /// The same reading inside another operation (a form that saves a typed day).
    pub(super) fn read_date_field(&self, conn: &Connection, ask: &DateAsk) -> Result<FieldDate> {
        let field = FieldAsk {
            text: &ask.text,
            time: &ask.time,
            with_time: ask.with_time,
            past: if ask.allow_past {
                Past::Allow
            } else {
                Past::Refuse
            },
        };
        date_field::read(&field, &self.field_context(conn)?, &English)
    }

    fn field_context(&self, conn: &Connection) -> Result<FieldContext> {
        let zone = self.clock().zone();
        Ok(FieldContext {
            now: local_time::local_date_time(self.clock().now(), zone),
            order: DateOrder::for_region(settings::phone_region(conn)?),
            default_time: settings::default_time(conn)?,
        })
    }
}
