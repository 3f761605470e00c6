//! Instants in the database are UTC text with whole seconds and a `Z`, so that
//! comparing strings compares times.

use chrono::{DateTime, SecondsFormat, Utc};

pub fn to_sql(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses what `to_sql` wrote; anything else is a corrupt row, reported as such.
pub fn from_sql(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|instant| instant.with_timezone(&Utc))
        .map_err(|err| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(err))
        })
}
