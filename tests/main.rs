//! Tend's integration tests, built as one binary. Each module drives the public
//! API against a real SQLite file in a temporary folder.

mod support; // a fresh data folder and a Tend over it, with a controllable clock

mod architecture; // the layering rules, read from src-tauri/: no import cycles, SQL only in the store
mod backups; // online backups while writing, refused and good restores, automatic backups and pruning, the CLI
mod cadences; // applying rhythms, stopping on decisions, re-basing on an answer
mod changes; // the change hook follows every committed write, and only those
mod cli; // the `tend` binary in a terminal: add, dry-run JSON, exit status
mod cli_import; // `tend import` on real files: its JSON, dry run, twice adds nothing, refusals
mod contacts; // create, read, update, archive, delete, validation through the store
mod crash; // SIGKILL in the middle of a stream of writes loses nothing acknowledged
mod daily_loop; // decisions settle promises, touches keep them, cadences count from the day met and skip days off
mod date_phrases; // a day typed into a form: read in her zone, order and default time; refusals
mod departures; // why they left: inactive, off the nagging lists for died/moved, Win back offered, back on buying
mod events; // birthdays a week ahead and told on the morning, 29 Feb, year end, events, what matters now, seasons
mod export; // vCard, CSV and iCalendar out, read back by other parsers; atomic files; `tend export`
mod floor; // the empty app make bench-floor measures against is built like Tend
mod followups; // plan, done, snooze, reschedule, skip, touches; DST and zone changes
mod import; // contacts from a file: preview, merge, all or nothing, idempotent
mod insights; // promises kept, touches before a sale, the pipeline, from a real file
mod interchange_read; // files → contact records: every vCard fixture, CSV layouts, encodings, bad files
mod messages; // what she reads when something fails: her words, never a whole input; a real full disk
mod packaging; // what the installers are made of: config, icons, desktop entry, metainfo, notes
mod permissions; // commands registered, declared in build.rs and granted per window agree
mod privacy; // the data folder 0700 and every file Tend writes 0600 on Unix, whatever the umask
mod purchases; // products, Record purchase as Bought, details of a Bought, bad input, v1 purchases upgraded
mod quick_add; // one line → contact and next step; duplicates, batch context, undo
mod referrals; // Referred by, "via Sara" and party hosts, a referrer's tally, thanks on a first purchase, partners
mod regressions; // bugs found while giving each rule one home
mod reminders; // due → notified once; catch-up summary; digest; pause; the loop on a real clock
mod reorders; // a purchase's reminder under Re-orders and notified; a re-order re-plans from her rhythm; lapsed customers
mod roundtrip; // exports imported into an empty book are the same people; a killed import changes nothing
mod schema; // migrations: validate, upgrade equals fresh and keeps a v1 file's rows, shipped ones pinned, newer files refused
mod search; // FTS5 search: prefixes, every field, ranking, paging
mod startup; // a data file that cannot be used is named for what is wrong, and left as it was
mod today; // Today's sections, going cold, maybes; property tests over random histories
