//! What a file's first bytes say: empty, binary (a picture, a workbook), UTF-16,
//! and whether it holds vCards or CSV. The content decides; the file name's
//! extension only picks the message when the content says nothing.

use super::records::Format;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// How many bytes are looked at.
pub(crate) const HEAD_LEN: usize = 8 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sniffed {
    pub format: Format,
    /// UTF-16LE or UTF-16BE (from its BOM, or from its zero bytes without one);
    /// None for bytes in an ASCII-compatible encoding.
    pub utf16: Option<&'static Encoding>,
}

pub(crate) fn sniff(head: &[u8], file_name: &str) -> crate::Result<Sniffed> {
    let not_contacts = |why: &str| crate::Error::invalid("file", why.to_string());
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(not_contacts("The file is empty."));
    }
    if let Some(kind) = known_binary(head) {
        return Err(not_contacts(&format!(
            "This is {kind}, not a contacts file. Tend reads vCard (.vcf) and CSV files: \
             export your contacts in one of those and import that file."
        )));
    }
    let utf16 = utf16(head);
    let text = match utf16 {
        Some(encoding) => encoding.decode_with_bom_removal(head).0.into_owned(),
        None if looks_binary(head) => {
            return Err(not_contacts(
                "This file is not a contacts file: it holds binary data, not text. \
                 Tend reads vCard (.vcf) and CSV files.",
            ))
        }
        None => String::from_utf8_lossy(head).into_owned(),
    };
    let format = if has_vcard_begin(&text) {
        Format::Vcard
    } else if looks_like_csv(&text) {
        Format::Csv
    } else if has_extension(file_name, &["vcf", "vcard"]) {
        return Err(not_contacts(
            "This .vcf file holds no contact cards (no BEGIN:VCARD line). \
             It may be damaged or empty; try exporting the contacts again.",
        ));
    } else {
        return Err(not_contacts(
            "Tend could not find contacts in this file. It reads vCard (.vcf) files and \
             CSV files with a header row (name, phone, email, …).",
        ));
    };
    Ok(Sniffed { format, utf16 })
}

fn has_extension(file_name: &str, extensions: &[&str]) -> bool {
    std::path::Path::new(file_name)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| extensions.iter().any(|e| e.eq_ignore_ascii_case(extension)))
}

/// Files people pick by mistake, by their magic bytes.
fn known_binary(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "an Excel workbook or a zip archive (save it as CSV first)",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Excel or Word file (save it as CSV first)",
        ),
        (b"%PDF", "a PDF document"),
        (b"\xFF\xD8\xFF", "a JPEG picture"),
        (b"\x89PNG", "a PNG picture"),
        (b"GIF8", "a GIF picture"),
        (b"SQLite format 3\0", "a database file"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// UTF-16 by its BOM, or by ASCII text with a zero byte beside every letter.
fn utf16(head: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(head) {
        Some((encoding, _)) if encoding == UTF_16LE || encoding == UTF_16BE => {
            return Some(encoding)
        }
        Some(_) => return None,
        None => {}
    }
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros_at = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Latin text in UTF-16 has a zero in nearly every other byte, and only there.
    if odd * 10 >= pairs * 9 && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 9 && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text has no zero bytes and few control characters; binary data has both.
fn looks_binary(head: &[u8]) -> bool {
    let controls = head
        .iter()
        .filter(|b| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x1a'))
        .count();
    head.contains(&0) || controls * 100 > head.len()
}

fn has_vcard_begin(text: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start_matches('\u{feff}')
            .trim()
            .eq_ignore_ascii_case("BEGIN:VCARD")
    })
}

/// A line with a comma, semicolon or tab in it, and not one line of prose.
fn looks_like_csv(text: &str) -> bool {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let has_delimiter = |line: &str| line.contains([',', ';', '\t']);
    match (lines.next(), lines.next()) {
        (Some(first), Some(second)) => has_delimiter(first) || has_delimiter(second),
        // One line: a header row cut short by the head, or a file of one row.
        (Some(first), None) => first.matches([',', ';', '\t']).count() >= 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{sniff, Format, Sniffed};
    use encoding_rs::{UTF_16BE, UTF_16LE};

    fn message(head: &[u8], name: &str) -> String {
        sniff(head, name).expect_err("refused").to_string()
    }

    #[test]
    fn content_decides_and_the_extension_only_names_the_trouble() {
        let vcard = Sniffed {
            format: Format::Vcard,
            utf16: None,
        };
        let csv = Sniffed {
            format: Format::Csv,
            utf16: None,
        };
        assert_eq!(
            sniff(b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD", "a.csv").ok(),
            Some(vcard)
        );
        assert_eq!(
            sniff(b"\xEF\xBB\xBFbegin:vcard\nEND:VCARD", "x").ok(),
            Some(vcard)
        );
        assert_eq!(
            sniff(b"Name,Phone\nAna,555\n", "contacts.vcf").ok(),
            Some(csv)
        );
        assert!(message(b"hello there", "a.vcf").contains("no contact cards"));
        assert!(message(b"hello there", "a.txt").contains("could not find contacts"));
    }

    #[test]
    fn utf16_is_known_by_its_bom_or_its_zero_bytes() {
        let le: Vec<u8> = "BEGIN:VCARD\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Name,Phone\nA,1\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(sniff(&le, "x").ok().and_then(|s| s.utf16), Some(UTF_16LE));
        assert_eq!(sniff(&be, "x").ok().and_then(|s| s.utf16), Some(UTF_16BE));
        let with_bom = [&b"\xFF\xFE"[..], &le].concat();
        assert_eq!(
            sniff(&with_bom, "x").ok().and_then(|s| s.utf16),
            Some(UTF_16LE)
        );
    }

    #[test]
    fn empty_binary_and_wrong_files_are_refused_in_plain_words() {
        assert_eq!(message(b"", "a.vcf"), "The file is empty.");
        assert_eq!(message(b" \r\n ", "a.csv"), "The file is empty.");
        assert!(message(b"PK\x03\x04rest", "a.xlsx").contains("Excel workbook"));
        assert!(message(b"\x89PNG\r\n", "a.csv").contains("PNG picture"));
        assert!(message(b"\x01\x02\x03\x00\xff\x10", "a.vcf").contains("binary data"));
    }
}
