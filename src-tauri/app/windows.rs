//! The two windows: the main one (declared in tauri.conf.json) and the small
//! Quick add window, opened on demand over whatever is in front.

use super::events::QUICK_ADD_EVENT;
use tauri::{AppHandle, Emitter, Manager, Runtime};

pub const MAIN_WINDOW: &str = "main";
pub const QUICK_ADD_WINDOW: &str = "quick-add";

pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
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
        show_main(app);
        let _ = app.emit_to(MAIN_WINDOW, QUICK_ADD_EVENT, ());
    }
}
