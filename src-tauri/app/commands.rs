//! The window's commands: each turns its arguments into one call on `Tend`, maps
//! the error, and announces changes. Async so they never run on the UI thread.

use super::ui_error::UiResult;
use super::CHANGED_EVENT;
use crate::api::{
    Batch, Completed, DecisionOutcome, LoggedTouch, QuickAddPreview, QuickAdded, Settings, Tend,
    Today, TouchHistory, UndoQuickAdd,
};
use crate::domain::cadence::{Cadence, CadenceDraft};
use crate::domain::contact::{Contact, ContactDraft, ContactPage, ContactQuery};
use crate::domain::decision::{Decision, DecisionDraft};
use crate::domain::followup::{Followup, FollowupDraft, SnoozeChoice, SnoozeOption};
use crate::domain::stage::StageInfo;
use crate::domain::touch::TouchDraft;
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        list_stages,
        list_contacts,
        get_contact,
        create_contact,
        update_contact,
        set_archived,
        delete_contact,
        set_stage,
        get_settings,
        set_setting,
        get_today,
        plan_followup,
        contact_followups,
        complete_followup,
        snooze_options,
        snooze_followup,
        snooze_followup_until,
        reschedule_followup,
        skip_followup,
        log_touch,
        contact_touches,
        list_cadences,
        create_cadence,
        update_cadence,
        apply_cadence,
        record_decision,
        contact_decisions,
        preview_quick_add,
        quick_add,
        undo_quick_add,
        pause_reminders,
        get_autostart,
        set_autostart,
        get_shortcut,
        set_shortcut,
        get_followup,
    ]
}

/// Tells every view that data changed, and wakes the reminder loop to look
/// again; a failed emit only delays a refresh.
pub(super) fn announce_change<R: Runtime>(app: &AppHandle<R>) {
    let _ = app.emit(CHANGED_EVENT, ());
    if let Some(waker) = app.try_state::<super::reminders::Waker>() {
        waker.wake();
    }
    super::tray::refresh_due(app);
}

#[tauri::command]
async fn list_stages(tend: State<'_, Arc<Tend>>) -> UiResult<Vec<StageInfo>> {
    Ok(tend.stages())
}

#[tauri::command]
async fn list_contacts(
    tend: State<'_, Arc<Tend>>,
    query: String,
    offset: u32,
    limit: u32,
    include_archived: bool,
) -> UiResult<ContactPage> {
    let query = ContactQuery {
        query,
        offset,
        limit,
        include_archived,
    };
    Ok(tend.list_contacts(&query)?)
}

#[tauri::command]
async fn get_contact(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<Contact> {
    Ok(tend.contact(id)?)
}

#[tauri::command]
async fn create_contact<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    draft: ContactDraft,
) -> UiResult<Contact> {
    let contact = tend.create_contact(&draft)?;
    announce_change(&app);
    Ok(contact)
}

#[tauri::command]
async fn update_contact<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    draft: ContactDraft,
) -> UiResult<Contact> {
    let contact = tend.update_contact(id, &draft)?;
    announce_change(&app);
    Ok(contact)
}

#[tauri::command]
async fn set_archived<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    archived: bool,
) -> UiResult<Contact> {
    let contact = tend.set_archived(id, archived)?;
    announce_change(&app);
    Ok(contact)
}

#[tauri::command]
async fn delete_contact<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
) -> UiResult<()> {
    tend.delete_contact(id)?;
    announce_change(&app);
    Ok(())
}

#[tauri::command]
async fn get_settings(tend: State<'_, Arc<Tend>>) -> UiResult<Settings> {
    Ok(tend.settings()?)
}

#[tauri::command]
async fn set_setting<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    key: String,
    value: String,
) -> UiResult<()> {
    tend.set_setting(&key, &value)?;
    announce_change(&app);
    Ok(())
}

#[tauri::command]
async fn set_stage<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    stage: String,
) -> UiResult<Contact> {
    let contact = tend.set_stage(id, &stage)?;
    announce_change(&app);
    Ok(contact)
}

#[tauri::command]
async fn get_today(tend: State<'_, Arc<Tend>>) -> UiResult<Today> {
    Ok(tend.today()?)
}

#[tauri::command]
async fn plan_followup<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    draft: FollowupDraft,
) -> UiResult<Followup> {
    let followup = tend.plan_followup(&draft)?;
    announce_change(&app);
    Ok(followup)
}

#[tauri::command]
async fn contact_followups(tend: State<'_, Arc<Tend>>, contact_id: i64) -> UiResult<Vec<Followup>> {
    Ok(tend.contact_followups(contact_id)?)
}

#[tauri::command]
async fn complete_followup<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
) -> UiResult<Completed> {
    let completed = tend.complete_followup(id)?;
    announce_change(&app);
    Ok(completed)
}

#[tauri::command]
async fn snooze_options(tend: State<'_, Arc<Tend>>) -> UiResult<Vec<SnoozeOption>> {
    Ok(tend.snooze_options()?)
}

#[tauri::command]
async fn snooze_followup<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    choice: SnoozeChoice,
) -> UiResult<Followup> {
    let followup = tend.snooze_followup(id, choice)?;
    announce_change(&app);
    Ok(followup)
}

#[tauri::command]
async fn snooze_followup_until<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    date: String,
    time: String,
) -> UiResult<Followup> {
    let followup = tend.snooze_followup_until(id, &date, &time)?;
    announce_change(&app);
    Ok(followup)
}

#[tauri::command]
async fn reschedule_followup<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    date: String,
    time: String,
) -> UiResult<Followup> {
    let followup = tend.reschedule_followup(id, &date, &time)?;
    announce_change(&app);
    Ok(followup)
}

#[tauri::command]
async fn skip_followup<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    reason: String,
) -> UiResult<Followup> {
    let followup = tend.skip_followup(id, &reason)?;
    announce_change(&app);
    Ok(followup)
}

#[tauri::command]
async fn log_touch<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    draft: TouchDraft,
) -> UiResult<LoggedTouch> {
    let logged = tend.log_touch(&draft)?;
    announce_change(&app);
    Ok(logged)
}

#[tauri::command]
async fn contact_touches(tend: State<'_, Arc<Tend>>, contact_id: i64) -> UiResult<TouchHistory> {
    Ok(tend.contact_touches(contact_id)?)
}

#[tauri::command]
async fn list_cadences(tend: State<'_, Arc<Tend>>) -> UiResult<Vec<Cadence>> {
    Ok(tend.cadences()?)
}

#[tauri::command]
async fn create_cadence<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    draft: CadenceDraft,
) -> UiResult<Cadence> {
    let cadence = tend.create_cadence(&draft)?;
    announce_change(&app);
    Ok(cadence)
}

#[tauri::command]
async fn update_cadence<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    id: i64,
    draft: CadenceDraft,
) -> UiResult<Cadence> {
    let cadence = tend.update_cadence(id, &draft)?;
    announce_change(&app);
    Ok(cadence)
}

#[tauri::command]
async fn apply_cadence<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    cadence_id: i64,
) -> UiResult<Vec<Followup>> {
    let followups = tend.apply_cadence(contact_id, cadence_id)?;
    announce_change(&app);
    Ok(followups)
}

#[tauri::command]
async fn record_decision<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    draft: DecisionDraft,
) -> UiResult<DecisionOutcome> {
    let outcome = tend.record_decision(&draft)?;
    announce_change(&app);
    Ok(outcome)
}

#[tauri::command]
async fn contact_decisions(tend: State<'_, Arc<Tend>>, contact_id: i64) -> UiResult<Vec<Decision>> {
    Ok(tend.contact_decisions(contact_id)?)
}

#[tauri::command]
async fn preview_quick_add(
    tend: State<'_, Arc<Tend>>,
    line: String,
    batch: Batch,
) -> UiResult<QuickAddPreview> {
    Ok(tend.preview_quick_add(&line, &batch)?)
}

#[tauri::command]
async fn quick_add<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    line: String,
    batch: Batch,
    add_to: Option<i64>,
) -> UiResult<QuickAdded> {
    let added = tend.quick_add(&line, &batch, add_to)?;
    announce_change(&app);
    Ok(added)
}

#[tauri::command]
async fn undo_quick_add<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    added: UndoQuickAdd,
) -> UiResult<()> {
    tend.undo_quick_add(&added)?;
    announce_change(&app);
    Ok(())
}

/// "one_hour", "tomorrow" (until tomorrow morning) or "resume".
#[tauri::command]
async fn pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    choice: String,
) -> UiResult<Settings> {
    super::tray::pause(&tend, &choice)?;
    announce_change(&app);
    Ok(tend.settings()?)
}

#[tauri::command]
async fn get_autostart<R: Runtime>(app: AppHandle<R>) -> UiResult<bool> {
    use tauri_plugin_autostart::ManagerExt;
    Ok(app.autolaunch().is_enabled().unwrap_or(false))
}

/// Start at login: opt-in, through the OS's own mechanism (the autostart plugin).
#[tauri::command]
async fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: bool) -> UiResult<bool> {
    use tauri_plugin_autostart::ManagerExt;
    let manager = app.autolaunch();
    let result = if enabled {
        manager.enable()
    } else {
        manager.disable()
    };
    result.map_err(|err| {
        super::ui_error::UiError::os(format!("Could not change start at login: {err}"))
    })?;
    Ok(manager.is_enabled().unwrap_or(enabled))
}

#[tauri::command]
async fn get_shortcut<R: Runtime>(app: AppHandle<R>) -> UiResult<super::shortcut::ShortcutStatus> {
    Ok(app
        .try_state::<super::shortcut::RegisteredShortcut>()
        .map(|state| {
            state
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .clone()
        })
        .unwrap_or_default())
}

/// Tries the new combination with the OS; it is saved only if the OS accepts it.
#[tauri::command]
async fn set_shortcut<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    shortcut: String,
) -> UiResult<super::shortcut::ShortcutStatus> {
    let status = super::shortcut::register(&app, shortcut.trim());
    if status.registered {
        tend.store().write(|tx| {
            crate::store::settings::put(
                tx,
                crate::store::settings::QUICK_ADD_SHORTCUT,
                Some(&status.shortcut),
            )
        })?;
    }
    Ok(status)
}

#[tauri::command]
async fn get_followup(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<Followup> {
    Ok(tend.followup(id)?)
}
