//! The domain: contacts, follow-ups, touches, cadences, decisions and the rules
//! between them. No storage, no UI, no Tauri.

pub mod backup; // backup names, when one is due, which to keep
pub mod cadence; // rhythms: steps, schedules, re-basing on an answer
pub mod channel; // call, text, email, in person, message
pub mod contact; // drafts, validation, the contact as the app shows it
pub mod dates; // the window of dates Tend accepts: within 100 years of today
pub mod days_off; // weekdays she doesn't work and holidays: where a chosen date moves
pub mod decision; // interested, thinking, not now, no, bought
pub mod departure; // why a customer left, how much was in her control, what leaving changes
pub mod events; // birthdays and dated events: typed dates, yearly returns, the week ahead
pub mod followup; // promises: planning rules, snooze choices
pub mod import; // which imported cards are new, which merge, what a merge adds
pub mod insights; // how she is doing: promises kept, touches before a sale, pipeline
pub mod links; // call, text, email: the tel:, sms: and mailto: a phone or email opens
pub mod local_time; // local wall times ↔ UTC instants, DST included
pub mod money; // amounts as she types them, kept in cents; currency codes
pub mod paging; // the first few of a long list, in order, without sorting it all
pub mod pause; // pausing reminders: an hour, until tomorrow morning
pub mod phone; // parsing and normalising phone numbers (E.164)
pub mod product; // the product list: name, days of supply, price
pub mod purchase; // purchases, when each product runs out, re-order dates, totals
pub mod referral; // who sent whom: "via Sara", hosts, tallies, partners, thanks
pub mod release; // the running version and its release notes (CHANGELOG.md)
pub mod season; // seasons she sells into: when Today reminds, last year's days
pub mod sections; // Today's promise sections paged: the first of each, in order, and counts
pub mod settings; // what each setting accepts, and its default
pub mod shortcut; // what a global shortcut must be: a key with Ctrl, Alt or Super
pub mod stage; // relationship stages, stored as stable keys
pub mod startup; // what to say and offer when the data file cannot be used
pub mod text; // how a message quotes what she typed, never all of a long text
pub mod today; // which Today section a follow-up belongs in; who is going cold
pub mod touch; // interactions, their count, the next step they suggest
pub mod undo; // what undoing a quick-added line takes back, and when it asks first
