//! Referrals: who referred a contact, whom she referred and what they bought,
//! a partner's customers sent and received, and the thank-you planned the
//! first time someone referred buys.

use super::tend::Tend;
use crate::domain::channel::Channel;
use crate::domain::contact::Contact;
use crate::domain::decision::DecisionKind;
use crate::domain::followup::{Due, Followup, ValidFollowup};
use crate::domain::local_time;
use crate::domain::referral::{
    self, PartnerReferral, PartnerReferralDraft, Person, Referred, Tally,
};
use crate::domain::stage::Stage;
use crate::error::Result;
use crate::store::{contacts, decisions, followups, referrals, settings};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Transaction;
use serde::Serialize;

/// A contact's page about referrals.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Referrals {
    pub referred_by: Option<Person>,
    /// Everyone she referred (a host: her guests), with what each bought.
    pub referred: Vec<Referred>,
    pub tally: Tally,
    pub is_partner: bool,
    /// For a partner: the customers she sent her ("received"); her referrals
    /// are what the partner "sent".
    pub sent_to_partner: Vec<PartnerReferral>,
    pub currency: String,
}

impl Tend {
    pub fn referrals(&self, contact_id: i64) -> Result<Referrals> {
        self.read(|conn| {
            let contact = contacts::get(conn, contact_id)?;
            let referred = referrals::referred_by(conn, contact_id)?;
            Ok(Referrals {
                referred_by: contact.referred_by,
                tally: referral::tally(&referred),
                referred,
                is_partner: contact.stage == Stage::Partner,
                sent_to_partner: referrals::sent_to_partner(conn, contact_id)?,
                currency: settings::currency(conn)?,
            })
        })
    }

    /// `Referred by`: who sent her, or no one.
    pub fn set_referred_by(&self, contact_id: i64, referrer_id: Option<i64>) -> Result<Contact> {
        referral::check_referrer(contact_id, referrer_id)?;
        self.write(|tx| {
            contacts::set_referred_by(tx, contact_id, referrer_id)?;
            contacts::get(tx, contact_id)
        })
    }

    /// She sent a customer to a partner: the partner's "received".
    pub fn record_partner_referral(&self, draft: &PartnerReferralDraft) -> Result<PartnerReferral> {
        let valid = draft.validate()?;
        let now = self.clock().now();
        let today = local_time::local_date(now, self.zone()?);
        self.write(|tx| {
            let id = referrals::insert_partner_referral(tx, &valid, today, now)?;
            referrals::sent_to_partner(tx, valid.partner_id)?
                .into_iter()
                .find(|r| r.id == id)
                .ok_or(crate::Error::NotFound { what: "referral" })
        })
    }
}

/// The first time someone referred buys, the referrer is thanked: "Thank Sara
/// for referring Maria", tomorrow at her default time. Inside the decision's
/// write; `None` when no one referred her, this is not her first purchase, or
/// the referrer left for good.
pub(super) fn plan_thanks(
    tx: &Transaction,
    contact_id: i64,
    today: NaiveDate,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Option<Followup>> {
    let bought = contacts::get(tx, contact_id)?;
    let Some(referrer) = bought.referred_by else {
        return Ok(None);
    };
    let first_time = decisions::for_contact(tx, contact_id)?
        .iter()
        .filter(|d| d.kind == DecisionKind::Bought)
        .count()
        == 1;
    let gone = contacts::get(tx, referrer.id)?
        .left_reason
        .is_some_and(|reason| reason.beyond_anyones_control());
    if !first_time || gone {
        return Ok(None);
    }
    let followup = ValidFollowup {
        contact_id: referrer.id,
        promise: referral::thanks_promise(&referrer.name, &bought.name),
        channel: Channel::Text,
        due: Due::new(
            today + Duration::days(1),
            None,
            zone,
            settings::default_time(tx)?,
        ),
    };
    let id = followups::insert(tx, &followup, None, now)?;
    Ok(Some(followups::get(tx, id, zone)?))
}
