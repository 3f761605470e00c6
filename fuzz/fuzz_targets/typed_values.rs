//! Fuzzes what she types into a single field: every setting's value
//! (`domain::settings::parse`), a Quick add shortcut (`domain::shortcut::check`),
//! and a contact's name, phone and email (`ContactDraft::validate`, which cleans
//! invisible characters). None may panic, and a message never repeats a long
//! value whole.
//!
//! The first byte picks the field; the rest, if UTF-8, is what was typed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tend::domain::contact::ContactDraft;
use tend::domain::phone::parse_region;
use tend::domain::{settings, shortcut};

const SETTINGS: [&str; 9] = [
    "phoneRegion",
    "defaultTime",
    "closeToTray",
    "digestTime",
    "keepInTouch.lead",
    "keepInTouch.customer",
    "keepInTouch.nope",
    "csvMapping.x",
    "",
];

fuzz_target!(|data: &[u8]| {
    tend_fuzz::roomy_phone_cache();
    let Some((&knob, rest)) = data.split_first() else {
        return;
    };
    let Ok(typed) = std::str::from_utf8(rest) else {
        return;
    };
    let message = match knob % 12 {
        n @ 0..=8 => settings::parse(SETTINGS[usize::from(n)], typed).err(),
        9 => shortcut::check(typed).err(),
        10 => settings::parse(typed, "on").err(),
        _ => {
            let Some(region) = parse_region("US") else {
                return;
            };
            let draft = ContactDraft {
                name: typed.to_string(),
                phone: typed.to_string(),
                email: typed.to_string(),
                stage: "lead".into(),
                ..ContactDraft::default()
            };
            draft.validate(region).err()
        }
    };
    if let Some(err) = message {
        assert!(
            err.to_string().chars().count() < 400,
            "a message repeats a long value: {} chars",
            err.to_string().chars().count()
        );
    }
});
