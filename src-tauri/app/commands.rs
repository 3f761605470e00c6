//! The window's commands: each turns its arguments into one call on `Tend` and
//! maps the error; `Tend` announces the change itself. Async so they never run
//! on the UI thread.

use super::autostart;
use super::events::{ImportCancel, IMPORT_PROGRESS_EVENT};
use super::notifier;
use super::reminders::icon_path;
use super::shortcut::{self, RegisteredShortcut, ShortcutStatus};
use super::startup::StartupReport;
use super::startup::{self, Startup};
use super::ui_error::{UiError, UiResult};
use crate::api::{
    BackupInfo, ExportFormat, ImportChoices, ImportPreview, ImportSummary, RestoreSummary, Rows,
};
use crate::api::{
    CadencePlan, Completed, DecisionOutcome, Insights, LoggedTouch, QuickAddPreview, QuickAdded,
    Settings, Tend, Today, TouchHistory, UndoOutcome, UndoQuickAdd,
};
use crate::api::{DateAsk, DateReading};
use crate::api::{DepartureOutcome, PurchaseHistory, PurchaseOutcome, Referrals};
use crate::domain::cadence::{Cadence, CadenceDraft};
use crate::domain::contact::AboutDraft;
use crate::domain::contact::{Contact, ContactDraft, ContactPage, ContactQuery};
use crate::domain::decision::{Decision, DecisionDraft};
use crate::domain::departure::{Departure, DepartureDraft};
use crate::domain::events::{Event, EventDraft};
use crate::domain::followup::{Followup, FollowupDraft, SnoozeChoice, SnoozeOption};
use crate::domain::insights::period::Period;
use crate::domain::insights::pipeline::SlicePeople;
use crate::domain::links::{self, LinkRequest};
use crate::domain::product::{Product, ProductDraft};
use crate::domain::purchase::PurchaseDraft;
use crate::domain::referral::{PartnerReferral, PartnerReferralDraft};
use crate::domain::release::{self, Release};
use crate::domain::season::{Season, SeasonDraft};
use crate::domain::sections::Shown;
use crate::domain::stage::StageInfo;
use crate::domain::text::quoted;
use crate::domain::touch::{KeptQuestion, TouchDraft};
use crate::interchange::ColumnMapping;
use crate::quickadd::Batch;
use crate::reminders::test_notice::TestOutcome;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use tauri::Emitter;
use tauri::{AppHandle, Manager, Runtime, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

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
        startup_problem,
        page_ready,
        retry_startup,
        open_data_folder,
        quit_app,
        choose_import_file,
        preview_import,
        import_contacts,
        cancel_import,
        choose_export_file,
        export_to,
        backup_status,
        back_up_now,
        choose_restore_file,
        check_backup,
        restore_backup,
        restore_newest_backup,
        get_insights,
        pipeline_people,
        read_date,
        open_link,
        quick_add_batch,
        set_quick_add_batch,
        about_tend,
        send_test_notification,
        decision_answers,
        touch_keeps,
        cadence_plan,
        close_quick_add,
        list_products,
        save_product,
        set_product_archived,
        record_purchase,
        contact_purchases,
        record_departure,
        contact_departures,
        contact_referrals,
        set_referred_by,
        record_partner_referral,
        save_about,
        contact_events,
        add_contact_event,
        remove_contact_event,
        list_seasons,
        add_season,
        remove_season,
    ]
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
async fn create_contact(tend: State<'_, Arc<Tend>>, draft: ContactDraft) -> UiResult<Contact> {
    let contact = tend.create_contact(&draft)?;
    Ok(contact)
}

#[tauri::command]
async fn update_contact(
    tend: State<'_, Arc<Tend>>,
    id: i64,
    draft: ContactDraft,
) -> UiResult<Contact> {
    let contact = tend.update_contact(id, &draft)?;
    Ok(contact)
}

#[tauri::command]
async fn set_archived(tend: State<'_, Arc<Tend>>, id: i64, archived: bool) -> UiResult<Contact> {
    let contact = tend.set_archived(id, archived)?;
    Ok(contact)
}

#[tauri::command]
async fn delete_contact(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<()> {
    tend.delete_contact(id)?;
    Ok(())
}

#[tauri::command]
async fn get_settings(tend: State<'_, Arc<Tend>>) -> UiResult<Settings> {
    Ok(tend.settings()?)
}

#[tauri::command]
async fn set_setting(tend: State<'_, Arc<Tend>>, key: String, value: String) -> UiResult<()> {
    tend.set_setting(&key, &value)?;
    Ok(())
}

#[tauri::command]
async fn set_stage(tend: State<'_, Arc<Tend>>, id: i64, stage: String) -> UiResult<Contact> {
    let contact = tend.set_stage(id, &stage)?;
    Ok(contact)
}

/// shown: how many of each long section the window shows (omitted: a page each).
#[tauri::command]
async fn get_today<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    shown: Option<Shown>,
) -> UiResult<Today> {
    let today = tend.today_showing(shown.unwrap_or_default())?;
    startup::first_today_sent(&app);
    Ok(today)
}

/// The page is parsed and its modules have run: the window, built hidden,
/// shows it now, and paints at once (app/windows.rs).
#[tauri::command]
async fn page_ready<R: Runtime>(window: WebviewWindow<R>) -> UiResult<()> {
    super::windows::reveal(&window)
        .map_err(|err| UiError::os(format!("Could not show the window: {err}")))
}

/// period: "fourWeeks", "quarter", "year" or "all".
#[tauri::command]
async fn get_insights(tend: State<'_, Arc<Tend>>, period: String) -> UiResult<Insights> {
    let period = Period::from_key(&period).ok_or_else(|| {
        crate::Error::invalid(
            "period",
            "Choose the last 4 weeks, a quarter, a year or all.",
        )
    })?;
    Ok(tend.insights(period)?)
}

/// The people behind one bar of Insights' pipeline.
#[tauri::command]
async fn pipeline_people(tend: State<'_, Arc<Tend>>, slice: String) -> UiResult<SlicePeople> {
    Ok(tend.pipeline_people(&slice)?)
}

#[tauri::command]
async fn plan_followup(tend: State<'_, Arc<Tend>>, draft: FollowupDraft) -> UiResult<Followup> {
    let followup = tend.plan_followup(&draft)?;
    Ok(followup)
}

#[tauri::command]
async fn contact_followups(tend: State<'_, Arc<Tend>>, contact_id: i64) -> UiResult<Vec<Followup>> {
    Ok(tend.contact_followups(contact_id)?)
}

#[tauri::command]
async fn complete_followup(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<Completed> {
    let completed = tend.complete_followup(id)?;
    Ok(completed)
}

#[tauri::command]
async fn snooze_options(tend: State<'_, Arc<Tend>>) -> UiResult<Vec<SnoozeOption>> {
    Ok(tend.snooze_options()?)
}

#[tauri::command]
async fn snooze_followup(
    tend: State<'_, Arc<Tend>>,
    id: i64,
    choice: SnoozeChoice,
) -> UiResult<Followup> {
    let followup = tend.snooze_followup(id, choice)?;
    Ok(followup)
}

#[tauri::command]
async fn snooze_followup_until(
    tend: State<'_, Arc<Tend>>,
    id: i64,
    date: String,
    time: String,
) -> UiResult<Followup> {
    let followup = tend.snooze_followup_until(id, &date, &time)?;
    Ok(followup)
}

#[tauri::command]
async fn reschedule_followup(
    tend: State<'_, Arc<Tend>>,
    id: i64,
    date: String,
    time: String,
) -> UiResult<Followup> {
    let followup = tend.reschedule_followup(id, &date, &time)?;
    Ok(followup)
}

#[tauri::command]
async fn skip_followup(tend: State<'_, Arc<Tend>>, id: i64, reason: String) -> UiResult<Followup> {
    let followup = tend.skip_followup(id, &reason)?;
    Ok(followup)
}

#[tauri::command]
async fn log_touch(tend: State<'_, Arc<Tend>>, draft: TouchDraft) -> UiResult<LoggedTouch> {
    let logged = tend.log_touch(&draft)?;
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
async fn create_cadence(tend: State<'_, Arc<Tend>>, draft: CadenceDraft) -> UiResult<Cadence> {
    let cadence = tend.create_cadence(&draft)?;
    Ok(cadence)
}

#[tauri::command]
async fn update_cadence(
    tend: State<'_, Arc<Tend>>,
    id: i64,
    draft: CadenceDraft,
) -> UiResult<Cadence> {
    let cadence = tend.update_cadence(id, &draft)?;
    Ok(cadence)
}

#[tauri::command]
async fn apply_cadence(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    cadence_id: i64,
    start_on: Option<String>,
) -> UiResult<Vec<Followup>> {
    let start_on = start_on.unwrap_or_default();
    let followups = tend.apply_cadence(contact_id, cadence_id, &start_on)?;
    Ok(followups)
}

#[tauri::command]
async fn record_decision(
    tend: State<'_, Arc<Tend>>,
    draft: DecisionDraft,
) -> UiResult<DecisionOutcome> {
    let outcome = tend.record_decision(&draft)?;
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
async fn quick_add(
    tend: State<'_, Arc<Tend>>,
    line: String,
    batch: Batch,
    add_to: Option<i64>,
) -> UiResult<QuickAdded> {
    let added = tend.quick_add(&line, &batch, add_to)?;
    Ok(added)
}

#[tauri::command]
async fn undo_quick_add(tend: State<'_, Arc<Tend>>, added: UndoQuickAdd) -> UiResult<UndoOutcome> {
    Ok(tend.undo_quick_add(&added)?)
}

/// "one_hour", "tomorrow" (until tomorrow morning) or "resume".
#[tauri::command]
async fn pause_reminders(tend: State<'_, Arc<Tend>>, choice: String) -> UiResult<Settings> {
    Ok(tend.pause_reminders(&choice)?)
}

#[tauri::command]
async fn get_autostart<R: Runtime>(app: AppHandle<R>) -> UiResult<bool> {
    Ok(autostart::is_enabled(&app))
}

/// Start at login: opt-in, through the OS's own mechanism; never from a development build.
#[tauri::command]
async fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: bool) -> UiResult<bool> {
    autostart::set(&app, enabled).map_err(UiError::os)
}

#[tauri::command]
async fn get_shortcut<R: Runtime>(app: AppHandle<R>) -> UiResult<ShortcutStatus> {
    Ok(app
        .try_state::<RegisteredShortcut>()
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
) -> UiResult<ShortcutStatus> {
    let status = shortcut::register(&app, shortcut.trim());
    if status.registered {
        tend.save_quick_add_shortcut(&status.shortcut)?;
    }
    Ok(status)
}

#[tauri::command]
async fn get_followup(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<Followup> {
    Ok(tend.followup(id)?)
}

/// Why the data could not be opened at start (with the newest good backup), or
/// `None` when Tend is running.
#[tauri::command]
async fn startup_problem(startup: State<'_, Startup>) -> UiResult<Option<StartupReport>> {
    Ok(startup.report())
}

/// Tries to open the data again (the other program was closed, the disk fixed).
#[tauri::command]
async fn retry_startup<R: Runtime>(app: AppHandle<R>) -> UiResult<Option<StartupReport>> {
    Ok(startup::try_open(&app))
}

/// The data file cannot be used: the newest good backup takes its place (the
/// file is kept aside), then Tend starts. `None` once running.
#[tauri::command]
async fn restore_newest_backup<R: Runtime>(app: AppHandle<R>) -> UiResult<Option<StartupReport>> {
    Ok(startup::restore_newest(&app)?)
}

/// Shows the data folder in the system's file manager.
#[tauri::command]
async fn open_data_folder<R: Runtime>(
    app: AppHandle<R>,
    startup: State<'_, Startup>,
) -> UiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(startup.dir.display().to_string(), None::<&str>)
        .map_err(|err| {
            UiError::os(format!(
                "Could not open the folder {}: {err}",
                startup.dir.display()
            ))
        })
}

#[tauri::command]
async fn quit_app<R: Runtime>(app: AppHandle<R>) -> UiResult<()> {
    app.exit(0);
    Ok(())
}

// ---------- Contacts in and out ----------

fn chosen(path: Option<tauri_plugin_dialog::FilePath>) -> Option<String> {
    path.and_then(|path| path.into_path().ok())
        .map(|path| path.display().to_string())
}

/// The system's file chooser, for a contacts file.
#[tauri::command]
async fn choose_import_file<R: Runtime>(app: AppHandle<R>) -> UiResult<Option<String>> {
    Ok(chosen(
        app.dialog()
            .file()
            .set_title("Import contacts")
            .add_filter(
                "Contacts (vCard, CSV)",
                &["vcf", "vcard", "csv", "tsv", "txt"],
            )
            .blocking_pick_file(),
    ))
}

#[tauri::command]
async fn preview_import(
    tend: State<'_, Arc<Tend>>,
    path: String,
    mapping: Option<ColumnMapping>,
) -> UiResult<ImportPreview> {
    Ok(tend.preview_import_file(Path::new(&path), mapping.as_ref(), Rows::First)?)
}

/// Imports in one transaction, telling the window how far it got; Cancel stops it.
#[tauri::command]
async fn import_contacts<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
    cancel: State<'_, ImportCancel>,
    path: String,
    mapping: Option<ColumnMapping>,
    choices: ImportChoices,
) -> UiResult<ImportSummary> {
    cancel.flag().store(false, Ordering::SeqCst);
    let mut progress = |done: usize, total: usize| {
        let _ = app.emit(
            IMPORT_PROGRESS_EVENT,
            serde_json::json!({ "done": done, "total": total }),
        );
        !cancel.flag().load(Ordering::SeqCst)
    };
    Ok(tend.import_file(Path::new(&path), mapping.as_ref(), &choices, &mut progress)?)
}

#[tauri::command]
async fn cancel_import(cancel: State<'_, ImportCancel>) -> UiResult<()> {
    cancel.flag().store(true, Ordering::SeqCst);
    Ok(())
}

fn export_format(format: &str) -> UiResult<ExportFormat> {
    Ok(ExportFormat::from_extension(format).ok_or_else(|| {
        crate::Error::invalid(
            "format",
            format!("{format} is not vcf, csv or ics.", format = quoted(format)),
        )
    })?)
}

/// Where to save an export, with a name that says what it is.
#[tauri::command]
async fn choose_export_file<R: Runtime>(
    app: AppHandle<R>,
    format: String,
) -> UiResult<Option<String>> {
    let extension = format.trim().to_ascii_lowercase();
    export_format(&extension)?;
    let name = match extension.as_str() {
        "ics" => "Tend follow-ups.ics".to_string(),
        other => format!("Tend contacts.{other}"),
    };
    Ok(chosen(
        app.dialog()
            .file()
            .set_title("Export")
            .set_file_name(name)
            .add_filter(extension.to_uppercase(), &[extension.as_str()])
            .blocking_save_file(),
    ))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Exported {
    path: PathBuf,
    count: usize,
    /// "212 contacts", "14 open follow-ups"
    counted: String,
}

#[tauri::command]
async fn export_to(tend: State<'_, Arc<Tend>>, path: String, format: String) -> UiResult<Exported> {
    let written = tend.export_to(Path::new(&path), export_format(&format)?)?;
    Ok(Exported {
        counted: written.counted(),
        count: written.count,
        path: written.path,
    })
}

// ---------- Backups ----------

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BackupStatus {
    folder: PathBuf,
    last: Option<BackupInfo>,
    backups: Vec<BackupInfo>,
}

#[tauri::command]
async fn backup_status(tend: State<'_, Arc<Tend>>) -> UiResult<BackupStatus> {
    let backups = tend.backups()?;
    Ok(BackupStatus {
        folder: tend.backup_folder(),
        last: backups.first().cloned(),
        backups,
    })
}

/// Back up now, to a file she picks (a USB stick); `None` when she cancels.
#[tauri::command]
async fn back_up_now<R: Runtime>(
    app: AppHandle<R>,
    tend: State<'_, Arc<Tend>>,
) -> UiResult<Option<BackupInfo>> {
    let picked = chosen(
        app.dialog()
            .file()
            .set_title("Back up now")
            .set_file_name("Tend backup.sqlite3")
            .blocking_save_file(),
    );
    match picked {
        Some(path) => Ok(Some(tend.back_up_to(Path::new(&path))?)),
        None => Ok(None),
    }
}

#[tauri::command]
async fn choose_restore_file<R: Runtime>(app: AppHandle<R>) -> UiResult<Option<String>> {
    Ok(chosen(
        app.dialog()
            .file()
            .set_title("Restore from backup")
            .add_filter("Tend backup", &["sqlite3", "sqlite", "db"])
            .blocking_pick_file(),
    ))
}

/// What restoring `path` would bring back, checked, before she confirms.
#[tauri::command]
async fn check_backup(tend: State<'_, Arc<Tend>>, path: String) -> UiResult<BackupInfo> {
    Ok(tend.check_backup(Path::new(&path))?)
}

#[tauri::command]
async fn restore_backup(tend: State<'_, Arc<Tend>>, path: String) -> UiResult<RestoreSummary> {
    Ok(tend.restore_from(Path::new(&path))?)
}

/// A day as she typed it in a form ("Mon", "Dec 3 at 2pm") → the day it means.
#[tauri::command]
async fn read_date(tend: State<'_, Arc<Tend>>, ask: DateAsk) -> UiResult<DateReading> {
    Ok(tend.read_date(&ask)?)
}

/// Call, text or email someone with the computer's own handler (the opener
/// plugin, from Rust): only the `tel:`, `sms:` or `mailto:` URL the domain
/// builds from a number or an address. Returns the URL opened.
#[tauri::command]
async fn open_link<R: Runtime>(app: AppHandle<R>, link: LinkRequest) -> UiResult<String> {
    use tauri_plugin_opener::OpenerExt;
    let url = links::url(&link)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|err| UiError::os(format!("Could not open {url}: {err}")))?;
    Ok(url)
}

/// The Quick add batch context set today, if any (it survives a restart that day).
#[tauri::command]
async fn quick_add_batch(tend: State<'_, Arc<Tend>>) -> UiResult<Batch> {
    Ok(tend.quick_add_batch()?)
}

#[tauri::command]
async fn set_quick_add_batch(tend: State<'_, Arc<Tend>>, batch: Batch) -> UiResult<()> {
    Ok(tend.set_quick_add_batch(&batch)?)
}

/// Settings → About: this build's version and its release notes.
#[tauri::command]
async fn about_tend() -> UiResult<Release> {
    Ok(release::current())
}

/// The welcome's `Send a test notification`: does a notification reach her desktop?
#[tauri::command]
async fn send_test_notification(startup: State<'_, Startup>) -> UiResult<TestOutcome> {
    let icon = icon_path(&startup.dir);
    let icon = icon.is_file().then(|| icon.display().to_string());
    Ok(notifier::send_test(icon))
}

// ---------- Outcomes settle promises; cadences follow the calendar ----------

/// The open promises a decision of `kind` would close, shown ticked in its form.
#[tauri::command]
async fn decision_answers(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    kind: String,
) -> UiResult<Vec<Followup>> {
    Ok(tend.decision_answers(contact_id, &kind)?)
}

/// The open follow-up a touch at `when` most likely kept, to ask about.
#[tauri::command]
async fn touch_keeps(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    when: String,
) -> UiResult<Option<KeptQuestion>> {
    Ok(tend.touch_keeps(contact_id, &when)?)
}

/// What applying a cadence (none: the one fitting the stage) would plan.
#[tauri::command]
async fn cadence_plan(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    cadence_id: Option<i64>,
    start_on: String,
) -> UiResult<CadencePlan> {
    Ok(tend.cadence_plan(contact_id, cadence_id, &start_on)?)
}

/// Escape in the small Quick add window: it goes away, its batch kept for
/// the next time it is called up.
#[tauri::command]
async fn close_quick_add<R: Runtime>(app: AppHandle<R>) -> UiResult<()> {
    if let Some(window) = app.get_webview_window(super::windows::QUICK_ADD_WINDOW) {
        window
            .hide()
            .map_err(|err| UiError::os(format!("Could not close Quick add: {err}")))?;
    }
    Ok(())
}

// ---------- Customers who stay: products, purchases, departures, referrals ----------

#[tauri::command]
async fn list_products(tend: State<'_, Arc<Tend>>) -> UiResult<Vec<Product>> {
    Ok(tend.products()?)
}

/// `id` null adds a product; otherwise changes that one.
#[tauri::command]
async fn save_product(
    tend: State<'_, Arc<Tend>>,
    id: Option<i64>,
    draft: ProductDraft,
) -> UiResult<Product> {
    Ok(tend.save_product(id, &draft)?)
}

#[tauri::command]
async fn set_product_archived(
    tend: State<'_, Arc<Tend>>,
    id: i64,
    archived: bool,
) -> UiResult<Product> {
    Ok(tend.set_product_archived(id, archived)?)
}

#[tauri::command]
async fn record_purchase(
    tend: State<'_, Arc<Tend>>,
    draft: PurchaseDraft,
) -> UiResult<PurchaseOutcome> {
    Ok(tend.record_purchase(&draft)?)
}

#[tauri::command]
async fn contact_purchases(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
) -> UiResult<PurchaseHistory> {
    Ok(tend.contact_purchases(contact_id)?)
}

#[tauri::command]
async fn record_departure(
    tend: State<'_, Arc<Tend>>,
    draft: DepartureDraft,
) -> UiResult<DepartureOutcome> {
    Ok(tend.record_departure(&draft)?)
}

#[tauri::command]
async fn contact_departures(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
) -> UiResult<Vec<Departure>> {
    Ok(tend.contact_departures(contact_id)?)
}

#[tauri::command]
async fn contact_referrals(tend: State<'_, Arc<Tend>>, contact_id: i64) -> UiResult<Referrals> {
    Ok(tend.referrals(contact_id)?)
}

#[tauri::command]
async fn set_referred_by(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    referrer_id: Option<i64>,
) -> UiResult<Contact> {
    Ok(tend.set_referred_by(contact_id, referrer_id)?)
}

#[tauri::command]
async fn record_partner_referral(
    tend: State<'_, Arc<Tend>>,
    draft: PartnerReferralDraft,
) -> UiResult<PartnerReferral> {
    Ok(tend.record_partner_referral(&draft)?)
}

// ---------- Birthdays, events, what matters now, seasons ----------

#[tauri::command]
async fn save_about(
    tend: State<'_, Arc<Tend>>,
    contact_id: i64,
    draft: AboutDraft,
) -> UiResult<Contact> {
    Ok(tend.save_about(contact_id, &draft)?)
}

#[tauri::command]
async fn contact_events(tend: State<'_, Arc<Tend>>, contact_id: i64) -> UiResult<Vec<Event>> {
    Ok(tend.contact_events(contact_id)?)
}

#[tauri::command]
async fn add_contact_event(tend: State<'_, Arc<Tend>>, draft: EventDraft) -> UiResult<Vec<Event>> {
    Ok(tend.add_contact_event(&draft)?)
}

#[tauri::command]
async fn remove_contact_event(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<Vec<Event>> {
    Ok(tend.remove_contact_event(id)?)
}

#[tauri::command]
async fn list_seasons(tend: State<'_, Arc<Tend>>) -> UiResult<Vec<Season>> {
    Ok(tend.seasons()?)
}

#[tauri::command]
async fn add_season(tend: State<'_, Arc<Tend>>, draft: SeasonDraft) -> UiResult<Vec<Season>> {
    Ok(tend.add_season(&draft)?)
}

#[tauri::command]
async fn remove_season(tend: State<'_, Arc<Tend>>, id: i64) -> UiResult<Vec<Season>> {
    Ok(tend.remove_season(id)?)
}
