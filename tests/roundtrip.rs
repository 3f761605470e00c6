//! Round trips: what Tend exports as vCard or CSV, imported into an empty book,
//! is the same people; and a `tend import` killed halfway leaves the book as it was.

use crate::support::{fixture, Fixture};
use std::collections::BTreeSet;
use tend::api::{ExportFormat, ImportChoices};
use tend::domain::contact::{ContactDraft, ContactQuery};

/// What a person would check: name, phones, emails, birthday, organisation, tags, notes.
fn people(f: &Fixture) -> BTreeSet<String> {
    let page = f
        .tend
        .list_contacts(&ContactQuery {
            limit: 500,
            include_archived: true,
            ..ContactQuery::default()
        })
        .expect("list");
    page.items
        .iter()
        .map(|item| {
            let c = f.tend.contact(item.id).expect("contact");
            let mut methods: Vec<String> = Vec::new();
            let all = f
                .tend
                .store()
                .read(|conn| {
                    let mut rows = conn.prepare(
                        "SELECT kind, normalized FROM contact_methods WHERE contact_id = ?1 ORDER BY kind, normalized",
                    )?;
                    let found = rows
                        .query_map([c.id], |row| Ok(format!("{}={}", row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    Ok(found)
                })
                .expect("methods");
            methods.extend(all);
            format!(
                "{} | {} | birthday {:?} | org {:?} | tags {:?} | notes {:?}",
                c.name,
                methods.join(" "),
                c.birthday,
                c.org,
                c.tags,
                c.notes
            )
        })
        .collect()
}

fn seeded() -> Fixture {
    let f = fixture();
    let people = [
        (
            "Renée Faure",
            "+33 6 12 34 56 78",
            "renee@example.fr",
            "Loves the lavender set.\nCall after 5.",
            vec!["vip", "oils"],
        ),
        ("陈伟", "+86 138 0013 8000", "", "", vec![]),
        (
            "Jane O'Brien",
            "(415) 555-0142",
            "jane@example.com",
            "Hosts in spring; semicolons; commas, \"quotes\"",
            vec!["host"],
        ),
        ("Bob", "", "bob@example.com", "", vec![]),
    ];
    for (name, phone, email, notes, tags) in people {
        f.tend
            .create_contact(&ContactDraft {
                name: name.into(),
                phone: phone.into(),
                email: email.into(),
                notes: notes.into(),
                tags: tags.into_iter().map(String::from).collect(),
                ..ContactDraft::default()
            })
            .expect("seeded");
    }
    // Fields the import brings but no form sets yet.
    f.tend
        .store()
        .write(|tx| {
            tx.execute_batch(
                "UPDATE contacts SET birthday = '--04-15', org = 'Lavande & Co' WHERE name = 'Renée Faure';
                 UPDATE contacts SET birthday = '1984-02-29' WHERE name = 'Bob';",
            )?;
            Ok(())
        })
        .expect("birthdays");
    f
}

#[test]
fn exported_vcard_and_csv_import_into_an_empty_book_as_the_same_people() {
    let source = seeded();
    let expected = people(&source);
    for (format, extension) in [(ExportFormat::Vcard, "vcf"), (ExportFormat::Csv, "csv")] {
        let path = source.dir.path().join(format!("export.{extension}"));
        source.tend.export_to(&path, format).expect("exported");
        let empty = fixture();
        let summary = empty
            .tend
            .import_file(&path, None, &ImportChoices::default(), &mut |_, _| true)
            .expect("imported");
        assert_eq!((summary.new, summary.problems), (4, 0), "{extension}");
        assert_eq!(people(&empty), expected, "{extension}: the same people");
        let again = empty
            .tend
            .import_file(&path, None, &ImportChoices::default(), &mut |_, _| true)
            .expect("again");
        assert_eq!(
            (again.new, again.merged),
            (0, 0),
            "{extension}: nothing new the second time"
        );
    }
}

#[test]
fn a_tend_import_killed_halfway_leaves_the_book_as_it_was() {
    let source = seeded();
    let big = source.dir.path().join("big.vcf");
    let mut cards = String::new();
    for i in 0..20_000 {
        cards.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Guest {i}\r\nTEL:+1 415 555 {:04}\r\nNOTE:{}\r\nEND:VCARD\r\n",
            i % 10_000,
            "met at the party ".repeat(8)
        ));
    }
    std::fs::write(&big, cards).expect("a big file");
    let book = tempfile::tempdir().expect("book");
    let seed = std::process::Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(["add", "--no-cadence", "Jane Doe 555-0142"])
        .env("TEND_DATA_DIR", book.path())
        .output()
        .expect("seeded");
    assert!(seed.status.success());
    let count = || -> i64 {
        let conn = rusqlite::Connection::open(book.path().join("tend.sqlite3")).expect("open");
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(ok, "ok");
        conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(count(), 1);
    let mut killed_midway = 0;
    for delay_ms in [300u64, 700, 1500] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tend"))
            .args(["import", big.to_str().expect("path")])
            .env("TEND_DATA_DIR", book.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("import starts");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let finished = child.try_wait().expect("status").is_some();
        child.kill().ok(); // SIGKILL
        child.wait().expect("gone");
        if !finished {
            killed_midway += 1;
            assert_eq!(
                count(),
                1,
                "killed after {delay_ms} ms: nothing of the import is in the book"
            );
        }
    }
    assert!(
        killed_midway > 0,
        "at least one import was killed before it finished"
    );
}
