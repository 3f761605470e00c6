//! Insights: the figures of the period she picks, computed by
//! `domain::insights` from the rows the store reads, in one read.

use super::tend::Tend;
use crate::domain::insights::departures::{why_they_left, WhyTheyLeft};
use crate::domain::insights::period::{Period, Window};
use crate::domain::insights::pipeline::{
    pipeline, Pipeline, Slice, SlicePeople, SlicePerson, SLICE_SHOWN,
};
use crate::domain::insights::promises::{promises_kept, PromisesKept};
use crate::domain::insights::referrals::{referrals, Referrals};
use crate::domain::insights::reorders::{reorders, Reorders};
use crate::domain::insights::sales::{touches_before_sale, TouchesBeforeSale};
use crate::domain::local_time::local_date;
use crate::error::Result;
use crate::store::insights::PipelineColumn;
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
    pub left: WhyTheyLeft,
    pub reorders: Reorders,
    pub referrals: Referrals,
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
            let departure_rows = rows::departures(conn)?;
            let bought_rows = rows::bought_days(conn)?;
            let referred_rows = rows::referred(conn)?;
            let earliest = promise_rows
                .iter()
                .map(|row| row.due_local.date())
                .chain(sale_rows.iter().map(|row| local_date(row.sold_at, zone)))
                .chain(
                    departure_rows
                        .iter()
                        .map(|row| local_date(row.noted_at, zone)),
                )
                .chain(bought_rows.iter().map(|row| row.on))
                .chain(
                    referred_rows
                        .iter()
                        .map(|row| local_date(row.added_at, zone)),
                )
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
                left: why_they_left(&departure_rows, &window, zone),
                reorders: reorders(
                    &rows::products(conn)?,
                    &bought_rows,
                    &promise_rows,
                    &window,
                    now,
                    workday_end,
                ),
                referrals: referrals(&referred_rows, &window, zone),
            })
        })
    }
}

impl Tend {
    /// The people behind one bar of the pipeline (`Slice::parse` keys).
    pub fn pipeline_people(&self, slice: &str) -> Result<SlicePeople> {
        let slice = Slice::parse(slice)?;
        let now = self.clock().now();
        self.read(|conn| {
            let (people, total) = match slice {
                Slice::Stage(stage) => {
                    rows::people_by(conn, PipelineColumn::Stage, Some(stage.key()), SLICE_SHOWN)?
                }
                Slice::Decision(kind) => rows::people_by(
                    conn,
                    PipelineColumn::LastDecision,
                    kind.map(|kind| kind.key()),
                    SLICE_SHOWN,
                )?,
                Slice::OldMaybes => {
                    let (maybes, total) = today::maybes(conn, now, SLICE_SHOWN)?;
                    let people = maybes
                        .into_iter()
                        .map(|maybe| SlicePerson {
                            detail: Some(format!("thinking it over for {} days", maybe.days)),
                            contact_id: maybe.contact_id,
                            name: maybe.name,
                        })
                        .collect();
                    (people, total)
                }
                Slice::GoingCold => {
                    let (cold, total) = today::going_cold(conn, now, SLICE_SHOWN)?;
                    let people = cold
                        .into_iter()
                        .map(|cold| SlicePerson {
                            detail: Some(format!(
                                "{}, no touch for {} days",
                                cold.stage_label, cold.days_since
                            )),
                            contact_id: cold.contact_id,
                            name: cold.name,
                        })
                        .collect();
                    (people, total)
                }
            };
            Ok(SlicePeople {
                title: slice.title(),
                total,
                people,
            })
        })
    }
}

fn count(total: i64) -> u32 {
    u32::try_from(total).unwrap_or(u32::MAX)
}
