//! Start at login, through the OS's own mechanism (the autostart plugin: an XDG
//! autostart entry, a LaunchAgent, a Run key). The entry names the program that
//! wrote it, so an installed Tend writes it again at every start (it then names the
//! running program, whatever wrote it before), and a development build never
//! writes, rewrites or removes it: it must not become what her login starts.

use tauri::{AppHandle, Runtime};
use tauri_plugin_autostart::ManagerExt;

/// Built from source (`cargo build`, `make run`) rather than by `tauri build`
/// (`make package`, the release workflow): Tauri's own notion of a dev build.
fn development_build() -> bool {
    tauri::is_dev()
}

/// Whether her login starts Tend (an entry exists, whichever program it names).
pub fn is_enabled<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.autolaunch().is_enabled().unwrap_or(false)
}

/// Turns start at login on or off; returns what is true afterwards.
pub fn set<R: Runtime>(app: &AppHandle<R>, enabled: bool) -> Result<bool, String> {
    if development_build() {
        let program = std::env::current_exe()
            .map(|path| path.display().to_string())
            .unwrap_or_else(|_| "this program".to_string());
        return Err(format!(
            "This is a development build ({program}): it never changes what starts at login. \
             Install Tend (make package) to choose this."
        ));
    }
    let manager = app.autolaunch();
    let result = if enabled {
        manager.enable()
    } else {
        manager.disable()
    };
    result.map_err(|err| format!("Could not change start at login: {err}"))?;
    Ok(manager.is_enabled().unwrap_or(enabled))
}

/// At launch: when start at login is on, the entry is written again so it names
/// this program (an entry from an older copy or from `target/debug` would start
/// the wrong one). A development build leaves it as it is.
pub fn reassert<R: Runtime>(app: &AppHandle<R>) {
    if development_build() || !is_enabled(app) {
        return;
    }
    if let Err(err) = app.autolaunch().enable() {
        eprintln!("tend: could not renew start at login: {err}");
    }
}
