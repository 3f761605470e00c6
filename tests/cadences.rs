//! Cadences: applying the built-in rhythms, stopping them on a decision, starting
//! New customer care on a purchase, re-basing on an answer, editing.

use crate::support::{draft, fixture_at, Fixture};
use chrono::Duration;
use chrono_tz::America::New_York;
use tend::domain::cadence::{CadenceDraft, StepDraft, NEW_LEAD};
use tend::domain::decision::DecisionDraft;
use tend::domain::followup::{Followup, Status};
use tend::domain::stage::Stage;
use tend::domain::touch::TouchDraft;

fn monday() -> Fixture {
    // Monday 23 Nov 2026, 10:00 in New York.
    fixture_at("2026-11-23T15:00:00Z", New_York)
}

fn dates(followups: &[Followup]) -> Vec<String> {
    followups
        .iter()
        .filter(|f| f.status.is_pending())
        .map(|f| f.due_local.clone())
        .collect()
}

fn decide(f: &Fixture, contact_id: i64, kind: &str) -> tend::api::DecisionOutcome {
    f.tend
        .record_decision(&DecisionDraft {
            contact_id,
            kind: kind.into(),
            ..DecisionDraft::default()
        })
        .expect("decided")
}

#[test]
fn the_new_lead_cadence_plans_three_days_three_weeks_three_months() {
    let f = monday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let planned = f
        .tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("applied");
    assert_eq!(
        dates(&planned),
        ["2026-11-26T09:00", "2026-12-14T09:00", "2027-02-21T09:00"]
    );
    assert!(planned
        .iter()
        .all(|p| p.cadence_name.as_deref() == Some("New lead: 3 days, 3 weeks, 3 months")));
}

#[test]
fn bought_stops_the_lead_cadence_makes_a_new_customer_and_starts_care() {
    let f = monday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    f.tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("applied");
    f.clock.advance(Duration::days(5));
    let outcome = decide(&f, jane.id, "bought");
    assert_eq!(
        outcome.stopped_cadences,
        vec!["New lead: 3 days, 3 weeks, 3 months"]
    );
    assert_eq!(
        outcome.started_cadence.as_deref(),
        Some("New customer care")
    );
    assert_eq!(outcome.stage, Stage::NewCustomer);
    assert_eq!(
        f.tend.contact(jane.id).expect("contact").stage,
        Stage::NewCustomer
    );

    let all = f.tend.contact_followups(jane.id).expect("followups");
    let lead_steps: Vec<&Followup> = all
        .iter()
        .filter(|x| {
            x.cadence_name
                .as_deref()
                .is_some_and(|n| n.starts_with("New lead"))
        })
        .collect();
    assert_eq!(lead_steps.len(), 3);
    assert!(
        lead_steps.iter().all(|x| x.status == Status::Skipped),
        "the lead rhythm stops"
    );
    // Bought on Saturday 28 Nov: care after 2 days, 2 weeks, 6 weeks.
    assert_eq!(
        dates(&all),
        ["2026-11-30T09:00", "2026-12-12T09:00", "2027-01-09T09:00"]
    );
}

#[test]
fn no_stops_the_cadence_and_plans_to_ask_again_in_six_months() {
    let f = monday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    f.tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("applied");
    let outcome = decide(&f, jane.id, "no");
    assert_eq!(outcome.stopped_cadences.len(), 1);
    let revisit = outcome.revisit.expect("a no is a no for today");
    assert_eq!(revisit.due_local, "2027-05-23T09:00");
    assert_eq!(
        dates(&f.tend.contact_followups(jane.id).expect("followups")),
        ["2027-05-23T09:00"]
    );
    assert_eq!(
        f.tend.contact_decisions(jane.id).expect("history")[0].label,
        "No — for today"
    );
}

#[test]
fn thinking_it_over_does_not_stop_the_rhythm() {
    let f = monday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    f.tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("applied");
    let outcome = decide(&f, jane.id, "thinking");
    assert!(outcome.stopped_cadences.is_empty());
    assert_eq!(
        dates(&f.tend.contact_followups(jane.id).expect("followups")).len(),
        3
    );
}

#[test]
fn a_reply_rebases_the_remaining_steps_from_the_reply() {
    let f = monday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let planned = f
        .tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("applied");
    // Day-3 call kept on Thursday; she replies the next Tuesday (1 Dec).
    f.clock.advance(Duration::days(3));
    f.tend.complete_followup(planned[0].id).expect("done");
    f.clock.advance(Duration::days(5));
    let logged = f
        .tend
        .log_touch(&TouchDraft {
            contact_id: jane.id,
            channel: "text".into(),
            outcome: "reply".into(),
            ..TouchDraft::default()
        })
        .expect("logged");
    assert_eq!(logged.rebased, 2);
    // Remaining steps were day 21 and day 90: 18 and 87 days after the day-3 step.
    assert_eq!(
        dates(&f.tend.contact_followups(jane.id).expect("followups")),
        ["2026-12-19T09:00", "2027-02-26T09:00"]
    );
}

#[test]
fn a_touch_without_an_answer_leaves_the_rhythm_alone() {
    let f = monday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    f.tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("applied");
    f.clock.advance(Duration::days(1));
    let logged = f
        .tend
        .log_touch(&TouchDraft {
            contact_id: jane.id,
            outcome: "no_answer".into(),
            ..TouchDraft::default()
        })
        .expect("logged");
    assert_eq!(logged.rebased, 0);
    assert_eq!(
        dates(&f.tend.contact_followups(jane.id).expect("followups"))[0],
        "2026-11-26T09:00"
    );
}

#[test]
fn cadences_are_editable_and_user_creatable() {
    let f = monday();
    let step = |offset_days, channel: &str| StepDraft {
        offset_days,
        channel: channel.into(),
        message: format!("day {offset_days}"),
    };
    let mine = f
        .tend
        .create_cadence(&CadenceDraft {
            name: "Party follow-up".into(),
            stops_on: vec!["bought".into()],
            steps: vec![step(1, "text"), step(10, "call")],
        })
        .expect("created");
    let edited = f
        .tend
        .update_cadence(
            mine.id,
            &CadenceDraft {
                name: "Party follow-up".into(),
                stops_on: vec![],
                steps: vec![step(2, "text")],
            },
        )
        .expect("edited");
    assert_eq!(edited.steps.len(), 1);
    assert!(edited.stops_on.is_empty());
    let before = f.dump();
    let bad = CadenceDraft {
        name: "Broken".into(),
        stops_on: vec![],
        steps: vec![step(5, "call"), step(2, "call")],
    };
    assert_eq!(
        f.tend
            .update_cadence(mine.id, &bad)
            .expect_err("unordered")
            .field(),
        Some("steps")
    );
    assert_eq!(f.dump(), before, "a refused edit changes nothing");
    assert_eq!(
        f.tend.cadences().expect("list").len(),
        6,
        "five built in, one of ours"
    );
}
