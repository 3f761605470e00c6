//! Cadences and decisions: the rhythms that plan follow-ups by themselves, and
//! where each contact stands — which can stop a rhythm or start another.

use super::Tend;
use crate::domain::cadence::{self, Cadence, CadenceDraft};
use crate::domain::decision::{Decision, DecisionDraft, DecisionKind};
use crate::domain::followup::{Due, Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
use crate::store::{cadences, contacts, decisions, followups, settings};
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
}

impl Tend {
    pub fn cadences(&self) -> Result<Vec<Cadence>> {
        self.store.read(cadences::list)
    }

    pub fn create_cadence(&self, draft: &CadenceDraft) -> Result<Cadence> {
        let now = self.clock.now();
        self.store.write(|tx| {
            let id = cadences::create(tx, &draft.validate()?, now)?;
            cadences::get(tx, id)
        })
    }

    pub fn update_cadence(&self, id: i64, draft: &CadenceDraft) -> Result<Cadence> {
        let now = self.clock.now();
        self.store.write(|tx| {
            cadences::update(tx, id, &draft.validate()?, now)?;
            cadences::get(tx, id)
        })
    }

    /// Applies a cadence from now; returns the contact's follow-ups afterwards.
    pub fn apply_cadence(&self, contact_id: i64, cadence_id: i64) -> Result<Vec<Followup>> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            cadences::get(tx, cadence_id)?;
            cadences::apply(
                tx,
                contact_id,
                cadence_id,
                now,
                zone,
                settings::default_time(tx)?,
            )?;
            followups::for_contact(tx, contact_id, zone)
        })
    }

    pub fn apply_builtin_cadence(&self, contact_id: i64, key: &str) -> Result<Vec<Followup>> {
        let id = self
            .store
            .read(|conn| cadences::id_of_builtin(conn, key))?
            .ok_or(Error::NotFound { what: "cadence" })?;
        self.apply_cadence(contact_id, id)
    }

    /// Records a decision and what follows from it: "bought" and "no" stop a lead
    /// rhythm; "bought" makes a lead a new customer and starts New customer care;
    /// "not now" and "no" plan the day to ask again.
    pub fn record_decision(&self, draft: &DecisionDraft) -> Result<DecisionOutcome> {
        let now = self.clock.now();
        let zone = self.zone()?;
        self.store.write(|tx| {
            let default_time = settings::default_time(tx)?;
            let valid = draft.validate(local_time::local_date(now, zone))?;
            let contact_id = valid.contact_id;
            let mut stage = contacts::stage_of(tx, contact_id)?;
            decisions::insert(tx, &valid, now)?;
            let stopped_cadences = cadences::stop_on_decision(tx, contact_id, valid.kind, now)?;

            let mut started_cadence = None;
            if valid.kind == DecisionKind::Bought {
                // A purchase is unambiguous: a lead becomes a new customer, and an
                // inactive customer who buys again is a customer again.
                let moved = match stage {
                    Stage::Lead => Some(Stage::NewCustomer),
                    Stage::InactiveCustomer => Some(Stage::Customer),
                    _ => None,
                };
                if let Some(next) = moved {
                    contacts::set_stage(tx, contact_id, next, now)?;
                    stage = next;
                }
                if stage == Stage::NewCustomer
                    && !cadences::has_active_builtin(tx, contact_id, cadence::NEW_CUSTOMER_CARE)?
                {
                    if let Some(care) = cadences::id_of_builtin(tx, cadence::NEW_CUSTOMER_CARE)? {
                        cadences::apply(tx, contact_id, care, now, zone, default_time)?;
                        started_cadence = Some(cadences::get(tx, care)?.name);
                    }
                }
            }

            let revisit = match valid.revisit_on {
                Some(date) => {
                    let promise = match valid.kind {
                        DecisionKind::No => format!(
                            "Ask again — said no on {}",
                            local_time::local_date(now, zone).format("%-d %b %Y")
                        ),
                        _ => format!(
                            "Revisit — said not now on {}",
                            local_time::local_date(now, zone).format("%-d %b %Y")
                        ),
                    };
                    let followup = ValidFollowup {
                        contact_id,
                        promise,
                        channel: crate::domain::channel::Channel::Call,
                        due: Due::new(date, None, zone, default_time),
                    };
                    let id = followups::insert(tx, &followup, None, now)?;
                    Some(followups::get(tx, id, zone)?)
                }
                None => None,
            };
            let decision = decisions::for_contact(tx, contact_id)?
                .into_iter()
                .next()
                .ok_or(Error::NotFound { what: "decision" })?;
            Ok(DecisionOutcome {
                decision,
                stage,
                stage_label: stage.label(),
                stopped_cadences,
                started_cadence,
                revisit,
            })
        })
    }

    pub fn contact_decisions(&self, contact_id: i64) -> Result<Vec<Decision>> {
        self.store
            .read(|conn| decisions::for_contact(conn, contact_id))
    }
}
