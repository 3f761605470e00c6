//! Purchases on a real file: her product list, Record purchase (the first one
//! makes a lead a new customer with New customer care, by the rule of
//! "Bought"), the decision form's "Bought" detailed by a purchase, bad input
//! changing nothing, and v1 purchases upgraded into lines and products.

use crate::support::{draft, fixture_at, Fixture};
use chrono::Duration;
use chrono_tz::Europe::London;
use tend::domain::cadence::NEW_LEAD;
use tend::domain::decision::{DecisionDraft, DecisionKind};
use tend::domain::product::ProductDraft;
use tend::domain::purchase::{ItemDraft, PurchaseDraft};
use tend::domain::stage::Stage;

pub fn tuesday() -> Fixture {
    // Tuesday 10 Feb 2026, 10:00 in London.
    fixture_at("2026-02-10T10:00:00Z", London)
}

pub fn product(f: &Fixture, name: &str, days: &str, price: &str) -> i64 {
    f.tend
        .save_product(
            None,
            &ProductDraft {
                name: name.into(),
                supply_days: days.into(),
                price: price.into(),
            },
        )
        .expect("product saved")
        .id
}

pub fn bought(contact_id: i64, items: &[(i64, i64)], date: &str) -> PurchaseDraft {
    PurchaseDraft {
        contact_id,
        items: items
            .iter()
            .map(|&(product_id, quantity)| ItemDraft {
                product_id,
                quantity,
            })
            .collect(),
        date: date.into(),
        ..PurchaseDraft::default()
    }
}

#[test]
fn her_product_list_keeps_names_unique_and_archives_instead_of_deleting() {
    let f = tuesday();
    let oil = product(&f, "Lavender oil", "30", "24.50");
    product(&f, "Candle", "90", "");
    let twice = f.tend.save_product(
        None,
        &ProductDraft {
            name: "lavender OIL".into(),
            ..ProductDraft::default()
        },
    );
    let err = twice.expect_err("same name");
    assert_eq!(err.field(), Some("name"));
    assert!(
        err.to_string().contains("already on your product list"),
        "{err}"
    );
    let renamed = f
        .tend
        .save_product(
            Some(oil),
            &ProductDraft {
                name: "Lavender oil 10 ml".into(),
                supply_days: "28".into(),
                price: "22".into(),
            },
        )
        .expect("edited");
    assert_eq!(
        (renamed.supply_days, renamed.price_cents),
        (Some(28), Some(2200))
    );
    f.tend.set_product_archived(oil, true).expect("archived");
    let names: Vec<(String, bool)> = f
        .tend
        .products()
        .expect("list")
        .into_iter()
        .map(|p| (p.name, p.archived))
        .collect();
    assert_eq!(
        names,
        [
            ("Candle".into(), false),
            ("Lavender oil 10 ml".into(), true)
        ]
    );
}

#[test]
fn the_first_purchase_makes_a_lead_a_new_customer_with_care_as_bought_does() {
    let f = tuesday();
    let oil = product(&f, "Lavender oil", "30", "24.50");
    let candle = product(&f, "Candle", "90", "18");
    let maria = f
        .tend
        .create_contact(&draft("Maria Lopez"))
        .expect("contact");
    f.tend
        .apply_builtin_cadence(maria.id, NEW_LEAD)
        .expect("new lead");

    let outcome = f
        .tend
        .record_purchase(&PurchaseDraft {
            note: "for her sister too".into(),
            ..bought(maria.id, &[(oil, 2), (candle, 1)], "")
        })
        .expect("recorded");
    assert_eq!(outcome.stage, Stage::NewCustomer);
    let decided = outcome.decision.as_ref().expect("a Bought decision");
    assert_eq!(decided.decision.kind, DecisionKind::Bought);
    assert_eq!(decided.decision.note, "Bought Lavender oil ×2, Candle");
    assert_eq!(
        decided.started_cadence.as_deref(),
        Some("New customer care")
    );
    assert_eq!(
        decided.stopped_cadences,
        ["New lead: 3 days, 3 weeks, 3 months"],
        "a purchase stops what a Bought stops"
    );
    assert_eq!(outcome.purchase.summary, "Lavender oil ×2, Candle");
    assert_eq!(outcome.purchase.amount_cents, Some(2 * 2450 + 1800));
    assert_eq!(outcome.purchase.note, "for her sister too");
    assert_eq!(
        outcome.purchase.bought_on.to_string(),
        "2026-02-10",
        "no date: today"
    );

    // Exactly what recording "Bought" does to the same kind of lead.
    let jane = f.tend.create_contact(&draft("Jane Doe")).expect("contact");
    f.tend
        .apply_builtin_cadence(jane.id, NEW_LEAD)
        .expect("new lead");
    let by_decision = f
        .tend
        .record_decision(&DecisionDraft {
            contact_id: jane.id,
            kind: "bought".into(),
            ..DecisionDraft::default()
        })
        .expect("bought");
    assert_eq!(by_decision.stage, decided.stage);
    assert_eq!(by_decision.started_cadence, decided.started_cadence);
    assert_eq!(by_decision.stopped_cadences, decided.stopped_cadences);

    // A second purchase is not a first: care is already running.
    f.clock.advance(Duration::days(20));
    let again = f
        .tend
        .record_purchase(&bought(maria.id, &[(candle, 1)], "yesterday"))
        .expect("again");
    assert_eq!(again.purchase.bought_on.to_string(), "2026-03-01");
    assert_eq!(
        again.decision.expect("a decision").started_cadence,
        None,
        "New customer care runs once"
    );
    let history = f.tend.contact_purchases(maria.id).expect("history");
    assert_eq!(history.purchases.len(), 2);
    assert_eq!(history.purchases[0].summary, "Candle", "newest first");
    assert_eq!(history.totals.lifetime_cents, 4900 + 1800 + 1800);
    assert_eq!(history.currency, "USD");
}

#[test]
fn bought_in_the_decision_form_is_detailed_by_its_purchase_without_a_second_decision() {
    let f = tuesday();
    let oil = product(&f, "Lavender oil", "30", "");
    let maria = f.tend.create_contact(&draft("Maria")).expect("contact");
    let decided = f
        .tend
        .record_decision(&DecisionDraft {
            contact_id: maria.id,
            kind: "bought".into(),
            ..DecisionDraft::default()
        })
        .expect("bought");
    let outcome = f
        .tend
        .record_purchase(&PurchaseDraft {
            decision_id: Some(decided.decision.id),
            amount: "19,90".into(),
            ..bought(maria.id, &[(oil, 1)], "")
        })
        .expect("detailed");
    assert!(outcome.decision.is_none());
    assert_eq!(outcome.stage, Stage::NewCustomer);
    assert_eq!(outcome.purchase.amount_cents, Some(1990));
    assert_eq!(
        f.tend.contact_decisions(maria.id).expect("decisions").len(),
        1,
        "one Bought, not two"
    );

    // A decision that is not her Bought cannot be detailed.
    let no = f
        .tend
        .record_decision(&DecisionDraft {
            contact_id: maria.id,
            kind: "thinking".into(),
            ..DecisionDraft::default()
        })
        .expect("thinking");
    let before = f.dump();
    let err = f
        .tend
        .record_purchase(&PurchaseDraft {
            decision_id: Some(no.decision.id),
            ..bought(maria.id, &[(oil, 1)], "")
        })
        .expect_err("not a Bought");
    assert_eq!(err.field(), Some("decisionId"));
    assert_eq!(f.dump(), before, "nothing changed");
}

#[test]
fn a_bad_purchase_says_why_and_changes_nothing() {
    let f = tuesday();
    let oil = product(&f, "Lavender oil", "30", "");
    let maria = f.tend.create_contact(&draft("Maria")).expect("contact");
    let before = f.dump();
    for (draft, field) in [
        (bought(maria.id, &[], ""), "items"),
        (bought(maria.id, &[(oil + 99, 1)], ""), "items"),
        (bought(maria.id, &[(oil, 1)], "tomorrow"), "date"),
        (bought(maria.id, &[(oil, 1)], "when she paid"), "date"),
        (
            PurchaseDraft {
                amount: "a lot".into(),
                ..bought(maria.id, &[(oil, 1)], "")
            },
            "amount",
        ),
    ] {
        let err = f.tend.record_purchase(&draft).expect_err(field);
        assert_eq!(err.field(), Some(field), "{err}");
    }
    let gone = f
        .tend
        .record_purchase(&bought(maria.id + 50, &[(oil, 1)], ""))
        .expect_err("no such contact");
    assert_eq!(gone.kind(), "not_found");
    assert_eq!(f.dump(), before, "nothing was written");
}

#[test]
fn v1_purchases_become_lines_and_products_on_upgrade() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tend.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(include_str!("fixtures/schema/v1-with-rows.sql"))
            .expect("v1");
    }
    let store = tend::store::Store::open(&path).expect("upgraded");
    let clock = std::sync::Arc::new(tend::clock::ManualClock::in_zone(
        crate::support::instant("2026-03-05T09:00:00Z"),
        chrono_tz::Europe::Madrid,
    ));
    let tend = tend::api::Tend::new(store, clock);
    let jane = tend.contact_purchases(2).expect("Jane's purchases");
    assert_eq!(jane.purchases.len(), 2);
    assert_eq!(jane.purchases[1].lines[0].name, "Unscented lotion 500 ml");
    assert_eq!(jane.purchases[1].lines[0].supply_days, Some(42));
    assert_eq!(jane.totals.lifetime_cents, 2450 + 3900);
    let names: Vec<String> = tend
        .products()
        .expect("products")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        [
            "Lavender gift set",
            "Starter kit",
            "Unscented lotion 500 ml"
        ]
    );
    let lotion = jane
        .reorders
        .iter()
        .find(|r| r.product_name == "Unscented lotion 500 ml")
        .expect("its re-order date");
    assert_eq!(
        lotion.runs_out_on.to_string(),
        "2026-03-01",
        "18 Jan + 42 days"
    );
}
