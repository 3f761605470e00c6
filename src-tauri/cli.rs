//! Terminal subcommands (`tend <command> …`) over the same domain as the window.

use crate::api::Tend;
use crate::clock::SystemClock;
use crate::domain::backup as backup_rules;
use crate::quickadd::Batch;
use std::sync::Arc;

/// What `main` should do with the arguments it was given.
pub enum Invocation {
    /// No subcommand: start the desktop app.
    Desktop,
    /// A subcommand was handled here; exit with this status.
    Exit(i32),
}

/// The identifier in tauri.conf.json: the app-data folder has this name, so the
/// terminal and the window share one file.
pub const APP_IDENTIFIER: &str = "app.tend.desktop";

pub fn dispatch(args: &[String]) -> Invocation {
    match args.first().map(String::as_str) {
        None => Invocation::Desktop,
        Some("--version" | "-V") => {
            println!("tend {}", env!("CARGO_PKG_VERSION"));
            Invocation::Exit(0)
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Invocation::Exit(0)
        }
        Some("add") => Invocation::Exit(match add(&args[1..]) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("tend: {message}");
                1
            }
        }),
        Some("backup") => Invocation::Exit(match backup(&args[1..]) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("tend: {message}");
                1
            }
        }),
        Some("restore") => Invocation::Exit(match restore(&args[1..]) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("tend: {message}");
                1
            }
        }),
        Some(other) => {
            eprintln!("tend: unknown command “{other}”.\n\n{USAGE}");
            Invocation::Exit(2)
        }
    }
}

fn open() -> Result<Tend, String> {
    let dir = crate::data_dir::resolve(dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER)))
        .ok_or("no folder for Tend's data; set TEND_DATA_DIR")?;
    Tend::open_in_dir(&dir, Arc::new(SystemClock::from_env()?)).map_err(|err| err.to_string())
}

/// `tend add [--dry-run] [--json] [--met-at TEXT] [--no-cadence] "<line>"`
fn add(args: &[String]) -> Result<(), String> {
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

/// `tend backup FILE`: a checked copy of the data file, made while it is in use.
fn backup(args: &[String]) -> Result<(), String> {
    let [file] = args else {
        return Err(format!(
            "give the file to back up to, e.g. tend backup /media/usb/tend-backup.sqlite3\n\n{USAGE}"
        ));
    };
    let taken = open()?
        .back_up_to(std::path::Path::new(file))
        .map_err(|err| err.to_string())?;
    println!(
        "Backed up {} to {} ({}).",
        backup_rules::contacts_in_words(taken.contacts),
        taken.path.display(),
        backup_rules::size_in_words(taken.size_bytes)
    );
    Ok(())
}

/// `tend restore FILE [--yes]`: says what it would replace and asks, unless --yes.
fn restore(args: &[String]) -> Result<(), String> {
    let mut confirmed = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--yes" | "-y" => confirmed = true,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n\n{USAGE}"))
            }
            file => files.push(file),
        }
    }
    let [file] = files[..] else {
        return Err(format!(
            "give the backup to restore, e.g. tend restore /media/usb/tend-backup.sqlite3\n\n{USAGE}"
        ));
    };
    let source = std::path::Path::new(file);
    let tend = open()?;
    if !confirmed {
        let offered = tend.check_backup(source).map_err(|err| err.to_string())?;
        let current = tend.data_file_info().map_err(|err| err.to_string())?;
        let zone = tend.clock().zone();
        let local = |at: chrono::DateTime<chrono::Utc>| {
            at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string()
        };
        println!("Restoring replaces all of Tend's data with the backup {file}:");
        println!(
            "  now:        {}, last changed {}",
            backup_rules::contacts_in_words(current.contacts),
            local(current.taken_at)
        );
        println!(
            "  the backup: {}, taken {}",
            backup_rules::contacts_in_words(offered.contacts),
            local(offered.taken_at)
        );
        println!("Your current data is kept aside first.");
        print!("Restore? [y/N] ");
        std::io::Write::flush(&mut std::io::stdout()).map_err(|err| err.to_string())?;
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|err| err.to_string())?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            println!();
            return Err("Restore cancelled. Nothing was changed.".into());
        }
    }
    let summary = tend.restore_from(source).map_err(|err| err.to_string())?;
    println!(
        "Restored {} from {}.",
        backup_rules::contacts_in_words(Some(summary.contacts)),
        summary.restored_from.display()
    );
    println!(
        "Your previous data ({}) is kept at {}.",
        backup_rules::contacts_in_words(Some(summary.contacts_before)),
        summary.kept_aside.display()
    );
    Ok(())
}

const USAGE: &str = "Usage:
  tend                                open the Tend window
  tend add [options] \"<line>\"         add a contact from one line, e.g.
                                      tend add \"Jane Doe 555-0142 wants the lavender set, call Thu\"
      --dry-run, -n                   show what would be saved, save nothing
      --json                          print it as JSON
      --met-at TEXT                   where you met (\"Sara's party\")
      --no-cadence                    a line without a date starts no New lead cadence
      --to-existing | --new           when the phone or email is already known: add the
                                      line to that contact, or add a second contact
  tend backup FILE                    copy all of Tend's data to FILE (checked), e.g.
                                      tend backup /media/usb/tend-backup.sqlite3
  tend restore FILE [--yes]           replace all of Tend's data with the backup FILE;
                                      the current data is kept aside first
      --yes, -y                       do not ask first
  tend --version                      print the version
  tend --help                         print this help

Environment:
  TEND_DATA_DIR     folder holding tend.sqlite3 (default: the OS app-data folder)
  TEND_NOW          start the clock at this RFC 3339 instant (for tests)";
