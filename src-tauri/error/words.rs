//! What went wrong with a file or the disk, in her words: each cause says what
//! happened and what to do. SQLite's and the OS's own texts ("database is
//! locked", "File exists (os error 17)") stay in the error's source, for logs.

use rusqlite::ErrorCode;
use std::io;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    DiskFull,
    Busy,
    NotAllowed,
    Unreachable,
    Disk,
    Damaged,
    TooLarge,
    Missing,
    AlreadyThere,
    Other,
}

impl Cause {
    pub fn of_sqlite(err: &rusqlite::Error) -> Cause {
        // The shared-memory index beside the WAL could not grow: on Unix that is
        // the disk (or the quota) being full.
        if let rusqlite::Error::SqliteFailure(failure, _) = err {
            if failure.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE {
                return Cause::DiskFull;
            }
        }
        let Some(code) = err.sqlite_error_code() else {
            return match err {
                rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::IntegralValueOutOfRange(..) => Cause::Damaged,
                _ => Cause::Other,
            };
        };
        match code {
            ErrorCode::DiskFull => Cause::DiskFull,
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Cause::Busy,
            ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied
            | ErrorCode::AuthorizationForStatementDenied => Cause::NotAllowed,
            ErrorCode::CannotOpen => Cause::Unreachable,
            ErrorCode::SystemIoFailure => Cause::Disk,
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => Cause::Damaged,
            ErrorCode::TooBig => Cause::TooLarge,
            _ => Cause::Other,
        }
    }

    pub fn of_io(err: &io::Error) -> Cause {
        // ENOSPC and EDQUOT: the kinds for them are not stable on every toolchain.
        if matches!(err.raw_os_error(), Some(28) | Some(122)) {
            return Cause::DiskFull;
        }
        match err.kind() {
            io::ErrorKind::PermissionDenied => Cause::NotAllowed,
            io::ErrorKind::NotFound => Cause::Missing,
            io::ErrorKind::AlreadyExists => Cause::AlreadyThere,
            io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => Cause::Damaged,
            _ if err.raw_os_error() == Some(30) => Cause::NotAllowed, // EROFS
            _ if err.raw_os_error().is_some() => Cause::Disk,
            _ => Cause::Other,
        }
    }

    /// What happened and what to do, in one or two sentences.
    pub fn sentence(self) -> &'static str {
        match self {
            Cause::DiskFull => "Your disk is full. Free some space and try again: nothing was lost.",
            Cause::Busy => {
                "Another program is using Tend's data file. Close it, or wait a moment, and try again: nothing was lost."
            }
            Cause::NotAllowed => {
                "Tend is not allowed to write there. Check that the folder is yours and not read-only, then try again: nothing was lost."
            }
            Cause::Unreachable => {
                "Tend cannot reach its data file: its folder may have been moved or removed, or its disk disconnected. Nothing was lost."
            }
            Cause::Disk => {
                "The disk could not be read or written. Nothing was saved; try again, and if it keeps happening, check the disk."
            }
            Cause::Damaged => {
                "Tend's data file is damaged. Restore the newest backup from Settings → Backups; nothing else was changed."
            }
            Cause::TooLarge => "That is too large to save. Nothing was changed.",
            Cause::Missing => "That folder or file is not there any more. Nothing was changed.",
            Cause::AlreadyThere => "A file with that name is already there, and Tend does not overwrite it. Choose another name.",
            Cause::Other => "Tend could not read or write its data. Nothing was changed; try again.",
        }
    }

    /// The cause as a clause inside a longer message: "(the disk is full)".
    pub fn clause(self) -> &'static str {
        match self {
            Cause::DiskFull => "the disk is full",
            Cause::Busy => "another program is using the file",
            Cause::NotAllowed => "Tend is not allowed to write there",
            Cause::Unreachable => "the file cannot be reached",
            Cause::Disk => "the disk could not be read or written",
            Cause::Damaged => "the file is damaged",
            Cause::TooLarge => "it is too large",
            Cause::Missing => "the file or folder is not there",
            Cause::AlreadyThere => "a file with that name is already there",
            Cause::Other => "an unexpected error",
        }
    }

    /// The name the window branches on.
    pub fn kind(self) -> &'static str {
        match self {
            Cause::DiskFull => "disk_full",
            Cause::Busy => "busy",
            Cause::NotAllowed => "not_allowed",
            Cause::Unreachable => "unreachable",
            Cause::Disk => "disk",
            Cause::Damaged => "damaged",
            Cause::TooLarge => "too_large",
            Cause::Missing => "missing",
            Cause::AlreadyThere => "already_there",
            Cause::Other => "storage",
        }
    }
}

/// What she reads for a failed SQLite call. A value this version cannot read
/// names itself (Tend's own words, from `store/keys.rs`), since it tells whether
/// a newer Tend wrote the file.
pub fn sqlite(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => format!(
            "The data file holds something this version of Tend cannot read ({inner}). \
             If a newer Tend wrote it, update Tend; otherwise restore the newest backup. Nothing was changed."
        ),
        _ => Cause::of_sqlite(err).sentence().to_owned(),
    }
}

/// A text that ends as a sentence does: with a period added when it has none.
pub fn closed(text: &str) -> String {
    match text.trim_end().chars().last() {
        Some('.' | '!' | '?') => text.trim_end().to_owned(),
        _ => format!("{}.", text.trim_end()),
    }
}

/// The sentence for a failed file operation.
pub fn io(err: &io::Error) -> &'static str {
    Cause::of_io(err).sentence()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some("raw text".into()))
    }

    #[test]
    fn each_sqlite_cause_has_its_own_sentence_and_never_the_raw_text() {
        let cases = [
            (rusqlite::ffi::SQLITE_FULL, "Your disk is full"),
            (rusqlite::ffi::SQLITE_BUSY, "Another program"),
            (rusqlite::ffi::SQLITE_LOCKED, "Another program"),
            (rusqlite::ffi::SQLITE_READONLY, "not allowed"),
            (rusqlite::ffi::SQLITE_CANTOPEN, "cannot reach"),
            (rusqlite::ffi::SQLITE_IOERR, "disk could not be read"),
            (rusqlite::ffi::SQLITE_IOERR_SHMSIZE, "Your disk is full"),
            (rusqlite::ffi::SQLITE_CORRUPT, "damaged"),
            (rusqlite::ffi::SQLITE_NOTADB, "damaged"),
        ];
        for (code, says) in cases {
            let text = sqlite(&sqlite_failure(code));
            assert!(text.contains(says), "{code}: {text}");
            assert!(!text.contains("raw text"));
        }
    }

    #[test]
    fn os_errors_are_said_by_cause() {
        assert!(io(&io::Error::from_raw_os_error(28)).starts_with("Your disk is full"));
        assert!(io(&io::Error::from_raw_os_error(30)).contains("not allowed"));
        assert!(io(&io::Error::from(io::ErrorKind::AlreadyExists)).contains("already there"));
        assert!(io(&io::Error::from(io::ErrorKind::PermissionDenied)).contains("not allowed"));
        assert!(io(&io::Error::from_raw_os_error(5)).contains("disk could not be read"));
    }
}
