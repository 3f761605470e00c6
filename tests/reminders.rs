//! Reminders: what is notified, when, and never twice — with a controllable clock
//! and a recording notifier; and the real loop on the real clock.

use crate::support::{draft, fixture_at, instant, Fixture};
use chrono::Duration;
use chrono_tz::America::New_York;
use std::sync::{mpsc, Arc};
use tend::api::Tend;
use tend::clock::{Clock, SystemClock};
use tend::domain::channel::Channel;
use tend::domain::followup::{Due, FollowupDraft, SnoozeChoice, ValidFollowup};
use tend::reminders::notifier::{Notifier, RecordingNotifier};
use tend::reminders::run_loop::{self, Wake};
use tend::store::{followups, settings, Store};

fn monday() -> Fixture {
    // Monday 23 Nov 2026, 07:00 in New York; no digest noise unless asked.
    let f = fixture_at("2026-11-23T12:00:00Z", New_York);
    f.tend.set_setting("digestTime", "off").expect("digest off");
    f
}

fn plan(f: &Fixture, name: &str, time: &str) -> i64 {
    let contact = f.tend.create_contact(&draft(name)).expect("contact");
    f.tend
        .plan_followup(&FollowupDraft {
            contact_id: contact.id,
            promise: "send lavender samples".into(),
            channel: "call".into(),
            date: "2026-11-23".into(),
            time: time.into(),
        })
        .expect("planned")
        .id
}

#[test]
fn a_follow_up_is_notified_when_due_and_never_twice() {
    let f = monday();
    plan(&f, "Jane Doe", "10:00");
    let tick = f.tend.reminder_tick(false).expect("tick");
    assert!(tick.notices.is_empty());
    assert_eq!(
        tick.next_wake,
        instant("2026-11-23T12:01:00Z"),
        "wakes at most a minute ahead"
    );

    f.clock.set(instant("2026-11-23T14:59:30Z"));
    assert_eq!(
        f.tend.reminder_tick(false).expect("tick").next_wake,
        instant("2026-11-23T15:00:00Z"),
        "or exactly when due"
    );

    f.clock.set(instant("2026-11-23T15:00:00Z"));
    let tick = f.tend.reminder_tick(false).expect("tick");
    assert_eq!(tick.notices.len(), 1);
    assert_eq!(tick.notices[0].summary, "Follow up with Jane Doe");
    assert_eq!(tick.notices[0].body, "Call — send lavender samples");
    let actions: Vec<&str> = tick.notices[0]
        .actions
        .iter()
        .map(|(_, label)| label.as_str())
        .collect();
    assert_eq!(actions, ["Done", "Snooze 1 h", "Tomorrow", "Open"]);

    assert!(
        f.tend
            .reminder_tick(false)
            .expect("tick")
            .notices
            .is_empty(),
        "not twice"
    );
    let f = f.reopen();
    assert!(
        f.tend.reminder_tick(true).expect("tick").notices.is_empty(),
        "not after a restart either"
    );
}

#[test]
fn a_snooze_re_arms_the_reminder() {
    let f = monday();
    let id = plan(&f, "Jane Doe", "10:00");
    f.clock.set(instant("2026-11-23T15:00:00Z"));
    assert_eq!(f.tend.reminder_tick(false).expect("tick").notices.len(), 1);
    f.tend
        .snooze_followup(id, SnoozeChoice::OneHour)
        .expect("snoozed");
    f.clock.advance(Duration::minutes(59));
    assert!(f
        .tend
        .reminder_tick(false)
        .expect("tick")
        .notices
        .is_empty());
    f.clock.advance(Duration::minutes(1));
    assert_eq!(
        f.tend.reminder_tick(false).expect("tick").notices.len(),
        1,
        "fires again after the snooze"
    );
}

#[test]
fn catching_up_groups_more_than_three() {
    let f = monday();
    for name in ["A", "B", "C", "D", "E"] {
        plan(&f, name, "08:00");
    }
    f.clock.set(instant("2026-11-23T16:00:00Z"));
    let tick = f.tend.reminder_tick(true).expect("tick");
    assert_eq!(tick.notices.len(), 1);
    assert_eq!(
        tick.notices[0].summary,
        "5 follow-ups came due while Tend was closed"
    );
    assert!(tick.notices[0].body.contains("and 1 more"));

    let g = monday();
    for name in ["A", "B", "C"] {
        plan(&g, name, "08:00");
    }
    g.clock.set(instant("2026-11-23T16:00:00Z"));
    assert_eq!(
        g.tend.reminder_tick(true).expect("tick").notices.len(),
        3,
        "three or fewer one by one"
    );
}

#[test]
fn paused_reminders_fire_when_the_pause_ends() {
    let f = monday();
    plan(&f, "Jane Doe", "10:00");
    f.clock.set(instant("2026-11-23T14:30:00Z"));
    let settings = f.tend.pause_reminders("one_hour").expect("paused");
    assert_eq!(
        settings.reminders_paused_until,
        Some(instant("2026-11-23T15:30:00Z"))
    );
    f.clock.set(instant("2026-11-23T15:00:00Z"));
    assert!(
        f.tend
            .reminder_tick(false)
            .expect("tick")
            .notices
            .is_empty(),
        "paused"
    );
    f.clock.set(instant("2026-11-23T15:30:00Z"));
    assert_eq!(
        f.tend.reminder_tick(false).expect("tick").notices.len(),
        1,
        "fires after the pause"
    );
    let err = f.tend.pause_reminders("forever").expect_err("not a choice");
    assert_eq!(err.field(), Some("choice"));
}

#[test]
fn the_morning_digest_comes_once_at_its_time() {
    let f = monday();
    f.tend
        .set_setting("digestTime", "08:30")
        .expect("digest on");
    plan(&f, "Due Dora", "16:00");
    f.clock.set(instant("2026-11-23T13:29:00Z"));
    let tick = f.tend.reminder_tick(false).expect("tick");
    assert!(tick.notices.is_empty());
    assert_eq!(tick.next_wake, instant("2026-11-23T13:30:00Z"));
    f.clock.set(instant("2026-11-23T13:30:00Z"));
    let tick = f.tend.reminder_tick(false).expect("tick");
    assert_eq!(tick.notices.len(), 1);
    assert_eq!(
        tick.notices[0].body,
        "Today: 0 overdue, 1 due, 0 going cold"
    );
    f.clock.advance(Duration::minutes(5));
    assert!(
        f.tend
            .reminder_tick(false)
            .expect("tick")
            .notices
            .is_empty(),
        "once a day"
    );
    let bad = f
        .tend
        .set_setting("digestTime", "8.30am")
        .expect_err("bad time");
    assert_eq!(bad.field(), Some("digestTime"));
}

#[test]
fn the_loop_fires_on_the_real_clock_and_stops_when_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tend = Arc::new(Tend::new(
        Store::open_in_dir(dir.path()).expect("store"),
        Arc::new(SystemClock::real()),
    ));
    tend.set_setting("digestTime", "off").expect("digest off");
    let contact = tend.create_contact(&draft("Jane Doe")).expect("contact");

    let recorder = Arc::new(RecordingNotifier::default());
    let (wake, wakes) = mpsc::channel();
    let looper = {
        let tend = tend.clone();
        let recorder = recorder.clone();
        std::thread::spawn(move || {
            let notifier: &dyn Notifier = recorder.as_ref();
            run_loop::run(
                |catching_up| tend.reminder_tick(catching_up),
                || tend.clock().now(),
                notifier,
                &wakes,
            );
        })
    };
    // The loop is asleep for up to a minute with nothing due; a change wakes it.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let due_at = SystemClock::real().now() + Duration::milliseconds(1500);
    let zone = tend.clock().zone();
    tend.store()
        .write(|tx| {
            let due = Due {
                local: due_at.naive_utc(),
                has_time: true,
                zone,
                at: due_at,
            };
            let followup = ValidFollowup {
                contact_id: contact.id,
                promise: "call back".into(),
                channel: Channel::Call,
                due,
            };
            followups::insert(tx, &followup, None, SystemClock::real().now())
        })
        .expect("seeded");
    wake.send(Wake::Changed).expect("wake");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while recorder.shown().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let fired_at = SystemClock::real().now();
    wake.send(Wake::Stop).expect("stop");
    looper.join().expect("the loop ends");
    assert_eq!(recorder.shown().len(), 1, "the due follow-up was notified");
    // The loop sleeps until the due second; the bound is loose for a loaded CI box.
    let late = fired_at - due_at;
    assert!(
        late < Duration::seconds(3),
        "notified {late} after it was due"
    );
    assert_eq!(
        tend.store().read(settings::paused_until).expect("read"),
        None
    );
}

#[test]
fn the_notification_says_the_number_to_call() {
    let f = monday();
    let jane = f
        .tend
        .create_contact(&crate::support::full_draft(
            "Jane Doe",
            "(415) 555-0142",
            "jane@example.com",
            "",
            &[],
        ))
        .expect("contact");
    for (channel, promise) in [
        ("call", "ask about the party"),
        ("email", "send the catalogue"),
    ] {
        f.tend
            .plan_followup(&FollowupDraft {
                contact_id: jane.id,
                promise: promise.into(),
                channel: channel.into(),
                date: "2026-11-23".into(),
                time: "10:00".into(),
            })
            .expect("planned");
    }
    f.clock.set(instant("2026-11-23T15:00:00Z"));
    let mut bodies: Vec<String> = f
        .tend
        .reminder_tick(false)
        .expect("tick")
        .notices
        .into_iter()
        .map(|notice| notice.body)
        .collect();
    bodies.sort();
    assert_eq!(
        bodies,
        [
            "Call — ask about the party · (415) 555-0142",
            "Email — send the catalogue · jane@example.com",
        ],
        "the number as she typed it, the address for an email"
    );
}
