//! The SQLite side of backups: a consistent copy of the live file while the app
//! keeps writing (SQLite's online backup API), checking a copy before it is
//! kept, reading what a backup holds without changing it, and swapping the data
//! file for a restored copy.

use super::{open, schema};
use crate::error::{words, Error, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::fmt;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Pages copied per step (4 MB at SQLite's default page size), and a breath
/// after each so a long copy leaves the disk to the app now and then. The copy
/// never holds the write lock: it reads a WAL snapshot on a connection of its own.
const PAGES_PER_STEP: i32 = 1024;
const PAUSE_BETWEEN_STEPS: Duration = Duration::from_millis(1);
/// How long the copy may keep finding its destination busy before giving up.
const BUSY_LIMIT: Duration = Duration::from_secs(10);

/// Why a copy is not a Tend file this version can use.
enum Refusal {
    Newer(i64),
    Unsound(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Newer(found) => write!(
                f,
                "it was written by a newer version of Tend (schema {found}, this version knows up to {})",
                schema::latest_version()
            ),
            Refusal::Unsound(problem) => f.write_str(problem),
        }
    }
}

/// Copies the live data file at `source` to `destination` while the app keeps
/// writing: a snapshot written under a temporary name, checked (integrity,
/// Tend's tables, schema version), then renamed into place. Returns the number
/// of contacts in it.
pub fn back_up(source: &Path, destination: &Path) -> Result<i64> {
    let failed = |problem: String| Error::BackupFailed {
        path: destination.to_path_buf(),
        problem,
    };
    let partial = Scratch::new(with_suffix(destination, ".partial"));
    copy_online(source, &partial.path).map_err(|err| failed(in_words(&err)))?;
    let contacts = open_read_only(&partial.path)
        .map_err(|err| Refusal::Unsound(in_words(&err)))
        .and_then(|conn| inspect(&conn))
        .map_err(|refusal| failed(format!("the copy did not check out: {refusal}")))?;
    partial
        .rename_to(destination)
        .map_err(|err| failed(words::io(&err).to_owned()))?;
    Ok(contacts)
}

/// One read transaction across every step: in WAL mode it is a snapshot that
/// writers never wait for, and it keeps the copy from restarting each time
/// they commit.
fn copy_online(source: &Path, into: &Path) -> rusqlite::Result<()> {
    let source = open_read_only(source)?;
    source.execute_batch("BEGIN")?;
    source.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    crate::data_dir::create_private_file(into);
    let mut copy = Connection::open(into)?;
    step_through(&Backup::new(&source, &mut copy)?)?;
    // The copy carries the live file's WAL flag; a backup stands alone, so that
    // reading it later creates no -wal or -shm beside it.
    let mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(failure(format!("the copy stayed in {mode} journal mode")));
    }
    copy.close().map_err(|(_, err)| err)?;
    source.execute_batch("COMMIT")
}

fn step_through(backup: &Backup<'_, '_>) -> rusqlite::Result<()> {
    let mut busy_since: Option<Instant> = None;
    loop {
        match backup.step(PAGES_PER_STEP)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked => {
                let since = *busy_since.get_or_insert_with(Instant::now);
                if since.elapsed() > BUSY_LIMIT {
                    return Err(failure("the copy stayed busy for too long".into()));
                }
            }
            _ => busy_since = None,
        }
        std::thread::sleep(PAUSE_BETWEEN_STEPS);
    }
}

/// A restore's copy, written and checked beside the data file, upgraded to this
/// version's schema, ready for [`super::Store::replace_with`]; removed if dropped unused.
pub struct PreparedRestore {
    scratch: Scratch,
    source: PathBuf,
    pub contacts: i64,
}

/// Copies `source` byte for byte to `prepared` (SQLite never opens the original,
/// so it is not changed and gets no files beside it), checks the copy — it
/// opens, passes the integrity check, has Tend's tables, and is not from a
/// newer Tend — and migrates it. A refusal leaves nothing behind.
pub fn prepare_restore(source: &Path, prepared: &Path) -> Result<PreparedRestore> {
    let refused = |problem: String| Error::NotRestorable {
        path: source.to_path_buf(),
        problem,
    };
    let scratch = Scratch::new(prepared.to_path_buf());
    copy_with_log(source, prepared)
        .map_err(|err| refused(format!("it could not be read ({})", io_clause(&err))))?;
    let contacts = Connection::open(prepared)
        .map_err(|err| Refusal::Unsound(in_words(&err)))
        .and_then(|conn| {
            let contacts = inspect(&conn)?;
            conn.close()
                .map_err(|(_, err)| Refusal::Unsound(in_words(&err)))?;
            Ok(contacts)
        })
        .map_err(|refusal| match refusal {
            Refusal::Newer(found) => Error::NewerDatabase {
                found,
                supported: schema::latest_version(),
            },
            unsound => refused(unsound.to_string()),
        })?;
    // Upgrade now, so that the swap only has to rename a file that is ready.
    open::open_file(prepared)
        .and_then(|conn| conn.close().map_err(|(_, err)| Error::Storage(err)))
        .map_err(|err| refused(format!("it could not be upgraded: {err}")))?;
    Ok(PreparedRestore {
        scratch,
        source: source.to_path_buf(),
        contacts,
    })
}

/// Swaps the data file for `prepared`, with `live` (the store's connection,
/// its lock held) closed meanwhile: the current file is copied to `keep_aside`,
/// the prepared one renamed over it, and `live` reopened on whichever file is
/// then in place. Refused, the data file is exactly as it was.
pub(super) fn swap(
    live: &mut Connection,
    data_file: &Path,
    prepared: PreparedRestore,
    keep_aside: &Path,
) -> Result<()> {
    let PreparedRestore {
        scratch, source, ..
    } = prepared;
    let refused = |problem: String| Error::NotRestorable {
        path: source.clone(),
        problem,
    };
    // Closing the last connection checkpoints the log into the file and removes
    // it: the file alone is then the whole book, safe to copy and to replace.
    // Meanwhile `live` is an empty in-memory database: it has no tables, so
    // nothing could be written to it by mistake.
    let current = std::mem::replace(live, Connection::open_in_memory()?);
    if let Err((current, err)) = current.close() {
        *live = current;
        return Err(err.into());
    }
    let switched = if with_suffix(data_file, "-wal").exists() {
        // Another connection kept the log: renaming under it would pair its log
        // with the restored file.
        Err(refused(
            "the data file is open in another program (a Tend window, or a tend command \
             in a terminal); close it and try again"
                .into(),
        ))
    } else {
        keep_copy(data_file, keep_aside)
            .map_err(|err| {
                refused(format!(
                    "the current data could not be kept aside ({})",
                    io_clause(&err)
                ))
            })
            .and_then(|()| {
                scratch.rename_to(data_file).map_err(|err| {
                    refused(format!(
                        "the data file could not be replaced ({})",
                        io_clause(&err)
                    ))
                })
            })
    };
    *live = open::open_file(data_file)?;
    switched
}

/// When the data file cannot be opened at all: nothing holds it open, so the
/// unusable file (and any log beside it) is moved aside, never deleted, and the
/// checked copy takes its name.
pub fn install_over_unusable(
    data_file: &Path,
    prepared: PreparedRestore,
    keep_aside: &Path,
) -> Result<()> {
    let PreparedRestore {
        scratch, source, ..
    } = prepared;
    let refused = |problem: String| Error::NotRestorable {
        path: source.clone(),
        problem,
    };
    for suffix in ["", "-wal", "-shm"] {
        let file = with_suffix(data_file, suffix);
        if file.exists() {
            fs::rename(&file, with_suffix(keep_aside, suffix)).map_err(|err| {
                refused(format!(
                    "the damaged file could not be moved aside ({})",
                    io_clause(&err)
                ))
            })?;
        }
    }
    scratch.rename_to(data_file).map_err(|err| {
        refused(format!(
            "the data file could not be replaced ({})",
            io_clause(&err)
        ))
    })
}

/// A byte copy of the quiescent data file, made durable before it takes its name.
fn keep_copy(data_file: &Path, keep_aside: &Path) -> std::io::Result<()> {
    let partial = Scratch::new(with_suffix(keep_aside, ".partial"));
    fs::copy(data_file, &partial.path)?;
    crate::data_dir::make_private(&partial.path);
    File::open(&partial.path)?.sync_all()?;
    partial.rename_to(keep_aside)
}

fn copy_with_log(source: &Path, into: &Path) -> std::io::Result<()> {
    fs::copy(source, into)?;
    crate::data_dir::make_private(into);
    // A file copied from a Tend that was not closed may still have committed
    // changes in its log.
    let log = with_suffix(source, "-wal");
    if log.is_file() {
        fs::copy(log, with_suffix(into, "-wal"))?;
        crate::data_dir::make_private(&with_suffix(into, "-wal"));
    }
    Ok(())
}

/// The contacts in a backup, read without changing the file in any way.
pub fn contacts_in(path: &Path) -> Result<i64> {
    count_contacts(&open_read_only(path)?)
}

pub fn count_contacts(conn: &Connection) -> Result<i64> {
    Ok(contact_count(conn)?)
}

fn contact_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM contacts", [], |row| row.get(0))
}

/// Changes when another connection (a `tend` command in a terminal) commits to
/// the file; this connection's own commits leave it as it is.
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
}

fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

/// Schema version, integrity, Tend's tables; then the contacts in it.
fn inspect(conn: &Connection) -> Result<i64, Refusal> {
    let unsound = |err: rusqlite::Error| Refusal::Unsound(in_words(&err));
    let schema_version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(unsound)?;
    let application_id: i64 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(unsound)?;
    let application_id = u32::try_from(application_id).unwrap_or(u32::MAX);
    if schema_version > schema::latest_version() && application_id == schema::APPLICATION_ID {
        return Err(Refusal::Newer(schema_version));
    }
    if !schema::marked_as_tend(application_id, schema_version)
        || schema_version > schema::latest_version()
    {
        return Err(Refusal::Unsound(
            "it is not a Tend file (another application's database)".into(),
        ));
    }
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check(5)")
        .and_then(|mut check| {
            check
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        // A check that stops at a damaged page is a finding too.
        .unwrap_or_else(|err| vec![err.to_string()]);
    if problems != ["ok"] {
        return Err(Refusal::Unsound(format!(
            "it is damaged (the integrity check found: {})",
            problems.join("; ")
        )));
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut names| {
            names
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(unsound)?;
    if let Some(missing) = schema::TEND_TABLES
        .iter()
        .find(|table| !tables.iter().any(|name| name == *table))
    {
        return Err(Refusal::Unsound(format!(
            "it is not a Tend file (it has no {missing} table)"
        )));
    }
    contact_count(conn).map_err(unsound)
}

fn failure(message: String) -> rusqlite::Error {
    let code = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR);
    rusqlite::Error::SqliteFailure(code, Some(message))
}

fn in_words(err: &rusqlite::Error) -> String {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => "it is not a Tend file (not an SQLite database)".into(),
        Some(ErrorCode::DatabaseCorrupt) => "it is damaged".into(),
        Some(ErrorCode::CannotOpen) => "it could not be opened".into(),
        _ => words::sqlite(err),
    }
}

fn io_clause(err: &std::io::Error) -> &'static str {
    words::Cause::of_io(err).clause()
}

/// `tend.sqlite3` + "-wal" → `tend.sqlite3-wal`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A file written under a temporary name: removed, with any -wal and -shm,
/// unless it was renamed into place (and any leftover of an interrupted run
/// under the same name is removed first).
struct Scratch {
    path: PathBuf,
    kept: bool,
}

impl Scratch {
    fn new(path: PathBuf) -> Scratch {
        remove_with_sidecars(&path);
        Scratch { path, kept: false }
    }

    fn rename_to(mut self, destination: &Path) -> std::io::Result<()> {
        fs::rename(&self.path, destination)?;
        self.kept = true;
        sync_folder_of(destination);
        Ok(())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !self.kept {
            remove_with_sidecars(&self.path);
        }
    }
}

fn remove_with_sidecars(path: &Path) {
    for file in [
        path.to_path_buf(),
        with_suffix(path, "-wal"),
        with_suffix(path, "-shm"),
    ] {
        // Absent is the usual case; anything else is left for the next run.
        let _ = fs::remove_file(file);
    }
}

/// Makes a rename durable where the OS allows it (a folder cannot be opened
/// for syncing on Windows; the rename itself is done either way).
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        let _ = File::open(folder).and_then(|folder| folder.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}
