//! Backups and restore on real files: a consistent copy while another thread
//! writes, refused restores that change nothing, a restore that swaps the book
//! and keeps the old one aside, automatic backups after changes at most every
//! half hour and pruned by the rule, and `tend backup` / `tend restore` in a
//! terminal.

use crate::support::{draft, fixture, fixture_at, listed_names, Fixture};
use chrono::Duration;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tend::api::{Tend, BACKUP_FOLDER};
use tend::store::schema;

fn data_file(f: &Fixture) -> PathBuf {
    f.dir.path().join("tend.sqlite3")
}

/// The data file and its log, byte for byte.
fn file_bytes(f: &Fixture) -> (Vec<u8>, Option<Vec<u8>>) {
    let main = std::fs::read(data_file(f)).expect("the data file reads");
    let log = std::fs::read(f.dir.path().join("tend.sqlite3-wal")).ok();
    (main, log)
}

fn names_in_folder(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("a folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn integrity(tend: &Tend) -> String {
    tend.store()
        .read(|conn| Ok(conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?))
        .expect("integrity check")
}

fn names(tend: &Tend) -> Vec<String> {
    listed_names(tend, "", true)
}

/// Counts the change hook's runs.
fn count_changes(tend: &Tend) -> Arc<AtomicUsize> {
    let changes = Arc::new(AtomicUsize::new(0));
    let seen = changes.clone();
    tend.on_change(Box::new(move || {
        seen.fetch_add(1, Ordering::SeqCst);
    }));
    changes
}

#[test]
fn a_backup_taken_while_another_thread_writes_restores_to_a_sound_book() {
    let f = fixture();
    // Enough of a book (about 10 MB) that the copy takes several steps.
    let long_notes = "lavender oils party follow-up ".repeat(600);
    for i in 0..500 {
        f.tend
            .create_contact(&tend::domain::contact::ContactDraft {
                notes: long_notes.clone(),
                ..draft(&format!("Seed {i}"))
            })
            .expect("seed");
    }
    // Each write as it was acknowledged: when, its id, its name.
    let acknowledged: Mutex<Vec<(Instant, i64, String)>> = Mutex::new(Vec::new());
    let stop = AtomicBool::new(false);
    let backup = f.dir.path().join("while-writing.sqlite3");
    let (before, started, finished) = std::thread::scope(|scope| {
        scope.spawn(|| {
            for i in 0.. {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let name = format!("Writer {i}");
                let contact = f.tend.create_contact(&draft(&name)).expect("write");
                let ack = (Instant::now(), contact.id, name);
                acknowledged.lock().expect("acks").push(ack);
            }
        });
        while acknowledged.lock().expect("acks").len() < 20 {
            std::thread::yield_now();
        }
        let before = acknowledged.lock().expect("acks").clone();
        let started = Instant::now();
        f.tend.back_up_to(&backup).expect("backed up");
        let finished = Instant::now();
        stop.store(true, Ordering::SeqCst);
        (before, started, finished)
    });
    assert!(
        finished - started < std::time::Duration::from_secs(20),
        "one snapshot across the steps: the copy does not start over at each write ({:?})",
        finished - started
    );
    // Writes kept being acknowledged in the middle of the copy, not just at its
    // edges: it never held the write lock for long.
    let margin = (finished - started) / 10;
    let acks = acknowledged.lock().expect("acks");
    let amid: Vec<Instant> = acks
        .iter()
        .map(|(at, _, _)| *at)
        .filter(|at| *at > started + margin && *at < finished - margin)
        .collect();
    let longest_wait = acks
        .windows(2)
        .map(|pair| pair[1].0 - pair[0].0)
        .max()
        .unwrap_or_default();
    assert!(
        amid.len() >= 3,
        "{} writes acknowledged amid a copy of {:?} (longest gap between two: {longest_wait:?})",
        amid.len(),
        finished - started
    );
    drop(acks);

    let restored = fixture();
    let summary = restored.tend.restore_from(&backup).expect("restored");
    assert_eq!(integrity(&restored.tend), "ok");
    for (_, id, name) in &before {
        let contact = restored
            .tend
            .contact(*id)
            .unwrap_or_else(|err| panic!("{name}, acknowledged before the backup, is lost: {err}"));
        assert_eq!(&contact.name, name);
    }
    assert!(summary.contacts >= 500 + before.len() as i64);
    let restored_count = restored
        .tend
        .list_contacts(&tend::domain::contact::ContactQuery {
            include_archived: true,
            ..Default::default()
        })
        .expect("list")
        .total;
    assert_eq!(summary.contacts, restored_count);
}

/// A good backup of a small book, and the bad files made from it.
fn bad_files(f: &Fixture) -> Vec<(&'static str, PathBuf, &'static str)> {
    let folder = f.dir.path().join("offered");
    std::fs::create_dir_all(&folder).expect("folder");
    let good = folder.join("good.sqlite3");
    f.tend.back_up_to(&good).expect("a good backup");
    let bytes = std::fs::read(&good).expect("good bytes");

    let truncated = folder.join("truncated.sqlite3");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    let garbage = folder.join("garbage.sqlite3");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let noise: Vec<u8> = (0..65_536)
        .map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 56) as u8
        })
        .collect();
    std::fs::write(&garbage, noise).expect("write");
    let stranger = folder.join("someone-elses.sqlite3");
    rusqlite::Connection::open(&stranger)
        .and_then(|conn| {
            conn.execute_batch(
                "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
            )
        })
        .expect("a non-Tend SQLite file");
    let newer = folder.join("newer.sqlite3");
    std::fs::write(&newer, &bytes).expect("write");
    rusqlite::Connection::open(&newer)
        .and_then(|conn| conn.pragma_update(None, "user_version", schema::latest_version() + 1))
        .expect("a file from a newer Tend");
    // A page no query on opening touches (the follow-ups table's root), stomped:
    // only the integrity check notices.
    let stomped = folder.join("stomped.sqlite3");
    std::fs::write(&stomped, &bytes).expect("write");
    let (page_size, root): (i64, i64) = rusqlite::Connection::open(&stomped)
        .and_then(|conn| {
            let page_size = conn.query_row("PRAGMA page_size", [], |row| row.get(0))?;
            let root = conn.query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'followups'",
                [],
                |row| row.get(0),
            )?;
            Ok((page_size, root))
        })
        .expect("where the follow-ups live");
    let mut damaged = bytes.clone();
    let page = ((root - 1) * page_size) as usize;
    damaged[page..page + 64].fill(0xff);
    std::fs::write(&stomped, damaged).expect("write");
    let empty = folder.join("empty.sqlite3");
    std::fs::write(&empty, b"").expect("write");
    // Tend's tables, but another application's mark in the header.
    let marked_foreign = folder.join("marked-foreign.sqlite3");
    std::fs::write(&marked_foreign, &bytes).expect("write");
    rusqlite::Connection::open(&marked_foreign)
        .and_then(|conn| conn.pragma_update(None, "application_id", 0x0F05_5112))
        .expect("another application's mark");
    vec![
        ("truncated", truncated, "damaged"),
        (
            "a damaged page inside",
            stomped,
            "it is damaged (the integrity check found",
        ),
        ("garbage bytes", garbage, "not an SQLite database"),
        (
            "a non-Tend SQLite file",
            stranger,
            "it is not a Tend file (it has no contacts table)",
        ),
        ("an empty file", empty, "it is not a Tend file"),
        (
            "another application's mark",
            marked_foreign,
            "it is not a Tend file (another application's database)",
        ),
        (
            "a missing file",
            folder.join("missing.sqlite3"),
            "could not be read",
        ),
        ("a newer version", newer, "newer version of Tend"),
    ]
}

#[test]
fn a_refused_restore_changes_nothing_byte_for_byte() {
    let f = fixture();
    for name in ["Ann Lee", "Bob Ray", "Cy Twombly"] {
        f.tend.create_contact(&draft(name)).expect("contact");
    }
    let offered = bad_files(&f);
    let changes = count_changes(&f.tend);
    let dump = f.dump();
    let files = names_in_folder(f.dir.path());
    for (what, path, problem) in offered {
        let bytes = file_bytes(&f);
        let err = f.tend.restore_from(&path).expect_err(what);
        let message = err.to_string();
        assert!(message.contains(problem), "{what}: {message}");
        if what == "a newer version" {
            assert_eq!(err.kind(), "newer_database", "{what}");
            let words = tend::Error::NewerDatabase {
                found: schema::latest_version() + 1,
                supported: schema::latest_version(),
            };
            assert_eq!(message, words.to_string(), "the same words as opening one");
        } else {
            assert_eq!(err.kind(), "not_restorable", "{what}: {message}");
            assert!(
                message.ends_with("Nothing was changed."),
                "{what}: {message}"
            );
        }
        assert!(
            f.tend.check_backup(&path).is_err(),
            "{what}: checking refuses it too"
        );
        assert!(
            file_bytes(&f) == bytes,
            "{what}: the data file is byte for byte as before"
        );
        assert_eq!(f.dump(), dump, "{what}");
        assert_eq!(
            names_in_folder(f.dir.path()),
            files,
            "{what}: nothing left beside it"
        );
    }
    assert_eq!(changes.load(Ordering::SeqCst), 0, "no redraw for a refusal");
    let data = data_file(&f);
    let itself = f
        .tend
        .restore_from(&data)
        .expect_err("the data file itself");
    assert_eq!(itself.kind(), "not_restorable");
    f.tend.create_contact(&draft("Dee")).expect("still writes");
}

#[test]
fn a_good_restore_replaces_the_book_keeps_the_old_file_aside_and_redraws() {
    let f = fixture();
    let ann = f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    f.tend.create_contact(&draft("Bob Ray")).expect("contact");
    let backup = f.tend.back_up_before("import").expect("a backup");
    assert!(
        backup
            .path
            .ends_with("backups/tend-2026-11-23T09-00-00+0000-before-import.sqlite3"),
        "{}",
        backup.path.display()
    );
    assert_eq!(backup.reason.as_deref(), Some("before-import"));
    assert_eq!(backup.contacts, Some(2));
    f.tend.delete_contact(ann.id).expect("deleted");
    f.tend
        .create_contact(&draft("Cy Twombly"))
        .expect("contact");
    let changes = count_changes(&f.tend);

    let summary = f.tend.restore_from(&backup.path).expect("restored");
    assert_eq!(names(&f.tend), ["Ann Lee", "Bob Ray"]);
    assert_eq!((summary.contacts, summary.contacts_before), (2, 2));
    assert_eq!(changes.load(Ordering::SeqCst), 1, "the window redraws once");
    assert_eq!(
        summary.kept_aside,
        f.dir
            .path()
            .join("tend.sqlite3.before-restore-2026-11-23T09-00-00+0000")
    );
    let aside = rusqlite::Connection::open(&summary.kept_aside).expect("kept aside");
    let kept: Vec<String> = aside
        .prepare("SELECT name FROM contacts ORDER BY name")
        .and_then(|mut rows| rows.query_map([], |row| row.get(0))?.collect())
        .expect("names kept aside");
    assert_eq!(kept, ["Bob Ray", "Cy Twombly"], "the book as it was before");
    drop(aside);

    f.tend
        .create_contact(&draft("Dee Dee"))
        .expect("writes after a restore");
    let f = f.reopen();
    assert_eq!(names(&f.tend), ["Ann Lee", "Bob Ray", "Dee Dee"]);
    assert_eq!(integrity(&f.tend), "ok");
    assert!(
        !names_in_folder(f.dir.path())
            .iter()
            .any(|name| name.contains("restoring") || name.ends_with(".partial")),
        "no working copies left"
    );
}

#[test]
fn an_older_schema_backup_is_upgraded_as_it_is_restored() {
    let f = fixture();
    f.tend
        .create_contact(&draft("Now Person"))
        .expect("contact");
    let old = f.dir.path().join("from-2025.sqlite3");
    rusqlite::Connection::open(&old)
        .and_then(|conn| conn.execute_batch(include_str!("fixtures/schema/v1-with-rows.sql")))
        .expect("a v1 file with rows");
    let offered = f.tend.check_backup(&old).expect("a v1 file is restorable");
    let summary = f.tend.restore_from(&old).expect("restored");
    assert_eq!(Some(summary.contacts), offered.contacts);
    assert!(summary.contacts > 0);
    let version = f
        .tend
        .store()
        .read(schema::current_version)
        .expect("version");
    assert_eq!(version, schema::latest_version());
    assert!(!names(&f.tend).contains(&"Now Person".to_string()));
    assert_eq!(integrity(&f.tend), "ok");
}

#[test]
fn listing_backups_never_changes_them() {
    let f = fixture();
    f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    let taken = f
        .tend
        .automatic_backup()
        .expect("backup")
        .expect("after a change");
    let folder = f.tend.backup_folder();
    let before = (
        names_in_folder(&folder),
        std::fs::read(&taken.path).expect("bytes"),
    );
    let listed = f.tend.backups().expect("list");
    assert_eq!(listed, std::slice::from_ref(&taken));
    assert_eq!(f.tend.last_backup().expect("last"), Some(taken.clone()));
    assert_eq!(
        (
            names_in_folder(&folder),
            std::fs::read(&taken.path).expect("bytes")
        ),
        before,
        "read-only: no -wal or -shm, not a byte changed"
    );
}

#[test]
fn automatic_backups_follow_changes_at_most_every_half_hour() {
    let f = fixture();
    assert_eq!(
        f.tend.automatic_backup().expect("tick"),
        None,
        "nothing written yet"
    );
    assert_eq!(f.tend.backup_on_quit().expect("quit"), None);
    assert!(
        !f.tend.backup_pending().expect("pending"),
        "nothing to wait for"
    );

    f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    assert!(f.tend.backup_pending().expect("pending"), "a change waits");
    let first = f
        .tend
        .automatic_backup()
        .expect("tick")
        .expect("after a change");
    assert_eq!(first.taken_at, f.clock_now());
    assert!(
        !f.tend.backup_pending().expect("pending"),
        "backed up: asleep"
    );
    assert_eq!(first.contacts, Some(1));
    assert_eq!(first.reason, None);
    assert_eq!(
        first.path,
        f.dir
            .path()
            .join(BACKUP_FOLDER)
            .join("tend-2026-11-23T09-00-00+0000.sqlite3")
    );

    f.clock.advance(Duration::minutes(10));
    f.tend.create_contact(&draft("Bob Ray")).expect("contact");
    assert_eq!(
        f.tend.automatic_backup().expect("tick"),
        None,
        "10 minutes on"
    );
    assert!(
        f.tend.backup_pending().expect("pending"),
        "still to do: it looks again later"
    );
    f.clock.advance(Duration::minutes(20));
    let second = f
        .tend
        .automatic_backup()
        .expect("tick")
        .expect("30 minutes on");
    assert_eq!(second.contacts, Some(2));
    f.clock.advance(Duration::hours(3));
    assert_eq!(
        f.tend.automatic_backup().expect("tick"),
        None,
        "nothing new"
    );

    f.tend
        .create_contact(&draft("Cy Twombly"))
        .expect("contact");
    let after_quiet = f.tend.automatic_backup().expect("tick");
    assert!(
        after_quiet.is_some(),
        "the first change after a quiet spell is kept at the next tick"
    );
    f.tend.create_contact(&draft("Dee Dee")).expect("contact");
    f.clock.advance(Duration::minutes(1));
    assert_eq!(f.tend.automatic_backup().expect("tick"), None);
    let on_quit = f
        .tend
        .backup_on_quit()
        .expect("quit")
        .expect("a change to keep");
    assert_eq!(on_quit.contacts, Some(4));
    assert_eq!(
        f.tend.backup_on_quit().expect("quit"),
        None,
        "and only once"
    );

    // A write by another program (a `tend add` in a terminal) counts too.
    f.clock.advance(Duration::hours(1));
    let added = Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(["add", "--no-cadence", "Eve Ng 555-0144"])
        .env("TEND_DATA_DIR", f.dir.path())
        .output()
        .expect("tend runs");
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let after_terminal = f
        .tend
        .automatic_backup()
        .expect("tick")
        .expect("after the add");
    assert_eq!(after_terminal.contacts, Some(5));
    assert_eq!(f.tend.backups().expect("list").len(), 5);
}

#[test]
fn automatic_backups_are_pruned_by_the_retention_rule() {
    // Monday 2 November to Saturday 21 November 2026, three working backups a day.
    let f = fixture_at("2026-11-02T09:00:00Z", chrono_tz::UTC);
    let folder = f.tend.backup_folder();
    std::fs::create_dir_all(&folder).expect("folder");
    for stranger in ["notes.txt", "tend-old.sqlite3"] {
        std::fs::write(folder.join(stranger), b"hers").expect("a file of hers");
    }
    for day in 0..20 {
        for hour in [9, 13, 17] {
            let midnight = crate::support::instant("2026-11-02T00:00:00Z") + Duration::days(day);
            f.clock.set(midnight + Duration::hours(hour));
            f.tend
                .create_contact(&draft(&format!("Day {day} at {hour}")))
                .expect("contact");
            f.tend.automatic_backup().expect("tick").expect("a backup");
        }
    }
    let kept: Vec<String> = f
        .tend
        .backups()
        .expect("list")
        .iter()
        .map(|backup| backup.taken_at.format("%d %H").to_string())
        .collect();
    let mut expected = vec!["21 17", "21 13", "21 09", "20 17", "20 13", "20 09"];
    // one a day for 7 days, then the newest of the week before (Sunday 8th)
    expected.extend([
        "19 17", "18 17", "17 17", "16 17", "15 17", "14 17", "13 17", "08 17",
    ]);
    assert_eq!(kept, expected);
    let names = names_in_folder(&folder);
    assert!(
        names.contains(&"notes.txt".to_string()) && names.contains(&"tend-old.sqlite3".to_string()),
        "files Tend did not name are never deleted: {names:?}"
    );
    assert_eq!(names.len(), expected.len() + 2, "{names:?}");
}

fn tend_cli(dir: &Path, args: &[&str], answer: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATA_DIR", dir)
        .env("TEND_NOW", "2026-11-23T15:00:00Z")
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tend runs");
    let mut stdin = child.stdin.take().expect("stdin");
    if let Some(answer) = answer {
        stdin.write_all(answer.as_bytes()).expect("answer");
    }
    drop(stdin);
    child.wait_with_output().expect("tend ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn names_in_file(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("opens");
    let mut rows = conn
        .prepare("SELECT name FROM contacts ORDER BY name")
        .expect("query");
    rows.query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("names")
}

#[test]
fn tend_backup_and_tend_restore_in_a_terminal() {
    let dir = tempfile::tempdir().expect("data folder");
    let usb = tempfile::tempdir().expect("a USB stick");
    let data = dir.path().join("tend.sqlite3");
    let backup = usb.path().join("ann.sqlite3");
    let backup_arg = backup.to_str().expect("UTF-8 path");
    assert!(tend_cli(
        dir.path(),
        &["add", "--no-cadence", "Ann Lee 555-0101"],
        None
    )
    .status
    .success());

    let out = tend_cli(dir.path(), &["backup", backup_arg], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.starts_with(&format!("Backed up 1 contact to {backup_arg} ("))
            && said.contains(" KB)"),
        "{said}"
    );
    assert_eq!(names_in_file(&backup), ["Ann Lee"]);

    assert!(tend_cli(
        dir.path(),
        &["add", "--no-cadence", "Bob Ray 555-0102"],
        None
    )
    .status
    .success());
    assert!(tend_cli(
        dir.path(),
        &["add", "--no-cadence", "Cy Twombly 555-0103"],
        None
    )
    .status
    .success());

    // Without --yes it says what it would replace, and asks.
    let declined = tend_cli(dir.path(), &["restore", backup_arg], Some("n\n"));
    assert_eq!(declined.status.code(), Some(1));
    let said = text(&declined.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(said.contains("now: 3 contacts"), "{said}");
    assert!(said.contains("the backup: 1 contact"), "{said}");
    assert!(said.contains("Restore? [y/N]"), "{said}");
    assert!(
        text(&declined.stderr).contains("Nothing was changed."),
        "{}",
        text(&declined.stderr)
    );
    assert_eq!(names_in_file(&data).len(), 3);

    let bytes = std::fs::read(&data).expect("data bytes");
    let garbage = usb.path().join("photo.jpg");
    std::fs::write(
        &garbage,
        b"\xff\xd8\xff\xe0 not a database at all, just a photo",
    )
    .expect("write");
    let refused = tend_cli(
        dir.path(),
        &["restore", garbage.to_str().expect("UTF-8"), "--yes"],
        None,
    );
    assert_eq!(refused.status.code(), Some(1));
    let complaint = text(&refused.stderr);
    assert!(
        complaint.starts_with("tend: ") && complaint.contains("cannot be restored"),
        "{complaint}"
    );
    assert_eq!(
        std::fs::read(&data).expect("data bytes"),
        bytes,
        "byte for byte"
    );

    let restored = tend_cli(dir.path(), &["restore", backup_arg, "--yes"], None);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    let said = text(&restored.stdout);
    assert!(
        said.contains(&format!("Restored 1 contact from {backup_arg}.")),
        "{said}"
    );
    assert!(
        said.contains("tend.sqlite3.before-restore-2026-11-23T15-00-00+0000"),
        "{said}"
    );
    assert_eq!(names_in_file(&data), ["Ann Lee"]);
    let aside = dir
        .path()
        .join("tend.sqlite3.before-restore-2026-11-23T15-00-00+0000");
    assert_eq!(
        names_in_file(&aside).len(),
        3,
        "the three-contact book kept aside"
    );

    let confirmed = tend_cli(
        dir.path(),
        &["restore", aside.to_str().expect("UTF-8")],
        Some("y\n"),
    );
    assert!(confirmed.status.success(), "{}", text(&confirmed.stderr));
    assert_eq!(names_in_file(&data).len(), 3, "and back again");
    let second_aside = dir
        .path()
        .join("tend.sqlite3.before-restore-2026-11-23T15-00-00+0000-2");
    assert_eq!(
        (names_in_file(&aside).len(), names_in_file(&second_aside)),
        (3, vec!["Ann Lee".to_string()]),
        "a second restore within the second keeps both earlier books"
    );

    let nothing = tend_cli(dir.path(), &["backup"], None);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(text(&nothing.stderr).starts_with("tend: "));
}

#[test]
fn a_terminal_restore_is_refused_while_the_app_has_the_file_open() {
    let f = fixture();
    f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    let backup = f.dir.path().join("ann.sqlite3");
    f.tend.back_up_to(&backup).expect("backup");
    f.tend.create_contact(&draft("Bob Ray")).expect("contact");
    let out = tend_cli(
        f.dir.path(),
        &["restore", backup.to_str().expect("UTF-8"), "--yes"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("open in another program"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(names(&f.tend), ["Ann Lee", "Bob Ray"]);
    assert_eq!(integrity(&f.tend), "ok");
    f.tend
        .create_contact(&draft("Cy Twombly"))
        .expect("the app still writes");
}
