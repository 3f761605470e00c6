//! Export: the contacts as a vCard or Google CSV file, the open follow-ups as
//! an iCalendar file. Read in one snapshot, written by `interchange::export`,
//! saved atomically: a temporary file beside the target, renamed over it only
//! once complete, so a failure leaves no half-written file behind.

use super::tend::Tend;
use crate::error::{words, Error, Result};
use crate::interchange::export::{csv, ics, vcard};
use crate::store::export as read;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Contacts, vCard 4.0.
    Vcard,
    /// Contacts, Google Contacts CSV.
    Csv,
    /// Open follow-ups, iCalendar.
    Ics,
}

impl ExportFormat {
    /// From a file's extension or a `--format` word: vcf, vcard, csv, ics, ical.
    pub fn from_extension(extension: &str) -> Option<ExportFormat> {
        match extension
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "vcf" | "vcard" => Some(ExportFormat::Vcard),
            "csv" => Some(ExportFormat::Csv),
            "ics" | "ical" | "icalendar" => Some(ExportFormat::Ics),
            _ => None,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    pub path: PathBuf,
    pub format: ExportFormat,
    /// Contacts, or open follow-ups for `Ics`.
    pub count: usize,
}

impl ExportSummary {
    /// "212 contacts", "1 open follow-up".
    pub fn counted(&self) -> String {
        let noun = match self.format {
            ExportFormat::Vcard | ExportFormat::Csv => "contact",
            ExportFormat::Ics => "open follow-up",
        };
        let plural = if self.count == 1 { "" } else { "s" };
        format!("{} {noun}{plural}", self.count)
    }
}

impl Tend {
    /// The file's bytes.
    pub fn export(&self, format: ExportFormat) -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.write_export(format, &mut bytes, |err| {
            Error::Export(format!(
                "The export could not be written. {}",
                words::io(&err)
            ))
        })?;
        Ok(bytes)
    }

    /// Writes the file at `path`, replacing one that is there only once the new
    /// one is complete.
    pub fn export_to(&self, path: &Path, format: ExportFormat) -> Result<ExportSummary> {
        let cannot_write = |err: io::Error| {
            Error::Export(format!(
                "Could not write {}. {}",
                path.display(),
                words::io(&err)
            ))
        };
        // The temporary file must be in the same folder for the rename to be atomic.
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        // On any error below it is dropped, and deletes itself.
        let mut partial = tempfile::Builder::new()
            .prefix(".tend-export-")
            .suffix(".part")
            .tempfile_in(folder)
            .map_err(|err| Error::Export(folder_problem(path, folder, &err)))?;
        let mut out = io::BufWriter::new(partial.as_file_mut());
        let count = self.write_export(format, &mut out, cannot_write)?;
        out.into_inner()
            .map_err(|err| cannot_write(err.into_error()))?
            .sync_all()
            .map_err(cannot_write)?;
        partial
            .persist(path)
            .map_err(|err| cannot_write(err.error))?;
        Ok(ExportSummary {
            path: path.to_path_buf(),
            format,
            count,
        })
    }

    /// Reads what `format` holds and writes it to `out`; returns how many
    /// contacts or follow-ups it wrote.
    fn write_export(
        &self,
        format: ExportFormat,
        out: impl Write,
        cannot_write: impl Fn(io::Error) -> Error,
    ) -> Result<usize> {
        let (written, count) = match format {
            ExportFormat::Vcard => {
                let contacts = self.read(read::contacts)?;
                (vcard::write(&contacts, out), contacts.len())
            }
            ExportFormat::Csv => {
                let contacts = self.read(read::contacts)?;
                (csv::write(&contacts, out), contacts.len())
            }
            ExportFormat::Ics => {
                // Date-only promises are placed in the zone the person is in
                // now, as Today shows them (docs/decisions/0003).
                self.zone()?;
                let followups = self.read(read::pending_followups)?;
                (ics::write(&followups, out), followups.len())
            }
        };
        written.map_err(cannot_write)?;
        Ok(count)
    }
}

/// Why nothing could be created in the target's folder, in the person's terms
/// (tempfile's own message names its temporary file, which they never chose).
fn folder_problem(path: &Path, folder: &Path, err: &io::Error) -> String {
    let why = match err.kind() {
        io::ErrorKind::NotFound => format!("there is no folder {}", folder.display()),
        io::ErrorKind::PermissionDenied => {
            format!("no permission to write in {}", folder.display())
        }
        _ => return format!("Could not write {}. {}", path.display(), words::io(err)),
    };
    format!("Could not write {}: {why}", path.display())
}
