//! Reminders: what a notification says, when the loop acts, and the loop that
//! sleeps until the next one (docs/decisions/0004). One tick over the data is
//! `Tend::reminder_tick`; the desktop notifier lives in the shell.

pub mod alarm; // the loop's alarm: a timerfd on the wall clock (Linux), a rechecking thread elsewhere
pub mod notice; // the notifications themselves: titles, bodies, actions, grouping
pub mod notifier; // the trait the loop shows notices through, and a recorder for tests
pub mod run_loop; // the background loop: wakes on its alarm, a change, a clock set or a resume
pub mod schedule; // when the digest is due, when to wake next
pub mod test_notice; // the welcome's test notification and what Tend says of it
pub mod wake; // why the loop wakes
