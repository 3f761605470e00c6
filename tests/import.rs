//! Importing contacts through `Tend` into a real file: new, merged, unchanged;
//! all or nothing; cancel writes nothing; the same file twice adds nothing.

use crate::support::{fixture, full_draft, listed_names};
use tend::api::{ImportChoices, Rows};
use tend::interchange::{Birthday, Format, ImportedContact, Problem, ReadFile};

fn card(name: &str, phones: &[&str], emails: &[&str], note: &str) -> ImportedContact {
    ImportedContact {
        name: name.into(),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        emails: emails.iter().map(|e| e.to_string()).collect(),
        note: note.into(),
        place: format!("card of {name}"),
        ..ImportedContact::default()
    }
}

fn file(contacts: Vec<ImportedContact>) -> ReadFile {
    ReadFile {
        format: Format::Vcard,
        encoding: "UTF-8".into(),
        layout: None,
        needs_mapping: None,
        contacts,
        problems: vec![Problem {
            place: "card 4 (line 30)".into(),
            what: "the card ends before END:VCARD".into(),
        }],
    }
}

fn phone_book() -> ReadFile {
    let mut maria = card("María José Núñez", &["+34 612 345 678"], &[], "");
    maria.birthday = Some(Birthday::NoYear { month: 4, day: 15 });
    maria.org = Some("Velas del Sur".into());
    maria.uid = Some("urn:uuid:6f1c0c2e-5d0b-4c1e-9a57-1d7c1b1b1b1b".into());
    maria.tags = vec!["Candles".into()];
    file(vec![
        card(
            "Jane D.",
            &["(415) 555-0142", "415-555-0199"],
            &["jane@work.example"],
            "loves citrus",
        ),
        maria,
        card("Carl Weber", &[], &[], ""),
    ])
}

fn import_all(f: &crate::support::Fixture, read: &ReadFile) -> tend::api::ImportSummary {
    f.tend
        .import("phone.vcf", read, &ImportChoices::default(), &mut |_, _| {
            true
        })
        .expect("imported")
}

#[test]
fn the_preview_says_what_will_happen_and_writes_nothing() {
    let f = fixture();
    f.tend
        .create_contact(&full_draft(
            "Jane Doe",
            "415 555 0142",
            "jane@example.com",
            "wants the lavender set",
            &["oils"],
        ))
        .expect("jane");
    let before = f.dump();
    let preview = f
        .tend
        .preview_import("phone.vcf", &phone_book(), Rows::First)
        .expect("preview");
    assert_eq!((preview.new, preview.merged, preview.unchanged), (2, 1, 0));
    assert_eq!(
        preview.summary,
        "2 new, 1 already in Tend (will be merged), 1 cannot be read"
    );
    assert_eq!(preview.problems[0].place, "card 4 (line 30)");
    let jane = &preview.rows[0];
    assert_eq!(
        (jane.outcome, jane.into.as_deref()),
        ("merge", Some("Jane Doe"))
    );
    assert_eq!(f.dump(), before, "a preview writes nothing");
}

#[test]
fn merging_keeps_every_phone_email_note_and_tag_and_a_second_import_adds_nothing() {
    let f = fixture();
    let jane = f
        .tend
        .create_contact(&full_draft(
            "Jane Doe",
            "415 555 0142",
            "jane@example.com",
            "wants the lavender set",
            &["oils"],
        ))
        .expect("jane");
    let summary = import_all(&f, &phone_book());
    assert_eq!(
        (
            summary.new,
            summary.merged,
            summary.unchanged,
            summary.problems
        ),
        (2, 1, 0, 1)
    );

    let merged = f.tend.contact(jane.id).expect("jane");
    assert_eq!(merged.name, "Jane Doe", "her name in Tend stays");
    assert!(
        merged.notes.contains("wants the lavender set") && merged.notes.contains("loves citrus")
    );
    assert_eq!(merged.tags, ["oils"]);
    assert_eq!(
        listed_names(&f.tend, "555 0199", false),
        ["Jane Doe"],
        "the new phone is searchable"
    );
    assert_eq!(listed_names(&f.tend, "jane@work", false), ["Jane Doe"]);

    let maria_id = f
        .tend
        .list_contacts(&tend::domain::contact::ContactQuery {
            query: "Núñez".into(),
            ..Default::default()
        })
        .expect("search")
        .items[0]
        .id;
    let maria = f.tend.contact(maria_id).expect("maría");
    assert_eq!(maria.birthday.as_deref(), Some("--04-15"));
    assert_eq!(maria.org, "Velas del Sur");
    assert_eq!(
        maria.uid, "urn:uuid:6f1c0c2e-5d0b-4c1e-9a57-1d7c1b1b1b1b",
        "the card's UID is kept"
    );
    assert_eq!(maria.tags, ["candles"]);

    let after_first = f.dump();
    let again = import_all(&f, &phone_book());
    assert_eq!((again.new, again.merged, again.unchanged), (0, 0, 3));
    assert_eq!(f.dump(), after_first, "the same file twice adds nothing");
}

#[test]
fn cancelling_or_failing_halfway_writes_nothing() {
    let f = fixture();
    let before = f.dump();
    let many = file(
        (0..450)
            .map(|i| {
                card(
                    &format!("Guest {i}"),
                    &[&format!("555-{:04}", 1000 + i)],
                    &[],
                    "",
                )
            })
            .collect(),
    );
    let mut seen = Vec::new();
    let err = f
        .tend
        .import(
            "big.vcf",
            &many,
            &ImportChoices::default(),
            &mut |done, total| {
                seen.push((done, total));
                done < 300
            },
        )
        .expect_err("cancelled");
    assert_eq!(err.kind(), "cancelled");
    assert!(
        seen.iter()
            .any(|&(done, total)| done >= 300 && total == 450),
        "{seen:?}"
    );
    assert_eq!(f.dump(), before, "cancel = nothing written");

    f.tend
        .store()
        .write(|tx| {
            tx.execute_batch(
                "CREATE TRIGGER refuse_guest_300 BEFORE INSERT ON contacts WHEN NEW.name = 'Guest 300'
                 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
            )?;
            Ok(())
        })
        .expect("trigger");
    let with_trigger = f.dump();
    assert!(f
        .tend
        .import("big.vcf", &many, &ImportChoices::default(), &mut |_, _| {
            true
        })
        .is_err());
    assert_eq!(f.dump(), with_trigger, "all or nothing");
}

#[test]
fn the_same_name_alone_is_merged_only_when_she_says_so() {
    let f = fixture();
    let carl = f
        .tend
        .create_contact(&full_draft("Carl Weber", "555-0100", "", "", &[]))
        .expect("carl");
    let namesake = file(vec![card("Carl Weber", &["555-0177"], &[], "")]);
    let preview = f
        .tend
        .preview_import("x.vcf", &namesake, Rows::First)
        .expect("preview");
    assert_eq!(preview.rows[0].same_name_as.as_deref(), Some("Carl Weber"));
    assert_eq!(preview.new, 1, "offered, not forced");
    let summary = f
        .tend
        .import(
            "x.vcf",
            &namesake,
            &ImportChoices {
                merge_same_name: vec![0],
                ..Default::default()
            },
            &mut |_, _| true,
        )
        .expect("imported");
    assert_eq!((summary.new, summary.merged), (0, 1));
    assert_eq!(listed_names(&f.tend, "0177", false), ["Carl Weber"]);
    assert_eq!(f.tend.contact(carl.id).expect("carl").name, "Carl Weber");
}

#[test]
fn two_cards_of_one_person_in_a_file_are_one_contact_and_the_file_again_changes_nothing() {
    let f = fixture();
    let both = file(vec![
        card("Amy Lee", &["555-0101"], &[], ""),
        card("Amy Lee (work)", &["555-0101"], &["amy@work.example"], ""),
        card("Carl Weber", &[], &[], "met at the party"),
        card("Carl Weber", &[], &[], "met at the party"),
    ]);
    let first = import_all(&f, &both);
    assert_eq!(
        (first.new, first.merged),
        (3, 1),
        "Amy once; two Carls with nothing but a name in common"
    );
    let after = f.dump();
    let again = import_all(&f, &both);
    assert_eq!((again.new, again.merged, again.unchanged), (0, 0, 4));
    assert_eq!(f.dump(), after);
}

#[test]
fn the_first_email_a_merge_brings_is_her_email() {
    let f = fixture();
    let jane = f
        .tend
        .create_contact(&full_draft("Jane Doe", "555-0142", "", "", &[]))
        .expect("jane, phone only");
    import_all(
        &f,
        &file(vec![card(
            "Jane Doe",
            &["555-0142"],
            &["jane.doe@example.com"],
            "",
        )]),
    );
    let merged = f.tend.contact(jane.id).expect("jane");
    assert_eq!(
        merged.email.as_deref(),
        Some("jane.doe@example.com"),
        "shown on her page and in her form"
    );
    assert_eq!(merged.phone.as_deref(), Some("555-0142"));
}

#[test]
fn a_column_mapping_she_gave_is_remembered_for_the_next_file_with_those_columns() {
    let f = fixture();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv/unknown.csv");
    let asked = f
        .tend
        .preview_import_file(&path, None, Rows::First)
        .expect("preview");
    let request = asked
        .needs_mapping
        .expect("Tend asks which column is which");
    let mut mapping = request.suggested.clone();
    for header in &request.headers {
        if header.to_lowercase().contains("name") || header.to_lowercase().contains("kunde") {
            mapping
                .columns
                .insert(header.clone(), tend::interchange::Field::Name);
        }
    }
    let summary = f
        .tend
        .import_file(
            &path,
            Some(&mapping),
            &ImportChoices::default(),
            &mut |_, _| true,
        )
        .expect("imported with her mapping");
    assert!(summary.new > 0);
    let next_time = f
        .tend
        .preview_import_file(&path, None, Rows::First)
        .expect("preview again");
    assert!(
        next_time.needs_mapping.is_none(),
        "the same columns need no mapping again"
    );
    assert_eq!((next_time.new, next_time.unchanged), (0, summary.new));
}
