//! The OS side of the Quick add shortcut: one combination held at a time,
//! opening Quick add when pressed. On Linux our own X11 grab (`hotkey_x11`),
//! which waits on the X connection; on macOS and Windows the global-shortcut
//! plugin, whose listeners there already wait on the OS's events.

use global_hotkey::hotkey::HotKey;
use tauri::{AppHandle, Runtime};

#[cfg(target_os = "linux")]
mod os {
    use crate::app::hotkey_x11::X11Shortcut;
    use crate::app::windows::show_quick_add;
    use global_hotkey::hotkey::HotKey;
    use tauri::{AppHandle, Manager, Runtime};

    /// Connected on the first registration, so a Tend without a shortcut has
    /// no X connection or thread for it.
    pub fn replace<R: Runtime>(app: &AppHandle<R>, hotkey: &HotKey) -> Result<(), String> {
        if app.try_state::<X11Shortcut>().is_none() {
            let handle = app.clone();
            app.manage(X11Shortcut::connect(move || show_quick_add(&handle))?);
        }
        app.state::<X11Shortcut>().replace(hotkey)
    }
}

#[cfg(not(target_os = "linux"))]
mod os {
    use crate::app::windows::show_quick_add;
    use global_hotkey::hotkey::HotKey;
    use tauri::{AppHandle, Runtime};
    use tauri_plugin_global_shortcut::{GlobalShortcutExt, ShortcutState};

    pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
        tauri_plugin_global_shortcut::Builder::new()
            .with_handler(|app, _shortcut, event| {
                if event.state() == ShortcutState::Pressed {
                    show_quick_add(app);
                }
            })
            .build()
    }

    pub fn replace<R: Runtime>(app: &AppHandle<R>, hotkey: &HotKey) -> Result<(), String> {
        let manager = app.global_shortcut();
        let _ = manager.unregister_all();
        manager.register(*hotkey).map_err(|err| err.to_string())
    }
}

#[cfg(not(target_os = "linux"))]
pub use os::plugin;

/// Reads "Ctrl+Alt+T" as the OS layer understands it.
pub fn parse(text: &str) -> Option<HotKey> {
    text.parse().ok()
}

/// Holds `hotkey` in place of the current combination; on refusal nothing is
/// held and the reason is returned.
pub fn replace<R: Runtime>(app: &AppHandle<R>, hotkey: &HotKey) -> Result<(), String> {
    os::replace(app, hotkey)
}
