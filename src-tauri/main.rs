// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! `tend`: the desktop app, or a terminal command when given arguments.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match tend::cli::dispatch(&args) {
        tend::cli::Invocation::Exit(code) => std::process::exit(code),
        tend::cli::Invocation::Desktop => run_desktop(),
    }
}

#[cfg(feature = "desktop")]
fn run_desktop() {
    if let Err(err) = tend::app::run() {
        eprintln!("tend: {err}");
        std::process::exit(1);
    }
}

#[cfg(not(feature = "desktop"))]
fn run_desktop() {
    eprintln!("tend: this build has no desktop window (built without the `desktop` feature).");
    std::process::exit(2);
}
