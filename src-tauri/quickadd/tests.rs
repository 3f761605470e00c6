//! Unit tests of the quick-add API: the issue's example end to end, the preview,
//! refusals, the JSON others read, and swapping the date reader.

use super::*;
use crate::domain::channel::Channel;
use crate::domain::phone::parse_region;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::America::New_York;

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, mi, 0))
        .expect("a valid date-time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// Monday 23 November 2026, 10:00, US phones, month-first dates.
fn ctx() -> ParseContext {
    ParseContext::new(
        at(2026, 11, 23, 10, 0),
        DateOrder::MonthFirst,
        parse_region("US").expect("US is a region"),
    )
}

fn read(line: &str) -> ParsedLine {
    parse_line(line, &ctx()).unwrap_or_else(|error| panic!("{line:?} was refused: {error}"))
}

#[test]
fn the_issue_example_reads_whole() {
    let parsed = read("Jane Doe 555-0142 wants the lavender set, call Thu");
    assert_eq!(
        parsed,
        ParsedLine {
            name: "Jane Doe".into(),
            phones: vec![ParsedPhone {
                display: "555-0142".into(),
                normalized: "5550142".into(),
                warning: Some("“555-0142” has no area code. Type it with its area code, set a default area code in Settings, or keep it as typed.".into()),
                problem: Some("no area code"),
            }],
            emails: vec![],
            tags: vec![],
            stage: None,
            note: "wants the lavender set".into(),
            followup: Some(ParsedFollowup {
                channel: Channel::Call,
                date: day(2026, 11, 26),
                time: None,
                phrase: "call Thu".into(),
                read_as: None,
                chosen: None,
            }),
            vague: None,
            referrer: None,
        }
    );
    assert_eq!(
        parsed.preview(DEFAULT_TIME),
        "Jane Doe · 555-0142 (no area code: kept as typed) · note: wants the lavender set · call Thu 26 Nov, 09:00"
    );
}

#[test]
fn the_preview_shows_every_part_and_the_resolved_day() {
    let parsed = read(
        "Amara Okafor +44 20 7946 0958 amara@example.com #skincare, customer, text next Tue at 2pm",
    );
    assert_eq!(
        parsed.preview(DEFAULT_TIME),
        "Amara Okafor · +44 20 7946 0958 · amara@example.com · #skincare · Customer · text Tue 1 Dec, 14:00"
    );
    let only_a_name = read("Jane Doe");
    assert_eq!(only_a_name.preview(DEFAULT_TIME), "Jane Doe");
    let other = read("Jane Doe follow up next week");
    assert_eq!(
        other.preview(DEFAULT_TIME),
        "Jane Doe · contact Mon 30 Nov, 09:00 (“next week” names no day: Tend chose its Monday)"
    );
}

#[test]
fn the_preview_uses_the_default_time_given() {
    let parsed = read("Jane Doe call Thu");
    let eight = NaiveTime::from_hms_opt(8, 30, 0).expect("08:30");
    assert_eq!(parsed.preview(eight), "Jane Doe · call Thu 26 Nov, 08:30");
    let due = parsed.followup.as_ref().map(|followup| followup.due(eight));
    assert_eq!(due, Some(at(2026, 11, 26, 8, 30)));
}

#[test]
fn the_preview_on_a_day_adds_the_year_when_it_differs() {
    let parsed = read("Jane Doe call Nov 20");
    let today = day(2026, 11, 23);
    assert_eq!(
        parsed.preview_on(DEFAULT_TIME, today, New_York),
        "Jane Doe · call Sat 20 Nov 2027, 09:00",
        "a day that has passed this year is next year's, and says so"
    );
    let soon = read("Jane Doe call Dec 3");
    assert_eq!(
        soon.preview_on(DEFAULT_TIME, today, New_York),
        "Jane Doe · call Thu 3 Dec, 09:00"
    );
}

#[test]
fn on_a_thursday_thu_means_a_week_later() {
    let thursday = ParseContext {
        now: at(2026, 11, 26, 10, 0),
        ..ctx()
    };
    let parsed = parse_line("Jane Doe call Thu", &thursday).expect("reads");
    assert_eq!(parsed.followup.map(|f| f.date), Some(day(2026, 12, 3)));
    let today = parse_line("Jane Doe call today", &thursday).expect("reads");
    assert_eq!(today.followup.map(|f| f.date), Some(day(2026, 11, 26)));
}

#[test]
fn an_empty_line_is_refused_with_a_clear_message() {
    for line in ["", "   ", "\t", ",", " ; , "] {
        let error = parse_line(line, &ctx()).expect_err(line);
        assert_eq!(error.field(), Some("line"), "{line:?}");
        assert!(error.to_string().contains("empty"), "{error}");
    }
}

#[test]
fn a_line_without_a_name_is_refused_with_what_it_found() {
    let error = parse_line("555-0142 call Thu", &ctx()).expect_err("no name");
    assert_eq!(error.field(), Some("line"));
    let message = error.to_string();
    assert!(
        message.contains("“555-0142” is a phone number"),
        "{message}"
    );
    assert!(
        message.contains("Start the line with the person's name"),
        "{message}"
    );
    let error = parse_line("jane@example.com", &ctx()).expect_err("no name");
    assert!(error.to_string().contains("email address"), "{error}");
}

#[test]
fn a_past_date_is_refused_and_says_which_day_it_meant() {
    let error = parse_line("Jane Doe call yesterday", &ctx()).expect_err("past");
    assert_eq!(error.field(), Some("date"));
    let message = error.to_string();
    assert!(message.contains("Sun 22 Nov 2026"), "{message}");
    assert!(message.contains("in the past"), "{message}");
    let error = parse_line("Jane Doe call today at 9am", &ctx()).expect_err("past");
    assert_eq!(error.field(), Some("date"));
    assert!(error.to_string().contains("09:00"), "{error}");
}

#[test]
fn tonight_after_seven_is_in_the_past_but_a_later_time_is_not() {
    let evening = ParseContext {
        now: at(2026, 11, 23, 20, 0),
        ..ctx()
    };
    let error = parse_line("Jane Doe call tonight", &evening).expect_err("19:00 has passed");
    assert_eq!(error.field(), Some("date"));
    let later = parse_line("Jane Doe call tonight at 9", &evening).expect("21:00 is ahead");
    let followup = later.followup.expect("a follow-up");
    assert_eq!(followup.time, NaiveTime::from_hms_opt(21, 0, 0));
}

#[test]
fn a_long_refused_line_is_shortened_in_the_message() {
    let line = format!("- {}", "x ".repeat(500));
    let error = parse_line(&line, &ctx()).expect_err("no name");
    assert!(error.to_string().chars().count() < 200, "{error}");
}

#[test]
fn the_json_is_camel_case_with_stable_keys() {
    let parsed = read("Jane Doe 555-0142 #oils, customer, call Thu at 2pm");
    let json = serde_json::to_value(&parsed).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "name": "Jane Doe",
            "phones": [{
                "display": "555-0142",
                "normalized": "5550142",
                "warning": "“555-0142” has no area code. Type it with its area code, set a default area code in Settings, or keep it as typed.",
                "problem": "no area code"
            }],
            "emails": [],
            "tags": ["oils"],
            "stage": "customer",
            "note": "",
            "followup": {
                "channel": "call",
                "date": "2026-11-26",
                "time": "14:00:00",
                "phrase": "call Thu at 2pm"
            }
        })
    );
    let no_time = read("Jane Doe call Thu");
    let json = serde_json::to_value(&no_time).expect("serialises");
    assert_eq!(json["followup"]["time"], serde_json::Value::Null);
}

/// A stand-in reader: only "someday" is a date, a week from now.
struct Someday;

impl DatePhrases for Someday {
    fn phrase_at(
        &self,
        words: &[&str],
        now: NaiveDateTime,
        _order: DateOrder,
    ) -> Option<DateMatch> {
        (words.first() == Some(&"someday")).then(|| DateMatch {
            words: 1,
            date: now.date() + chrono::Days::new(7),
            time: None,
            looks_back: false,
            span: None,
        })
    }
}

#[test]
fn the_date_reader_can_be_swapped() {
    let parsed =
        parse_line_with("Jane Doe call someday, not Thu", &ctx(), &Someday).expect("reads");
    let followup = parsed.followup.expect("a follow-up");
    assert_eq!(followup.date, day(2026, 11, 30));
    assert_eq!(followup.phrase, "call someday");
    assert_eq!(
        parsed.note, "not Thu",
        "English days mean nothing to this reader"
    );
    assert_eq!(
        Someday.parse("someday", ctx().now, DateOrder::MonthFirst),
        Some((day(2026, 11, 30), None))
    );
}

/// A reader that claims more words than it was given.
struct Greedy;

impl DatePhrases for Greedy {
    fn phrase_at(&self, words: &[&str], now: NaiveDateTime, _: DateOrder) -> Option<DateMatch> {
        (words.first() == Some(&"soon")).then(|| DateMatch {
            words: 1_000,
            date: now.date(),
            time: None,
            looks_back: false,
            span: None,
        })
    }
}

#[test]
fn a_reader_that_miscounts_cannot_make_the_parser_panic() {
    let parsed = parse_line_with("Jane Doe call soon", &ctx(), &Greedy).expect("reads");
    assert_eq!(
        parsed.followup.map(|f| f.phrase),
        Some("call soon".to_string())
    );
    let parsed = parse_line_with("Jane Doe soon", &ctx(), &Greedy).expect("reads");
    assert_eq!(parsed.followup.map(|f| f.phrase), Some("soon".to_string()));
}

#[test]
fn the_context_defaults() {
    assert_eq!(
        ctx().default_time,
        NaiveTime::from_hms_opt(9, 0, 0).expect("09:00")
    );
    let us = parse_region("US").expect("US");
    let gb = parse_region("GB").expect("GB");
    assert_eq!(DateOrder::for_region(us), DateOrder::MonthFirst);
    assert_eq!(DateOrder::for_region(gb), DateOrder::DayFirst);
}

#[test]
fn international_numbers_are_read_in_their_own_country() {
    // Regression: with the US as phone region, the phonenumber crate read
    // "+86 138 0013 8000" as +863800138000 (it dropped the "1").
    let parsed = read("李小龍 +86 138 0013 8000");
    assert_eq!(parsed.phones[0].normalized, "+8613800138000");
    assert_eq!(parsed.phones[0].display, "+86 138 0013 8000");
}

#[test]
fn words_are_kept_as_typed_in_the_note() {
    let parsed =
        read("Jane Doe wants  the   set,  has 1,000 followers; call Fri, likes #oils a lot");
    assert_eq!(
        parsed.note, "wants the set, has 1,000 followers; likes a lot",
        "spaces tidied, separators kept (the first of a gap), recognised parts taken out"
    );
    assert_eq!(parsed.tags, ["oils"]);
}

#[test]
fn feb_30_is_refused_as_not_a_date_not_kept_as_note_text() {
    for (line, message) in [
        (
            "Maria Lopez birthday Feb 30",
            "“Feb 30” is not a date: February has 28 days, 29 in a leap year.",
        ),
        (
            "Tom Reyes call Apr 31 at 2pm",
            "“Apr 31” is not a date: April has 30 days.",
        ),
        (
            "Tom Reyes text 2/30",
            "“2/30” is not a date: February has 28 days, 29 in a leap year.",
        ),
    ] {
        let error = parse_line(line, &ctx()).expect_err(line);
        assert_eq!(error.field(), Some("date"), "{line}");
        assert_eq!(error.to_string(), message, "{line}");
    }
    let fine = read("Maria Lopez birthday Feb 28");
    assert_eq!(fine.note, "birthday", "a real day is still read");
}

#[test]
fn a_local_number_takes_the_default_area_code_and_is_stored_whole() {
    let with_area = ParseContext {
        area_code: crate::domain::phone::AreaCode::parse("415"),
        ..ctx()
    };
    let parsed = parse_line("Jane Doe 555-0142 call Thu", &with_area).expect("reads");
    assert_eq!(parsed.phones[0].display, "555-0142", "shown as typed");
    assert_eq!(parsed.phones[0].normalized, "+14155550142", "stored valid");
    assert_eq!(parsed.phones[0].warning, None);
    assert!(
        parsed
            .preview(NaiveTime::from_hms_opt(9, 0, 0).expect("09:00"))
            .starts_with("Jane Doe · +1 415-555-0142 · call Thu"),
        "the preview shows the whole number it will dial"
    );
    let impossible = read("Tom Reyes 555-01734");
    assert_eq!(impossible.phones[0].problem, Some("not a possible number"));
    assert!(impossible.phones[0]
        .warning
        .as_deref()
        .expect("a warning")
        .starts_with("“555-01734” is not a possible phone number in US (+1)"));
}

#[test]
fn a_near_miss_channel_word_is_read_as_the_channel_and_said() {
    for (line, channel, read_as) in [
        ("Tom Reyes cal fri", Channel::Call, "“cal” read as call"),
        (
            "Tom Reyes calll tomorrow",
            Channel::Call,
            "“calll” read as call",
        ),
        ("Tom Reyes clal Thu", Channel::Call, "“clal” read as call"),
        ("Tom Reyes txet Thu", Channel::Text, "“txet” read as text"),
        (
            "Tom Reyes emial Thu",
            Channel::Email,
            "“emial” read as email",
        ),
        (
            "Tom Reyes mesage Thu",
            Channel::Message,
            "“mesage” read as message",
        ),
    ] {
        let followup = read(line).followup.expect(line);
        assert_eq!(followup.channel, channel, "{line}");
        assert_eq!(followup.read_as.as_deref(), Some(read_as), "{line}");
    }
    let txt = read("Tom Reyes txt Fri").followup.expect("txt");
    assert_eq!(
        (txt.channel, txt.read_as),
        (Channel::Text, None),
        "txt is a word of its own"
    );
    let preview = read("Tom Reyes cal fri").preview(DEFAULT_TIME);
    assert!(
        preview.ends_with("call Fri 27 Nov, 09:00 (“cal” read as call)"),
        "{preview}"
    );
    for line in [
        "Ann Lee meet at the mall Fri",
        "Ann Lee fall Fri",
        "Ann Lee tell Fri",
        "Ann Lee met Sat",
        "Ann Lee all Fri",
    ] {
        let parsed = read(line);
        assert_eq!(
            parsed.followup.as_ref().and_then(|f| f.read_as.clone()),
            None,
            "{line}: a real word is not a typo"
        );
    }
}

#[test]
fn a_stretch_of_days_in_a_line_says_which_day_was_chosen() {
    let preview = read("Ann Lee call in January").preview(DEFAULT_TIME);
    assert!(
        preview.ends_with("call Fri 1 Jan, 09:00 (“in January” names no day: Tend chose the 1st)"),
        "{preview}"
    );
    let week = read("Ann Lee next week").followup.expect("a follow-up");
    assert_eq!(
        week.chosen.as_deref(),
        Some("“next week” names no day: Tend chose its Monday")
    );
    assert_eq!(read("Ann Lee call Thu").followup.expect("thu").chosen, None);
}

#[test]
fn a_plan_with_no_day_to_choose_is_asked_about_and_kept_in_the_note() {
    let parsed = read("Ann Lee call after the holidays, loves oils");
    assert_eq!(parsed.followup, None, "no day is made up");
    assert_eq!(
        parsed.note, "call after the holidays, loves oils",
        "nothing typed is lost"
    );
    let question = parsed.vague.as_deref().expect("asked");
    assert!(
        question.starts_with("“after the holidays” could be many days. Which day do you mean?"),
        "{question}"
    );
    assert!(parsed.preview(DEFAULT_TIME).ends_with(question));
    assert_eq!(
        read("Ann Lee loves summer scents").vague,
        None,
        "a note, not a plan"
    );
    assert_eq!(read("Ann Lee call Thu").vague, None);
}

#[test]
fn via_ref_and_referred_by_name_who_sent_them() {
    for (line, name, phrase, note) in [
        (
            "Maria Lopez via Sara wants oils",
            "Sara",
            "via Sara",
            "wants oils",
        ),
        (
            "Maria ref Sara Jones, call Thu",
            "Sara Jones",
            "ref Sara Jones",
            "",
        ),
        ("Maria referred by Sara", "Sara", "referred by Sara", ""),
        ("Maria ref: Ana", "Ana", "ref: Ana", ""),
    ] {
        let parsed = read(line);
        let referrer = parsed.referrer.as_ref().expect(line);
        assert_eq!(
            (
                referrer.name.as_str(),
                referrer.phrase.as_str(),
                parsed.note.as_str()
            ),
            (name, phrase, note),
            "{line}"
        );
        assert_eq!(parsed.name.split(' ').next(), Some("Maria"));
    }
    let by_email = read("Maria Lopez heard of us via email");
    assert_eq!(by_email.referrer, None, "a lowercase word is no one");
    assert_eq!(by_email.note, "heard of us via email");
    assert_eq!(
        read("Via Lopez").name,
        "Via Lopez",
        "the first word is the name's"
    );
    assert_eq!(
        read("Maria via Sara").preview(DEFAULT_TIME),
        "Maria · via Sara"
    );
}
