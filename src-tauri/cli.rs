//! Terminal subcommands (`tend <command> …`) over the same domain as the window.

/// What `main` should do with the arguments it was given.
pub enum Invocation {
    /// No subcommand: start the desktop app.
    Desktop,
    /// A subcommand was handled here; exit with this status.
    Exit(i32),
}

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
        Some(other) => {
            eprintln!("tend: unknown command “{other}”.\n\n{USAGE}");
            Invocation::Exit(2)
        }
    }
}

const USAGE: &str = "Usage:
  tend              open the Tend window
  tend --version    print the version
  tend --help       print this help

Environment:
  TEND_DATA_DIR     folder holding tend.sqlite3 (default: the OS app-data folder)
  TEND_NOW          start the clock at this RFC 3339 instant (for tests)";
