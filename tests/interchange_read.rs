//! Files → contact records (`tend::interchange::read`): every vCard fixture from
//! calcard and ez-vcard, the CSV layouts Tend knows, the encodings real files come
//! in, and files that are not contacts files at all. Fixtures are read from
//! tests/fixtures/ (see its README for where each came from).

use proptest::prelude::*;
use std::io::Read;
use std::path::PathBuf;
use tend::interchange::{
    header_key, read, read_csv_mapped, suggest_mapping, Birthday, ColumnMapping, Field, Format,
    ImportedContact, ReadFile,
};

fn fixture_path(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn read_fixture(path: &str) -> ReadFile {
    let bytes = std::fs::read(fixture_path(path)).expect(path);
    read(bytes.as_slice(), path).expect(path)
}

fn refusal(bytes: &[u8], file_name: &str) -> String {
    let error = read(bytes, file_name).expect_err("refused");
    assert_eq!(error.field(), Some("file"));
    error.to_string()
}

/// The contact of a file named `name`.
fn named<'a>(read: &'a ReadFile, name: &str) -> &'a ImportedContact {
    read.contacts
        .iter()
        .find(|contact| contact.name == name)
        .unwrap_or_else(|| panic!("{name} in {:?}", read.contacts))
}

fn birthday(text: &str) -> Option<Birthday> {
    Birthday::from_text(text)
}

// ---------------------------------------------------------------------------
// vCard

/// Per ez-vcard file, each contact's name, phones, emails and birthday, in order.
type Expected = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

#[test]
fn every_ez_vcard_export_reads_to_its_names_phones_emails_and_birthdays() {
    let files: &[(&str, &[Expected])] = &[
        (
            "John_Doe_ANDROID.vcf",
            &[
                ("john.doe@company.com", &[], &["john.doe@company.com"], ""),
                ("jane.doe@company.com", &[], &["jane.doe@company.com"], ""),
                ("Ñ Ñ Ñ Ñ Ñ", &["123456789"], &[], ""),
                (
                    "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ",
                    &["123456", "234567", "3456789", "45678901"],
                    &[],
                    "",
                ),
                (
                    "Ñ Ñ Ñ Ñ",
                    &["123456"],
                    &["bob@company.com", "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ"],
                    "",
                ),
                ("ÑÑÑÑ", &["55556666"], &["henry@company.com"], ""),
            ],
        ),
        (
            "John_Doe_BLACK_BERRY.vcf",
            &[("John Doe", &["+96123456789"], &[], "")],
        ),
        (
            "John_Doe_EVOLUTION.vcf",
            &[(
                "Mr. John Richter, James Doe Sr.",
                &["905-666-1234", "905-555-1234"],
                &["john.doe@ibm.com"],
                "1980-03-22",
            )],
        ),
        (
            "John_Doe_GMAIL.vcf",
            &[(
                "Mr. John Richter, James Doe Sr.",
                &["905-555-1234", "905-666-1234"],
                &["john.doe@ibm.com"],
                "1980-03-22",
            )],
        ),
        (
            "John_Doe_IPHONE.vcf",
            &[(
                "Mr. John Richter James Doe Sr.",
                &[
                    "905-555-1234",
                    "905-666-1234",
                    "905-777-1234",
                    "905-888-1234",
                    "905-999-1234",
                    "905-111-1234",
                    "905-222-1234",
                ],
                &["john.doe@ibm.com"],
                "2012-06-06",
            )],
        ),
        (
            "John_Doe_LOTUS_NOTES.vcf",
            &[(
                "Mr. Doe John I Johny",
                &["+1 (212) 204-34456", "00-1-212-555-7777"],
                &["john.doe@ibm.com", "billy_bob@gmail.com"],
                "1980-05-21",
            )],
        ),
        (
            "John_Doe_MAC_ADDRESS_BOOK.vcf",
            &[(
                "Mr. John Richter,James Doe Sr.",
                &[
                    "905-777-1234",
                    "905-666-1234",
                    "905-555-1234",
                    "905-888-1234",
                    "905-999-1234",
                    "905-111-1234",
                    "905-222-1234",
                ],
                &["john.doe@ibm.com"],
                "2012-06-06",
            )],
        ),
        (
            "John_Doe_MS_OUTLOOK.vcf",
            &[(
                "Mr. John Richter James Doe Sr.",
                &["(905) 555-1234", "(905) 666-1234"],
                &["john.doe@ibm.cm"],
                "1980-03-22",
            )],
        ),
        (
            "fullcontact.vcf",
            &[(
                "Prefix FirstName MiddleName LastName Suffix",
                &[
                    "555-555-1111",
                    "555-555-1112",
                    "555-555-1113",
                    "555-555-1114",
                    "555-555-1115",
                    "555-555-1116",
                    "555-555-1117",
                    "555-555-1118",
                    "555-555-1119",
                ],
                &[
                    "home@example.com",
                    "work@example.com",
                    "school@example.com",
                    "other@example.com",
                    "custom@example.com",
                ],
                "2016-08-01",
            )],
        ),
        (
            "gmail-list.vcf",
            &[
                ("Arnold Smith", &[], &["asmithk@gmail.com"], ""),
                ("Chris Beatle", &[], &["chrisy55d@yahoo.com"], ""),
                ("Doug White", &[], &["dwhite@gmail.com"], ""),
            ],
        ),
        (
            "gmail-single.vcf",
            &[(
                "Greg Dartmouth",
                &["555 555 1111", "555 555 2222"],
                &["gdartmouth@hotmail.com"],
                "1960-09-10",
            )],
        ),
        (
            "gmail-single2.vcf",
            &[(
                "VCard Test",
                &[
                    "5555551111",
                    "5555551112",
                    "5555551113",
                    "5555551114",
                    "5555551115",
                    "5555551116",
                    "5555551117",
                    "5555551118",
                    "5555551119",
                    "5555551120",
                    "5555551121",
                ],
                &[
                    "email@example.com",
                    "homeemail@example.com",
                    "workemail@example.com",
                    "otheremail@example.com",
                    "customcategory@example.com",
                ],
                "1912-06-23",
            )],
        ),
        (
            "issue114.vcf",
            &[(
                "Dummy, Dummy",
                &["+49 1234 56789", "+49 9876 54321"],
                &["dummy.dummy@dummy.com"],
                "",
            )],
        ),
        (
            "outlook-2003.vcf",
            &[(
                "John Doe III",
                &[
                    "BusinessPhone",
                    "HomePhone",
                    "MobilePhone",
                    "BusinessFaxPhone",
                ],
                &["jdoe@hotmail.com"],
                "1980-03-21",
            )],
        ),
        (
            "outlook-2007.vcf",
            &[(
                "Mr. Michael Angstadt Jr.",
                &[
                    "(111) 555-1111",
                    "(111) 555-2222",
                    "(111) 555-4444",
                    "(111) 555-3333",
                ],
                &["mike.angstadt@gmail.com"],
                "1922-03-10",
            )],
        ),
        (
            "rfc2426-example.vcf",
            &[
                (
                    "Frank Dawson",
                    &["+1-919-676-9515", "+1-919-676-9564"],
                    &["Frank_Dawson@Lotus.com", "fdawson@earthlink.net"],
                    "",
                ),
                (
                    "Tim Howes",
                    &["+1-415-937-3419", "+1-415-528-4164"],
                    &["howes@netscape.com"],
                    "",
                ),
            ],
        ),
        (
            "rfc6350-example.vcf",
            &[(
                "Simon Perreault",
                &["+1-418-656-9254;ext=102", "+1-418-262-6501"],
                &["simon.perreault@viagenie.ca"],
                "--02-03",
            )],
        ),
        (
            "thunderbird-MoreFunctionsForAddressBook-extension.vcf",
            &[(
                "John Doe",
                &[
                    "555-555-1111",
                    "555-555-2222",
                    "555-555-5555",
                    "555-555-3333",
                    "555-555-4444",
                ],
                &[
                    "doe.john@hotmail.com",
                    "additional-email@company.com",
                    "additional-email1@company.com",
                    "additional-email2@company.com",
                    "additional-email3@company.com",
                ],
                "1970-09-21",
            )],
        ),
    ];
    for (file, expected) in files {
        let read = read_fixture(&format!("vcard/ez-vcard/{file}"));
        assert_eq!(read.format, Format::Vcard, "{file}");
        assert!(read.problems.is_empty(), "{file}: {:?}", read.problems);
        let got: Vec<(String, Vec<String>, Vec<String>, String)> = read
            .contacts
            .iter()
            .map(|c| {
                let birthday = c.birthday.map(Birthday::to_text).unwrap_or_default();
                (c.name.clone(), c.phones.clone(), c.emails.clone(), birthday)
            })
            .collect();
        let want: Vec<(String, Vec<String>, Vec<String>, String)> = expected
            .iter()
            .map(|(name, phones, emails, birthday)| {
                let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
                (
                    name.to_string(),
                    strings(phones),
                    strings(emails),
                    birthday.to_string(),
                )
            })
            .collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn ez_vcard_exports_keep_what_maps_and_drop_photos() {
    let iphone = read_fixture("vcard/ez-vcard/John_Doe_IPHONE.vcf");
    let john = &iphone.contacts[0];
    assert_eq!(john.org.as_deref(), Some("IBM"));
    assert!(
        john.note.contains("Home page: http://www.ibm.com"),
        "{}",
        john.note
    );
    assert!(john.note.contains("Title: Money Counter"), "{}", john.note);
    assert!(
        !john.note.contains("/9j/"),
        "the photo is not kept: {}",
        john.note
    );
    assert!(john.warnings.is_empty(), "{:?}", john.warnings);

    let gmail = read_fixture("vcard/ez-vcard/John_Doe_GMAIL.vcf");
    let note = &gmail.contacts[0].note;
    assert!(note.starts_with("THIS SOFTWARE IS PROVIDED"), "{note}");
    assert!(
        note.ends_with(
            "SUCH DAMAGE.\nFavotire Color: Blue\n\nAddress: Crescent moon drive, 555-asd, Nice \
             Area, Albaney, New York 12345, United States of America\nTitle: Money Counter\n\
             Website: http://www.ibm.com\nAnniversary: 1975-03-01\nSpouse: Jenny"
        ),
        "notes, then the details; labelled X-AB lines are named by their label: {note}"
    );
    let evolution = read_fixture("vcard/ez-vcard/John_Doe_EVOLUTION.vcf");
    let john = &evolution.contacts[0];
    assert_eq!(
        john.uid.as_deref(),
        Some("477343c8e6bf375a9bac1f96a5000837")
    );
    assert_eq!(john.tags, ["VIP"]);

    let thunderbird =
        read_fixture("vcard/ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf");
    assert_eq!(
        thunderbird.contacts[0].tags,
        ["category1", "category2", "category3"]
    );

    // Quoted-printable UTF-8 with soft line breaks (Android).
    let android = read_fixture("vcard/ez-vcard/John_Doe_ANDROID.vcf");
    assert_eq!(android.contacts[2].name, "Ñ Ñ Ñ Ñ Ñ");
    // A value whose UTF-8 is broken is left out, with a warning, never guessed.
    let henry = &android.contacts[5];
    assert_eq!(
        henry.note.matches("Organisation:").count(),
        1,
        "{}",
        henry.note
    );
    assert_eq!(
        henry.warnings,
        ["Some of this card's text is UTF-8 with bytes broken; that value was left out."]
    );
}

#[test]
fn every_calcard_input_reads_and_each_card_is_a_contact_or_says_why_not() {
    // (file, contacts, problems): a regression changes a count.
    let expected: &[(&str, usize, usize)] = &[
        ("001.vcf", 1, 0),
        ("002.vcf", 1, 0),
        ("003.vcf", 1, 0),
        ("004.vcf", 3, 0),
        ("005.vcf", 5, 0),
        ("006.vcf", 1, 0),
        ("007.vcf", 1, 0),
        ("008.vcf", 1, 0),
        ("009.vcf", 10, 0),
        ("010.vcf", 1, 0),
        ("011.vcf", 1, 0),
        ("012.vcf", 1, 0),
        ("013.vcf", 1, 0),
        ("014.vcf", 1, 0),
        ("015.vcf", 1, 0),
        ("016.vcf", 1, 0),
        ("017.vcf", 1, 0),
        ("018.vcf", 1, 0),
        ("019.vcf", 1, 0),
        ("020.vcf", 1, 0),
        ("021.vcf", 1, 0),
        ("022.vcf", 1, 0),
        ("023.vcf", 1, 0),
        ("024.vcf", 1, 0),
        ("025.vcf", 1, 0),
        ("026.vcf", 1, 0),
        ("027.vcf", 1, 0),
        ("028.vcf", 0, 1),
        ("029.vcf", 6, 0),
        ("030.vcf", 1, 0),
        ("031.vcf", 1, 0),
        ("032.vcf", 1, 0),
        ("033.vcf", 1, 0),
        ("034.vcf", 1, 0),
        ("035.vcf", 1, 0),
        ("036.vcf", 1, 0),
        ("037.vcf", 1, 0),
        ("038.vcf", 3, 0),
        ("039.vcf", 1, 0),
        ("040.vcf", 1, 0),
        ("041.vcf", 1, 0),
        ("042.vcf", 1, 0),
        ("043.vcf", 2, 0),
        ("044.vcf", 1, 0),
        ("045.vcf", 1, 0),
        ("046.vcf", 1, 0),
        ("047.vcf", 1, 0),
        ("048.vcf", 1, 0),
        ("049.vcf", 1, 0),
        ("050.vcf", 0, 1),
        ("051.vcf", 1, 0),
        ("052.vcf", 0, 1),
        ("053.vcf", 0, 1),
        ("054.vcf", 1, 0),
        ("055.vcf", 0, 1),
        ("056.vcf", 0, 1),
        ("057.vcf", 1, 0),
        ("058.vcf", 1, 0),
        ("059.vcf", 1, 0),
        ("060.vcf", 1, 0),
        ("061.vcf", 1, 0),
        ("062.vcf", 1, 0),
        ("063.vcf", 0, 3),
        ("064.vcf", 1, 0),
        ("065.vcf", 1, 0),
        ("066.vcf", 1, 0),
        ("067.vcf", 1, 0),
        ("068.vcf", 0, 1),
        ("069.vcf", 0, 1),
        ("070.vcf", 1, 0),
        ("071.vcf", 1, 0),
        ("072.vcf", 1, 0),
        ("073.vcf", 0, 1),
        ("074.vcf", 1, 0),
        ("075.vcf", 0, 1),
        ("076.vcf", 1, 0),
        ("077.vcf", 1, 0),
        ("rfc.vcf", 9, 0),
    ];
    let mut files: Vec<String> = std::fs::read_dir(fixture_path("vcard/calcard"))
        .expect("the calcard fixtures")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".vcf"))
        .collect();
    files.sort();
    let listed: Vec<&str> = expected.iter().map(|(file, _, _)| *file).collect();
    assert_eq!(files, listed, "every calcard file is in the table");
    for (file, contacts, problems) in expected {
        let read = read_fixture(&format!("vcard/calcard/{file}"));
        assert_eq!(
            (read.contacts.len(), read.problems.len()),
            (*contacts, *problems),
            "{file}: {:?}",
            read.problems
        );
        for problem in &read.problems {
            assert!(problem.place.starts_with("card "), "{file}: {problem:?}");
            assert!(
                problem.what.ends_with('.') && problem.what.len() > 30,
                "{file}: {problem:?}"
            );
        }
        for contact in &read.contacts {
            assert!(!contact.name.trim().is_empty(), "{file}: {contact:?}");
            assert!(
                !format!("{contact:?}").contains('\u{fffd}'),
                "{file}: {contact:?}"
            );
        }
    }
}

#[test]
fn cards_without_anything_to_import_and_cut_off_cards_say_so() {
    let empty = read_fixture("vcard/calcard/068.vcf");
    assert_eq!(empty.problems[0].place, "card 1 (line 1)");
    assert_eq!(
        empty.problems[0].what,
        "This card has no name, organisation, phone or email, so there is nothing to import."
    );
    let cut = read_fixture("vcard/tend/truncated.vcf");
    assert_eq!(cut.contacts.len(), 1);
    assert_eq!(cut.contacts[0].name, "Complete Card");
    assert_eq!(cut.problems.len(), 1);
    assert_eq!(cut.problems[0].place, "card 2 (line 6)");
    assert!(
        cut.problems[0].what.contains("looks cut off"),
        "{:?}",
        cut.problems
    );
}

#[test]
fn what_real_clients_write_reads_right() {
    // CR CR LF, no VERSION, a fold inside "é", --0415 and --04-16, ORG only,
    // a family name only, itemN labels, an inline photo, an unknown property.
    let read = read_fixture("vcard/tend/real-clients.vcf");
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let renee = named(&read, "Renée Faure");
    assert_eq!(renee.birthday, Some(Birthday::NoYear { month: 4, day: 15 }));
    assert_eq!(
        renee.uid.as_deref(),
        Some("urn:uuid:2f1c6a1e-0c4e-4b55-9d0e-1a2b3c4d5e6f")
    );
    assert_eq!(renee.place, "card 1 (line 1)");
    let org = named(&read, "Lavande & Co");
    assert_eq!(
        (org.org.as_deref(), org.phones.as_slice()),
        (Some("Lavande & Co"), &["+33-1-23-45-67-89".to_string()][..])
    );
    assert_eq!(org.note, "Department: Sales");
    let okafor = named(&read, "Okafor");
    assert_eq!(
        okafor.birthday,
        Some(Birthday::NoYear { month: 4, day: 16 })
    );
    assert_eq!(okafor.phones, ["+234 803 000 0000"]);
    assert_eq!(okafor.note, "Spouse: Chidi");
    assert!(okafor.warnings.is_empty());
}

/// A vCard file made on the fly: `cards` cards, each with a base64 photo of
/// `photo_bytes`, folded at 75 like real exports. Never held in memory whole.
struct GeneratedVcards {
    cards: usize,
    photo_bytes: usize,
    card: usize,
    pending: Vec<u8>,
}

impl GeneratedVcards {
    fn new(cards: usize, photo_bytes: usize) -> GeneratedVcards {
        GeneratedVcards {
            cards,
            photo_bytes,
            card: 0,
            pending: Vec::new(),
        }
    }
}

impl Read for GeneratedVcards {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() && self.card < self.cards {
            self.card += 1;
            let mut card = format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {}\r\nTEL:555-{:04}\r\nPHOTO;ENCODING=b;TYPE=JPEG:", self.card, self.card).into_bytes();
            for i in 0..self.photo_bytes {
                if i % 74 == 73 {
                    card.extend_from_slice(b"\r\n ");
                }
                card.push(
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[i % 64],
                );
            }
            card.extend_from_slice(b"\r\nEND:VCARD\r\n");
            self.pending = card;
        }
        let n = out.len().min(self.pending.len());
        out[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

#[test]
fn photos_stream_past_and_only_the_contacts_are_kept() {
    // 40 cards with 500 KB photos each: 20 MB of photo that is never collected.
    let read = read(GeneratedVcards::new(40, 500_000), "photos.vcf").expect("read");
    assert_eq!(read.contacts.len(), 40);
    assert!(read.problems.is_empty());
    let last = &read.contacts[39];
    assert_eq!(
        (last.name.as_str(), last.phones.as_slice()),
        ("Person 40", &["555-0040".to_string()][..])
    );
    assert!(last.note.is_empty() && last.warnings.is_empty(), "{last:?}");
    // A photo on one unfolded 8 MB line (a vCard 4.0 data: URI) is dropped too.
    let mut file =
        b"BEGIN:VCARD\nVERSION:4.0\nFN:Big Photo\nPHOTO:data:image/jpeg;base64,".to_vec();
    file.extend(std::iter::repeat_n(b'A', 8 << 20));
    file.extend_from_slice(b"\nEMAIL:big@example.com\nEND:VCARD\n");
    let read = read_one(&file, "big.vcf");
    assert_eq!(read.contacts[0].emails, ["big@example.com"]);
    assert!(read.contacts[0].warnings.is_empty());
}

fn read_one(bytes: &[u8], name: &str) -> ReadFile {
    read(bytes, name).expect(name)
}

// ---------------------------------------------------------------------------
// CSV

#[test]
fn google_contacts_current_layout() {
    let read = read_fixture("csv/google.csv");
    assert_eq!(
        (read.format, read.layout.as_deref()),
        (Format::Csv, Some("Google Contacts"))
    );
    assert_eq!(read.contacts.len(), 3);
    let renee = named(&read, "Renée Faure");
    assert_eq!(renee.place, "row 2");
    assert_eq!(renee.phones, ["+33 6 12 34 56 78", "+33 1 23 45 67 89"]);
    assert_eq!(
        renee.emails,
        ["renee@example.fr", "r.faure@lavande.example"]
    );
    assert_eq!(renee.birthday, birthday("1984-04-15"));
    assert_eq!(renee.org.as_deref(), Some("Lavande & Co"));
    assert_eq!(renee.tags, ["Kundin", "VIP"]);
    assert_eq!(renee.note, "Loves the lavender set.\nCall after 5.\n\nNickname: Nené\nJob title: Owner\nAddress: 12 Rue des Lilas, 75011 Paris");
    assert_eq!(
        named(&read, "José Álvarez").birthday,
        Some(Birthday::NoYear { month: 4, day: 16 })
    );
    let supplier = named(&read, "Acme Supplies");
    assert_eq!(
        (supplier.phones.as_slice(), supplier.tags.as_slice()),
        (
            &["+49 30 1234567".to_string()][..],
            &["Lieferant".to_string()][..]
        )
    );
}

#[test]
fn google_contacts_legacy_layout() {
    let read = read_fixture("csv/google-legacy.csv");
    assert_eq!(read.layout.as_deref(), Some("Google Contacts (legacy)"));
    let jane = named(&read, "Jane Doe");
    assert_eq!(jane.emails, ["jane@example.com", "jane.doe@work.example"]);
    assert_eq!(jane.phones, ["555-0142", "555-0100"]);
    assert_eq!(
        (jane.org.as_deref(), jane.tags.as_slice()),
        (Some("Doe Consulting"), &["Party guests".to_string()][..])
    );
    assert_eq!(jane.note, "Met at the spring party\n\nJob title: Partner");
    let bob = named(&read, "Bob Stone");
    assert_eq!(bob.birthday, Some(Birthday::NoYear { month: 12, day: 24 }));
    assert!(bob.tags.is_empty(), "My Contacts is no tag");
}

#[test]
fn outlook_desktop_with_its_bom_and_outlook_com() {
    let desktop = read_fixture("csv/outlook-desktop.csv");
    assert_eq!(
        (desktop.layout.as_deref(), desktop.encoding.as_str()),
        (Some("Outlook"), "UTF-8")
    );
    assert!(
        desktop.problems.is_empty(),
        "the blank 0/0/00 row is skipped: {:?}",
        desktop.problems
    );
    let anna = named(&desktop, "Anna Maria Schmidt");
    assert_eq!(anna.phones, ["+49 30 1234", "+49 170 1234567"]);
    assert_eq!(
        anna.emails,
        ["anna@schmidt.example", "anna.private@example.com"]
    );
    assert_eq!(anna.birthday, birthday("1984-04-15"));
    assert_eq!(anna.tags, ["Customers", "VIP"]);
    assert_eq!(anna.note, "Prefers email.\n\nDepartment: Sales\nJob title: Head of Sales\nBusiness fax: +49 30 999\nWebsite: www.schmidt.example");
    assert_eq!(
        named(&desktop, "Tom Baker").birthday,
        None,
        "0/0/00 is no birthday"
    );

    let web = read_fixture("csv/outlook-com.csv");
    assert_eq!(web.layout.as_deref(), Some("Outlook"));
    let liam = named(&web, "Liam O'Brien");
    assert_eq!(
        (liam.org.as_deref(), liam.phones.as_slice()),
        (
            Some("O'Brien Bakery"),
            &["+353 87 123 4567".to_string()][..]
        )
    );
    // 23/4/1990 shows the file writes the day first, so 4/5/1988 is 4 May.
    assert_eq!(named(&web, "Mia Chen").birthday, birthday("1988-05-04"));
    assert!(named(&web, "Mia Chen").warnings.is_empty());
}

#[test]
fn outlook_in_german_and_a_semicolon_file() {
    let read = read_fixture("csv/outlook-de.csv");
    assert_eq!(read.layout.as_deref(), Some("Outlook (Deutsch)"));
    let juergen = named(&read, "Jürgen Müller");
    assert_eq!(juergen.phones, ["+49 221 12345", "+49 171 2345678"]);
    assert_eq!(juergen.emails, ["juergen@mueller.example"]);
    assert_eq!(juergen.birthday, birthday("1971-03-05"));
    assert_eq!(
        (juergen.org.as_deref(), juergen.tags.as_slice()),
        (
            Some("Bäckerei Müller"),
            &["Kunden".to_string(), "Stammkunden".to_string()][..]
        )
    );
    assert_eq!(
        juergen.note,
        "Mag Weißwurst.\n\nAbteilung: Verkauf\nPosition: Inhaber"
    );

    let semicolon = read_fixture("csv/semicolon.csv");
    let heinz = named(&semicolon, "Heinz Kühn");
    assert_eq!(heinz.org.as_deref(), Some("Kühn, Söhne & Co"));
    assert_eq!(heinz.note, "Mag Tee; keinen Kaffee");
    assert_eq!(heinz.birthday, birthday("1960-12-24"));
}

#[test]
fn tab_delimited_thunderbird_and_linkedin() {
    let tab = read_fixture("csv/tab.tsv");
    let ava = named(&tab, "Ava Jones");
    assert_eq!(
        (ava.org.as_deref(), ava.note.as_str()),
        (Some("Jones, Smith & Partners"), "Likes \"the blue one\"")
    );

    let thunderbird = read_fixture("csv/thunderbird.csv");
    assert_eq!(thunderbird.layout.as_deref(), Some("Thunderbird"));
    let sven = named(&thunderbird, "Sven Larsson");
    assert_eq!(sven.emails, ["sven@example.se", "sven.l@work.example"]);
    assert_eq!(sven.phones, ["+46 8 123 456", "+46 70 123 45 67"]);
    assert_eq!(sven.birthday, birthday("1975-06-09"));
    assert_eq!(
        named(&thunderbird, "Ingrid Berg").birthday,
        Some(Birthday::NoYear { month: 3, day: 1 })
    );

    let linkedin = read_fixture("csv/linkedin-connections.csv");
    assert_eq!(linkedin.layout.as_deref(), Some("LinkedIn connections"));
    assert_eq!(linkedin.contacts.len(), 2);
    let priya = named(&linkedin, "Priya Sharma");
    assert_eq!(
        priya.place, "row 5",
        "the preamble is skipped, rows keep their line numbers"
    );
    assert_eq!(
        (priya.emails.as_slice(), priya.org.as_deref()),
        (
            &["priya@example.in".to_string()][..],
            Some("Sharma Wellness")
        )
    );
    assert_eq!(priya.note, "LinkedIn: https://www.linkedin.com/in/priyasharma\nPosition: Founder\nConnected on LinkedIn: 12 Mar 2023");
    assert!(named(&linkedin, "Lars Eriksen").emails.is_empty());
}

#[test]
fn an_unknown_layout_asks_for_a_mapping_then_reads_with_it() {
    let path = fixture_path("csv/unknown.csv");
    let asked = read_fixture("csv/unknown.csv");
    let headers = asked.needs_mapping.clone().expect("asks for a mapping");
    assert_eq!(
        headers,
        ["Kunde", "Handy", "Mail", "Notiz", "Lieblingsfarbe"]
    );
    assert!(asked.contacts.is_empty() && asked.layout.is_none());
    assert_eq!(
        header_key(&headers),
        header_key(&headers.iter().map(|h| h.to_uppercase()).collect::<Vec<_>>())
    );

    let suggested = suggest_mapping(&headers);
    assert_eq!(suggested.field_for("Handy"), Some(Field::Phone));
    assert_eq!(suggested.field_for("Mail"), Some(Field::Email));
    let mut mapping = suggested;
    mapping.columns.insert("Kunde".into(), Field::Name);
    mapping.columns.insert("Notiz".into(), Field::Note);
    mapping
        .columns
        .insert("Lieblingsfarbe".into(), Field::Detail);
    let read = read_csv_mapped(
        std::fs::File::open(&path).expect("fixture"),
        "unknown.csv",
        &mapping,
    )
    .expect("read");
    assert_eq!(read.layout.as_deref(), Some("your column mapping"));
    let ana = named(&read, "Ana Lima");
    assert_eq!(
        (ana.phones.as_slice(), ana.emails.as_slice()),
        (
            &["+55 11 91234 5678".to_string()][..],
            &["ana@example.br".to_string()][..]
        )
    );
    assert_eq!(ana.note, "Sempre pontual\n\nLieblingsfarbe: grün");

    let none = ColumnMapping::default();
    let error = read_csv_mapped(
        std::fs::File::open(&path).expect("fixture"),
        "unknown.csv",
        &none,
    )
    .expect_err("no columns");
    assert_eq!(
        error.to_string(),
        "The column mapping names none of this file's columns."
    );
}

// ---------------------------------------------------------------------------
// Encodings

#[test]
fn utf16_files_with_a_bom() {
    let vcard = read_fixture("encoding/utf16le-bom.vcf");
    assert_eq!(vcard.encoding, "UTF-16LE");
    assert_eq!(vcard.contacts[0].name, "Zoë Ångström");
    // Without its BOM, UTF-16 is known by its zero bytes.
    let bytes = std::fs::read(fixture_path("encoding/utf16le-bom.vcf")).expect("fixture");
    let without_bom = read_one(&bytes[2..], "no-bom.vcf");
    assert_eq!(
        (
            without_bom.encoding.as_str(),
            without_bom.contacts[0].name.as_str()
        ),
        ("UTF-16LE", "Zoë Ångström")
    );
    let csv = read_fixture("encoding/utf16be-bom.csv");
    assert_eq!(
        (csv.encoding.as_str(), csv.layout.as_deref()),
        ("UTF-16BE", Some("Outlook"))
    );
    assert_eq!(csv.contacts[0].name, "Zoë Ångström");
    assert_eq!(csv.contacts[0].emails, ["zoe@example.se"]);
}

#[test]
fn windows_1252_files() {
    let csv = read_fixture("encoding/windows-1252.csv");
    assert_eq!(csv.encoding, "windows-1252");
    assert_eq!(csv.contacts[0].name, "Jürgen Weiß");
    assert_eq!(csv.contacts[0].note, "Kostet 5 € – gern wieder");
    assert_eq!(csv.contacts[1].name, "François Größer");
    assert!(csv.contacts.iter().all(|c| c.warnings.is_empty()));
    let vcard = read_fixture("encoding/windows-1252.vcf");
    assert_eq!(vcard.encoding, "windows-1252");
    assert_eq!(
        (
            vcard.contacts[0].name.as_str(),
            vcard.contacts[0].note.as_str()
        ),
        ("Jürgen Weiß", "Kostet 5 € – gern wieder")
    );
}

#[test]
fn shift_jis_files() {
    let vcard = read_fixture("encoding/shift_jis.vcf");
    assert_eq!(
        (vcard.encoding.as_str(), vcard.contacts[0].name.as_str()),
        ("Shift_JIS", "山田 太郎")
    );
    let quoted = read_fixture("encoding/shift_jis-qp.vcf");
    assert_eq!(
        (quoted.encoding.as_str(), quoted.contacts[0].name.as_str()),
        ("Shift_JIS", "佐藤 花子")
    );

    let asked = read_fixture("encoding/shift_jis.csv");
    assert_eq!(asked.encoding, "Shift_JIS");
    assert_eq!(
        asked.needs_mapping.as_deref(),
        Some(&["姓", "名", "電話", "メール"].map(String::from)[..])
    );
    let mapping: ColumnMapping = serde_json::from_str(
        r#"{"姓": "last_name", "名": "first_name", "電話": "phone", "メール": "email"}"#,
    )
    .expect("a mapping");
    let bytes = std::fs::read(fixture_path("encoding/shift_jis.csv")).expect("fixture");
    let read = read_csv_mapped(bytes.as_slice(), "shift_jis.csv", &mapping).expect("read");
    let names: Vec<&str> = read.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["太郎 山田", "花子 佐藤"]);
    assert_eq!(read.contacts[1].phones, ["080-9876-5432"]);
}

#[test]
fn a_card_that_says_utf8_but_holds_latin1_is_recovered_and_says_so() {
    let read = read_fixture("encoding/utf8-declared-latin1.vcf");
    assert_eq!(read.encoding, "UTF-8, windows-1252");
    assert_eq!(read.contacts[0].name, "Jürgen Müller");
    assert_eq!(read.contacts[0].warnings, ["This card says its text is UTF-8, but it is not; it was read as windows-1252. Check its accented letters."]);
    assert_eq!(read.contacts[1].name, "Françoise Größer");
    assert_eq!(read.contacts[1].warnings, ["This card says its text is UTF-8, but some of it is not; it was read as windows-1252. Check its accented letters."]);

    let mixed = read_fixture("encoding/mixed.vcf");
    assert_eq!(mixed.contacts[0].name, "Renée Faure");
    assert!(mixed.contacts[0].warnings.is_empty());
    assert_eq!(mixed.contacts[1].name, "René Dupré");
    assert_eq!(mixed.contacts[1].warnings, ["This card is not UTF-8 like the rest of the file; it was read as windows-1252. Check its accented letters."]);
}

#[test]
fn bytes_that_fit_no_encoding_are_refused_by_name() {
    // Shift_JIS declared, and a lead byte with no trail byte.
    let card = b"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=SHIFT_JIS:\x82\nEND:VCARD\n";
    let read = read_one(card, "bad.vcf");
    assert!(read.contacts.is_empty());
    assert_eq!(read.problems[0].what, "This card says its text is Shift_JIS, but its bytes are not; it was not imported, so that no garbled letters are saved.");
    // A lone surrogate in UTF-16.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "BEGIN:VCARD\nFN:A"
        .encode_utf16()
        .chain([0xD800])
        .chain("B\nEND:VCARD\n".encode_utf16())
    {
        utf16.extend(unit.to_le_bytes());
    }
    let read = read_one(&utf16, "bad16.vcf");
    assert_eq!(read.problems[0].what, "This card has bytes that are not valid UTF-16LE; it was not imported, so that no garbled letters are saved.");
}

// ---------------------------------------------------------------------------
// Files that are no contacts files

#[test]
fn files_that_cannot_be_read_say_why_in_plain_words() {
    assert_eq!(refusal(b"", "contacts.vcf"), "The file is empty.");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(refusal(&garbage, "contacts.vcf").contains("binary data"));
    assert!(refusal(b"PK\x03\x04\x14\x00\x06\x00", "contacts.xlsx").contains("Excel workbook"));
    assert!(refusal(b"Dear Ana, thanks for the party!\n", "letter.txt")
        .contains("could not find contacts"));
    assert!(refusal(b"Hello\nthere\n", "contacts.vcf").contains("no contact cards"));
}

#[test]
fn a_csv_row_of_five_megabytes_is_a_problem_not_a_failure() {
    let mut file =
        b"Name,Phone,Email,Notes\nAna,555-0101,ana@example.com,hi\nBig,555-0102,big@example.com,"
            .to_vec();
    file.extend(std::iter::repeat_n(b'x', 5 << 20));
    file.extend_from_slice(b"\nCleo,555-0103,cleo@example.com,\n");
    let mapping: ColumnMapping = serde_json::from_str(
        r#"{"Name": "name", "Phone": "phone", "Email": "email", "Notes": "note"}"#,
    )
    .expect("a mapping");
    let read = read_csv_mapped(file.as_slice(), "big.csv", &mapping).expect("read");
    let names: Vec<&str> = read.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Cleo"]);
    assert_eq!(read.problems.len(), 1);
    assert_eq!(read.problems[0].place, "row 3");
    assert_eq!(
        read.problems[0].what,
        "This row is 5.0 MB long, far too long for a contact; it was left out."
    );
    // The same line as the file's only line is no contacts file.
    let one_line = vec![b'x'; 5 << 20];
    assert!(refusal(&one_line, "big.csv").contains("could not find contacts"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000),
        prefix in prop_oneof![
            Just(&b""[..]),
            Just(&b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"[..]),
            Just(&b"BEGIN:VCARD\nFN:"[..]),
            Just(&b"First Name,Last Name,E-mail Address\n"[..]),
            Just(&b"\xFF\xFE"[..]),
        ],
    ) {
        let file = [prefix, &bytes].concat();
        let _ = read(file.as_slice(), "any.vcf");
        let _ = read(file.as_slice(), "any.csv");
        let _ = read_csv_mapped(file.as_slice(), "any.csv", &suggest_mapping(&["First Name".into(), "E-mail Address".into()]));
    }

    #[test]
    fn cards_of_arbitrary_text_never_panic(lines in proptest::collection::vec("[ -~\u{e9}\u{5c71}=;:.,\\\\]{0,40}", 0..12)) {
        let file = format!("BEGIN:VCARD\n{}\nEND:VCARD\n", lines.join("\n"));
        let _ = read(file.as_bytes(), "any.vcf");
    }
}
