//! Signals between the parts of the shell: event names for the windows, the
//! waker that makes the reminder loop look again, the nudge that tells the
//! automatic backup of a change, Cancel for a running import.

use crate::reminders::run_loop::Wake;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;
use std::sync::Mutex;

/// Emitted after every committed change, so every open view refreshes.
pub const CHANGED_EVENT: &str = "tend://changed";
/// Emitted with a follow-up id when a notification is clicked: the window opens it.
pub const OPEN_FOLLOWUP_EVENT: &str = "tend://open-followup";
/// While an import writes: `{done, total}`.
pub const IMPORT_PROGRESS_EVENT: &str = "tend://import-progress";
/// Sent to a window that should put the cursor in its Quick add line.
pub const QUICK_ADD_EVENT: &str = "tend://quick-add";

/// Wakes the reminder loop, so a new or moved follow-up is seen at once.
pub struct Waker(Mutex<Sender<Wake>>);

impl Waker {
    pub fn new(sender: Sender<Wake>) -> Self {
        Waker(Mutex::new(sender))
    }

    pub fn wake(&self) {
        // A loop that has stopped has nothing to be woken for.
        let _ = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .send(Wake::Changed);
    }
}

/// Tells the automatic backup that something changed, so it looks a while later.
pub struct BackupNudge(Mutex<Sender<()>>);

impl BackupNudge {
    pub fn new(sender: Sender<()>) -> Self {
        BackupNudge(Mutex::new(sender))
    }

    pub fn nudge(&self) {
        let _ = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .send(());
    }
}

/// Set by Cancel; the running import checks it between contacts.
#[derive(Default)]
pub struct ImportCancel(AtomicBool);

impl ImportCancel {
    pub fn flag(&self) -> &AtomicBool {
        &self.0
    }
}
