//! Bugs found while moving each rule to its one home; each test failed before.

use crate::support::{draft, fixture, fixture_at, full_draft, listed_names};
use chrono::Duration;
use chrono_tz::America::New_York;
use tend::domain::decision::DecisionDraft;
use tend::domain::touch::TouchDraft;

fn touch(contact_id: i64, when: &str, note: &str) -> TouchDraft {
    TouchDraft {
        contact_id,
        channel: "call".into(),
        note: note.into(),
        when: when.into(),
        ..TouchDraft::default()
    }
}

#[test]
fn a_back_dated_touch_on_a_busy_contact_is_logged_and_returned() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    for i in 0..55 {
        f.tend
            .log_touch(&touch(jane.id, "", &format!("recent {i}")))
            .expect("a recent touch");
    }
    // Last week's call, remembered now: older than the 55 above.
    let logged = f
        .tend
        .log_touch(&touch(jane.id, "2026-11-16T10:00", "last week's call"))
        .expect("a back-dated touch is logged");
    assert_eq!(logged.touch.note, "last week's call");
    assert_eq!(logged.count, 56);
    let contact = f.tend.contact(jane.id).expect("contact");
    assert_eq!(contact.id, jane.id);
}

#[test]
fn a_decision_returns_the_decision_it_recorded_even_if_the_clock_moved_back() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let decide = |kind: &str| {
        f.tend
            .record_decision(&DecisionDraft {
                contact_id: jane.id,
                kind: kind.into(),
                ..DecisionDraft::default()
            })
            .expect("decided")
    };
    let first = decide("interested");
    f.clock.advance(-Duration::hours(2)); // the laptop's clock was corrected
    let second = decide("thinking");
    assert_ne!(second.decision.id, first.decision.id);
    assert_eq!(second.decision.kind.key(), "thinking");
}

#[test]
fn only_a_missing_contact_is_reported_as_missing() {
    let f = fixture();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    // Any other constraint failure (here a trigger's ABORT, as a CHECK or UNIQUE
    // would be) is a storage error, said in her words, not SQLite's.
    f.tend
        .store()
        .write(|tx| {
            tx.execute_batch(
                "CREATE TRIGGER refuse_touches BEFORE INSERT ON touches
                 BEGIN SELECT RAISE(ABORT, 'touches are refused today'); END;",
            )?;
            Ok(())
        })
        .expect("trigger");
    let err = f
        .tend
        .log_touch(&touch(jane.id, "", "hello"))
        .expect_err("refused");
    assert_eq!(err.kind(), "storage", "{err}");
    assert_eq!(
        err.to_string(),
        "Tend could not read or write its data. Nothing was changed; try again."
    );
    let gone = f
        .tend
        .log_touch(&touch(999, "", "hello"))
        .expect_err("no such contact");
    assert_eq!(gone.kind(), "not_found");
}

#[test]
fn search_matches_percent_and_underscore_literally() {
    let f = fixture();
    for name in ["Tan Lee Zeta", "Tan_Lee"] {
        f.tend
            .create_contact(&full_draft(name, "", "", "", &[]))
            .expect("contact");
    }
    assert_eq!(
        listed_names(&f.tend, "Tan_Lee", false)
            .first()
            .map(String::as_str),
        Some("Tan_Lee"),
        "the exact name first: _ is not a space"
    );
}

#[test]
fn an_unknown_key_in_the_file_is_an_error_not_a_default() {
    let f = fixture();
    // Written by a newer Tend, or damaged: a channel this version does not know.
    f.tend
        .store()
        .write(|tx| {
            tx.execute("UPDATE cadence_steps SET channel = 'carrier_pigeon' WHERE id = (SELECT min(id) FROM cadence_steps)", [])?;
            Ok(())
        })
        .expect("damaged");
    let err = f
        .tend
        .cadences()
        .expect_err("not read as some other channel");
    assert!(err.to_string().contains("carrier_pigeon"), "{err}");
}

#[test]
fn a_single_key_is_never_kept_as_the_quick_add_shortcut() {
    let f = fixture();
    for keys in ["A", "Shift+A", "F5", ""] {
        let err = f
            .tend
            .save_quick_add_shortcut(keys)
            .expect_err("would swallow typing");
        assert_eq!(err.field(), Some("shortcut"), "{keys:?}");
    }
    assert_eq!(f.tend.quick_add_shortcut().expect("read"), None);
    f.tend
        .save_quick_add_shortcut(" Super+Shift+Q ")
        .expect("a real combination");
    assert_eq!(
        f.tend.quick_add_shortcut().expect("read").as_deref(),
        Some("Super+Shift+Q")
    );
    let err = f.tend.save_quick_add_shortcut("a").expect_err("refused");
    assert!(err.to_string().contains("would swallow typing"), "{err}");
    assert_eq!(
        f.tend.quick_add_shortcut().expect("read").as_deref(),
        Some("Super+Shift+Q"),
        "a refusal keeps the one she had"
    );
}
