//! Terminal subcommands (`tend <command> …`) over the same `Tend` as the window.

mod add; // tend add "<line>"
mod backup; // tend backup FILE, tend restore FILE
mod export; // tend export FILE
mod import; // tend import FILE
mod open; // the data file the terminal shares with the window
mod usage; // tend --help

/// What `main` should do with the arguments it was given.
pub enum Invocation {
    /// No subcommand: start the desktop app.
    Desktop,
    /// A subcommand was handled here; exit with this status.
    Exit(i32),
}

pub fn dispatch(args: &[String]) -> Invocation {
    let command: fn(&[String]) -> Result<(), String> = match args.first().map(String::as_str) {
        None => return Invocation::Desktop,
        Some("--version" | "-V") => {
            println!("tend {}", crate::domain::release::VERSION);
            return Invocation::Exit(0);
        }
        Some("--help" | "-h" | "help") => {
            println!("{}", usage::USAGE);
            return Invocation::Exit(0);
        }
        Some("add") => add::add,
        Some("import") => import::import,
        Some("export") => export::export,
        Some("backup") => backup::backup,
        Some("restore") => backup::restore,
        Some(other) => {
            eprintln!("tend: unknown command “{other}”.\n\n{}", usage::USAGE);
            return Invocation::Exit(2);
        }
    };
    Invocation::Exit(match command(&args[1..]) {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("tend: {message}");
            1
        }
    })
}
