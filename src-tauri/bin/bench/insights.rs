//! Insights on the big file: the whole page for each period, next to the store
//! reads it makes (the same SQL, rows fetched, no figure computed). The gap is
//! the domain's arithmetic.

use crate::report::report;
use chrono::{DateTime, Utc};
use std::time::{Duration, Instant};
use tend::api::Tend;
use tend::domain::insights::period::Period;
use tend::error::Result;
use tend::store::{insights as rows, today};

const ROUNDS: usize = 5;

pub fn measure(tend: &Tend, now: DateTime<Utc>) -> Result<()> {
    for period in [Period::FourWeeks, Period::All] {
        let mut page = Vec::new();
        for _ in 0..ROUNDS {
            let started = Instant::now();
            std::hint::black_box(tend.insights(period)?);
            page.push(started.elapsed());
        }
        report(&format!("Insights page ({})", period.label()), &mut page);
    }
    let mut raw: Vec<Duration> = Vec::new();
    let mut counted = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        tend.store().read(|conn| {
            counted = rows::promises_due_before(conn, now + chrono::Duration::days(1))?.len()
                + rows::first_sales(conn)?.len()
                + rows::departures(conn)?.len()
                + rows::bought_days(conn)?.len()
                + rows::referred(conn)?.len()
                + rows::products(conn)?.len()
                + rows::stage_counts(conn)?.len()
                + rows::decision_counts(conn)?.len();
            std::hint::black_box(today::maybes(conn, now, 0)?);
            std::hint::black_box(today::going_cold(conn, now, 0)?);
            Ok(())
        })?;
        raw.push(started.elapsed());
    }
    report("Insights store reads alone (same SQL)", &mut raw);
    println!("Insights rows read per page: {counted}");
    Ok(())
}
