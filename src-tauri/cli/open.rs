//! The data the terminal commands work on: the same file as the window's.

use crate::api::Tend;
use crate::clock::SystemClock;
use std::sync::Arc;

/// The identifier in tauri.conf.json: the app-data folder has this name, so the
/// terminal and the window share one file.
pub const APP_IDENTIFIER: &str = "app.tend.desktop";

/// Opens Tend's data, or says in a sentence why it cannot be used.
pub fn open() -> Result<Tend, String> {
    let dir = crate::data_dir::resolve(dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER)))
        .ok_or("no folder for Tend's data; set TEND_DATA_DIR")?;
    Tend::open_in_dir(&dir, Arc::new(SystemClock::from_env()?)).map_err(|err| err.to_string())
}
