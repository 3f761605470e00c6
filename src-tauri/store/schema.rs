//! The schema's history: embedded, append-only migrations versioned by
//! `user_version`. Never edit a migration that has shipped; add the next one.

use crate::error::{Error, Result};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_init.sql")),
    M::up(include_str!("migrations/0002_builtin_cadences.sql")),
    M::up(include_str!("migrations/0003_contacts_in_and_out.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = current_version(conn)?;
    let supported = latest_version();
    if found > supported {
        return Err(Error::NewerDatabase { found, supported });
    }
    Ok(())
}

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    migrations().to_latest(conn)?;
    Ok(())
}
