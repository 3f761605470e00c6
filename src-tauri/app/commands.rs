//! The window's commands: each turns its arguments into one call on `Tend`, maps
//! the error, and announces changes. Async so they never run on the UI thread.

use super::ui_error::UiResult;
use super::CHANGED_EVENT;
use crate::api::{Settings, Tend};
use crate::domain::contact::{Contact, ContactDraft, ContactPage, ContactQuery};
use crate::domain::stage::StageInfo;
use tauri::{AppHandle, Emitter, Runtime, State};

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        list_stages,
        list_contacts,
        get_contact,
        create_contact,
        update_contact,
        set_archived,
        delete_contact,
        get_settings,
        set_setting,
    ]
}

/// Tells every view that data changed; a failed emit only delays a refresh.
fn announce_change<R: Runtime>(app: &AppHandle<R>) {
    let _ = app.emit(CHANGED_EVENT, ());
}

#[tauri::command]
async fn list_stages(tend: State<'_, Tend>) -> UiResult<Vec<StageInfo>> {
    Ok(tend.stages())
}

#[tauri::command]
async fn list_contacts(
    tend: State<'_, Tend>,
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
async fn get_contact(tend: State<'_, Tend>, id: i64) -> UiResult<Contact> {
    Ok(tend.contact(id)?)
}

#[tauri::command]
async fn create_contact<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Tend>,
    draft: ContactDraft,
) -> UiResult<Contact> {
    let contact = tend.create_contact(&draft)?;
    announce_change(&app);
    Ok(contact)
}

#[tauri::command]
async fn update_contact<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Tend>,
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
    tend: State<'_, Tend>,
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
    tend: State<'_, Tend>,
    id: i64,
) -> UiResult<()> {
    tend.delete_contact(id)?;
    announce_change(&app);
    Ok(())
}

#[tauri::command]
async fn get_settings(tend: State<'_, Tend>) -> UiResult<Settings> {
    Ok(tend.settings()?)
}

#[tauri::command]
async fn set_setting<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Tend>,
    key: String,
    value: String,
) -> UiResult<()> {
    tend.set_setting(&key, &value)?;
    announce_change(&app);
    Ok(())
}
