//! Migrations: valid, upgrades equal a fresh install, newer files are refused.

use rusqlite::Connection;
use tend::store::{schema, Store};

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
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
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
