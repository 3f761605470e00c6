//! The running version and its release notes. The version is the crate's, the one
//! place it is set; the notes are that version's section of CHANGELOG.md, built in.

use serde::Serialize;

/// The crate's version: what `tend --version`, Settings → About and the packages say.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The release notes of every version, newest first (`## 0.2.0 — 2026-12-01`).
const CHANGELOG: &str = include_str!("../../CHANGELOG.md");

/// One version as Settings → About shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Release {
    pub version: String,
    /// `YYYY-MM-DD`, when the notes give one.
    pub date: Option<String>,
    /// The notes' items, as plain sentences.
    pub notes: Vec<String>,
}

/// This build's version and notes (no notes if CHANGELOG.md has no section for it).
pub fn current() -> Release {
    release_in(CHANGELOG, VERSION).unwrap_or_else(|| Release {
        version: VERSION.to_string(),
        date: None,
        notes: Vec::new(),
    })
}

/// The section `## <version>` (optionally `— <date>`) of a changelog: its `- ` items,
/// continuation lines joined, code marks dropped (she reads words, not Markdown).
pub fn release_in(changelog: &str, version: &str) -> Option<Release> {
    let mut lines = changelog.lines();
    let date = lines
        .by_ref()
        .find_map(|line| heading_date(line, version))?;
    let mut notes: Vec<String> = Vec::new();
    for line in lines.take_while(|line| !line.starts_with("## ")) {
        let text = line.trim();
        if let Some(item) = text.strip_prefix("- ") {
            notes.push(item.replace('`', ""));
        } else if let (false, Some(last)) = (text.is_empty(), notes.last_mut()) {
            last.push(' ');
            last.push_str(&text.replace('`', ""));
        }
    }
    Some(Release {
        version: version.to_string(),
        date,
        notes,
    })
}

/// `Some(date)` when `line` is the heading of `version` (`Some(None)`: no date).
fn heading_date(line: &str, version: &str) -> Option<Option<String>> {
    let rest = line.strip_prefix("## ")?.strip_prefix(version)?;
    if rest.is_empty() {
        return Some(None);
    }
    let date = rest.trim_start().strip_prefix('—')?.trim();
    Some((!date.is_empty()).then(|| date.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &str = "# Release notes\n\nIntro.\n\n## 0.2.0 — 2026-12-01\n\n- Installs as a `.deb`,\n  with its icon.\n- About shows this.\n\n## 0.10.0\n\n- Not this one.\n\n## 0.1.0\n\n- The first.\n";

    #[test]
    fn a_version_gets_its_own_items_with_lines_joined_and_code_marks_dropped() {
        let release = release_in(NOTES, "0.2.0").expect("0.2.0 is there");
        assert_eq!(release.date.as_deref(), Some("2026-12-01"));
        assert_eq!(
            release.notes,
            vec!["Installs as a .deb, with its icon.", "About shows this."]
        );
    }

    #[test]
    fn a_heading_without_a_date_and_the_last_section_are_read_too() {
        let release = release_in(NOTES, "0.1.0").expect("0.1.0 is there");
        assert_eq!(release.date, None);
        assert_eq!(release.notes, vec!["The first."]);
    }

    #[test]
    fn a_version_is_matched_whole_never_by_its_start() {
        assert_eq!(release_in(NOTES, "0.1"), None, "0.1 is not 0.1.0 or 0.10.0");
        assert_eq!(release_in(NOTES, "0.3.0"), None);
    }

    #[test]
    fn this_build_has_notes_in_the_changelog() {
        let release = current();
        assert_eq!(release.version, VERSION);
        assert!(
            release.date.is_some() && !release.notes.is_empty(),
            "CHANGELOG.md needs a dated section for {VERSION}"
        );
    }
}
