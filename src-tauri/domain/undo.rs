//! Undoing one quick-added line. It takes back only what that line created.
//! When the line created a contact and she has changed since (another line's
//! follow-up, a touch, a decision, an edit), removing her would take those too,
//! so Undo asks first and says what would go.

use serde::Deserialize;

/// What one saved line created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineWork {
    pub created_contact: bool,
    pub followup_ids: Vec<i64>,
    pub touch_id: Option<i64>,
    /// The created contact's `updated_at` as the line left it.
    pub contact_updated_at: Option<String>,
}

/// What the contact holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactNow {
    /// Every follow-up (id, promise), whatever its state.
    pub followups: Vec<(i64, String)>,
    pub touches: usize,
    pub decisions: usize,
    pub updated_at: String,
}

/// Her answer once she has been told what else would go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UndoChoice {
    /// Remove the contact with everything she has now.
    RemoveContact,
    /// Keep the contact; remove only the follow-ups this line planned.
    KeepContact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoPlan {
    DeleteContact,
    Remove {
        followup_ids: Vec<i64>,
        touch_id: Option<i64>,
    },
    /// Nothing is removed until she chooses; `since` says, item by item, what
    /// removing her would also take.
    Ask {
        since: Vec<String>,
    },
}

/// What Undo does for this line, given the contact now and her choice, if any.
pub fn plan(line: &LineWork, now: &ContactNow, choice: Option<UndoChoice>) -> UndoPlan {
    let only_the_line = UndoPlan::Remove {
        followup_ids: line.followup_ids.clone(),
        touch_id: line.touch_id,
    };
    if !line.created_contact {
        return only_the_line;
    }
    let since = changed_since(line, now);
    match (since.is_empty(), choice) {
        (true, _) | (false, Some(UndoChoice::RemoveContact)) => UndoPlan::DeleteContact,
        (false, Some(UndoChoice::KeepContact)) => only_the_line,
        (false, None) => UndoPlan::Ask { since },
    }
}

const PROMISES_NAMED: usize = 3;
const PROMISE_SHOWN_CHARS: usize = 60;

fn changed_since(line: &LineWork, now: &ContactNow) -> Vec<String> {
    let mut since = Vec::new();
    let later: Vec<&str> = now
        .followups
        .iter()
        .filter(|(id, _)| !line.followup_ids.contains(id))
        .map(|(_, promise)| promise.as_str())
        .collect();
    if !later.is_empty() {
        let mut named: Vec<String> = later
            .iter()
            .take(PROMISES_NAMED)
            .map(|promise| format!("“{}”", shortened(promise)))
            .collect();
        if later.len() > PROMISES_NAMED {
            named.push(format!("{} more", later.len() - PROMISES_NAMED));
        }
        since.push(format!(
            "{} added later: {}",
            counted(later.len(), "follow-up", "follow-ups"),
            named.join(", ")
        ));
    }
    if now.touches > 0 {
        since.push(format!(
            "{} logged",
            counted(now.touches, "touch", "touches")
        ));
    }
    if now.decisions > 0 {
        since.push(format!(
            "{} recorded",
            counted(now.decisions, "decision", "decisions")
        ));
    }
    if line
        .contact_updated_at
        .as_deref()
        .is_some_and(|then| then != now.updated_at)
    {
        since.push("changes to her details".to_owned());
    }
    since
}

fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        _ => format!("{n} {many}"),
    }
}

/// A promise as a list item shows it: never the whole of a long text.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(PROMISE_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn created(followups: &[i64]) -> LineWork {
        LineWork {
            created_contact: true,
            followup_ids: followups.to_vec(),
            touch_id: None,
            contact_updated_at: Some("2026-11-20T18:00:00Z".into()),
        }
    }

    fn holding(followups: &[(i64, &str)]) -> ContactNow {
        ContactNow {
            followups: followups
                .iter()
                .map(|(id, p)| (*id, p.to_string()))
                .collect(),
            touches: 0,
            decisions: 0,
            updated_at: "2026-11-20T18:00:00Z".into(),
        }
    }

    #[test]
    fn an_untouched_new_contact_is_removed_whole() {
        let plan = plan(&created(&[1, 2]), &holding(&[(1, "a"), (2, "b")]), None);
        assert_eq!(plan, UndoPlan::DeleteContact);
    }

    #[test]
    fn another_lines_follow_up_makes_undo_ask_and_names_it() {
        let now = holding(&[(1, "call Thu"), (7, "bring the catalogue")]);
        let UndoPlan::Ask { since } = plan(&created(&[1]), &now, None) else {
            panic!("expected a question");
        };
        assert_eq!(since, ["1 follow-up added later: “bring the catalogue”"]);
    }

    #[test]
    fn touches_decisions_and_edits_are_each_said() {
        let mut now = holding(&[(1, "call Thu")]);
        now.touches = 2;
        now.decisions = 1;
        now.updated_at = "2026-11-21T09:00:00Z".into();
        let UndoPlan::Ask { since } = plan(&created(&[1]), &now, None) else {
            panic!("expected a question");
        };
        assert_eq!(
            since,
            [
                "2 touches logged",
                "1 decision recorded",
                "changes to her details"
            ]
        );
    }

    #[test]
    fn her_choice_decides_once_she_has_been_told() {
        let line = created(&[1]);
        let now = holding(&[(1, "call Thu"), (7, "later")]);
        assert_eq!(
            plan(&line, &now, Some(UndoChoice::RemoveContact)),
            UndoPlan::DeleteContact
        );
        assert_eq!(
            plan(&line, &now, Some(UndoChoice::KeepContact)),
            UndoPlan::Remove {
                followup_ids: vec![1],
                touch_id: None
            }
        );
    }

    #[test]
    fn a_line_on_an_existing_contact_removes_only_its_own_work() {
        let line = LineWork {
            created_contact: false,
            followup_ids: vec![9],
            touch_id: Some(4),
            contact_updated_at: None,
        };
        let mut now = holding(&[(3, "older promise"), (9, "this line")]);
        now.touches = 5;
        assert_eq!(
            plan(&line, &now, None),
            UndoPlan::Remove {
                followup_ids: vec![9],
                touch_id: Some(4)
            }
        );
    }

    #[test]
    fn many_later_promises_are_counted_and_long_ones_cut() {
        let long = "x".repeat(5000);
        let now = holding(&[
            (1, "mine"),
            (2, &long),
            (3, "b"),
            (4, "c"),
            (5, "d"),
            (6, "e"),
        ]);
        let UndoPlan::Ask { since } = plan(&created(&[1]), &now, None) else {
            panic!("expected a question");
        };
        assert!(since[0].starts_with("5 follow-ups added later: “xxx"));
        assert!(since[0].ends_with("“b”, “c”, 2 more"), "{}", since[0]);
        assert!(since[0].chars().count() < 150, "{}", since[0]);
    }
}
