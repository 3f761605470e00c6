//! Where the name at the start of a line ends: capitalised words and the
//! particles between them (de la Cruz, van der Berg), apostrophes (O'Brien,
//! d'Arcy), initials (Mary J. Blige), and scripts without case (李小龍).

use super::vocabulary::{is_name_stop, is_particle};

/// How many of `words` (the line's leading plain words) form the name; 0 when
/// the first cannot start a name.
pub fn length(words: &[&str]) -> usize {
    let Some(first) = words.first() else {
        return 0;
    };
    if !is_namelike(first) {
        return 0;
    }
    if starts_capital(first) {
        capitalised(words)
    } else {
        lowercase(words).max(1)
    }
}

/// "Maria de la Cruz", "Jane Doe": capitalised words, and particles followed by one.
fn capitalised(words: &[&str]) -> usize {
    let mut length = 0;
    let mut i = 0;
    while let Some(word) = words.get(i) {
        if starts_capital(word) && is_namelike(word) {
            i += 1;
            length = i;
            if ends_name(word) {
                break;
            }
            continue;
        }
        match after_particles(words, i) {
            Some(next) if starts_capital(words[next]) && is_namelike(words[next]) => i = next,
            _ => break,
        }
    }
    length
}

/// "jane doe", "maria de la cruz": typed without capitals, a name is at most two
/// words and their particles, and stops at a word such as "wants" or "customer".
fn lowercase(words: &[&str]) -> usize {
    let mut length = 0;
    let mut count = 0;
    let mut i = 0;
    while let Some(word) = words.get(i) {
        if !is_namelike(word) || is_name_stop(word) && !is_particle(word) {
            break;
        }
        if is_particle(word) {
            match after_particles(words, i) {
                Some(next) if is_namelike(words[next]) && !is_name_stop(words[next]) => {
                    i = next;
                    continue;
                }
                _ => break,
            }
        }
        if count == 2 {
            break;
        }
        count += 1;
        i += 1;
        length = i;
        if ends_name(word) {
            break;
        }
    }
    length
}

/// The index of the first word after a run of particles starting at `i`, if `i`
/// starts one and a word follows it.
fn after_particles(words: &[&str], i: usize) -> Option<usize> {
    let mut j = i;
    while words.get(j).is_some_and(|word| is_particle(word)) {
        j += 1;
    }
    (j > i && j < words.len()).then_some(j)
}

/// Made of letters (and the marks names use), with at least one letter.
fn is_namelike(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && !word
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '#'))
        && !word.starts_with(['(', '[', '"', '“', '<'])
}

/// Starts with a capital, or with a letter of a script without case (李, محمد),
/// or with a lowercase prefix before one: d'Arcy, dell'Acqua, al-Hassan.
fn starts_capital(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if first.is_uppercase() || first.is_alphabetic() && !first.is_lowercase() {
        return true;
    }
    let Some((at, mark)) = word
        .char_indices()
        .take(6)
        .find(|(_, c)| matches!(c, '\'' | '’' | '-'))
    else {
        return false;
    };
    let prefix_ok = word
        .get(..at)
        .is_some_and(|prefix| prefix.chars().all(char::is_lowercase));
    let after = word
        .get(at + mark.len_utf8()..)
        .and_then(|rest| rest.chars().next());
    prefix_ok && after.is_some_and(char::is_uppercase)
}

/// A word that closes the name: "Doe." or "Doe:" — but not an initial ("J.")
/// or a title ("Dr.").
fn ends_name(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 11] = [
        "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Jr", "Sr", "Rev", "Ste",
    ];
    if let Some(stem) = word.strip_suffix('.') {
        let initial = stem.chars().count() == 1;
        return !(initial || ABBREVIATIONS.iter().any(|a| stem.eq_ignore_ascii_case(a)));
    }
    word.ends_with([':', '!', '?'])
}

/// The name as it will be saved: its words, without the full stop or colon
/// that closed it (an initial keeps its full stop).
pub fn tidy(name: &str) -> &str {
    let trimmed = name.trim_end_matches([':', '!', '?', ';']);
    match trimmed.strip_suffix('.') {
        Some(stem) if ends_name(trimmed.rsplit(' ').next().unwrap_or(trimmed)) => stem,
        _ => trimmed,
    }
}
