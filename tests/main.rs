//! Tend's integration tests, built as one binary. Each module drives the public
//! API against a real SQLite file in a temporary folder.

mod support; // a fresh data folder and a Tend over it, with a controllable clock

mod contacts; // create, read, update, archive, delete, validation through the store
mod crash; // SIGKILL in the middle of a stream of writes loses nothing acknowledged
mod schema; // migrations: validate, upgrade equals fresh, newer files refused
mod search; // FTS5 search: prefixes, every field, ranking, paging
