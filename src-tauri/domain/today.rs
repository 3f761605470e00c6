//! Today: which section a follow-up belongs in, for a given now and zone. A pure
//! function, so the rules can be tested (and property-tested) on their own.

use super::contact::MattersNow;
use super::followup::Status;
use super::local_time;
use super::stage::Stage;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// How far ahead "Upcoming" looks.
pub const UPCOMING_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Overdue,
    DueToday,
    Upcoming,
}

/// The day boundaries Today is drawn with, as instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub now: DateTime<Utc>,
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub tomorrow: DateTime<Utc>,
    pub upcoming_end: DateTime<Utc>,
}

impl Day {
    pub fn of(now: DateTime<Utc>, zone: Tz) -> Day {
        let date = local_time::local_date(now, zone);
        Day {
            now,
            date,
            start: local_time::start_of_day(date, zone),
            tomorrow: local_time::start_of_day(date + Duration::days(1), zone),
            upcoming_end: local_time::start_of_day(date + Duration::days(1 + UPCOMING_DAYS), zone),
        }
    }
}

/// Where a follow-up shows today, if anywhere. A snoozed one stays out of the
/// way until its snooze ends, then is back where its promised date puts it.
pub fn classify(
    status: Status,
    due_at: DateTime<Utc>,
    snoozed_until: Option<DateTime<Utc>>,
    day: &Day,
) -> Option<Section> {
    if !status.is_pending() {
        return None;
    }
    if let Some(until) = snoozed_until.filter(|until| *until > day.now && status == Status::Snoozed)
    {
        return (until < day.upcoming_end).then_some(Section::Upcoming);
    }
    if due_at < day.start {
        Some(Section::Overdue)
    } else if due_at < day.tomorrow {
        Some(Section::DueToday)
    } else if due_at < day.upcoming_end {
        Some(Section::Upcoming)
    } else {
        None
    }
}

/// A customer untouched this long is suggested as inactive.
pub const INACTIVE_AFTER_DAYS: i64 = 180;

/// Someone past their keep-in-touch window with nothing planned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoingCold {
    pub contact_id: i64,
    pub name: String,
    pub stage: Stage,
    pub stage_label: &'static str,
    /// The last touch, or when they were added if never touched.
    pub since: DateTime<Utc>,
    pub touched: bool,
    pub days_since: i64,
    pub window_days: i64,
    /// A customer gone quiet this long: offer one click to mark them inactive.
    pub suggest_inactive: bool,
    pub reach: super::contact::Reach,
    pub matters_now: Option<MattersNow>,
}

/// "Thinking it over" for too long: time to ask the tough question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Maybe {
    pub contact_id: i64,
    pub name: String,
    pub since: DateTime<Utc>,
    pub days: i64,
    pub reach: super::contact::Reach,
    pub matters_now: Option<MattersNow>,
}

/// A customer whose supply ran out long ago, with no re-order since.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lapsed {
    pub contact_id: i64,
    pub name: String,
    pub stage: Stage,
    pub stage_label: &'static str,
    pub supply_ended_on: NaiveDate,
    pub days_since: i64,
    /// Always true for the list Today shows; the rule is [`ran_out_long_ago`].
    pub suggest_inactive: bool,
}

/// A customer whose supplies all ran out [`LAPSED_AFTER_DAYS`] ago or more and
/// who bought nothing since has probably left: suggest marking her inactive.
///
/// [`LAPSED_AFTER_DAYS`]: super::purchase::LAPSED_AFTER_DAYS
pub fn ran_out_long_ago(stage: Stage, supply_ended_on: NaiveDate, today: NaiveDate) -> bool {
    matches!(stage, Stage::Customer | Stage::NewCustomer)
        && supply_ended_on < super::purchase::lapsed_before(today)
}

/// A customer quiet for half a year has probably left: suggest marking them
/// inactive, so the win-back (and the question why) can start.
pub fn suggest_inactive(stage: Stage, days_since: i64) -> bool {
    matches!(stage, Stage::Customer | Stage::NewCustomer) && days_since > INACTIVE_AFTER_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::utc;
    use chrono_tz::Europe::London;
    use proptest::prelude::*;

    #[test]
    fn sections_follow_the_local_day() {
        let day = Day::of(utc("2026-11-23T10:00:00Z"), London);
        let at = |text| classify(Status::Open, utc(text), None, &day);
        assert_eq!(at("2026-11-22T23:59:00Z"), Some(Section::Overdue));
        assert_eq!(
            at("2026-11-23T08:00:00Z"),
            Some(Section::DueToday),
            "earlier today is due today"
        );
        assert_eq!(at("2026-11-23T23:00:00Z"), Some(Section::DueToday));
        assert_eq!(at("2026-11-24T00:00:00Z"), Some(Section::Upcoming));
        assert_eq!(at("2026-12-01T00:00:00Z"), None, "beyond a week");
        assert_eq!(
            classify(Status::Done, utc("2026-11-22T09:00:00Z"), None, &day),
            None
        );
    }

    #[test]
    fn a_snooze_hides_until_it_ends() {
        let day = Day::of(utc("2026-11-23T10:00:00Z"), London);
        let overdue = utc("2026-11-20T09:00:00Z");
        assert_eq!(
            classify(
                Status::Snoozed,
                overdue,
                Some(utc("2026-11-24T09:00:00Z")),
                &day
            ),
            Some(Section::Upcoming)
        );
        assert_eq!(
            classify(
                Status::Snoozed,
                overdue,
                Some(utc("2026-11-23T09:00:00Z")),
                &day
            ),
            Some(Section::Overdue)
        );
    }

    fn status() -> impl Strategy<Value = Status> {
        prop_oneof![
            Just(Status::Open),
            Just(Status::Snoozed),
            Just(Status::Done),
            Just(Status::Skipped)
        ]
    }

    proptest! {
        #[test]
        fn every_pending_follow_up_due_before_now_is_overdue_or_due_today(
            due_minutes in -20_000i64..20_000,
            snooze_minutes in proptest::option::of(-20_000i64..20_000),
            status in status(),
            now_minutes in 0i64..525_600,
        ) {
            let now = utc("2026-01-01T00:00:00Z") + Duration::minutes(now_minutes);
            let day = Day::of(now, London);
            let due = now + Duration::minutes(due_minutes);
            let snoozed = snooze_minutes.map(|m| now + Duration::minutes(m));
            let section = classify(status, due, snoozed, &day);
            if !status.is_pending() {
                prop_assert_eq!(section, None);
            }
            let actively_snoozed = status == Status::Snoozed && snoozed.is_some_and(|s| s > now);
            if status.is_pending() && !actively_snoozed && due <= now {
                prop_assert!(matches!(section, Some(Section::Overdue | Section::DueToday)));
            }
            if section == Some(Section::Overdue) {
                prop_assert!(due < day.start);
            }
        }
    }

    #[test]
    fn a_customer_whose_supply_ran_out_two_months_ago_is_suggested_inactive() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        let ended = |days| today - Duration::days(days);
        assert!(ran_out_long_ago(Stage::Customer, ended(61), today));
        assert!(ran_out_long_ago(Stage::NewCustomer, ended(200), today));
        assert!(
            !ran_out_long_ago(Stage::Customer, ended(60), today),
            "not yet"
        );
        assert!(
            !ran_out_long_ago(Stage::InactiveCustomer, ended(200), today),
            "already marked"
        );
        assert!(!ran_out_long_ago(Stage::Partner, ended(200), today));
    }

    #[test]
    fn only_customers_quiet_for_half_a_year_are_suggested_inactive() {
        assert!(suggest_inactive(Stage::Customer, INACTIVE_AFTER_DAYS + 1));
        assert!(suggest_inactive(Stage::NewCustomer, 400));
        assert!(!suggest_inactive(Stage::Customer, INACTIVE_AFTER_DAYS));
        assert!(!suggest_inactive(Stage::Lead, 400));
        assert!(!suggest_inactive(Stage::Partner, 400));
    }
}
