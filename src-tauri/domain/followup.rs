//! Follow-ups: promises with a due time. Planning rules, snooze choices, and the
//! shapes the app shows.

use super::channel::Channel;
use super::local_time::{self, resolve_date_time};
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub const MAX_PROMISE_CHARS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Snoozed,
    Done,
    Skipped,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Snoozed => "snoozed",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        [Status::Open, Status::Snoozed, Status::Done, Status::Skipped]
            .into_iter()
            .find(|status| status.key() == key)
    }

    /// Still a promise to keep.
    pub fn is_pending(self) -> bool {
        matches!(self, Status::Open | Status::Snoozed)
    }

    /// Only a pending promise can be kept, snoozed, moved or skipped: done and
    /// skipped are final (a second "Done" from a notification is refused).
    pub fn ensure_pending(self) -> Result<()> {
        match self {
            Status::Open | Status::Snoozed => Ok(()),
            Status::Done => Err(Error::invalid("status", "That follow-up is already done.")),
            Status::Skipped => Err(Error::invalid(
                "status",
                "That follow-up is already skipped.",
            )),
        }
    }
}

/// A pending follow-up with only a date ("Thursday"), placed in another zone.
#[derive(Debug, Clone, PartialEq)]
pub struct DateOnly {
    pub id: i64,
    pub local: NaiveDateTime,
}

/// After the laptop changes zone, a date-only promise follows the person: the
/// same day and default time, now in `zone`. (A timed one keeps its instant:
/// "call at 14:00 her time" must not move.) docs/decisions/0003.
pub fn follow_to_zone(date_only: &[DateOnly], zone: Tz) -> Vec<(i64, Due)> {
    date_only
        .iter()
        .map(|item| {
            let due = Due {
                local: item.local,
                has_time: false,
                zone,
                at: local_time::resolve(item.local, zone),
            };
            (item.id, due)
        })
        .collect()
}

/// When a follow-up is due: the wall time the person meant, in which zone, and
/// the instant that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub local: NaiveDateTime,
    pub has_time: bool,
    pub zone: Tz,
    pub at: DateTime<Utc>,
}

impl Due {
    /// A date alone means the person's default time of day.
    pub fn new(date: NaiveDate, time: Option<NaiveTime>, zone: Tz, default_time: NaiveTime) -> Due {
        let local = date.and_time(time.unwrap_or(default_time));
        Due {
            local,
            has_time: time.is_some(),
            zone,
            at: local_time::resolve(local, zone),
        }
    }

    /// Refuses what is already past: a promise for yesterday cannot be kept. A
    /// date alone for today is fine even after the default time (it is due now).
    pub fn ensure_future(&self, now: DateTime<Utc>) -> Result<()> {
        let today = local_time::local_date(now, self.zone);
        if self.local.date() < today {
            return Err(Error::invalid(
                "date",
                format!(
                    "{} has already passed; pick today or a later date.",
                    self.local.date().format("%a %-d %b %Y")
                ),
            ));
        }
        if self.has_time && self.at < now - Duration::minutes(1) {
            return Err(Error::invalid(
                "time",
                format!(
                    "{} today has already passed; pick a later time.",
                    self.local.format("%H:%M")
                ),
            ));
        }
        Ok(())
    }
}

/// What the Plan follow-up form submits.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FollowupDraft {
    pub contact_id: i64,
    pub promise: String,
    pub channel: String,
    /// Local date, "YYYY-MM-DD".
    pub date: String,
    /// Local time "HH:MM", or empty for the default time.
    pub time: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidFollowup {
    pub contact_id: i64,
    pub promise: String,
    pub channel: Channel,
    pub due: Due,
}

pub fn parse_channel(key: &str) -> Result<Channel> {
    match key.trim() {
        "" => Ok(Channel::Call),
        key => Channel::from_key(key).ok_or_else(|| {
            Error::invalid(
                "channel",
                format!(
                    "{key} is not a way to follow up Tend knows.",
                    key = quoted(key)
                ),
            )
        }),
    }
}

pub fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("date", "Please pick a date."))
}

pub fn parse_time(text: &str) -> Result<Option<NaiveTime>> {
    match text.trim() {
        "" => Ok(None),
        text => NaiveTime::parse_from_str(text, "%H:%M")
            .map(Some)
            .map_err(|_| {
                Error::invalid(
                    "time",
                    format!(
                        "{text} is not a time of day (use HH:MM).",
                        text = quoted(text)
                    ),
                )
            }),
    }
}

pub fn validate_promise(text: &str) -> Result<String> {
    let promise = text.trim().to_string();
    if promise.chars().count() > MAX_PROMISE_CHARS {
        return Err(Error::invalid(
            "promise",
            format!("Keep the promise under {MAX_PROMISE_CHARS} characters; put the rest in the contact's notes."),
        ));
    }
    Ok(promise)
}

impl FollowupDraft {
    pub fn validate(
        &self,
        now: DateTime<Utc>,
        zone: Tz,
        default_time: NaiveTime,
    ) -> Result<ValidFollowup> {
        let promise = validate_promise(&self.promise)?;
        let channel = parse_channel(&self.channel)?;
        let today = local_time::local_date(now, zone);
        let date = super::dates::ahead(parse_date(&self.date)?, today, "date")?;
        let due = Due::new(date, parse_time(&self.time)?, zone, default_time);
        due.ensure_future(now)?;
        Ok(ValidFollowup {
            contact_id: self.contact_id,
            promise,
            channel,
            due,
        })
    }
}

/// "Remind me again later": the promise keeps its date, only the reminder moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnoozeChoice {
    OneHour,
    ThisEvening,
    TomorrowMorning,
    NextWeek,
}

pub const EVENING: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(time) => time,
    None => NaiveTime::MIN,
};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnoozeOption {
    pub choice: SnoozeChoice,
    pub label: String,
    pub until: DateTime<Utc>,
}

/// When a snooze choice ends, or `None` when it makes no sense now ("this
/// evening" once the evening has begun).
pub fn snooze_until(
    choice: SnoozeChoice,
    now: DateTime<Utc>,
    zone: Tz,
    morning: NaiveTime,
) -> Option<DateTime<Utc>> {
    let today = local_time::local_date(now, zone);
    match choice {
        SnoozeChoice::OneHour => Some(now + Duration::hours(1)),
        SnoozeChoice::ThisEvening => {
            let evening = resolve_date_time(today, EVENING, zone);
            (evening > now + Duration::minutes(30)).then_some(evening)
        }
        SnoozeChoice::TomorrowMorning => {
            Some(resolve_date_time(today + Duration::days(1), morning, zone))
        }
        SnoozeChoice::NextWeek => Some(resolve_date_time(next_monday(today), morning, zone)),
    }
}

pub fn snooze_options(now: DateTime<Utc>, zone: Tz, morning: NaiveTime) -> Vec<SnoozeOption> {
    [
        (SnoozeChoice::OneHour, "1 hour"),
        (SnoozeChoice::ThisEvening, "This evening"),
        (SnoozeChoice::TomorrowMorning, "Tomorrow morning"),
        (SnoozeChoice::NextWeek, "Next week"),
    ]
    .into_iter()
    .filter_map(|(choice, label)| {
        let until = snooze_until(choice, now, zone, morning)?;
        let local = local_time::local_date_time(until, zone);
        Some(SnoozeOption {
            choice,
            label: format!("{label} ({})", local.format("%a %H:%M")),
            until,
        })
    })
    .collect()
}

/// A follow-up as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Followup {
    pub id: i64,
    pub contact_id: i64,
    pub contact_name: String,
    pub promise: String,
    pub channel: Channel,
    pub channel_label: &'static str,
    pub due_at: DateTime<Utc>,
    /// The wall time in the person's current zone, "YYYY-MM-DDTHH:MM", as the
    /// clock will show it: a 02:30 asked for in a spring gap is shown 03:30.
    pub due_local: String,
    /// Why `due_local` is not the time she asked for, when it is not:
    /// "(02:30 does not exist that night: clocks go forward)".
    pub due_note: Option<String>,
    pub has_time: bool,
    pub status: Status,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub skip_reason: Option<String>,
    pub completed_at: Option<DateTime<Utc>>,
    pub cadence_name: Option<String>,
    pub notified_at: Option<DateTime<Utc>>,
    /// The contact's first phone and email: a row's Call, Text and Email.
    pub reach: super::contact::Reach,
    /// A re-order reminder: the product it offers again (Today's `Re-orders`).
    pub reorder_of: Option<i64>,
    /// What matters to the contact now, for every row about her.
    pub matters_now: Option<super::contact::MattersNow>,
}

impl Followup {
    /// When the next reminder for it is due: the snooze end, or the due time.
    pub fn remind_at(&self) -> DateTime<Utc> {
        self.snoozed_until.unwrap_or(self.due_at)
    }
}

/// The next Monday strictly after `date`.
pub fn next_monday(date: NaiveDate) -> NaiveDate {
    let mut day = date + Duration::days(1);
    while day.weekday() != Weekday::Mon {
        day += Duration::days(1);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::utc;
    use chrono_tz::America::New_York;

    fn nine() -> NaiveTime {
        NaiveTime::from_hms_opt(9, 0, 0).expect("09:00")
    }

    fn draft(date: &str, time: &str) -> FollowupDraft {
        FollowupDraft {
            contact_id: 1,
            promise: "send lavender samples".into(),
            channel: "text".into(),
            date: date.into(),
            time: time.into(),
        }
    }

    #[test]
    fn a_date_alone_means_the_default_time() {
        // Monday 23 Nov 2026, 10:00 in New York.
        let now = utc("2026-11-23T15:00:00Z");
        let valid = draft("2026-11-26", "")
            .validate(now, New_York, nine())
            .expect("valid");
        assert!(!valid.due.has_time);
        assert_eq!(valid.due.at, utc("2026-11-26T14:00:00Z"));
        assert_eq!(valid.channel, Channel::Text);
    }

    #[test]
    fn past_dates_and_times_are_refused() {
        let now = utc("2026-11-23T15:00:00Z"); // 10:00 local
        assert_eq!(
            draft("2026-11-22", "")
                .validate(now, New_York, nine())
                .expect_err("past")
                .field(),
            Some("date")
        );
        assert_eq!(
            draft("2026-11-23", "08:00")
                .validate(now, New_York, nine())
                .expect_err("past")
                .field(),
            Some("time")
        );
        assert!(
            draft("2026-11-23", "",)
                .validate(now, New_York, nine())
                .is_ok(),
            "today without a time is due now"
        );
        assert!(draft("2026-11-23", "16:30")
            .validate(now, New_York, nine())
            .is_ok());
        assert_eq!(
            draft("soon", "")
                .validate(now, New_York, nine())
                .expect_err("bad")
                .field(),
            Some("date")
        );
        assert_eq!(
            draft("2026-11-24", "25:00")
                .validate(now, New_York, nine())
                .expect_err("bad")
                .field(),
            Some("time")
        );
    }

    #[test]
    fn far_future_dates_are_refused_before_any_arithmetic() {
        // Issue 16, item 7: this panicked in chrono.
        let now = utc("2026-11-23T15:00:00Z");
        for (date, time) in [("+262142-12-31", ""), ("9999-12-31", "23:59")] {
            let err = draft(date, time)
                .validate(now, New_York, nine())
                .expect_err("too far");
            assert_eq!(err.field(), Some("date"));
            assert_eq!(err.to_string(), "Pick a date within the next 100 years.");
        }
    }

    #[test]
    fn snooze_arithmetic() {
        let now = utc("2026-11-23T15:00:00Z"); // Monday 10:00 New York
        let at = |choice| snooze_until(choice, now, New_York, nine());
        assert_eq!(at(SnoozeChoice::OneHour), Some(utc("2026-11-23T16:00:00Z")));
        assert_eq!(
            at(SnoozeChoice::ThisEvening),
            Some(utc("2026-11-23T23:00:00Z"))
        );
        assert_eq!(
            at(SnoozeChoice::TomorrowMorning),
            Some(utc("2026-11-24T14:00:00Z"))
        );
        assert_eq!(
            at(SnoozeChoice::NextWeek),
            Some(utc("2026-11-30T14:00:00Z")),
            "next Monday"
        );
        let late = utc("2026-11-23T23:10:00Z"); // 18:10 local
        assert_eq!(
            snooze_until(SnoozeChoice::ThisEvening, late, New_York, nine()),
            None
        );
        assert_eq!(snooze_options(late, New_York, nine()).len(), 3);
    }

    #[test]
    fn tomorrow_morning_across_the_spring_change_is_still_nine() {
        // Saturday 7 March 2026 20:00 EST; tomorrow is the spring-forward Sunday.
        let now = utc("2026-03-08T01:00:00Z");
        let until =
            snooze_until(SnoozeChoice::TomorrowMorning, now, New_York, nine()).expect("some");
        assert_eq!(until, utc("2026-03-08T13:00:00Z"), "09:00 EDT");
    }

    #[test]
    fn next_monday_is_strictly_after() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(next_monday(monday).to_string(), "2026-11-30");
        assert_eq!(
            next_monday(monday + Duration::days(3)).to_string(),
            "2026-11-30"
        );
    }

    #[test]
    fn only_a_pending_promise_changes_state() {
        assert!(Status::Open.ensure_pending().is_ok());
        assert!(Status::Snoozed.ensure_pending().is_ok());
        let done = Status::Done.ensure_pending().expect_err("final");
        assert_eq!(done.to_string(), "That follow-up is already done.");
        assert_eq!(done.field(), Some("status"));
        assert!(Status::Skipped
            .ensure_pending()
            .expect_err("final")
            .to_string()
            .contains("skipped"));
    }

    #[test]
    fn a_date_only_promise_keeps_its_day_and_time_in_the_new_zone() {
        let local = NaiveDate::from_ymd_opt(2026, 11, 26)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("Thu 09:00");
        let moved = follow_to_zone(&[DateOnly { id: 4, local }], New_York);
        assert_eq!(moved.len(), 1);
        let (id, due) = moved[0];
        assert_eq!(id, 4);
        assert_eq!(due.local, local, "still Thursday 09:00");
        assert!(!due.has_time);
        assert_eq!(due.at, utc("2026-11-26T14:00:00Z"), "09:00 in New York");
    }
}
