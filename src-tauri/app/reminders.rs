//! Starts the reminder loop beside the window: native notifications, and their
//! actions applied through `Tend` (whose change hook tells the window).

use super::events::Waker;
use super::notifier::DesktopNotifier;
use super::resume;
use super::windows::{open_main, Intent};
use crate::api::Tend;
use crate::domain::followup::SnoozeChoice;
use crate::reminders::alarm;
use crate::reminders::notice::{ACTION_DONE, ACTION_OPEN, ACTION_SNOOZE_HOUR, ACTION_TOMORROW};
use crate::reminders::run_loop;
use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime};

const ICON: &[u8] = include_bytes!("../../icons/128x128.png");

/// notify-rust wants the icon as a file path: the one kept beside the data.
pub fn icon_path(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("tend-icon.png")
}

pub fn start<R: Runtime>(app: &AppHandle<R>, tend: Arc<Tend>, data_dir: &Path) {
    let (sender, receiver) = mpsc::channel();
    let alarm = match alarm::system(sender.clone()) {
        Ok(alarm) => alarm,
        Err(err) => {
            eprintln!("tend: could not start reminders (no alarm: {err})");
            return;
        }
    };
    resume::watch(sender.clone());
    app.manage(Waker::new(sender));

    let icon_path = icon_path(data_dir);
    let icon = std::fs::write(&icon_path, ICON)
        .ok()
        .map(|()| icon_path.display().to_string());

    let on_action = {
        let app = app.clone();
        let tend = tend.clone();
        Arc::new(move |followup_id: Option<i64>, action: &str| {
            handle_action(&app, &tend, followup_id, action)
        })
    };
    let notifier = DesktopNotifier::new(icon, on_action);
    std::thread::Builder::new()
        .name("tend-reminders".into())
        .spawn(move || {
            run_loop::run(
                |catching_up| tend.reminder_tick(catching_up),
                || tend.clock().now(),
                &notifier,
                alarm.as_ref(),
                &receiver,
            );
        })
        .map_err(|err| eprintln!("tend: could not start reminders: {err}"))
        .ok();
}

fn handle_action<R: Runtime>(
    app: &AppHandle<R>,
    tend: &Tend,
    followup_id: Option<i64>,
    action: &str,
) {
    let result = match (action, followup_id) {
        (ACTION_DONE, Some(id)) => tend.complete_followup(id).map(|_| ()),
        (ACTION_SNOOZE_HOUR, Some(id)) => {
            tend.snooze_followup(id, SnoozeChoice::OneHour).map(|_| ())
        }
        (ACTION_TOMORROW, Some(id)) => tend
            .snooze_followup(id, SnoozeChoice::TomorrowMorning)
            .map(|_| ()),
        (ACTION_OPEN, _) | (_, None) => {
            open_main(app, Intent::OpenFollowup(followup_id));
            Ok(())
        }
        _ => Ok(()),
    };
    if let Err(err) = result {
        eprintln!("tend: the notification's {action} could not be applied: {err}");
    }
}
