//! What she reads when something goes wrong: the cause in her words, never
//! SQLite's or the OS's own text, never the whole of what she typed — and
//! nothing changed. The full disk is a real one: a small tmpfs.

use crate::support::{draft, fixture};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use tend::domain::contact::ContactDraft;
use tend::domain::followup::FollowupDraft;
use tend::domain::touch::TouchDraft;
use tend::quickadd::Batch;

/// The raw texts that used to reach her.
const RAW: [&str; 6] = [
    "os error",
    "database or disk is full",
    "database is locked",
    "unable to open database file",
    "disk I/O error",
    "SqliteFailure",
];

fn assert_in_her_words(message: &str) {
    for raw in RAW {
        assert!(!message.contains(raw), "raw text {raw:?} in: {message}");
    }
}

#[test]
fn a_megabyte_typed_into_any_field_never_comes_back_whole() {
    let f = fixture();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let before = f.dump();
    let huge = "ж".repeat(1 << 20);

    let refusals = [
        (
            "name",
            f.tend
                .create_contact(&ContactDraft {
                    name: huge.clone(),
                    ..draft("")
                })
                .map(|_| ()),
        ),
        (
            "email",
            f.tend
                .create_contact(&ContactDraft {
                    email: huge.clone(),
                    ..draft("Ann")
                })
                .map(|_| ()),
        ),
        (
            "phone",
            f.tend
                .create_contact(&ContactDraft {
                    phone: huge.clone(),
                    ..draft("Ann")
                })
                .map(|_| ()),
        ),
        ("stage", f.tend.set_stage(jane.id, &huge).map(|_| ())),
        ("setting key", f.tend.set_setting(&huge, "1")),
        ("default time", f.tend.set_setting("defaultTime", &huge)),
        ("pause", f.tend.pause_reminders(&huge).map(|_| ())),
        (
            "quick add",
            f.tend
                .quick_add(&format!("555-0142 {huge}"), &Batch::default(), None)
                .map(|_| ()),
        ),
        (
            "follow-up time",
            f.tend
                .plan_followup(&FollowupDraft {
                    contact_id: jane.id,
                    promise: "call".into(),
                    channel: "call".into(),
                    date: "2026-12-01".into(),
                    time: huge.clone(),
                })
                .map(|_| ()),
        ),
        (
            "touch time",
            f.tend
                .log_touch(&TouchDraft {
                    contact_id: jane.id,
                    channel: "call".into(),
                    when: huge.clone(),
                    ..TouchDraft::default()
                })
                .map(|_| ()),
        ),
    ];
    for (field, result) in refusals {
        let err = result.expect_err(field);
        let message = err.to_string();
        assert_eq!(err.kind(), "invalid", "{field}: {message}");
        assert!(
            message.chars().count() < 300,
            "{field}: a {}-character message",
            message.chars().count()
        );
        assert_in_her_words(&message);
    }
    assert_eq!(f.dump(), before, "nothing changed");
}

/// 2,000 cards: far more than the WAL left by one contact can hold, so the
/// import must grow a file on the full disk.
fn many_cards(path: &Path) {
    let mut text = String::new();
    for n in 0..2000 {
        write!(
            text,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Guest {n}\r\nTEL:+1 202 555 {:04}\r\nNOTE:{}\r\nEND:VCARD\r\n",
            n % 10_000,
            "met at the spring fair ".repeat(8)
        )
        .expect("a string");
    }
    std::fs::write(path, text).expect("cards written");
}

/// Issue 16, item 5, on a real full disk: `tend import` says so in a sentence and
/// loses nothing; once there is room, the same command works.
#[test]
fn a_full_disk_is_said_plainly_and_loses_nothing() {
    let outside = tempfile::tempdir().expect("a folder");
    let disk = outside.path().join("small-disk");
    std::fs::create_dir(&disk).expect("mount point");
    let cards = outside.path().join("guests.vcf");
    many_cards(&cards);
    // A mount namespace of its own: the tmpfs goes away with the shell.
    let mut unshare = Command::new("unshare");
    unshare.arg("--mount");
    if !is_root() {
        unshare.arg("--map-root-user");
    }
    let ran = unshare
        .args(["sh", "-c", FULL_DISK])
        .env("TEND", env!("CARGO_BIN_EXE_tend"))
        .env("DISK", &disk)
        .env("TEND_DATA_DIR", disk.join("data"))
        .env("CARDS", &cards)
        .env("OUT", outside.path())
        .env("TEND_NOW", "2026-11-23T15:00:00Z")
        .output()
        .expect("unshare (util-linux) runs");
    assert!(
        ran.status.success(),
        "the scenario stopped (exit {:?}; 90: no tmpfs could be mounted here): {}",
        ran.status.code(),
        String::from_utf8_lossy(&ran.stderr)
    );
    let out = outside.path();

    let rc = std::fs::read_to_string(out.join("full.rc")).expect("exit status");
    let said = std::fs::read_to_string(out.join("full.err")).expect("stderr");
    assert_eq!(rc.trim(), "1", "the import on a full disk fails: {said}");
    assert!(said.contains("disk is full"), "{said}");
    assert!(said.contains("Free some space"), "{said}");
    assert_in_her_words(&said);
    let read = std::fs::read_to_string(out.join("read.err")).expect("stderr");
    assert!(read.contains("disk is full"), "{read}");
    assert_in_her_words(&read);

    let rows = |name: &str| {
        csv::Reader::from_path(out.join(name))
            .expect("the export reads")
            .records()
            .count()
    };
    assert_eq!(
        rows("after-full.csv"),
        1,
        "Jane is there and nothing half-imported"
    );
    assert_eq!(
        rows("after-room.csv"),
        2001,
        "with room, the same import works"
    );
}

/// Jane on an 8 MB disk, the disk filled, a big import; then room again.
const FULL_DISK: &str = r#"
mount -t tmpfs -o size=8m tmpfs "$DISK" || exit 90  # the 2,000 cards take ~3 MB with their indexes
"$TEND" add "Jane Doe 555-0142 call tomorrow" || exit 91
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null   # stops at "No space left"
"$TEND" import "$CARDS" 2>"$OUT/full.err"; echo $? >"$OUT/full.rc"
# Even reading needs a little room (SQLite's index beside its log): said the same way.
"$TEND" export "$OUT/while-full.csv" 2>"$OUT/read.err"
rm "$DISK/filler"
"$TEND" export "$OUT/after-full.csv" || exit 92
"$TEND" import "$CARDS" >/dev/null || exit 93
"$TEND" export "$OUT/after-room.csv" || exit 94
"#;

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}
