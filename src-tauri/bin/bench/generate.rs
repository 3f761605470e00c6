//! Fills a data file with realistic volume: contacts with phones, emails, tags
//! and notes, a long history of touches, and follow-ups — written through the
//! store's own schema, in one transaction per batch.

use chrono::{DateTime, Duration, Utc};
use rusqlite::params;
use tend::store::{contacts, time, Store};

const FIRST: &[&str] = &[
    "Jane", "Janet", "Maria", "Mary", "Sara", "Sarah", "Lisa", "Linda", "Karen", "Nancy", "Emma",
    "Olivia", "Ava", "Mia", "Sofia", "Isabella", "Chloe", "Grace", "Lily", "Hannah", "Zoë",
    "Amélie", "Siobhan", "Aoife", "Priya", "Ananya", "Mei", "Yuki", "Fatima", "Amara", "Ngozi",
    "Lucía", "Carmen", "Ingrid", "Astrid", "Olga", "Tatiana", "Bob", "John", "James", "Michael",
    "David", "Carlos", "Luis", "Ahmed", "Omar", "Kenji", "Wei", "Raj", "Liam", "Noah", "Ethan",
    "Lucas", "Mateo", "Hugo", "Pierre", "Hans", "Sven", "Marek", "Dmitri", "Kwame", "Tariq", "Ren",
    "Joon",
];
const LAST: &[&str] = &[
    "Doe",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Martinez",
    "Lopez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "O'Brien",
    "de la Cruz",
    "van der Berg",
    "MacLeod",
    "Müller",
    "Schmidt",
    "Dubois",
    "Rossi",
    "Kowalski",
    "Nowak",
    "Ivanova",
    "Tanaka",
    "Suzuki",
    "Kim",
    "Park",
    "Nguyen",
    "Chen",
    "Wang",
    "Patel",
    "Singh",
    "Okafor",
    "Mensah",
    "Haddad",
    "Cohen",
    "Jansen",
    "Svensson",
    "Hansen",
    "Novak",
    "Horvat",
    "Silva",
    "Santos",
    "Costa",
    "Fernández",
    "Romero",
    "Navarro",
    "Byrne",
];
const NOTES: &[&str] = &[
    "wants the lavender set",
    "asked about the peppermint oil",
    "hosting a party in spring",
    "buys gifts for her sisters every December",
    "allergic to citrus scents",
    "interested in joining the team",
    "met at Sara's party",
    "prefers texts after 6pm",
    "daughter's wedding in June",
    "re-orders the vanilla candles",
    "",
    "",
];
const TAGS: &[&str] = &[
    "oils", "candles", "party", "host", "vip", "gifts", "team", "skincare",
];
const CHANNELS: &[&str] = &["call", "text", "email", "in_person", "message", "other"];
const STAGES: &[&str] = &[
    "lead",
    "new_customer",
    "customer",
    "inactive_customer",
    "partner",
    "team_member",
];

/// A small deterministic generator: the same data every run, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub fn random_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

pub fn generate(
    store: &Store,
    contact_count: usize,
    touch_count: usize,
    now: DateTime<Utc>,
) -> tend::Result<()> {
    let mut rng = Rng::new(0x7e4d);
    let created = time::to_sql(now - Duration::days(400));
    const BATCH: usize = 5_000;
    for batch_start in (0..contact_count).step_by(BATCH) {
        store.write(|tx| {
            let mut contact = tx.prepare_cached(
                "INSERT INTO contacts (name, stage, notes, created_at, updated_at, uid) VALUES (?1, ?2, ?3, ?4, ?4, lower(hex(randomblob(16))))",
            )?;
            let mut method = tx.prepare_cached(
                "INSERT INTO contact_methods (contact_id, kind, value, normalized, position) VALUES (?1, ?2, ?3, ?4, 0)",
            )?;
            let mut tag = tx.prepare_cached(
                "INSERT INTO contact_tags (contact_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
            )?;
            for tag_name in TAGS {
                tx.execute("INSERT OR IGNORE INTO tags (name) VALUES (?1)", [tag_name])?;
            }
            for _ in batch_start..(batch_start + BATCH).min(contact_count) {
                let name = random_name(&mut rng);
                contact.execute(params![name, rng.pick(STAGES), rng.pick(NOTES), created])?;
                let id = tx.last_insert_rowid();
                if rng.below(10) < 8 {
                    let digits = 2_000_000 + rng.below(7_999_999);
                    let area = 200 + rng.below(799);
                    let display = format!("({area}) {}-{:04}", digits / 10_000, digits % 10_000);
                    method.execute(params![id, "phone", display, format!("+1{area}{digits:07}")])?;
                }
                if rng.below(10) < 6 {
                    let email = format!("{}.{}@example.com", name.split(' ').next().unwrap_or("x").to_lowercase(), id);
                    method.execute(params![id, "email", email, email])?;
                }
                if rng.below(3) == 0 {
                    tag.execute(params![id, rng.pick(TAGS)])?;
                }
                contacts::reindex(tx, id)?;
            }
            Ok(())
        })?;
    }

    for batch_start in (0..touch_count).step_by(50_000) {
        store.write(|tx| {
            let mut touch = tx.prepare_cached(
                "INSERT INTO touches (contact_id, channel, outcome, note, occurred_at, created_at)
                 VALUES (?1, ?2, ?3, '', ?4, ?4)",
            )?;
            for _ in batch_start..(batch_start + 50_000).min(touch_count) {
                let contact_id = 1 + rng.below(contact_count) as i64;
                let when = time::to_sql(now - Duration::minutes(rng.below(400 * 24 * 60) as i64));
                let outcome =
                    ["none", "reply", "conversation", "no_answer", "left_message"][rng.below(5)];
                touch.execute(params![contact_id, rng.pick(CHANNELS), outcome, when])?;
            }
            Ok(())
        })?;
    }

    // The store keeps each contact's last touch with every insert; do the same in bulk.
    store.write(|tx| {
        tx.execute_batch(
            "UPDATE contacts SET last_touched_at =
                (SELECT max(occurred_at) FROM touches WHERE contact_id = contacts.id)",
        )?;
        Ok(())
    })?;

    // About one open follow-up for every four contacts, spread from a month ago to
    // three months ahead; a few done.
    store.write(|tx| {
        let mut followup = tx.prepare_cached(
            "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone, status, created_at, updated_at)
             VALUES (?1, 'follow up', ?2, ?3, ?4, 'UTC', ?5, ?6, ?6)",
        )?;
        for contact_id in (1..=contact_count as i64).step_by(4) {
            let due = now + Duration::hours(rng.below(24 * 120) as i64 - 24 * 30);
            let status = if rng.below(5) == 0 { "done" } else { "open" };
            followup.execute(params![
                contact_id,
                rng.pick(CHANNELS),
                time::to_sql(due),
                due.format("%Y-%m-%dT%H:%M").to_string(),
                status,
                created
            ])?;
        }
        Ok(())
    })?;
    store.read(|conn| {
        conn.execute_batch(
            "PRAGMA optimize; INSERT INTO contact_search(contact_search) VALUES ('optimize');",
        )?;
        Ok(())
    })
}
