//! Touches: every interaction with a contact, and what it suggests next.

use super::channel::Channel;
use super::followup::Followup;
use super::local_time;
use super::stage::Stage;
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub const MAX_NOTE_CHARS: usize = 5_000;
/// "It takes about 7 contacts" (seeds): the number the app counts towards.
pub const TOUCHES_A_SALE_NEEDS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    None,
    Reply,
    Conversation,
    NoAnswer,
    LeftMessage,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::None,
        Outcome::Reply,
        Outcome::Conversation,
        Outcome::NoAnswer,
        Outcome::LeftMessage,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Outcome::None => "none",
            Outcome::Reply => "reply",
            Outcome::Conversation => "conversation",
            Outcome::NoAnswer => "no_answer",
            Outcome::LeftMessage => "left_message",
        }
    }

    pub fn from_key(key: &str) -> Option<Outcome> {
        Outcome::ALL
            .into_iter()
            .find(|outcome| outcome.key() == key)
    }

    /// They answered: a cadence re-bases its remaining steps from here.
    pub fn is_answer(self) -> bool {
        matches!(self, Outcome::Reply | Outcome::Conversation)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TouchDraft {
    pub contact_id: i64,
    pub channel: String,
    pub outcome: String,
    pub note: String,
    /// Local "YYYY-MM-DDTHH:MM"; empty means now.
    pub when: String,
    /// The follow-up this touch kept, if any.
    pub followup_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidTouch {
    pub contact_id: i64,
    pub channel: Channel,
    pub outcome: Outcome,
    pub note: String,
    pub occurred_at: DateTime<Utc>,
    pub followup_id: Option<i64>,
}

impl TouchDraft {
    pub fn validate(&self, now: DateTime<Utc>, zone: Tz) -> Result<ValidTouch> {
        let channel = super::followup::parse_channel(&self.channel)?;
        let outcome = match self.outcome.trim() {
            "" => Outcome::None,
            key => Outcome::from_key(key).ok_or_else(|| {
                Error::invalid(
                    "outcome",
                    format!("{key} is not an outcome Tend knows.", key = quoted(key)),
                )
            })?,
        };
        let note = self.note.trim().to_string();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::invalid(
                "note",
                format!("A touch note can be at most {MAX_NOTE_CHARS} characters."),
            ));
        }
        let occurred_at = match self.when.trim() {
            "" => now,
            text => {
                let local = local_time::parse_local(text).ok_or_else(|| {
                    Error::invalid(
                        "when",
                        format!("{text} is not a date and time.", text = quoted(text)),
                    )
                })?;
                let today = local_time::local_date(now, zone);
                super::dates::near(local.date(), today, "when")?;
                let at = local_time::resolve(local, zone);
                if at > now + Duration::minutes(5) {
                    return Err(Error::invalid(
                        "when",
                        "A touch can't be in the future; plan a follow-up instead.",
                    ));
                }
                at
            }
        };
        Ok(ValidTouch {
            contact_id: self.contact_id,
            channel,
            outcome,
            note,
            occurred_at,
            followup_id: self.followup_id,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Touch {
    pub id: i64,
    pub contact_id: i64,
    pub channel: Channel,
    pub channel_label: &'static str,
    pub outcome: Outcome,
    pub note: String,
    pub occurred_at: DateTime<Utc>,
    pub followup_id: Option<i64>,
}

/// What to pre-fill in "Plan follow-up" after a touch: one key accepts it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowupSuggestion {
    pub contact_id: i64,
    pub channel: Channel,
    pub date: NaiveDate,
    pub promise: String,
}

/// Leads and new customers are in the moment that decides the sale: a few days.
/// Everyone else: a week.
pub fn suggest_next(touch: &ValidTouch, stage: Stage, zone: Tz) -> FollowupSuggestion {
    let gap = match stage {
        Stage::Lead | Stage::NewCustomer => 3,
        _ => 7,
    };
    FollowupSuggestion {
        contact_id: touch.contact_id,
        channel: touch.channel,
        date: local_time::local_date(touch.occurred_at, zone) + Duration::days(gap),
        promise: match touch.channel {
            Channel::InPerson => "Follow up on our meeting".to_string(),
            channel => format!("Follow up on the {}", channel.noun()),
        },
    }
}

/// "touch 4 — most sales need about 7", in plain words. The sales coaching is
/// for leads; a customer or a partner is not being sold to, only counted.
pub fn count_in_words(count: i64, stage: Stage) -> String {
    if stage != Stage::Lead {
        return match count {
            0 => "No touches yet".to_string(),
            1 => "1 touch".to_string(),
            n => format!("{n} touches"),
        };
    }
    match count {
        0 => format!("No touches yet — most sales need about {TOUCHES_A_SALE_NEEDS}"),
        n if n < TOUCHES_A_SALE_NEEDS => format!("touch {n} — most sales need about {TOUCHES_A_SALE_NEEDS}"),
        n => format!("touch {n} — past the {TOUCHES_A_SALE_NEEDS} most sales need; time to ask for a decision"),
    }
}

/// How many days either side of a touch an open follow-up may be due and still
/// be the promise the touch kept.
pub const KEEPS_WITHIN_DAYS: i64 = 3;

/// "Did this keep “send the samples” (due Thu)?", asked with Done ticked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptQuestion {
    pub followup: Followup,
    pub question: String,
}

/// The open follow-up a touch on the local date `touched_on` most likely kept:
/// one due within [`KEEPS_WITHIN_DAYS`] either side, the nearest (on a tie the
/// earlier, the one she is late for). `today` names a promise due today so.
pub fn probably_kept(
    open: &[Followup],
    touched_on: NaiveDate,
    today: NaiveDate,
    zone: Tz,
) -> Option<KeptQuestion> {
    let due_on = |f: &Followup| local_time::local_date(f.due_at, zone);
    let nearest = open
        .iter()
        .filter(|f| f.status.is_pending())
        .map(|f| (f, (due_on(f) - touched_on).num_days()))
        .filter(|(_, days)| days.abs() <= KEEPS_WITHIN_DAYS)
        .min_by_key(|(f, days)| (days.abs(), f.due_at))?
        .0;
    let due = due_on(nearest);
    let when = if due == today {
        "today".to_string()
    } else {
        due.format("%a").to_string()
    };
    let what = if nearest.promise.is_empty() {
        nearest.channel_label
    } else {
        nearest.promise.as_str()
    };
    Some(KeptQuestion {
        question: format!("Did this keep “{what}” (due {when})?"),
        followup: nearest.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::Status;
    use chrono_tz::America::New_York;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T15:00:00Z")
            .expect("instant")
            .with_timezone(&Utc)
    }

    #[test]
    fn a_touch_defaults_to_now_and_a_call() {
        let touch = TouchDraft {
            contact_id: 3,
            ..TouchDraft::default()
        }
        .validate(now(), New_York)
        .expect("valid");
        assert_eq!(touch.occurred_at, now());
        assert_eq!(touch.channel, Channel::Call);
        assert_eq!(touch.outcome, Outcome::None);
    }

    #[test]
    fn a_touch_in_the_future_is_refused() {
        let draft = TouchDraft {
            when: "2026-11-24T09:00".into(),
            ..TouchDraft::default()
        };
        assert_eq!(
            draft.validate(now(), New_York).expect_err("future").field(),
            Some("when")
        );
        let earlier = TouchDraft {
            when: "2026-11-20T09:00".into(),
            ..TouchDraft::default()
        };
        assert!(earlier.validate(now(), New_York).is_ok());
    }

    #[test]
    fn the_next_step_is_sooner_for_leads() {
        let touch = TouchDraft {
            contact_id: 1,
            channel: "text".into(),
            ..TouchDraft::default()
        }
        .validate(now(), New_York)
        .expect("valid");
        assert_eq!(
            suggest_next(&touch, Stage::Lead, New_York).date.to_string(),
            "2026-11-26"
        );
        assert_eq!(
            suggest_next(&touch, Stage::Customer, New_York)
                .date
                .to_string(),
            "2026-11-30"
        );
        assert_eq!(
            suggest_next(&touch, Stage::Lead, New_York).channel,
            Channel::Text
        );
    }

    #[test]
    fn counts_read_as_plain_words() {
        assert_eq!(
            count_in_words(4, Stage::Lead),
            "touch 4 — most sales need about 7"
        );
        assert!(count_in_words(9, Stage::Lead).contains("ask for a decision"));
    }

    #[test]
    fn only_a_lead_is_coached_towards_a_sale() {
        for stage in [
            Stage::NewCustomer,
            Stage::Customer,
            Stage::Partner,
            Stage::TeamMember,
        ] {
            assert_eq!(count_in_words(4, stage), "4 touches", "{stage:?}");
            assert_eq!(count_in_words(1, stage), "1 touch");
            assert_eq!(count_in_words(0, stage), "No touches yet");
        }
    }

    fn promise(id: i64, due: &str, status: Status) -> Followup {
        let due_at = crate::test_time::utc(due);
        Followup {
            id,
            contact_id: 1,
            contact_name: "Tom Reed".into(),
            promise: format!("promise {id}"),
            channel: Channel::Call,
            channel_label: Channel::Call.label(),
            due_at,
            due_local: String::new(),
            due_note: None,
            has_time: false,
            status,
            snoozed_until: None,
            skip_reason: None,
            completed_at: None,
            cadence_name: None,
            notified_at: None,
            reach: Default::default(),
            reorder_of: None,
            matters_now: None,
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_touch_near_an_open_promise_asks_whether_it_kept_it() {
        // Monday 23 Nov 2026; 14:00 UTC is 09:00 in New York.
        let monday = day("2026-11-23");
        let open = [
            promise(1, "2026-11-30T14:00:00Z", Status::Open), // next Monday: too far
            promise(2, "2026-11-26T14:00:00Z", Status::Open), // Thursday
            promise(3, "2026-11-23T14:00:00Z", Status::Done), // kept already
        ];
        let asked = probably_kept(&open, monday, monday, New_York).expect("Thursday's");
        assert_eq!(asked.followup.id, 2);
        assert_eq!(asked.question, "Did this keep “promise 2” (due Thu)?");
        // Three days late still counts; an overdue one wins a tie with a later one.
        let late = [
            promise(4, "2026-11-26T14:00:00Z", Status::Open),
            promise(5, "2026-11-20T14:00:00Z", Status::Snoozed),
        ];
        assert_eq!(
            probably_kept(&late, monday, monday, New_York)
                .expect("one")
                .followup
                .id,
            5
        );
        let today = [promise(6, "2026-11-23T14:00:00Z", Status::Open)];
        assert_eq!(
            probably_kept(&today, monday, monday, New_York)
                .expect("today's")
                .question,
            "Did this keep “promise 6” (due today)?"
        );
        assert_eq!(probably_kept(&open[..1], monday, monday, New_York), None);
        let wordless = [Followup {
            promise: String::new(),
            ..promise(7, "2026-11-24T14:00:00Z", Status::Open)
        }];
        assert_eq!(
            probably_kept(&wordless, monday, monday, New_York)
                .expect("one")
                .question,
            "Did this keep “Call” (due Tue)?"
        );
    }
}
