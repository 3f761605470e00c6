//! Insights on a real data file: promises kept, touches before a sale, the
//! pipeline, each worked out by hand from what the test does.

use crate::support::{draft, fixture_at, Fixture};
use chrono::Duration;
use chrono_tz::America::New_York;
use tend::domain::decision::DecisionDraft;
use tend::domain::followup::FollowupDraft;
use tend::domain::insights::period::Period;
use tend::domain::insights::Share;
use tend::domain::touch::TouchDraft;

// Monday 23 Nov 2026, 09:00 in New York.
const MONDAY: &str = "2026-11-23T14:00:00Z";

fn promise(f: &Fixture, contact_id: i64, date: &str) -> i64 {
    f.tend
        .plan_followup(&FollowupDraft {
            contact_id,
            promise: "call about the set".into(),
            channel: "call".into(),
            date: date.into(),
            time: "10:00".into(),
        })
        .expect("planned")
        .id
}

fn touch(f: &Fixture, contact_id: i64) {
    f.tend
        .log_touch(&TouchDraft {
            contact_id,
            channel: "call".into(),
            ..TouchDraft::default()
        })
        .expect("touch");
}

#[test]
fn two_promises_kept_on_time_and_one_late_are_two_of_three() {
    let f = fixture_at(MONDAY, New_York);
    let jane = f.tend.create_contact(&draft("Jane")).expect("Jane").id;
    let mon = promise(&f, jane, "2026-11-23");
    let tue = promise(&f, jane, "2026-11-24");
    let wed = promise(&f, jane, "2026-11-25");
    let later = promise(&f, jane, "2026-12-10");

    f.tend.complete_followup(mon).expect("Monday's, on Monday");
    // Tuesday 23:50 in New York: still its day.
    f.clock
        .set("2026-11-25T04:50:00Z".parse().expect("an instant"));
    f.tend
        .complete_followup(tue)
        .expect("Tuesday's, late at night");
    // Wednesday's, done on Thursday.
    f.clock
        .set("2026-11-26T15:00:00Z".parse().expect("an instant"));
    f.tend.complete_followup(wed).expect("a day late");

    let insights = f.tend.insights(Period::FourWeeks).expect("insights");
    let kept = &insights.promises;
    assert_eq!(kept.total, Share { count: 2, of: 3 }, "{kept:?}");
    assert_eq!(kept.weeks.len(), 4);
    assert_eq!(kept.weeks[3].kept, Share { count: 2, of: 3 });
    assert_eq!(kept.broken.len(), 1);
    assert_eq!(kept.broken[0].followup_id, wed);
    assert_eq!(kept.broken[0].how, "done 1 day late");
    assert_eq!(kept.streak_days, 1, "Wednesday ended with one overdue");
    assert!(kept.broken.iter().all(|b| b.followup_id != later));

    // Her working day ends at 18:00: Tuesday's 23:50 is no longer on time.
    f.tend.set_setting("workdayEnd", "18:00").expect("setting");
    let insights = f.tend.insights(Period::FourWeeks).expect("insights");
    assert_eq!(insights.workday_end, "18:00");
    assert_eq!(insights.promises.total, Share { count: 1, of: 3 });
}

#[test]
fn a_contact_who_bought_after_five_touches_is_in_the_five_bar() {
    let f = fixture_at(MONDAY, New_York);
    let maria = f.tend.create_contact(&draft("Maria")).expect("Maria").id;
    let tom = f.tend.create_contact(&draft("Tom")).expect("Tom").id;
    for _ in 0..5 {
        touch(&f, maria);
        f.clock.advance(Duration::days(1));
    }
    touch(&f, tom);
    for (contact_id, kind) in [(maria, "bought"), (tom, "thinking")] {
        f.tend
            .record_decision(&DecisionDraft {
                contact_id,
                kind: kind.into(),
                ..DecisionDraft::default()
            })
            .expect("decided");
    }
    // Touches after the sale do not count towards it.
    f.clock.advance(Duration::hours(1));
    touch(&f, maria);

    let insights = f.tend.insights(Period::All).expect("insights");
    let sales = &insights.sales;
    assert_eq!(sales.sales, 1);
    let five: Vec<i64> = sales.bars[5]
        .contacts
        .iter()
        .map(|c| c.contact_id)
        .collect();
    assert_eq!(five, [maria], "{:?}", sales.bars);
    assert_eq!(sales.bars[5].contacts[0].name, "Maria");
    assert_eq!(sales.after_fifth, Share { count: 1, of: 1 });
    assert_eq!(sales.median_days_to_sale, Some(5));

    let pipeline = &insights.pipeline;
    let stage = |key: &str| {
        pipeline
            .by_stage
            .iter()
            .find(|bar| bar.key == key)
            .map(|bar| bar.count)
    };
    assert_eq!(
        stage("new_customer"),
        Some(1),
        "Bought made Maria a new customer"
    );
    assert_eq!(stage("lead"), Some(1));
    let decided = |key: &str| {
        pipeline
            .by_decision
            .iter()
            .find(|bar| bar.key == key)
            .map(|bar| bar.count)
    };
    assert_eq!(decided("thinking"), Some(1));
    assert_eq!(decided("bought"), Some(1));
    assert_eq!(
        pipeline.old_maybes, 0,
        "Tom has thought for less than two weeks"
    );
    f.clock.advance(Duration::days(15));
    let later = f.tend.insights(Period::All).expect("insights");
    assert_eq!(later.pipeline.old_maybes, 1);
}

#[test]
fn an_empty_book_has_figures_with_nothing_to_count() {
    let f = fixture_at(MONDAY, New_York);
    let insights = f.tend.insights(Period::Year).expect("insights");
    assert_eq!(insights.promises.total, Share { count: 0, of: 0 });
    assert_eq!(insights.promises.weeks.len(), 52);
    assert_eq!(insights.sales.sales, 0);
    assert_eq!(insights.workday_end, "off");
}
