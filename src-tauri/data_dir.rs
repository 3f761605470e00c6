//! Where the one SQLite file lives: `TEND_DATA_DIR` when set, otherwise the folder
//! the caller resolved (the OS app-data directory from Tauri's path resolver).

use std::path::{Path, PathBuf};

pub const DATA_FILE_NAME: &str = "tend.sqlite3";

/// The override wins so tests and portable installs can point Tend anywhere.
pub fn resolve(os_app_data_dir: Option<PathBuf>) -> Option<PathBuf> {
    match std::env::var_os("TEND_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => os_app_data_dir,
    }
}

pub fn data_file(dir: &Path) -> PathBuf {
    dir.join(DATA_FILE_NAME)
}
