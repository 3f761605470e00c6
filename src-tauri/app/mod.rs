//! The desktop shell: builds the Tauri app, opens the data file, registers the
//! commands. No business rule lives here.

mod commands; // thin adapters from the window's calls to `Tend`
mod reminders; // the reminder loop and native notifications beside the window
mod ui_error; // errors as `{ kind, message, field }` for the window

use crate::api::Tend;
use crate::clock::SystemClock;
use crate::store::Store;
use std::sync::Arc;
use tauri::Manager;

/// Emitted after any change so every open view refreshes.
pub const CHANGED_EVENT: &str = "tend://changed";

pub fn run() -> Result<(), String> {
    let clock = SystemClock::from_env()?;
    tauri::Builder::default()
        .setup(move |app| {
            let os_dir = app.path().app_data_dir().ok();
            let dir = crate::data_dir::resolve(os_dir)
                .ok_or("Tend could not find a folder for its data; set TEND_DATA_DIR.")?;
            let store = Store::open_in_dir(&dir)?;
            let tend = Arc::new(Tend::new(store, Arc::new(clock)));
            app.manage(tend.clone());
            reminders::start(app.handle(), tend, &dir);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .map_err(|err| err.to_string())
}
