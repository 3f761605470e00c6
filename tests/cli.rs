//! The real `tend` binary from a terminal, on its own data folder and clock.

use std::process::{Command, Output};

fn tend(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATA_DIR", dir)
        .env("TEND_NOW", "2026-11-23T15:00:00Z")
        .env("TZ", "America/New_York")
        .output()
        .expect("tend runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn dry_run_json_says_what_would_be_saved_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tend(
        dir.path(),
        &[
            "add",
            "--dry-run",
            "--json",
            "Jane Doe 555-0142 wants the lavender set, call Thu #oils",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["name"], "Jane Doe");
    assert_eq!(json["phones"][0]["display"], "555-0142");
    assert_eq!(json["tags"][0], "oils");
    assert_eq!(json["note"], "wants the lavender set");
    assert_eq!(json["followup"]["channel"], "call");
    assert_eq!(
        json["followup"]["due"], "2026-11-26T09:00",
        "Thursday at the default time, local"
    );
    let list = tend(dir.path(), &["add", "--dry-run", "Bob"]);
    assert!(list.status.success());
    let db = rusqlite::Connection::open(dir.path().join("tend.sqlite3")).expect("db");
    let count: i64 = db
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .expect("count");
    assert_eq!(count, 0, "a dry run saves nothing");
}

#[test]
fn add_saves_and_prints_what_was_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tend(
        dir.path(),
        &["add", "Jane Doe 555-0142 wants the lavender set, call Thu"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.starts_with("Added: Jane Doe"), "{text}");
    assert!(text.contains("2026-11-26 09:00 Call"), "{text}");
    let db = rusqlite::Connection::open(dir.path().join("tend.sqlite3")).expect("db");
    let (name, due): (String, String) = db
        .query_row(
            "SELECT c.name, f.due_at FROM contacts c JOIN followups f ON f.contact_id = c.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("saved");
    assert_eq!(
        (name.as_str(), due.as_str()),
        ("Jane Doe", "2026-11-26T14:00:00Z")
    );

    let again = tend(dir.path(), &["add", "Janet 555-0142 tomorrow"]);
    assert_eq!(again.status.code(), Some(1), "a known phone needs a choice");
    assert!(String::from_utf8_lossy(&again.stderr).contains("Already in Tend: Jane Doe"));
}

#[test]
fn a_line_that_cannot_be_understood_fails_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    for line in ["555-0142", "Jane call yesterday", ""] {
        let out = tend(dir.path(), &["add", line]);
        assert_eq!(out.status.code(), Some(1), "{line:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("tend: ") && err.len() > 20,
            "{line:?}: {err}"
        );
    }
    let unknown = tend(dir.path(), &["frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn version_prints_the_crates_version_and_touches_no_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    for flag in ["--version", "-V"] {
        let out = tend(dir.path(), &[flag]);
        assert!(out.status.success());
        assert_eq!(
            stdout(&out),
            format!("tend {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    assert!(
        std::fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "no data file was made"
    );
}
