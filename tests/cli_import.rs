//! `tend import` from a terminal on real files: the JSON others rely on, a dry
//! run that writes nothing, the same file twice adding nothing, and clear
//! refusals.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn tend(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATA_DIR", dir)
        .env("TEND_NOW", "2026-11-23T15:00:00Z")
        .env("TZ", "Europe/Paris")
        .output()
        .expect("tend runs")
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn contact_count(dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("tend.sqlite3")).expect("the data file");
    conn.query_row("SELECT count(*) FROM contacts", [], |row| row.get(0))
        .expect("count")
}

#[test]
fn a_dry_run_says_what_would_be_saved_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fixture("vcard/tend/real-clients.vcf");
    let json = json_of(&tend(
        dir.path(),
        &[
            "import",
            file.to_str().expect("path"),
            "--dry-run",
            "--json",
        ],
    ));
    let contacts = json["contacts"].as_array().expect("contacts");
    assert_eq!(json["new"].as_u64(), Some(contacts.len() as u64));
    assert_eq!(
        (json["merged"].as_u64(), json["unchanged"].as_u64()),
        (Some(0), Some(0))
    );
    let named = |name: &str| {
        contacts
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {contacts:?}"))
    };
    let renee = named("Renée Faure");
    assert_eq!(renee["birthday"], "--04-15", "a birthday without a year");
    assert_eq!(
        named("Lavande & Co")["org"],
        "Lavande & Co",
        "a card with only ORG is named by it"
    );
    assert_eq!(named("Okafor")["birthday"], "--04-16");
    assert_eq!(named("Okafor")["phones"][0], "+234 803 000 0000");
    for contact in contacts {
        for key in ["name", "phones", "emails", "birthday", "org"] {
            assert!(contact.get(key).is_some(), "{key} in {contact}");
        }
    }
    assert_eq!(contact_count(dir.path()), 0, "a dry run writes nothing");
}

#[test]
fn importing_a_file_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fixture("csv/google.csv");
    let path = file.to_str().expect("path");
    let first = json_of(&tend(dir.path(), &["import", path, "--json"]));
    let new = first["new"].as_i64().expect("new");
    assert!(new > 0, "{first}");
    assert_eq!(contact_count(dir.path()), new);
    let again = json_of(&tend(dir.path(), &["import", path, "--json"]));
    assert_eq!(again["new"], 0, "{again}");
    assert_eq!(contact_count(dir.path()), new);
    // The same file saved in another encoding is the same people.
    let text = std::fs::read_to_string(&file).expect("UTF-8");
    let utf16 = dir.path().join("google-utf16.csv");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        text.trim_start_matches('\u{feff}')
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(&utf16, bytes).expect("UTF-16 copy");
    let other = json_of(&tend(
        dir.path(),
        &["import", utf16.to_str().expect("path"), "--json"],
    ));
    assert_eq!(
        (other["new"].as_i64(), other["merged"].as_i64()),
        (Some(0), Some(0)),
        "{other}"
    );
    assert_eq!(contact_count(dir.path()), new);
    let plain = tend(dir.path(), &["import", path]);
    assert!(String::from_utf8_lossy(&plain.stdout).contains("0 new"));
    let backups =
        std::fs::read_dir(dir.path().join("backups")).expect("backups made before each import");
    assert!(backups.count() >= 1);
}

#[test]
fn a_file_that_cannot_be_read_is_refused_with_a_sentence_and_nothing_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let garbage = dir.path().join("photo.vcf");
    std::fs::write(
        &garbage,
        [0x89, b'P', b'N', b'G', 0, 1, 2, 3, 0, 0, 0, 7, 8, 9],
    )
    .expect("garbage");
    let out = tend(
        dir.path(),
        &["import", garbage.to_str().expect("path"), "--json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.starts_with("tend: "), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    let missing = tend(dir.path(), &["import", "/nowhere/contacts.vcf"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Could not open contacts.vcf"));
    let unknown = tend(
        dir.path(),
        &["import", fixture("csv/unknown.csv").to_str().expect("path")],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("which column is which"));
}
