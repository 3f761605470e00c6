//! Property tests of the line parser: whatever is typed, it never panics, and
//! every word typed comes back somewhere (name, phones, emails, tags, stage,
//! follow-up phrase or note).

use super::*;
use crate::domain::phone::parse_region;
use chrono::NaiveDate;
use proptest::prelude::*;

/// Words that reach deep into the parser: names, particles, dates, times,
/// phones, emails, tags, stages, channels, separators and quotes.
const PIECES: &[&str] = &[
    "Jane",
    "Doe",
    "via",
    "ref",
    "referred",
    "by",
    "O'Brien",
    "de",
    "la",
    "Cruz",
    "van",
    "der",
    "李小龍",
    "Zoë",
    "Ólafur",
    "jane",
    "J.",
    "Dr.",
    "Thu",
    "thu",
    "Sun",
    "Fri",
    "next",
    "this",
    "last",
    "Tue",
    "tomorrow",
    "today",
    "tonight",
    "yesterday",
    "at",
    "@",
    "on",
    "in",
    "the",
    "a",
    "3",
    "12",
    "3rd",
    "15th",
    "days",
    "weeks",
    "months",
    "ago",
    "3d",
    "2w",
    "3m",
    "Dec",
    "March",
    "May",
    "12/3",
    "2/30",
    "13/13",
    "2026-12-03",
    "2pm",
    "2:30pm",
    "14:00",
    "15h30",
    "noon",
    "midnight",
    "morning",
    "evening",
    "quarter",
    "past",
    "to",
    "half",
    "o'clock",
    "am",
    "p.m.",
    "555-0142",
    "(415)",
    "+44",
    "20",
    "7946",
    "0958",
    "+86",
    "138",
    "0013",
    "8000",
    "jane@example.com",
    "<a@b.co>",
    "@x",
    "#oils",
    "#",
    "#a#b",
    "customer",
    "Customer",
    "new",
    "team",
    "member",
    "lead",
    "partner",
    "stage:customer",
    "stage:",
    "call",
    "text",
    "email",
    "meet",
    "follow",
    "up",
    "her",
    "back",
    "met",
    "bought",
    ",",
    ";",
    "，",
    "\"",
    "“",
    "”",
    "met Sat",
    "wants",
    "oils",
    ".",
    "!",
    "…",
    "\u{a0}",
    "\t",
    "0",
    "99999999999999999999",
    "9999",
    "+",
    "(",
    ")",
    "-",
    "—",
];

fn context(order: bool, days: i64, minutes: i64, region: &str) -> ParseContext {
    let base = NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .expect("a valid base time");
    let now = base + chrono::TimeDelta::days(days) + chrono::TimeDelta::minutes(minutes);
    let order = if order {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    };
    ParseContext::new(now, order, parse_region(region).expect("a region"))
}

fn regions() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "US", "GB", "DE", "FR", "IN", "CN", "BR", "JP", "AU", "ZA",
    ])
}

/// Lines made of the pieces above, joined by spaces or nothing.
fn piece_lines() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(PIECES.to_vec()), prop::bool::ANY),
        0..40,
    )
    .prop_map(|pieces| {
        let mut line = String::new();
        for (piece, space) in pieces {
            line.push_str(piece);
            if space {
                line.push(' ');
            }
        }
        line
    })
}

/// Every alphanumeric run of every word typed must appear in what was read.
fn assert_nothing_lost(line: &str, parsed: &ParsedLine) -> Result<(), TestCaseError> {
    let mut found = String::with_capacity(line.len() * 2);
    found.push_str(&parsed.name);
    for phone in &parsed.phones {
        found.push(' ');
        found.push_str(&phone.display);
    }
    for email in parsed.emails.iter().chain(&parsed.tags) {
        found.push(' ');
        found.push_str(email);
    }
    if let Some(followup) = &parsed.followup {
        found.push(' ');
        found.push_str(&followup.phrase);
    }
    if let Some(referrer) = &parsed.referrer {
        found.push(' ');
        found.push_str(&referrer.phrase);
    }
    found.push(' ');
    found.push_str(&parsed.note);
    // A stage is kept as its key; the words that said it are its key or label.
    let stage_words = parsed
        .stage
        .map(|stage| format!("stage {} {}", stage.key(), stage.label()).to_ascii_lowercase());
    for word in line.split_whitespace() {
        for run in word
            .split(|c: char| !c.is_alphanumeric())
            .filter(|run| !run.is_empty())
        {
            let in_stage = stage_words
                .as_ref()
                .is_some_and(|words| words.contains(&run.to_ascii_lowercase()));
            prop_assert!(
                found.contains(run) || in_stage,
                "{run:?} of {word:?} was lost: {parsed:?}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_never_panics_and_loses_nothing(
        line in "\\PC{0,200}",
        order in prop::bool::ANY,
        days in -40_000i64..40_000,
        minutes in 0i64..1440,
        region in regions(),
    ) {
        let ctx = context(order, days, minutes, region);
        if let Ok(parsed) = parse_line(&line, &ctx) {
            assert_nothing_lost(&line, &parsed)?;
            let _ = parsed.preview(ctx.default_time);
        }
    }

    #[test]
    fn lines_of_tricky_words_never_panic_and_lose_nothing(
        line in piece_lines(),
        order in prop::bool::ANY,
        days in -3i64..3,
        minutes in 0i64..1440,
        region in regions(),
    ) {
        let ctx = context(order, days, minutes, region);
        match parse_line(&line, &ctx) {
            Ok(parsed) => {
                assert_nothing_lost(&line, &parsed)?;
                prop_assert!(!parsed.name.is_empty(), "a read line has a name");
                let _ = parsed.preview_on(ctx.default_time, ctx.now.date(), chrono_tz::America::New_York);
                let _ = serde_json::to_string(&parsed);
            }
            Err(error) => {
                prop_assert!(matches!(error.field(), Some("line" | "date")), "{error:?}");
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Very long lines (about 10,000 characters) are read, in linear time.
    #[test]
    fn very_long_lines_never_panic(
        pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 1500..2500),
        noise in "\\PC{0,2000}",
    ) {
        let line = format!("Jane Doe {} {noise}", pieces.join(" "));
        let ctx = context(true, 0, 600, "US");
        if let Ok(parsed) = parse_line(&line, &ctx) {
            assert_nothing_lost(&line, &parsed)?;
        }
    }
}

#[test]
fn nothing_is_lost_from_the_issue_example() {
    let ctx = context(true, 0, 600, "US");
    let line = "Jane Doe 555-0142 wants the lavender set, call Thu";
    let parsed = parse_line(line, &ctx).expect("the example reads");
    assert_nothing_lost(line, &parsed).expect("nothing lost");
}
