//! Touches: logging what happened (which may keep a promise, re-base a running
//! cadence, and always offers the next step), and the contact's count.

use super::tend::Tend;
use crate::domain::cadence;
use crate::domain::local_time;
use crate::domain::touch::{self, FollowupSuggestion, KeptQuestion, Touch, TouchDraft};
use crate::error::Result;
use crate::store::{cadences, contacts, followups, settings, touches};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedTouch {
    pub touch: Touch,
    pub count: i64,
    pub count_text: String,
    /// What "Plan follow-up" is pre-filled with: one key accepts it.
    pub suggestion: FollowupSuggestion,
    /// Cadence steps moved to count from this answer.
    pub rebased: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouchHistory {
    pub touches: Vec<Touch>,
    pub count: i64,
    pub count_text: String,
}

impl Tend {
    /// Logs a touch; if it kept a follow-up, that one is done too; if they
    /// answered, running cadences re-base from the answer.
    pub fn log_touch(&self, draft: &TouchDraft) -> Result<LoggedTouch> {
        let now = self.clock().now();
        let zone = self.zone()?;
        self.write(|tx| {
            let valid = draft.validate(now, zone)?;
            let contact_id = valid.contact_id;
            let stage = contacts::stage_of(tx, contact_id)?;
            let id = touches::insert(tx, &valid, now)?;
            contacts::touched(tx, contact_id, valid.occurred_at)?;
            if let Some(followup_id) = valid.followup_id {
                if followups::get(tx, followup_id, zone)?.status.is_pending() {
                    followups::complete(tx, followup_id, now)?;
                }
            }
            let mut rebased = 0;
            if valid.outcome.is_answer() {
                let default_time = settings::default_time(tx)?;
                let days_off = settings::days_off(tx)?;
                for run in cadences::active_runs(tx, contact_id)? {
                    let planned = followups::of_run(tx, run.run_id)?;
                    for moved in cadence::rebase_run(
                        &planned,
                        valid.occurred_at,
                        zone,
                        default_time,
                        &days_off,
                    ) {
                        followups::reschedule(tx, moved.followup_id, &moved.due, now)?;
                        if let Some(promise) = &moved.promise {
                            followups::reword(tx, moved.followup_id, promise, now)?;
                        }
                        rebased += 1;
                    }
                    cadences::rebased(tx, run.run_id, valid.occurred_at)?;
                }
            }
            let count = touches::count_for_contact(tx, contact_id)?;
            Ok(LoggedTouch {
                touch: touches::get(tx, id)?,
                count,
                count_text: touch::count_in_words(count, stage),
                suggestion: touch::suggest_next(&valid, stage, zone),
                rebased,
            })
        })
    }

    pub fn contact_touches(&self, contact_id: i64) -> Result<TouchHistory> {
        self.read(|conn| {
            let stage = contacts::stage_of(conn, contact_id)?;
            let count = touches::count_for_contact(conn, contact_id)?;
            Ok(TouchHistory {
                touches: touches::for_contact(conn, contact_id, 200)?,
                count,
                count_text: touch::count_in_words(count, stage),
            })
        })
    }

    /// Before a touch at `when` (local "YYYY-MM-DDTHH:MM"; empty means now) is
    /// logged: the open follow-up it most likely kept, to ask about with Done
    /// ticked, so a kept promise is never left open.
    pub fn touch_keeps(&self, contact_id: i64, when: &str) -> Result<Option<KeptQuestion>> {
        let now = self.clock().now();
        let zone = self.zone()?;
        let valid = TouchDraft {
            contact_id,
            when: when.to_string(),
            ..TouchDraft::default()
        }
        .validate(now, zone)?;
        self.read(|conn| {
            let open = followups::for_contact(conn, contact_id, zone)?;
            Ok(touch::probably_kept(
                &open,
                local_time::local_date(valid.occurred_at, zone),
                local_time::local_date(now, zone),
                zone,
            ))
        })
    }
}
