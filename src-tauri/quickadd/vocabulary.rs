//! The English words of a line that are not dates: how a follow-up is meant to
//! happen ("call", "text"), stage markers, name particles, and the words that put
//! a date in the story ("met Sat") rather than in the plan.

use super::tokens::clean;
use crate::domain::channel::Channel;
use crate::domain::stage::Stage;

fn eq_any(word: &str, keywords: &[&str]) -> bool {
    keywords
        .iter()
        .any(|keyword| word.eq_ignore_ascii_case(keyword))
}

fn word_at<'a>(words: &[&'a str], i: usize) -> &'a str {
    words.get(i).map_or("", |word| clean(word))
}

/// A channel keyword at `words[i]` ("call", "follow up"): where it ends, and the
/// channel. Counts only when a date phrase follows; the line parser checks that.
pub fn channel_at(words: &[&str], i: usize) -> Option<(usize, Channel)> {
    const PAIRS: [(&str, &str, Channel); 5] = [
        ("follow", "up", Channel::Other),
        ("check", "in", Channel::Other),
        ("touch", "base", Channel::Other),
        ("reach", "out", Channel::Other),
        ("meet", "up", Channel::InPerson),
    ];
    const SINGLE: [(&[&str], Channel); 6] = [
        (&["call", "ring", "phone"], Channel::Call),
        (&["text", "txt", "sms"], Channel::Text),
        (&["email", "e-mail", "mail"], Channel::Email),
        (&["meet", "visit", "see"], Channel::InPerson),
        (
            &["message", "msg", "dm", "whatsapp", "ping"],
            Channel::Message,
        ),
        (
            &[
                "contact",
                "remind",
                "followup",
                "follow-up",
                "checkin",
                "check-in",
            ],
            Channel::Other,
        ),
    ];
    let word = word_at(words, i);
    let next = word_at(words, i + 1);
    for (first, second, channel) in PAIRS {
        if word.eq_ignore_ascii_case(first) && next.eq_ignore_ascii_case(second) {
            return Some((i + 2, channel));
        }
    }
    SINGLE
        .iter()
        .find(|(keywords, _)| eq_any(word, keywords))
        .map(|(_, channel)| (i + 1, *channel))
}

/// A channel word typed a little wrong, as fingers do after a party: "cal",
/// "calll", "clal", "txet", "emial", "mesage". Where it ends, the channel, and
/// the word it was read as. Like [`channel_at`], it counts only when a date
/// phrase follows, and the preview says how it was read. Real words one letter
/// away ("mall", "fall", "tell", "met") are not near-misses: only a repeated
/// letter, two letters swapped, or one letter left out count.
pub fn near_channel_at(words: &[&str], i: usize) -> Option<(usize, Channel, &'static str)> {
    const NEAR: [(&str, Channel); 5] = [
        ("call", Channel::Call),
        ("text", Channel::Text),
        ("email", Channel::Email),
        ("phone", Channel::Call),
        ("message", Channel::Message),
    ];
    // One letter short of a channel, and a word of its own.
    const WORDS: &[&str] = &["all", "ext", "emil", "hone", "one", "mess"];
    let word = word_at(words, i).to_ascii_lowercase();
    if word.len() < 3
        || !word.bytes().all(|b| b.is_ascii_lowercase())
        || WORDS.contains(&word.as_str())
    {
        return None;
    }
    NEAR.iter()
        .find(|(keyword, _)| is_near(&word, keyword))
        .map(|(keyword, channel)| (i + 1, *channel, *keyword))
}

fn is_near(word: &str, keyword: &str) -> bool {
    if word == keyword {
        return false;
    }
    let (w, k) = (word.as_bytes(), keyword.as_bytes());
    let collapse = |bytes: &[u8]| {
        let mut out = bytes.to_vec();
        out.dedup();
        out
    };
    let swapped = w.len() == k.len() && {
        let differ: Vec<usize> = (0..w.len()).filter(|&at| w[at] != k[at]).collect();
        matches!(differ.as_slice(), [a, b] if *b == a + 1 && w[*a] == k[*b] && w[*b] == k[*a])
    };
    let one_left_out =
        w.len() + 1 == k.len() && (0..k.len()).any(|at| [&k[..at], &k[at + 1..]].concat() == w);
    collapse(w) == collapse(k) || swapped || one_left_out
}

/// Words allowed between a channel and its date: "call her back on Thu" (the
/// "on" belongs to the date), "meet in person Fri".
pub fn filler_at(words: &[&str], i: usize) -> Option<usize> {
    let word = word_at(words, i);
    if eq_any(word, &["her", "him", "them", "me", "us", "back", "again"]) {
        return Some(i + 1);
    }
    (word.eq_ignore_ascii_case("in") && word_at(words, i + 1).eq_ignore_ascii_case("person"))
        .then_some(i + 2)
}

/// A stage said in words, as a whole: "customer", "new customer", "team member".
/// Only the stages' own names count, so what was typed is always in the stage's
/// key or label.
pub fn stage_words(words: &[&str]) -> Option<Stage> {
    match words {
        [one] => stage_key(clean(one)),
        [first, second] => {
            let (first, second) = (clean(first), clean(second));
            Stage::ALL.into_iter().find(|stage| {
                let key = stage.key();
                key.split_once('_').is_some_and(|(a, b)| {
                    first.eq_ignore_ascii_case(a) && second.eq_ignore_ascii_case(b)
                })
            })
        }
        _ => None,
    }
}

/// "customer", "new_customer", "team-member".
fn stage_key(word: &str) -> Option<Stage> {
    if word.is_empty() || word.len() > 20 {
        return None;
    }
    Stage::ALL.into_iter().find(|stage| {
        let key = stage.key();
        key.len() == word.len()
            && key
                .bytes()
                .zip(word.bytes())
                .all(|(k, w)| k == w.to_ascii_lowercase() || k == b'_' && (w == b'-' || w == b'_'))
    })
}

/// `stage:customer`, `stage: team member`, `stage:new_customer` anywhere in the line.
pub fn stage_marker(words: &[&str], i: usize) -> Option<(usize, Stage)> {
    let word = words.get(i)?;
    let (label, value) = word.split_once(':')?;
    if !label.eq_ignore_ascii_case("stage") {
        return None;
    }
    if !value.is_empty() {
        return stage_key(clean(value)).map(|stage| (i + 1, stage));
    }
    let two = [word_at(words, i + 1), word_at(words, i + 2)];
    if let Some(stage) = stage_words(&two) {
        return Some((i + 3, stage));
    }
    stage_key(word_at(words, i + 1)).map(|stage| (i + 2, stage))
}

/// Lowercase words that join the parts of a name: "de la Cruz", "van der Berg".
pub fn is_particle(word: &str) -> bool {
    const PARTICLES: [&str; 33] = [
        "de", "del", "della", "delle", "dei", "degli", "der", "den", "des", "di", "da", "das",
        "do", "dos", "du", "la", "le", "les", "lo", "van", "von", "vom", "zu", "zum", "zur", "ter",
        "ten", "af", "bin", "binti", "ibn", "al", "y",
    ];
    PARTICLES.contains(&word)
}

/// Words before a date that put it in the past of the story: "met Sat",
/// "bought on Dec 3". Such a date stays in the note.
pub fn is_past_cue(word: &str) -> bool {
    eq_any(
        clean(word),
        &[
            "met",
            "bought",
            "ordered",
            "purchased",
            "joined",
            "since",
            "was",
            "were",
            "saw",
            "called",
            "texted",
            "emailed",
            "messaged",
            "visited",
            "hosted",
            "attended",
            "came",
            "went",
            "spoke",
            "talked",
            "signed",
            "started",
            "moved",
        ],
    )
}

/// Words between a past cue and its date: "met her Sat".
pub fn is_pronoun(word: &str) -> bool {
    eq_any(
        clean(word),
        &["her", "him", "them", "us", "me", "on", "at", "last"],
    )
}

/// Words that end a name typed in lowercase ("jane doe wants oils"): a name
/// written without capitals is at most two words and its particles, and stops
/// early at one of these.
pub fn is_name_stop(word: &str) -> bool {
    let word = clean(word);
    stage_key(word).is_some()
        || channel_at(&[word], 0).is_some()
        || eq_any(
            word,
            &[
                "a",
                "an",
                "the",
                "and",
                "or",
                "with",
                "from",
                "at",
                "in",
                "on",
                "for",
                "to",
                "of",
                "is",
                "was",
                "has",
                "had",
                "wants",
                "want",
                "needs",
                "need",
                "likes",
                "like",
                "loves",
                "love",
                "met",
                "bought",
                "ordered",
                "interested",
                "asked",
                "said",
                "via",
                "ref",
                "her",
                "his",
                "their",
                "my",
                "our",
                "new",
                "team",
                "inactive",
            ],
        )
}
