//! Opening the data file: the one place that sets PRAGMAs and runs migrations.

use super::schema;
use crate::error::{Error, Result, Unusable};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long opening waits for a lock held by another program.
const OPENING_WAIT: Duration = Duration::from_secs(1);

pub(super) fn open_file(path: &Path) -> Result<Connection> {
    prepare(path).map_err(|err| unusable(err, path))
}

/// A failure to open says why the file cannot be used, not just what SQLite said.
fn unusable(err: Error, path: &Path) -> Error {
    use rusqlite::ErrorCode;
    let code = match &err {
        Error::Storage(sqlite)
        | Error::Migration(rusqlite_migration::Error::RusqliteError { err: sqlite, .. }) => {
            sqlite.sqlite_error_code()
        }
        _ => None,
    };
    if let Error::Unusable { why, .. } = err {
        return Error::Unusable {
            path: path.to_path_buf(),
            why,
        };
    }
    let why = match code {
        Some(ErrorCode::DatabaseCorrupt) => Unusable::Corrupt,
        Some(ErrorCode::NotADatabase) => Unusable::NotADatabase,
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Unusable::Locked,
        Some(ErrorCode::ReadOnly) => Unusable::ReadOnly,
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Unusable::CannotOpen,
        _ => return err,
    };
    Error::Unusable {
        path: path.to_path_buf(),
        why,
    }
}

fn prepare(path: &Path) -> Result<Connection> {
    // Look before touching anything: a file that is not Tend's, or is from a
    // newer Tend, must stay exactly as it is (WAL and SHM included), and even
    // switching the journal mode would already change it.
    look_before_opening(path)?;
    crate::data_dir::create_private_file(path);
    let mut conn = Connection::open(path)?;
    // Opening waits little for a lock: only a program holding the file
    // exclusively keeps it that long, and waiting would only keep the window
    // from appearing (the start-up page offers "Try again").
    conn.busy_timeout(OPENING_WAIT)?;
    schema::refuse_newer(&conn)?;
    // WAL: readers never block the writer, and a crash mid-write loses nothing
    // that was committed. NORMAL is durable in WAL mode except on power loss.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Setup(format!(
            "could not switch to write-ahead logging (the journal is {mode})"
        )));
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    schema::migrate(&mut conn)?;
    // Open, a write waits its turn behind another Tend (a `tend add`, an import).
    conn.busy_timeout(Duration::from_secs(5))?;
    // Hers alone: the file, and the log and index SQLite keeps beside it.
    for suffix in ["", "-wal", "-shm"] {
        crate::data_dir::make_private(&with_suffix(path, suffix));
    }
    Ok(conn)
}

/// What the file's header says, read without SQLite (the header is the first
/// 100 bytes: user_version at offset 60, application_id at 68, big-endian).
struct Header {
    version: i64,
    application_id: u32,
}

const HEADER_LEN: usize = 100;
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn not_tend() -> Error {
    Error::Unusable {
        path: PathBuf::new(),
        why: Unusable::NotADatabase,
    }
}

/// Decides, read-only, whether the file may be opened for writing: it is
/// absent or empty (a new book), or it is Tend's (marked with Tend's
/// application_id, or an older Tend's unmarked file with Tend's tables) at a
/// version this Tend knows, and it passes a quick integrity check. A foreign or
/// newer file named by its header is refused before SQLite opens it at all.
fn look_before_opening(path: &Path) -> Result<()> {
    let log = with_suffix(path, "-wal");
    let has_log = fs::metadata(&log).is_ok_and(|meta| meta.len() > 0);
    let bytes = match read_header(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => Vec::new(),
        // Unreadable: SQLite says why (permissions, a folder) when it tries.
        Err(_) => return Ok(()),
    };
    if bytes.is_empty() {
        // A new book, unless a log is beside nothing: SQLite would delete it.
        return if has_log { Err(not_tend()) } else { Ok(()) };
    }
    let header = parse_header(&bytes).ok_or_else(not_tend)?;
    judge(header.application_id, header.version, None)?;
    if has_log && header.application_id != schema::APPLICATION_ID {
        // Unmarked, with a log: what it holds decides (a new or older Tend's
        // file killed mid-write, or a stranger's), and even reading through a
        // log changes the -shm beside it. So the file and its log are looked
        // at as a copy, in a private scratch folder.
        return look_at_a_copy(path, &log);
    }
    let conn = open_to_look(path, has_log)?;
    let looked = look_inside(&conn);
    // Never a checkpoint from this connection: the log stays as it was.
    let _ = conn.close();
    looked
}

fn look_at_a_copy(path: &Path, log: &Path) -> Result<()> {
    let cannot = |err: io::Error| {
        Error::Setup(format!(
            "the data file could not be read. {}",
            crate::error::words::io(&err)
        ))
    };
    let scratch = tempfile::tempdir().map_err(cannot)?;
    let copy = scratch.path().join("looking.sqlite3");
    fs::copy(path, &copy).map_err(cannot)?;
    fs::copy(log, with_suffix(&copy, "-wal")).map_err(cannot)?;
    let conn = Connection::open(&copy)?;
    look_inside(&conn)
}

fn read_header(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(HEADER_LEN);
    File::open(path)?
        .take(HEADER_LEN as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn parse_header(bytes: &[u8]) -> Option<Header> {
    if bytes.len() < HEADER_LEN || !bytes.starts_with(MAGIC) {
        return None;
    }
    let word = |at: usize| -> Option<[u8; 4]> { bytes.get(at..at + 4)?.try_into().ok() };
    Some(Header {
        version: i64::from(i32::from_be_bytes(word(60)?)),
        application_id: u32::from_be_bytes(word(68)?),
    })
}

/// `tables` is `None` when only the header has been read.
fn judge(application_id: u32, version: i64, tables: Option<&[String]>) -> Result<()> {
    let supported = schema::latest_version();
    if version > supported && application_id == schema::APPLICATION_ID {
        return Err(Error::NewerDatabase {
            found: version,
            supported,
        });
    }
    if version < 0 || version > supported || !schema::marked_as_tend(application_id, version) {
        return Err(not_tend());
    }
    let Some(tables) = tables else {
        return Ok(());
    };
    let has = |table: &&str| tables.iter().any(|name| name == table);
    let tends = if application_id == schema::APPLICATION_ID || version > 0 {
        schema::TEND_TABLES.iter().all(has)
    } else {
        // Unmarked at version 0: only a brand-new, empty file is Tend's to take.
        tables.is_empty()
    };
    if tends {
        Ok(())
    } else {
        Err(not_tend())
    }
}

/// A read-only connection that changes nothing beside the file. With no log
/// beside it, `immutable=1`: SQLite creates no -wal or -shm and takes no lock.
/// With a log, the file is read through it (an older Tend's last commits may be
/// there), never checkpointing it.
fn open_to_look(path: &Path, has_log: bool) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if has_log {
        Connection::open_with_flags(path, flags)?
    } else {
        Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)?
    };
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    conn.busy_timeout(OPENING_WAIT)?;
    Ok(conn)
}

fn look_inside(conn: &Connection) -> Result<()> {
    let application_id: i64 = conn.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    let version = schema::current_version(conn)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // application_id is a signed 32-bit field; Tend's is positive.
    let application_id = u32::try_from(application_id).unwrap_or(u32::MAX);
    judge(application_id, version, Some(&tables))?;
    // A file that opening will change (marked, or migrated) is checked whole
    // first, so Tend never writes into a damaged one. A current, marked file is
    // not: its check would cost ~0.7 s at every start on a 100k-contact book, and
    // a damaged page there is still refused when it is read.
    let will_change =
        application_id != schema::APPLICATION_ID || version < schema::latest_version();
    if !will_change {
        return Ok(());
    }
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if verdict != "ok" {
        return Err(Error::Unusable {
            path: PathBuf::new(),
            why: Unusable::Corrupt,
        });
    }
    Ok(())
}

/// `file:` URI of `path` with `immutable=1`, every byte outside the unreserved
/// set percent-encoded.
fn immutable_uri(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = {
        let text = path.to_string_lossy().replace('\\', "/");
        // C:/… is written /C:/… in a URI.
        let rooted = if text.starts_with('/') {
            text
        } else {
            format!("/{text}")
        };
        rooted.into_bytes()
    };
    let mut uri = String::from("file:");
    for byte in bytes {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// `tend.sqlite3` + "-wal" → `tend.sqlite3-wal`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
