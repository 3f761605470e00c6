//! Tend: a local-first follow-up keeper for people who sell through relationships.
//!
//! The domain and the store are plain Rust; the desktop shell (Tauri) sits behind
//! the `desktop` feature so the core builds and tests without WebKit.

pub mod api; // Tend: the operations a person can perform
pub mod cli; // terminal subcommands over the same domain
pub mod clock; // where "now" comes from (system, or TEND_NOW for tests)
pub mod data_dir; // where the one SQLite file lives
pub mod domain; // contacts, follow-ups, cadences, decisions: no storage, no UI
pub mod error; // the one error type of the core
pub mod interchange; // vCard, CSV and iCalendar: files in and out, no store
pub mod quickadd; // one line → a contact with its next step
pub mod reminders; // what to notify and when; the loop that does it
pub mod store; // SQLite: opening, migrations, queries
#[cfg(test)]
mod test_time; // instants as tests write them

#[cfg(feature = "desktop")]
pub mod app; // the Tauri shell: window, commands, events

pub use error::{Error, Result};
