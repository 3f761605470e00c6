//! The background loop: tick, show, sleep until the next reminder — woken early
//! by any change, and never sleeping more than a minute, so time lost to a
//! suspended laptop or a clock change is noticed and caught up.

use super::notifier::Notifier;
use super::schedule::{Tick, MAX_SLEEP};
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use std::sync::mpsc::{Receiver, RecvTimeoutError};

pub enum Wake {
    /// Follow-ups or settings changed: look again now.
    Changed,
    Stop,
}

/// A wake this much later than planned means the machine slept (or the clock
/// jumped): what is due now is a catch-up.
const LATE_WAKE: Duration = Duration::minutes(2);

pub fn run(
    mut tick: impl FnMut(bool) -> Result<Tick>,
    now: impl Fn() -> DateTime<Utc>,
    notifier: &dyn Notifier,
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
                started + MAX_SLEEP
            }
        };
        catching_up = false;
        let sleep = (next - started).clamp(Duration::zero(), MAX_SLEEP);
        planned_wake = Some(started + sleep);
        match wake.recv_timeout(sleep.to_std().unwrap_or_default()) {
            Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Ok(Wake::Changed) | Err(RecvTimeoutError::Timeout) => {}
        }
    }
}
