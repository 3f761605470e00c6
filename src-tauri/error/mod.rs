//! The core's error type: rich enough for the UI to say what went wrong and where.

use std::path::PathBuf;

pub mod words;

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

    /// The person stopped a long operation; nothing was written.
    #[error("Cancelled; nothing was changed.")]
    Cancelled,

    #[error("{} ({})", words::io(source), path.display())]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The data file is there but cannot be used; `why` says how, in her words.
    #[error("{why} ({path})")]
    Unusable { path: PathBuf, why: Unusable },

    #[error("The data file could not be prepared: {0}")]
    Setup(String),

    /// An export file could not be written; the message names the file.
    #[error("{0}")]
    Export(String),

    /// A file offered for restoring is not a sound Tend file; the data file
    /// was not touched.
    #[error("{} cannot be restored: {problem}. Nothing was changed.", path.display())]
    NotRestorable { path: PathBuf, problem: String },

    /// A backup could not be written, or its copy did not check out.
    #[error("The backup to {} failed: {}", path.display(), words::closed(problem))]
    BackupFailed { path: PathBuf, problem: String },

    /// What went wrong stays in the source, for logs.
    #[error("The data file could not be upgraded to this version of Tend; it was not changed. Restore a backup, or update Tend.")]
    Migration(#[from] rusqlite_migration::Error),

    /// SQLite failed; what she reads is the cause in her words (`words`).
    #[error("{}", words::sqlite(.0))]
    Storage(#[from] rusqlite::Error),
}

/// Why a data file cannot be opened, as the start-up page explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unusable {
    #[error("The data file is damaged and cannot be read")]
    Corrupt,
    #[error("This file is not a Tend data file")]
    NotADatabase,
    #[error("Another program is using the data file")]
    Locked,
    #[error("Tend is not allowed to change the data file or its folder")]
    ReadOnly,
    #[error("The data file cannot be opened")]
    CannotOpen,
}

impl Unusable {
    pub fn kind(self) -> &'static str {
        match self {
            Unusable::Corrupt => "corrupt",
            Unusable::NotADatabase => "not_a_database",
            Unusable::Locked => "locked",
            Unusable::ReadOnly => "read_only",
            Unusable::CannotOpen => "cannot_open",
        }
    }
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
            Error::Cancelled => "cancelled",
            Error::NewerDatabase { .. } => "newer_database",
            Error::DataDir { .. } => "data_dir",
            Error::Unusable { why, .. } => why.kind(),
            Error::Setup(_) => "setup",
            Error::Export(_) => "export",
            Error::NotRestorable { .. } => "not_restorable",
            Error::BackupFailed { .. } => "backup_failed",
            Error::Migration(_) => "migration",
            Error::Storage(err) => words::Cause::of_sqlite(err).kind(),
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}
