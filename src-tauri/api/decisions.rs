//! Decisions: where a contact stands, and what follows — `domain::decision`
//! decides (stage, New customer care, the day to ask again), this saves it.

use super::cadences::{start_builtin, Begin};
use super::tend::Tend;
use crate::domain::cadence::{self, NEW_CUSTOMER_CARE};
use crate::domain::decision::{self, Decision, DecisionDraft, DecisionKind, Settle, ValidDecision};
use crate::domain::followup::{Due, Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
use crate::store::{cadences, contacts, decisions, followups, settings};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Transaction;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionOutcome {
    pub decision: Decision,
    pub stage: Stage,
    pub stage_label: &'static str,
    pub stopped_cadences: Vec<String>,
    pub started_cadence: Option<String>,
    /// For "not now" and "no": the follow-up that brings them back.
    pub revisit: Option<Followup>,
    /// The open promises the decision answered, as they are now (done or skipped).
    pub settled: Vec<Followup>,
    /// The first "Bought" of someone referred: thanking whoever referred her.
    pub thanks: Option<Followup>,
}

impl Tend {
    /// Records a decision and what follows from it: the open promises it
    /// answers close (unless she kept one open); the runs that stop on it stop;
    /// "bought" moves the stage and starts New customer care; "not now" and "no"
    /// plan the day to ask again.
    pub fn record_decision(&self, draft: &DecisionDraft) -> Result<DecisionOutcome> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let today = local_time::local_date(now, zone);
        let valid = draft.validate(today)?;
        self.write(|tx| decide(tx, &valid, today, now, zone))
    }

    /// The open promises a decision of `kind` would answer, for the decision
    /// form to show (ticked) before it is saved. No kind chosen yet: none.
    pub fn decision_answers(&self, contact_id: i64, kind: &str) -> Result<Vec<Followup>> {
        let kind = match kind.trim() {
            "" => return Ok(Vec::new()),
            key => DecisionKind::from_key(key)
                .ok_or_else(|| Error::invalid("kind", "Please choose a decision."))?,
        };
        let zone = self.zone()?;
        self.read(|conn| {
            let open = followups::for_contact(conn, contact_id, zone)?;
            Ok(decision::answers(kind, &open)
                .into_iter()
                .cloned()
                .collect())
        })
    }

    pub fn contact_decisions(&self, contact_id: i64) -> Result<Vec<Decision>> {
        self.read(|conn| decisions::for_contact(conn, contact_id))
    }
}

/// Records `valid` and what follows from it, inside the caller's write: the one
/// path of a decision, whether the decision form or a recorded purchase ("Bought")
/// made it.
pub(super) fn decide(
    tx: &Transaction,
    valid: &ValidDecision,
    today: NaiveDate,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<DecisionOutcome> {
    let contact_id = valid.contact_id;
    let stage = contacts::stage_of(tx, contact_id)?;
    let runs = cadences::active_runs(tx, contact_id)?;
    let follows = decision::consequences(
        valid,
        stage,
        cadence::is_running(&runs, NEW_CUSTOMER_CARE),
        today,
    );

    let id = decisions::insert(tx, valid, now)?;
    contacts::decided(tx, contact_id, valid.kind, now)?;
    let open = followups::for_contact(tx, contact_id, zone)?;
    let mut settled_ids = Vec::new();
    for (followup_id, settle) in decision::settlements(valid, &open) {
        match settle {
            Settle::Done => followups::complete(tx, followup_id, now)?,
            Settle::Skip(reason) => followups::skip(tx, followup_id, &reason, now)?,
        }
        settled_ids.push(followup_id);
    }
    let reason = cadence::stop_reason(valid.kind);
    let mut stopped_cadences = Vec::new();
    for run in cadence::stopped_by(&runs, valid.kind) {
        cadences::stop_run(tx, run.run_id, &reason, now)?;
        followups::skip_pending_of_run(tx, run.run_id, &reason, now)?;
        stopped_cadences.push(run.cadence_name.clone());
    }
    if let Some(next) = follows.new_stage {
        contacts::set_stage(tx, contact_id, next, now)?;
    }
    let started_cadence = if follows.start_new_customer_care {
        start_builtin(
            tx,
            contact_id,
            NEW_CUSTOMER_CARE,
            Begin::On(today),
            now,
            zone,
        )?
    } else {
        None
    };
    let revisit = match follows.revisit {
        Some(revisit) => {
            let followup = ValidFollowup {
                contact_id,
                promise: revisit.promise,
                channel: revisit.channel,
                due: Due::new(revisit.on, None, zone, settings::default_time(tx)?),
            };
            let id = followups::insert(tx, &followup, None, now)?;
            Some(followups::get(tx, id, zone)?)
        }
        None => None,
    };
    let thanks = match valid.kind {
        DecisionKind::Bought => super::referrals::plan_thanks(tx, contact_id, today, now, zone)?,
        _ => None,
    };
    let stage = follows.new_stage.unwrap_or(stage);
    let settled = settled_ids
        .into_iter()
        .map(|id| followups::get(tx, id, zone))
        .collect::<Result<Vec<_>>>()?;
    Ok(DecisionOutcome {
        decision: decisions::get(tx, id)?,
        stage,
        stage_label: stage.label(),
        stopped_cadences,
        started_cadence,
        revisit,
        settled,
        thanks,
    })
}
