//! Quick-add through the API: the line, the batch, duplicates, undo.

use crate::support::{fixture_at, listed_names, Fixture};
use chrono_tz::America::New_York;
use tend::api::UndoQuickAdd;
use tend::quickadd::Batch;

fn monday() -> Fixture {
    fixture_at("2026-11-23T15:00:00Z", New_York)
}

fn names(f: &Fixture) -> Vec<String> {
    listed_names(&f.tend, "", false)
}

#[test]
fn a_line_becomes_a_contact_with_its_follow_up() {
    let f = monday();
    let added = f
        .tend
        .quick_add(
            "Jane Doe 555-0142 wants the lavender set, call Thu",
            &Batch::default(),
            None,
        )
        .expect("added");
    assert!(added.created_contact);
    assert_eq!(added.contact.name, "Jane Doe");
    assert_eq!(added.contact.phone.as_deref(), Some("555-0142"));
    assert_eq!(added.contact.notes, "wants the lavender set");
    assert_eq!(added.followups.len(), 1);
    assert_eq!(added.followups[0].due_local, "2026-11-26T09:00");
    assert_eq!(added.followups[0].promise, "wants the lavender set");
    assert_eq!(
        added.text,
        "Jane Doe · +1 555-0142 · note: wants the lavender set · call Thu 26 Nov, 09:00"
    );
}

#[test]
fn a_line_without_a_date_starts_the_new_lead_cadence_unless_turned_off() {
    let f = monday();
    let added = f
        .tend
        .quick_add("Bob O'Brien bob@example.com", &Batch::default(), None)
        .expect("added");
    let dates: Vec<&str> = added
        .followups
        .iter()
        .map(|x| x.due_local.as_str())
        .collect();
    assert_eq!(
        dates,
        ["2026-11-26T09:00", "2026-12-14T09:00", "2027-02-21T09:00"]
    );
    let quiet = Batch {
        no_cadence: true,
        ..Batch::default()
    };
    let added = f
        .tend
        .quick_add("Carl de la Cruz", &quiet, None)
        .expect("added");
    assert!(added.followups.is_empty());
}

#[test]
fn the_batch_context_is_kept_on_each_contact() {
    let f = monday();
    let batch = Batch {
        met_where: "Sara's party".into(),
        met_on: "2026-11-21".into(),
        no_cadence: true,
        ..Batch::default()
    };
    for line in ["Ann 555-0101", "Bea 555-0102", "Cy 555-0103"] {
        f.tend.quick_add(line, &batch, None).expect("added");
    }
    let met: Vec<(String, String)> = f
        .tend
        .store()
        .read(|c| {
            let mut s = c.prepare("SELECT met_where, met_on FROM contacts ORDER BY id")?;
            let rows = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .expect("read");
    assert!(
        met.iter()
            .all(|(w, on)| w == "Sara's party" && on == "2026-11-21"),
        "{met:?}"
    );
}

#[test]
fn a_known_phone_is_flagged_and_can_go_on_the_existing_contact() {
    let f = monday();
    let jane = f
        .tend
        .quick_add(
            "Jane Doe 555-0142",
            &Batch {
                no_cadence: true,
                ..Batch::default()
            },
            None,
        )
        .expect("added");
    let preview = f
        .tend
        .preview_quick_add(
            "Janie 555-0142 loved the candles, text tomorrow",
            &Batch::default(),
        )
        .expect("preview");
    let duplicate = preview.duplicate.expect("flagged");
    assert_eq!(duplicate.name, "Jane Doe");
    let added = f
        .tend
        .quick_add(
            "Janie 555-0142 loved the candles, text tomorrow",
            &Batch::default(),
            Some(duplicate.contact_id),
        )
        .expect("added to Jane");
    assert!(!added.created_contact);
    assert_eq!(added.contact.id, jane.contact.id);
    assert_eq!(
        added.created_followup_ids.len(),
        1,
        "only what this line planned"
    );
    assert!(
        !preview_after(&f).applies_cadence,
        "a line added to a known contact starts no cadence"
    );
    assert_eq!(names(&f), vec!["Jane Doe"], "no second contact");
    assert_eq!(
        f.tend
            .contact_touches(jane.contact.id)
            .expect("touches")
            .touches[0]
            .note,
        "loved the candles"
    );

    // Undo takes back what the line added to her, and nothing else.
    f.tend
        .undo_quick_add(&UndoQuickAdd {
            contact_id: jane.contact.id,
            created_contact: false,
            followup_ids: added.created_followup_ids.clone(),
            touch_id: added.touch_id,
        })
        .expect("undone");
    assert!(f
        .tend
        .contact_touches(jane.contact.id)
        .expect("touches")
        .touches
        .is_empty());
    assert!(f
        .tend
        .contact_followups(jane.contact.id)
        .expect("followups")
        .is_empty());
    assert_eq!(names(&f), vec!["Jane Doe"]);
}

#[test]
fn undo_removes_a_quick_added_contact_and_bad_lines_change_nothing() {
    let f = monday();
    let added = f
        .tend
        .quick_add("Dana 555-0177 call tomorrow", &Batch::default(), None)
        .expect("added");
    f.tend
        .undo_quick_add(&UndoQuickAdd {
            contact_id: added.contact.id,
            created_contact: true,
            ..UndoQuickAdd::default()
        })
        .expect("undone");
    assert!(names(&f).is_empty());
    let before = f.dump();
    for bad in ["", "555-0142", "Eve call last Monday"] {
        let err = f
            .tend
            .quick_add(bad, &Batch::default(), None)
            .expect_err(bad);
        assert_eq!(err.kind(), "invalid", "{bad}");
    }
    assert_eq!(f.dump(), before);
}

fn preview_after(f: &Fixture) -> tend::api::QuickAddPreview {
    f.tend
        .preview_quick_add("Janie 555-0142", &Batch::default())
        .expect("preview")
}

#[test]
fn a_day_the_year_does_not_have_is_not_a_date() {
    // Issue 16, item 7: "Feb 29, 2027" became 29 Feb 2028.
    let f = monday();
    let preview = f
        .tend
        .preview_quick_add("Jane Doe call Feb 29, 2027", &Batch::default())
        .expect("preview");
    assert!(
        !preview.text.contains("2028"),
        "not moved to another year: {}",
        preview.text
    );
    assert!(preview.parsed.followup.is_none(), "{}", preview.text);
    assert_eq!(
        preview.text, "Jane Doe · note: call Feb 29, 2027",
        "it stays in the note"
    );
}

#[test]
fn a_date_past_the_window_is_refused_in_her_words() {
    let f = monday();
    let line = "Jane Doe call Dec 3, 2199";
    let preview = f
        .tend
        .preview_quick_add(line, &Batch::default())
        .expect("preview");
    assert_eq!(
        preview.text,
        "Jane Doe · call Tue 3 Dec 2199, 09:00 (too far ahead: pick a date within the next 100 years)"
    );
    let err = f
        .tend
        .quick_add(line, &Batch::default(), None)
        .expect_err("too far");
    assert_eq!(err.to_string(), "Pick a date within the next 100 years.");
}

#[test]
fn a_time_in_the_spring_gap_is_previewed_as_the_clock_will_say_it() {
    // Issue 16, item 9: Saturday 7 March 2026 in New York; 02:30 on Sunday does not exist.
    let f = fixture_at("2026-03-07T15:00:00Z", New_York);
    let line = "Jane Doe call Sun 2:30am";
    let preview = f
        .tend
        .preview_quick_add(line, &Batch::default())
        .expect("preview");
    assert_eq!(
        preview.text,
        "Jane Doe · call Sun 8 Mar, 03:30 (02:30 does not exist that night: clocks go forward)"
    );
    let added = f
        .tend
        .quick_add(line, &Batch::default(), None)
        .expect("added");
    assert_eq!(added.text, preview.text);
    assert_eq!(added.followups[0].due_local, "2026-03-08T03:30");
}
