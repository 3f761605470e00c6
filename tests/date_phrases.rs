//! A day typed into a form, read through `Tend::read_date` over a real data
//! file: her zone, her phone region's date order and her default time apply,
//! and the day read is the day a follow-up is then planned on.

use crate::support::{draft, fixture_at};
use chrono_tz::America::New_York;
use chrono_tz::Europe::London;
use tend::api::DateAsk;
use tend::domain::followup::FollowupDraft;

fn ask(text: &str) -> DateAsk {
    DateAsk {
        text: text.into(),
        ..DateAsk::default()
    }
}

#[test]
fn mon_is_read_in_her_zone_and_planned_on_that_day() {
    // Monday 23 Nov 2026, 22:30 in New York: already Tuesday in UTC.
    let f = fixture_at("2026-11-24T03:30:00Z", New_York);
    let reading = f.tend.read_date(&ask("Mon")).expect("read");
    assert_eq!(
        reading.date, "2026-11-30",
        "the next Monday after her Monday"
    );
    assert_eq!(reading.shown, "Mon 30 Nov, 09:00");
    assert_eq!(reading.time, None);

    let tom = f.tend.create_contact(&draft("Tom Reyes")).expect("contact");
    let planned = f
        .tend
        .plan_followup(&FollowupDraft {
            contact_id: tom.id,
            promise: "text him the price list".into(),
            channel: "text".into(),
            date: reading.date.clone(),
            time: reading.time.clone().unwrap_or_default(),
        })
        .expect("planned");
    assert_eq!(
        planned.due_local, "2026-11-30T09:00",
        "Monday, not Thursday"
    );
}

#[test]
fn the_date_order_and_default_time_are_hers() {
    let f = fixture_at("2026-11-23T10:00:00Z", London);
    f.tend.set_setting("defaultTime", "08:15").expect("setting");
    f.tend.set_setting("phoneRegion", "GB").expect("setting");
    let reading = f.tend.read_date(&ask("3/12")).expect("read");
    assert_eq!(
        (reading.date.as_str(), reading.shown.as_str()),
        ("2026-12-03", "Thu 3 Dec, 08:15"),
        "day first in the UK"
    );
    f.tend.set_setting("phoneRegion", "US").expect("setting");
    assert_eq!(
        f.tend.read_date(&ask("3/12")).expect("read").date,
        "2027-03-12",
        "month first in the US"
    );
}

#[test]
fn what_cannot_be_read_is_refused_on_its_field_and_nothing_is_written() {
    let f = fixture_at("2026-11-23T15:00:00Z", New_York);
    for (text, field, starts) in [
        ("Feb 30", "date", "“Feb 30” is not a date"),
        ("Mnday", "date", "Tend can't read “Mnday” as a day"),
        (
            "after the holidays",
            "date",
            "“after the holidays” could be many days",
        ),
        (
            "yesterday",
            "date",
            "“yesterday” is Sun 22 Nov 2026, which has passed",
        ),
    ] {
        let err = f.tend.read_date(&ask(text)).expect_err(text);
        assert_eq!(err.field(), Some(field), "{text}");
        assert!(err.to_string().starts_with(starts), "{text}: {err}");
    }
    let bad_time = DateAsk {
        time: "25:00".into(),
        ..ask("Mon")
    };
    assert_eq!(
        f.tend.read_date(&bad_time).expect_err("time").field(),
        Some("time")
    );
    let past_allowed = DateAsk {
        allow_past: true,
        with_time: false,
        ..ask("last Sat")
    };
    let met = f
        .tend
        .read_date(&past_allowed)
        .expect("a day met may be past");
    assert_eq!(
        (met.date.as_str(), met.shown.as_str()),
        ("2026-11-21", "Sat 21 Nov")
    );
}
