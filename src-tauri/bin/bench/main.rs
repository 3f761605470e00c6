//! `tend-bench`: builds a large, realistic data file once, then measures what a
//! person feels — opening the file, search per keystroke (next to the raw FTS5
//! query on the same file), and paging through the list. Prints figures; never
//! asserts a time.
//!
//!     cargo run --release --no-default-features --features bench --bin tend-bench -- [--contacts N] [--touches N] [--dir PATH] [--only today]

mod backup; // a checked copy of the big file, writes meanwhile, a restore
mod generate; // the generated book and its bulk loader
mod insights; // the Insights page next to the store reads it makes
mod raw_sql; // the raw queries Tend is timed against
mod report; // a figure printed: p50, p99, max

use chrono::{DateTime, Utc};
use report::report;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tend::api::Tend;
use tend::clock::{Clock, SystemClock};
use tend::domain::contact::ContactQuery;
use tend::store::{contacts, Store};

struct Options {
    contacts: usize,
    touches: usize,
    dir: PathBuf,
    /// `--only today`: Today's figures alone, for working on them.
    today_only: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        contacts: 100_000,
        touches: 1_000_000,
        dir: PathBuf::from("target/bench-data"),
        today_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--contacts" => {
                options.contacts = value.parse().map_err(|e| format!("--contacts: {e}"))?
            }
            "--touches" => {
                options.touches = value.parse().map_err(|e| format!("--touches: {e}"))?
            }
            "--dir" => options.dir = PathBuf::from(value),
            "--only" if value == "today" => options.today_only = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = options()?;
    // Named for what the generator writes, so a file from an older one (without
    // purchases, birthdays, events) is never measured as if it had them.
    let file = options.dir.join(format!(
        "bench-{}-{}-customers.sqlite3",
        options.contacts, options.touches
    ));
    std::fs::create_dir_all(&options.dir)?;
    let now: DateTime<Utc> = SystemClock::real().now();

    if !file.exists() {
        println!(
            "generating {} contacts and {} touches in {} …",
            options.contacts,
            options.touches,
            file.display()
        );
        let started = Instant::now();
        let partial = file.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        {
            let store = Store::open(&partial)?;
            generate::generate(&store, options.contacts, options.touches, now)?;
        }
        std::fs::rename(&partial, &file)?;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::rename(
                format!("{}{suffix}", partial.display()),
                format!("{}{suffix}", file.display()),
            );
        }
        println!("generated in {:.1} s", started.elapsed().as_secs_f64());
    }
    println!(
        "data file: {} ({:.1} MB)",
        file.display(),
        std::fs::metadata(&file)?.len() as f64 / 1e6
    );

    let mut opens: Vec<Duration> = (0..10)
        .map(|_| {
            let started = Instant::now();
            let store = Store::open(&file).expect("bench file opens");
            let elapsed = started.elapsed();
            drop(store);
            elapsed
        })
        .collect();
    report("open (look + quick_check, PRAGMAs, migrations)", &mut opens);

    let tend = Tend::new(Store::open(&file)?, Arc::new(SystemClock::real()));
    if !options.today_only {
        search_and_list(&tend)?;
    }

    // Today: the whole start screen, and next to it the same work as raw SQL.
    let mut today = Vec::new();
    let mut sections = (0, 0, 0, 0);
    let mut customers = (0, 0, 0, 0);
    for _ in 0..20 {
        let started = Instant::now();
        let view = tend.today()?;
        today.push(started.elapsed());
        sections = (
            view.counts.overdue,
            view.counts.due_today,
            view.counts.upcoming,
            view.counts.going_cold,
        );
        customers = (
            view.counts.reorders,
            view.counts.lapsed,
            view.counts.events,
            view.seasons.iter().map(|s| s.count).sum::<i64>(),
        );
    }
    report(
        "Today (app: sections, cold, maybes, re-orders, events)",
        &mut today,
    );
    // The very statements Today ran (caught as SQLite ran them, with their
    // values), run again raw: SQLite's share of the time, like for like.
    let statements = raw_sql::statements_of(&tend, |tend| tend.today().map(|_| ()))?;
    let mut raw_today = Vec::new();
    tend.store().read(|conn| {
        for _ in 0..20 {
            let started = Instant::now();
            std::hint::black_box(raw_sql::run_raw(conn, &statements)?);
            raw_today.push(started.elapsed());
        }
        Ok(())
    })?;
    report(
        &format!("Today's own SQL run raw ({} statements)", statements.len()),
        &mut raw_today,
    );
    tend.store().read(|conn| {
        for sql in &statements {
            let mut each: Vec<Duration> = (0..20)
                .map(|_| {
                    let started = Instant::now();
                    let rows = raw_sql::run_raw(conn, std::slice::from_ref(sql));
                    std::hint::black_box(rows.ok());
                    started.elapsed()
                })
                .collect();
            // Named by what follows the shared WITH … of the going-cold queries.
            let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ");
            let tail = flat
                .rsplit_once("IS NOT NULL) ")
                .map_or(flat.as_str(), |(_, tail)| tail);
            let shown: String = tail.chars().take(42).collect();
            report(&format!("  {shown}"), &mut each);
        }
        Ok(())
    })?;
    // What Today cost before migration 0007, for comparison: scanning every
    // contact and every pending follow-up.
    let mut scanning = Vec::new();
    let upcoming_end = tend::store::time::to_sql(now + chrono::Duration::days(8));
    let now_text = tend::store::time::to_sql(now);
    tend.store().read(|conn| {
        let mut due = conn.prepare(raw_sql::PENDING_DUE_BY_SCANNING)?;
        let mut cold = conn.prepare(raw_sql::GOING_COLD_BY_SCANNING)?;
        for _ in 0..20 {
            let started = Instant::now();
            let a = due
                .query_map([&upcoming_end], |row| row.get::<_, i64>(0))?
                .count();
            let b = cold
                .query_map(rusqlite::params![now_text, 50], |row| row.get::<_, i64>(0))?
                .count();
            scanning.push(started.elapsed());
            std::hint::black_box((a, b));
        }
        Ok(())
    })?;
    report("Today by scanning, raw (before 0007)", &mut scanning);
    let mut due_counts = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        std::hint::black_box(tend.due_count()?);
        due_counts.push(started.elapsed());
    }
    report("tray due count (after every change)", &mut due_counts);
    println!(
        "Today sections: {} overdue, {} due today, {} upcoming, {} going cold",
        sections.0, sections.1, sections.2, sections.3
    );
    println!(
        "Today for customers: {} re-orders, {} ran out long ago, {} birthdays and events this week, {} season buyers",
        customers.0, customers.1, customers.2, customers.3
    );
    if options.today_only {
        return Ok(());
    }
    let mut ticks = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        std::hint::black_box(tend.reminder_tick(false)?);
        ticks.push(started.elapsed());
    }
    report("reminder tick (due, digest, morning events)", &mut ticks);
    insights::measure(&tend, now)?;

    // Quick add: parsing alone, and the whole round trip (parse, duplicate check,
    // insert, index, plan) on this file — each line undone afterwards.
    let lines = [
        "Jane Doe 555-0142 wants the lavender set, call Thu",
        "Bob O'Brien bob@example.com #oils text tomorrow at 2pm",
        "María de la Cruz +34 612 345 678 met at Sara's party, in 2 weeks",
        "李小龍 +86 138 0013 8000 #vip customer next Tue",
        "Ann Lee interested in hosting, email 12/3",
    ];
    let ctx = tend::quickadd::ParseContext::new(
        now.naive_utc(),
        tend::quickadd::DateOrder::MonthFirst,
        tend::domain::phone::Region::US,
    );
    let mut parse = Vec::new();
    for _ in 0..2_000 {
        for line in &lines {
            let started = Instant::now();
            let parsed = tend::quickadd::parse_line(line, &ctx);
            parse.push(started.elapsed());
            std::hint::black_box(parsed.ok());
        }
    }
    report("quick-add parse, per line", &mut parse);
    let mut round_trip = Vec::new();
    let batch = tend::quickadd::Batch::default();
    for round in 0..20 {
        let line = format!("Bench Person{round} 555-01{round:02} call tomorrow");
        let started = Instant::now();
        let added = tend.quick_add(&line, &batch, None)?;
        round_trip.push(started.elapsed());
        tend.undo_quick_add(&tend::api::UndoQuickAdd {
            contact_id: added.contact.id,
            created_contact: true,
            followup_ids: added.created_followup_ids,
            ..Default::default()
        })?;
    }
    report(
        "quick-add round trip (save line, 100k file)",
        &mut round_trip,
    );

    let mut figures = backup::measure(&tend, &options.dir)?;
    println!(
        "back up (online copy in steps + integrity check): {:.2} s for {:.1} MB",
        figures.back_up.as_secs_f64(),
        figures.size_bytes as f64 / 1e6
    );
    report("write (create a contact), idle", &mut figures.writes_idle);
    report("write while the backup runs", &mut figures.writes_during);
    println!(
        "restore (copy, check, keep aside, swap): {:.2} s",
        figures.restore.as_secs_f64()
    );
    Ok(())
}

/// Search per keystroke next to the raw FTS5 query, and paging the name list.
fn search_and_list(tend: &Tend) -> Result<(), Box<dyn std::error::Error>> {
    // Type names the way a person does, one keystroke at a time.
    let mut rng = generate::Rng::new(42);
    let typed: Vec<String> = (0..60)
        .map(|i| match i % 4 {
            0 => generate::random_name(&mut rng),
            1 => "lavender set".into(),
            2 => format!("555 {}", 1000 + rng.below(8999)),
            _ => generate::random_name(&mut rng).to_lowercase(),
        })
        .collect();
    let mut app_search = Vec::new();
    let mut raw_fts = Vec::new();
    tend.store().read(|conn| {
        let mut raw = conn.prepare(raw_sql::FTS_PAGE)?;
        for text in &typed {
            for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let prefix = &text[..end];
                let Some(matcher) = contacts::fts_query(prefix) else {
                    continue;
                };
                let started = Instant::now();
                let ids: Vec<i64> = raw
                    .query_map([&matcher], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                raw_fts.push(started.elapsed());
                std::hint::black_box(ids);
            }
        }
        Ok(())
    })?;
    for text in &typed {
        for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let query = ContactQuery {
                query: text[..end].to_string(),
                limit: 50,
                ..ContactQuery::default()
            };
            let started = Instant::now();
            let page = tend.list_contacts(&query)?;
            app_search.push(started.elapsed());
            std::hint::black_box(page);
        }
    }
    report("search per keystroke (app: page + total)", &mut app_search);
    // A few digits from the middle of a number ("142" finds 555-0142), typed one
    // keystroke at a time: 3 or more digits match any run inside a phone.
    let mut digit_search = Vec::new();
    for _ in 0..20 {
        let run = format!("{:04}", rng.below(10_000));
        for end in 1..=run.len() {
            let query = ContactQuery {
                query: run[..end].to_string(),
                limit: 50,
                ..ContactQuery::default()
            };
            let started = Instant::now();
            let page = tend.list_contacts(&query)?;
            digit_search.push(started.elapsed());
            std::hint::black_box(page);
        }
    }
    report(
        "search digits per keystroke (any run, 1–4)",
        &mut digit_search,
    );
    report("raw FTS5 MATCH … ORDER BY rank LIMIT 50", &mut raw_fts);

    let mut pages = Vec::new();
    for offset in [0, 50, 1_000, 10_000, 50_000, 99_950] {
        for _ in 0..5 {
            let query = ContactQuery {
                offset,
                limit: 50,
                ..ContactQuery::default()
            };
            let started = Instant::now();
            std::hint::black_box(tend.list_contacts(&query)?);
            pages.push(started.elapsed());
        }
    }
    report("list page of 50 (by name, offsets 0…99,950)", &mut pages);
    Ok(())
}
