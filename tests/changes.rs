//! "Something changed" follows every committed write and nothing else: the
//! views refresh and the reminder loop looks again without any command having
//! to remember to say so.

use crate::support::{draft, fixture};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tend::domain::followup::FollowupDraft;

#[test]
fn every_committed_write_runs_the_change_hook_once_and_reads_never_do() {
    let f = fixture();
    f.tend.set_setting("digestTime", "off").expect("no digest");
    let changes = Arc::new(AtomicUsize::new(0));
    let seen = changes.clone();
    f.tend.on_change(Box::new(move || {
        seen.fetch_add(1, Ordering::SeqCst);
    }));
    let count = || changes.load(Ordering::SeqCst);

    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    assert_eq!(count(), 1, "create");
    let planned = f
        .tend
        .plan_followup(&FollowupDraft {
            contact_id: jane.id,
            date: "2026-11-24".into(),
            ..FollowupDraft::default()
        })
        .expect("planned");
    assert_eq!(count(), 2, "plan");
    f.tend.set_setting("defaultTime", "08:00").expect("setting");
    f.tend.pause_reminders("one_hour").expect("paused");
    f.tend.complete_followup(planned.id).expect("done");
    assert_eq!(count(), 5, "setting, pause, done");

    f.tend.today().expect("today");
    f.tend.contact(jane.id).expect("read");
    f.tend.settings().expect("settings");
    f.tend.due_count().expect("count");
    assert_eq!(count(), 5, "reads change nothing");

    let refused = f.tend.complete_followup(planned.id);
    assert!(refused.is_err(), "already done");
    let bad = f.tend.set_setting("defaultTime", "25:00");
    assert!(bad.is_err());
    assert_eq!(count(), 5, "a refused change is not a change");

    f.tend.pause_reminders("resume").expect("resumed");
    let before = count();
    let quiet = f.tend.reminder_tick(false).expect("tick");
    assert!(quiet.notices.is_empty());
    assert_eq!(count(), before, "a tick with nothing due writes nothing");
}
