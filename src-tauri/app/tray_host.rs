//! Whether the desktop shows tray icons. On Linux a tray icon is a StatusNotifier
//! item, seen only when a host is registered with the watcher on the session bus;
//! plain GNOME has none without an extension. Without one, closing to the tray
//! would hide Tend with no way back, so the window is minimised instead, and Tend
//! says so once.

use super::notifier::DesktopNotifier;
use crate::reminders::notice;
use crate::reminders::notifier::Notifier;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Set once Tend has said, this run, that it minimises instead of hiding.
static SAID: AtomicBool = AtomicBool::new(false);

/// Whether a tray icon would be seen now (macOS and Windows always have one).
#[cfg(all(unix, not(target_os = "macos")))]
pub fn shown() -> bool {
    use zbus::OwnedVariant;
    let asked = zbus::block_on(async {
        let bus = zbus::Connection::session().await?;
        let reply = bus
            .call_method(
                Some("org.kde.StatusNotifierWatcher"),
                "/StatusNotifierWatcher",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &(
                    "org.kde.StatusNotifierWatcher",
                    "IsStatusNotifierHostRegistered",
                ),
            )
            .await?;
        let value: OwnedVariant = reply.body().deserialize()?;
        Ok::<bool, zbus::Error>(bool::try_from(value).unwrap_or(false))
    });
    asked.unwrap_or(false)
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn shown() -> bool {
    true
}

/// The first time this run that closing minimises: a notification says why.
pub fn say_minimised_once(icon: Option<String>) {
    if SAID.swap(true, Ordering::SeqCst) {
        return;
    }
    let said = notice::minimised_without_tray();
    eprintln!("tend: {} {}", said.summary, said.body);
    let _ = DesktopNotifier::new(icon, Arc::new(|_, _| {})).show(&said);
}
