//! Fills a data file with realistic volume: contacts with phones, emails, tags
//! and notes, a long history of touches, follow-ups, and what keeps customers:
//! a product list, purchases with their re-order reminders, birthdays, dated
//! events, what matters now and a few departures — written through the store's
//! own schema, in one transaction per batch.

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
    customers(store, &mut rng, contact_count, now)?;
    store.read(|conn| {
        conn.execute_batch(
            "PRAGMA optimize; INSERT INTO contact_search(contact_search) VALUES ('optimize');",
        )?;
        Ok(())
    })
}

const PRODUCTS: &[(&str, i64, i64)] = &[
    ("Lavender oil 10 ml", 30, 2450),
    ("Peppermint oil 10 ml", 30, 2200),
    ("Vanilla candle", 90, 1800),
    ("Unscented lotion 500 ml", 42, 2450),
    ("Starter kit", 60, 9900),
    ("Lavender gift set", 120, 3900),
    ("Daily supplement", 30, 3500),
    ("Bath salts", 45, 1500),
];

/// What keeps customers, at the scale of the book: every customer and new
/// customer has bought (1–4 times over the last 400 days) and has one re-order
/// reminder pending (due from a month ago to two months ahead); seven in ten
/// contacts have a birthday (most with the year), one in twenty a yearly
/// anniversary, one in ten what matters now, one in a hundred left.
fn customers(
    store: &Store,
    rng: &mut Rng,
    contact_count: usize,
    now: DateTime<Utc>,
) -> tend::Result<()> {
    let stamp = time::to_sql(now);
    let today = now.date_naive();
    store.write(|tx| {
        for (name, days, cents) in PRODUCTS {
            tx.execute(
                "INSERT INTO products (name, supply_days, price_cents, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![name, days, cents, stamp],
            )?;
        }
        let mut stage = tx.prepare("SELECT stage FROM contacts WHERE id = ?1")?;
        let mut purchase = tx.prepare_cached(
            "INSERT INTO purchases (contact_id, item, amount_cents, purchased_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut line = tx.prepare_cached(
            "INSERT INTO purchase_items (purchase_id, product_id, name, quantity, supply_days) VALUES (?1, ?2, ?3, 1, ?4)",
        )?;
        let mut reminder = tx.prepare_cached(
            "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone, reorder_of, created_at, updated_at)
             VALUES (?1, 'offer a re-order', 'call', ?2, ?3, 'UTC', ?4, ?5, ?5)",
        )?;
        let mut details = tx.prepare_cached(
            "UPDATE contacts SET birthday = ?2, matters_now = ?3, matters_now_on = ?4, supply_ends_on = ?5, left_reason = ?6
             WHERE id = ?1",
        )?;
        let mut event = tx.prepare_cached(
            "INSERT INTO contact_events (contact_id, label, on_date, yearly, created_at) VALUES (?1, 'Anniversary', ?2, 1, ?3)",
        )?;
        for id in 1..=contact_count as i64 {
            let stage: String = stage.query_row([id], |row| row.get(0))?;
            let mut supply_end = None;
            if stage == "customer" || stage == "new_customer" {
                let product = 1 + rng.below(PRODUCTS.len()) as i64;
                let (name, days, cents) = PRODUCTS[product as usize - 1];
                for _ in 0..1 + rng.below(4) {
                    let on = today - Duration::days(rng.below(400) as i64);
                    purchase.execute(params![id, name, cents, on.to_string(), stamp])?;
                    line.execute(params![tx.last_insert_rowid(), product, name, days])?;
                    let ends = on + Duration::days(days);
                    supply_end = supply_end.max(Some(ends));
                }
                let due = now + Duration::hours(rng.below(24 * 90) as i64 - 24 * 30);
                reminder.execute(params![
                    id,
                    time::to_sql(due),
                    due.format("%Y-%m-%dT%H:%M").to_string(),
                    product,
                    stamp
                ])?;
            }
            let birthday = (rng.below(10) < 7).then(|| {
                let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
                match rng.below(10) < 6 {
                    true => format!("{}-{month:02}-{day:02}", 1950 + rng.below(55)),
                    false => format!("--{month:02}-{day:02}"),
                }
            });
            let matters = (rng.below(10) == 0).then_some("daughter's wedding in June");
            let left = (rng.below(100) == 0).then(|| ["moved", "died", "indifference"][rng.below(3)]);
            details.execute(params![
                id,
                birthday,
                matters.unwrap_or(""),
                matters.map(|_| today.to_string()),
                supply_end.map(|d| d.to_string()),
                left
            ])?;
            if rng.below(20) == 0 {
                let on = format!("--{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
                event.execute(params![id, on, stamp])?;
            }
        }
        Ok(())
    })
}
