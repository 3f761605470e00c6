//! The OS side of a notification, behind a small trait: the desktop notifier in
//! the shell (`app::notifier`, notify-rust), a recorder in tests. Where
//! notifications are impossible (no session bus, no daemon) the app keeps
//! working and says so once.

use super::notice::Notice;
use std::sync::Mutex;

pub trait Notifier: Send + Sync {
    /// Shows the notice; an error means it could not be shown (the reminder is
    /// still visible in Today).
    fn show(&self, notice: &Notice) -> Result<(), String>;
}

/// Keeps what would have been shown: for tests.
#[derive(Default)]
pub struct RecordingNotifier {
    shown: Mutex<Vec<Notice>>,
}

impl RecordingNotifier {
    pub fn shown(&self) -> Vec<Notice> {
        self.shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl Notifier for RecordingNotifier {
    fn show(&self, notice: &Notice) -> Result<(), String> {
        self.shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(notice.clone());
        Ok(())
    }
}
