//! Opening the data and starting everything that needs it — or, when the file
//! cannot be used, keeping the window up with a page that says why and offers
//! what can help (`domain::startup`), never a crash with no word.

use super::events::{BackupNudge, ImportCancel, Waker, CHANGED_EVENT};
use super::{reminders, shortcut, tray};
use crate::api::{self, BackupInfo, Tend};
use crate::clock::Clock;
use crate::domain::startup::{self, StartupProblem};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// After a change, how often the automatic backup looks whether one is due
/// until it has run (it backs up at most every 30 minutes, and only after a
/// change); with no change it does not wake at all.
const BACKUP_CHECK: Duration = Duration::from_secs(5 * 60);

/// What the start-up page shows: the problem, and the backup that could replace
/// the file when that would help.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StartupReport {
    #[serde(flatten)]
    pub problem: StartupProblem,
    pub newest_backup: Option<BackupInfo>,
}

/// Where the data lives and, while it cannot be opened, why.
pub struct Startup {
    pub dir: PathBuf,
    clock: Arc<dyn Clock>,
    problem: Mutex<Option<StartupProblem>>,
}

/// Set when the tray icon exists: only then may closing the window hide it.
pub struct TrayReady;

/// Until the window has its first Today, and a moment to paint it, nothing else
/// competes with it for the two cores, the main thread or the book: reminders
/// (whose first look may catch up a night of reminders), backups, the tray, the
/// shortcut and the phone-metadata warm-up start after (docs/decisions/0004,
/// issue 15).
pub struct FirstPage {
    loaded: AtomicBool,
    started: Once,
}

/// If the window never asks for Today (the start-up page, a page that failed),
/// the rest starts this late anyway.
const START_ANYWAY_AFTER: Duration = Duration::from_secs(5);

/// Today's first frame is painted on the main thread, where the tray is built
/// too: after the first Today is sent, the rest waits this long.
const AFTER_THE_FIRST_FRAME: Duration = Duration::from_millis(500);

impl Startup {
    pub fn report(&self) -> Option<StartupReport> {
        let problem = self
            .problem
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()?;
        let offers_backup = problem.remedies.contains(&startup::Remedy::RestoreBackup);
        let newest_backup = offers_backup
            .then(|| api::backups_in(&self.dir).ok()?.into_iter().next())
            .flatten();
        Some(StartupReport {
            problem,
            newest_backup,
        })
    }
}

/// At launch: opens the data and starts Tend, or keeps the reason for the page.
pub fn open<R: Runtime>(app: &AppHandle<R>, dir: PathBuf, clock: Arc<dyn Clock>) {
    app.manage(Startup {
        dir,
        clock,
        problem: Mutex::new(None),
    });
    app.manage(FirstPage {
        loaded: AtomicBool::new(false),
        started: Once::new(),
    });
    try_open(app);
    let handle = app.clone();
    let _ = std::thread::Builder::new()
        .name("tend-start".into())
        .spawn(move || {
            std::thread::sleep(START_ANYWAY_AFTER);
            first_today_sent(&handle);
        });
}

/// The window's first Today is on its way (or the wait is over): start the rest.
pub fn first_today_sent<R: Runtime>(app: &AppHandle<R>) {
    if let Some(first) = app.try_state::<FirstPage>() {
        first.loaded.store(true, Ordering::Release);
    }
    start_beside(app);
}

/// Starts what runs beside a usable book, once, when both the book is open and
/// the first Today has been sent — off the main thread, after its first frame.
fn start_beside<R: Runtime>(app: &AppHandle<R>) {
    let (Some(first), Some(tend)) = (app.try_state::<FirstPage>(), app.try_state::<Arc<Tend>>())
    else {
        return;
    };
    if !first.loaded.load(Ordering::Acquire) {
        return;
    }
    let (app, tend, dir) = (
        app.clone(),
        tend.inner().clone(),
        app.state::<Startup>().dir.clone(),
    );
    first.started.call_once(move || {
        let started = std::thread::Builder::new()
            .name("tend-start".into())
            .spawn(move || {
                std::thread::sleep(AFTER_THE_FIRST_FRAME);
                begin_beside(&app, tend, &dir)
            });
        if let Err(err) = started {
            eprintln!("tend: reminders, backups and the tray could not start: {err}");
        }
    });
}

/// The unusable file is moved aside and the newest good backup takes its
/// place; then Tend starts (`None`), or the page says what is still wrong.
pub fn restore_newest<R: Runtime>(app: &AppHandle<R>) -> crate::Result<Option<StartupReport>> {
    if app.try_state::<Arc<Tend>>().is_some() {
        return Ok(None);
    }
    let startup = app.state::<Startup>();
    let now = startup
        .clock
        .now()
        .with_timezone(&startup.clock.zone())
        .fixed_offset();
    api::restore_newest_over_unusable(&startup.dir, now)?;
    Ok(try_open(app))
}

/// Opens the data file; on success starts everything and returns `None`.
pub fn try_open<R: Runtime>(app: &AppHandle<R>) -> Option<StartupReport> {
    if app.try_state::<Arc<Tend>>().is_some() {
        return None; // already running (a second "Try again")
    }
    let startup = app.state::<Startup>();
    let problem = match Tend::open_in_dir(&startup.dir, startup.clock.clone()) {
        Ok(tend) => {
            begin(app, Arc::new(tend));
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
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = problem;
    startup.report()
}

/// A usable book: the change hook and the book for the commands now; the rest
/// once the window has its first Today.
fn begin<R: Runtime>(app: &AppHandle<R>, tend: Arc<Tend>) {
    let handle = app.clone();
    tend.on_change(Box::new(move || announce_change(&handle)));
    app.manage(tend);
    app.manage(ImportCancel::default());
    start_beside(app);
}

/// Everything that runs beside a usable book: reminders, backups, the tray, the
/// Quick add shortcut.
fn begin_beside<R: Runtime>(app: &AppHandle<R>, tend: Arc<Tend>, dir: &std::path::Path) {
    reminders::start(app, tend.clone(), dir);
    app.manage(start_backups(tend.clone()));
    // The phone-number metadata loads on first use (about a second in a debug
    // build): load it now, off the UI path and off the book, not on the first key.
    let warm = tend.clone();
    std::thread::spawn(move || {
        let _ = warm.warm_up_quick_add();
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

/// Backs up after changes while Tend runs, at most every half hour, off the UI:
/// asleep until a change nudges it, then looking every few minutes until the
/// backup is taken.
fn start_backups(tend: Arc<Tend>) -> BackupNudge {
    let (nudge, nudges) = std::sync::mpsc::channel();
    let started = std::thread::Builder::new()
        .name("tend-backups".into())
        .spawn(move || {
            while nudges.recv().is_ok() {
                loop {
                    // Later changes are part of the same backup.
                    std::thread::sleep(BACKUP_CHECK);
                    while nudges.try_recv().is_ok() {}
                    if let Err(err) = tend.automatic_backup() {
                        eprintln!("tend: the automatic backup failed: {err}");
                    }
                    if !tend.backup_pending().unwrap_or(false) {
                        break;
                    }
                }
            }
        });
    if let Err(err) = started {
        eprintln!("tend: automatic backups could not start: {err}");
    }
    BackupNudge::new(nudge)
}

/// On quit: whatever changed since the last backup is backed up.
pub fn back_up_on_quit<R: Runtime>(app: &AppHandle<R>) {
    if let Some(tend) = app.try_state::<Arc<Tend>>() {
        if let Err(err) = tend.backup_on_quit() {
            eprintln!("tend: the backup on quit failed: {err}");
        }
    }
}

/// After every committed change: every view refreshes, the reminder loop looks
/// again, the tray's count follows. A failed emit only delays a refresh.
fn announce_change<R: Runtime>(app: &AppHandle<R>) {
    let _ = app.emit(CHANGED_EVENT, ());
    if let Some(waker) = app.try_state::<Waker>() {
        waker.wake();
    }
    if let Some(backups) = app.try_state::<BackupNudge>() {
        backups.nudge();
    }
    tray::refresh_due(app);
}
