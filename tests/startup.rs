//! A data file that cannot be used is named for what is wrong with it, and left
//! exactly as it was: the start-up page and the terminal build on this.

use std::path::Path;
use tend::domain::startup::{describe, Remedy};
use tend::store::Store;

fn fresh_file_with_a_contact(dir: &Path) -> std::path::PathBuf {
    let store = Store::open_in_dir(dir).expect("a new file");
    let path = store.path().to_path_buf();
    store
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO contacts (name, stage, created_at, updated_at, uid)
                 VALUES ('Jane Doe', 'lead', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z', 'u1');",
            )?;
            Ok(())
        })
        .expect("a row");
    drop(store); // closing checkpoints the WAL into the file
    path
}

#[test]
fn garbage_where_the_data_file_should_be_is_not_a_tend_file_and_stays_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tend.sqlite3");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &garbage).expect("garbage");
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), "not_a_database", "{err}");
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        garbage,
        "not a byte changed"
    );
    let problem = describe(&err, &path.display().to_string());
    assert_eq!(problem.title, "This is not a Tend data file");
    assert!(problem.remedies.contains(&Remedy::RestoreBackup));
}

#[test]
fn a_damaged_data_file_is_called_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fresh_file_with_a_contact(dir.path());
    // Scribble over everything after the header page: the schema can no longer be read.
    let mut bytes = std::fs::read(&path).expect("bytes");
    assert!(bytes.len() > 8192, "a few pages");
    for (i, byte) in bytes.iter_mut().enumerate().skip(100) {
        *byte = (i % 253) as u8;
    }
    std::fs::write(&path, &bytes).expect("damaged");
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), "corrupt", "{err}");
    assert!(
        err.to_string().starts_with("The data file is damaged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        bytes,
        "left as it was"
    );
}

#[test]
fn the_terminal_says_what_is_wrong_in_a_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("tend.sqlite3"), b"this is my shopping list").expect("not a db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(["add", "Jane Doe 555-0142"])
        .env("TEND_DATA_DIR", dir.path())
        .output()
        .expect("tend runs");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("This file is not a Tend data file"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn a_damaged_file_is_kept_aside_and_the_newest_good_backup_takes_its_place() {
    use crate::support::{draft, fixture};
    let f = fixture();
    f.tend.create_contact(&draft("Jane Doe")).expect("jane");
    let older = f.tend.back_up_before("test").expect("a backup with Jane");
    f.clock.advance(chrono::Duration::hours(1));
    f.tend.create_contact(&draft("Bob Jansen")).expect("bob");
    let newer = f
        .tend
        .back_up_before("test")
        .expect("a backup with Jane and Bob");
    assert_ne!(older.path, newer.path);
    let dir = f.dir.path().to_path_buf();
    let data_file = f.tend.store().path().to_path_buf();
    drop(f.tend);
    // The newest backup is damaged too: it is skipped, not restored.
    let mut broken = std::fs::read(&newer.path).expect("bytes");
    for byte in broken.iter_mut().skip(4096) {
        *byte = 0x5a;
    }
    std::fs::write(&newer.path, broken).expect("damaged backup");
    let garbage = b"overwritten by a sync tool".to_vec();
    std::fs::write(&data_file, &garbage).expect("damaged data file");

    let listed = tend::api::backups_in(&dir).expect("listed");
    assert!(
        listed.iter().all(|b| b.path != newer.path),
        "an unreadable backup is not offered"
    );
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T12:00:00+01:00").expect("now");
    let summary = tend::api::restore_newest_over_unusable(&dir, now).expect("restored");
    assert_eq!(summary.restored_from, older.path);
    assert_eq!(
        std::fs::read(&summary.kept_aside).expect("kept"),
        garbage,
        "kept aside, byte for byte"
    );
    assert!(summary
        .kept_aside
        .display()
        .to_string()
        .contains("before-restore-2026-11-23"));
    let reopened = Store::open(&data_file).expect("the book opens again");
    let names: Vec<String> = reopened
        .read(|conn| {
            let mut rows = conn.prepare("SELECT name FROM contacts ORDER BY name")?;
            let names = rows
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(names)
        })
        .expect("names");
    assert_eq!(names, ["Jane Doe"]);
}

/// Tend's mark in the header (`PRAGMA application_id`): the ASCII of "Tend".
const TEND_APPLICATION_ID: i64 = 0x5465_6E64;

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

/// The file, its -wal and its -shm as they are (`None`: absent).
fn snapshot(path: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            (
                suffix.to_string(),
                std::fs::read(with_suffix(path, suffix)).ok(),
            )
        })
        .collect()
}

fn assert_refused_unchanged(path: &Path, kind: &str, what: &str) {
    let before = snapshot(path);
    let err = Store::open(path).err().expect(what);
    assert_eq!(err.kind(), kind, "{what}: {err}");
    let message = err.to_string();
    assert!(
        message.len() < 300,
        "{what}: a short message, not {} characters",
        message.len()
    );
    if kind == "not_a_database" {
        assert!(
            message.starts_with("This file is not a Tend data file"),
            "{what}: {message}"
        );
    }
    assert!(
        snapshot(path) == before,
        "{what}: not a byte changed, WAL and SHM included"
    );
}

/// Another application's database, its schema at `version`, in rollback mode.
fn foreign_file(path: &Path, version: i64) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .expect("another application's tables");
    conn.pragma_update(None, "user_version", version)
        .expect("its version");
}

#[test]
fn another_applications_database_is_refused_byte_for_byte_at_every_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    for version in 0..=4 {
        let path = dir.path().join(format!("v{version}")).join("tend.sqlite3");
        std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
        foreign_file(&path, version);
        assert_refused_unchanged(&path, "not_a_database", &format!("at version {version}"));
        assert!(!with_suffix(&path, "-wal").exists(), "no WAL switch");
    }
    // With Tend's own table names, but another application's mark.
    let path = dir.path().join("marked").join("tend.sqlite3");
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    drop(Store::open(&path).expect("a Tend file"));
    rusqlite::Connection::open(&path)
        .and_then(|conn| conn.pragma_update(None, "application_id", 0x0F05_5112))
        .expect("another mark");
    assert_refused_unchanged(&path, "not_a_database", "another application's mark");
    // Unmarked at a version no unmarked Tend ever had.
    let path = dir.path().join("far").join("tend.sqlite3");
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    foreign_file(&path, 999);
    assert_refused_unchanged(&path, "not_a_database", "unmarked at version 999");
}

/// Leaves the connection's last commits in the -wal beside the file (and its
/// -shm), as a program that is still running or was killed does.
fn close_keeping_the_log(conn: rusqlite::Connection) {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .expect("no checkpoint on close");
    conn.close().map_err(|(_, err)| err).expect("closed");
}

#[test]
fn a_foreign_or_newer_file_with_a_log_beside_it_is_refused_log_and_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, application_id, version, kind) in [
        ("foreign-v0", 0, 0, "not_a_database"),
        ("foreign-v2", 0, 2, "not_a_database"),
        ("foreign-marked", 0x0F05_5112, 3, "not_a_database"),
        ("newer", TEND_APPLICATION_ID, 999, "newer_database"),
    ] {
        let path = dir.path().join(name).join("tend.sqlite3");
        std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE recipes (name TEXT);
             PRAGMA application_id = {application_id};
             PRAGMA user_version = {version};"
        ))
        .expect("a file in WAL mode");
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("its header in the file");
        conn.execute_batch("INSERT INTO recipes VALUES ('soup'), ('bread');")
            .expect("rows only in the log");
        close_keeping_the_log(conn);
        assert!(
            std::fs::metadata(with_suffix(&path, "-wal")).is_ok_and(|meta| meta.len() > 0),
            "{name}: a log beside it"
        );
        assert_refused_unchanged(&path, kind, name);
    }
}

#[test]
fn a_newer_tend_file_whose_version_is_only_in_its_log_is_refused_and_the_log_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tend.sqlite3");
    drop(Store::open(&path).expect("a Tend file"));
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
        .expect("a newer Tend's upgrade, still in the log");
    close_keeping_the_log(conn);
    let before = snapshot(&path);
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), "newer_database", "{err}");
    let after = snapshot(&path);
    assert_eq!(after[0], before[0], "the file unchanged");
    assert_eq!(after[1], before[1], "the log unchanged, not merged");
}

#[test]
fn tend_files_are_marked_and_an_older_unmarked_one_is_taken_and_marked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let application_id = |store: &Store| -> i64 {
        store
            .read(|conn| Ok(conn.query_row("PRAGMA application_id", [], |row| row.get(0))?))
            .expect("application_id")
    };
    let fresh = Store::open(&dir.path().join("fresh.sqlite3")).expect("a new book");
    assert_eq!(application_id(&fresh), TEND_APPLICATION_ID);
    // An empty file (as a Tend killed before its first commit leaves) is a new book.
    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, b"").expect("empty");
    assert_eq!(
        application_id(&Store::open(&empty).expect("an empty file")),
        TEND_APPLICATION_ID
    );
    for version in 1..=3 {
        let path = dir.path().join(format!("older-{version}.sqlite3"));
        {
            let mut conn = rusqlite::Connection::open(&path).expect("open");
            tend::store::schema::migrations()
                .to_version(&mut conn, version)
                .expect("an older Tend's file");
        }
        let store = Store::open(&path).expect("an older Tend's file opens");
        assert_eq!(
            application_id(&store),
            TEND_APPLICATION_ID,
            "from {version}"
        );
    }
}

#[test]
fn an_older_tend_file_killed_with_commits_in_its_log_opens_with_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tend.sqlite3");
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch("PRAGMA journal_mode = WAL;")
        .expect("WAL");
    tend::store::schema::migrations()
        .to_version(&mut conn, 3)
        .expect("an older Tend's file");
    conn.execute_batch(
        "PRAGMA wal_checkpoint(TRUNCATE);
         INSERT INTO contacts (name, stage, created_at, updated_at, uid)
         VALUES ('Jane Doe', 'lead', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z', 'u1');",
    )
    .expect("Jane, only in the log");
    close_keeping_the_log(conn);
    let store = Store::open(&path).expect("an older Tend's file opens");
    let names: i64 = store
        .read(|conn| Ok(conn.query_row("SELECT count(*) FROM contacts", [], |row| row.get(0))?))
        .expect("count");
    assert_eq!(names, 1, "Jane, from the log");
}
