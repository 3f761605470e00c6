//! Why they left: `Why did they leave?` recorded, and what follows — a customer
//! becomes inactive; one who died or moved has her cadences stopped and her
//! pending follow-ups skipped, and leaves every list that would nag; "felt I
//! didn't care" and "don't know" offer the Win back cadence.

use super::tend::Tend;
use crate::domain::cadence;
use crate::domain::contact::Contact;
use crate::domain::departure::{self, Departure, DepartureDraft};
use crate::error::Result;
use crate::store::{cadences, contacts, departures, followups};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartureOutcome {
    pub departure: Departure,
    pub contact: Contact,
    pub stopped_cadences: Vec<String>,
    pub skipped_followups: usize,
    /// She left for a reason nobody controls: off every list that would nag.
    pub left_the_lists: bool,
    /// Offer the Win back cadence ("felt I didn't care", "don't know").
    pub offer_win_back: bool,
}

impl Tend {
    pub fn record_departure(&self, draft: &DepartureDraft) -> Result<DepartureOutcome> {
        let now = self.clock().now();
        let valid = draft.validate()?;
        let contact_id = valid.contact_id;
        self.write(|tx| {
            let stage = contacts::stage_of(tx, contact_id)?;
            let leaving = departure::leaving(valid.reason, stage);
            let id = departures::insert(tx, &valid, now)?;
            contacts::set_left_reason(tx, contact_id, Some(valid.reason))?;
            if let Some(next) = leaving.new_stage {
                contacts::set_stage(tx, contact_id, next, now)?;
            }
            let mut stopped_cadences = Vec::new();
            let mut skipped_followups = 0;
            if leaving.stop_everything {
                for run in cadences::active_runs(tx, contact_id)? {
                    cadences::stop_run(tx, run.run_id, &leaving.stop_reason, now)?;
                    stopped_cadences.push(run.cadence_name);
                }
                skipped_followups =
                    followups::skip_pending_of_contact(tx, contact_id, &leaving.stop_reason, now)?;
            }
            Ok(DepartureOutcome {
                departure: departures::get(tx, id)?,
                contact: contacts::get(tx, contact_id)?,
                stopped_cadences,
                skipped_followups,
                left_the_lists: valid.reason.beyond_anyones_control(),
                offer_win_back: leaving.offer_win_back
                    && cadences::id_of_builtin(tx, cadence::WIN_BACK)?.is_some(),
            })
        })
    }

    pub fn contact_departures(&self, contact_id: i64) -> Result<Vec<Departure>> {
        self.read(|conn| departures::for_contact(conn, contact_id))
    }
}
