//! Opening the data file: the one place that sets PRAGMAs and runs migrations.

use super::schema;
use crate::error::{Error, Result, Unusable};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

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
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    // Look before touching anything: a file from a newer Tend must stay exactly as
    // it is, and switching journal mode would already change it.
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
    Ok(conn)
}
