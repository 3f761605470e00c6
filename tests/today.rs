//! Today through the store: sections, going cold, maybes, and property tests over
//! random histories of follow-ups and touches.

use crate::support::{draft, fixture_at, full_draft};
use chrono::Duration;
use chrono_tz::Europe::London;
use proptest::prelude::*;
use std::collections::HashSet;
use tend::domain::decision::DecisionDraft;
use tend::domain::followup::{FollowupDraft, SnoozeChoice, Status};
use tend::domain::touch::TouchDraft;

fn plan(f: &crate::support::Fixture, contact_id: i64, date: &str, time: &str) -> i64 {
    f.tend
        .plan_followup(&FollowupDraft {
            contact_id,
            promise: "call back".into(),
            channel: "call".into(),
            date: date.into(),
            time: time.into(),
        })
        .expect("planned")
        .id
}

#[test]
fn sections_overdue_due_today_and_upcoming() {
    let f = fixture_at("2026-11-20T10:00:00Z", London);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let overdue = plan(&f, jane.id, "2026-11-21", "");
    let today = plan(&f, jane.id, "2026-11-23", "16:00");
    let upcoming = plan(&f, jane.id, "2026-11-27", "");
    let far = plan(&f, jane.id, "2026-12-25", "");
    f.clock.advance(Duration::days(3)); // Monday 23 Nov, 10:00
    let view = f.tend.today().expect("today");
    let ids =
        |items: &[tend::domain::followup::Followup]| items.iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids(&view.overdue), vec![overdue]);
    assert_eq!(ids(&view.due_today), vec![today]);
    assert_eq!(ids(&view.upcoming), vec![upcoming]);
    assert!(!ids(&view.upcoming).contains(&far));
    assert_eq!(view.date.to_string(), "2026-11-23");
    assert_eq!(view.next_day_at.to_rfc3339(), "2026-11-24T00:00:00+00:00");
}

#[test]
fn snoozed_items_leave_overdue_until_the_snooze_ends() {
    let f = fixture_at("2026-11-20T10:00:00Z", London);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let id = plan(&f, jane.id, "2026-11-21", "");
    f.clock.advance(Duration::days(3));
    f.tend
        .snooze_followup(id, SnoozeChoice::OneHour)
        .expect("snoozed");
    let view = f.tend.today().expect("today");
    assert!(view.overdue.is_empty());
    assert_eq!(view.upcoming.len(), 1);
    f.clock.advance(Duration::minutes(61));
    assert_eq!(
        f.tend.today().expect("today").overdue.len(),
        1,
        "back once the snooze ends"
    );
}

#[test]
fn going_cold_ranks_by_how_far_past_the_window_relative_to_it() {
    let f = fixture_at("2026-09-01T10:00:00Z", London);
    let lead = f.tend.create_contact(&draft("Lead Lucy")).expect("contact"); // 7-day window
    let mut customer = full_draft("Customer Carl", "", "", "", &[]);
    customer.stage = "customer".into(); // 30-day window
    let carl = f.tend.create_contact(&customer).expect("contact");
    let mut inactive = full_draft("Inactive Ida", "", "", "", &[]);
    inactive.stage = "inactive_customer".into(); // 90-day window
    let ida = f.tend.create_contact(&inactive).expect("contact");
    let planned = f
        .tend
        .create_contact(&draft("Planned Pat"))
        .expect("contact");
    for id in [lead.id, carl.id, ida.id, planned.id] {
        f.tend
            .log_touch(&TouchDraft {
                contact_id: id,
                ..TouchDraft::default()
            })
            .expect("touch");
    }
    f.tend
        .plan_followup(&FollowupDraft {
            contact_id: planned.id,
            date: "2026-12-30".into(),
            ..FollowupDraft::default()
        })
        .expect("planned");
    // 97 days later: Lucy is 90 days past a 7-day window, Carl 67 past 30, Ida 7 past 90.
    f.clock.advance(Duration::days(97));
    let view = f.tend.today().expect("today");
    let names: Vec<&str> = view.going_cold.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Lead Lucy", "Customer Carl", "Inactive Ida"],
        "Pat has something planned"
    );
    assert_eq!(view.counts.going_cold, 3);
    assert!(
        !view.going_cold[1].suggest_inactive,
        "97 days is not yet inactive"
    );

    // A touch warms a contact up again.
    f.tend
        .log_touch(&TouchDraft {
            contact_id: lead.id,
            ..TouchDraft::default()
        })
        .expect("touch");
    assert_eq!(f.tend.today().expect("today").counts.going_cold, 2);
}

#[test]
fn keep_in_touch_windows_come_from_the_stage_setting_or_the_contact() {
    let f = fixture_at("2026-11-01T10:00:00Z", London);
    let lucy = f.tend.create_contact(&draft("Lead Lucy")).expect("contact");
    let mut close = draft("Close Cara");
    close.keep_in_touch_days = Some(2);
    let cara = f.tend.create_contact(&close).expect("contact");
    assert_eq!((cara.keep_in_touch_days, cara.window_days), (Some(2), 2));
    assert_eq!(
        (lucy.keep_in_touch_days, lucy.window_days),
        (None, 7),
        "the lead default"
    );
    f.clock.advance(Duration::days(3));
    let names = |f: &crate::support::Fixture| -> Vec<String> {
        f.tend
            .today()
            .expect("today")
            .going_cold
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    assert_eq!(names(&f), ["Close Cara"], "her own 2-day window");

    f.tend
        .set_setting("keepInTouch.lead", "2")
        .expect("stage window");
    assert_eq!(
        f.tend.settings().expect("settings").keep_in_touch["lead"],
        2
    );
    assert_eq!(
        names(&f),
        ["Lead Lucy", "Close Cara"],
        "equally late: the older contact first"
    );
    assert_eq!(
        f.tend
            .set_setting("keepInTouch.lead", "0")
            .expect_err("zero")
            .field(),
        Some("keepInTouch")
    );
    assert!(f.tend.set_setting("keepInTouch.vip", "5").is_err());
    let mut bad = draft("Bad Window");
    bad.keep_in_touch_days = Some(-1);
    assert_eq!(
        f.tend.create_contact(&bad).expect_err("negative").field(),
        Some("keepInTouchDays")
    );
}

#[test]
fn a_customer_quiet_for_half_a_year_is_suggested_as_inactive_with_one_click() {
    let f = fixture_at("2026-01-01T10:00:00Z", London);
    let mut customer = full_draft("Quiet Quinn", "", "", "", &[]);
    customer.stage = "customer".into();
    let quinn = f.tend.create_contact(&customer).expect("contact");
    f.clock.advance(Duration::days(200));
    let cold = f.tend.today().expect("today").going_cold;
    assert!(cold[0].suggest_inactive);
    assert_eq!(
        f.tend
            .set_stage(quinn.id, "inactive_customer")
            .expect("accepted")
            .stage_label,
        "Inactive customer"
    );
}

#[test]
fn thinking_it_over_for_more_than_two_weeks_is_a_maybe_to_decide() {
    let f = fixture_at("2026-11-01T10:00:00Z", London);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let bob = f.tend.create_contact(&draft("Bob")).expect("contact");
    for id in [jane.id, bob.id] {
        f.tend
            .record_decision(&DecisionDraft {
                contact_id: id,
                kind: "thinking".into(),
                ..DecisionDraft::default()
            })
            .expect("decided");
    }
    f.clock.advance(Duration::days(10));
    f.tend
        .record_decision(&DecisionDraft {
            contact_id: bob.id,
            kind: "thinking".into(),
            ..DecisionDraft::default()
        })
        .expect("again");
    f.clock.advance(Duration::days(5));
    let maybes = f.tend.today().expect("today").maybes;
    assert_eq!(
        maybes.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
        ["Jane"]
    );
    assert_eq!(maybes[0].days, 15);
}

#[derive(Debug, Clone)]
enum Event {
    Plan {
        contact: usize,
        day: i64,
        hour: Option<u32>,
    },
    Done(usize),
    Skip(usize),
    Snooze(usize),
    Touch(usize),
    Wait(i64),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (0usize..4, 0i64..20, proptest::option::of(0u32..24))
            .prop_map(|(contact, day, hour)| Event::Plan { contact, day, hour }),
        (0usize..30).prop_map(Event::Done),
        (0usize..30).prop_map(Event::Skip),
        (0usize..30).prop_map(Event::Snooze),
        (0usize..4).prop_map(Event::Touch),
        (1i64..3000).prop_map(Event::Wait),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// For any history: sections are disjoint, every open follow-up due before
    /// now is Overdue or Due today, and nothing done or skipped appears.
    #[test]
    fn today_sections_are_disjoint_and_complete(events in proptest::collection::vec(event(), 1..40)) {
        let f = fixture_at("2026-03-05T12:00:00Z", London);
        let contacts: Vec<i64> = (0..4).map(|i| f.tend.create_contact(&draft(&format!("C{i}"))).expect("contact").id).collect();
        let mut planned: Vec<i64> = Vec::new();
        for event in events {
            use tend::clock::Clock;
            let today = tend::domain::local_time::local_date(f.clock.now(), London);
            match event {
                Event::Plan { contact, day, hour } => {
                    let date = (today + Duration::days(day)).to_string();
                    let time = hour.map(|h| format!("{h:02}:00")).unwrap_or_default();
                    if let Ok(item) = f.tend.plan_followup(&FollowupDraft { contact_id: contacts[contact], date, time, ..FollowupDraft::default() }) {
                        planned.push(item.id);
                    }
                }
                Event::Done(i) => { if let Some(id) = planned.get(i) { let _ = f.tend.complete_followup(*id); } }
                Event::Skip(i) => { if let Some(id) = planned.get(i) { let _ = f.tend.skip_followup(*id, ""); } }
                Event::Snooze(i) => { if let Some(id) = planned.get(i) { let _ = f.tend.snooze_followup(*id, SnoozeChoice::TomorrowMorning); } }
                Event::Touch(contact) => { f.tend.log_touch(&TouchDraft { contact_id: contacts[contact], ..TouchDraft::default() }).expect("touch"); }
                Event::Wait(minutes) => f.clock.advance(Duration::minutes(minutes)),
            }
        }
        let view = f.tend.today().expect("today");
        let now = f.clock_now();
        let mut seen = HashSet::new();
        for item in view.overdue.iter().chain(&view.due_today).chain(&view.upcoming) {
            prop_assert!(seen.insert(item.id), "follow-up {} appears twice", item.id);
            prop_assert!(item.status.is_pending(), "{:?} shown", item.status);
        }
        let listed: HashSet<i64> = view.overdue.iter().chain(&view.due_today).map(|i| i.id).collect();
        // The tray's cheap count says what Today would.
        prop_assert_eq!(f.tend.due_count().expect("count"), listed.len() as i64);
        for id in planned {
            let item = f.tend.followup(id).expect("read");
            if item.status == Status::Open && item.due_at <= now {
                prop_assert!(listed.contains(&id), "open follow-up {} due {} missing at {}", id, item.due_at, now);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Today without scanning (migration 0007): the indexed queries equal the ones
// that read every row, on random histories.

/// Going cold as Tend computed it before migration 0007: every contact ranked,
/// those who left for good (died, moved: `contacts::STILL_HERE`) left out.
const GOING_COLD_BY_SCANNING: &str = "WITH cutoff AS MATERIALIZED (
         SELECT key, keep_in_touch_days,
                strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-' || keep_in_touch_days || ' days') AS before
         FROM stages)
     SELECT c.id, coalesce(c.last_touched_at, c.created_at) AS since,
            coalesce(c.keep_in_touch_days, s.keep_in_touch_days) AS window,
            count(*) OVER ()
     FROM contacts c JOIN cutoff s ON s.key = c.stage
     WHERE c.archived_at IS NULL AND (c.left_reason IS NULL OR c.left_reason NOT IN ('died', 'moved'))
       AND coalesce(c.last_touched_at, c.created_at) < CASE
           WHEN c.keep_in_touch_days IS NOT NULL
               THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-' || c.keep_in_touch_days || ' days')
           ELSE s.before END
       AND NOT EXISTS (SELECT 1 FROM followups f
                       WHERE f.contact_id = c.id AND f.status IN ('open', 'snoozed'))
     ORDER BY (julianday(?1) - julianday(since)) / window DESC, c.id
     LIMIT ?2";

const MAYBES_BY_SCANNING: &str = "SELECT id, count(*) OVER () FROM contacts
     WHERE archived_at IS NULL AND last_decision = 'thinking' AND last_decision_at < ?1
       AND (left_reason IS NULL OR left_reason NOT IN ('died', 'moved'))
     ORDER BY last_decision_at, id LIMIT ?2";

fn by_scanning(
    f: &crate::support::Fixture,
    sql: &str,
    cutoff: &str,
    limit: u32,
) -> (Vec<i64>, i64) {
    f.tend
        .store()
        .read(|conn| {
            let mut statement = conn.prepare(sql)?;
            let rows = statement
                .query_map(rusqlite::params![cutoff, limit], |row| {
                    let width = row.as_ref().column_count();
                    Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(width - 1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let total = rows.first().map_or(0, |(_, total)| *total);
            Ok((rows.into_iter().map(|(id, _)| id).collect(), total))
        })
        .expect("the scanning query runs")
}

#[derive(Debug, Clone)]
enum Change {
    Add {
        stage: usize,
        window: Option<i64>,
    },
    Touch {
        contact: usize,
        hours_ago: Option<i64>,
    },
    Plan {
        contact: usize,
        day: i64,
        hour: Option<u32>,
    },
    Done(usize),
    Skip(usize),
    Snooze(usize),
    SnoozeUntil {
        followup: usize,
        day: i64,
    },
    Reschedule {
        followup: usize,
        day: i64,
    },
    Stage {
        contact: usize,
        stage: usize,
    },
    Archive {
        contact: usize,
        archived: bool,
    },
    Delete(usize),
    StageWindow {
        stage: usize,
        days: i64,
    },
    Decide {
        contact: usize,
        kind: usize,
    },
    /// She left (why: died and moved take her off the lists for good).
    Leave {
        contact: usize,
        reason: usize,
    },
    /// A purchase: brings her back if she had left, and plans a re-order reminder.
    Buy {
        contact: usize,
        days_ago: i64,
    },
    Wait(i64),
}

const STAGES: [&str; 6] = [
    "lead",
    "new_customer",
    "customer",
    "inactive_customer",
    "partner",
    "team_member",
];
const KINDS: [&str; 5] = ["interested", "thinking", "not_now", "no", "bought"];
const REASONS: [&str; 4] = ["died", "moved", "competitor", "dont_know"];

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0usize..6, proptest::option::of(1i64..12)).prop_map(|(stage, window)| Change::Add { stage, window }),
        3 => (0usize..12, proptest::option::of(0i64..200)).prop_map(|(contact, hours_ago)| Change::Touch { contact, hours_ago }),
        3 => (0usize..12, -5i64..12, proptest::option::of(0u32..24)).prop_map(|(contact, day, hour)| Change::Plan { contact, day, hour }),
        1 => (0usize..30).prop_map(Change::Done),
        1 => (0usize..30).prop_map(Change::Skip),
        1 => (0usize..30).prop_map(Change::Snooze),
        1 => (0usize..30, 0i64..12).prop_map(|(followup, day)| Change::SnoozeUntil { followup, day }),
        1 => (0usize..30, -3i64..12).prop_map(|(followup, day)| Change::Reschedule { followup, day }),
        1 => (0usize..12, 0usize..6).prop_map(|(contact, stage)| Change::Stage { contact, stage }),
        1 => (0usize..12, any::<bool>()).prop_map(|(contact, archived)| Change::Archive { contact, archived }),
        1 => (0usize..12).prop_map(Change::Delete),
        1 => (0usize..6, 1i64..20).prop_map(|(stage, days)| Change::StageWindow { stage, days }),
        2 => (0usize..12, 0usize..5).prop_map(|(contact, kind)| Change::Decide { contact, kind }),
        1 => (0usize..12, 0usize..4).prop_map(|(contact, reason)| Change::Leave { contact, reason }),
        1 => (0usize..12, 0i64..10).prop_map(|(contact, days_ago)| Change::Buy { contact, days_ago }),
        3 => (1i64..20_000).prop_map(Change::Wait),
    ]
}

fn apply(
    f: &crate::support::Fixture,
    contacts: &mut Vec<i64>,
    planned: &mut Vec<i64>,
    change: Change,
) {
    use tend::clock::Clock;
    let today = tend::domain::local_time::local_date(f.clock.now(), London);
    let date = |day: i64| (today + Duration::days(day)).to_string();
    let contact = |i: usize| contacts.get(i % contacts.len().max(1)).copied();
    let followup = |i: usize| planned.get(i).copied();
    match change {
        Change::Add { stage, window } => {
            let mut new = draft(&format!("C{}", contacts.len()));
            new.stage = STAGES[stage].into();
            new.keep_in_touch_days = window;
            contacts.push(f.tend.create_contact(&new).expect("contact").id);
        }
        Change::Touch {
            contact: i,
            hours_ago,
        } => {
            if let Some(id) = contact(i) {
                let when = hours_ago
                    .map(|hours| {
                        tend::domain::local_time::local_date_time(
                            f.clock.now() - Duration::hours(hours),
                            London,
                        )
                    })
                    .map(|at| at.format("%Y-%m-%dT%H:%M").to_string())
                    .unwrap_or_default();
                let _ = f.tend.log_touch(&TouchDraft {
                    contact_id: id,
                    when,
                    ..TouchDraft::default()
                });
            }
        }
        Change::Plan {
            contact: i,
            day,
            hour,
        } => {
            if let Some(id) = contact(i) {
                let time = hour.map(|h| format!("{h:02}:00")).unwrap_or_default();
                if let Ok(item) = f.tend.plan_followup(&FollowupDraft {
                    contact_id: id,
                    date: date(day),
                    time,
                    ..FollowupDraft::default()
                }) {
                    planned.push(item.id);
                }
            }
        }
        Change::Done(i) => {
            if let Some(id) = followup(i) {
                let _ = f.tend.complete_followup(id);
            }
        }
        Change::Skip(i) => {
            if let Some(id) = followup(i) {
                let _ = f.tend.skip_followup(id, "");
            }
        }
        Change::Snooze(i) => {
            if let Some(id) = followup(i) {
                let _ = f.tend.snooze_followup(id, SnoozeChoice::OneHour);
            }
        }
        Change::SnoozeUntil { followup: i, day } => {
            if let Some(id) = followup(i) {
                let _ = f.tend.snooze_followup_until(id, &date(day), "09:00");
            }
        }
        Change::Reschedule { followup: i, day } => {
            if let Some(id) = followup(i) {
                let _ = f.tend.reschedule_followup(id, &date(day), "");
            }
        }
        Change::Stage { contact: i, stage } => {
            if let Some(id) = contact(i) {
                let _ = f.tend.set_stage(id, STAGES[stage]);
            }
        }
        Change::Archive {
            contact: i,
            archived,
        } => {
            if let Some(id) = contact(i) {
                let _ = f.tend.set_archived(id, archived);
            }
        }
        Change::Delete(i) => {
            if let Some(id) = contact(i) {
                f.tend.delete_contact(id).expect("deleted");
                contacts.retain(|other| *other != id);
            }
        }
        Change::StageWindow { stage, days } => {
            f.tend
                .set_setting(&format!("keepInTouch.{}", STAGES[stage]), &days.to_string())
                .expect("window");
        }
        Change::Decide { contact: i, kind } => {
            if let Some(id) = contact(i) {
                let _ = f.tend.record_decision(&DecisionDraft {
                    contact_id: id,
                    kind: KINDS[kind].into(),
                    ..DecisionDraft::default()
                });
            }
        }
        Change::Leave { contact: i, reason } => {
            if let Some(id) = contact(i) {
                let _ = f
                    .tend
                    .record_departure(&tend::domain::departure::DepartureDraft {
                        contact_id: id,
                        reason: REASONS[reason].into(),
                        note: String::new(),
                    });
            }
        }
        Change::Buy {
            contact: i,
            days_ago,
        } => {
            if let Some(id) = contact(i) {
                let product = match f.tend.products().expect("products").first() {
                    Some(product) => product.id,
                    None => crate::purchases::product(f, "Lavender oil", "5", ""),
                };
                let _ = f.tend.record_purchase(&crate::purchases::bought(
                    id,
                    &[(product, 1)],
                    &date(-days_ago),
                ));
            }
        }
        Change::Wait(minutes) => f.clock.advance(Duration::minutes(minutes)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever happened, the indexed going-cold list (every page size), the
    /// maybes and the follow-up sections are exactly what scanning every row gave.
    #[test]
    fn today_from_the_indexes_equals_today_from_scanning(changes in proptest::collection::vec(change(), 1..60)) {
        let f = fixture_at("2026-03-05T12:00:00Z", London);
        let (mut contacts, mut planned) = (Vec::new(), Vec::new());
        for change in changes {
            apply(&f, &mut contacts, &mut planned, change);
        }
        let now = f.clock_now();
        let now_text = tend::store::time::to_sql(now);
        for limit in [1, 2, 3, 50] {
            let (expected, expected_total) = by_scanning(&f, GOING_COLD_BY_SCANNING, &now_text, limit);
            let (cold, total) = f.tend.store().read(|conn| tend::store::today::going_cold(conn, now, limit)).expect("going cold");
            prop_assert_eq!(cold.iter().map(|c| c.contact_id).collect::<Vec<_>>(), expected, "going cold, page of {}", limit);
            prop_assert_eq!(total, expected_total);
        }
        let cutoff = tend::store::time::to_sql(now - Duration::days(tend::domain::decision::MAYBE_AFTER_DAYS));
        let (maybes, maybes_total) = by_scanning(&f, MAYBES_BY_SCANNING, &cutoff, 50);
        let view = f.tend.today().expect("today");
        prop_assert_eq!(view.maybes.iter().map(|m| m.contact_id).collect::<Vec<_>>(), maybes);
        prop_assert_eq!(view.counts.maybes, maybes_total);

        // The sections: every pending follow-up read and classified by the domain's rule.
        let day = tend::domain::today::Day::of(now, London);
        let pending = f.tend.store()
            .read(|conn| tend::store::followups::pending_before(conn, day.upcoming_end, London))
            .expect("pending");
        let mut expected: [Vec<i64>; 3] = Default::default();
        for item in &pending {
            use tend::domain::today::Section;
            match tend::domain::today::classify(item.status, item.due_at, item.snoozed_until, &day) {
                Some(Section::Overdue) => expected[0].push(item.id),
                Some(Section::DueToday) => expected[1].push(item.id),
                Some(Section::Upcoming) => expected[2].push(item.id),
                None => {}
            }
        }
        let ids = |items: &[tend::domain::followup::Followup]| items.iter().map(|i| i.id).collect::<Vec<_>>();
        prop_assert_eq!(ids(&view.overdue), expected[0].clone());
        prop_assert_eq!(ids(&view.due_today), expected[1].clone());
        prop_assert_eq!(ids(&view.upcoming), expected[2].clone());
        prop_assert_eq!(
            (view.counts.overdue, view.counts.due_today, view.counts.upcoming),
            (expected[0].len(), expected[1].len(), expected[2].len())
        );
        // The tray's count: the promises due, and the re-orders due (their own section).
        prop_assert_eq!(
            f.tend.due_count().expect("count"),
            (expected[0].len() + expected[1].len()) as i64 + view.counts.reorders_due
        );
        let next_snooze = pending.iter().filter_map(|item| item.snoozed_until).filter(|until| *until > now).min();
        prop_assert_eq!(view.next_change_at, next_snooze.map_or(day.tomorrow, |until| until.min(day.tomorrow)));
    }
}

#[test]
fn a_backlog_is_counted_whole_but_only_its_first_items_are_sent() {
    let f = fixture_at("2026-03-01T08:00:00Z", London);
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let limit = tend::domain::sections::PAGE;
    for i in 0..limit + 5 {
        plan(&f, jane.id, &format!("2026-03-{:02}", 1 + i % 4), "");
    }
    f.clock.advance(Duration::days(10));
    let view = f.tend.today().expect("today");
    assert_eq!(view.counts.overdue, limit + 5, "all counted");
    assert_eq!(view.overdue.len(), limit, "the first sent");
    assert!(
        view.overdue
            .windows(2)
            .all(|pair| pair[0].due_at <= pair[1].due_at),
        "oldest first"
    );
    // "Show more": a page more is the rest, the first page still first.
    let more = tend::domain::sections::Shown {
        overdue: 2 * limit,
        ..Default::default()
    };
    let longer = f.tend.today_showing(more).expect("today");
    assert_eq!(longer.overdue.len(), limit + 5);
    let ids =
        |items: &[tend::domain::followup::Followup]| items.iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids(&longer.overdue[..limit]), ids(&view.overdue));
    assert_eq!(longer.due_today.len(), view.due_today.len());
}
