//! Her customers are hers alone: on Unix the data folder is 0700 and every file
//! Tend writes (the data file, its -wal and -shm, backups and their folder,
//! exports) is 0600, whatever the umask; an existing folder and file are fixed
//! on opening. The tests run as root here, so they check the mode bits, not access.
#![cfg(unix)]

use crate::support::draft;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use tend::api::{ExportFormat, Tend};
use tend::clock::ManualClock;
use tend::store::Store;

/// Set in the copy of this test binary that runs under a permissive umask.
const CHILD: &str = "TEND_PRIVACY_CHILD";

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn assert_mode(path: &Path, expected: u32) {
    assert_eq!(
        mode(path),
        expected,
        "{}: {:o}, expected {expected:o}",
        path.display(),
        mode(path)
    );
}

/// umask is per process and needs unsafe code to set: this test binary runs
/// itself again under `umask 000`, for the ignored test below only.
#[test]
fn every_file_tend_writes_is_hers_alone_even_under_a_permissive_umask() {
    let exe = std::env::current_exe().expect("this test binary");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"umask 000 && exec "$0" --exact --ignored --test-threads 1 privacy::under_a_permissive_umask"#)
        .arg(&exe)
        .env(CHILD, "1")
        .output()
        .expect("the test binary runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("1 passed"), "the child test ran: {said}");
}

#[test]
#[ignore = "run by every_file_tend_writes_is_hers_alone_even_under_a_permissive_umask"]
fn under_a_permissive_umask() {
    assert!(std::env::var_os(CHILD).is_some(), "run under umask 000");
    let root = tempfile::tempdir().expect("temp dir");
    // A file made here without Tend is world-readable: the umask is permissive.
    let probe = root.path().join("probe");
    std::fs::write(&probe, b"x").expect("probe");
    assert_mode(&probe, 0o666);

    let data = root.path().join("Tend");
    let clock = Arc::new(ManualClock::in_zone(
        crate::support::instant("2026-11-23T09:00:00Z"),
        chrono_tz::UTC,
    ));
    let tend = Tend::new(
        Store::open_in_dir(&data).expect("a new book"),
        clock.clone(),
    );
    tend.create_contact(&draft("Jane Doe")).expect("jane");
    let file = data.join("tend.sqlite3");
    assert_mode(&data, 0o700);
    assert_mode(&file, 0o600);
    assert_mode(&data.join("tend.sqlite3-wal"), 0o600);
    assert_mode(&data.join("tend.sqlite3-shm"), 0o600);

    let backup = tend.back_up_before("test").expect("a backup");
    assert_mode(&data.join("backups"), 0o700);
    assert_mode(&backup.path, 0o600);
    let picked = root.path().join("usb-stick.sqlite3");
    tend.back_up_to(&picked).expect("a backup she picks");
    assert_mode(&picked, 0o600);
    for (name, format) in [
        ("contacts.vcf", ExportFormat::Vcard),
        ("contacts.csv", ExportFormat::Csv),
        ("followups.ics", ExportFormat::Ics),
    ] {
        let export = root.path().join(name);
        tend.export_to(&export, format).expect("an export");
        assert_mode(&export, 0o600);
    }
    let restored = tend.restore_from(&backup.path).expect("a restore");
    assert_mode(&restored.kept_aside, 0o600);
    assert_mode(&file, 0o600);
    drop(tend);

    // A folder and file from before (or loosened by hand) are fixed on opening.
    let loose = std::fs::Permissions::from_mode(0o777);
    std::fs::set_permissions(&data, loose.clone()).expect("loosen the folder");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).expect("the file");
    std::fs::set_permissions(data.join("backups"), loose).expect("the backups");
    let tend = Tend::new(Store::open_in_dir(&data).expect("reopened"), clock);
    assert_mode(&data, 0o700);
    assert_mode(&file, 0o600);
    assert_mode(&data.join("tend.sqlite3-wal"), 0o600);
    tend.back_up_before("test again").expect("a backup");
    assert_mode(&data.join("backups"), 0o700);
}
