//! The English date phrases one by one, for a fixed now: Monday 23 November
//! 2026, 10:00 local. Each form the issue lists, and each decision of ADR 0002.

use super::{words, DatePhrases, English};
use crate::quickadd::parsed::DateOrder;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

fn now() -> NaiveDateTime {
    at(2026, 11, 23, 10, 0)
}

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, mi, 0))
        .expect("a valid date-time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn time(h: u32, mi: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, mi, 0)
}

fn read(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    English.parse(text, now(), DateOrder::MonthFirst)
}

fn read_at(text: &str, now: NaiveDateTime) -> Option<(NaiveDate, Option<NaiveTime>)> {
    English.parse(text, now, DateOrder::MonthFirst)
}

#[track_caller]
fn check(text: &str, date: NaiveDate, clock: Option<NaiveTime>) {
    assert_eq!(read(text), Some((date, clock)), "{text:?}");
}

#[test]
fn today_tonight_tomorrow() {
    check("today", day(2026, 11, 23), None);
    check("Today", day(2026, 11, 23), None);
    check("tonight", day(2026, 11, 23), time(19, 0));
    check("tomorrow", day(2026, 11, 24), None);
    check("tmrw", day(2026, 11, 24), None);
    check("day after tomorrow", day(2026, 11, 25), None);
    check("the day after tomorrow", day(2026, 11, 25), None);
}

#[test]
fn a_bare_weekday_is_the_next_one_after_today() {
    check("Tue", day(2026, 11, 24), None);
    check("Thu", day(2026, 11, 26), None);
    check("Thur", day(2026, 11, 26), None);
    check("Thurs", day(2026, 11, 26), None);
    check("thursday", day(2026, 11, 26), None);
    check("Sun", day(2026, 11, 29), None);
    // Today is a Monday: "Mon" is next Monday, a week on (today is "today").
    check("Mon", day(2026, 11, 30), None);
    check("Monday", day(2026, 11, 30), None);
}

#[test]
fn this_weekday_may_be_today() {
    check("this Mon", day(2026, 11, 23), None);
    check("this Friday", day(2026, 11, 27), None);
    check("this Sun", day(2026, 11, 29), None);
}

#[test]
fn next_weekday_is_that_day_of_next_week() {
    // Next week runs Monday 30 November to Sunday 6 December.
    check("next Mon", day(2026, 11, 30), None);
    check("next Tue", day(2026, 12, 1), None);
    check("next Thu", day(2026, 12, 3), None);
    check("next Sunday", day(2026, 12, 6), None);
    // Said on a Friday, "next Tue" is four days away and bare "Tue" is the same day.
    let friday = at(2026, 11, 27, 10, 0);
    assert_eq!(read_at("next Tue", friday), Some((day(2026, 12, 1), None)));
    assert_eq!(read_at("Tue", friday), Some((day(2026, 12, 1), None)));
    // Said on a Sunday, "next Mon" is tomorrow: weeks start on Monday.
    let sunday = at(2026, 11, 29, 10, 0);
    assert_eq!(read_at("next Mon", sunday), Some((day(2026, 11, 30), None)));
    check("Fri after next", day(2026, 12, 4), None);
    check("Wed next week", day(2026, 12, 2), None);
}

#[test]
fn weeks_months_and_weekends() {
    check("next week", day(2026, 11, 30), None);
    check("next month", day(2026, 12, 1), None);
    check("next year", day(2027, 1, 1), None);
    check("this weekend", day(2026, 11, 28), None);
    check("next weekend", day(2026, 12, 5), None);
    check("in March", day(2027, 3, 1), None);
}

#[test]
fn counted_from_today() {
    check("in 3 days", day(2026, 11, 26), None);
    check("in 2 weeks", day(2026, 12, 7), None);
    check("in 3 months", day(2027, 2, 23), None);
    check("in a week", day(2026, 11, 30), None);
    check("in a couple of days", day(2026, 11, 25), None);
    check("in a fortnight", day(2026, 12, 7), None);
    check("3 days from now", day(2026, 11, 26), None);
    check("3d", day(2026, 11, 26), None);
    check("2w", day(2026, 12, 7), None);
    // The 3 days – 3 weeks – 3 months rhythm: "3m" is months, not minutes.
    check("3m", day(2027, 2, 23), None);
    check("1y", day(2027, 11, 23), None);
    check("in 2 hours", day(2026, 11, 23), time(12, 0));
    check("in 30 minutes", day(2026, 11, 23), time(10, 30));
    check("in half an hour", day(2026, 11, 23), time(10, 30));
}

#[test]
fn month_and_day() {
    check("Dec 3", day(2026, 12, 3), None);
    check("December 3rd", day(2026, 12, 3), None);
    check("3 Dec", day(2026, 12, 3), None);
    check("3rd of December", day(2026, 12, 3), None);
    check("the 3rd of December", day(2026, 12, 3), None);
    check("Dec 3, 2027", day(2027, 12, 3), None);
    check("2026-12-03", day(2026, 12, 3), None);
    // Without a year: the next such day, today included.
    check("Nov 23", day(2026, 11, 23), None);
    check("Nov 20", day(2027, 11, 20), None);
    check("Jan 5", day(2027, 1, 5), None);
    check("the 15th", day(2026, 12, 15), None);
    check("the 23rd", day(2026, 11, 23), None);
    check("the 15th of next month", day(2026, 12, 15), None);
    check("first Tuesday of December", day(2026, 12, 1), None);
}

#[test]
fn a_numeric_date_follows_the_date_order_setting() {
    let us = English.parse("12/3", now(), DateOrder::MonthFirst);
    let europe = English.parse("12/3", now(), DateOrder::DayFirst);
    assert_eq!(us, Some((day(2026, 12, 3), None)), "en-US: December 3");
    assert_eq!(
        europe,
        Some((day(2027, 3, 12), None)),
        "day first: 12 March"
    );
    check("12/3/2026", day(2026, 12, 3), None);
    check("12/3/27", day(2027, 12, 3), None);
    assert_eq!(read("13/13"), None, "no 13th month");
    assert_eq!(read("2/30"), None, "no 30 February");
}

#[test]
fn clock_times() {
    // A time alone is its next occurrence: 2pm is today, 9am tomorrow (now is 10:00).
    check("at 2pm", day(2026, 11, 23), time(14, 0));
    check("2pm", day(2026, 11, 23), time(14, 0));
    check("2 pm", day(2026, 11, 23), time(14, 0));
    check("2 p.m.", day(2026, 11, 23), time(14, 0));
    check("2:30pm", day(2026, 11, 23), time(14, 30));
    check("14:00", day(2026, 11, 23), time(14, 0));
    check("15h30", day(2026, 11, 23), time(15, 30));
    check("noon", day(2026, 11, 23), time(12, 0));
    check("at 9am", day(2026, 11, 24), time(9, 0));
    check("midnight", day(2026, 11, 24), time(0, 0));
    check("quarter past 3", day(2026, 11, 23), time(15, 15));
    check("half past 11", day(2026, 11, 23), time(11, 30));
    check("20 to noon", day(2026, 11, 23), time(11, 40));
}

#[test]
fn an_hour_without_am_or_pm_is_read_as_business_hours() {
    check("at 3", day(2026, 11, 23), time(15, 0));
    check("at 7", day(2026, 11, 23), time(19, 0));
    check("at 11", day(2026, 11, 23), time(11, 0));
    check("at 12", day(2026, 11, 23), time(12, 0));
    // 8 has passed today, so it is tomorrow's 8 in the morning.
    check("at 8", day(2026, 11, 24), time(8, 0));
    check("Fri at 3", day(2026, 11, 27), time(15, 0));
    check("tonight at 8", day(2026, 11, 23), time(20, 0));
    check("tomorrow morning at 7", day(2026, 11, 24), time(7, 0));
}

#[test]
fn parts_of_the_day() {
    check("tomorrow morning", day(2026, 11, 24), time(9, 0));
    check("this afternoon", day(2026, 11, 23), time(14, 0));
    check("this evening", day(2026, 11, 23), time(18, 0));
    check("Fri evening", day(2026, 11, 27), time(18, 0));
    check("Sat morning", day(2026, 11, 28), time(9, 0));
    // "in the morning" alone: the next morning (today's 09:00 has passed).
    check("in the morning", day(2026, 11, 24), time(9, 0));
    check("in the afternoon", day(2026, 11, 23), time(14, 0));
    // A bare "morning" is too common a word to be a date.
    assert_eq!(read("morning"), None);
    assert_eq!(read("evening"), None);
}

#[test]
fn a_day_and_a_time_together() {
    check("tomorrow at 2pm", day(2026, 11, 24), time(14, 0));
    check("2pm tomorrow", day(2026, 11, 24), time(14, 0));
    check("Fri 10am", day(2026, 11, 27), time(10, 0));
    check("Fri, 10am", day(2026, 11, 27), time(10, 0));
    check("Thu at 2:30pm", day(2026, 11, 26), time(14, 30));
    check("on Thu at noon", day(2026, 11, 26), time(12, 0));
    check("next Tue 9:15am", day(2026, 12, 1), time(9, 15));
    check("Dec 3 at 4pm", day(2026, 12, 3), time(16, 0));
    check("in 3 days at 2pm", day(2026, 11, 26), time(14, 0));
    check("Tue, Dec 1", day(2026, 12, 1), None);
}

#[test]
fn a_weekday_must_agree_with_its_date() {
    // 1 December 2026 is a Tuesday, not a Thursday.
    assert_eq!(read("Thu, Dec 1"), None);
    assert_eq!(read("Thu 1st"), None);
    check("Tuesday 1st", day(2026, 12, 1), None);
}

#[test]
fn the_past_is_read_and_marked_as_looking_back() {
    let words = ["yesterday"];
    let found = English
        .phrase_at(&words, now(), DateOrder::MonthFirst)
        .expect("yesterday is a date");
    assert_eq!(found.date, day(2026, 11, 22));
    assert!(found.looks_back, "yesterday points back");
    for text in ["last Fri", "3 days ago", "last week", "a week ago"] {
        let words = super::words(text);
        let found = English
            .phrase_at(&words, now(), DateOrder::MonthFirst)
            .unwrap_or_else(|| panic!("{text:?} is a date"));
        assert!(found.looks_back, "{text:?} points back");
        assert!(found.date < now().date(), "{text:?} is in the past");
    }
    let found = English
        .phrase_at(&["Thu"], now(), DateOrder::MonthFirst)
        .expect("Thu is a date");
    assert!(!found.looks_back, "a weekday points forward");
}

#[test]
fn a_phrase_inside_a_line_ends_where_the_date_ends() {
    let line = words("Thu at 2pm about the kit");
    let found = English
        .phrase_at(&line, now(), DateOrder::MonthFirst)
        .expect("a date");
    assert_eq!(found.words, 3, "“Thu at 2pm”, not “about”");
    let line = words("Fri, wants oils");
    let found = English
        .phrase_at(&line, now(), DateOrder::MonthFirst)
        .expect("a date");
    assert_eq!(found.words, 1, "a trailing comma is not part of the phrase");
}

#[test]
fn words_that_are_not_dates() {
    for text in [
        "",
        "the",
        "at",
        "on",
        "March",
        "May",
        "April",
        "3",
        "12",
        "2026",
        "at the party",
        "the 3rd kit",
        "2 to 3 weeks",
        "in 2026",
        "now",
        "this week",
        "lavender",
        "2h",
        "3:75",
        "25:00",
        "Feb 30",
        "at 3 Elm St",
        "3 kids",
    ] {
        let words = super::words(text);
        let found = English.phrase_at(&words, now(), DateOrder::MonthFirst);
        let whole = found.is_some_and(|found| found.words == words.len());
        assert!(!whole, "{text:?} must not read as a date: {found:?}");
    }
}

#[test]
fn a_day_the_named_year_does_not_have_is_not_a_date() {
    // Issue 16, item 7: "Feb 29, 2027" silently became 29 Feb 2028.
    assert_eq!(read("Feb 29, 2027"), None);
    let line = words("Feb 29, 2027");
    assert_eq!(
        English.phrase_at(&line, now(), DateOrder::MonthFirst),
        None,
        "not even “Feb 29” alone, moved to 2028"
    );
    assert_eq!(read("29 Feb 2027"), None);
    assert_eq!(read("2/29/2027"), None);
    check("Feb 29, 2028", day(2028, 2, 29), None);
}
