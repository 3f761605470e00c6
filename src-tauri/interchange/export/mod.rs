//! Tend's contacts and follow-ups as files other programs open: a vCard 4.0
//! address book, a Google Contacts CSV, an iCalendar of the open follow-ups.
//! Plain values in, bytes out; no store, no clock.

pub mod csv; // Google Contacts CSV (Gmail, Outlook)
pub mod ics; // iCalendar: one event per open follow-up
mod names; // one full name in given, middle and family parts
pub mod records; // the values the writers take
pub mod vcard; // vCard 4.0 (RFC 6350)

pub use records::{ExportContact, ExportFollowup};
