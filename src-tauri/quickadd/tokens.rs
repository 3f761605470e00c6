//! Splitting a line into words, keeping where each came from so that nothing
//! typed is lost: the note is rebuilt from the original text.

/// One word of a line: the text between spaces, or a `,`/`;` on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offsets into the line.
    pub start: usize,
    pub end: usize,
    /// Inside "double quotes": always part of the note, never read as a date,
    /// phone or tag. This is how a person keeps "met Sat" as words.
    pub quoted: bool,
}

impl Token<'_> {
    /// A comma or semicolon: it separates the parts of a line.
    pub fn is_separator(&self) -> bool {
        is_separator(self.text)
    }
}

pub const SEPARATORS: [char; 5] = [',', ';', '，', '；', '、'];

pub fn is_separator(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if SEPARATORS.contains(&c))
}

/// The words as she typed them, spaced, with no space before a separator.
pub fn joined(words: &[&str]) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() && !is_separator(word) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub fn tokenize(line: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(line.len() / 4 + 1);
    let mut chunk_start = None;
    for (at, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(line, start, at, &mut tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(at);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(line, start, line.len(), &mut tokens);
    }
    mark_quotes(&mut tokens);
    tokens
}

fn split_chunk<'a>(line: &'a str, start: usize, end: usize, tokens: &mut Vec<Token<'a>>) {
    let mut piece = start;
    let push = |tokens: &mut Vec<Token<'a>>, from: usize, to: usize| {
        if let Some(text) = line.get(from..to).filter(|text| !text.is_empty()) {
            tokens.push(Token {
                text,
                start: from,
                end: to,
                quoted: false,
            });
        }
    };
    for (offset, c) in line.get(start..end).unwrap_or("").char_indices() {
        if SEPARATORS.contains(&c) {
            let at = start + offset;
            push(tokens, piece, at);
            push(tokens, at, at + c.len_utf8());
            piece = at + c.len_utf8();
        }
    }
    push(tokens, piece, end);
}

const OPENING_QUOTES: [char; 2] = ['"', '“'];
const CLOSING_QUOTES: [char; 2] = ['"', '”'];

/// Marks the words between a pair of double quotes. An unclosed quote is just a
/// character.
fn mark_quotes(tokens: &mut [Token<'_>]) {
    let mut i = 0;
    while i < tokens.len() {
        let opens = tokens[i].text.starts_with(OPENING_QUOTES);
        let closes_itself = {
            let text = tokens[i].text;
            text.chars().count() > 1 && text.ends_with(CLOSING_QUOTES)
        };
        if opens && closes_itself {
            tokens[i].quoted = true;
            i += 1;
            continue;
        }
        if opens {
            let close = (i + 1..tokens.len()).find(|&j| tokens[j].text.ends_with(CLOSING_QUOTES));
            if let Some(close) = close {
                for token in &mut tokens[i..=close] {
                    token.quoted = true;
                }
                i = close + 1;
                continue;
            }
        }
        i += 1;
    }
}

/// Joins tokens as they were typed, one space where there was any space:
/// `set` `,` `call` → "set, call".
pub fn join(line_tokens: &[Token<'_>], out: &mut String) {
    let mut previous_end = None;
    for token in line_tokens {
        if previous_end.is_some_and(|end| end < token.start) {
            out.push(' ');
        }
        out.push_str(token.text);
        previous_end = Some(token.end);
    }
}

/// A word without what surrounds it: quotes, brackets, and a closing full stop
/// or mark ("Thu." → "Thu", "(2pm)" → "2pm", "p.m." → "p.m", "customer!" →
/// "customer").
pub fn clean(word: &str) -> &str {
    word.trim_start_matches(['(', '[', '"', '\'', '“', '‘', '«'])
        .trim_end_matches([')', ']', '"', '\'', '”', '’', '»', '.', '!', '?', ':'])
}
