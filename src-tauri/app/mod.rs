//! The desktop shell: builds the Tauri app, opens the data file, registers the
//! commands, starts reminders, the tray and the global shortcut, and tells the
//! windows after every change. No business rule lives here.

mod commands; // thin adapters from the window's calls to `Tend`
mod events; // event names and the reminder loop's waker
mod notifier; // native notifications (notify-rust) with their actions
mod reminders; // the reminder loop beside the window
mod shortcut; // the global Quick add shortcut
mod tray; // tray menu and the due count
mod ui_error; // errors as `{ kind, message, field }` for the window
mod windows; // the main and Quick add windows

use crate::api::Tend;
use crate::clock::SystemClock;
use events::{Waker, CHANGED_EVENT};
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Manager, Runtime, WindowEvent};

/// Set when the tray icon exists: only then may closing the window hide it.
struct TrayReady;

pub fn run() -> Result<(), String> {
    let clock = SystemClock::from_env()?;
    tauri::Builder::default()
        // First, so a second launch hands over to the running one and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            windows::show_main(app)
        }))
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .plugin(shortcut::plugin())
        .setup(move |app| {
            let os_dir = app.path().app_data_dir().ok();
            let dir = crate::data_dir::resolve(os_dir)
                .ok_or("Tend could not find a folder for its data; set TEND_DATA_DIR.")?;
            let tend = Arc::new(Tend::open_in_dir(&dir, Arc::new(clock))?);
            let handle = app.handle().clone();
            tend.on_change(Box::new(move || announce_change(&handle)));
            app.manage(tend.clone());
            reminders::start(app.handle(), tend.clone(), &dir);
            // The phone-number metadata loads on first use (about a second in a
            // debug build): load it now, off the UI path, not on the first key.
            let warm = tend.clone();
            std::thread::spawn(move || {
                let _ = warm.preview_quick_add("Warm Up 555-0100 tomorrow", &Default::default());
            });
            match tray::build(app.handle()) {
                Ok(()) => {
                    app.manage(TrayReady);
                    tray::refresh_due(app.handle());
                }
                Err(err) => eprintln!(
                    "tend: no tray icon on this desktop ({err}); closing the window quits."
                ),
            }
            let keys = tend
                .quick_add_shortcut()?
                .unwrap_or_else(|| shortcut::DEFAULT_SHORTCUT.to_string());
            let status = shortcut::register(app.handle(), &keys);
            if let Some(message) = status.message {
                eprintln!("tend: {message}");
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let app = window.app_handle();
                let hide = window.label() == windows::MAIN_WINDOW
                    && app.try_state::<TrayReady>().is_some()
                    && app.state::<Arc<Tend>>().close_to_tray().unwrap_or(true);
                if hide {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .map_err(|err| err.to_string())
}

/// After every committed change: every view refreshes, the reminder loop looks
/// again, the tray's count follows. A failed emit only delays a refresh.
fn announce_change<R: Runtime>(app: &AppHandle<R>) {
    let _ = app.emit(CHANGED_EVENT, ());
    if let Some(waker) = app.try_state::<Waker>() {
        waker.wake();
    }
    tray::refresh_due(app);
}
