//! `tend export`: contacts or open follow-ups to a file other programs open.

use super::open::open;
use super::usage::USAGE;
use crate::domain::text::quoted;

/// `tend export FILE [--format vcf|csv|ics]`
pub fn export(args: &[String]) -> Result<(), String> {
    use crate::api::ExportFormat;
    use std::path::Path;
    let mut format = None;
    let mut file = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                let word = args.next().ok_or("--format needs vcf, csv or ics")?;
                format = Some(ExportFormat::from_extension(word).ok_or(format!(
                    "unknown format {word}: use vcf, csv or ics",
                    word = quoted(word)
                ))?);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n\n{USAGE}"))
            }
            path if file.is_none() => file = Some(path.to_string()),
            extra => {
                return Err(format!(
                    "export writes one file; {extra} is a second one",
                    extra = quoted(extra)
                ))
            }
        }
    }
    let file = file.ok_or(format!(
        "give the file to write, e.g. tend export contacts.vcf\n\n{USAGE}"
    ))?;
    let path = Path::new(&file);
    let format = match format {
        Some(format) => format,
        None => path
            .extension()
            .and_then(|extension| extension.to_str())
            .and_then(ExportFormat::from_extension)
            .ok_or(format!(
                "cannot tell the format from {file}; name it .vcf, .csv or .ics, or add --format vcf|csv|ics", file = quoted(&file)))?,
    };
    let summary = open()?
        .export_to(path, format)
        .map_err(|err| err.to_string())?;
    println!("Exported {} to {file}", summary.counted());
    Ok(())
}
