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

/// Creates the data folder (and any missing parents) and makes it hers alone:
/// 0700 on Unix, fixed on an existing folder too. On macOS and Windows the
/// per-user profile folder it lives in already keeps other accounts out
/// (docs/decisions/0007).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let private = std::fs::Permissions::from_mode(0o700);
        if std::fs::metadata(dir)?.permissions().mode() & 0o777 != 0o700 {
            // A folder she does not own (a shared one she pointed Tend at)
            // keeps its mode: the files in it are still hers alone.
            let _ = std::fs::set_permissions(dir, private);
        }
        Ok(())
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
}

/// Creates `path` empty, readable and writable by her alone (0600 on Unix),
/// when nothing is there yet; an existing file is left alone. Whatever fails
/// here, the open that follows reports.
pub fn create_private_file(path: &Path) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let _ = options.open(path);
}

/// Makes an existing file Tend wrote hers alone (0600 on Unix). A file that is
/// missing, or not hers to change, is left as it is.
pub fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() && meta.permissions().mode() & 0o777 != 0o600 {
                let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
