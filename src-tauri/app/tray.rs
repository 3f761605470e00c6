//! The tray: open Tend, quick add, today's due count, pause reminders, quit. The
//! window hides here on close (a setting), so reminders keep firing.

use super::commands::announce_change;
use crate::api::Tend;
use crate::domain::local_time;
use crate::error::{Error, Result};
use crate::store::settings;
use chrono::Duration;
use std::sync::Arc;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

pub const QUICK_ADD_EVENT: &str = "tend://quick-add";

/// Holds the due-count item so it can be kept current.
pub struct DueItem<R: Runtime>(pub MenuItem<R>);

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Tend", true, None::<&str>)?;
    let quick = MenuItem::with_id(app, "quick", "Quick add…", true, None::<&str>)?;
    let due = MenuItem::with_id(app, "due", "Nothing due today", false, None::<&str>)?;
    let pause_hour = MenuItem::with_id(
        app,
        "pause_hour",
        "Pause reminders for 1 hour",
        true,
        None::<&str>,
    )?;
    let pause_day = MenuItem::with_id(
        app,
        "pause_tomorrow",
        "Pause reminders until tomorrow",
        true,
        None::<&str>,
    )?;
    let resume = MenuItem::with_id(app, "resume", "Resume reminders", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Tend", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(
        app,
        &[
            &open,
            &quick,
            &due,
            &separator,
            &pause_hour,
            &pause_day,
            &resume,
            &quit,
        ],
    )?;
    let mut tray = TrayIconBuilder::with_id("tend").tooltip("Tend").menu(&menu);
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.on_menu_event(|app, event| on_menu(app, event.id.as_ref()))
        .build(app)?;
    app.manage(DueItem(due));
    Ok(())
}

fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    match id {
        "open" => show_main(app),
        "quick" => show_quick_add(app),
        "quit" => app.exit(0),
        "pause_hour" | "pause_tomorrow" | "resume" => {
            let tend = app.state::<Arc<Tend>>();
            let choice = match id {
                "pause_hour" => "one_hour",
                "pause_tomorrow" => "tomorrow",
                _ => "resume",
            };
            if let Err(err) = pause(&tend, choice) {
                eprintln!("tend: {err}");
            }
            announce_change(app);
        }
        _ => {}
    }
}

/// Pauses reminders for an hour or until tomorrow morning, or resumes them.
pub fn pause(tend: &Tend, choice: &str) -> Result<()> {
    let now = tend.clock().now();
    let until = match choice {
        "one_hour" => Some(now + Duration::hours(1)),
        "tomorrow" => {
            let zone = tend.clock().zone();
            let morning = tend.store().read(settings::default_time)?;
            let tomorrow = local_time::local_date(now, zone) + Duration::days(1);
            Some(local_time::resolve_date_time(tomorrow, morning, zone))
        }
        "resume" => None,
        other => {
            return Err(Error::invalid(
                "choice",
                format!("“{other}” is not a way to pause."),
            ))
        }
    };
    tend.pause_reminders(until)
}

pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Opens (or brings back) the small Quick add window, over whatever is in front.
pub fn show_quick_add<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(QUICK_ADD_WINDOW) {
        let _ = window.show();
        let _ = window.set_focus();
        let _ = app.emit_to(QUICK_ADD_WINDOW, QUICK_ADD_EVENT, ());
        return;
    }
    let built = tauri::WebviewWindowBuilder::new(
        app,
        QUICK_ADD_WINDOW,
        tauri::WebviewUrl::App("quick.html".into()),
    )
    .title("Quick add — Tend")
    .inner_size(620.0, 420.0)
    .always_on_top(true)
    .center()
    .build();
    if let Err(err) = built {
        eprintln!("tend: could not open the Quick add window ({err}); opening Tend instead.");
        show_main(app);
        let _ = app.emit_to("main", QUICK_ADD_EVENT, ());
    }
}

pub const QUICK_ADD_WINDOW: &str = "quick-add";

/// Keeps the tray's due line current ("3 due today").
pub fn refresh_due<R: Runtime>(app: &AppHandle<R>) {
    let Some(item) = app.try_state::<DueItem<R>>() else {
        return;
    };
    let tend = app.state::<Arc<Tend>>();
    if let Ok(today) = tend.today() {
        let due = today.counts.overdue + today.counts.due_today;
        let text = match due {
            0 => "Nothing due today".to_string(),
            1 => "1 follow-up due".to_string(),
            n => format!("{n} follow-ups due"),
        };
        let _ = item.0.set_text(text);
    }
}
