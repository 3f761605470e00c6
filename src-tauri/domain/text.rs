//! How a message quotes what she typed: in quotes, and never the whole of a long
//! text (a 1 MB name must not come back whole in a message).

/// How much of a typed value a message repeats.
const QUOTED_CHARS: usize = 40;

/// “value”, cut to its first 40 characters with an ellipsis when longer.
pub fn quoted(text: impl AsRef<str>) -> String {
    format!("“{}”", shortened(text.as_ref(), QUOTED_CHARS))
}

/// The first `chars` characters of `text`, trimmed, with "…" when cut.
pub fn shortened(text: &str, chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_value_is_quoted_whole() {
        assert_eq!(quoted("Mon at 25:00"), "“Mon at 25:00”");
    }

    #[test]
    fn a_long_value_is_cut_on_a_character_boundary() {
        let long = "é".repeat(1_000_000);
        let shown = quoted(&long);
        assert_eq!(shown.chars().count(), 40 + 3);
        assert!(shown.ends_with("…”"));
    }
}
