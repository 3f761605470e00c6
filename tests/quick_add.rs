//! Quick-add through the API: the line, the batch, duplicates, undo.

use crate::support::{fixture_at, listed_names, Fixture};
use chrono_tz::America::New_York;
use tend::api::{UndoOutcome, UndoQuickAdd};
use tend::domain::undo::UndoChoice;
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
    assert_eq!(added.followups[0].due_local, "2026-11-26T09:00");
    assert_eq!(added.followups[0].promise, "wants the lavender set");
    assert_eq!(
        added.followups[0].cadence_name, None,
        "her promise is her own"
    );
    assert_eq!(
        added.text,
        "Jane Doe · 555-0142 (no area code: kept as typed) · note: wants the lavender set · call Thu 26 Nov, 09:00"
    );
    assert_eq!(
        added.contact.phone_e164, None,
        "no made-up E.164 for a local number"
    );
    // Her Thursday call is New lead's first step: 3 weeks and 3 months follow,
    // spaced after it as the rhythm spaces them after day 3.
    let rest: Vec<(&str, Option<&str>)> = added.followups[1..]
        .iter()
        .map(|x| (x.due_local.as_str(), x.cadence_name.as_deref()))
        .collect();
    let lead = Some("New lead: 3 days, 3 weeks, 3 months");
    assert_eq!(
        rest,
        [("2026-12-14T09:00", lead), ("2027-02-21T09:00", lead)]
    );
    assert_eq!(
        added.created_followup_ids.len(),
        3,
        "Undo takes all three back"
    );
}

#[test]
fn with_the_setting_off_a_dated_line_is_the_whole_story() {
    let f = monday();
    f.tend
        .set_setting("datedLineStartsNewLead", "off")
        .expect("saved");
    assert!(
        !f.tend
            .settings()
            .expect("settings")
            .dated_line_starts_new_lead
    );
    let line = "Jane Doe 555-0142 call Thu";
    assert!(
        !f.tend
            .preview_quick_add(line, &Batch::default())
            .expect("preview")
            .applies_cadence
    );
    let added = f
        .tend
        .quick_add(line, &Batch::default(), None)
        .expect("added");
    assert_eq!(added.followups.len(), 1);
    assert_eq!(added.followups[0].due_local, "2026-11-26T09:00");
}

#[test]
fn new_lead_counts_from_the_batch_met_on_day() {
    // The party was Saturday 21 Nov; she types the guests in on Monday.
    let f = monday();
    let party = Batch {
        met_where: "Sara's party".into(),
        met_on: "2026-11-21".into(),
        no_cadence: false,
        ..Batch::default()
    };
    let added = f
        .tend
        .quick_add("Carl Weber 555-0199", &party, None)
        .expect("added");
    let dates: Vec<&str> = added
        .followups
        .iter()
        .map(|x| x.due_local.as_str())
        .collect();
    assert_eq!(
        dates,
        ["2026-11-24T09:00", "2026-12-12T09:00", "2027-02-19T09:00"],
        "3 days, 3 weeks, 3 months after the party, not after Monday"
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
            ..UndoQuickAdd::default()
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
    f.tend.undo_quick_add(&undo_of(&added)).expect("undone");
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

fn undo_of(added: &tend::api::QuickAdded) -> UndoQuickAdd {
    UndoQuickAdd {
        contact_id: added.contact.id,
        created_contact: added.created_contact,
        followup_ids: added.created_followup_ids.clone(),
        touch_id: added.touch_id,
        contact_updated_at: Some(added.contact.updated_at.clone()),
        choice: None,
    }
}

/// Issue 16, item 2: undoing the line that created Maria used to delete her
/// with another line's follow-up and touch. Now it asks, and changes nothing
/// until she chooses.
#[test]
fn undo_of_a_contact_changed_since_asks_and_removes_only_what_she_chooses() {
    let f = monday();
    let first = f
        .tend
        .quick_add("Maria Lopez 555-0150", &Batch::default(), None)
        .expect("first line: no date, so New lead starts");
    assert_eq!(runs(&f), 1);
    let second = f
        .tend
        .quick_add(
            "Maria 555-0150 wants the catalogue, email Fri",
            &Batch::default(),
            Some(first.contact.id),
        )
        .expect("second line, added to her");
    let before = f.dump();

    let asked = f.tend.undo_quick_add(&undo_of(&first)).expect("asks");
    let UndoOutcome::Ask { name, since } = asked else {
        panic!("expected a question, got {asked:?}");
    };
    assert_eq!(name, "Maria Lopez");
    assert_eq!(since.len(), 2, "{since:?}");
    assert!(
        since[0].starts_with("1 follow-up added later: “"),
        "{since:?}"
    );
    assert_eq!(since[1], "1 touch logged");
    assert_eq!(f.dump(), before, "asking changes nothing");

    // Keep her: only the first line's follow-up goes; the second line's stay.
    let kept = UndoQuickAdd {
        choice: Some(UndoChoice::KeepContact),
        ..undo_of(&first)
    };
    assert_eq!(
        f.tend.undo_quick_add(&kept).expect("undone"),
        UndoOutcome::Undone
    );
    assert_eq!(names(&f), vec!["Maria Lopez"]);
    let left: Vec<i64> = f
        .tend
        .contact_followups(first.contact.id)
        .expect("followups")
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(left, second.created_followup_ids);
    assert_eq!(
        runs(&f),
        0,
        "the rhythm the first line started went with it"
    );
    assert_eq!(
        f.tend
            .contact_touches(first.contact.id)
            .expect("touches")
            .touches
            .len(),
        1
    );

    // Removing her, once chosen, takes everything.
    let removed = UndoQuickAdd {
        choice: Some(UndoChoice::RemoveContact),
        ..undo_of(&first)
    };
    assert_eq!(
        f.tend.undo_quick_add(&removed).expect("undone"),
        UndoOutcome::Undone
    );
    assert!(names(&f).is_empty());
}

fn runs(f: &Fixture) -> usize {
    f.dump()
        .iter()
        .filter(|row| row.starts_with("cadence_runs:"))
        .count()
}

#[test]
fn undo_asks_after_her_details_were_edited() {
    let f = monday();
    let added = f
        .tend
        .quick_add("Nora 555-0190 call tomorrow", &Batch::default(), None)
        .expect("added");
    f.clock.advance(chrono::Duration::minutes(2));
    let draft = tend::domain::contact::ContactDraft {
        name: "Nora Quinn".into(),
        phone: "415-555-0190".into(),
        stage: "lead".into(),
        ..Default::default()
    };
    f.tend
        .update_contact(added.contact.id, &draft)
        .expect("edited");
    let UndoOutcome::Ask { since, .. } = f.tend.undo_quick_add(&undo_of(&added)).expect("asks")
    else {
        panic!("an edit is a change since");
    };
    assert_eq!(since, ["changes to her details"]);
    assert_eq!(names(&f), vec!["Nora Quinn"]);
}

fn preview_after(f: &Fixture) -> tend::api::QuickAddPreview {
    f.tend
        .preview_quick_add("Janie 555-0142", &Batch::default())
        .expect("preview")
}

#[test]
fn a_day_the_year_does_not_have_is_not_a_date() {
    // Issue 16, item 7: "Feb 29, 2027" became 29 Feb 2028. Issue 10: nor does it
    // become note text; it is refused as not a date, and nothing is saved.
    let f = monday();
    for (line, message) in [
        (
            "Jane Doe call Feb 29, 2027",
            "“Feb 29, 2027” is not a date: February 2027 has 28 days.",
        ),
        (
            "Maria Lopez birthday Feb 30",
            "“Feb 30” is not a date: February has 28 days, 29 in a leap year.",
        ),
    ] {
        let err = f
            .tend
            .preview_quick_add(line, &Batch::default())
            .expect_err(line);
        assert_eq!(
            (err.field(), err.to_string().as_str()),
            (Some("date"), message)
        );
        let err = f
            .tend
            .quick_add(line, &Batch::default(), None)
            .expect_err(line);
        assert_eq!(err.field(), Some("date"));
    }
    assert!(names(&f).is_empty(), "nothing saved");
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

#[test]
fn a_known_name_without_phone_or_email_asks_instead_of_making_a_second_one() {
    let f = monday();
    let quiet = Batch {
        no_cadence: true,
        ..Batch::default()
    };
    let maria = f
        .tend
        .quick_add("Maria Lopez 555-0142", &quiet, None)
        .expect("added");
    let preview = f
        .tend
        .preview_quick_add("maria lopez birthday March 14", &quiet)
        .expect("preview");
    let duplicate = preview.duplicate.expect("flagged by name");
    assert_eq!(
        (duplicate.contact_id, duplicate.name.as_str(), duplicate.by),
        (maria.contact.id, "Maria Lopez", "name")
    );
    f.tend
        .quick_add(
            "maria lopez birthday March 14",
            &quiet,
            Some(duplicate.contact_id),
        )
        .expect("added to her");
    assert_eq!(names(&f), vec!["Maria Lopez"], "no second Maria");
    // A phone of her own tells another Maria apart: no question then.
    let other = f
        .tend
        .preview_quick_add("Maria Lopez 555-0199", &quiet)
        .expect("preview");
    assert_eq!(other.duplicate, None);
    // The phone still wins when it is known.
    let by_phone = f
        .tend
        .preview_quick_add("M. Lopez 555-0142", &quiet)
        .expect("preview")
        .duplicate
        .expect("by phone");
    assert_eq!(by_phone.by, "phone");
}

#[test]
fn the_batch_context_survives_a_restart_the_same_day_only() {
    let f = monday();
    let batch = Batch {
        met_where: "Sara's party".into(),
        met_on: "2026-11-21".into(),
        no_cadence: true,
        ..Batch::default()
    };
    f.tend.set_quick_add_batch(&batch).expect("kept");
    let f = f.reopen();
    assert_eq!(
        f.tend.quick_add_batch().expect("batch"),
        batch,
        "after a restart"
    );
    f.clock.advance(chrono::Duration::hours(10)); // 20:00 in New York, still Monday
    assert_eq!(f.tend.quick_add_batch().expect("batch"), batch);
    f.clock.advance(chrono::Duration::hours(5)); // Tuesday
    assert_eq!(
        f.tend.quick_add_batch().expect("batch"),
        Batch::default(),
        "a new day starts a new batch"
    );
    f.tend
        .set_quick_add_batch(&Batch::default())
        .expect("forgotten");
}
