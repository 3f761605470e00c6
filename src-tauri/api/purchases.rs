//! Purchases: recording one (a "Bought" decision with its details, unless the
//! decision form made that already), closing the re-order reminders it answers
//! and planning the next ones; a contact's history, totals and re-order dates.

use super::decisions::{decide, DecisionOutcome};
use super::tend::Tend;
use crate::domain::channel::Channel;
use crate::domain::decision::{DecisionKind, ValidDecision};
use crate::domain::followup::{Due, Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::purchase::{self, Purchase, PurchaseDraft, Reorder, Totals};
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
use crate::quickadd::{DateOrder, DatePhrases, English};
use crate::store::{contacts, decisions, followups, products, purchases, settings};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, Transaction};
use serde::Serialize;

/// What recording a purchase did, so the window can say it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOutcome {
    pub purchase: Purchase,
    /// The "Bought" decision it recorded (none when it details one already made).
    pub decision: Option<DecisionOutcome>,
    pub stage: Stage,
    pub stage_label: &'static str,
    /// Re-order reminders this purchase answered (kept, done).
    pub closed_reminders: usize,
    /// The next re-order reminders, one per product that runs out.
    pub reminders: Vec<Followup>,
}

/// A contact's purchases as the contact page shows them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseHistory {
    pub purchases: Vec<Purchase>,
    pub totals: Totals,
    /// When each product she buys runs out, and what that was reckoned from.
    pub reorders: Vec<Reorder>,
    pub currency: String,
}

impl Tend {
    /// Records a purchase. Unless it details a "Bought" decision already
    /// recorded, it is one: the same rule moves the stage and starts New
    /// customer care (`decision::consequences`). Each product's pending
    /// re-order reminder is kept and the next one planned.
    pub fn record_purchase(&self, draft: &PurchaseDraft) -> Result<PurchaseOutcome> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let local_now = local_time::local_date_time(now, zone);
        let today = local_now.date();
        self.write(|tx| {
            let bought_on = read_day(tx, &draft.date, local_now)?;
            let valid = draft.validate(bought_on, today, &products::list(tx)?)?;
            let contact_id = valid.contact_id;
            let decision = match draft.decision_id {
                Some(id) => {
                    let made = decisions::get(tx, id)?;
                    if made.contact_id != contact_id || made.kind != DecisionKind::Bought {
                        return Err(Error::invalid(
                            "decisionId",
                            "That decision is not this contact’s “Bought”.",
                        ));
                    }
                    None
                }
                None => {
                    contacts::stage_of(tx, contact_id)?; // "no longer exists" first
                    let bought = ValidDecision {
                        contact_id,
                        kind: DecisionKind::Bought,
                        note: format!("Bought {}", valid.summary),
                        revisit_on: None,
                        keep_open: Vec::new(),
                    };
                    Some(decide(tx, &bought, today, now, zone)?)
                }
            };
            let id = purchases::insert(tx, &valid, now)?;
            contacts::set_left_reason(tx, contact_id, None)?; // she came back

            let mut closed_reminders = 0;
            let mut reminders = Vec::new();
            let reorders = reorders_of(tx, contact_id, today)?;
            let name = contacts::get(tx, contact_id)?.name;
            for product_id in valid.lines.iter().filter_map(|line| line.product_id) {
                closed_reminders += followups::complete_reorders(tx, contact_id, product_id, now)?;
                if let Some(next) = reorders.iter().find(|r| r.product_id == product_id) {
                    reminders.push(plan_reminder(tx, contact_id, &name, next, now, zone)?);
                }
            }
            contacts::set_supply_ends_on(tx, contact_id, purchase::supply_ends_on(&reorders))?;

            let stage = contacts::stage_of(tx, contact_id)?;
            Ok(PurchaseOutcome {
                purchase: purchases::for_contact(tx, contact_id)?
                    .into_iter()
                    .find(|p| p.id == id)
                    .ok_or(Error::NotFound { what: "purchase" })?,
                decision,
                stage,
                stage_label: stage.label(),
                closed_reminders,
                reminders,
            })
        })
    }

    pub fn contact_purchases(&self, contact_id: i64) -> Result<PurchaseHistory> {
        let today = local_time::local_date(self.clock().now(), self.zone()?);
        self.read(|conn| {
            let purchases = purchases::for_contact(conn, contact_id)?;
            Ok(PurchaseHistory {
                totals: purchase::totals(&purchases, today),
                reorders: reorders_of(conn, contact_id, today)?,
                currency: settings::currency(conn)?,
                purchases,
            })
        })
    }
}

/// When each product she bought runs out, from her history of it.
fn reorders_of(conn: &Connection, contact_id: i64, today: NaiveDate) -> Result<Vec<Reorder>> {
    let lead_days = settings::reorder_lead_days(conn)?;
    Ok(purchases::history_of(conn, contact_id)?
        .iter()
        .filter_map(|h| purchase::reorder(h.product_id, &h.name, &h.bought, lead_days, today))
        .collect())
}

/// "Maria's lavender oil runs out around 12 Mar — offer a re-order", due on
/// the reminder day at her default time.
fn plan_reminder(
    tx: &Transaction,
    contact_id: i64,
    contact_name: &str,
    reorder: &Reorder,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Followup> {
    let followup = ValidFollowup {
        contact_id,
        promise: purchase::reorder_promise(contact_name, reorder),
        channel: Channel::Call,
        due: Due::new(reorder.remind_on, None, zone, settings::default_time(tx)?),
    };
    let id = followups::insert(tx, &followup, None, now)?;
    followups::set_reorder_of(tx, id, reorder.product_id)?;
    followups::get(tx, id, zone)
}

/// The day a purchase was made, as she typed it: empty is today; a date
/// ("2026-03-02") or a phrase ("yesterday", "last Tue", "3 days ago").
fn read_day(conn: &Connection, text: &str, local_now: NaiveDateTime) -> Result<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(local_now.date());
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date);
    }
    let order = DateOrder::for_region(settings::phone_region(conn)?);
    English
        .parse(text, local_now, order)
        .map(|(date, _)| date)
        .ok_or_else(|| {
            Error::invalid(
                "date",
                format!("“{text}” is not a day Tend can read (try “yesterday”, “last Tue” or pick the day)."),
            )
        })
}
