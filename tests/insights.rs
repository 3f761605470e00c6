//! Insights on a real data file: promises kept, touches before a sale, the
//! pipeline, why customers left, re-orders and referrals, each worked out by
//! hand from what the test does.

use crate::support::{draft, fixture_at, Fixture};
use chrono::Duration;
use chrono_tz::America::New_York;
use tend::domain::decision::DecisionDraft;
use tend::domain::departure::DepartureDraft;
use tend::domain::followup::FollowupDraft;
use tend::domain::insights::period::Period;
use tend::domain::insights::Share;
use tend::domain::product::ProductDraft;
use tend::domain::purchase::{ItemDraft, PurchaseDraft};
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

#[test]
fn departures_re_orders_and_referrals_worked_by_hand() {
    // Mon 23 Nov: Maria, sent by Sara, buys a 30-day oil. Its re-order
    // reminder is due Sun 20 Dec (runs out 23 Dec, 3 days before); she does it
    // that day, and Maria buys again on Wed 23 Dec: a 30-day gap, a reminder in
    // time. Tom left feeling no one cared, Ann moved away: 1 of 2 in her control.
    let f = fixture_at(MONDAY, New_York);
    let sara = f
        .tend
        .create_contact(&draft("Sara Jones"))
        .expect("Sara")
        .id;
    let maria = f
        .tend
        .create_contact(&draft("Maria Lopez"))
        .expect("Maria")
        .id;
    f.tend.set_referred_by(maria, Some(sara)).expect("referred");
    let oil = f
        .tend
        .save_product(
            None,
            &ProductDraft {
                name: "Lavender oil".into(),
                supply_days: "30".into(),
                price: "24.50".into(),
            },
        )
        .expect("a product")
        .id;
    let buy = |f: &Fixture| {
        f.tend
            .record_purchase(&PurchaseDraft {
                contact_id: maria,
                items: vec![ItemDraft {
                    product_id: oil,
                    quantity: 1,
                }],
                ..PurchaseDraft::default()
            })
            .expect("bought")
    };
    let first = buy(&f);
    let reminder = &first.reminders[0];
    assert_eq!(reminder.due_local.get(..10), Some("2026-12-20"));
    for (name, reason) in [("Tom Reyes", "indifference"), ("Ann Lee", "moved")] {
        let id = f.tend.create_contact(&draft(name)).expect(name).id;
        f.tend.set_stage(id, "customer").expect("a customer");
        f.tend
            .record_departure(&DepartureDraft {
                contact_id: id,
                reason: reason.into(),
                note: String::new(),
            })
            .expect("left");
    }

    f.clock
        .set("2026-12-20T15:00:00Z".parse().expect("an instant"));
    f.tend.complete_followup(reminder.id).expect("reminded");
    f.clock.advance(Duration::days(3));
    buy(&f);

    let insights = f.tend.insights(Period::Quarter).expect("insights");
    assert_eq!(insights.left.departures, 2);
    assert_eq!(insights.left.in_her_control, Share { count: 1, of: 2 });
    let oil = &insights.reorders.products[0];
    assert_eq!(
        (oil.supply_days, oil.reorders, oil.median_gap_days),
        (Some(30), 1, Some(30))
    );
    assert_eq!(
        insights.reorders.reminded_in_time,
        Share { count: 1, of: 1 }
    );
    assert_eq!(
        (insights.referrals.people, insights.referrals.sales),
        (1, 1)
    );
    assert_eq!(insights.referrals.top[0].name, "Sara Jones");

    let leads = f
        .tend
        .pipeline_people("stage:new_customer")
        .expect("listed");
    assert_eq!(leads.total, 1);
    assert_eq!(leads.people[0].name, "Maria Lopez");
    let undecided = f.tend.pipeline_people("decision:none").expect("listed");
    assert_eq!(
        undecided
            .people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ann Lee", "Sara Jones", "Tom Reyes"],
        "by name; Maria's latest decision is her Bought"
    );
    assert!(f.tend.pipeline_people("stage:boss").is_err());
}
