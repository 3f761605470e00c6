//! Re-orders on a real file: a purchase plans its reminder a few days (a
//! setting) before the supply ends; Today shows it under Re-orders and the
//! reminder loop notifies it; a re-order keeps it and plans the next from her
//! own rhythm; a customer whose supply ran out long ago is suggested inactive.

use crate::purchases::{bought, product, tuesday};
use crate::support::draft;
use chrono::Duration;
use tend::domain::followup::Status;
use tend::domain::purchase::Basis;

#[test]
fn a_30_day_product_is_offered_again_27_days_later_under_re_orders_and_notified() {
    let f = tuesday(); // Tue 10 Feb 2026, London
    let oil = product(&f, "lavender oil", "30", "24.50");
    let maria = f
        .tend
        .create_contact(&draft("Maria Lopez"))
        .expect("contact");
    let outcome = f
        .tend
        .record_purchase(&bought(maria.id, &[(oil, 1)], ""))
        .expect("recorded");
    let [reminder] = &outcome.reminders[..] else {
        panic!("one reminder: {:?}", outcome.reminders)
    };
    assert_eq!(
        reminder.promise,
        "Maria’s lavender oil runs out around 12 Mar — offer a re-order"
    );
    assert_eq!(
        reminder.due_local, "2026-03-09T09:00",
        "3 days before, at 09:00"
    );
    assert_eq!(reminder.reorder_of, Some(oil));

    let before = f.tend.today().expect("today");
    assert!(before.reorders.is_empty(), "a month away");

    f.clock.advance(Duration::days(27)); // Mon 9 Mar, 10:00
    let today = f.tend.today().expect("today");
    assert_eq!(
        today.reorders.iter().map(|r| r.id).collect::<Vec<_>>(),
        [reminder.id]
    );
    assert!(
        today
            .due_today
            .iter()
            .chain(&today.overdue)
            .chain(&today.upcoming)
            .all(|other| other.reorder_of.is_none()),
        "a re-order is in Re-orders only"
    );
    assert_eq!(today.counts.reorders_due, 1);
    assert_eq!(
        f.tend.due_count().expect("count"),
        (today.counts.overdue + today.counts.due_today) as i64 + today.counts.reorders_due,
        "the tray counts it as due"
    );

    let tick = f.tend.reminder_tick(false).expect("tick");
    let notice = tick
        .notices
        .iter()
        .find(|n| n.followup_id == Some(reminder.id))
        .expect("notified like any promise");
    assert_eq!(notice.summary, "Re-order: Maria Lopez");
    assert_eq!(
        notice.body,
        "Call — Maria’s lavender oil runs out around 12 Mar — offer a re-order"
    );
    assert!(
        f.tend
            .reminder_tick(false)
            .expect("again")
            .notices
            .is_empty(),
        "never twice"
    );
}

#[test]
fn a_re_order_keeps_the_reminder_and_the_next_date_learns_her_rhythm() {
    let f = tuesday();
    let oil = product(&f, "lavender oil", "30", "");
    let maria = f.tend.create_contact(&draft("Maria")).expect("contact");
    let first = f
        .tend
        .record_purchase(&bought(maria.id, &[(oil, 1)], ""))
        .expect("first");
    let history = f.tend.contact_purchases(maria.id).expect("history");
    assert_eq!(history.reorders[0].basis, Basis::Supply { days: 30 });
    assert_eq!(history.reorders[0].basis_text, "from 30 days of supply");

    f.clock.advance(Duration::days(24)); // Fri 6 Mar: she re-orders early
    let second = f
        .tend
        .record_purchase(&bought(maria.id, &[(oil, 1)], ""))
        .expect("second");
    assert_eq!(second.closed_reminders, 1);
    let kept = f.tend.followup(first.reminders[0].id).expect("the first");
    assert_eq!(
        kept.status,
        Status::Done,
        "the re-order closed its reminder"
    );
    let next = &second.reminders[0];
    assert_eq!(
        next.due_local, "2026-03-27T09:00",
        "every 24 days, 3 days before"
    );
    assert!(
        next.promise.contains("runs out around 30 Mar"),
        "{}",
        next.promise
    );

    let history = f.tend.contact_purchases(maria.id).expect("history");
    let oil_date = &history.reorders[0];
    assert_eq!(
        oil_date.basis,
        Basis::Rhythm {
            gap_days: 24,
            purchases: 2
        }
    );
    assert_eq!(
        oil_date.basis_text,
        "from her own rhythm: every 24 days over 2 purchases"
    );
    assert_eq!(history.totals.days_since_last, Some(0));
    let pending: Vec<_> = f
        .tend
        .contact_followups(maria.id)
        .expect("followups")
        .into_iter()
        .filter(|x| x.status.is_pending() && x.reorder_of.is_some())
        .collect();
    assert_eq!(pending.len(), 1, "one reminder per product at a time");
}

#[test]
fn how_early_a_reminder_comes_is_her_setting() {
    let f = tuesday();
    f.tend
        .set_setting("reorderLeadDays", "7")
        .expect("a week early");
    let candle = product(&f, "Candle", "90", "");
    let jane = f.tend.create_contact(&draft("Jane Doe")).expect("contact");
    let outcome = f
        .tend
        .record_purchase(&bought(jane.id, &[(candle, 2)], ""))
        .expect("two candles");
    // 2 × 90 days from 10 Feb is 9 Aug; a week before is 2 Aug.
    assert_eq!(outcome.reminders[0].due_local, "2026-08-02T09:00");
    let bad = f
        .tend
        .set_setting("reorderLeadDays", "45")
        .expect_err("too many");
    assert_eq!(bad.field(), Some("reorderLeadDays"));
}

#[test]
fn a_customer_whose_supply_ran_out_long_ago_is_suggested_inactive_until_she_re_orders() {
    let f = tuesday();
    let oil = product(&f, "lavender oil", "30", "");
    let jane = f.tend.create_contact(&draft("Jane Doe")).expect("contact");
    f.tend
        .record_purchase(&bought(jane.id, &[(oil, 1)], "2026-01-01"))
        .expect("bought in January");
    assert!(
        f.tend.today().expect("today").lapsed.is_empty(),
        "ran out 31 Jan"
    );

    f.clock.advance(Duration::days(80)); // 1 May: ran out 90 days ago
    let today = f.tend.today().expect("today");
    let [lapsed] = &today.lapsed[..] else {
        panic!("{:?}", today.lapsed)
    };
    assert_eq!(lapsed.contact_id, jane.id);
    assert_eq!(lapsed.supply_ended_on.to_string(), "2026-01-31");
    assert_eq!(lapsed.days_since, 90);
    assert!(lapsed.suggest_inactive);
    assert_eq!(today.counts.lapsed, 1);

    f.tend
        .record_purchase(&bought(jane.id, &[(oil, 1)], ""))
        .expect("she came back");
    assert!(f.tend.today().expect("today").lapsed.is_empty());
    f.clock.advance(Duration::days(200));
    assert_eq!(f.tend.today().expect("today").lapsed.len(), 1);
    f.tend
        .set_stage(jane.id, "inactive_customer")
        .expect("one click");
    assert!(
        f.tend.today().expect("today").lapsed.is_empty(),
        "marked inactive: no longer suggested"
    );
}

#[test]
fn a_book_full_of_re_orders_is_paged_with_its_counts_complete() {
    let f = tuesday();
    let oil = product(&f, "lavender oil", "5", "");
    for i in 0..60 {
        let customer = f
            .tend
            .create_contact(&draft(&format!("Customer {i:02}")))
            .expect("contact");
        f.tend
            .record_purchase(&bought(customer.id, &[(oil, 1)], ""))
            .expect("bought");
    }
    f.clock.advance(Duration::days(2)); // the 5-day oil is offered again today
    let today = f.tend.today().expect("today");
    assert_eq!(today.reorders.len(), 50, "a page");
    assert_eq!(today.counts.reorders, 60, "all of them counted");
    assert_eq!(today.counts.reorders_due, 60);
    assert!(today
        .reorders
        .windows(2)
        .all(|pair| pair[0].due_at <= pair[1].due_at));
}
