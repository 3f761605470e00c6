//! Importing contacts: which cards are new, which are someone already in Tend
//! (matched by the card's UID, a phone or an email — never by name alone), and
//! what a merge adds. Merging only ever adds: every phone, email, note and tag
//! is kept. Importing the same file again changes nothing.

use super::contact::{
    validate_email, validate_name, validate_tags, MAX_NOTES_CHARS, MAX_TAGS, MAX_TAG_CHARS,
};
use super::phone::{self, Phone, PhoneRules};
use crate::interchange::{Birthday, ImportedContact, Problem};
use serde::Serialize;
use std::collections::HashMap;

/// Someone already in Tend, as an import sees them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    pub contact_id: i64,
    pub name: String,
    /// E.164.
    pub phones: Vec<String>,
    /// Lowercased.
    pub emails: Vec<String>,
    /// The cards this contact was imported from (`source_key`s).
    pub sources: Vec<String>,
    pub notes: String,
    pub tags: Vec<String>,
    pub birthday: Option<String>,
    /// Her yearly "Anniversary", if she has one ("YYYY-MM-DD" or "--MM-DD").
    pub anniversary: Option<String>,
    pub org: String,
}

/// A card that passed the contact rules, ready to save or merge.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Incoming {
    pub name: String,
    #[serde(serialize_with = "phones_as_typed")]
    pub phones: Vec<Phone>,
    pub emails: Vec<String>,
    pub birthday: Option<Birthday>,
    pub anniversary: Option<Birthday>,
    pub org: Option<String>,
    pub notes: String,
    pub tags: Vec<String>,
    /// The card's UID, or a digest of what it says when it has none.
    #[serde(skip)]
    pub source_key: String,
    #[serde(skip)]
    pub uid: Option<String>,
    pub warnings: Vec<String>,
}

fn phones_as_typed<S: serde::Serializer>(phones: &[Phone], out: S) -> Result<S::Ok, S::Error> {
    out.collect_seq(phones.iter().map(|phone| &phone.display))
}

/// What a merge adds to someone already there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Additions {
    pub phones: Vec<Phone>,
    pub emails: Vec<String>,
    pub tags: Vec<String>,
    /// Appended to the notes, on a line of its own.
    pub note: Option<String>,
    /// Only where Tend had none.
    pub birthday: Option<Birthday>,
    /// Only where she has no anniversary yet.
    pub anniversary: Option<Birthday>,
    pub org: Option<String>,
    pub source_key: Option<String>,
}

impl Additions {
    pub fn is_empty(&self) -> bool {
        *self == Additions::default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    New,
    /// Into a contact already in Tend.
    Merge {
        contact_id: i64,
        name: String,
        additions: Additions,
    },
    /// Into a card earlier in the same file (index into the plan's items).
    MergeIntoEarlier {
        item: usize,
    },
    Unchanged {
        contact_id: i64,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedItem {
    pub incoming: Incoming,
    pub outcome: Outcome,
    /// Someone with the same name but nothing else in common: offered, not forced.
    pub same_name_as: Option<(i64, String)>,
    /// Where it is in the file.
    pub place: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub items: Vec<PlannedItem>,
    pub problems: Vec<Problem>,
}

impl Plan {
    pub fn count(&self, what: fn(&Outcome) -> bool) -> usize {
        self.items.iter().filter(|item| what(&item.outcome)).count()
    }

    pub fn new_count(&self) -> usize {
        self.count(|o| matches!(o, Outcome::New))
    }

    pub fn merged_count(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Merge { .. } | Outcome::MergeIntoEarlier { .. }))
    }

    pub fn unchanged_count(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Unchanged { .. }))
    }
}

/// Checks a card against the contact rules. A phone or email that cannot be
/// read is kept in the notes with a warning rather than losing the card.
pub fn validate(card: &ImportedContact, rules: PhoneRules) -> Result<Incoming, Problem> {
    let problem = |what: String| Problem {
        place: card.place.clone(),
        what,
    };
    let name = validate_name(&card.name).map_err(|err| problem(err.to_string()))?;
    let mut warnings = card.warnings.clone();
    warnings.extend(name.notice());
    let name = name.text;
    let mut unreadable = Vec::new();
    let mut phones: Vec<Phone> = Vec::new();
    for text in &card.phones {
        // A number the region's plan does not have is kept as typed (by its digits,
        // never as a made-up E.164): a file is not refused for it.
        match phone::check(text, rules).map(|checked| checked.phone) {
            Ok(phone) if !phones.iter().any(|p| p.normalized == phone.normalized) => {
                phones.push(phone)
            }
            Ok(_) => {}
            Err(_) => unreadable.push(format!("phone {text}")),
        }
    }
    let mut emails: Vec<String> = Vec::new();
    for text in &card.emails {
        match validate_email(text) {
            Ok(Some(email)) if !emails.iter().any(|e| e.eq_ignore_ascii_case(&email)) => {
                emails.push(email)
            }
            Ok(_) => {}
            Err(_) => unreadable.push(format!("email {text}")),
        }
    }
    let mut notes = card.note.trim().to_string();
    if !unreadable.is_empty() {
        let kept = format!("Not understood when imported: {}", unreadable.join(", "));
        warnings.push(format!("{kept} (kept in the notes)"));
        notes = [notes, kept].join("\n").trim().to_string();
    }
    if notes.chars().count() > MAX_NOTES_CHARS {
        notes = notes.chars().take(MAX_NOTES_CHARS).collect();
        warnings.push(format!("Notes cut to {MAX_NOTES_CHARS} characters."));
    }
    // Tags a contact cannot hold (too long, too many) are left out, with a warning.
    let mut tags: Vec<String> = Vec::new();
    let mut left_out = 0;
    for label in &card.tags {
        match validate_tags(std::slice::from_ref(label)) {
            Ok(one) => {
                for tag in one {
                    if tags.contains(&tag) {
                        continue;
                    }
                    if tags.len() < MAX_TAGS {
                        tags.push(tag);
                    } else {
                        left_out += 1;
                    }
                }
            }
            Err(_) => left_out += 1,
        }
    }
    if left_out > 0 {
        warnings.push(format!(
            "{left_out} label(s) left out: a tag is at most {MAX_TAG_CHARS} characters, {MAX_TAGS} per contact."
        ));
    }
    let org = card
        .org
        .as_deref()
        .map(str::trim)
        .filter(|org| !org.is_empty())
        .map(str::to_string);
    let source_key = match card.uid.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(uid) => format!("uid:{uid}"),
        None => content_key(card, &name, &phones, &emails, &notes, &tags),
    };
    Ok(Incoming {
        name,
        phones,
        emails,
        birthday: card.birthday,
        anniversary: card.anniversary,
        org,
        notes,
        tags,
        source_key,
        uid: card.uid.clone().filter(|u| !u.trim().is_empty()),
        warnings,
    })
}

/// A card without a UID is known by what it says, so the same file read again
/// (in any encoding: this is the decoded text) is recognised.
fn content_key(
    card: &ImportedContact,
    name: &str,
    phones: &[Phone],
    emails: &[String],
    notes: &str,
    tags: &[String],
) -> String {
    use sha2::{Digest, Sha256};
    let mut digest = Sha256::new();
    let birthday = card.birthday.map(|b| b.to_text()).unwrap_or_default();
    let org = card.org.clone().unwrap_or_default();
    for part in [name.to_lowercase(), notes.to_string(), birthday, org]
        .into_iter()
        .chain(phones.iter().map(|p| p.normalized.clone()))
        .chain(emails.iter().map(|e| e.to_lowercase()))
        .chain(tags.iter().cloned())
    {
        digest.update(part.as_bytes());
        digest.update([0]);
    }
    let hex: String = digest
        .finalize()
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("card:{hex}")
}

/// Where a card lands: who it matches, in order of certainty.
#[derive(Default)]
struct Index {
    by_key: HashMap<String, Target>,
    by_name: HashMap<String, (i64, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Known(usize),
    Earlier(usize),
}

impl Index {
    fn add(&mut self, keys: impl IntoIterator<Item = String>, target: Target) {
        for key in keys {
            self.by_key.entry(key).or_insert(target);
        }
    }

    fn find(&self, incoming: &Incoming) -> Option<Target> {
        keys_of(incoming).find_map(|key| self.by_key.get(&key).copied())
    }
}

fn keys_of(incoming: &Incoming) -> impl Iterator<Item = String> + '_ {
    std::iter::once(format!("src:{}", incoming.source_key))
        .chain(
            incoming
                .phones
                .iter()
                .map(|p| format!("tel:{}", p.normalized)),
        )
        .chain(
            incoming
                .emails
                .iter()
                .map(|e| format!("mail:{}", e.to_lowercase())),
        )
}

fn known_keys(known: &Known) -> impl Iterator<Item = String> + '_ {
    known
        .sources
        .iter()
        .map(|s| format!("src:{s}"))
        .chain(known.phones.iter().map(|p| format!("tel:{p}")))
        .chain(
            known
                .emails
                .iter()
                .map(|e| format!("mail:{}", e.to_lowercase())),
        )
}

/// Decides, for every card read, whether it is new, merges into someone (in
/// Tend or earlier in the file), or is already there. `merge_same_name` lists
/// the cards (by position) the person chose to merge into the same-named contact.
pub fn plan(
    cards: Vec<Result<Incoming, Problem>>,
    places: Vec<String>,
    known: &[Known],
    merge_same_name: &[usize],
) -> Plan {
    let mut index = Index::default();
    for (position, person) in known.iter().enumerate() {
        index.add(known_keys(person), Target::Known(position));
        index
            .by_name
            .entry(person.name.to_lowercase())
            .or_insert((person.contact_id, person.name.clone()));
    }
    let mut plan = Plan::default();
    // Cards that say exactly the same and have no UID: the second is "#2", so
    // each is told apart from the others the next time the file is read.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (position, (card, place)) in cards.into_iter().zip(places).enumerate() {
        let mut incoming = match card {
            Ok(incoming) => incoming,
            Err(problem) => {
                plan.problems.push(problem);
                continue;
            }
        };
        if incoming.source_key.starts_with("card:") {
            let count = seen.entry(incoming.source_key.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                incoming.source_key = format!("{}#{count}", incoming.source_key);
            }
        }
        let same_name = index.by_name.get(&incoming.name.to_lowercase()).cloned();
        let target = index.find(&incoming).or_else(|| {
            let chosen = merge_same_name.contains(&position);
            let (id, _) = same_name.as_ref().filter(|_| chosen)?;
            known
                .iter()
                .position(|k| k.contact_id == *id)
                .map(Target::Known)
        });
        let item_index = plan.items.len();
        let (outcome, same_name_as) = match target {
            Some(Target::Known(at)) => {
                let additions = additions(&known[at], &incoming);
                let (contact_id, name) = (known[at].contact_id, known[at].name.clone());
                let outcome = if additions.is_empty() {
                    Outcome::Unchanged { contact_id, name }
                } else {
                    Outcome::Merge {
                        contact_id,
                        name,
                        additions,
                    }
                };
                (outcome, None)
            }
            Some(Target::Earlier(item)) => {
                merge_into_earlier(&mut plan.items[item].incoming, &incoming);
                (Outcome::MergeIntoEarlier { item }, None)
            }
            None => {
                // A card without a UID is known by what it says only across imports:
                // two such cards in one file may be two people (offered, not forced).
                let keys: Vec<String> = keys_of(&incoming)
                    .filter(|key| !key.starts_with("src:card:"))
                    .collect();
                index.add(keys, Target::Earlier(item_index));
                (Outcome::New, same_name)
            }
        };
        plan.items.push(PlannedItem {
            incoming,
            outcome,
            same_name_as,
            place,
        });
    }
    plan
}

/// What the card has that the contact does not.
fn additions(known: &Known, incoming: &Incoming) -> Additions {
    let notes = known.notes.to_lowercase();
    Additions {
        phones: incoming
            .phones
            .iter()
            .filter(|p| !known.phones.contains(&p.normalized))
            .cloned()
            .collect(),
        emails: incoming
            .emails
            .iter()
            .filter(|e| !known.emails.iter().any(|k| k.eq_ignore_ascii_case(e)))
            .cloned()
            .collect(),
        tags: incoming
            .tags
            .iter()
            .filter(|t| !known.tags.iter().any(|k| k.eq_ignore_ascii_case(t)))
            .cloned()
            .collect(),
        note: Some(incoming.notes.clone())
            .filter(|note| !note.is_empty() && !notes.contains(&note.to_lowercase())),
        birthday: incoming.birthday.filter(|_| known.birthday.is_none()),
        anniversary: incoming.anniversary.filter(|_| known.anniversary.is_none()),
        org: incoming.org.clone().filter(|_| known.org.is_empty()),
        source_key: Some(incoming.source_key.clone()).filter(|key| !known.sources.contains(key)),
    }
}

/// Two cards for one person in the same file become one new contact.
fn merge_into_earlier(first: &mut Incoming, later: &Incoming) {
    for phone in &later.phones {
        if !first
            .phones
            .iter()
            .any(|p| p.normalized == phone.normalized)
        {
            first.phones.push(phone.clone());
        }
    }
    for email in &later.emails {
        if !first.emails.iter().any(|e| e.eq_ignore_ascii_case(email)) {
            first.emails.push(email.clone());
        }
    }
    for tag in &later.tags {
        if !first.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            first.tags.push(tag.clone());
        }
    }
    if !later.notes.is_empty() && !first.notes.contains(&later.notes) {
        first.notes = [first.notes.as_str(), later.notes.as_str()]
            .join("\n")
            .trim()
            .to_string();
    }
    first.birthday = first.birthday.or(later.birthday);
    first.anniversary = first.anniversary.or(later.anniversary);
    if first.org.is_none() {
        first.org = later.org.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(name: &str, phones: &[&str], emails: &[&str]) -> ImportedContact {
        ImportedContact {
            name: name.into(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            emails: emails.iter().map(|e| e.to_string()).collect(),
            place: format!("card {name}"),
            ..ImportedContact::default()
        }
    }

    fn plan_of(cards: &[ImportedContact], known: &[Known], same_name: &[usize]) -> Plan {
        let places = cards.iter().map(|c| c.place.clone()).collect();
        let checked = cards
            .iter()
            .map(|c| validate(c, crate::domain::phone::Region::US.into()))
            .collect();
        plan(checked, places, known, same_name)
    }

    fn jane() -> Known {
        Known {
            contact_id: 7,
            name: "Jane Doe".into(),
            phones: vec!["+14155550142".into()],
            emails: vec!["jane@example.com".into()],
            notes: "wants the lavender set".into(),
            tags: vec!["oils".into()],
            ..Known::default()
        }
    }

    #[test]
    fn a_card_matching_a_phone_or_email_merges_and_keeps_everything() {
        let mut by_phone = card("Jane D.", &["(415) 555-0142", "415 555 0199"], &[]);
        by_phone.tags = vec!["Oils".into(), "party".into()];
        // (tags are stored lowercased)
        by_phone.note = "loves citrus".into();
        let by_email = card("J. Doe", &[], &["JANE@example.com", "jd@work.example"]);
        let plan = plan_of(&[by_phone, by_email], &[jane()], &[]);
        let Outcome::Merge {
            contact_id: 7,
            additions,
            ..
        } = &plan.items[0].outcome
        else {
            panic!("merged by phone: {:?}", plan.items[0].outcome)
        };
        assert_eq!(additions.phones.len(), 1, "only the new phone");
        assert_eq!(additions.phones[0].normalized, "+14155550199");
        assert_eq!(additions.tags, ["party"], "tags compare without case");
        assert_eq!(additions.note.as_deref(), Some("loves citrus"));
        let Outcome::Merge { additions, .. } = &plan.items[1].outcome else {
            panic!("merged by email")
        };
        assert_eq!(additions.emails, ["jd@work.example"]);
        assert_eq!((plan.new_count(), plan.merged_count()), (0, 2));
    }

    #[test]
    fn the_same_name_alone_is_offered_not_forced() {
        let namesake = card("jane doe", &["555-0100"], &[]);
        let plan = plan_of(std::slice::from_ref(&namesake), &[jane()], &[]);
        assert_eq!(plan.items[0].outcome, Outcome::New);
        assert_eq!(plan.items[0].same_name_as, Some((7, "Jane Doe".into())));
        let chosen = plan_of(&[namesake], &[jane()], &[0]);
        assert!(matches!(
            chosen.items[0].outcome,
            Outcome::Merge { contact_id: 7, .. }
        ));
    }

    #[test]
    fn the_same_card_again_is_unchanged_even_without_uid_phone_or_email() {
        let only_a_name = card("Carl Weber", &[], &[]);
        let first = plan_of(std::slice::from_ref(&only_a_name), &[], &[]);
        assert_eq!(first.new_count(), 1);
        let saved = Known {
            contact_id: 9,
            name: "Carl Weber".into(),
            sources: vec![first.items[0].incoming.source_key.clone()],
            ..Known::default()
        };
        let again = plan_of(&[only_a_name], &[saved], &[]);
        assert_eq!(
            again.items[0].outcome,
            Outcome::Unchanged {
                contact_id: 9,
                name: "Carl Weber".into()
            }
        );
        assert_eq!(again.items[0].same_name_as, None);
    }

    #[test]
    fn two_name_only_cards_in_one_file_stay_two_people() {
        let twice = [card("Carl Weber", &[], &[]), card("Carl Weber", &[], &[])];
        let plan = plan_of(&twice, &[], &[]);
        assert_eq!(
            plan.new_count(),
            2,
            "nothing but a name in common: not forced together"
        );
    }

    #[test]
    fn two_cards_for_one_person_in_a_file_become_one_contact() {
        let plan = plan_of(
            &[
                card("Amy Lee", &["555-0101"], &[]),
                card("Amy Lee (work)", &["555-0101"], &["amy@work.example"]),
            ],
            &[],
            &[],
        );
        assert_eq!(plan.new_count(), 1);
        assert_eq!(plan.items[1].outcome, Outcome::MergeIntoEarlier { item: 0 });
        assert_eq!(plan.items[0].incoming.emails, ["amy@work.example"]);
    }

    #[test]
    fn what_cannot_be_read_is_kept_in_the_notes_or_reported() {
        let odd = card("Bob", &["call the shop"], &["bob at example"]);
        let incoming = validate(&odd, crate::domain::phone::Region::US.into()).expect("kept");
        assert!(incoming.phones.is_empty() && incoming.emails.is_empty());
        assert!(
            incoming.notes.contains("phone call the shop"),
            "{}",
            incoming.notes
        );
        assert!(incoming.notes.contains("email bob at example"));
        assert_eq!(incoming.warnings.len(), 1);
        let nameless = card("   ", &["555-0101"], &[]);
        let problem =
            validate(&nameless, crate::domain::phone::Region::US.into()).expect_err("no name");
        assert_eq!(problem.place, "card    ");
        assert!(problem.what.contains("name"), "{}", problem.what);
    }

    #[test]
    fn an_imported_name_is_cleaned_like_a_typed_one_and_the_card_says_so() {
        let fake = card("Jane \u{202E}Doe\u{200B}", &[], &[]);
        let incoming = validate(&fake, crate::domain::phone::Region::US.into()).expect("kept");
        assert_eq!(incoming.name, "Jane Doe");
        assert_eq!(
            incoming.warnings,
            ["Removed 2 invisible characters from the name."]
        );
    }
}
