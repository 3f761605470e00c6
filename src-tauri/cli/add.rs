//! `tend add`: one line from a terminal, as Quick add reads it.

use super::open::open;
use super::usage::USAGE;
use crate::quickadd::Batch;

/// `tend add [--dry-run] [--json] [--met-at TEXT] [--no-cadence] "<line>"`
pub fn add(args: &[String]) -> Result<(), String> {
    let mut dry_run = false;
    let mut duplicate_choice: Option<bool> = None; // Some(true): add to the existing contact
    let mut json = false;
    let mut batch = Batch::default();
    let mut words = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dry-run" | "-n" => dry_run = true,
            "--json" => json = true,
            "--no-cadence" => batch.no_cadence = true,
            "--to-existing" => duplicate_choice = Some(true),
            "--new" => duplicate_choice = Some(false),
            "--met-at" => batch.met_where = args.next().ok_or("--met-at needs a value")?.clone(),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n\n{USAGE}"))
            }
            word => words.push(word.to_string()),
        }
    }
    let line = words.join(" ");
    if line.trim().is_empty() {
        return Err(format!(
            "give the line to add, e.g. tend add \"Jane Doe 555-0142 call Thu\"\n\n{USAGE}"
        ));
    }
    let tend = open()?;
    if dry_run {
        let preview = tend
            .preview_quick_add(&line, &batch)
            .map_err(|err| err.to_string())?;
        if json {
            let parsed = &preview.parsed;
            let default_time = tend.settings().map_err(|err| err.to_string())?.default_time;
            let followup = parsed.followup.as_ref().map(|step| {
                serde_json::json!({
                    "channel": step.channel,
                    "date": step.date.to_string(),
                    "time": step.time.map(|t| t.format("%H:%M").to_string()),
                    "due": format!("{}T{}", step.date, step.time.map(|t| t.format("%H:%M").to_string()).unwrap_or(default_time.clone())),
                    "phrase": step.phrase,
                })
            });
            let out = serde_json::json!({
                "name": parsed.name,
                "phones": parsed.phones,
                "emails": parsed.emails,
                "tags": parsed.tags,
                "stage": parsed.stage,
                "note": parsed.note,
                "followup": followup,
                "appliesCadence": preview.applies_cadence,
                "duplicateOf": preview.duplicate,
                "preview": preview.text,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&out).map_err(|err| err.to_string())?
            );
        } else {
            println!("Would add: {}", preview.text);
            if let Some(duplicate) = &preview.duplicate {
                println!("Already in Tend: {}", duplicate.name);
            }
        }
        return Ok(());
    }
    let duplicate = tend
        .preview_quick_add(&line, &batch)
        .map_err(|err| err.to_string())?
        .duplicate;
    let add_to = match (duplicate, duplicate_choice) {
        (Some(existing), None) => {
            return Err(format!(
                "Already in Tend: {} has that phone or email. Add --to-existing to put this on {}, or --new for a second contact.",
                existing.name, existing.name
            ))
        }
        (Some(existing), Some(true)) => Some(existing.contact_id),
        _ => None,
    };
    let added = tend
        .quick_add(&line, &batch, add_to)
        .map_err(|err| err.to_string())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&added).map_err(|err| err.to_string())?
        );
    } else {
        println!("Added: {}", added.text);
        for followup in &added.followups {
            println!(
                "  {} {} — {}",
                followup.due_local.replace('T', " "),
                followup.channel_label,
                followup.promise
            );
        }
    }
    Ok(())
}
