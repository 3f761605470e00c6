//! `tend backup` and `tend restore`: a checked copy of the data, and putting one back.

use super::open::open;
use super::usage::USAGE;
use crate::domain::backup as backup_rules;

/// `tend backup FILE`: a checked copy of the data file, made while it is in use.
pub fn backup(args: &[String]) -> Result<(), String> {
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
pub fn restore(args: &[String]) -> Result<(), String> {
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
