//! One line → its parts. Reading order: emails, tags and `stage:` markers are
//! unmistakable; then follow-up phrases ("call Thu") and other date phrases; then
//! phones. The name is the plain words that open the line. Stage words count
//! when they make up a comma-separated part on their own. All the rest is note.

use super::dates::{DateMatch, DatePhrases};
use super::parsed::{ParseContext, ParsedFollowup, ParsedLine, ParsedPhone, ParsedReferrer};
use super::tokens::{self, Token};
use super::{name, phones, vocabulary as words};
use crate::domain::channel::Channel;
use crate::domain::phone::Problem;
use crate::domain::text::quoted;
use crate::error::{Error, Result};
use chrono::NaiveDate;

const EXAMPLE: &str = "“Jane Doe 555-0142 wants the lavender set, call Thu”";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Note,
    Separator,
    Name,
    Phone,
    Email,
    Tag,
    Stage,
    /// "via Sara": who referred them.
    Referrer,
    /// Part of a date phrase: the index of its candidate.
    Date(usize),
}

/// A date phrase found in the line; one of them may become the follow-up.
#[derive(Debug)]
struct Candidate {
    start: usize,
    end: usize,
    /// Set when a channel keyword leads into it: "call Thu".
    channel: Option<Channel>,
    /// The channel word was a near-miss ("cal"): the word typed and the one read.
    near: Option<(usize, &'static str)>,
    found: DateMatch,
}

pub fn parse(line: &str, ctx: &ParseContext, dates: &dyn DatePhrases) -> Result<ParsedLine> {
    let tokens = tokens::tokenize(line);
    if tokens.iter().all(Token::is_separator) {
        return Err(Error::invalid(
            "line",
            format!("The line is empty. Type a name first, e.g. {EXAMPLE}."),
        ));
    }
    let words: Vec<&str> = tokens.iter().map(|token| token.text).collect();
    // Where the unquoted stretch that contains each word ends: no phrase crosses a quote.
    let mut open_end = vec![tokens.len(); tokens.len()];
    for i in (0..tokens.len()).rev() {
        open_end[i] = if tokens[i].quoted {
            i
        } else {
            open_end.get(i + 1).copied().unwrap_or(tokens.len())
        };
    }
    let mut roles: Vec<Role> = tokens
        .iter()
        .map(|token| {
            if token.is_separator() && !token.quoted {
                Role::Separator
            } else {
                Role::Note
            }
        })
        .collect();
    let mut parsed = ParsedLine {
        name: String::new(),
        phones: Vec::new(),
        emails: Vec::new(),
        tags: Vec::new(),
        stage: None,
        note: String::new(),
        followup: None,
        vague: None,
        referrer: None,
    };
    let mut candidates: Vec<Candidate> = Vec::new();

    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if token.quoted || roles[i] == Role::Separator {
            i += 1;
            continue;
        }
        let open = &words[..open_end[i]];
        if let Some(email) = email(token.text) {
            roles[i] = Role::Email;
            push_once(&mut parsed.emails, email);
            i += 1;
            continue;
        }
        if let Some(tag) = tag(token.text) {
            roles[i] = Role::Tag;
            push_once(&mut parsed.tags, tag);
            i += 1;
            continue;
        }
        if parsed.stage.is_none() {
            if let Some((end, stage)) = words::stage_marker(open, i) {
                parsed.stage = Some(stage);
                roles[i..end].fill(Role::Stage);
                i = end;
                continue;
            }
        }
        if i > 0 && parsed.referrer.is_none() {
            if let Some((lead, end)) = referrer_at(&tokens[..open_end[i]], i) {
                roles[i..end].fill(Role::Referrer);
                let (mut name, mut phrase) = (String::new(), String::new());
                tokens::join(&tokens[lead..end], &mut name);
                tokens::join(&tokens[i..end], &mut phrase);
                parsed.referrer = Some(ParsedReferrer {
                    name: name::tidy(&name).to_string(),
                    phrase,
                });
                i = end;
                continue;
            }
        }
        // The first word is the name's: "Sun Li", "Tuesday Weld", "Call" are names there.
        if i > 0 {
            if let Some(candidate) = anchored(open, i, ctx, dates) {
                roles[candidate.start..candidate.end].fill(Role::Date(candidates.len()));
                i = candidate.end;
                candidates.push(candidate);
                continue;
            }
            if let Some(found) = dates.phrase_at(&open[i..], ctx.now, ctx.date_order) {
                // Clamped: another reader may miscount, and must not make us panic.
                let end = (i + found.words.max(1)).min(open.len());
                roles[i..end].fill(Role::Date(candidates.len()));
                candidates.push(Candidate {
                    start: i,
                    end,
                    channel: None,
                    near: None,
                    found,
                });
                i = end;
                continue;
            }
            // "Feb 30" is no day: said, not kept as note text.
            if let Some((_, why)) = dates.impossible_at(&open[i..], ctx.now, ctx.date_order) {
                return Err(Error::invalid("date", why));
            }
        }
        if let Some((end, checked)) = phones::phone_at(&tokens[..open_end[i]], i, ctx.phone_rules())
        {
            roles[i..end].fill(Role::Phone);
            if !parsed
                .phones
                .iter()
                .any(|known| known.normalized == checked.phone.normalized)
            {
                let warning = checked.warning();
                parsed.phones.push(ParsedPhone {
                    display: checked.phone.display,
                    normalized: checked.phone.normalized,
                    warning,
                    problem: checked.problem.map(Problem::short),
                });
            }
            i = end;
            continue;
        }
        i += 1;
    }

    let name_end = read_name(&tokens, &words, &mut roles, &candidates, line)?;
    parsed.followup = choose_followup(&tokens, &words, &mut roles, &candidates, ctx)?;
    if parsed.followup.is_none() {
        parsed.vague = vague_plan(&words, &roles, dates);
    }
    if parsed.stage.is_none() {
        parsed.stage = stage_part(&words, &tokens, &mut roles, name_end);
    }
    let name_end = roles.iter().take_while(|role| **role == Role::Name).count();
    let mut name = String::with_capacity(32);
    tokens::join(&tokens[..name_end], &mut name);
    parsed.name = name::tidy(&name).to_string();
    parsed.note = note(&tokens, &roles);
    Ok(parsed)
}

/// "via Sara", "ref: Sara Jones", "referred by Sara": the lead words, then one
/// to three capitalised words (so "via email" stays in the note). Returns where
/// the name starts and where the phrase ends.
fn referrer_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, usize)> {
    let word = |k: usize| tokens.get(k).map(|t| t.text.to_lowercase());
    let lead = match word(i)?.trim_end_matches(':') {
        "via" | "ref" => i + 1,
        "referred" if word(i + 1).as_deref() == Some("by") => i + 2,
        _ => return None,
    };
    let capitalised = |token: &Token<'_>| {
        !token.quoted
            && !token.is_separator()
            && tokens::clean(token.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let end = lead
        + tokens
            .get(lead..)?
            .iter()
            .take(3)
            .take_while(|token| capitalised(token))
            .count();
    (end > lead).then_some((lead, end))
}

/// A channel keyword, a few filler words, then a date phrase: "call her Thu".
fn anchored(
    words: &[&str],
    i: usize,
    ctx: &ParseContext,
    dates: &dyn DatePhrases,
) -> Option<Candidate> {
    let (mut j, channel, near) = match words::channel_at(words, i) {
        Some((j, channel)) => (j, channel, None),
        None => {
            let (j, channel, read_as) = words::near_channel_at(words, i)?;
            (j, channel, Some((i, read_as)))
        }
    };
    for _ in 0..2 {
        match words::filler_at(words, j) {
            Some(next) => j = next,
            None => break,
        }
    }
    let found = dates.phrase_at(words.get(j..)?, ctx.now, ctx.date_order)?;
    Some(Candidate {
        start: i,
        end: (j + found.words.max(1)).min(words.len()),
        channel: Some(channel),
        near,
        found,
    })
}

/// Marks the name and returns where it ends. A short weekday ("Thu", "Sun") that
/// stands alone in the opening capitalised words is part of the name (Nguyen Thi
/// Thu, Sun Li); lowercase, or after the name, it is a day.
fn read_name(
    tokens: &[Token<'_>],
    words: &[&str],
    roles: &mut [Role],
    candidates: &[Candidate],
    line: &str,
) -> Result<usize> {
    let absorbable = |i: usize| match roles[i] {
        // Quoted words are the note's, whatever they say.
        Role::Note => !tokens[i].quoted,
        Role::Date(c) => candidates.get(c).is_some_and(|candidate| {
            candidate.channel.is_none()
                && candidate.end == candidate.start + 1
                && super::dates::is_short_weekday(words[i])
                && words[i].starts_with(|c: char| c.is_uppercase())
        }),
        _ => false,
    };
    let lead = (0..words.len()).take_while(|&i| absorbable(i)).count();
    let length = name::length(&words[..lead]);
    if length == 0 {
        let first = words.first().copied().unwrap_or("");
        let what = match roles.first() {
            Some(Role::Phone) => format!("{first} is a phone number", first = quoted(first)),
            Some(Role::Email) => format!("{first} is an email address", first = quoted(first)),
            Some(Role::Tag) => format!("{first} is a tag", first = quoted(first)),
            _ => format!("{} doesn't start with a name", quoted(line)),
        };
        return Err(Error::invalid(
            "line",
            format!("{what}. Start the line with the person's name, e.g. {EXAMPLE}."),
        ));
    }
    roles[..length].fill(Role::Name);
    Ok(length)
}

/// The first phrase with a channel ("call Thu") is the follow-up; without one, the
/// first plain date phrase that is not about the past ("met Sat", "last week").
/// The other phrases stay in the note as they were typed.
fn choose_followup(
    tokens: &[Token<'_>],
    words: &[&str],
    roles: &mut [Role],
    candidates: &[Candidate],
    ctx: &ParseContext,
) -> Result<Option<ParsedFollowup>> {
    let absorbed: Vec<bool> = candidates
        .iter()
        .map(|c| roles[c.start] == Role::Name)
        .collect();
    let live = |index: usize| !absorbed[index];
    let chosen = candidates
        .iter()
        .enumerate()
        .position(|(index, c)| live(index) && c.channel.is_some())
        .or_else(|| {
            candidates.iter().enumerate().position(|(index, c)| {
                live(index) && c.channel.is_none() && !c.found.looks_back && !told_as_past(words, c)
            })
        });
    for (index, candidate) in candidates.iter().enumerate() {
        if Some(index) != chosen && live(index) {
            roles[candidate.start..candidate.end].fill(Role::Note);
        }
    }
    let Some(candidate) = chosen.and_then(|index| candidates.get(index)) else {
        return Ok(None);
    };
    let mut phrase = String::with_capacity(24);
    // "email jane@x.com Fri", "call 555-0142 tomorrow": the channel comes before
    // the address or number it will use.
    let mut channel = candidate.channel;
    if channel.is_none() {
        let mut k = candidate.start;
        while k > 0 && matches!(roles[k - 1], Role::Phone | Role::Email) {
            k -= 1;
        }
        if k < candidate.start && k > 0 && roles[k - 1] == Role::Note {
            if let Some((end, found)) = words::channel_at(words, k - 1) {
                if end == k {
                    channel = Some(found);
                    roles[k - 1] = roles[candidate.start];
                    phrase.push_str(tokens[k - 1].text);
                    phrase.push(' ');
                }
            }
        }
    }
    tokens::join(&tokens[candidate.start..candidate.end], &mut phrase);
    let phrase = phrase.trim_end_matches(tokens::SEPARATORS);
    let DateMatch { date, time, .. } = candidate.found;
    let today = ctx.now.date();
    if date < today {
        return Err(Error::invalid(
            "date",
            format!(
                "{phrase} would be {}, which is in the past. A follow-up needs today or a later day.",
                long_date(date), phrase = quoted(phrase)),
        ));
    }
    if let Some(time) = time.filter(|time| date == today && *time <= ctx.now.time()) {
        return Err(Error::invalid(
            "date",
            format!(
                "{phrase} would be today at {}, which is in the past (it is {} now). Pick a later time.",
                time.format("%H:%M"),
                ctx.now.format("%H:%M"), phrase = quoted(phrase)),
        ));
    }
    let read_as = candidate.near.and_then(|(at, read_as)| {
        Some(format!(
            "“{}” read as {read_as}",
            tokens::clean(words.get(at)?)
        ))
    });
    // "call in January": no day was named, so the preview says which one was chosen.
    let chosen = candidate.found.span.map(|span| {
        let from = candidate
            .end
            .saturating_sub(candidate.found.words)
            .max(candidate.start);
        let mut named = String::new();
        tokens::join(&tokens[from..candidate.end], &mut named);
        let named = named.trim_end_matches(tokens::SEPARATORS);
        format!("“{named}” names no day: Tend chose {}", span.choice())
    });
    Ok(Some(ParsedFollowup {
        channel: channel.unwrap_or(Channel::Other),
        date,
        time,
        phrase: phrase.to_string(),
        read_as,
        chosen,
    }))
}

/// "call after the holidays": a channel word in the note, then words that name
/// no one day. The question to ask, if so.
fn vague_plan(words: &[&str], roles: &[Role], dates: &dyn DatePhrases) -> Option<String> {
    (1..words.len()).find_map(|i| {
        if roles[i] != Role::Note {
            return None;
        }
        let (mut j, _) = words::channel_at(words, i)
            .or_else(|| words::near_channel_at(words, i).map(|(j, channel, _)| (j, channel)))?;
        while let Some(next) = words::filler_at(words, j) {
            j = next;
        }
        let end = (j..words.len())
            .find(|&k| tokens::is_separator(words[k]) || roles[k] != Role::Note)
            .unwrap_or(words.len())
            .min(j + 4);
        (end > j).then(|| dates.too_vague(&words[j..end])).flatten()
    })
}

/// "met Sat", "bought her on Dec 3": the date is part of the story, not a plan.
fn told_as_past(words: &[&str], candidate: &Candidate) -> bool {
    let before = |back: usize| {
        candidate
            .start
            .checked_sub(back)
            .and_then(|i| words.get(i))
            .copied()
    };
    match (before(1), before(2)) {
        (Some(word), _) if words::is_past_cue(word) => true,
        (Some(word), Some(cue)) => words::is_pronoun(word) && words::is_past_cue(cue),
        _ => false,
    }
}

/// A part of the line (between commas) whose only unrecognised words are a
/// stage ("…, customer", "Jane Doe 555-0142 partner"), or a name that ends in
/// one ("Jane Doe Customer").
fn stage_part(
    words: &[&str],
    tokens: &[Token<'_>],
    roles: &mut [Role],
    name_end: usize,
) -> Option<crate::domain::stage::Stage> {
    let mut start = 0;
    while start < tokens.len() {
        let end = (start..tokens.len())
            .find(|&i| roles[i] == Role::Separator)
            .unwrap_or(tokens.len());
        let notes: Vec<usize> = (start..end).filter(|&i| roles[i] == Role::Note).collect();
        let contiguous = notes.windows(2).all(|pair| pair[1] == pair[0] + 1);
        let quoted = notes.iter().any(|&i| tokens[i].quoted);
        if let (Some(&first), Some(&last)) = (notes.first(), notes.last()) {
            if contiguous && !quoted {
                if let Some(stage) = words::stage_words(&words[first..=last]) {
                    roles[first..=last].fill(Role::Stage);
                    return Some(stage);
                }
            }
        } else if start < name_end {
            for size in [2, 1] {
                if name_end > size {
                    if let Some(stage) = words::stage_words(&words[name_end - size..name_end]) {
                        roles[name_end - size..name_end].fill(Role::Stage);
                        return Some(stage);
                    }
                }
            }
        }
        start = end + 1;
    }
    None
}

/// The unrecognised words, as typed, in order. Between two stretches of note a
/// recognised part was taken out; a comma there stays, otherwise a space.
fn note(tokens: &[Token<'_>], roles: &[Role]) -> String {
    let mut note = String::new();
    let mut i = 0;
    let mut previous_end: Option<usize> = None;
    while i < tokens.len() {
        if roles[i] != Role::Note {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = end;
        while j < tokens.len() && matches!(roles[j], Role::Note | Role::Separator) {
            if roles[j] == Role::Note {
                end = j + 1;
            }
            j += 1;
        }
        if let Some(previous) = previous_end {
            let separator = tokens[previous..start]
                .iter()
                .zip(&roles[previous..start])
                .find(|(_, role)| **role == Role::Separator)
                .map(|(token, _)| token.text);
            if let Some(separator) = separator {
                note.push_str(separator);
            }
            note.push(' ');
        }
        tokens::join(&tokens[start..end], &mut note);
        previous_end = Some(end);
        i = end;
    }
    note
}

/// An email address, without the brackets or punctuation around it.
fn email(text: &str) -> Option<String> {
    if !text.contains('@') {
        return None;
    }
    let core = text
        .trim_start_matches(['<', '(', '[', '"', '\'', '“'])
        .trim_end_matches(['>', ')', ']', '"', '\'', '”', '.', '!', '?', ':']);
    let (_, domain) = core.rsplit_once('@')?;
    (domain.contains('.') && email_address::EmailAddress::is_valid(core)).then(|| core.to_string())
}

/// `#oils` → "oils". Letters, digits, `_` and `-` only.
fn tag(text: &str) -> Option<String> {
    let body = text
        .strip_prefix('#')?
        .trim_end_matches(['.', '!', '?', ':', ')']);
    let ok = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    ok.then(|| body.to_string())
}

fn push_once(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}
