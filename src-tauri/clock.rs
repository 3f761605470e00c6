//! Where "now" comes from. Everything that asks the time asks a `Clock`, so tests
//! and the end-to-end suite can start the app at a chosen instant.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::sync::Mutex;
use std::time::Instant;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The person's time zone right now; asked each time, since a laptop travels.
    fn zone(&self) -> Tz;
}

/// The OS's zone: `TZ` when it names an IANA zone, else what the system says,
/// else UTC (never a panic: an odd setup still gets reminders, in UTC).
pub fn system_zone() -> Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|name| name.trim_start_matches(':').parse::<Tz>().ok())
        .or_else(|| iana_time_zone::get_timezone().ok()?.parse::<Tz>().ok())
        .unwrap_or(Tz::UTC)
}

/// The real clock, optionally started from another instant (`TEND_NOW`) and then
/// running forward at the normal pace, so "due in 5 seconds" still means 5 seconds.
pub struct SystemClock {
    start: Option<(DateTime<Utc>, Instant)>,
}

impl SystemClock {
    pub fn real() -> Self {
        SystemClock { start: None }
    }

    pub fn starting_at(instant: DateTime<Utc>) -> Self {
        SystemClock {
            start: Some((instant, Instant::now())),
        }
    }

    /// Honours `TEND_NOW` (RFC 3339) only when it is set; a malformed value is an
    /// error rather than silently falling back to the real time.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var("TEND_NOW") {
            Ok(text) if !text.trim().is_empty() => DateTime::parse_from_rfc3339(text.trim())
                .map(|instant| Self::starting_at(instant.with_timezone(&Utc)))
                .map_err(|err| format!("TEND_NOW is not an RFC 3339 instant ({text:?}): {err}")),
            _ => Ok(Self::real()),
        }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        match self.start {
            // The one place the real time is read.
            #[allow(clippy::disallowed_methods)]
            None => Utc::now(),
            Some((instant, started)) => {
                let elapsed = chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
                instant + elapsed
            }
        }
    }

    fn zone(&self) -> Tz {
        system_zone()
    }
}

/// A clock that only moves when told to: for tests.
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
    zone: Mutex<Tz>,
}

impl ManualClock {
    pub fn new(now: DateTime<Utc>) -> Self {
        ManualClock {
            now: Mutex::new(now),
            zone: Mutex::new(Tz::UTC),
        }
    }

    pub fn in_zone(now: DateTime<Utc>, zone: Tz) -> Self {
        ManualClock {
            now: Mutex::new(now),
            zone: Mutex::new(zone),
        }
    }

    /// As when the laptop lands in another time zone.
    pub fn set_zone(&self, zone: Tz) {
        *self
            .zone
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = zone;
    }

    pub fn set(&self, now: DateTime<Utc>) {
        *self
            .now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = now;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self
            .now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn zone(&self) -> Tz {
        *self
            .zone
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_started_in_the_past_keeps_running_from_there() {
        let start = DateTime::parse_from_rfc3339("2026-03-08T06:00:00Z")
            .expect("valid instant")
            .with_timezone(&Utc);
        let clock = SystemClock::starting_at(start);
        let first = clock.now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let later = clock.now();
        assert!(first >= start && first < start + chrono::Duration::seconds(1));
        assert!(later > first, "the shifted clock must keep moving");
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = SystemClock::real().now();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(chrono::Duration::hours(2));
        assert_eq!(clock.now(), start + chrono::Duration::hours(2));
    }
}
