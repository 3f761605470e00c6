//! The core's error type: rich enough for the UI to say what went wrong and where.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the person typed cannot be accepted; `field` says where to show it.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error("That {what} no longer exists.")]
    NotFound { what: &'static str },

    #[error(
        "This data file was written by a newer version of Tend (schema {found}, this version knows up to {supported}). \
         Please update Tend; the file has not been changed."
    )]
    NewerDatabase { found: i64, supported: i64 },

    #[error("Could not use the data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("The data file could not be prepared: {0}")]
    Setup(String),

    /// A file offered for restoring is not a sound Tend file; the data file
    /// was not touched.
    #[error("{} cannot be restored: {problem}. Nothing was changed.", path.display())]
    NotRestorable { path: PathBuf, problem: String },

    /// A backup could not be written, or its copy did not check out.
    #[error("The backup to {} failed: {problem}.", path.display())]
    BackupFailed { path: PathBuf, problem: String },

    #[error("Could not upgrade the data file: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("The data file could not be read or written: {0}")]
    Storage(#[from] rusqlite::Error),
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    /// A stable machine-readable name the UI can branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::NewerDatabase { .. } => "newer_database",
            Error::DataDir { .. } => "data_dir",
            Error::Setup(_) => "setup",
            Error::NotRestorable { .. } => "not_restorable",
            Error::BackupFailed { .. } => "backup_failed",
            Error::Migration(_) => "migration",
            Error::Storage(_) => "storage",
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}
