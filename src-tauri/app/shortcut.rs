//! The global Quick add shortcut: registered with the OS, configurable, and
//! honest when the OS refuses it (another app may own the keys).

use super::hotkey;
use crate::domain::shortcut as shortcut_rule;
use crate::domain::text::quoted;
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime};

pub const DEFAULT_SHORTCUT: &str = shortcut_rule::DEFAULT;

/// What happened when the shortcut was registered, for the Settings view.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortcutStatus {
    pub shortcut: String,
    pub registered: bool,
    pub message: Option<String>,
}

pub struct RegisteredShortcut(pub Mutex<ShortcutStatus>);

/// Registers `text` (e.g. "Ctrl+Alt+T") in place of the current shortcut; if
/// the OS refuses it, the previous one is put back.
pub fn register<R: Runtime>(app: &AppHandle<R>, text: &str) -> ShortcutStatus {
    let previous = app
        .try_state::<RegisteredShortcut>()
        .map(|state| {
            state
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .clone()
        })
        .filter(|status| status.registered);
    // Never ask the OS for keys that would swallow typing (domain/shortcut.rs).
    if let Err(err) = shortcut_rule::check(text) {
        return match previous {
            // From Settings: the combination that works stays.
            Some(previous) => ShortcutStatus {
                message: Some(err.to_string()),
                ..previous
            },
            // At start (say a single key saved by an older Tend): the default, and why.
            None => {
                let (keys, why) = shortcut_rule::at_start(Some(text));
                let status = register(app, &keys);
                let message = match (why, status.message) {
                    (Some(why), Some(also)) => Some(format!("{why} {also}")),
                    (why, also) => why.or(also),
                };
                let status = ShortcutStatus { message, ..status };
                remember(app, &status);
                status
            }
        };
    }
    let status = match hotkey::parse(text) {
        None => ShortcutStatus {
            shortcut: text.to_string(),
            registered: false,
            message: Some(format!(
                "{text} is not a key combination Tend understands. Write it like Ctrl+Alt+T or Super+Shift+Q.", text = quoted(text))),
        },
        Some(shortcut) => match hotkey::replace(app, &shortcut) {
            Ok(()) => ShortcutStatus {
                shortcut: text.to_string(),
                registered: true,
                message: None,
            },
            Err(err) => ShortcutStatus {
                shortcut: text.to_string(),
                registered: false,
                message: Some(format!(
                    "The system did not give Tend {text} ({err}); another app may use it. Pick another combination; Quick add still works from the tray and with Ctrl+K in the window."
                )),
            },
        },
    };
    if !status.registered {
        if let Some(previous) = &previous {
            if let Some(shortcut) = hotkey::parse(&previous.shortcut) {
                let _ = hotkey::replace(app, &shortcut);
            }
            // The old combination still works; report the refusal, keep the old one.
            return ShortcutStatus {
                shortcut: previous.shortcut.clone(),
                registered: true,
                message: status.message,
            };
        }
    }
    remember(app, &status);
    status
}

/// What Settings shows as the current shortcut.
fn remember<R: Runtime>(app: &AppHandle<R>, status: &ShortcutStatus) {
    match app.try_state::<RegisteredShortcut>() {
        Some(state) => {
            *state
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) = status.clone()
        }
        None => {
            app.manage(RegisteredShortcut(Mutex::new(status.clone())));
        }
    }
}
