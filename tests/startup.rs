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
