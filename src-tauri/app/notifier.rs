//! Native notifications through notify-rust (D-Bus on Linux), for the desktop
//! build only. Actions are a Linux/XDG feature; elsewhere the notification
//! still shows and the window's Today view carries the same choices. That
//! split lives only here.

use crate::reminders::notice::Notice;
use crate::reminders::notifier::Notifier;
use crate::reminders::test_notice::{self, TestOutcome};
use std::sync::{Arc, Mutex};

/// Called with (follow-up id, action key) when the person clicks an action.
pub type ActionHandler = Arc<dyn Fn(Option<i64>, &str) + Send + Sync>;

pub struct DesktopNotifier {
    icon: Option<String>,
    on_action: ActionHandler,
    warned: Mutex<bool>,
}

impl DesktopNotifier {
    pub fn new(icon: Option<String>, on_action: ActionHandler) -> Self {
        DesktopNotifier {
            icon,
            on_action,
            warned: Mutex::new(false),
        }
    }

    fn warn_once(&self, err: &str) {
        let mut warned = self
            .warned
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !*warned {
            eprintln!("tend: desktop notifications are unavailable ({err}); due follow-ups still show in Today.");
            *warned = true;
        }
    }
}

impl Notifier for DesktopNotifier {
    fn show(&self, notice: &Notice) -> Result<(), String> {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname("Tend")
            .summary(&notice.summary)
            .body(&notice.body);
        if let Some(icon) = &self.icon {
            notification.icon(icon);
        }
        #[cfg(all(unix, not(target_os = "macos")))]
        for (key, label) in &notice.actions {
            notification.action(key, label);
        }
        match notification.show() {
            Ok(handle) => {
                #[cfg(all(unix, not(target_os = "macos")))]
                {
                    let on_action = self.on_action.clone();
                    let followup_id = notice.followup_id;
                    // Waiting for a click blocks, so each notification gets a thread
                    // that ends when the notification is closed.
                    std::thread::spawn(move || {
                        handle.wait_for_action(|action| {
                            if action != "__closed" {
                                on_action(followup_id, action);
                            }
                        });
                    });
                }
                #[cfg(not(all(unix, not(target_os = "macos"))))]
                {
                    let _ = (handle, &self.on_action);
                }
                Ok(())
            }
            Err(err) => {
                let err = err.to_string();
                self.warn_once(&err);
                Err(err)
            }
        }
    }
}

/// The welcome's `Send a test notification`: shows one, then says whether the
/// desktop took it (and which service did, where the platform says).
pub fn send_test(icon: Option<String>) -> TestOutcome {
    let notifier = DesktopNotifier::new(icon, Arc::new(|_, _| {}));
    let sent = notifier
        .show(&test_notice::notice())
        .map(|()| service_name());
    test_notice::outcome(sent)
}

#[cfg(all(unix, not(target_os = "macos")))]
fn service_name() -> Option<String> {
    notify_rust::get_server_information()
        .ok()
        .map(|info| info.name)
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn service_name() -> Option<String> {
    None
}
