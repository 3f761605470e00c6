//! Export on a real file: contacts and follow-ups in, each format out, read
//! back by other parsers (calcard for vCard and iCalendar, the csv crate).

use crate::support::{fixture_at, full_draft, instant, Fixture};
use calcard::icalendar::{ICalendar, ICalendarComponentType, ICalendarProperty};
use calcard::vcard::{VCard, VCardProperty};
use calcard::{Entry, Parser};
use chrono::{NaiveDate, TimeZone};
use chrono_tz::America::New_York;
use std::collections::BTreeMap;
use std::process::Command;
use tend::api::{ExportFormat, Tend};
use tend::domain::followup::FollowupDraft;

/// Monday 23 Nov 2026, 10:00 in New York: Jane (two phones, a birthday without
/// a year, an organisation, tags), Bob, and Carol who is archived. Open: Jane
/// on Thursday at 14:00, Bob on Friday (a date alone), Jane on 15 March 2027 at
/// 09:00 (after the DST change). Not open: one done, and Carol's.
fn seeded() -> (Fixture, i64) {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let tend = &f.tend;
    let jane = tend
        .create_contact(&full_draft(
            "Jane Doe",
            "555-0142",
            "jane@example.com",
            "Met at Sara's party; likes lavender, not rose.",
            &["oils", "party"],
        ))
        .expect("Jane");
    tend.store()
        .write(|tx| {
            tend::store::contacts::add_method(
                tx,
                jane.id,
                "phone",
                "+44 20 7946 0958",
                "+442079460958",
            )?;
            tx.execute(
                "UPDATE contacts SET birthday = '--04-15', org = 'Lavender & Co' WHERE id = ?1",
                [jane.id],
            )?;
            Ok(())
        })
        .expect("Jane's details");
    let bob = tend
        .create_contact(&full_draft("Bob Stone", "555-0199", "", "", &[]))
        .expect("Bob");
    let carol = tend
        .create_contact(&full_draft("Carol Archer", "555-0111", "", "", &[]))
        .expect("Carol");
    let plan = |contact_id, promise: &str, channel: &str, date: &str, time: &str| {
        tend.plan_followup(&FollowupDraft {
            contact_id,
            promise: promise.into(),
            channel: channel.into(),
            date: date.into(),
            time: time.into(),
        })
        .expect("planned")
    };
    plan(
        jane.id,
        "send lavender samples",
        "call",
        "2026-11-26",
        "14:00",
    );
    plan(bob.id, "send the catalog", "text", "2026-11-27", "");
    plan(jane.id, "spring order", "email", "2027-03-15", "09:00");
    let kept = plan(jane.id, "say thanks", "call", "2026-11-24", "");
    tend.complete_followup(kept.id).expect("done");
    plan(carol.id, "ask about the party", "call", "2026-11-25", "");
    tend.set_archived(carol.id, true).expect("archived");
    (f, jane.id)
}

fn text(tend: &Tend, format: ExportFormat) -> String {
    String::from_utf8(tend.export(format).expect("exported")).expect("UTF-8")
}

fn cards(text: &str) -> Vec<VCard> {
    let mut parser = Parser::new(text);
    let mut cards = Vec::new();
    loop {
        match parser.entry() {
            Entry::VCard(card) => cards.push(card),
            Entry::Eof => return cards,
            other => panic!("not a clean vCard file: {other:?}"),
        }
    }
}

fn texts(card: &VCard, property: VCardProperty) -> Vec<String> {
    card.properties(&property)
        .flat_map(|entry| entry.values.iter().filter_map(|v| v.as_text()))
        .map(String::from)
        .collect()
}

#[test]
fn the_vcard_file_holds_every_contact_as_calcard_reads_it() {
    let (f, jane_id) = seeded();
    let jane_uid = f.tend.contact(jane_id).expect("Jane").uid;
    let cards = cards(&text(&f.tend, ExportFormat::Vcard));
    let by_name: BTreeMap<String, &VCard> = cards
        .iter()
        .map(|card| (texts(card, VCardProperty::Fn).concat(), card))
        .collect();
    assert_eq!(
        by_name.keys().collect::<Vec<_>>(),
        ["Bob Stone", "Carol Archer", "Jane Doe"],
        "archived contacts are exported too"
    );
    let jane = by_name["Jane Doe"];
    assert_eq!(jane.uid(), Some(format!("urn:uuid:{jane_uid}").as_str()));
    assert_eq!(texts(jane, VCardProperty::N), ["Doe", "Jane", "", "", ""]);
    assert_eq!(
        texts(jane, VCardProperty::Tel),
        ["555-0142", "+44 20 7946 0958"]
    );
    assert_eq!(texts(jane, VCardProperty::Email), ["jane@example.com"]);
    assert_eq!(texts(jane, VCardProperty::Org), ["Lavender & Co"]);
    assert_eq!(
        texts(jane, VCardProperty::Note),
        ["Met at Sara's party; likes lavender, not rose."],
        "escaped ; and , read back"
    );
    assert_eq!(texts(jane, VCardProperty::Categories), ["oils", "party"]);
    let birthday = jane
        .property(&VCardProperty::Bday)
        .and_then(|entry| entry.values.first())
        .and_then(|value| value.as_partial_date_time())
        .expect("BDAY");
    assert_eq!(
        (birthday.year, birthday.month, birthday.day),
        (None, Some(4), Some(15)),
        "a birthday without its year"
    );
    assert!(by_name["Bob Stone"]
        .property(&VCardProperty::Bday)
        .is_none());
}

#[test]
fn the_csv_file_reads_back_by_column_name() {
    let (f, _) = seeded();
    let bytes = f.tend.export(ExportFormat::Csv).expect("exported");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(|name| name.trim_start_matches('\u{feff}').to_string())
        .collect();
    let rows: Vec<BTreeMap<String, String>> = reader
        .records()
        .map(|row| {
            header
                .iter()
                .cloned()
                .zip(row.expect("row").iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(header[..3], ["First Name", "Middle Name", "Last Name"]);
    assert_eq!(rows.len(), 3);
    let jane = rows
        .iter()
        .find(|row| row["First Name"] == "Jane")
        .expect("Jane's row");
    assert_eq!(jane["Last Name"], "Doe");
    assert_eq!(jane["Phone 1 - Value"], "555-0142");
    assert_eq!(jane["Phone 2 - Value"], "+44 20 7946 0958");
    assert_eq!(jane["E-mail 1 - Value"], "jane@example.com");
    assert_eq!(jane["Birthday"], "--04-15");
    assert_eq!(jane["Organization Name"], "Lavender & Co");
    assert_eq!(jane["Labels"], "oils ::: party");
    assert_eq!(
        jane["Notes"],
        "Met at Sara's party; likes lavender, not rose."
    );
    assert_eq!(jane["Custom Field 1 - Value"], "Lead");
}

/// Each event's UID and the instant its DTSTART names.
fn events(text: &str) -> BTreeMap<String, (String, Option<chrono::DateTime<chrono::Utc>>)> {
    let calendar = ICalendar::parse(text).expect("a calendar");
    calendar
        .components
        .iter()
        .filter(|component| component.component_type == ICalendarComponentType::VEvent)
        .map(|event| {
            let summary = event
                .property(&ICalendarProperty::Summary)
                .and_then(|entry| entry.values.first())
                .and_then(|value| value.as_text())
                .expect("SUMMARY")
                .to_string();
            let start = event
                .property(&ICalendarProperty::Dtstart)
                .expect("DTSTART");
            let when = start.values[0].as_partial_date_time().expect("a date");
            let instant = start.tz_id().map(|zone| {
                let zone: chrono_tz::Tz = zone.parse().expect("an IANA zone");
                let wall = NaiveDate::from_ymd_opt(
                    i32::from(when.year.expect("year")),
                    u32::from(when.month.expect("month")),
                    u32::from(when.day.expect("day")),
                )
                .and_then(|day| {
                    day.and_hms_opt(
                        u32::from(when.hour.expect("hour")),
                        u32::from(when.minute.expect("minute")),
                        0,
                    )
                })
                .expect("a wall time");
                zone.from_local_datetime(&wall)
                    .single()
                    .expect("one instant")
                    .to_utc()
            });
            (event.uid().expect("UID").to_string(), (summary, instant))
        })
        .collect()
}

#[test]
fn the_calendar_has_the_open_follow_ups_at_their_instants() {
    let (f, _) = seeded();
    let events = events(&text(&f.tend, ExportFormat::Ics));
    let found: Vec<_> = events.values().cloned().collect();
    assert_eq!(
        events.len(),
        3,
        "done and archived ones are left out: {found:#?}"
    );
    for expected in [
        (
            "Call Jane Doe — send lavender samples".to_string(),
            Some(instant("2026-11-26T19:00:00Z")),
        ),
        ("Text Bob Stone — send the catalog".to_string(), None),
        (
            "Email Jane Doe — spring order".to_string(),
            Some(instant("2027-03-15T13:00:00Z")),
        ),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:#?}");
    }
}

#[test]
fn uids_are_the_same_in_every_export() {
    let (f, _) = seeded();
    let uids = |format| match format {
        ExportFormat::Ics => events(&text(&f.tend, format))
            .into_keys()
            .collect::<Vec<_>>(),
        _ => cards(&text(&f.tend, format))
            .iter()
            .map(|card| card.uid().expect("UID").to_string())
            .collect(),
    };
    for format in [ExportFormat::Vcard, ExportFormat::Ics] {
        let first = uids(format);
        f.clock.advance(chrono::Duration::hours(1));
        assert_eq!(first, uids(format), "{format:?}");
    }
    assert_eq!(
        f.tend.export(ExportFormat::Ics).expect("first"),
        f.tend.export(ExportFormat::Ics).expect("second"),
        "unchanged follow-ups export byte for byte the same"
    );
}

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with(".tend-export-"))
        .collect()
}

#[test]
fn export_to_replaces_the_file_whole_and_a_failure_leaves_nothing_behind() {
    let (f, _) = seeded();
    let out = tempfile::tempdir().expect("folder");
    let target = out.path().join("contacts.vcf");
    std::fs::write(&target, "an older export").expect("old file");
    let summary = f
        .tend
        .export_to(&target, ExportFormat::Vcard)
        .expect("exported");
    assert_eq!(summary.count, 3);
    assert_eq!(summary.counted(), "3 contacts");
    assert_eq!(
        std::fs::read(&target).expect("written"),
        f.tend.export(ExportFormat::Vcard).expect("bytes")
    );

    // Renaming onto a folder fails after the whole file was written.
    let folder = out.path().join("a folder.ics");
    std::fs::create_dir(&folder).expect("folder");
    let err = f
        .tend
        .export_to(&folder, ExportFormat::Ics)
        .expect_err("cannot replace a folder");
    assert_eq!(err.kind(), "export");
    assert!(err.to_string().contains("a folder.ics"), "{err}");
    assert!(folder.is_dir());
    let missing = out.path().join("no such folder").join("x.csv");
    let err = f
        .tend
        .export_to(&missing, ExportFormat::Csv)
        .expect_err("no folder");
    assert!(err.to_string().contains("there is no folder"), "{err}");
    assert_eq!(leftovers(out.path()), Vec::<String>::new());
    assert!(!missing.exists());
}

fn tend_command(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATA_DIR", data)
        .env("TEND_NOW", "2026-11-23T15:00:00Z")
        .env("TZ", "America/New_York")
        .output()
        .expect("tend runs")
}

#[test]
fn tend_export_says_what_it_wrote_and_refuses_a_name_it_cannot_read() {
    let (f, _) = seeded();
    let data = f.dir.path();
    let out = tend_command(data, &["export", &data.join("week.ics").to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "Exported 3 open follow-ups to {}",
            data.join("week.ics").display()
        )
    );
    let out = tend_command(
        data,
        &[
            "export",
            "--format",
            "csv",
            &data.join("book").to_string_lossy(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Exported 3 contacts to "));
    let refused = tend_command(data, &["export", &data.join("book.txt").to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("cannot tell the format"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(!data.join("book.txt").exists());
}
