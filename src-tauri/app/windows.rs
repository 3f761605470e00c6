//! The two windows: the main one (declared in tauri.conf.json) and the small
//! Quick add window, opened on demand over whatever is in front. Each exists
//! only while shown: closing the main one to the tray destroys it (and WebKit's
//! processes end with it), opening Tend builds it again from the same config.
//!
//! The main window is built hidden and shown once its page is parsed and its
//! modules have run (`reveal`, asked by the page): mapped while the page still
//! loads, WebKit held the first paint half a second about every other start
//! (docs/decisions/0013).

use super::events::{OPEN_FOLLOWUP_EVENT, QUICK_ADD_EVENT};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewWindow};

/// A page that never says it is ready (it failed to load) still gets its
/// window this late, so she is never left with nothing.
const SHOW_ANYWAY_AFTER: Duration = Duration::from_secs(5);

pub const MAIN_WINDOW: &str = "main";
pub const QUICK_ADD_WINDOW: &str = "quick-add";

/// What the main window should do once shown, beyond showing Today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Nothing,
    /// A notification was clicked: its follow-up, or Today for a summary.
    OpenFollowup(Option<i64>),
    /// Put the cursor in the Quick add line.
    QuickAdd,
}

impl Intent {
    /// For a window still loading: read by ui/app.js as it starts, since an
    /// event sent now would reach no listener yet.
    fn startup_script(self) -> Option<String> {
        let intent = match self {
            Intent::Nothing => return None,
            Intent::OpenFollowup(id) => serde_json::json!({ "openFollowup": id }),
            Intent::QuickAdd => serde_json::json!({ "quickAdd": true }),
        };
        Some(format!(
            "Object.defineProperty(window, '__TEND_INTENT__', {{ value: {intent} }});"
        ))
    }

    /// For a window already running: the same events as always.
    fn send<R: Runtime>(self, app: &AppHandle<R>) {
        let _ = match self {
            Intent::Nothing => Ok(()),
            Intent::OpenFollowup(id) => app.emit_to(MAIN_WINDOW, OPEN_FOLLOWUP_EVENT, id),
            Intent::QuickAdd => app.emit_to(MAIN_WINDOW, QUICK_ADD_EVENT, ()),
        };
    }
}

pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    open_main(app, Intent::Nothing);
}

/// Brings the main window to the front, building it again if it was closed to
/// the tray, then does what `intent` asks.
pub fn open_main<R: Runtime>(app: &AppHandle<R>, intent: Intent) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
        intent.send(app);
        return;
    }
    let Some(config) = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == MAIN_WINDOW)
        .cloned()
    else {
        return;
    };
    let built = tauri::WebviewWindowBuilder::from_config(app, &config).and_then(|builder| {
        match intent.startup_script() {
            Some(script) => builder.initialization_script(&script),
            None => builder,
        }
        .focused(true)
        .build()
    });
    match built {
        Ok(_) => reveal_anyway_later(app),
        Err(err) => eprintln!("tend: could not open the window again: {err}"),
    }
}

/// Shows a window whose page is ready, in front.
pub fn reveal<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    window.show()?;
    window.set_focus()
}

/// Shows the main window in a moment if its page has not.
pub fn reveal_anyway_later<R: Runtime>(app: &AppHandle<R>) {
    let handle = app.clone();
    let waiting = std::thread::Builder::new()
        .name("tend-reveal".into())
        .spawn(move || {
            std::thread::sleep(SHOW_ANYWAY_AFTER);
            let Some(window) = handle.get_webview_window(MAIN_WINDOW) else {
                return;
            };
            if !window.is_visible().unwrap_or(true) {
                eprintln!(
                    "tend: the window's page was not ready after {} s; showing it anyway.",
                    SHOW_ANYWAY_AFTER.as_secs()
                );
                let _ = reveal(&window);
            }
        });
    if let Err(err) = waiting {
        eprintln!("tend: could not wait for the window's page ({err}); showing it now.");
        if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
            let _ = reveal(&window);
        }
    }
}

/// Opens (or brings back) the Quick add window; if it cannot be made, the main
/// window opens on its own Quick add line instead.
pub fn show_quick_add<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(QUICK_ADD_WINDOW) {
        let _ = window.show();
        let _ = window.set_focus();
        let _ = app.emit_to(QUICK_ADD_WINDOW, QUICK_ADD_EVENT, ());
        return;
    }
    let built = tauri::WebviewWindowBuilder::new(
        app,
        QUICK_ADD_WINDOW,
        tauri::WebviewUrl::App("quick.html".into()),
    )
    .title("Quick add — Tend")
    .inner_size(620.0, 420.0)
    .always_on_top(true)
    .center()
    .build();
    if let Err(err) = built {
        eprintln!("tend: could not open the Quick add window ({err}); opening Tend instead.");
        open_main(app, Intent::QuickAdd);
    }
}
