//! Fuzzes the quick-add line parser (`tend::quickadd::parse_line`): no input,
//! in any date order, phone region or "now", may make it panic, and whatever
//! it reads must preview.
//!
//! Run with `make fuzz` (every target, stable toolchain, seeded from
//! tests/fixtures, with `fuzz/dicts/parse_line.dict`).
//!
//! The first byte of an input chooses the context (date order, region, day);
//! the rest, if it is UTF-8, is the line. A crash leaves its input in
//! `fuzz/artifacts/parse_line/`; replay it with `RUSTC_BOOTSTRAP=1 cargo fuzz
//! run --sanitizer none parse_line fuzz/artifacts/parse_line/<file>`, then
//! keep the line as a regression test in `src-tauri/quickadd/tests.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tend::domain::phone::parse_region;
use tend::quickadd::{parse_line, DateOrder, ParseContext};

const REGIONS: [&str; 8] = ["US", "GB", "DE", "FR", "IN", "CN", "BR", "JP"];

fuzz_target!(|data: &[u8]| {
    tend_fuzz::roomy_phone_cache();
    let Some((&knobs, rest)) = data.split_first() else {
        return;
    };
    let Ok(line) = std::str::from_utf8(rest) else {
        return;
    };
    let order = if knobs & 1 == 0 {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    };
    let Some(region) = parse_region(REGIONS[usize::from(knobs >> 1) % REGIONS.len()]) else {
        return;
    };
    // Sixteen "nows" around a year, at different times of day, across month ends.
    let Some(now) = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|date| date.checked_add_days(chrono::Days::new(u64::from(knobs >> 4) * 23)))
        .and_then(|date| date.and_hms_opt(u32::from(knobs >> 4), 30, 0))
    else {
        return;
    };
    let ctx = ParseContext::new(now, order, region);
    if let Ok(parsed) = parse_line(line, &ctx) {
        let _ = parsed.preview_on(ctx.default_time, now.date(), chrono_tz::America::New_York);
    }
});
