//! Shared set-up: a Tend over a real file in its own temporary folder.

use chrono::{DateTime, Utc};
use std::sync::Arc;
use tend::api::Tend;
use tend::clock::ManualClock;
use tend::domain::contact::ContactDraft;
use tend::store::Store;

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub clock: Arc<ManualClock>,
    pub tend: Tend,
}

pub fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test instants are valid RFC 3339")
        .with_timezone(&Utc)
}

pub fn fixture() -> Fixture {
    fixture_at("2026-11-23T09:00:00Z", chrono_tz::UTC)
}

/// A fixture whose clock starts at `now` in `zone`.
pub fn fixture_at(now: &str, zone: chrono_tz::Tz) -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let clock = Arc::new(ManualClock::in_zone(instant(now), zone));
    let store = Store::open_in_dir(dir.path()).expect("the store opens");
    let tend = Tend::new(store, clock.clone());
    Fixture { dir, clock, tend }
}

impl Fixture {
    pub fn clock_now(&self) -> DateTime<Utc> {
        use tend::clock::Clock;
        self.clock.now()
    }

    /// Closes and reopens the data file, as a restart of the app would.
    pub fn reopen(self) -> Fixture {
        let Fixture { dir, clock, tend } = self;
        drop(tend);
        let store = Store::open_in_dir(dir.path()).expect("the store reopens");
        let tend = Tend::new(store, clock.clone());
        Fixture { dir, clock, tend }
    }

    /// Every row of every table, in order: two equal dumps mean nothing changed.
    pub fn dump(&self) -> Vec<String> {
        self.tend
            .store()
            .read(|conn| {
                let mut tables = conn.prepare(
                    "SELECT name FROM sqlite_schema WHERE type = 'table'
                     AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'contact_search_%' ORDER BY name",
                )?;
                let names = tables
                    .query_map([], |row| row.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let mut out = Vec::new();
                for name in names {
                    let mut rows = conn.prepare(&format!("SELECT * FROM \"{name}\" ORDER BY 1"))?;
                    let width = rows.column_count();
                    let mut cursor = rows.query([])?;
                    while let Some(row) = cursor.next()? {
                        let cells = (0..width)
                            .map(|i| row.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                            .collect::<rusqlite::Result<Vec<_>>>()?;
                        out.push(format!("{name}: {}", cells.join(" | ")));
                    }
                }
                Ok(out)
            })
            .expect("the dump reads")
    }
}

pub fn draft(name: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        ..ContactDraft::default()
    }
}

pub fn full_draft(
    name: &str,
    phone: &str,
    email: &str,
    notes: &str,
    tags: &[&str],
) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
        stage: "lead".into(),
        notes: notes.into(),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        keep_in_touch_days: None,
        // The fixtures use the fictional local 555-01xx numbers, which have no area
        // code; what the region's rules say about a number is tested on its own
        // (domain::phone, contacts::an_impossible_phone_…).
        keep_phone_as_typed: true,
    }
}

/// The names the contact list shows for a query, in its order.
pub fn listed_names(tend: &Tend, query: &str, include_archived: bool) -> Vec<String> {
    tend.list_contacts(&tend::domain::contact::ContactQuery {
        query: query.into(),
        include_archived,
        ..Default::default()
    })
    .expect("list")
    .items
    .into_iter()
    .map(|c| c.name)
    .collect()
}
