//! The desktop shell: builds the Tauri app, opens the data file, registers the
//! commands, starts reminders, the tray and the global shortcut, and tells the
//! windows after every change. No business rule lives here.

mod autostart; // start at login, written again at every start of an installed Tend
mod commands; // thin adapters from the window's calls to `Tend`
mod events; // event names and the reminder loop's waker
mod notifier; // native notifications (notify-rust) with their actions
mod reminders; // the reminder loop beside the window
mod shortcut; // the global Quick add shortcut
mod startup; // open the data and start, or say why it cannot be used
mod tray; // tray menu and the due count
mod tray_host; // whether the desktop shows tray icons at all
mod ui_error; // errors as `{ kind, message, field }` for the window
mod windows; // the main and Quick add windows

use crate::api::Tend;
use crate::clock::SystemClock;
use startup::TrayReady;
use std::sync::Arc;
use tauri::{Manager, RunEvent, WindowEvent};

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
        // Files are chosen and folders opened from Rust: the window is granted neither.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            autostart::reassert(app.handle());
            let os_dir = app.path().app_data_dir().ok();
            let dir = crate::data_dir::resolve(os_dir)
                .ok_or("Tend could not find a folder for its data; set TEND_DATA_DIR.")?;
            startup::open(app.handle(), dir, Arc::new(clock));
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
                    if tray_host::shown() {
                        let _ = window.hide();
                    } else {
                        // Hidden with no tray icon to click, she could not get it back.
                        let _ = window.minimize();
                        let dir = &app.state::<startup::Startup>().dir;
                        let icon = reminders::icon_path(dir);
                        tray_host::say_minimised_once(
                            icon.is_file().then(|| icon.display().to_string()),
                        );
                    }
                }
            }
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .map_err(|err| err.to_string())?
        .run(|app, event| {
            if let RunEvent::Exit = event {
                startup::back_up_on_quit(app);
            }
        });
    Ok(())
}
