//! Reminders: what is notified, when, and never twice — with a controllable clock
//! and a recording notifier; and the real loop on the real clock.

use crate::support::{draft, fixture_at, instant, Fixture};
use chrono::Duration;
use chrono_tz::America::New_York;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use tend::api::Tend;
use tend::clock::{Clock, SystemClock};
use tend::domain::channel::Channel;
use tend::domain::followup::{Due, FollowupDraft, SnoozeChoice, ValidFollowup};
use tend::reminders::alarm::{self, RecordingAlarm};
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
        Some(instant("2026-11-23T15:00:00Z")),
        "wakes exactly when due, hours ahead, with nothing in between"
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
    assert_eq!(tick.next_wake, Some(instant("2026-11-23T13:30:00Z")));
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
    let system_alarm = alarm::system(wake.clone()).expect("the OS alarm");
    let looper = {
        let tend = tend.clone();
        let recorder = recorder.clone();
        std::thread::spawn(move || {
            let notifier: &dyn Notifier = recorder.as_ref();
            run_loop::run(
                |catching_up| tend.reminder_tick(catching_up),
                || tend.clock().now(),
                notifier,
                system_alarm.as_ref(),
                &wakes,
            );
        })
    };
    // The loop is asleep with nothing due, its alarm off; a change wakes it.
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

/// The loop on the fixture's manual clock with an alarm that only records what
/// it was set to: the test rings it (or moves the clock and says so) itself,
/// and counts how often the loop looked.
struct Driven<'a> {
    wake: mpsc::Sender<Wake>,
    alarm: &'a RecordingAlarm,
    looks: &'a AtomicUsize,
    sent: usize,
}

impl Driven<'_> {
    /// Sends one wake and waits until the loop has looked and set its alarm again.
    fn wake(&mut self, why: Wake) {
        self.wake.send(why).expect("the loop listens");
        self.sent += 1;
        self.until_looked(self.sent + 1);
    }

    fn until_looked(&self, looks: usize) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while self.alarm.settings().len() < looks && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(self.alarm.settings().len(), looks, "the loop looked again");
    }

    fn last_alarm(&self) -> Option<std::time::Duration> {
        *self.alarm.settings().last().expect("set at least once")
    }

    fn looks(&self) -> usize {
        self.looks.load(Ordering::SeqCst)
    }
}

fn drive(f: &Fixture, recorder: &RecordingNotifier, script: impl FnOnce(&mut Driven)) {
    let alarm = RecordingAlarm::default();
    let looks = AtomicUsize::new(0);
    let (wake, wakes) = mpsc::channel();
    std::thread::scope(|scope| {
        let (alarm, looks) = (&alarm, &looks);
        scope.spawn(move || {
            run_loop::run(
                |catching_up| {
                    looks.fetch_add(1, Ordering::SeqCst);
                    f.tend.reminder_tick(catching_up)
                },
                || f.clock_now(),
                recorder,
                alarm,
                &wakes,
            )
        });
        let mut driven = Driven {
            wake: wake.clone(),
            alarm,
            looks,
            sent: 0,
        };
        driven.until_looked(1);
        script(&mut driven);
        wake.send(Wake::Stop).expect("stop");
    });
}

const HOUR: std::time::Duration = std::time::Duration::from_secs(3600);

#[test]
fn the_loop_sleeps_until_the_next_reminder_with_no_wake_up_in_between() {
    let f = monday(); // 07:00 in New York
    plan(&f, "Jane Doe", "10:00");
    let recorder = RecordingNotifier::default();
    drive(&f, &recorder, |loop_| {
        assert_eq!(
            loop_.last_alarm(),
            Some(3 * HOUR),
            "one alarm, three hours ahead"
        );
        // A quiet period: nothing rings, nothing changes — the loop does not look.
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert_eq!(loop_.looks(), 1, "no wake-up of its own");
        // Its alarm rings at 10:00: the reminder, then nothing more to wait for.
        f.clock.set(instant("2026-11-23T15:00:00Z"));
        loop_.wake(Wake::Due);
        assert_eq!(loop_.looks(), 2);
        assert_eq!(loop_.last_alarm(), None, "nothing coming: the alarm is off");
    });
    assert_eq!(recorder.shown().len(), 1);
    assert_eq!(recorder.shown()[0].summary, "Follow up with Jane Doe");

    let g = monday();
    let recorder = RecordingNotifier::default();
    drive(&g, &recorder, |loop_| {
        assert_eq!(
            loop_.last_alarm(),
            None,
            "an empty book sets no alarm at all"
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert_eq!(loop_.looks(), 1);
    });
}

#[test]
fn a_clock_set_forward_past_reminders_fires_them_as_a_catch_up() {
    let f = monday();
    for name in ["A", "B", "C", "D"] {
        plan(&f, name, "10:00");
    }
    let recorder = RecordingNotifier::default();
    drive(&f, &recorder, |loop_| {
        assert_eq!(loop_.last_alarm(), Some(3 * HOUR));
        // The wall clock is set five hours ahead: the kernel cancels the alarm.
        f.clock.set(instant("2026-11-23T17:00:00Z"));
        loop_.wake(Wake::ClockChanged);
        assert_eq!(loop_.last_alarm(), None);
    });
    let shown = recorder.shown();
    assert_eq!(shown.len(), 1, "grouped");
    assert_eq!(
        shown[0].summary, "4 follow-ups came due while Tend was closed",
        "what the jump skipped is a catch-up"
    );
}

#[test]
fn a_clock_set_back_moves_the_alarm_and_fires_nothing_early() {
    let f = monday();
    plan(&f, "Jane Doe", "10:00");
    let recorder = RecordingNotifier::default();
    drive(&f, &recorder, |loop_| {
        assert_eq!(loop_.last_alarm(), Some(3 * HOUR));
        f.clock.set(instant("2026-11-23T10:00:00Z")); // two hours back
        loop_.wake(Wake::ClockChanged);
        assert_eq!(
            loop_.last_alarm(),
            Some(5 * HOUR),
            "re-armed from the new now"
        );
        assert!(recorder.shown().is_empty(), "nothing early");
        f.clock.set(instant("2026-11-23T15:00:00Z"));
        loop_.wake(Wake::Due);
    });
    let shown = recorder.shown();
    assert_eq!(shown.len(), 1, "on time, once");
    assert_eq!(shown[0].summary, "Follow up with Jane Doe");
}

#[test]
fn after_a_resume_what_came_due_in_the_sleep_is_caught_up_at_once() {
    let f = monday();
    for name in ["A", "B", "C", "D", "E"] {
        plan(&f, name, "09:00");
    }
    plan(&f, "Later Lou", "18:00");
    let recorder = RecordingNotifier::default();
    drive(&f, &recorder, |loop_| {
        assert_eq!(loop_.last_alarm(), Some(2 * HOUR));
        // The lid was closed at 07:00 and opened at 13:00: logind says so.
        f.clock.set(instant("2026-11-23T18:00:00Z"));
        loop_.wake(Wake::Resumed);
        assert_eq!(loop_.last_alarm(), Some(5 * HOUR), "then Lou, at 18:00");
        assert_eq!(loop_.looks(), 2);
    });
    let shown = recorder.shown();
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].summary,
        "5 follow-ups came due while Tend was closed"
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
