//! What an export is written from: each contact and each open follow-up as
//! plain values, read by the store and handed to a writer.

use crate::interchange::Birthday;
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// Who wrote the file (vCard's and iCalendar's PRODID).
pub const PRODUCT_ID: &str = concat!("-//Tend//Tend ", env!("CARGO_PKG_VERSION"), "//EN");

/// One contact with everything the address-book formats carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportContact {
    /// Stable across exports: the same person is the same card next time.
    pub uid: String,
    pub name: String,
    /// As the person typed them; the first is the primary one.
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub birthday: Option<Birthday>,
    /// Empty when there is none.
    pub org: String,
    pub notes: String,
    pub tags: Vec<String>,
    /// "Customer", "Team member": as Tend shows it.
    pub stage_label: String,
}

/// One open follow-up, with who it is for and when it is due.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFollowup {
    /// With the contact's UID, makes the event's UID (stable across exports).
    pub id: i64,
    pub contact_uid: String,
    pub contact_name: String,
    pub contact_phone: Option<String>,
    pub promise: String,
    /// As a verb: "Call", "Text", "Meet".
    pub channel_label: String,
    /// The instant it is due (for a date alone: the default time of day).
    pub due_at: DateTime<Utc>,
    /// The wall time meant, in `zone`.
    pub due_local: NaiveDateTime,
    pub zone: Tz,
    /// False when only a date was promised ("Thursday").
    pub has_time: bool,
    pub created_at: DateTime<Utc>,
    /// Last change: the calendar's DTSTAMP, so an unchanged promise exports
    /// byte for byte the same.
    pub updated_at: DateTime<Utc>,
}
