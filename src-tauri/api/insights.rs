//! Insights: the figures of the period she picks, computed by
//! `domain::insights` from the rows the store reads, in one read.

use super::tend::Tend;
use crate::domain::insights::period::{Period, Window};
use crate::domain::insights::pipeline::{pipeline, Pipeline};
use crate::domain::insights::promises::{promises_kept, PromisesKept};
use crate::domain::insights::sales::{touches_before_sale, TouchesBeforeSale};
use crate::domain::local_time::local_date;
use crate::error::Result;
use crate::store::{insights as rows, settings, today};
use chrono::{Duration, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    pub period: Period,
    /// "the last 4 weeks"
    pub period_label: &'static str,
    pub first_day: NaiveDate,
    pub today: NaiveDate,
    /// "HH:MM", or "off": a promise is on time until its day's end.
    pub workday_end: String,
    pub promises: PromisesKept,
    pub sales: TouchesBeforeSale,
    pub pipeline: Pipeline,
}

impl Tend {
    pub fn insights(&self, period: Period) -> Result<Insights> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let today_date = local_date(now, zone);
        self.read(|conn| {
            let workday_end = settings::workday_end(conn)?;
            let promise_rows = rows::promises_due_before(conn, now + Duration::days(1))?;
            let sale_rows = rows::first_sales(conn)?;
            let earliest = promise_rows
                .iter()
                .map(|row| row.due_local.date())
                .chain(sale_rows.iter().map(|row| local_date(row.sold_at, zone)))
                .min();
            let window = Window::of(period, today_date, earliest);
            let (_, old_maybes) = today::maybes(conn, now, 0)?;
            let (_, going_cold) = today::going_cold(conn, now, 0)?;
            Ok(Insights {
                period,
                period_label: period.label(),
                first_day: window.first,
                today: today_date,
                workday_end: workday_end
                    .map_or_else(|| "off".to_owned(), |end| end.format("%H:%M").to_string()),
                promises: promises_kept(&promise_rows, &window, now, zone, workday_end),
                sales: touches_before_sale(&sale_rows, &window, zone),
                pipeline: pipeline(
                    &rows::stage_counts(conn)?,
                    &rows::decision_counts(conn)?,
                    count(old_maybes),
                    count(going_cold),
                ),
            })
        })
    }
}

fn count(total: i64) -> u32 {
    u32::try_from(total).unwrap_or(u32::MAX)
}
