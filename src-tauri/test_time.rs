//! Instants written the way tests read best, for the unit tests of every module.

use chrono::{DateTime, Utc};

/// "2026-11-23T09:00:00Z" → that instant (test inputs are always valid).
pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test instants are valid RFC 3339")
        .with_timezone(&Utc)
}
