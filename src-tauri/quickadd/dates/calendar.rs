//! Calendar arithmetic for date phrases: weekdays, weeks, months, "next
//! occurrence". Every step is checked, so no input date can make it panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The Monday that starts `date`'s week (weeks start on Monday, as in ISO 8601).
pub fn monday_of(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
}

/// `weekday` in the week that starts on `monday`.
pub fn in_week(monday: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    monday.checked_add_days(Days::new(u64::from(weekday.num_days_from_monday())))
}

/// The first `weekday` strictly after `date` (on a Thursday, "Thu" is a week later).
pub fn next_after(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    match days_until(date, weekday) {
        0 => add_days(date, 7),
        n => add_days(date, n),
    }
}

/// The first `weekday` on or after `date` (on a Friday, "this Friday" is today).
pub fn on_or_after(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    add_days(date, days_until(date, weekday))
}

/// The last `weekday` strictly before `date`.
pub fn before(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let back = (7 + i64::from(date.weekday().num_days_from_monday())
        - i64::from(weekday.num_days_from_monday()))
        % 7;
    let back = if back == 0 { 7 } else { back };
    date.checked_sub_days(Days::new(back.unsigned_abs()))
}

fn days_until(date: NaiveDate, weekday: Weekday) -> u64 {
    let ahead = (7 + i64::from(weekday.num_days_from_monday())
        - i64::from(date.weekday().num_days_from_monday()))
        % 7;
    ahead.unsigned_abs()
}

pub fn add_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(days))
}

pub fn sub_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(days))
}

/// Adds calendar months; the 31st becomes the month's last day when it has fewer.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

pub fn sub_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

pub fn first_of_month(date: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year(), date.month(), 1)
}

/// The next `month`/`day` on or after `today` ("Dec 3" said in January is this
/// December; said on 4 December, next year's). `None` for a day the month never has.
pub fn month_day_from(today: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    // Eight years always reach a 29 February.
    (0..=8).find_map(|ahead| {
        let date = NaiveDate::from_ymd_opt(today.year().checked_add(ahead)?, month, day)?;
        (date >= today).then_some(date)
    })
}

/// The next day `day` of a month, on or after `today` ("the 15th").
pub fn day_of_month_from(today: NaiveDate, day: u32) -> Option<NaiveDate> {
    let first = first_of_month(today)?;
    (0..=12).find_map(|ahead| {
        let month = add_months(first, ahead)?;
        let date = NaiveDate::from_ymd_opt(month.year(), month.month(), day)?;
        (date >= today).then_some(date)
    })
}

/// The 1st of the next `month` after the current one ("in March").
pub fn first_of_next(today: NaiveDate, month: u32) -> Option<NaiveDate> {
    let year = if month > today.month() {
        today.year()
    } else {
        today.year().checked_add(1)?
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The `nth` `weekday` of a month (1 = first), or the last one when `nth` is 0.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    if nth == 0 {
        let last = add_months(first, 1).and_then(|next| sub_days(next, 1))?;
        let back = (7 + i64::from(last.weekday().num_days_from_monday())
            - i64::from(weekday.num_days_from_monday()))
            % 7;
        return sub_days(last, back.unsigned_abs());
    }
    let date = add_days(on_or_after(first, weekday)?, 7 * u64::from(nth - 1))?;
    (date.month() == month).then_some(date)
}
