//! The tray: open Tend, quick add, today's due count, pause reminders, quit. The
//! window hides here on close (a setting), so reminders keep firing.

use super::windows::{show_main, show_quick_add};
use crate::api::Tend;
use std::sync::Arc;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

/// Holds the due-count item so it can be kept current.
pub struct DueItem<R: Runtime>(MenuItem<R>);

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let item = |id: &str, text: &str| MenuItem::with_id(app, id, text, true, None::<&str>);
    let open = item("open", "Open Tend")?;
    let quick = item("quick", "Quick add…")?;
    let due = MenuItem::with_id(app, "due", "Nothing due today", false, None::<&str>)?;
    let pause_hour = item("one_hour", "Pause reminders for 1 hour")?;
    let pause_day = item("tomorrow", "Pause reminders until tomorrow")?;
    let resume = item("resume", "Resume reminders")?;
    let quit = item("quit", "Quit Tend")?;
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
        // The pause items' ids are the pause choices.
        "one_hour" | "tomorrow" | "resume" => {
            if let Err(err) = app.state::<Arc<Tend>>().pause_reminders(id) {
                eprintln!("tend: {err}");
            }
        }
        _ => {}
    }
}

/// Keeps the tray's due line current ("3 follow-ups due").
pub fn refresh_due<R: Runtime>(app: &AppHandle<R>) {
    let (Some(item), Some(tend)) = (app.try_state::<DueItem<R>>(), app.try_state::<Arc<Tend>>())
    else {
        return;
    };
    if let Ok(due) = tend.due_count() {
        let text = match due {
            0 => "Nothing due today".to_string(),
            1 => "1 follow-up due".to_string(),
            n => format!("{n} follow-ups due"),
        };
        let _ = item.0.set_text(text);
    }
}
