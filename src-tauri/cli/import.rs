//! `tend import FILE [--dry-run] [--json]`: contacts from a vCard or CSV file.

use super::open::open;
use super::usage::USAGE;
use crate::api::{ImportChoices, ImportPreview, Rows};
use std::path::Path;

pub fn import(args: &[String]) -> Result<(), String> {
    let (mut dry_run, mut json, mut file) = (false, false, None);
    for arg in args {
        match arg.as_str() {
            "--dry-run" | "-n" => dry_run = true,
            "--json" => json = true,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n\n{USAGE}"))
            }
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("one file at a time (also given: {extra})")),
        }
    }
    let file = file.ok_or(format!(
        "give the file to import, e.g. tend import contacts.vcf\n\n{USAGE}"
    ))?;
    let path = Path::new(&file);
    let tend = open()?;
    let preview = tend
        .preview_import_file(path, None, Rows::All)
        .map_err(|err| err.to_string())?;
    if let Some(request) = &preview.needs_mapping {
        return Err(format!(
            "{file}: Tend does not know these columns ({}). Import it from the window, which asks which column is which.",
            request.headers.join(", ")
        ));
    }
    let (new, merged, unchanged) = if dry_run {
        (preview.new, preview.merged, preview.unchanged)
    } else {
        let done = tend
            .import_file(path, None, &ImportChoices::default(), &mut |_, _| true)
            .map_err(|err| err.to_string())?;
        (done.new, done.merged, done.unchanged)
    };
    if json {
        print_json(&preview, new, merged, unchanged)
    } else {
        let verb = if dry_run { "Would import" } else { "Imported" };
        println!("{verb} from {file}: {new} new, {merged} merged, {unchanged} already in Tend.");
        for problem in &preview.problems {
            println!("  cannot be read: {} — {}", problem.place, problem.what);
        }
        Ok(())
    }
}

/// One object: the counts, each problem, and every contact as it would be saved.
fn print_json(
    preview: &ImportPreview,
    new: usize,
    merged: usize,
    unchanged: usize,
) -> Result<(), String> {
    let contacts: Vec<serde_json::Value> = preview
        .rows
        .iter()
        .map(|row| {
            let contact = &row.contact;
            serde_json::json!({
                "name": contact.name,
                "phones": contact.phones.iter().map(|p| &p.display).collect::<Vec<_>>(),
                "emails": contact.emails,
                "birthday": contact.birthday.map(|b| b.to_text()),
                "org": contact.org,
            })
        })
        .collect();
    let out = serde_json::json!({
        "new": new,
        "merged": merged,
        "unchanged": unchanged,
        "problems": preview.problems,
        "contacts": contacts,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|err| err.to_string())?
    );
    Ok(())
}
