//! Birthdays, dated events, what matters now and seasons on a real file: a
//! birthday under Upcoming a week ahead and told on the morning (days ahead a
//! setting), 29 February in a common year, the year end, events once or yearly,
//! what matters now dated and on Today's rows, and last year's season buyers.

use crate::purchases::{bought, product};
use crate::support::{draft, fixture_at, Fixture};
use chrono::Duration;
use chrono_tz::Europe::London;
use tend::domain::contact::AboutDraft;
use tend::domain::departure::DepartureDraft;
use tend::domain::events::EventDraft;
use tend::domain::followup::FollowupDraft;
use tend::domain::season::{Reminder, SeasonDraft};

fn about(birthday: &str, matters_now: &str) -> AboutDraft {
    AboutDraft {
        birthday: birthday.into(),
        matters_now: matters_now.into(),
    }
}

/// The names a season's reminder lists, in its order.
fn customers_of(season: &Reminder) -> Vec<&str> {
    season.customers.iter().map(|p| p.name.as_str()).collect()
}

fn events_on(f: &Fixture) -> Vec<(String, String, i64)> {
    f.tend
        .today()
        .expect("today")
        .events
        .into_iter()
        .map(|e| (e.text, e.on.to_string(), e.days_away))
        .collect()
}

#[test]
fn a_birthday_is_under_upcoming_a_week_ahead_and_told_on_the_morning() {
    // Thu 5 Mar 2026, 07:00 in London: before her 09:00 morning.
    let f = fixture_at("2026-03-05T07:00:00Z", London);
    f.tend.set_setting("digestTime", "off").expect("no digest");
    let maria = f.tend.create_contact(&draft("Maria Lopez")).expect("Maria");
    let saved = f
        .tend
        .save_about(maria.id, &about("13 March 1986", ""))
        .expect("birthday");
    assert_eq!(saved.birthday.as_deref(), Some("1986-03-13"));
    assert!(events_on(&f).is_empty(), "eight days away");

    f.clock.advance(Duration::days(1)); // Fri 6 Mar: a week before
    let today = f.tend.today().expect("today");
    let [birthday] = &today.events[..] else {
        panic!("{:?}", today.events)
    };
    assert_eq!(birthday.text, "Maria Lopez’s birthday (turns 40)");
    assert_eq!(birthday.days_away, 7);
    assert_eq!(birthday.wish, "Wish Maria a happy birthday");
    assert_eq!(today.counts.events, 1);

    f.clock.advance(Duration::days(7)); // Fri 13 Mar, 07:00
    let early = f.tend.reminder_tick(false).expect("tick");
    assert!(early.notices.is_empty(), "not before her morning");
    f.clock.advance(Duration::hours(2)); // 09:00
    let tick = f.tend.reminder_tick(false).expect("tick");
    let [notice] = &tick.notices[..] else {
        panic!("{:?}", tick.notices)
    };
    assert_eq!(notice.summary, "Maria Lopez’s birthday (turns 40) is today");
    assert_eq!(notice.body, "Wish Maria a happy birthday.");
    assert_eq!(notice.contact_id, Some(maria.id));
    assert!(
        f.tend
            .reminder_tick(false)
            .expect("again")
            .notices
            .is_empty(),
        "told once"
    );
}

#[test]
fn the_loop_wakes_on_her_morning_only_when_something_dated_is_in_the_book() {
    // Thu 5 Mar 2026, 07:00 in London: her morning is at 09:00.
    let f = fixture_at("2026-03-05T07:00:00Z", London);
    f.tend.set_setting("digestTime", "off").expect("no digest");
    let maria = f.tend.create_contact(&draft("Maria Lopez")).expect("Maria");
    let wake = || f.tend.reminder_tick(false).expect("tick").next_wake;
    assert_eq!(wake(), None, "nothing dated: no morning to wake for");
    f.tend
        .save_about(maria.id, &about("13 March 1986", ""))
        .expect("birthday");
    assert_eq!(
        wake(),
        Some(crate::support::instant("2026-03-05T09:00:00Z")),
        "a birthday in the book: her morning"
    );
    f.tend.set_archived(maria.id, true).expect("archived");
    assert_eq!(wake(), None, "archived: nothing to tell");
}

#[test]
fn days_ahead_is_her_setting() {
    let f = fixture_at("2026-03-11T09:30:00Z", London);
    f.tend.set_setting("digestTime", "off").expect("no digest");
    f.tend
        .set_setting("eventNoticeDays", "2")
        .expect("two days ahead");
    let maria = f.tend.create_contact(&draft("Maria Lopez")).expect("Maria");
    f.tend
        .save_about(maria.id, &about("13 Mar", ""))
        .expect("birthday");
    let tick = f.tend.reminder_tick(false).expect("tick");
    assert_eq!(
        tick.notices
            .iter()
            .map(|n| n.summary.as_str())
            .collect::<Vec<_>>(),
        ["Maria Lopez’s birthday is on Fri 13 Mar"]
    );
}

#[test]
fn a_29_february_birthday_comes_on_the_28th_in_a_common_year_and_december_sees_january() {
    let f = fixture_at("2027-02-22T10:00:00Z", London);
    let leap = f.tend.create_contact(&draft("Leah Leap")).expect("Leah");
    f.tend
        .save_about(leap.id, &about("29 Feb 1992", ""))
        .expect("birthday");
    assert_eq!(
        events_on(&f),
        [(
            "Leah Leap’s birthday (turns 35)".to_string(),
            "2027-02-28".to_string(),
            6
        )]
    );

    let g = fixture_at("2026-12-29T10:00:00Z", London);
    let jan = g.tend.create_contact(&draft("Jan Uary")).expect("Jan");
    g.tend
        .save_about(jan.id, &about("2 Jan", ""))
        .expect("birthday");
    assert_eq!(
        events_on(&g),
        [(
            "Jan Uary’s birthday".to_string(),
            "2027-01-02".to_string(),
            4
        )]
    );
}

#[test]
fn events_come_once_or_every_year_and_leave_with_her() {
    let f = fixture_at("2026-05-14T10:00:00Z", London);
    let ana = f.tend.create_contact(&draft("Ana Ruiz")).expect("Ana");
    f.tend
        .add_contact_event(&EventDraft {
            contact_id: ana.id,
            label: "wedding anniversary".into(),
            date: "20 May 2010".into(),
            yearly: true,
        })
        .expect("anniversary");
    let events = f
        .tend
        .add_contact_event(&EventDraft {
            contact_id: ana.id,
            label: "baby due".into(),
            date: "18 May 2026".into(),
            yearly: false,
        })
        .expect("baby");
    assert_eq!(events.len(), 2);
    assert_eq!(
        events_on(&f)
            .into_iter()
            .map(|(text, _, days)| (text, days))
            .collect::<Vec<_>>(),
        [
            ("Ana Ruiz: baby due".to_string(), 4),
            ("Ana Ruiz: wedding anniversary".to_string(), 6)
        ]
    );
    let bad = f
        .tend
        .add_contact_event(&EventDraft {
            contact_id: ana.id,
            label: "moving".into(),
            date: "in June".into(),
            yearly: false,
        })
        .expect_err("not a day");
    assert_eq!(bad.field(), Some("date"));
    let left = f.tend.remove_contact_event(events[0].id).expect("removed");
    assert_eq!(left.len(), 1);

    f.tend
        .record_departure(&DepartureDraft {
            contact_id: ana.id,
            reason: "moved".into(),
            note: String::new(),
        })
        .expect("moved");
    assert!(
        events_on(&f).is_empty(),
        "no event of someone who moved nags"
    );
}

#[test]
fn what_matters_now_keeps_the_day_it_was_noted_and_shows_on_her_today_rows() {
    let f = fixture_at("2026-03-05T10:00:00Z", London);
    let maria = f.tend.create_contact(&draft("Maria Lopez")).expect("Maria");
    let noted = f
        .tend
        .save_about(maria.id, &about("", "daughter’s wedding in June"))
        .expect("noted");
    let matters = noted.matters_now.expect("what matters");
    assert_eq!(matters.text, "daughter’s wedding in June");
    assert_eq!(
        matters.noted_on.map(|d| d.to_string()),
        Some("2026-03-05".into())
    );

    f.clock.advance(Duration::days(30));
    let same = f
        .tend
        .save_about(maria.id, &about("14 Mar", "daughter’s wedding in June"))
        .expect("birthday added");
    assert_eq!(
        same.matters_now
            .and_then(|m| m.noted_on)
            .map(|d| d.to_string()),
        Some("2026-03-05".into()),
        "unchanged text keeps its day, so a stale one shows its age"
    );
    f.tend
        .plan_followup(&FollowupDraft {
            contact_id: maria.id,
            promise: "send the catalogue".into(),
            date: "2026-04-04".into(),
            ..FollowupDraft::default()
        })
        .expect("planned");
    let today = f.tend.today().expect("today");
    let row = today.due_today.first().expect("her follow-up");
    assert_eq!(
        row.matters_now.as_ref().map(|m| m.text.as_str()),
        Some("daughter’s wedding in June")
    );
    let cleared = f
        .tend
        .save_about(maria.id, &about("", ""))
        .expect("cleared");
    assert_eq!(cleared.matters_now, None);
    assert_eq!(cleared.birthday, None);
    let err = f
        .tend
        .save_about(maria.id, &about("31 Feb", ""))
        .expect_err("no such day");
    assert_eq!(err.field(), Some("birthday"));
}

#[test]
fn before_a_season_today_lists_who_bought_in_it_last_year() {
    let f = fixture_at("2025-12-10T10:00:00Z", London);
    let candle = product(&f, "Candle", "90", "18");
    for name in ["Ann Lee", "Bo Chen"] {
        let buyer = f.tend.create_contact(&draft(name)).expect("buyer");
        f.tend
            .record_purchase(&bought(buyer.id, &[(candle, 1)], ""))
            .expect("a December gift");
    }
    let june = f.tend.create_contact(&draft("Cy June")).expect("Cy");
    f.tend
        .record_purchase(&bought(june.id, &[(candle, 1)], "2025-06-01"))
        .expect("a June candle");

    f.clock.advance(Duration::days(330)); // Sun 5 Nov 2026: ten days before 15 Nov
    let today = f.tend.today().expect("today");
    let [season] = &today.seasons[..] else {
        panic!("{:?}", today.seasons)
    };
    assert_eq!(
        season.text,
        "Holiday gifts from Sun 15 Nov: 2 customers bought in this season last year"
    );
    assert_eq!(customers_of(season), ["Ann Lee", "Bo Chen"]);

    let seasons = f
        .tend
        .add_season(&SeasonDraft {
            name: "Mother’s Day".into(),
            starts: "1 Mar".into(),
            ends: "15 Mar".into(),
        })
        .expect("a second season");
    assert_eq!(seasons.len(), 2);
    let removed = f.tend.remove_season(seasons[0].id).expect("removed");
    assert_eq!(removed.len(), 1);
}

#[test]
fn a_season_counts_each_buyer_once_in_the_order_they_first_bought_and_not_the_archived() {
    let f = fixture_at("2025-12-20T10:00:00Z", London);
    let candle = product(&f, "Candle", "90", "18");
    let buyer = |name: &str, days: &[&str]| {
        let contact = f.tend.create_contact(&draft(name)).expect("buyer");
        for day in days {
            f.tend
                .record_purchase(&bought(contact.id, &[(candle, 1)], day))
                .expect("a gift bought");
        }
        contact.id
    };
    buyer("Ann Lee", &["2025-12-01", "2025-12-05"]);
    buyer("Bo Chen", &["2025-11-20"]);
    let cy = buyer("Cy June", &["2025-11-16"]);
    buyer("Di Ward", &["2025-10-30"]); // before the season
    f.tend.set_archived(cy, true).expect("Cy archived");

    f.clock.advance(Duration::days(320)); // Thu 5 Nov 2026
    let today = f.tend.today().expect("today");
    let [season] = &today.seasons[..] else {
        panic!("{:?}", today.seasons)
    };
    assert_eq!(
        season.count, 2,
        "Ann twice is one buyer; Cy archived, Di out of season"
    );
    assert_eq!(
        customers_of(season),
        ["Bo Chen", "Ann Lee"],
        "in the order they first bought last season"
    );
}

#[test]
fn a_vcard_s_bday_and_anniversary_become_her_birthday_and_a_yearly_date() {
    let f = fixture_at("2026-05-14T10:00:00Z", London);
    let path = f.dir.path().join("friends.vcf");
    std::fs::write(
        &path,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Ruiz\r\nBDAY:--0515\r\nANNIVERSARY:20100520\r\nEND:VCARD\r\n",
    )
    .expect("a card");
    let choices = tend::api::ImportChoices::default();
    f.tend
        .import_file(&path, None, &choices, &mut |_, _| true)
        .expect("imported");
    let ana =
        tend::api::Tend::list_contacts(&f.tend, &tend::domain::contact::ContactQuery::default())
            .expect("list")
            .items[0]
            .id;
    assert_eq!(
        f.tend.contact(ana).expect("Ana").birthday.as_deref(),
        Some("--05-15")
    );
    let dates = f.tend.contact_events(ana).expect("events");
    assert_eq!(
        dates
            .iter()
            .map(|e| (e.label.as_str(), e.date.as_str(), e.yearly))
            .collect::<Vec<_>>(),
        [("Anniversary", "2010-05-20", true)]
    );
    assert_eq!(
        events_on(&f)
            .into_iter()
            .map(|(text, _, days)| (text, days))
            .collect::<Vec<_>>(),
        [
            ("Ana Ruiz’s birthday".to_string(), 1),
            ("Ana Ruiz: Anniversary".to_string(), 6)
        ]
    );
    let again = f
        .tend
        .import_file(&path, None, &choices, &mut |_, _| true)
        .expect("again");
    assert_eq!(
        again.merged + again.new,
        0,
        "the same card twice adds nothing"
    );
    assert_eq!(f.tend.contact_events(ana).expect("events").len(), 1);
}
