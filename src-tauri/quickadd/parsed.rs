//! What a line is read against, and what it says: the parser's input and output.

use crate::domain::channel::Channel;
use crate::domain::phone::{AreaCode, PhoneRules, Region};
use crate::domain::stage::Stage;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// How a numeric date like `12/3` is read: 3 December (en-US) or 12 March.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    MonthFirst,
    DayFirst,
}

impl DateOrder {
    /// The usual order where the phone region is: month first in the United
    /// States (and the places that follow its calendar habits), day first elsewhere.
    pub fn for_region(region: Region) -> DateOrder {
        use phonenumber::country::Id;
        match region {
            Id::US
            | Id::PR
            | Id::GU
            | Id::VI
            | Id::AS
            | Id::MP
            | Id::PH
            | Id::FM
            | Id::MH
            | Id::PW => DateOrder::MonthFirst,
            _ => DateOrder::DayFirst,
        }
    }
}

/// When a follow-up that names only a day is due, unless the person chose otherwise.
pub const DEFAULT_TIME: NaiveTime = crate::domain::settings::DEFAULT_DEFAULT_TIME;

/// What a line is read against.
#[derive(Debug, Clone, Copy)]
pub struct ParseContext {
    /// The person's local date and time; "tomorrow" and "in 3 days" count from it.
    pub now: NaiveDateTime,
    pub date_order: DateOrder,
    /// The country of phone numbers typed without a `+` country code.
    pub phone_region: Region,
    /// Put before a local number typed without its area code, if set.
    pub area_code: Option<AreaCode>,
    /// The time a follow-up is due when the line names only a day.
    pub default_time: NaiveTime,
}

impl ParseContext {
    /// A context with the usual default time, 09:00.
    pub fn new(now: NaiveDateTime, date_order: DateOrder, phone_region: Region) -> Self {
        ParseContext {
            now,
            date_order,
            phone_region,
            area_code: None,
            default_time: DEFAULT_TIME,
        }
    }

    pub fn phone_rules(&self) -> PhoneRules {
        PhoneRules {
            region: self.phone_region,
            area_code: self.area_code,
        }
    }
}

/// A phone as typed and as it will be stored (E.164 when valid), ready for the contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedPhone {
    pub display: String,
    /// E.164 for a valid number; the digits as typed for one kept as typed.
    pub normalized: String,
    /// Why the region's rules do not know it, in a sentence with what she can
    /// do; the number is then kept as typed.
    pub warning: Option<String>,
    /// The same in a few words for the preview: "no area code".
    pub problem: Option<&'static str>,
}

/// What one line says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedLine {
    pub name: String,
    pub phones: Vec<ParsedPhone>,
    pub emails: Vec<String>,
    /// Without the `#`, as typed, each once.
    pub tags: Vec<String>,
    pub stage: Option<Stage>,
    /// Every word that was not recognised, in order; "" when there are none.
    pub note: String,
    pub followup: Option<ParsedFollowup>,
    /// "call after the holidays": a plan with no day Tend could choose; the
    /// preview asks which day, and the words stay in the note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vague: Option<String>,
    /// "via Sara", "ref Sara Jones", "referred by Sara": who sent them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer: Option<ParsedReferrer>,
}

/// Who the line says referred them; which contact that is, Tend decides on saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedReferrer {
    /// The name as typed: "Sara".
    pub name: String,
    /// The words it came from: "via Sara".
    pub phrase: String,
}

/// The next step the line promises: "call Thu".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedFollowup {
    pub channel: Channel,
    pub date: NaiveDate,
    /// `None` when the line named only a day: the default time applies.
    pub time: Option<NaiveTime>,
    /// The words it came from, e.g. "call Thu".
    pub phrase: String,
    /// How a near-miss channel word was read: "“cal” read as call".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<String>,
    /// For a phrase that names a stretch, which day was chosen: "“next week”
    /// names no day: Tend chose its Monday".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen: Option<String>,
}

impl ParsedFollowup {
    /// When it is due, with the default time filled in.
    pub fn due(&self, default_time: NaiveTime) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(default_time))
    }
}
