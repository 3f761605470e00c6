//! Why they left, on a real file: marking a customer gone makes her inactive;
//! one who died or moved leaves every list that would nag (her cadences stop,
//! her promises are skipped, going cold and the maybes forget her) without
//! being deleted; "felt I didn't care" and "don't know" offer Win back; buying
//! again brings her back.

use crate::purchases::{bought, product, tuesday};
use crate::support::draft;
use chrono::Duration;
use tend::domain::decision::DecisionDraft;
use tend::domain::departure::{DepartureDraft, Reason};
use tend::domain::followup::Status;
use tend::domain::stage::Stage;

fn left(contact_id: i64, reason: &str) -> DepartureDraft {
    DepartureDraft {
        contact_id,
        reason: reason.into(),
        note: String::new(),
    }
}

#[test]
fn one_who_moved_leaves_every_list_that_would_nag_without_being_deleted() {
    let f = tuesday();
    let oil = product(&f, "lavender oil", "30", "");
    let olivia = f
        .tend
        .create_contact(&draft("Olivia Brown"))
        .expect("contact");
    f.tend
        .record_purchase(&bought(olivia.id, &[(oil, 1)], ""))
        .expect("bought: care and a re-order reminder");
    let pending = |f: &crate::support::Fixture| {
        f.tend
            .contact_followups(olivia.id)
            .expect("followups")
            .into_iter()
            .filter(|x| x.status.is_pending())
            .count()
    };
    assert!(pending(&f) >= 4, "care steps and the re-order");

    let outcome = f
        .tend
        .record_departure(&DepartureDraft {
            note: "to Valencia".into(),
            ..left(olivia.id, "moved")
        })
        .expect("recorded");
    assert_eq!(outcome.contact.stage, Stage::InactiveCustomer);
    assert_eq!(outcome.contact.left_reason, Some(Reason::Moved));
    assert!(outcome.left_the_lists);
    assert!(!outcome.offer_win_back);
    assert_eq!(outcome.stopped_cadences, ["New customer care"]);
    assert!(outcome.skipped_followups >= 4);
    assert_eq!(pending(&f), 0);
    let skipped = f.tend.contact_followups(olivia.id).expect("followups");
    assert!(skipped.iter().all(
        |x| x.status != Status::Skipped || x.skip_reason.as_deref() == Some("Left: moved away")
    ));
    assert_eq!(outcome.departure.note, "to Valencia");
    assert_eq!(outcome.departure.control, "none");

    // A year on, an inactive customer would be long past her 90-day window.
    f.clock.advance(Duration::days(365));
    let today = f.tend.today().expect("today");
    assert!(today.going_cold.iter().all(|c| c.contact_id != olivia.id));
    assert!(today.lapsed.iter().all(|c| c.contact_id != olivia.id));
    let tick = f.tend.reminder_tick(false).expect("tick");
    assert!(
        tick.notices.iter().all(|n| n.followup_id.is_none()),
        "no promise about her comes due: {:?}",
        tick.notices
    );
    assert_eq!(
        f.tend.contact(olivia.id).expect("still in Tend").name,
        "Olivia Brown"
    );
    assert_eq!(
        f.tend
            .contact_departures(olivia.id)
            .expect("departures")
            .len(),
        1
    );
}

#[test]
fn one_who_died_is_no_longer_a_maybe_to_decide() {
    let f = tuesday();
    let sam = f
        .tend
        .create_contact(&draft("Sam O'Neil"))
        .expect("contact");
    f.tend
        .record_decision(&DecisionDraft {
            contact_id: sam.id,
            kind: "thinking".into(),
            ..DecisionDraft::default()
        })
        .expect("thinking");
    f.clock.advance(Duration::days(20));
    assert_eq!(f.tend.today().expect("today").maybes.len(), 1);
    let outcome = f
        .tend
        .record_departure(&left(sam.id, "died"))
        .expect("recorded");
    assert_eq!(outcome.contact.stage, Stage::Lead, "a lead stays a lead");
    assert!(f.tend.today().expect("today").maybes.is_empty());
}

#[test]
fn felt_i_didnt_care_and_dont_know_offer_win_back_and_stay_on_the_lists() {
    let f = tuesday();
    for (reason, offers) in [
        ("indifference", true),
        ("dont_know", true),
        ("competitor", false),
        ("product_or_price", false),
        ("other_relationships", false),
    ] {
        let jane = f.tend.create_contact(&draft(reason)).expect("contact");
        f.tend.set_stage(jane.id, "customer").expect("customer");
        let outcome = f
            .tend
            .record_departure(&left(jane.id, reason))
            .expect("recorded");
        assert_eq!(outcome.offer_win_back, offers, "{reason}");
        assert!(!outcome.left_the_lists, "{reason}");
        assert_eq!(outcome.contact.stage, Stage::InactiveCustomer);
    }
    f.clock.advance(Duration::days(120));
    assert_eq!(
        f.tend.today().expect("today").going_cold.len(),
        5,
        "still hers to win back"
    );
}

#[test]
fn buying_again_brings_her_back() {
    let f = tuesday();
    let oil = product(&f, "lavender oil", "30", "");
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    f.tend.set_stage(jane.id, "customer").expect("customer");
    f.tend
        .record_departure(&left(jane.id, "moved"))
        .expect("moved");
    let back = f
        .tend
        .record_purchase(&bought(jane.id, &[(oil, 1)], ""))
        .expect("she ordered from her new town");
    assert_eq!(
        back.stage,
        Stage::Customer,
        "an inactive customer who buys is a customer"
    );
    assert_eq!(f.tend.contact(jane.id).expect("contact").left_reason, None);
    assert_eq!(
        back.reminders.len(),
        1,
        "and her re-orders are planned again"
    );
}

#[test]
fn no_reason_chosen_changes_nothing() {
    let f = tuesday();
    let jane = f.tend.create_contact(&draft("Jane")).expect("contact");
    let before = f.dump();
    let err = f
        .tend
        .record_departure(&left(jane.id, "bored"))
        .expect_err("not a reason");
    assert_eq!(err.field(), Some("reason"));
    let gone = f
        .tend
        .record_departure(&left(jane.id + 9, "moved"))
        .expect_err("no one");
    assert_eq!(gone.kind(), "not_found");
    assert_eq!(f.dump(), before);
}
