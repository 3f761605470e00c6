//! `Tend`: the operations a person can perform. Each loads what it needs, asks
//! the domain what follows, and saves it, in one write transaction; after every
//! committed write the change hook runs (the window refreshes, reminders look
//! again). The window's commands, the terminal and the tests all come through here.

mod backups; // automatic backups, back up now, the list, restore
mod cadences; // rhythms: list, edit, apply
mod contacts; // contacts and stages
mod date_phrases; // a day typed into any form, read by the quick-add phrases
mod decisions; // where a contact stands, and what follows from it
mod departures; // why they left, and what leaving changes
mod events; // birthdays, dated events, what matters now; the week ahead
mod export; // contacts as vCard or CSV, open follow-ups as iCalendar, saved atomically
mod followups; // plan, keep, snooze, reschedule, skip
mod import; // contacts from a file: preview, then all or nothing
mod insights; // how she is doing: the figures of a period
mod products; // her product list: add, edit, archive
mod purchases; // recording a purchase, re-order reminders, a contact's history
mod quick_add; // one line → a contact and its next step
mod referrals; // who referred whom, partners' balance, thanking a referrer
mod reminders; // one tick of the reminder loop
mod settings; // settings, pausing reminders, the shortcut
mod tend; // the struct itself: store, clock, zone, the change hook
mod today; // the start screen and the tray's count
mod touches; // logging what happened, counting touches

pub use backups::{
    backups_in, restore_newest_over_unusable, BackupInfo, RestoreSummary, BACKUP_FOLDER,
};
pub use cadences::CadencePlan;
pub use date_phrases::{DateAsk, DateReading};
pub use decisions::DecisionOutcome;
pub use departures::DepartureOutcome;
pub use export::{ExportFormat, ExportSummary};
pub use followups::Completed;
pub use import::{ImportChoices, ImportPreview, ImportSummary, MappingRequest, PreviewRow, Rows};
pub use insights::Insights;
pub use purchases::{PurchaseHistory, PurchaseOutcome};
pub use quick_add::{Duplicate, QuickAddPreview, QuickAdded, UndoOutcome, UndoQuickAdd};
pub use referrals::Referrals;
pub use settings::Settings;
pub use tend::Tend;
pub use today::{Today, TodayCounts};
pub use touches::{LoggedTouch, TouchHistory};
