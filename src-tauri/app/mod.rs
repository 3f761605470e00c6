//! The desktop shell: builds the Tauri app, opens the data file, registers the
//! commands, starts reminders, the tray and the global shortcut, and tells the
//! windows after every change. No business rule lives here.

mod autostart; // start at login, written again at every start of an installed Tend
mod commands; // thin adapters from the window's calls to `Tend`
mod events; // event names and the reminder loop's waker
mod hotkey; // the OS side of the shortcut: our X11 grab on Linux, the plugin elsewhere
#[cfg(target_os = "linux")]
mod hotkey_x11; // the key grabbed on X11, a thread waiting on the X connection
#[cfg(target_os = "linux")]
mod light; // hidden to the tray: what the closed window left behind is let go
mod notifier; // native notifications (notify-rust) with their actions
mod reminders; // the reminder loop beside the window
mod rendering; // WebKit paints in software: no GL compositor in the page's process
mod resume; // the OS tells the reminder loop of a resume or a new time zone
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
use tauri::{AppHandle, Manager, RunEvent, Runtime, WindowEvent};

pub fn run() -> Result<(), String> {
    rendering::choose();
    let clock = SystemClock::from_env()?;
    let builder = tauri::Builder::default()
        // First, so a second launch hands over to the running one and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            windows::show_main(app)
        }))
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ));
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(hotkey::plugin());
    builder
        // Files are chosen and folders opened from Rust: the window is granted neither.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            autostart::reassert(app.handle());
            let os_dir = app.path().app_data_dir().ok();
            let dir = crate::data_dir::resolve(os_dir)
                .ok_or("Tend could not find a folder for its data; set TEND_DATA_DIR.")?;
            startup::open(app.handle(), dir, Arc::new(clock));
            windows::reveal_anyway_later(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            #[cfg(target_os = "linux")]
            if let WindowEvent::Destroyed = event {
                let_go_when_no_window(window.app_handle());
            }
            // Closing to the tray lets the window go (its WebKit with it); but
            // where no tray icon shows, she could not get it back: minimised.
            if let WindowEvent::CloseRequested { api, .. } = event {
                let app = window.app_handle();
                if window.label() == windows::MAIN_WINDOW
                    && stays_in_tray(app)
                    && !tray_host::shown()
                {
                    api.prevent_close();
                    let _ = window.minimize();
                    let dir = &app.state::<startup::Startup>().dir;
                    let icon = reminders::icon_path(dir);
                    tray_host::say_minimised_once(
                        icon.is_file().then(|| icon.display().to_string()),
                    );
                }
            }
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .map_err(|err| err.to_string())?
        .run(|app, event| match event {
            // The last window closed (not Quit): with the tray and the setting,
            // Tend stays, its windows and WebKit gone, the reminders running.
            RunEvent::ExitRequested {
                code: None, api, ..
            } if stays_in_tray(app) => api.prevent_exit(),
            RunEvent::Exit => startup::back_up_on_quit(app),
            _ => {}
        });
    Ok(())
}

/// A moment after a window is destroyed, if none is left (she did not open one
/// meanwhile), Tend lets go of what windows need. Decided on the main thread,
/// where windows are made, so none can appear halfway.
#[cfg(target_os = "linux")]
fn let_go_when_no_window<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let waited = std::thread::Builder::new()
        .name("tend-light".into())
        .spawn(move || {
            std::thread::sleep(light::AFTER_THE_WINDOW);
            let on_main = app.clone();
            let _ = app.run_on_main_thread(move || {
                if on_main.webview_windows().is_empty() {
                    light::let_go();
                }
            });
        });
    if let Err(err) = waited {
        eprintln!("tend: could not let go of the closed window's memory: {err}");
    }
}

fn stays_in_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<TrayReady>().is_some()
        && app
            .try_state::<Arc<Tend>>()
            .is_none_or(|tend| tend.close_to_tray().unwrap_or(true))
}
