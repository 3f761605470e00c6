//! Reminders: deciding what to notify and when (pure), remembering what was
//! notified (store), and the loop that sleeps until the next one (docs/decisions/0004).

pub mod engine; // one tick: what is due now, what to show, when to wake next
pub mod notice; // the notifications themselves: titles, bodies, actions, grouping
pub mod notifier; // the OS side: notify-rust, or a recorder in tests
pub mod run_loop; // the background loop: sleep, wake on change or at most each minute
