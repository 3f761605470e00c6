//! What a read line turns into: a new contact (or a note on a known one), its
//! next step, and the New lead rhythm (after the line's own promise, when it
//! names a date).

use super::parsed::{ParsedFollowup, ParsedLine, ParsedPhone};
use crate::domain::channel::Channel;
use crate::domain::contact::{ContactDraft, ValidContact};
use crate::domain::followup::Due;
use crate::domain::phone::PhoneRules;
use crate::domain::text::quoted;
use crate::domain::touch::{Outcome, ValidTouch};
use crate::domain::{dates, local_time};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Set once for a batch of lines ("Met at: Sara's party"), applied to each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Batch {
    pub met_where: String,
    /// "YYYY-MM-DD"; empty means today.
    pub met_on: String,
    /// A new contact starts the New lead cadence unless this is set.
    pub no_cadence: bool,
    /// The party's host ("Sara"): every guest is referred by her. Empty: the
    /// host "Met at" names ("Sara's party"), if she is a contact.
    pub host: String,
}

/// Where a line goes: a new contact, or one already in Tend that the person
/// chose when the line's phone or email was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    NewContact,
    Existing(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewContact {
    pub contact: ValidContact,
    /// Phones and emails after the first, which the contact form holds.
    pub more_phones: Vec<ParsedPhone>,
    pub more_emails: Vec<String>,
    pub met_where: Option<String>,
    pub met_on: NaiveDate,
}

/// The promise the line makes, for whichever contact it lands on.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    pub promise: String,
    pub channel: Channel,
    pub due: Due,
}

/// Where the line lands, and what it writes there.
#[derive(Debug, Clone, PartialEq)]
pub enum Landing {
    NewContact(Box<NewContact>),
    /// On a known contact, the line's note is kept as an in-person touch.
    Existing {
        contact_id: i64,
        note_touch: Option<ValidTouch>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LinePlan {
    pub landing: Landing,
    pub next_step: Option<NextStep>,
    /// On a new contact: the New lead cadence applies (after `next_step`, if
    /// the line named a date).
    pub start_new_lead: bool,
}

/// Whether a line starts the New lead cadence (3 days, 3 weeks, 3 months): only
/// on a new contact, not when the batch says not, and for a line that names a
/// date only when `after_a_date` (a setting, on by default): that promise is
/// then the rhythm's first step, so one call is not the end of the story.
pub fn starts_new_lead(
    parsed: &ParsedLine,
    batch: &Batch,
    target: Target,
    after_a_date: bool,
) -> bool {
    !batch.no_cadence && target == Target::NewContact && (parsed.followup.is_none() || after_a_date)
}

/// Decides what saving `parsed` writes. `today` is the local date (the batch's
/// "met on" defaults to it); a follow-up already past is refused.
/// `after_a_date`: see [`starts_new_lead`].
#[allow(clippy::too_many_arguments)]
pub fn plan(
    parsed: &ParsedLine,
    batch: &Batch,
    target: Target,
    after_a_date: bool,
    now: DateTime<Utc>,
    today: NaiveDate,
    zone: Tz,
    default_time: NaiveTime,
    rules: PhoneRules,
) -> Result<LinePlan> {
    let met_on = match batch.met_on.trim() {
        "" => today,
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| {
                Error::invalid(
                    "metOn",
                    format!("{text} is not a date.", text = quoted(text)),
                )
            })
            .and_then(|date| dates::near(date, today, "metOn"))?,
    };
    let next_step = parsed
        .followup
        .as_ref()
        .map(|step| next_step(parsed, step, now, zone, default_time))
        .transpose()?;
    let landing = match target {
        Target::NewContact => {
            Landing::NewContact(Box::new(new_contact(parsed, batch, met_on, rules)?))
        }
        Target::Existing(contact_id) => Landing::Existing {
            contact_id,
            note_touch: (!parsed.note.is_empty()).then(|| ValidTouch {
                contact_id,
                channel: Channel::InPerson,
                outcome: Outcome::None,
                note: parsed.note.clone(),
                occurred_at: now,
                followup_id: None,
            }),
        },
    };
    Ok(LinePlan {
        landing,
        next_step,
        start_new_lead: starts_new_lead(parsed, batch, target, after_a_date),
    })
}

/// The promise is what the line said about them; with no note, the phrase itself.
fn next_step(
    parsed: &ParsedLine,
    step: &ParsedFollowup,
    now: DateTime<Utc>,
    zone: Tz,
    default_time: NaiveTime,
) -> Result<NextStep> {
    let date = dates::ahead(step.date, local_time::local_date(now, zone), "date")?;
    let due = Due::new(date, step.time, zone, default_time);
    due.ensure_future(now)?;
    let promise = if parsed.note.is_empty() {
        step.phrase.clone()
    } else {
        parsed.note.clone()
    };
    Ok(NextStep {
        promise,
        channel: step.channel,
        due,
    })
}

fn new_contact(
    parsed: &ParsedLine,
    batch: &Batch,
    met_on: NaiveDate,
    rules: PhoneRules,
) -> Result<NewContact> {
    let draft = ContactDraft {
        name: parsed.name.clone(),
        phone: parsed
            .phones
            .first()
            .map(|phone| phone.display.clone())
            .unwrap_or_default(),
        email: parsed.emails.first().cloned().unwrap_or_default(),
        stage: parsed
            .stage
            .map(|stage| stage.key().to_string())
            .unwrap_or_default(),
        notes: parsed.note.clone(),
        tags: parsed.tags.clone(),
        keep_in_touch_days: None,
        // The preview said what the region's rules do not know; a line is not refused for it.
        keep_phone_as_typed: true,
    };
    let met_where = batch.met_where.trim();
    Ok(NewContact {
        contact: draft.validate(rules)?,
        more_phones: parsed.phones.iter().skip(1).cloned().collect(),
        more_emails: parsed.emails.iter().skip(1).cloned().collect(),
        met_where: (!met_where.is_empty()).then(|| met_where.to_string()),
        met_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::phone::Region;
    use crate::quickadd::{parse_line, DateOrder, ParseContext};
    use crate::test_time::utc;

    /// Monday 23 Nov 2026, 14:00 in UTC.
    fn read(line: &str) -> ParsedLine {
        let now = utc("2026-11-23T14:00:00Z").naive_utc();
        parse_line(
            line,
            &ParseContext::new(now, DateOrder::MonthFirst, Region::US),
        )
        .expect("a line")
    }

    fn plan_for(line: &str, batch: &Batch, target: Target) -> Result<LinePlan> {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("09:00");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        plan(
            &read(line),
            batch,
            target,
            true,
            utc("2026-11-23T14:00:00Z"),
            today,
            chrono_tz::UTC,
            nine,
            Region::US.into(),
        )
    }

    #[test]
    fn a_new_prospect_with_a_date_gets_that_step_then_the_rhythm() {
        let batch = Batch {
            met_where: " Sara's party ".into(),
            ..Batch::default()
        };
        let plan = plan_for(
            "Jane Doe 555-0142 wants the lavender set, call Thu",
            &batch,
            Target::NewContact,
        )
        .expect("planned");
        let Landing::NewContact(contact) = plan.landing else {
            panic!("a new contact: {:?}", plan.landing)
        };
        assert_eq!(contact.contact.name, "Jane Doe");
        assert_eq!(contact.met_where.as_deref(), Some("Sara's party"));
        assert_eq!(
            contact.met_on.to_string(),
            "2026-11-23",
            "met today by default"
        );
        let step = plan.next_step.expect("a next step");
        assert_eq!(
            step.promise, "wants the lavender set",
            "the note is the promise"
        );
        assert_eq!(step.channel, Channel::Call);
        assert_eq!(step.due.local.to_string(), "2026-11-26 09:00:00");
        assert!(plan.start_new_lead, "the call is New lead's first step");
        let line = read("Jane Doe call Thu");
        assert!(
            !starts_new_lead(&line, &batch, Target::NewContact, false),
            "with the setting off, a dated line is the whole story"
        );
        assert!(starts_new_lead(
            &read("Jane Doe"),
            &batch,
            Target::NewContact,
            false
        ));
    }

    #[test]
    fn no_date_starts_the_new_lead_rhythm_unless_told_not_to() {
        let plan = plan_for("Carl Weber 555-0199", &Batch::default(), Target::NewContact)
            .expect("planned");
        assert!(plan.start_new_lead);
        assert_eq!(plan.next_step, None);
        let quiet = Batch {
            no_cadence: true,
            ..Batch::default()
        };
        assert!(
            !plan_for("Carl Weber", &quiet, Target::NewContact)
                .expect("planned")
                .start_new_lead
        );
    }

    #[test]
    fn on_a_known_contact_the_note_becomes_a_touch_and_nothing_starts() {
        let plan = plan_for(
            "Jane Doe 555-0142 loved the samples",
            &Batch::default(),
            Target::Existing(9),
        )
        .expect("planned");
        assert!(!plan.start_new_lead, "a known contact gets no new rhythm");
        let Landing::Existing {
            contact_id: 9,
            note_touch: Some(touch),
        } = plan.landing
        else {
            panic!("the note kept on contact 9: {:?}", plan.landing)
        };
        assert_eq!(
            (touch.contact_id, touch.note.as_str()),
            (9, "loved the samples")
        );
        assert_eq!(touch.channel, Channel::InPerson);
        let phrase_only = plan_for(
            "Jane Doe text tomorrow",
            &Batch::default(),
            Target::Existing(9),
        )
        .expect("planned");
        assert!(matches!(
            phrase_only.landing,
            Landing::Existing {
                note_touch: None,
                ..
            }
        ));
        assert_eq!(
            phrase_only.next_step.expect("a step").promise,
            "text tomorrow"
        );
    }

    #[test]
    fn a_bad_batch_date_is_refused() {
        let batch = Batch {
            met_on: "yesterday-ish".into(),
            ..Batch::default()
        };
        let err = plan_for("Jane Doe", &batch, Target::NewContact).expect_err("refused");
        assert_eq!(err.field(), Some("metOn"));
    }
}
