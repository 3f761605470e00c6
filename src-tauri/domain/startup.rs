//! When the data file cannot be used at start: what to tell her, in her words,
//! and what she can do about it. The window shows this instead of Today; the
//! terminal says the same in a sentence.

use crate::error::{words, Error, Unusable};
use serde::Serialize;
use std::io;

/// What she can do from the start-up page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// Put the newest good backup in its place (the file is kept aside, never deleted).
    RestoreBackup,
    OpenFolder,
    TryAgain,
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StartupProblem {
    /// A stable name the page can branch on ("corrupt", "newer_database", …).
    pub kind: &'static str,
    pub title: String,
    pub explanation: String,
    pub path: String,
    pub remedies: Vec<Remedy>,
}

/// Describes why Tend could not open `path`.
pub fn describe(err: &Error, path: &str) -> StartupProblem {
    use Remedy::*;
    let (title, explanation, remedies): (&str, String, Vec<Remedy>) = match err {
        Error::Unusable {
            why: Unusable::Corrupt,
            ..
        } => (
            "Tend’s data file is damaged",
            "It can no longer be read as it is. Nothing has been changed or deleted: restoring a \
             backup keeps this file aside, under a name with today’s date."
                .into(),
            vec![RestoreBackup, OpenFolder, Quit],
        ),
        Error::Unusable {
            why: Unusable::NotADatabase,
            ..
        } => (
            "This is not a Tend data file",
            "The file where Tend keeps its data holds something else (another program may have \
             written it, or it was copied over). It has not been changed."
                .into(),
            vec![RestoreBackup, OpenFolder, Quit],
        ),
        Error::Unusable {
            why: Unusable::Locked,
            ..
        } => (
            "Another program is using Tend’s data file",
            "Close the other program (a backup or sync tool, or another copy of Tend), then try \
             again. Nothing has been changed."
                .into(),
            vec![TryAgain, OpenFolder, Quit],
        ),
        Error::Unusable {
            why: Unusable::ReadOnly,
            ..
        }
        | Error::Unusable {
            why: Unusable::CannotOpen,
            ..
        } => (
            "Tend cannot open its data file",
            "The file or its folder does not let Tend read and write it (its permissions, a full \
             or read-only disk, or a path that is not a folder). Nothing has been changed."
                .into(),
            vec![TryAgain, OpenFolder, Quit],
        ),
        Error::NewerDatabase { .. } => (
            "This data file is from a newer Tend",
            format!(
                "{err} Install the newer Tend to open it, or restore a backup made by this one."
            ),
            vec![RestoreBackup, OpenFolder, Quit],
        ),
        Error::DataDir { source, .. } => (
            "Tend cannot use its data folder",
            data_folder_problem(source),
            vec![TryAgain, OpenFolder, Quit],
        ),
        _ => (
            "Tend could not open its data",
            format!(
                "{} Nothing has been changed.",
                words::closed(&err.to_string())
            ),
            vec![TryAgain, OpenFolder, Quit],
        ),
    };
    // The folder is what is wrong when it cannot be used; otherwise the file.
    let path = match err {
        Error::DataDir { path, .. } => path.display().to_string(),
        _ => path.to_string(),
    };
    StartupProblem {
        kind: err.kind(),
        title: title.to_string(),
        explanation,
        path,
        remedies,
    }
}

fn data_folder_problem(source: &io::Error) -> String {
    match source.kind() {
        io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory => {
            "Where Tend keeps its data there is a file, not a folder. Move or rename that file, \
             then try again. Nothing has been changed."
                .into()
        }
        _ => format!(
            "The folder cannot be created or used: {}. Nothing has been changed.",
            words::Cause::of_io(source).clause()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn unusable(why: Unusable) -> Error {
        Error::Unusable {
            path: PathBuf::from("/data/tend.sqlite3"),
            why,
        }
    }

    #[test]
    fn a_data_path_that_is_a_file_is_said_so_and_the_folder_shown() {
        let err = Error::DataDir {
            path: PathBuf::from("/home/maria/.local/share/tend"),
            source: io::Error::from(io::ErrorKind::AlreadyExists),
        };
        let problem = describe(&err, "/home/maria/.local/share/tend/tend.sqlite3");
        assert_eq!(problem.path, "/home/maria/.local/share/tend");
        assert!(problem
            .explanation
            .starts_with("Where Tend keeps its data there is a file"));
        let denied = Error::DataDir {
            path: PathBuf::from("/srv/tend"),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            describe(&denied, "/srv/tend/tend.sqlite3").explanation,
            "The folder cannot be created or used: Tend is not allowed to write there. Nothing has been changed."
        );
    }

    #[test]
    fn each_failure_says_what_happened_and_offers_what_can_help() {
        let corrupt = describe(&unusable(Unusable::Corrupt), "/data/tend.sqlite3");
        assert_eq!(corrupt.kind, "corrupt");
        assert!(corrupt.remedies.contains(&Remedy::RestoreBackup));
        assert!(corrupt
            .explanation
            .contains("Nothing has been changed or deleted"));
        assert_eq!(corrupt.path, "/data/tend.sqlite3");

        let locked = describe(&unusable(Unusable::Locked), "/data/tend.sqlite3");
        assert_eq!(
            locked.remedies[0],
            Remedy::TryAgain,
            "waiting helps; a backup is not needed"
        );
        assert!(!locked.remedies.contains(&Remedy::RestoreBackup));

        let newer = describe(
            &Error::NewerDatabase {
                found: 9,
                supported: 3,
            },
            "/data/tend.sqlite3",
        );
        assert_eq!(newer.kind, "newer_database");
        assert!(newer.explanation.contains("newer version of Tend"));
        for problem in [corrupt, locked, newer] {
            assert!(problem.remedies.contains(&Remedy::Quit));
            assert!(
                !problem.explanation.contains("SQLITE"),
                "her words, not SQLite's"
            );
        }
    }
}
