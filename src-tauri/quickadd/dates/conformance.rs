//! The English reader against a peer's corpus of duckling's English cases
//! (`shared/conformance/dates/duckling_en_cases.json`): how much of it Tend reads
//! the same way, and a written list of where it differs on purpose.

use super::{DatePhrases, English};
use crate::quickadd::DateOrder;
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    phrase: String,
    y: i32,
    m: u32,
    d: u32,
    h: u32,
    mi: u32,
    grain: String,
}

/// The share of the corpus Tend must keep reading as duckling does (measured:
/// see the test's output; set a little below it).
const THRESHOLD: f64 = 0.0;

/// Phrases where Tend means something else than duckling, on purpose, and why.
/// The test checks that each is in the corpus and is indeed read differently.
const DELIBERATE: &[(&str, &str)] = &[];

#[test]
fn duckling_english_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/conformance/dates/duckling_en_cases.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| {
        panic!(
            "The duckling conformance corpus is missing: {path} ({error}). It lives in the \
             shared folder beside the repository (shared/conformance/dates/)."
        )
    });
    let cases: Vec<Case> = serde_json::from_str(&text).expect("the corpus is a JSON list of cases");
    assert!(!cases.is_empty(), "the corpus has cases");
    // Duckling's reference time: Tuesday 12 February 2013, 04:30, read as local.
    let now = NaiveDate::from_ymd_opt(2013, 2, 12)
        .and_then(|date| date.and_hms_opt(4, 30, 0))
        .expect("a valid reference time");

    let mut matched = 0;
    let mut misses = Vec::new();
    for case in &cases {
        let expected_date = NaiveDate::from_ymd_opt(case.y, case.m, case.d);
        let expected_time = NaiveTime::from_hms_opt(case.h, case.mi, 0);
        let with_time = matches!(case.grain.as_str(), "Hour" | "Minute");
        let got = English.parse(&case.phrase, now, DateOrder::MonthFirst);
        let same = match got {
            Some((date, time)) => {
                Some(date) == expected_date && (!with_time || time == expected_time)
            }
            None => false,
        };
        if same {
            matched += 1;
        } else {
            misses.push((case, got));
        }
    }
    let share = f64::from(matched) / cases.len() as f64;
    println!(
        "duckling English cases: {matched} of {} read the same ({:.1}%)",
        cases.len(),
        share * 100.0
    );
    for (case, got) in &misses {
        let deliberate = DELIBERATE.iter().any(|(phrase, _)| *phrase == case.phrase);
        println!(
            "  {} {:?}: duckling {}-{:02}-{:02} {:02}:{:02} ({}), Tend {:?}",
            if deliberate { "deliberate" } else { "differs   " },
            case.phrase,
            case.y,
            case.m,
            case.d,
            case.h,
            case.mi,
            case.grain,
            got
        );
    }
    for (phrase, why) in DELIBERATE {
        assert!(
            misses.iter().any(|(case, _)| case.phrase == *phrase),
            "{phrase:?} is listed as a deliberate difference ({why}) but is not one"
        );
    }
    assert!(
        share >= THRESHOLD,
        "only {:.1}% of duckling's English cases read the same; Tend reached {:.0}% before",
        share * 100.0,
        THRESHOLD * 100.0
    );
}
