//! Backups: automatic ones after changes (on a timer and on quit), a forced one
//! before an import, one to a file she picks, the list of them, and restoring one.

use super::tend::Tend;
use crate::domain::backup::{self as rules, BackupName};
use crate::error::{Error, Result};
use crate::store::backup as copies;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The folder beside the data file that holds the automatic backups.
pub const BACKUP_FOLDER: &str = "backups";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When the copy was taken (for the data file itself: when it last changed).
    pub taken_at: DateTime<Utc>,
    pub size_bytes: u64,
    /// `None` when the file cannot be read (restoring it would be refused).
    pub contacts: Option<i64>,
    /// Why it was taken, when not automatically: "before-import".
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreSummary {
    pub restored_from: PathBuf,
    pub contacts: i64,
    pub contacts_before: i64,
    /// The data file as it was just before the restore, kept beside it.
    pub kept_aside: PathBuf,
}

impl Tend {
    pub fn backup_folder(&self) -> PathBuf {
        self.data_folder().join(BACKUP_FOLDER)
    }

    /// Every backup in the backups folder, newest first; each is opened
    /// read-only to count its contacts, never changed.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let mut found = self.backup_files()?;
        found.sort_by_key(|(_, name)| std::cmp::Reverse(name.taken_at));
        Ok(found
            .into_iter()
            .filter_map(|(path, name)| listed(path, name))
            .collect())
    }

    pub fn last_backup(&self) -> Result<Option<BackupInfo>> {
        Ok(self.backups()?.into_iter().next())
    }

    /// Call a while after changes (every few minutes until it has run): backs
    /// up when something was written since the last backup and that one is at
    /// least half an hour old, then prunes by the retention rule.
    pub fn automatic_backup(&self) -> Result<Option<BackupInfo>> {
        self.back_up_automatically(false)
    }

    /// Whether something was written since the last backup: the automatic
    /// backup still has work to do.
    pub fn backup_pending(&self) -> Result<bool> {
        let last = *self.backup_turn();
        Ok(last != self.write_mark()?)
    }

    /// Call when the app quits: backs up whatever was written since the last
    /// backup, however recent that one is.
    pub fn backup_on_quit(&self) -> Result<Option<BackupInfo>> {
        self.back_up_automatically(true)
    }

    /// A backup now, however recent the last one, before a change that is hard
    /// to undo by hand; named for it: `back_up_before("import")` →
    /// `tend-…-before-import.sqlite3`. Pruned like the others.
    pub fn back_up_before(&self, reason: &str) -> Result<BackupInfo> {
        let mut last = self.backup_turn();
        let mark = self.write_mark()?;
        let taken = self.back_up_into_folder(Some(&format!("before {reason}")))?;
        *last = mark;
        self.prune();
        Ok(taken)
    }

    /// Back up now, to a file she picks (a USB stick): a checked copy.
    pub fn back_up_to(&self, destination: &Path) -> Result<BackupInfo> {
        let _turn = self.backup_turn();
        let refuse = |problem: &str| Error::BackupFailed {
            path: destination.to_path_buf(),
            problem: problem.into(),
        };
        if destination.is_dir() {
            return Err(refuse("that is a folder; give a file name inside it"));
        }
        if !folder_of(destination).is_dir() {
            return Err(refuse("its folder does not exist"));
        }
        if self.is_the_data_file(destination) {
            return Err(refuse(
                "that is Tend's data file itself; choose another file",
            ));
        }
        let taken_at = self.clock().now();
        let contacts = copies::back_up(self.store().path(), destination)?;
        described(destination, taken_at, None, contacts)
    }

    /// What restoring `source` would bring back, fully checked first (as
    /// `restore_from` will check it again): refused files are refused here.
    pub fn check_backup(&self, source: &Path) -> Result<BackupInfo> {
        let _turn = self.backup_turn();
        self.refuse_the_data_file(source)?;
        let contacts =
            copies::prepare_restore(source, &self.beside_data_file(".checking"))?.contacts;
        let name = source
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(rules::parse_file_name);
        let taken_at = match &name {
            Some(name) => name.taken_at.with_timezone(&Utc),
            None => modified(source)?,
        };
        let reason = name.and_then(|name| name.reason);
        described(source, taken_at, reason, contacts)
    }

    /// The data file as it stands: its contacts, size, and when it last changed.
    pub fn data_file_info(&self) -> Result<BackupInfo> {
        let path = self.store().path();
        let mut log = path.as_os_str().to_owned();
        log.push("-wal"); // commits land in the log first
        let last_changed = [modified(path).ok(), modified(Path::new(&log)).ok()]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or_else(|| self.clock().now());
        Ok(BackupInfo {
            path: path.to_path_buf(),
            taken_at: last_changed,
            size_bytes: size_of(path)?,
            contacts: Some(self.read(copies::count_contacts)?),
            reason: None,
        })
    }

    /// Replaces the whole book with a backup's. The file is checked first (it
    /// opens, passes the integrity check, is a Tend file, is not from a newer
    /// Tend); then the current file is kept aside as
    /// `tend.sqlite3.before-restore-<date>` and the checked copy, upgraded to
    /// this version, takes its place. A refused restore changes nothing.
    pub fn restore_from(&self, source: &Path) -> Result<RestoreSummary> {
        let summary = {
            let _turn = self.backup_turn();
            self.refuse_the_data_file(source)?;
            let prepared = copies::prepare_restore(source, &self.beside_data_file(".restoring"))?;
            let contacts = prepared.contacts;
            let contacts_before = self.read(copies::count_contacts)?;
            let kept_aside =
                self.unused_name_beside_data_file(&rules::kept_aside_suffix(self.local_now()));
            self.store().replace_with(prepared, &kept_aside)?;
            RestoreSummary {
                restored_from: source.to_path_buf(),
                contacts,
                contacts_before,
                kept_aside,
            }
        };
        // After the turn is given back: what the hook does may ask for a backup.
        self.replaced();
        Ok(summary)
    }

    fn back_up_automatically(&self, quitting: bool) -> Result<Option<BackupInfo>> {
        let mut last = self.backup_turn();
        let mark = self.write_mark()?;
        let newest = self
            .backup_files()?
            .into_iter()
            .map(|(_, name)| name.taken_at.with_timezone(&Utc))
            .max();
        let now = self.clock().now();
        if !rules::automatic_due(*last != mark, newest, now, quitting) {
            return Ok(None);
        }
        let taken = self.back_up_into_folder(None)?;
        // The mark from before the copy: what is written meanwhile is the next one's.
        *last = mark;
        self.prune();
        Ok(Some(taken))
    }

    fn back_up_into_folder(&self, reason: Option<&str>) -> Result<BackupInfo> {
        let folder = self.backup_folder();
        crate::data_dir::create_private_dir(&folder).map_err(|source| Error::DataDir {
            path: folder.clone(),
            source,
        })?;
        let taken_at = self.clock().now();
        let name = rules::file_name(self.local_now(), reason);
        let path = folder.join(&name);
        let contacts = copies::back_up(self.store().path(), &path)?;
        let reason = rules::parse_file_name(&name).and_then(|name| name.reason);
        described(&path, taken_at, reason, contacts)
    }

    /// Deletes what the retention rule no longer keeps. A file that cannot be
    /// deleted now is simply tried again after the next backup.
    fn prune(&self) {
        let Ok(files) = self.backup_files() else {
            return;
        };
        let taken: Vec<_> = files.iter().map(|(_, name)| name.taken_at).collect();
        let today = self.local_now().date_naive();
        for index in rules::obsolete(&taken, today) {
            let _ = fs::remove_file(&files[index].0);
        }
    }

    /// The files in the backups folder that Tend named; nothing else there counts.
    fn backup_files(&self) -> Result<Vec<(PathBuf, BackupName)>> {
        let folder = self.backup_folder();
        let unreadable = |source| Error::DataDir {
            path: folder.clone(),
            source,
        };
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(unreadable(err)),
        };
        let mut found = Vec::new();
        for entry in entries {
            let entry = entry.map_err(unreadable)?;
            if let Some(name) = entry.file_name().to_str().and_then(rules::parse_file_name) {
                found.push((entry.path(), name));
            }
        }
        Ok(found)
    }

    fn refuse_the_data_file(&self, source: &Path) -> Result<()> {
        if self.is_the_data_file(source) {
            return Err(Error::NotRestorable {
                path: source.to_path_buf(),
                problem: "it is Tend's data file itself".into(),
            });
        }
        Ok(())
    }

    fn is_the_data_file(&self, path: &Path) -> bool {
        let resolved =
            |path: &Path| Some(folder_of(path).canonicalize().ok()?.join(path.file_name()?));
        resolved(path).is_some_and(|path| Some(path) == resolved(self.store().path()))
    }

    fn data_folder(&self) -> PathBuf {
        folder_of(self.store().path()).to_path_buf()
    }

    /// `tend.sqlite3` + ".restoring" → `tend.sqlite3.restoring`, beside it.
    fn beside_data_file(&self, suffix: &str) -> PathBuf {
        with_suffix(self.store().path(), suffix)
    }

    fn unused_name_beside_data_file(&self, suffix: &str) -> PathBuf {
        unused_name(self.store().path(), suffix)
    }

    fn local_now(&self) -> DateTime<chrono::FixedOffset> {
        self.clock()
            .now()
            .with_timezone(&self.clock().zone())
            .fixed_offset()
    }
}

/// The backups in a data folder, newest first, without opening the data file
/// (for the start-up page, when it cannot be opened).
pub fn backups_in(data_folder: &Path) -> Result<Vec<BackupInfo>> {
    let folder = data_folder.join(BACKUP_FOLDER);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::DataDir {
                path: folder,
                source,
            })
        }
    };
    let mut found: Vec<(PathBuf, BackupName)> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = rules::parse_file_name(entry.file_name().to_str()?)?;
            Some((entry.path(), name))
        })
        .collect();
    found.sort_by_key(|(_, name)| std::cmp::Reverse(name.taken_at));
    Ok(found
        .into_iter()
        .filter_map(|(path, name)| listed(path, name))
        .filter(|backup| backup.contacts.is_some())
        .collect())
}

/// When the data file cannot be opened: the newest backup that passes every
/// check takes its place; the unusable file is kept aside, named with the
/// date (`tend.sqlite3.before-restore-…`), never deleted.
pub fn restore_newest_over_unusable(
    data_folder: &Path,
    now: DateTime<chrono::FixedOffset>,
) -> Result<RestoreSummary> {
    let data_file = crate::data_dir::data_file(data_folder);
    let mut refusals = Vec::new();
    for backup in backups_in(data_folder)? {
        let scratch = with_suffix(&data_file, ".restoring");
        match copies::prepare_restore(&backup.path, &scratch) {
            Ok(prepared) => {
                let contacts = prepared.contacts;
                let kept_aside = unused_name(&data_file, &rules::kept_aside_suffix(now));
                copies::install_over_unusable(&data_file, prepared, &kept_aside)?;
                return Ok(RestoreSummary {
                    restored_from: backup.path,
                    contacts,
                    contacts_before: 0,
                    kept_aside,
                });
            }
            Err(err) => refusals.push(err.to_string()),
        }
    }
    Err(Error::NotRestorable {
        path: data_folder.join(BACKUP_FOLDER),
        problem: if refusals.is_empty() {
            "there is no backup in it yet".into()
        } else {
            format!("no backup there could be used ({})", refusals.join("; "))
        },
    })
}

/// `path` + `suffix`, with "-2", "-3" … added should that name be taken (two
/// restores within a second keep both earlier books).
fn unused_name(path: &Path, suffix: &str) -> PathBuf {
    let mut candidate = with_suffix(path, suffix);
    for attempt in 2.. {
        if !candidate.exists() {
            break;
        }
        candidate = with_suffix(path, &format!("{suffix}-{attempt}"));
    }
    candidate
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut text = path.as_os_str().to_owned();
    text.push(suffix);
    PathBuf::from(text)
}

/// The folder a file is in; a bare file name is in the current folder.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// A backup as listed; `None` when it was pruned since the folder was read.
fn listed(path: PathBuf, name: BackupName) -> Option<BackupInfo> {
    Some(BackupInfo {
        size_bytes: size_of(&path).ok()?,
        contacts: copies::contacts_in(&path).ok(),
        taken_at: name.taken_at.with_timezone(&Utc),
        reason: name.reason,
        path,
    })
}

fn described(
    path: &Path,
    taken_at: DateTime<Utc>,
    reason: Option<String>,
    contacts: i64,
) -> Result<BackupInfo> {
    Ok(BackupInfo {
        path: path.to_path_buf(),
        taken_at,
        size_bytes: size_of(path)?,
        contacts: Some(contacts),
        reason,
    })
}

fn size_of(path: &Path) -> Result<u64> {
    fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|source| Error::DataDir {
            path: path.to_path_buf(),
            source,
        })
}

fn modified(path: &Path) -> Result<DateTime<Utc>> {
    fs::metadata(path)
        .and_then(|meta| meta.modified())
        .map(DateTime::<Utc>::from)
        .map_err(|source| Error::DataDir {
            path: path.to_path_buf(),
            source,
        })
}
