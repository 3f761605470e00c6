//! Follow-ups and touches through the API, with a controllable clock and zone.

use crate::support::{draft, fixture_at, instant};
use chrono::Duration;
use chrono_tz::America::New_York;
use chrono_tz::Europe::London;
use tend::domain::followup::{FollowupDraft, SnoozeChoice, Status};
use tend::domain::touch::TouchDraft;

fn plan(contact_id: i64, date: &str, time: &str) -> FollowupDraft {
    FollowupDraft {
        contact_id,
        promise: "send lavender samples".into(),
        channel: "call".into(),
        date: date.into(),
        time: time.into(),
    }
}

#[test]
fn a_planned_follow_up_keeps_its_local_time_and_zone() {
    // Monday 23 Nov 2026, 10:00 in New York.
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-26", ""))
        .expect("planned");
    assert_eq!(
        followup.due_local, "2026-11-26T09:00",
        "a date alone means 09:00"
    );
    assert_eq!(followup.due_at, instant("2026-11-26T14:00:00Z"));
    assert!(!followup.has_time);
    let stored: (String, String) = f
        .tend
        .store()
        .read(|c| {
            Ok(
                c.query_row("SELECT due_zone, due_at FROM followups", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?,
            )
        })
        .expect("row");
    assert_eq!(
        stored,
        ("America/New_York".into(), "2026-11-26T14:00:00Z".into()),
        "UTC instant and zone stored"
    );
}

#[test]
fn nine_am_stays_nine_am_across_the_spring_change() {
    // Sunday 1 March 2026 (EST); the follow-up is after the 8 March change (EDT).
    let f = fixture_at("2026-03-01T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-03-10", "09:00"))
        .expect("planned");
    assert_eq!(
        followup.due_at,
        instant("2026-03-10T13:00:00Z"),
        "09:00 EDT, not 09:00 EST"
    );
    assert_eq!(followup.due_local, "2026-03-10T09:00");
}

#[test]
fn a_follow_up_in_the_spring_gap_is_due_once_at_the_shifted_time() {
    // 02:30 on 8 March 2026 does not exist in New York; it becomes 03:30 EDT.
    let f = fixture_at("2026-03-07T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-03-08", "02:30"))
        .expect("planned");
    assert_eq!(followup.due_at, instant("2026-03-08T07:30:00Z"));
    // Walk the clock through the night in 10-minute steps: it becomes due exactly once.
    let mut became_due = 0;
    let mut was_due = false;
    for _ in 0..(24 * 6) {
        f.clock.advance(Duration::minutes(10));
        let today = f.tend.today().expect("today");
        let due = today
            .due_today
            .iter()
            .chain(&today.overdue)
            .any(|item| item.id == followup.id)
            && f.clock_now() >= followup.due_at;
        if due && !was_due {
            became_due += 1;
        }
        was_due = due;
    }
    assert_eq!(became_due, 1);
}

#[test]
fn a_follow_up_in_the_autumn_fold_is_due_at_the_first_one_thirty() {
    let f = fixture_at("2026-10-31T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-01", "01:30"))
        .expect("planned");
    assert_eq!(
        followup.due_at,
        instant("2026-11-01T05:30:00Z"),
        "01:30 EDT, the first of the two"
    );
}

#[test]
fn when_the_laptop_changes_zone_date_only_follow_ups_move_and_timed_ones_keep_their_instant() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let date_only = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-26", ""))
        .expect("planned");
    let timed = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-26", "15:00"))
        .expect("planned");

    f.clock.set_zone(London);
    let date_only = f.tend.followup(date_only.id).expect("read");
    let timed = f.tend.followup(timed.id).expect("read");
    assert_eq!(
        date_only.due_local, "2026-11-26T09:00",
        "Thursday morning wherever they are"
    );
    assert_eq!(date_only.due_at, instant("2026-11-26T09:00:00Z"));
    assert_eq!(
        timed.due_at,
        instant("2026-11-26T20:00:00Z"),
        "a set time keeps its instant"
    );
    assert_eq!(
        timed.due_local, "2026-11-26T20:00",
        "and is shown in the new local time"
    );
}

#[test]
fn snooze_keeps_the_promise_date_and_reschedule_moves_it() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-23", "11:00"))
        .expect("planned");

    let snoozed = f
        .tend
        .snooze_followup(followup.id, SnoozeChoice::TomorrowMorning)
        .expect("snoozed");
    assert_eq!(snoozed.status, Status::Snoozed);
    assert_eq!(snoozed.snoozed_until, Some(instant("2026-11-24T14:00:00Z")));
    assert_eq!(
        snoozed.due_at, followup.due_at,
        "the promise keeps its date"
    );

    let moved = f
        .tend
        .reschedule_followup(followup.id, "2026-11-27", "")
        .expect("rescheduled");
    assert_eq!(moved.status, Status::Open);
    assert_eq!(moved.snoozed_until, None);
    assert_eq!(moved.due_local, "2026-11-27T09:00");

    let err = f
        .tend
        .reschedule_followup(followup.id, "2026-11-20", "")
        .expect_err("past");
    assert_eq!(err.field(), Some("date"));
    assert_eq!(
        f.tend.followup(followup.id).expect("read"),
        moved,
        "a refused reschedule changes nothing"
    );
}

#[test]
fn done_and_skipped_are_final() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let a = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-24", ""))
        .expect("planned");
    let b = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-25", ""))
        .expect("planned");
    let done = f.tend.complete_followup(a.id).expect("done");
    assert_eq!(done.followup.status, Status::Done);
    assert_eq!(
        done.touch_channel, a.channel,
        "offers to log the touch it was"
    );
    assert_eq!(
        f.tend.complete_followup(a.id).expect_err("twice").field(),
        Some("status")
    );
    let skipped = f
        .tend
        .skip_followup(b.id, "she's travelling")
        .expect("skipped");
    assert_eq!(skipped.skip_reason.as_deref(), Some("she's travelling"));
    assert!(f.tend.snooze_followup(b.id, SnoozeChoice::OneHour).is_err());
}

#[test]
fn logging_a_touch_counts_it_offers_the_next_step_and_can_keep_a_follow_up() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-23", ""))
        .expect("planned");
    for i in 1..=4 {
        f.clock.advance(Duration::hours(1));
        let logged = f
            .tend
            .log_touch(&TouchDraft {
                contact_id: jane.id,
                channel: "text".into(),
                note: format!("touch {i}"),
                followup_id: (i == 4).then_some(followup.id),
                ..TouchDraft::default()
            })
            .expect("logged");
        assert_eq!(logged.count, i);
        assert_eq!(
            logged.suggestion.date.to_string(),
            "2026-11-26",
            "a lead: three days on"
        );
    }
    let history = f.tend.contact_touches(jane.id).expect("history");
    assert_eq!(history.count_text, "touch 4 — most sales need about 7");
    assert_eq!(history.touches[0].note, "touch 4", "newest first");
    assert_eq!(
        f.tend.followup(followup.id).expect("read").status,
        Status::Done,
        "the touch kept the promise"
    );
}

#[test]
fn a_touch_for_a_missing_contact_is_refused() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let err = f
        .tend
        .log_touch(&TouchDraft {
            contact_id: 999,
            ..TouchDraft::default()
        })
        .expect_err("no contact");
    assert_eq!(err.kind(), "not_found");
}

#[test]
fn far_future_dates_are_refused_in_her_words_and_every_call_answers() {
    // Issue 16, item 7: "+262142-12-31" panicked a thread; 9999-12-31 23:59 west
    // of UTC came back as a data-file error.
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    for (date, time) in [
        ("+262142-12-31", ""),
        ("9999-12-31", "23:59"),
        ("2126-11-24", ""),
    ] {
        let err = f
            .tend
            .plan_followup(&plan(jane.id, date, time))
            .expect_err("too far");
        assert_eq!(err.field(), Some("date"), "{date}");
        assert_eq!(err.to_string(), "Pick a date within the next 100 years.");
    }
    assert!(f
        .tend
        .plan_followup(&plan(jane.id, "2126-11-23", ""))
        .is_ok());
    let planned = f
        .tend
        .plan_followup(&plan(jane.id, "2026-11-26", ""))
        .expect("planned");
    for result in [
        f.tend.reschedule_followup(planned.id, "+262142-12-31", ""),
        f.tend
            .reschedule_followup(planned.id, "9999-12-31", "23:59"),
        f.tend
            .snooze_followup_until(planned.id, "+262142-12-31", "23:59"),
    ] {
        let err = result.expect_err("too far");
        assert_eq!(err.to_string(), "Pick a date within the next 100 years.");
    }
    let late = TouchDraft {
        contact_id: jane.id,
        channel: "call".into(),
        when: "1900-01-01T09:00".into(),
        ..TouchDraft::default()
    };
    let err = f.tend.log_touch(&late).expect_err("too long ago");
    assert_eq!(err.field(), Some("when"));
    assert_eq!(err.to_string(), "Pick a date within the last 100 years.");
}

#[test]
fn a_follow_up_in_the_spring_gap_says_the_time_it_fires_and_why_once() {
    // Issue 16, item 9: 02:30 on 8 March 2026 fires at 03:30 EDT, so it says 03:30.
    let f = fixture_at("2026-03-07T15:00:00Z", New_York);
    f.tend.set_setting("digestTime", "off").expect("digest off");
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&plan(jane.id, "2026-03-08", "02:30"))
        .expect("planned");
    assert_eq!(followup.due_local, "2026-03-08T03:30");
    assert_eq!(
        followup.due_note.as_deref(),
        Some("(02:30 does not exist that night: clocks go forward)")
    );
    let stored: String = f
        .tend
        .store()
        .read(|c| Ok(c.query_row("SELECT due_local FROM followups", [], |r| r.get(0))?))
        .expect("row");
    assert_eq!(stored, "2026-03-08T02:30", "what she asked for is kept");
    let ordinary = f
        .tend
        .plan_followup(&plan(jane.id, "2026-03-08", "03:30"))
        .expect("planned");
    assert_eq!(ordinary.due_note, None, "03:30 itself needs no word");

    f.clock.set(instant("2026-03-08T07:30:00Z"));
    let tick = f.tend.reminder_tick(false).expect("tick");
    let bodies: Vec<&str> = tick.notices.iter().map(|n| n.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "Call — send lavender samples, at 03:30",
            "Call — send lavender samples"
        ]
    );
}

#[test]
fn a_date_only_follow_up_at_a_default_time_in_the_gap_says_03_30_and_still_follows_the_zone() {
    let f = fixture_at("2026-03-07T15:00:00Z", New_York);
    f.tend.set_setting("defaultTime", "02:30").expect("02:30");
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let followup = f
        .tend
        .plan_followup(&FollowupDraft {
            promise: String::new(),
            ..plan(jane.id, "2026-03-08", "")
        })
        .expect("planned");
    assert_eq!(followup.due_at, instant("2026-03-08T07:30:00Z"));
    assert_eq!(followup.due_local, "2026-03-08T03:30");
    assert!(followup.due_note.is_some());

    // In London the clocks go forward on 29 March: 02:30 on the 8th exists.
    f.clock.set_zone(London);
    let moved = f.tend.followup(followup.id).expect("read");
    assert_eq!(
        moved.due_local, "2026-03-08T02:30",
        "Sunday 02:30 in London"
    );
    assert_eq!(moved.due_at, instant("2026-03-08T02:30:00Z"));
    assert_eq!(moved.due_note, None);
}
