//! Contacts in and out: files from phones, Gmail, Outlook and the like become
//! plain contact records (`read`), and Tend's contacts and follow-ups become
//! files other programs open. No store, no clock: bytes in, values out.

mod birthday; // birthdays as files write them: vCard forms, ISO, 4/15/1984, 15.4.1984
mod compose; // what every reader does alike: the note, a name when there is none
mod csv_file; // one CSV file: delimiter, header row, layout, then every row
mod csv_layouts; // the CSV layouts Tend knows: Google, Outlook (5 languages), Thunderbird, LinkedIn
mod csv_mapping; // which column is which: Field, ColumnMapping, header_key
mod csv_row; // one row → a contact: multi-value cells, birthdays, tags
mod csv_text; // a CSV file's bytes → text: UTF-8 rows, else the file's legacy encoding
mod encoding; // which encoding bytes are in, and decoding them without mojibake
pub mod export; // Tend's contacts and follow-ups as vCard, CSV and iCalendar
mod read; // the entry points: detect the format and encoding, read every card or row
mod records; // the shapes: ImportedContact, Birthday, Problem, Format, ReadFile
mod sniff; // what the first bytes say: empty, binary, UTF-16, vCard or CSV
mod vcard; // one card's text → a contact, through calcard
mod vcard_file; // a vCard file, card by card, each decoded on its own
mod vcard_lines; // the stream of lines → cards: unfolding, photos dropped as they pass

pub use csv_layouts::suggest_mapping;
pub use csv_mapping::{header_key, ColumnMapping, Field};
pub use read::{read, read_csv_mapped};
pub use records::{Birthday, Format, ImportedContact, Problem, ReadFile};
