//! Migrations: valid, upgrades equal a fresh install and keep every row, shipped
//! migrations never change, newer files are refused.

use crate::support::{instant, listed_names};
use rusqlite::types::Value;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::Arc;
use tend::api::Tend;
use tend::clock::ManualClock;
use tend::domain::followup::Status;
use tend::store::{schema, Store};

/// The first shipped schema with a seller's rows in it (frozen: see its header).
const V1_WITH_ROWS: &str = include_str!("fixtures/schema/v1-with-rows.sql");

/// Every migration that has shipped, with the SHA-256 of its file.
const SHIPPED_MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_init.sql",
        "2d24aa18c49e06a7bb17fbf1ccbd5091535c6d9e686086fd5afc6413de7d612a",
    ),
    (
        "0002_builtin_cadences.sql",
        "3f722992b1732cd3d06db20f6f5c6c5aa12dbf8ce94bdf118879d28b68755d2e",
    ),
    (
        "0003_contacts_in_and_out.sql",
        "32d9496814a15053c8feaa3addd511dc0fde6d762e7f2dbcbf7674d3beb12560",
    ),
    (
        "0004_application_id.sql",
        "08e6f5e5f7087eb92b500cb82d890d4791ae14b006e11450c19f98cb6810e0a9",
    ),
    (
        "0005_search_digits_and_met.sql",
        "9bf5fb789242411c5ef34a66383e223e924b20da241d725f0f9df62134b0ac86",
    ),
    (
        "0006_customers_who_stay.sql",
        "81a002fd1d6b25996c25fcced996dbc687fe9f6c794c0378b66e122f8ba936ce",
    ),
    (
        "0007_today_without_scanning.sql",
        "dc6078e75d4a1edcfb8db2a1e0aa22012a1d9006e18f95d80533bd7b26c246a2",
    ),
    (
        "0008_customers_from_indexes.sql",
        "bf83eda49fd1e695bad3106055860747172858add68fd86beaf66c3a447ab96e",
    ),
    (
        "0009_birthdays_from_an_index.sql",
        "5a70268bb0d37b05db9759d9371e49c542242f4e8f507fb6e3e7c1baa480aeb8",
    ),
];

fn schema_of(conn: &Connection) -> Vec<String> {
    let mut rows = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .expect("schema query");
    rows.query_map([], |row| {
        Ok(format!(
            "{} {} {}",
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?
        ))
    })
    .expect("schema rows")
    .collect::<rusqlite::Result<_>>()
    .expect("schema read")
}

#[test]
fn migrations_are_valid() {
    schema::migrations()
        .validate()
        .expect("every migration applies cleanly");
}

#[test]
fn upgrading_from_every_earlier_schema_equals_a_fresh_install() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = Store::open(&dir.path().join("fresh.sqlite3")).expect("fresh");
    let fresh_schema = fresh.read(|conn| Ok(schema_of(conn))).expect("schema");

    for start in 1..=schema::latest_version() {
        let path = dir.path().join(format!("from-{start}.sqlite3"));
        {
            let mut conn = Connection::open(&path).expect("open");
            schema::migrations()
                .to_version(&mut conn, start as usize)
                .expect("old schema");
        }
        let upgraded = Store::open(&path).expect("upgrade");
        let version = upgraded.read(schema::current_version).expect("version");
        assert_eq!(version, schema::latest_version());
        assert_eq!(
            upgraded.read(|conn| Ok(schema_of(conn))).expect("schema"),
            fresh_schema,
            "from {start}"
        );
    }
}

#[test]
fn a_file_from_a_newer_tend_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tend.sqlite3");
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch(
            "CREATE TABLE future (x); PRAGMA user_version = 999;
             PRAGMA application_id = 1415933540;",
        )
        .expect("future file");
    }
    let before = std::fs::read(&path).expect("bytes");
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), "newer_database");
    assert!(err.to_string().contains("newer version of Tend"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "not a byte changed"
    );
    assert!(
        !dir.path().join("tend.sqlite3-wal").exists(),
        "no journal switch either"
    );
}

#[test]
fn the_store_opens_with_its_pragmas() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in_dir(dir.path()).expect("open");
    let (journal, foreign_keys, synchronous): (String, i64, i64) = store
        .read(|conn| {
            Ok((
                conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
            ))
        })
        .expect("pragmas");
    assert_eq!(journal, "wal");
    assert_eq!(foreign_keys, 1);
    assert_eq!(synchronous, 1, "NORMAL");
    assert!(dir.path().join("tend.sqlite3").exists());
}

#[test]
fn shipped_migrations_are_never_edited() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/store/migrations");
    let mut found = std::fs::read_dir(dir)
        .expect("the migrations folder")
        .map(|entry| entry.expect("a migration file").path())
        .collect::<Vec<_>>();
    found.sort();
    for path in &found {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a UTF-8 file name");
        let bytes = std::fs::read(path).expect("the migration reads");
        let hash = Sha256::digest(&bytes)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<String>();
        match SHIPPED_MIGRATIONS
            .iter()
            .find(|(shipped, _)| *shipped == name)
        {
            Some((_, pinned)) => assert_eq!(
                hash, *pinned,
                "{name}: a shipped migration was edited: never edit one, add the next"
            ),
            None => panic!(
                "{name} is not in SHIPPED_MIGRATIONS (tests/schema.rs): add its hash here \
                 when it ships: (\"{name}\", \"{hash}\")"
            ),
        }
    }
    for (shipped, _) in SHIPPED_MIGRATIONS {
        assert!(
            found.iter().any(|path| path.ends_with(shipped)),
            "{shipped} shipped and is gone: a shipped migration was edited: never edit one, \
             add the next"
        );
    }
}

/// A table as it was in v1: its columns, and how its rows are ordered.
struct V1Table {
    name: String,
    /// What each row is read as: every v1 column (and the rowid of a virtual
    /// table, which links the search index to its contact).
    select: String,
    order: String,
}

/// The v1 file's tables; FTS5's shadow tables are its own business (searching
/// after the upgrade checks the index still works).
fn v1_tables(conn: &Connection) -> Vec<V1Table> {
    let tables = conn
        .prepare(
            "SELECT name, type, wr FROM pragma_table_list
             WHERE schema = 'main' AND type IN ('table', 'virtual')
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .expect("table list")
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, bool>(2)?,
            ))
        })
        .expect("tables")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("tables read");
    tables
        .into_iter()
        .map(|(name, kind, without_rowid)| {
            let columns = conn
                .prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")
                .expect("column list")
                .query_map([&name], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
                })
                .expect("columns")
                .collect::<rusqlite::Result<Vec<_>>>()
                .expect("columns read");
            let mut select = columns
                .iter()
                .map(|(column, _)| format!("\"{column}\""))
                .collect::<Vec<_>>();
            if kind == "virtual" {
                select.insert(0, "rowid".into());
            }
            let order = if without_rowid {
                let mut key = columns.iter().filter(|(_, pk)| *pk > 0).collect::<Vec<_>>();
                key.sort_by_key(|(_, pk)| *pk);
                key.iter()
                    .map(|(column, _)| format!("\"{column}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                "rowid".into()
            };
            V1Table {
                name,
                select: select.join(", "),
                order,
            }
        })
        .collect()
}

/// Each table's rows, every v1 column of each, in order.
fn rows_of(conn: &Connection, tables: &[V1Table]) -> BTreeMap<String, Vec<String>> {
    tables
        .iter()
        .map(|table| {
            let mut query = conn
                .prepare(&format!(
                    "SELECT {} FROM \"{}\" ORDER BY {}",
                    table.select, table.name, table.order
                ))
                .expect("rows query");
            let width = query.column_count();
            let rows = query
                .query_map([], |row| {
                    (0..width)
                        .map(|i| row.get::<_, Value>(i).map(|value| format!("{value:?}")))
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|cells| cells.join(" | "))
                })
                .expect("rows")
                .collect::<rusqlite::Result<Vec<_>>>()
                .expect("rows read");
            (table.name.clone(), rows)
        })
        .collect()
}

fn row_counts(conn: &Connection, tables: &[V1Table]) -> BTreeMap<String, i64> {
    rows_of(conn, tables)
        .into_iter()
        .map(|(name, rows)| (name, rows.len() as i64))
        .collect()
}

/// How many rows the migrations after v1 add to (or remove from) each v1 table
/// of an empty file: 0002 adds the built-in cadences and their steps.
fn rows_later_migrations_add(dir: &std::path::Path, tables: &[V1Table]) -> BTreeMap<String, i64> {
    let mut conn = Connection::open(dir.join("empty-v1.sqlite3")).expect("open");
    let migrations = schema::migrations();
    migrations.to_version(&mut conn, 1).expect("v1");
    let at_v1 = row_counts(&conn, tables);
    migrations.to_latest(&mut conn).expect("latest");
    row_counts(&conn, tables)
        .into_iter()
        .map(|(name, count)| {
            let before = at_v1.get(&name).copied().unwrap_or(0);
            (name, count - before)
        })
        .collect()
}

/// What migration 0005 changes on purpose, said once for the rows before and
/// after: the search index is rebuilt from the tables (so it is compared by
/// which contacts it holds; the searches below check what it finds), and a
/// phone stored as "+…" that is not a valid number is stored by its digits
/// (in the v1 snapshot, Ofcom's drama number +44 7700 900123).
fn what_0005_changes(mut rows: BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    if let Some(index) = rows.get_mut("contact_search") {
        for row in index.iter_mut() {
            *row = row.split(" | ").next().unwrap_or_default().to_string();
        }
    }
    if let Some(methods) = rows.get_mut("contact_methods") {
        for row in methods.iter_mut() {
            *row = row.replace(
                "Text(\"+44 7700 900123\") | Text(\"+447700900123\")",
                "Text(\"+44 7700 900123\") | Text(\"447700900123\")",
            );
        }
    }
    rows
}

#[test]
fn a_v1_file_with_rows_upgrades_keeping_every_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = Store::open(&dir.path().join("fresh.sqlite3")).expect("fresh");
    let fresh_schema = fresh.read(|conn| Ok(schema_of(conn))).expect("schema");
    let v1_schema = {
        let mut conn = Connection::open(dir.path().join("v1.sqlite3")).expect("open");
        schema::migrations()
            .to_version(&mut conn, 1)
            .expect("v1 schema");
        schema_of(&conn)
    };

    let path = dir.path().join("tend.sqlite3");
    let (tables, before) = {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch(V1_WITH_ROWS)
            .expect("the v1 snapshot loads");
        assert_eq!(schema::current_version(&conn).expect("version"), 1);
        assert_eq!(schema_of(&conn), v1_schema, "the snapshot is the v1 schema");
        let dangling = conn
            .prepare("PRAGMA foreign_key_check")
            .and_then(|mut check| check.query([])?.next().map(|row| row.is_some()))
            .expect("foreign key check");
        assert!(!dangling, "every reference in the snapshot holds");
        let tables = v1_tables(&conn);
        let before = rows_of(&conn, &tables);
        (tables, before)
    };
    for (table, rows) in &before {
        assert!(!rows.is_empty(), "the v1 snapshot has rows in {table}");
    }
    let added = rows_later_migrations_add(dir.path(), &tables);
    let before = what_0005_changes(before);

    let upgraded = Store::open(&path).expect("the v1 file upgrades");
    assert_eq!(
        upgraded.read(schema::current_version).expect("version"),
        schema::latest_version()
    );
    assert_eq!(
        upgraded.read(|conn| Ok(schema_of(conn))).expect("schema"),
        fresh_schema,
        "an upgraded v1 file has a fresh install's schema"
    );
    let after = upgraded
        .read(|conn| Ok(rows_of(conn, &tables)))
        .map(what_0005_changes)
        .expect("rows after");
    for (table, rows) in &before {
        let now = &after[table];
        // A migration's own rows (built-in cadences) come after the seller's.
        for (index, row) in rows.iter().enumerate() {
            assert_eq!(
                now.get(index),
                Some(row),
                "{table}, row {}: a v1 row was changed or lost by the upgrade",
                index + 1
            );
        }
        assert_eq!(
            now.len() as i64,
            rows.len() as i64 + added.get(table).copied().unwrap_or(0),
            "{table}: the upgrade added or removed rows a fresh install does not"
        );
    }

    // What the seller sees afterwards.
    let clock = Arc::new(ManualClock::in_zone(
        instant("2026-03-05T09:00:00Z"),
        chrono_tz::Europe::Madrid,
    ));
    let tend = Tend::new(upgraded, clock);
    assert_eq!(
        listed_names(&tend, "", false),
        [
            "Ana Lucía Gómez",
            "Jane Doe",
            "Luis Ángel Pérez",
            "María José Núñez",
            "Sam O'Neil",
            "Zoë Müller",
            "陈伟 (Chen Wei)",
        ]
    );
    assert_eq!(
        listed_names(&tend, "", true).len(),
        8,
        "with Olivia, archived"
    );
    // The search index kept from v1 still answers: by name without accents,
    // phone, email, tag and note.
    for query in ["maria nunez", "612345678", "trabajo", "lavanda", "Carmen"] {
        assert_eq!(
            listed_names(&tend, query, false),
            ["María José Núñez"],
            "search {query:?}"
        );
    }
    assert_eq!(listed_names(&tend, "Valencia", true), ["Olivia Brown"]);

    let maria = tend.contact(1).expect("María");
    assert_eq!(maria.name, "María José Núñez");
    assert_eq!(maria.phone_e164.as_deref(), Some("+34612345678"));
    assert_eq!(maria.email.as_deref(), Some("maria.nunez@example.es"));
    assert_eq!(maria.tags, ["fiesta 🎉", "lavanda"]);
    assert!(maria.notes.contains("lavender set 🌿"), "{}", maria.notes);

    let followups = tend.contact_followups(1).expect("her follow-ups");
    assert_eq!(followups.len(), 3, "{followups:?}");
    assert!(followups
        .iter()
        .all(|followup| followup.cadence_name.as_deref() == Some("Spring party follow-up 🌷")));
    assert_eq!(
        followups
            .iter()
            .filter(|followup| followup.status == Status::Done)
            .count(),
        1
    );
    assert_eq!(tend.contact_touches(1).expect("touches").count, 1);
    let snoozed = tend.contact_followups(5).expect("Sam's follow-ups");
    assert_eq!(snoozed[0].status, Status::Snoozed);

    assert_eq!(tend.settings().expect("settings").phone_region, "ES");
    let cadences = tend.cadences().expect("cadences");
    assert!(cadences
        .iter()
        .any(|cadence| cadence.name == "Spring party follow-up 🌷" && cadence.steps.len() == 3));
    assert!(
        cadences
            .iter()
            .any(|cadence| cadence.builtin_key.as_deref() == Some("new_lead")),
        "0002's built-in cadences were added"
    );
    tend.today().expect("Today reads every row it needs");
}
