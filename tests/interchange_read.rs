use std::path::Path;
use tend::interchange::read;

fn fixture_dir(sub: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

#[test]
fn dump() {
    for dir in ["csv", "encoding", "vcard/tend"] {
        let mut files: Vec<_> = std::fs::read_dir(fixture_dir(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap() != "SOURCE")
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            match read(std::fs::File::open(&f).unwrap(), &name) {
                Ok(r) => {
                    println!(
                        "=== {dir}/{name}: {} contacts, {} problems, {}",
                        r.contacts.len(),
                        r.problems.len(),
                        r.encoding
                    );
                    for c in &r.contacts {
                        println!("  {:?} ph={:?} em={:?} bd={:?} org={:?} tags={:?} uid={:?} warn={:?}\n     note={:?}", c.name, c.phones, c.emails, c.birthday.map(|b| b.to_text()), c.org, c.tags, c.uid, c.warnings, c.note.chars().take(150).collect::<String>());
                    }
                    for p in &r.problems {
                        println!("  PROBLEM {}: {}", p.place, p.what);
                    }
                }
                Err(e) => println!("=== {dir}/{name}: ERROR {e}"),
            }
        }
    }
}
