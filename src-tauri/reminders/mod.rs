//! Reminders: what a notification says, when the loop acts, and the loop that
//! sleeps until the next one (docs/decisions/0004). One tick over the data is
//! `Tend::reminder_tick`; the desktop notifier lives in the shell.

pub mod notice; // the notifications themselves: titles, bodies, actions, grouping
pub mod notifier; // the trait the loop shows notices through, and a recorder for tests
pub mod run_loop; // the background loop: sleep, wake on change or at most each minute
pub mod schedule; // when the digest is due, when to wake next
pub mod test_notice; // the welcome's test notification and what Tend says of it
