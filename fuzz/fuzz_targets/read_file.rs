//! Fuzzes the contacts-file reader (`tend::interchange::read`): vCard 2.1–4.0 and
//! CSV, any encoding. No bytes may make it panic or hang; a CSV it asks a
//! mapping for is read again with the mapping Tend would suggest.
//!
//! The first byte picks the name the file is offered under (its extension is a
//! hint the sniffer weighs); the rest are the file's bytes. Run with `make fuzz`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tend::interchange::{read, read_csv_mapped, suggest_mapping};

const NAMES: [&str; 4] = ["contacts.vcf", "contacts.csv", "export.txt", "contacts"];

fuzz_target!(|data: &[u8]| {
    tend_fuzz::roomy_phone_cache();
    let Some((&knob, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(knob) % NAMES.len()];
    let Ok(file) = read(bytes, name) else {
        return;
    };
    if let Some(headers) = file.needs_mapping {
        let mapping = suggest_mapping(&headers);
        let _ = read_csv_mapped(bytes, name, &mapping);
    }
});
