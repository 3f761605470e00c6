//! The schema's history: embedded, append-only migrations versioned by
//! `user_version`. Never edit a migration that has shipped; add the next one.

use crate::error::{Error, Result};
use rusqlite::{Connection, Transaction};
use rusqlite_migration::{HookError, HookResult, Migrations, M};

/// The migrations' SQL, oldest first; [`migrations`] adds the Rust hooks.
const SQL: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_builtin_cadences.sql"),
    include_str!("migrations/0003_contacts_in_and_out.sql"),
    include_str!("migrations/0004_application_id.sql"),
    include_str!("migrations/0005_search_digits_and_met.sql"),
    include_str!("migrations/0006_customers_who_stay.sql"),
    include_str!("migrations/0007_today_without_scanning.sql"),
    include_str!("migrations/0008_customers_from_indexes.sql"),
    include_str!("migrations/0009_birthdays_from_an_index.sql"),
];

/// 0005 rebuilt the search index: every row, from the tables, in the same
/// transaction as the schema change (and its phones' stored forms with it).
fn rebuild_search(tx: &Transaction) -> HookResult {
    super::contacts::upgrade_phones_and_search(tx).map_err(|err| HookError::Hook(err.to_string()))
}

/// `PRAGMA application_id` of every Tend file: the ASCII of "Tend". Set by
/// migration 0004; a file without it is Tend's only at an earlier version.
pub const APPLICATION_ID: u32 = 0x5465_6E64;

/// Tables every Tend file has had since its first schema.
pub const TEND_TABLES: &[&str] = &["contacts", "followups", "settings", "stages", "touches"];

/// The last schema version whose files were not yet marked with [`APPLICATION_ID`].
pub const LAST_UNMARKED_VERSION: i64 = 3;

/// Whether a file with this `application_id` and `user_version` can be Tend's
/// (one this version, or an older one, wrote), newer versions aside.
pub fn marked_as_tend(application_id: u32, version: i64) -> bool {
    application_id == APPLICATION_ID || (application_id == 0 && version <= LAST_UNMARKED_VERSION)
}

pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        SQL.iter()
            .enumerate()
            .map(|(index, sql)| match index + 1 {
                5 => M::up_with_hook(sql, rebuild_search),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    SQL.len() as i64
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
