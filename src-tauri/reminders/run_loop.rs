//! The background loop: tick, show, arm the alarm for the next reminder, and
//! wait. It wakes only when something happens — the alarm rings, the data
//! changes, the wall clock is set, the machine resumes — never on a timer of
//! its own (docs/decisions/0004).

use super::alarm::Alarm;
use super::notifier::Notifier;
use super::schedule::Tick;
pub use super::wake::Wake;
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use std::sync::mpsc::Receiver;

/// A look this much later than the instant the alarm was set for means the
/// machine slept (or the clock jumped past it): what is due now is a catch-up.
const LATE_WAKE: Duration = Duration::minutes(2);

/// If a tick fails (the disk, say), it is tried again this much later.
const RETRY_AFTER: Duration = Duration::minutes(1);

pub fn run(
    mut tick: impl FnMut(bool) -> Result<Tick>,
    now: impl Fn() -> DateTime<Utc>,
    notifier: &dyn Notifier,
    alarm: &dyn Alarm,
    wake: &Receiver<Wake>,
) {
    let mut catching_up = true; // on start: whatever came due while closed
    let mut planned_wake: Option<DateTime<Utc>> = None;
    loop {
        let started = now();
        if planned_wake.is_some_and(|planned| started - planned > LATE_WAKE) {
            catching_up = true;
        }
        let next = match tick(catching_up) {
            Ok(tick) => {
                for notice in &tick.notices {
                    // A failure is logged once by the notifier; Today still shows it.
                    let _ = notifier.show(notice);
                }
                tick.next_wake
            }
            Err(err) => {
                eprintln!("tend: reminders could not check what is due: {err}");
                Some(started + RETRY_AFTER)
            }
        };
        catching_up = false;
        planned_wake = next;
        alarm.set(next.map(|next| (next - started).to_std().unwrap_or_default()));
        match wake.recv() {
            Ok(Wake::Stop) | Err(_) => return,
            Ok(Wake::Changed | Wake::Due | Wake::ClockChanged | Wake::Resumed) => {}
        }
    }
}
