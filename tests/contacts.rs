//! Contacts through the public API, on a real file.

use crate::support::{draft, fixture, full_draft, listed_names as names};
use tend::domain::stage::Stage;

#[test]
fn a_created_contact_is_stored_normalised_and_survives_a_restart() {
    let f = fixture();
    let created = f
        .tend
        .create_contact(&full_draft(
            "Jane Doe",
            "(415) 555-0142",
            "jane@example.com",
            "wants the lavender set",
            &["oils", "#Party"],
        ))
        .expect("created");
    assert_eq!(
        created.phone.as_deref(),
        Some("(415) 555-0142"),
        "display keeps what was typed"
    );
    assert_eq!(created.phone_e164.as_deref(), Some("+14155550142"));
    assert_eq!(created.tags, vec!["oils", "party"]);
    assert_eq!(
        created.created_at, "2026-11-23T09:00:00Z",
        "instants are stored in UTC"
    );

    let f = f.reopen();
    assert_eq!(f.tend.contact(created.id).expect("still there"), created);
}

#[test]
fn editing_changes_every_field_and_the_update_time() {
    let f = fixture();
    let jane = f.tend.create_contact(&draft("Jane")).expect("created");
    f.clock.advance(chrono::Duration::minutes(5));
    let mut edit = full_draft(
        "Jane Doe",
        "+44 20 7946 0958",
        "jd@example.org",
        "met at Sara's",
        &["uk"],
    );
    edit.stage = "partner".into();
    let edited = f.tend.update_contact(jane.id, &edit).expect("updated");
    assert_eq!(edited.name, "Jane Doe");
    assert_eq!(edited.stage, Stage::Partner);
    assert_eq!(edited.phone_e164.as_deref(), Some("+442079460958"));
    assert_eq!(edited.email.as_deref(), Some("jd@example.org"));
    assert_eq!(edited.tags, vec!["uk"]);
    assert_eq!(edited.updated_at, "2026-11-23T09:05:00Z");
    assert_eq!(edited.created_at, jane.created_at);

    // Clearing phone and email removes them.
    let cleared = f
        .tend
        .update_contact(jane.id, &draft("Jane Doe"))
        .expect("updated");
    assert_eq!((cleared.phone, cleared.email), (None, None));
    assert!(cleared.tags.is_empty());
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let f = fixture();
    let jane = f
        .tend
        .create_contact(&full_draft(
            "Jane",
            "555-0142",
            "jane@example.com",
            "",
            &["oils"],
        ))
        .expect("created");
    let before = f.dump();

    let long_name = "x".repeat(10_000);
    let cases = [
        (draft(""), "name"),
        (draft(&long_name), "name"),
        (full_draft("Bob", "", "bob@", "", &[]), "email"),
        (full_draft("Bob", "call me maybe", "", "", &[]), "phone"),
    ];
    for (bad, field) in &cases {
        let err = f.tend.create_contact(bad).expect_err("refused");
        assert_eq!(err.field(), Some(*field), "{err}");
        assert_eq!(err.kind(), "invalid");
        let err = f.tend.update_contact(jane.id, bad).expect_err("refused");
        assert_eq!(err.field(), Some(*field));
    }
    assert_eq!(
        f.dump(),
        before,
        "a refused change must leave every table as it was"
    );
}

#[test]
fn a_write_that_fails_halfway_rolls_back_completely() {
    let f = fixture();
    let before = f.dump();
    let result: tend::Result<()> = f.tend.store().write(|tx| {
        tx.execute(
            "INSERT INTO contacts (name, stage, created_at, updated_at) VALUES ('Half', 'lead', 'x', 'x')",
            [],
        )?;
        // A second statement fails (unknown stage violates the foreign key).
        tx.execute(
            "INSERT INTO contacts (name, stage, created_at, updated_at) VALUES ('Bad', 'vip', 'x', 'x')",
            [],
        )?;
        Ok(())
    });
    assert!(result.is_err());
    assert_eq!(f.dump(), before);
}

#[test]
fn archiving_hides_from_the_list_but_keeps_the_contact() {
    let f = fixture();
    let jane = f.tend.create_contact(&draft("Jane")).expect("created");
    f.tend.create_contact(&draft("Bob")).expect("created");
    let archived = f.tend.set_archived(jane.id, true).expect("archived");
    assert!(archived.archived);
    assert_eq!(names(&f.tend, "", false), vec!["Bob"]);
    assert_eq!(names(&f.tend, "", true), vec!["Bob", "Jane"]);
    assert!(
        names(&f.tend, "jan", false).is_empty(),
        "search hides archived too"
    );
    assert_eq!(names(&f.tend, "jan", true), vec!["Jane"]);
    f.tend.set_archived(jane.id, false).expect("restored");
    assert_eq!(names(&f.tend, "", false), vec!["Bob", "Jane"]);
}

#[test]
fn deleting_removes_the_contact_and_its_search_entry() {
    let f = fixture();
    let jane = f
        .tend
        .create_contact(&full_draft("Jane", "555-0142", "", "", &["oils"]))
        .expect("created");
    f.tend.delete_contact(jane.id).expect("deleted");
    assert_eq!(
        f.tend.contact(jane.id).expect_err("gone").kind(),
        "not_found"
    );
    assert!(names(&f.tend, "jane", true).is_empty());
    assert!(names(&f.tend, "0142", true).is_empty());
    let leftovers: i64 = f
        .tend
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM contact_methods) + (SELECT count(*) FROM contact_tags)",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(leftovers, 0, "phones and tags go with the contact");
    assert_eq!(
        f.tend.delete_contact(jane.id).expect_err("twice").kind(),
        "not_found"
    );
}

#[test]
fn the_phone_region_setting_is_validated_and_used() {
    let f = fixture();
    assert_eq!(f.tend.settings().expect("settings").phone_region, "US");
    assert!(f.tend.set_setting("phoneRegion", "XX").is_err());
    assert!(f.tend.set_setting("colour", "blue").is_err());
    f.tend.set_setting("phoneRegion", "de").expect("saved");
    let hans = f
        .tend
        .create_contact(&full_draft("Hans", "030 901820", "", "", &[]))
        .expect("created");
    assert_eq!(hans.phone_e164.as_deref(), Some("+4930901820"));
    let f = f.reopen();
    assert_eq!(f.tend.settings().expect("settings").phone_region, "DE");
}

#[test]
fn an_impossible_phone_is_refused_with_why_and_kept_only_when_she_says_so() {
    let f = fixture();
    let strict = |phone: &str| tend::domain::contact::ContactDraft {
        keep_phone_as_typed: false,
        ..full_draft("Tom Reyes", phone, "", "", &[])
    };
    let err = f
        .tend
        .create_contact(&strict("555-01734"))
        .expect_err("impossible");
    assert_eq!(err.field(), Some("phone"));
    assert_eq!(
        err.to_string(),
        "“555-01734” is not a possible phone number in US (+1): it has 8 digits, and numbers there have 10. Check it, or keep it as typed."
    );
    assert!(names(&f.tend, "", false).is_empty(), "nothing saved");
    let kept = f
        .tend
        .create_contact(&tend::domain::contact::ContactDraft {
            keep_phone_as_typed: true,
            ..strict("555-01734")
        })
        .expect("kept as typed");
    assert_eq!(kept.phone.as_deref(), Some("555-01734"), "shown as typed");
    assert_eq!(
        kept.phone_e164, None,
        "no E.164 for a number that is not one"
    );
    let stored: String = f
        .tend
        .store()
        .read(|c| Ok(c.query_row("SELECT normalized FROM contact_methods", [], |r| r.get(0))?))
        .expect("row");
    assert_eq!(stored, "55501734", "its digits, never a made-up +1…");
}

#[test]
fn a_local_number_takes_the_default_area_code_or_is_asked_about() {
    let f = fixture();
    let strict = |name: &str| tend::domain::contact::ContactDraft {
        keep_phone_as_typed: false,
        ..full_draft(name, "555-0142", "", "", &[])
    };
    let asked = f
        .tend
        .create_contact(&strict("Jane Doe"))
        .expect_err("no area code");
    assert!(
        asked
            .to_string()
            .starts_with("“555-0142” has no area code."),
        "{asked}"
    );
    assert!(f.tend.set_setting("defaultAreaCode", "4l5").is_err());
    f.tend
        .set_setting("defaultAreaCode", "(415)")
        .expect("saved");
    assert_eq!(
        f.tend.settings().expect("settings").default_area_code,
        "415"
    );
    let jane = f
        .tend
        .create_contact(&strict("Jane Doe"))
        .expect("completed");
    assert_eq!(
        jane.phone.as_deref(),
        Some("555-0142"),
        "shown as she typed it"
    );
    assert_eq!(
        jane.phone_e164.as_deref(),
        Some("+14155550142"),
        "stored whole"
    );
    f.tend.set_setting("defaultAreaCode", "").expect("cleared");
    assert_eq!(f.tend.settings().expect("settings").default_area_code, "");
}

#[test]
fn a_name_that_impersonates_is_cleaned_and_the_save_says_so() {
    let f = fixture();
    let jane = f.tend.create_contact(&draft("Jane Doe")).expect("created");
    assert_eq!(jane.notice, None, "a clean name has nothing to say");
    // Looks like "Jane Doe" on screen: a zero-width space and a bidi isolate.
    let fake = f
        .tend
        .create_contact(&draft("Ja\u{200B}ne\u{2066} Doe\u{2069}"))
        .expect("created");
    assert_eq!(fake.name, "Jane Doe", "the same name, visibly");
    assert_eq!(
        fake.notice.as_deref(),
        Some("Removed 3 invisible characters from the name.")
    );
    assert_eq!(
        f.tend.contact(fake.id).expect("stored").name,
        "Jane Doe",
        "stored clean"
    );
    assert_eq!(
        f.tend.contact(fake.id).expect("stored").notice,
        None,
        "the notice is for the save, not stored"
    );
    let edited = f
        .tend
        .update_contact(fake.id, &draft("\u{202E}Jane Doe2"))
        .expect("updated");
    assert_eq!(edited.name, "Jane Doe2");
    assert_eq!(
        edited.notice.as_deref(),
        Some("Removed 1 invisible character from the name.")
    );
    let json = serde_json::to_value(&jane).expect("json");
    assert!(json.get("notice").is_none(), "absent for the existing UI");
}

#[test]
fn names_in_scripts_that_need_joiners_are_stored_as_typed() {
    let f = fixture();
    for name in [
        "\u{0645}\u{062D}\u{0645}\u{062F} \u{0639}\u{0644}\u{064A}",
        "\u{05D3}\u{05D5}\u{05D3} \u{05DC}\u{05D5}\u{05D9}",
        "\u{0639}\u{0644}\u{06CC}\u{200C}\u{0631}\u{0636}\u{0627}",
        "\u{0915}\u{094D}\u{200D}\u{0937}\u{093E}",
        "Sam \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    ] {
        let saved = f.tend.create_contact(&draft(name)).expect("created");
        assert_eq!(saved.name, name);
        assert_eq!(saved.notice, None);
        assert_eq!(f.tend.contact(saved.id).expect("stored").name, name);
    }
}

#[test]
fn quick_add_cleans_a_name_the_same_way() {
    let f = fixture();
    let added = f
        .tend
        .quick_add(
            "Ja\u{200B}ne Doe 555-0142",
            &tend::quickadd::Batch::default(),
            None,
        )
        .expect("added");
    assert_eq!(added.contact.name, "Jane Doe");
}
