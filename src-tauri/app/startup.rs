//! Opening the data and starting everything that needs it — or, when the file
//! cannot be used, keeping the window up with a page that says why and offers
//! what can help (`domain::startup`), never a crash with no word.

use super::events::{Waker, CHANGED_EVENT};
use super::{reminders, shortcut, tray};
use crate::api::Tend;
use crate::clock::Clock;
use crate::domain::startup::{self, StartupProblem};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Where the data lives and, while it cannot be opened, why.
pub struct Startup {
    pub dir: PathBuf,
    clock: Arc<dyn Clock>,
    problem: Mutex<Option<StartupProblem>>,
}

/// Set when the tray icon exists: only then may closing the window hide it.
pub struct TrayReady;

impl Startup {
    pub fn problem(&self) -> Option<StartupProblem> {
        self.problem
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

/// At launch: opens the data and starts Tend, or keeps the reason for the page.
pub fn open<R: Runtime>(app: &AppHandle<R>, dir: PathBuf, clock: Arc<dyn Clock>) {
    app.manage(Startup {
        dir,
        clock,
        problem: Mutex::new(None),
    });
    try_open(app);
}

/// Opens the data file; on success starts everything and returns `None`.
pub fn try_open<R: Runtime>(app: &AppHandle<R>) -> Option<StartupProblem> {
    if app.try_state::<Arc<Tend>>().is_some() {
        return None; // already running (a second "Try again")
    }
    let startup = app.state::<Startup>();
    let problem = match Tend::open_in_dir(&startup.dir, startup.clock.clone()) {
        Ok(tend) => {
            begin(app, Arc::new(tend), &startup.dir);
            None
        }
        Err(err) => {
            let file = crate::data_dir::data_file(&startup.dir);
            eprintln!("tend: {err}");
            Some(startup::describe(&err, &file.display().to_string()))
        }
    };
    *startup
        .problem
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = problem.clone();
    problem
}

/// Everything that runs beside a usable book: the change hook, reminders, the
/// tray, the Quick add shortcut.
fn begin<R: Runtime>(app: &AppHandle<R>, tend: Arc<Tend>, dir: &std::path::Path) {
    let handle = app.clone();
    tend.on_change(Box::new(move || announce_change(&handle)));
    app.manage(tend.clone());
    reminders::start(app, tend.clone(), dir);
    // The phone-number metadata loads on first use (about a second in a debug
    // build): load it now, off the UI path, not on the first key.
    let warm = tend.clone();
    std::thread::spawn(move || {
        let _ = warm.preview_quick_add("Warm Up 555-0100 tomorrow", &Default::default());
    });
    match tray::build(app) {
        Ok(()) => {
            app.manage(TrayReady);
            tray::refresh_due(app);
        }
        Err(err) => {
            eprintln!("tend: no tray icon on this desktop ({err}); closing the window quits.")
        }
    }
    let keys = tend
        .quick_add_shortcut()
        .ok()
        .flatten()
        .unwrap_or_else(|| shortcut::DEFAULT_SHORTCUT.to_string());
    let status = shortcut::register(app, &keys);
    if let Some(message) = status.message {
        eprintln!("tend: {message}");
    }
}

/// After every committed change: every view refreshes, the reminder loop looks
/// again, the tray's count follows. A failed emit only delays a refresh.
fn announce_change<R: Runtime>(app: &AppHandle<R>) {
    let _ = app.emit(CHANGED_EVENT, ());
    if let Some(waker) = app.try_state::<Waker>() {
        waker.wake();
    }
    tray::refresh_due(app);
}
