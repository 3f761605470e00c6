//! Search over name, phone, email, notes and tags with FTS5.

use crate::support::{draft, fixture, full_draft, listed_names};
use tend::api::Tend;
use tend::domain::contact::ContactQuery;

fn search(tend: &Tend, query: &str) -> Vec<String> {
    listed_names(tend, query, false)
}

fn seeded() -> crate::support::Fixture {
    let f = fixture();
    for d in [
        full_draft(
            "Jane Doe",
            "(415) 555-0142",
            "jane@example.com",
            "wants the lavender set",
            &["oils"],
        ),
        full_draft("Janet Smith", "", "janet@candles.shop", "", &["candles"]),
        full_draft("Bob Jansen", "+44 20 7946 0958", "", "", &[]),
        full_draft("Zoë Müller", "", "", "met at Sara's party", &["party"]),
        full_draft("Carl", "", "", "ask Jane about her sister", &[]),
    ] {
        f.tend.create_contact(&d).expect("seeded");
    }
    f
}

#[test]
fn a_prefix_finds_names() {
    let f = seeded();
    let found = search(&f.tend, "jan");
    assert!(found.contains(&"Jane Doe".to_string()));
    assert!(found.contains(&"Janet Smith".to_string()));
    assert!(found.contains(&"Bob Jansen".to_string()));
}

#[test]
fn one_letter_lists_names_starting_with_it() {
    let f = seeded();
    assert_eq!(search(&f.tend, "j"), vec!["Jane Doe", "Janet Smith"]);
    assert_eq!(search(&f.tend, "Z"), vec!["Zoë Müller"]);
    assert!(
        search(&f.tend, "%").len() == 5,
        "a lone wildcard is not a filter"
    );
}

#[test]
fn every_field_is_searchable() {
    let f = seeded();
    assert_eq!(search(&f.tend, "lavender"), vec!["Jane Doe"], "notes");
    assert_eq!(
        search(&f.tend, "candles"),
        vec!["Janet Smith"],
        "tags and email"
    );
    assert_eq!(search(&f.tend, "0142"), vec!["Jane Doe"], "phone as typed");
    assert_eq!(search(&f.tend, "5550142"), vec!["Jane Doe"], "phone digits");
    assert_eq!(
        search(&f.tend, "+44 20"),
        vec!["Bob Jansen"],
        "international phone"
    );
    assert_eq!(search(&f.tend, "janet@cand"), vec!["Janet Smith"], "email");
    assert_eq!(
        search(&f.tend, "muller"),
        vec!["Zoë Müller"],
        "accents are folded"
    );
    assert_eq!(
        search(&f.tend, "sara party"),
        vec!["Zoë Müller"],
        "every word must match"
    );
}

#[test]
fn name_matches_rank_above_note_matches() {
    let f = seeded();
    let found = search(&f.tend, "jane");
    assert_eq!(found.first().map(String::as_str), Some("Jane Doe"));
    assert_eq!(
        found.last().map(String::as_str),
        Some("Carl"),
        "a note mention ranks last"
    );
}

#[test]
fn search_input_that_looks_like_fts_syntax_is_plain_text() {
    let f = seeded();
    for typed in ["\"", "jane OR", "name:", "*", "(", "NEAR(", "^jane", "-"] {
        // Never an error, whatever is typed.
        f.tend
            .list_contacts(&ContactQuery {
                query: typed.into(),
                ..ContactQuery::default()
            })
            .unwrap_or_else(|err| panic!("{typed:?} failed: {err}"));
    }
}

#[test]
fn edits_are_searchable_at_once() {
    let f = seeded();
    let carl = f.tend.create_contact(&draft("Carlos")).expect("created");
    f.tend
        .update_contact(
            carl.id,
            &full_draft("Carlos Ruiz", "", "", "loves peppermint", &[]),
        )
        .expect("edited");
    assert_eq!(search(&f.tend, "pepper"), vec!["Carlos Ruiz"]);
    assert_eq!(search(&f.tend, "ruiz"), vec!["Carlos Ruiz"]);
}

#[test]
fn pages_cover_every_match_once_in_order() {
    let f = fixture();
    for i in 0..120 {
        f.tend
            .create_contact(&draft(&format!("Person {i:03}")))
            .expect("created");
    }
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let page = f
            .tend
            .list_contacts(&ContactQuery {
                offset,
                limit: 50,
                ..ContactQuery::default()
            })
            .expect("page");
        assert_eq!(page.total, 120);
        if page.items.is_empty() {
            break;
        }
        offset += page.items.len() as u32;
        seen.extend(page.items.into_iter().map(|c| c.name));
    }
    let expected: Vec<String> = (0..120).map(|i| format!("Person {i:03}")).collect();
    assert_eq!(seen, expected);
}

#[test]
fn any_run_of_three_or_more_digits_finds_the_number() {
    let f = seeded();
    let kept = tend::domain::contact::ContactDraft {
        keep_phone_as_typed: true,
        ..full_draft("Tom Reyes", "555-0177", "", "", &[])
    };
    f.tend.create_contact(&kept).expect("kept as typed");
    for (typed, who) in [
        ("142", "Jane Doe"),   // the end of 555-0142
        ("50142", "Jane Doe"), // across the dash
        ("4155550142", "Jane Doe"),
        ("+1 415", "Jane Doe"),
        ("7946", "Bob Jansen"),
        ("460958", "Bob Jansen"), // across the space
        ("177", "Tom Reyes"),     // kept as typed: found by its digits too
    ] {
        assert_eq!(search(&f.tend, typed), vec![who.to_string()], "{typed}");
    }
    assert!(
        search(&f.tend, "143").is_empty(),
        "a run she never typed finds no one"
    );
}

#[test]
fn where_they_met_is_searchable_and_shown() {
    let f = seeded();
    let batch = tend::quickadd::Batch {
        met_where: "Sara's party".into(),
        ..Default::default()
    };
    for line in ["Ann Lee call Thu", "Mia Chen"] {
        f.tend.quick_add(line, &batch, None).expect("added");
    }
    f.tend
        .quick_add("Olga Berg", &tend::quickadd::Batch::default(), None)
        .expect("added");
    let mut guests = search(&f.tend, "Sara's party");
    guests.sort();
    assert_eq!(
        guests,
        vec![
            "Ann Lee".to_string(),
            "Mia Chen".into(),
            "Zoë Müller".into()
        ],
        "her guests, and the contact whose notes say so"
    );
    let ann = f
        .tend
        .list_contacts(&ContactQuery {
            query: "Ann Lee".into(),
            ..Default::default()
        })
        .expect("found")
        .items[0]
        .id;
    let ann = f.tend.contact(ann).expect("contact");
    assert_eq!(ann.met_where.as_deref(), Some("Sara's party"));
    assert!(ann.met_on.is_some());
}
