//! The daily loop as a seller lives it (issue 10): a decision settles the
//! promises it answers, a touch asks whether it kept one, coaching is for
//! leads, and cadences count from the day they met and skip her days off.

use crate::support::{draft, fixture_at, Fixture};
use chrono::Duration;
use chrono_tz::America::New_York;
use tend::domain::cadence::StartFrom;
use tend::domain::contact::ContactDraft;
use tend::domain::decision::DecisionDraft;
use tend::domain::followup::{Followup, FollowupDraft, Status};
use tend::domain::touch::TouchDraft;
use tend::quickadd::Batch;

fn monday() -> Fixture {
    // Monday 23 Nov 2026, 10:00 in New York; reminders without the digest.
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    f.tend.set_setting("digestTime", "off").expect("digest off");
    f
}

fn promise(f: &Fixture, contact_id: i64, words: &str, date: &str) -> Followup {
    f.tend
        .plan_followup(&FollowupDraft {
            contact_id,
            promise: words.into(),
            channel: "call".into(),
            date: date.into(),
            time: String::new(),
        })
        .expect("planned")
}

fn decide(
    f: &Fixture,
    contact_id: i64,
    kind: &str,
    keep_open: Vec<i64>,
) -> tend::api::DecisionOutcome {
    f.tend
        .record_decision(&DecisionDraft {
            contact_id,
            kind: kind.into(),
            keep_open,
            ..DecisionDraft::default()
        })
        .expect("decided")
}

fn status_of(f: &Fixture, id: i64) -> (Status, Option<String>) {
    let followup = f.tend.followup(id).expect("follow-up");
    (followup.status, followup.skip_reason)
}

#[test]
fn bought_the_day_after_the_party_closes_thursdays_call_and_nothing_fires_for_it() {
    // The scenario: a guest quick-added with "call Thu", who buys on Tuesday.
    let f = monday();
    let added = f
        .tend
        .quick_add(
            "Maria Lopez 555-0150 wants the gift set, call Thu",
            &Batch::default(),
            None,
        )
        .expect("added");
    let thursday = added.followups[0].clone();
    assert_eq!(thursday.due_local, "2026-11-26T09:00");

    f.clock.advance(Duration::days(1));
    let asked = f
        .tend
        .decision_answers(added.contact.id, "bought")
        .expect("answers");
    assert_eq!(
        asked.iter().map(|x| x.id).collect::<Vec<_>>(),
        [thursday.id],
        "the form shows her promise, not New lead's own steps"
    );
    let outcome = decide(&f, added.contact.id, "bought", vec![]);
    assert_eq!(outcome.settled.len(), 1);
    assert_eq!(outcome.settled[0].status, Status::Done);
    assert_eq!(status_of(&f, thursday.id).0, Status::Done);
    assert_eq!(
        outcome.stopped_cadences,
        ["New lead: 3 days, 3 weeks, 3 months"]
    );

    // Thursday 09:00 in New York: only New customer care's first step is left to say.
    f.clock.set(crate::support::instant("2026-11-26T14:00:00Z"));
    let tick = f.tend.reminder_tick(false).expect("tick");
    let bodies: Vec<&str> = tick.notices.iter().map(|n| n.body.as_str()).collect();
    assert_eq!(
        bodies,
        ["Text — How are they getting on with their order? · 555-0150"],
        "nothing about the gift set she already bought"
    );
}

#[test]
fn no_and_not_now_skip_the_open_promises_with_the_decision_as_the_reason() {
    let f = monday();
    let jenny = f
        .tend
        .create_contact(&draft("Jenny Park"))
        .expect("contact");
    let call = promise(&f, jenny.id, "call about the candles", "2026-11-23");
    let text = promise(&f, jenny.id, "send the catalogue", "2026-11-30");
    f.clock.advance(Duration::days(17));
    let outcome = decide(&f, jenny.id, "no", vec![text.id]);
    assert_eq!(
        status_of(&f, call.id),
        (Status::Skipped, Some("Decided “No — for today”".into())),
        "17 days overdue no longer, after her no"
    );
    assert_eq!(
        status_of(&f, text.id).0,
        Status::Open,
        "she unticked this one"
    );
    assert_eq!(
        outcome.settled.iter().map(|x| x.id).collect::<Vec<_>>(),
        [call.id]
    );
    let revisit = outcome.revisit.expect("a no comes back");
    assert_eq!(
        status_of(&f, revisit.id).0,
        Status::Open,
        "the new ask-again is not answered"
    );

    let tom = f.tend.create_contact(&draft("Tom Reed")).expect("contact");
    let tom_call = promise(&f, tom.id, "", "2026-12-11");
    decide(&f, tom.id, "not_now", vec![]);
    assert_eq!(
        status_of(&f, tom_call.id),
        (Status::Skipped, Some("Decided “Not now”".into()))
    );
}

#[test]
fn a_maybe_answers_nothing() {
    let f = monday();
    let ann = f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    let call = promise(&f, ann.id, "call", "2026-11-24");
    assert!(f
        .tend
        .decision_answers(ann.id, "thinking")
        .expect("answers")
        .is_empty());
    assert!(f
        .tend
        .decision_answers(ann.id, "")
        .expect("no kind yet")
        .is_empty());
    assert!(f.tend.decision_answers(ann.id, "maybe").is_err());
    let outcome = decide(&f, ann.id, "thinking", vec![]);
    assert!(outcome.settled.is_empty());
    assert_eq!(status_of(&f, call.id).0, Status::Open);
}

#[test]
fn a_refused_decision_closes_nothing() {
    let f = monday();
    let ann = f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    promise(&f, ann.id, "call", "2026-11-24");
    let before = f.dump();
    let err = f
        .tend
        .record_decision(&DecisionDraft {
            contact_id: ann.id,
            kind: "no".into(),
            revisit_on: "soon".into(),
            ..DecisionDraft::default()
        })
        .expect_err("not a date");
    assert_eq!(err.field(), Some("revisitOn"));
    assert_eq!(f.dump(), before);
}

#[test]
fn a_touch_near_an_open_promise_asks_whether_it_kept_it() {
    let f = monday();
    let tom = f.tend.create_contact(&draft("Tom Reed")).expect("contact");
    let thursday = promise(&f, tom.id, "send the samples", "2026-11-26");
    promise(&f, tom.id, "ask about the party", "2026-12-10");
    let asked = f
        .tend
        .touch_keeps(tom.id, "")
        .expect("asked")
        .expect("Thursday's");
    assert_eq!(asked.followup.id, thursday.id);
    assert_eq!(
        asked.question,
        "Did this keep “send the samples” (due Thu)?"
    );
    // Saying yes is logging the touch with that follow-up: it is kept.
    f.tend
        .log_touch(&TouchDraft {
            contact_id: tom.id,
            followup_id: Some(asked.followup.id),
            ..TouchDraft::default()
        })
        .expect("logged");
    assert_eq!(status_of(&f, thursday.id).0, Status::Done);
    assert_eq!(
        f.tend.touch_keeps(tom.id, "").expect("asked"),
        None,
        "the 10 Dec promise is too far off to be this touch"
    );
    assert!(
        f.tend.touch_keeps(tom.id, "tomorrow").is_err(),
        "a bad when is said"
    );
}

#[test]
fn only_leads_hear_that_most_sales_need_about_seven() {
    let f = monday();
    let lead = f.tend.create_contact(&draft("Lee Lead")).expect("contact");
    let customer = f
        .tend
        .create_contact(&ContactDraft {
            stage: "customer".into(),
            ..draft("Cass Customer")
        })
        .expect("contact");
    for contact in [lead.id, customer.id] {
        let logged = f
            .tend
            .log_touch(&TouchDraft {
                contact_id: contact,
                ..TouchDraft::default()
            })
            .expect("logged");
        assert_eq!(logged.count, 1);
    }
    assert_eq!(
        f.tend.contact_touches(lead.id).expect("history").count_text,
        "touch 1 — most sales need about 7"
    );
    assert_eq!(
        f.tend
            .contact_touches(customer.id)
            .expect("history")
            .count_text,
        "1 touch"
    );
}

#[test]
fn a_cadence_applied_weeks_after_the_party_counts_from_the_party() {
    let f = monday();
    let party = Batch {
        met_where: "Sara's party".into(),
        met_on: "2026-11-21".into(),
        no_cadence: true,
        ..Batch::default()
    };
    let guest = f
        .tend
        .quick_add("Gina Guest 555-0160", &party, None)
        .expect("added")
        .contact;
    f.clock.advance(Duration::days(19)); // Saturday 12 Dec
    let plan = f.tend.cadence_plan(guest.id, None, "").expect("plan");
    assert_eq!(
        plan.cadence_name, "New lead: 3 days, 3 weeks, 3 months",
        "fits a lead"
    );
    assert_eq!(plan.suggested_id, Some(plan.cadence_id));
    assert_eq!(plan.start_from, StartFrom::Met);
    assert_eq!(plan.start_text, "from the day you met, Sat 21 Nov 2026");
    assert_eq!(plan.passed.len(), 1, "the 3-day check-in is long gone");
    let days: Vec<&str> = plan.steps.iter().map(|s| s.due_local.as_str()).collect();
    assert_eq!(days, ["2026-12-12T09:00", "2027-02-19T09:00"]);

    let before = f.dump();
    assert_eq!(
        f.tend
            .apply_cadence(guest.id, plan.cadence_id, "Dec 3")
            .expect_err("not a date")
            .field(),
        Some("startOn")
    );
    assert_eq!(f.dump(), before, "a refused start plans nothing");

    let planned = f
        .tend
        .apply_cadence(guest.id, plan.cadence_id, "")
        .expect("applied");
    let pending: Vec<&str> = planned
        .iter()
        .filter(|x| x.status.is_pending())
        .map(|x| x.due_local.as_str())
        .collect();
    assert_eq!(pending, days, "what the preview showed is what was planned");
    let again = f.tend.cadence_plan(guest.id, None, "").expect("plan");
    assert!(again.running, "the picker says New lead is already running");
    assert_eq!(again.running_ids, [plan.cadence_id]);

    // A start she picks herself.
    let picked = f
        .tend
        .cadence_plan(guest.id, Some(plan.cadence_id), "2026-12-14")
        .expect("plan");
    assert_eq!(picked.start_from, StartFrom::Picked);
    assert_eq!(picked.steps[0].due_local, "2026-12-17T09:00");
}

#[test]
fn without_a_day_met_a_cadence_counts_from_the_first_touch() {
    let f = monday();
    let ann = f.tend.create_contact(&draft("Ann Lee")).expect("contact");
    f.tend
        .log_touch(&TouchDraft {
            contact_id: ann.id,
            when: "2026-11-20T18:00".into(),
            ..TouchDraft::default()
        })
        .expect("logged");
    let plan = f.tend.cadence_plan(ann.id, None, "").expect("plan");
    assert_eq!(plan.start_from, StartFrom::FirstTouch);
    assert_eq!(
        plan.steps[0].due_local, "2026-11-23T09:00",
        "day 3 after Friday is today"
    );
}

#[test]
fn the_picker_proposes_the_rhythm_that_fits_the_stage() {
    let f = monday();
    let cadences = f.tend.cadences().expect("cadences");
    let id_of = |key: &str| {
        cadences
            .iter()
            .find(|c| c.builtin_key.as_deref() == Some(key))
            .map(|c| c.id)
    };
    for (stage, key) in [
        ("lead", Some("new_lead")),
        ("new_customer", Some("new_customer_care")),
        ("inactive_customer", Some("win_back")),
        ("partner", Some("partner_checkin")),
        ("customer", None),
    ] {
        let contact = f
            .tend
            .create_contact(&ContactDraft {
                stage: stage.into(),
                ..draft(&format!("Someone {stage}"))
            })
            .expect("contact");
        let plan = f.tend.cadence_plan(contact.id, None, "").expect("plan");
        assert_eq!(plan.suggested_id, key.and_then(id_of), "{stage}");
    }
}

#[test]
fn no_cadence_step_lands_on_a_day_off() {
    let f = monday();
    f.tend
        .set_setting("daysOffWeekdays", "sat,sun")
        .expect("weekends off");
    f.tend
        .set_setting("daysOffDates", "2026-12-16")
        .expect("a holiday");
    let settings = f.tend.settings().expect("settings");
    assert_eq!(settings.days_off_weekdays, ["sat", "sun"]);
    assert_eq!(settings.days_off_dates.len(), 1);
    let before = f.dump();
    assert!(f
        .tend
        .set_setting("daysOffWeekdays", "mon,tue,wed,thu,fri,sat,sun")
        .is_err());
    assert_eq!(f.dump(), before, "a refused setting changes nothing");

    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    // Started Wednesday 25 Nov: day 3 is Saturday; day 21 is the holiday Wed 16 Dec.
    let planned = f
        .tend
        .cadence_plan(jane.id, None, "2026-11-25")
        .expect("plan");
    let shown: Vec<(&str, Option<&str>)> = planned
        .steps
        .iter()
        .map(|s| (s.due_local.as_str(), s.note.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            ("2026-11-30T09:00", Some("moved from Sat 28 Nov: a day off")),
            ("2026-12-17T09:00", Some("moved from Wed 16 Dec: a day off")),
            ("2027-02-23T09:00", None),
        ]
    );
    f.tend
        .apply_cadence(jane.id, planned.cadence_id, "2026-11-25")
        .expect("applied");
    let saturday_step = f
        .tend
        .contact_followups(jane.id)
        .expect("followups")
        .into_iter()
        .find(|x| x.due_local == "2026-11-30T09:00")
        .expect("moved to Monday");
    assert_eq!(
        saturday_step.promise,
        "Check in: any questions about what they tried? (moved from Sat 28 Nov: a day off)",
        "the step says why it is on Monday wherever it is shown"
    );
}
