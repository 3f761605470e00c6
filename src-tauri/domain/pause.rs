//! Pausing reminders: for an hour, or until tomorrow morning. What comes due
//! meanwhile is notified when the pause ends.

use super::local_time;
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseChoice {
    OneHour,
    /// Until the default time of day tomorrow.
    UntilTomorrow,
    Resume,
}

impl PauseChoice {
    /// "one_hour", "tomorrow" or "resume", as the window and the tray send it.
    pub fn from_key(key: &str) -> Result<PauseChoice> {
        match key {
            "one_hour" => Ok(PauseChoice::OneHour),
            "tomorrow" => Ok(PauseChoice::UntilTomorrow),
            "resume" => Ok(PauseChoice::Resume),
            other => Err(Error::invalid(
                "choice",
                format!("{other} is not a way to pause.", other = quoted(other)),
            )),
        }
    }
}

/// When reminders resume, or `None` to resume now.
pub fn paused_until(
    choice: PauseChoice,
    now: DateTime<Utc>,
    zone: Tz,
    morning: NaiveTime,
) -> Option<DateTime<Utc>> {
    match choice {
        PauseChoice::OneHour => Some(now + Duration::hours(1)),
        PauseChoice::UntilTomorrow => {
            let tomorrow = local_time::local_date(now, zone) + Duration::days(1);
            Some(local_time::resolve_date_time(tomorrow, morning, zone))
        }
        PauseChoice::Resume => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::utc;

    #[test]
    fn tomorrow_means_tomorrow_morning_where_she_is() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("09:00");
        let zone = chrono_tz::America::New_York;
        // 02:00 UTC on 1 Dec is still 30 Nov, 21:00 in New York.
        let now = utc("2026-12-01T02:00:00Z");
        assert_eq!(
            paused_until(PauseChoice::UntilTomorrow, now, zone, nine),
            Some(utc("2026-12-01T14:00:00Z")),
            "09:00 on 1 Dec in New York"
        );
        assert_eq!(
            paused_until(PauseChoice::OneHour, now, zone, nine),
            Some(utc("2026-12-01T03:00:00Z"))
        );
        assert_eq!(paused_until(PauseChoice::Resume, now, zone, nine), None);
    }

    #[test]
    fn only_known_choices_are_accepted() {
        assert_eq!(
            PauseChoice::from_key("tomorrow").expect("known"),
            PauseChoice::UntilTomorrow
        );
        assert_eq!(
            PauseChoice::from_key("forever")
                .expect_err("unknown")
                .field(),
            Some("choice")
        );
    }
}
