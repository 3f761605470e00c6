//! Open follow-ups as one iCalendar file (RFC 5545), written by `calcard`:
//! one VEVENT each, since Google Calendar, Apple Calendar and GNOME Calendar
//! do not show VTODOs at all (docs/decisions/0005). A timed promise starts at
//! its wall time in its IANA zone, with a VTIMEZONE built from the same zone
//! data Tend resolves times with; a date alone is an all-day event. Each has
//! a DISPLAY alarm at the moment Tend itself would remind.

use super::records::{ExportFollowup, PRODUCT_ID};
use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarAction, ICalendarComponent, ICalendarComponentType, ICalendarDuration,
    ICalendarEntry, ICalendarParameter, ICalendarProperty, ICalendarTransparency,
    ICalendarValueType,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;
use std::io;

/// How long a timed follow-up shows in a day view: a call's slot. (An event
/// without an end is drawn as a hairline, or dropped, by some calendars.)
const TIMED_LENGTH: Duration = Duration::minutes(15);

/// The event's UID: the follow-up's id, made unique beyond this data file by
/// its contact's UID, so the same promise is the same event in every export.
fn event_uid(followup: &ExportFollowup) -> String {
    format!("tend-followup-{}-{}", followup.id, followup.contact_uid)
}

/// "Call Jane Doe — send lavender samples".
fn summary(followup: &ExportFollowup) -> String {
    let who = format!("{} {}", followup.channel_label, followup.contact_name);
    match followup.promise.trim() {
        "" => who,
        promise => format!("{who} — {promise}"),
    }
}

pub fn write(followups: &[ExportFollowup], mut out: impl io::Write) -> io::Result<()> {
    let mut text = String::new();
    calendar(followups)
        .write_to(&mut text)
        .map_err(io::Error::other)?;
    out.write_all(text.as_bytes())
}

fn calendar(followups: &[ExportFollowup]) -> ICalendar {
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.add_property(ICalendarProperty::Version, "2.0");
    root.add_property(ICalendarProperty::Prodid, PRODUCT_ID);
    root.add_property(ICalendarProperty::Calscale, "GREGORIAN");
    // The name Apple, Google and Thunderbird give the imported calendar.
    root.add_property(
        ICalendarProperty::Other("X-WR-CALNAME".into()),
        "Tend follow-ups",
    );
    let mut components = vec![root];
    for followup in followups {
        let event_id = component_id(components.len());
        let mut event = event(followup);
        event.component_ids.push(event_id + 1);
        components[0].component_ids.push(event_id);
        components.push(event);
        components.push(alarm(followup));
    }
    let mut calendar = ICalendar { components };
    calendar.add_missing_timezones();
    calendar
}

fn component_id(index: usize) -> u32 {
    // A file of four billion follow-ups is not a case worth an error path.
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn event(followup: &ExportFollowup) -> ICalendarComponent {
    let mut event = ICalendarComponent::new(ICalendarComponentType::VEvent);
    event.add_uid(&event_uid(followup));
    event.add_dtstamp(utc(followup.updated_at));
    event.add_property(ICalendarProperty::Created, utc(followup.created_at));
    event.add_property(ICalendarProperty::LastModified, utc(followup.updated_at));
    event.add_property(ICalendarProperty::Summary, summary(followup));
    event.add_property(ICalendarProperty::Description, description(followup));
    if followup.has_time {
        let end = followup.due_at + TIMED_LENGTH;
        event.entries.push(at_wall_time(
            ICalendarProperty::Dtstart,
            followup.due_at,
            followup.zone,
        ));
        event
            .entries
            .push(at_wall_time(ICalendarProperty::Dtend, end, followup.zone));
    } else {
        // A date alone is an all-day event, which every calendar shows on that
        // day wherever the person is: Tend's date-only promises follow the
        // person's zone too (docs/decisions/0003).
        let day = followup.due_local.date();
        event.entries.push(on_date(ICalendarProperty::Dtstart, day));
        event
            .entries
            .push(on_date(ICalendarProperty::Dtend, day + Duration::days(1)));
    }
    // A promise to call does not make the person busy.
    event.add_property(
        ICalendarProperty::Transp,
        ICalendarTransparency::Transparent,
    );
    event
}

/// The contact's name and phone, then the promise.
fn description(followup: &ExportFollowup) -> String {
    let mut text = followup.contact_name.clone();
    if let Some(phone) = &followup.contact_phone {
        text.push_str(", ");
        text.push_str(phone);
    }
    if !followup.promise.trim().is_empty() {
        text.push('\n');
        text.push_str(followup.promise.trim());
    }
    text
}

/// At the due time: at the start of a timed event; for an all-day one, at
/// the instant Tend reminds (the default time of day), as an absolute UTC
/// trigger, since an offset from an all-day start would drift on DST days.
fn alarm(followup: &ExportFollowup) -> ICalendarComponent {
    let mut alarm = ICalendarComponent::new(ICalendarComponentType::VAlarm);
    alarm.add_property(ICalendarProperty::Action, ICalendarAction::Display);
    alarm.add_property(ICalendarProperty::Description, summary(followup));
    if followup.has_time {
        alarm.add_property(ICalendarProperty::Trigger, ICalendarDuration::default());
    } else {
        alarm.add_property_with_params(
            ICalendarProperty::Trigger,
            [ICalendarParameter::value(ICalendarValueType::DateTime)],
            utc(followup.due_at),
        );
    }
    alarm
}

/// `NAME;TZID=Zone:YYYYMMDDTHHMMSS`, or `NAME:…Z` in UTC (no VTIMEZONE needed).
/// The wall time comes from the instant, so a time promised inside a spring
/// gap reads as the time it really fires.
fn at_wall_time(property: ICalendarProperty, instant: DateTime<Utc>, zone: Tz) -> ICalendarEntry {
    let entry = ICalendarEntry::new(property);
    if matches!(zone, Tz::UTC | Tz::Etc__UTC) {
        return entry.with_value(utc(instant));
    }
    entry
        .with_param(ICalendarParameter::tzid(zone.name().to_string()))
        .with_value(wall(instant.with_timezone(&zone).naive_local()))
}

fn on_date(property: ICalendarProperty, day: NaiveDate) -> ICalendarEntry {
    ICalendarEntry::new(property)
        .with_param(ICalendarParameter::value(ICalendarValueType::Date))
        .with_value(date_parts(day))
}

fn date_parts(day: NaiveDate) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(day.year()).ok(),
        month: u8::try_from(day.month()).ok(),
        day: u8::try_from(day.day()).ok(),
        ..PartialDateTime::default()
    }
}

/// A floating wall time; its TZID parameter says where.
fn wall(local: NaiveDateTime) -> PartialDateTime {
    PartialDateTime {
        hour: u8::try_from(local.hour()).ok(),
        minute: u8::try_from(local.minute()).ok(),
        second: u8::try_from(local.second()).ok(),
        ..date_parts(local.date())
    }
}

fn utc(instant: DateTime<Utc>) -> PartialDateTime {
    PartialDateTime::from_utc_timestamp(instant.timestamp())
}

#[cfg(test)]
mod tests {
    use super::{write, ExportFollowup};
    use chrono::{DateTime, NaiveDateTime, Utc};
    use chrono_tz::America::New_York;

    fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("RFC 3339")
            .with_timezone(&Utc)
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("wall time")
    }

    /// Thursday 26 Nov 2026, 09:00 in New York (EST, 14:00 UTC).
    fn call_jane() -> ExportFollowup {
        ExportFollowup {
            id: 42,
            contact_uid: "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b".into(),
            contact_name: "Jane Doe".into(),
            contact_phone: Some("555-0142".into()),
            promise: "send lavender samples".into(),
            channel_label: "Call".into(),
            due_at: instant("2026-11-26T14:00:00Z"),
            due_local: local("2026-11-26T09:00"),
            zone: New_York,
            has_time: true,
            created_at: instant("2026-11-23T15:00:00Z"),
            updated_at: instant("2026-11-24T16:30:00Z"),
        }
    }

    fn written(followups: &[ExportFollowup]) -> String {
        let mut bytes = Vec::new();
        write(followups, &mut bytes).expect("written");
        String::from_utf8(bytes).expect("UTF-8")
    }

    fn unfolded(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(String::from)
            .collect()
    }

    /// The lines of the one component of `kind` that contains `marker`.
    fn component(text: &str, kind: &str, marker: &str) -> Vec<String> {
        let lines = unfolded(text);
        let begin = format!("BEGIN:{kind}");
        let end = format!("END:{kind}");
        let mut found = None;
        let mut current: Option<Vec<String>> = None;
        for line in lines {
            if line == begin {
                current = Some(Vec::new());
            } else if line == end {
                if let Some(done) = current.take() {
                    if done.iter().any(|l| l.contains(marker)) {
                        assert!(found.is_none(), "one {kind} with {marker}");
                        found = Some(done);
                    }
                }
            } else if let Some(current) = current.as_mut() {
                current.push(line);
            }
        }
        found.unwrap_or_else(|| panic!("a {kind} with {marker} in\n{text}"))
    }

    fn has(lines: &[String], expected: &str) -> bool {
        lines.iter().any(|line| line == expected)
    }

    #[test]
    fn a_timed_follow_up_is_an_event_at_its_wall_time_in_its_zone() {
        let text = written(&[call_jane()]);
        let event = component(&text, "VEVENT", "UID:");
        for expected in [
            "UID:tend-followup-42-0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b",
            "DTSTAMP:20261124T163000Z",
            "CREATED:20261123T150000Z",
            "SUMMARY:Call Jane Doe — send lavender samples",
            "DESCRIPTION:Jane Doe\\, 555-0142\\nsend lavender samples",
            "DTSTART;TZID=America/New_York:20261126T090000",
            "DTEND;TZID=America/New_York:20261126T091500",
            "TRANSP:TRANSPARENT",
            "ACTION:DISPLAY",
            "TRIGGER:PT0S",
        ] {
            assert!(has(&event, expected), "{expected} in {event:#?}");
        }
        let zone = component(&text, "VTIMEZONE", "TZID:");
        assert!(has(&zone, "TZID:America/New_York"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tend//"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    }

    #[test]
    fn the_zone_says_when_daylight_time_starts_so_a_dst_date_lands_right() {
        // Monday 9 March 2026, the day after New York moved to EDT (-4):
        // 09:00 local is 13:00 UTC, not 14:00.
        let after_the_change = ExportFollowup {
            due_at: instant("2026-03-09T13:00:00Z"),
            due_local: local("2026-03-09T09:00"),
            ..call_jane()
        };
        let text = written(&[after_the_change]);
        let event = component(&text, "VEVENT", "UID:");
        assert!(has(&event, "DTSTART;TZID=America/New_York:20260309T090000"));
        let daylight = component(&text, "DAYLIGHT", "TZOFFSETTO:-0400");
        assert!(has(&daylight, "TZOFFSETFROM:-0500"), "{daylight:#?}");
        assert!(
            has(&daylight, "DTSTART:20260308T020000"),
            "EDT from 02:00 on the second Sunday of March 2026: {daylight:#?}"
        );
        let standard = component(&text, "STANDARD", "TZOFFSETFROM:-0400");
        assert!(has(&standard, "TZOFFSETTO:-0500"), "{standard:#?}");
        assert!(has(&standard, "DTSTART:20261101T020000"), "{standard:#?}");
    }

    #[test]
    fn a_time_in_the_spring_gap_is_written_as_the_time_it_fires() {
        // 02:30 on 8 March 2026 does not exist in New York; Tend fires at 03:30 EDT.
        let in_the_gap = ExportFollowup {
            due_at: instant("2026-03-08T07:30:00Z"),
            due_local: local("2026-03-08T02:30"),
            ..call_jane()
        };
        let event = component(&written(&[in_the_gap]), "VEVENT", "UID:");
        assert!(has(&event, "DTSTART;TZID=America/New_York:20260308T033000"));
    }

    #[test]
    fn a_date_alone_is_an_all_day_event_reminded_at_the_default_time() {
        let thursday = ExportFollowup {
            has_time: false,
            promise: String::new(),
            contact_phone: None,
            ..call_jane()
        };
        let text = written(&[thursday]);
        let event = component(&text, "VEVENT", "UID:");
        for expected in [
            "SUMMARY:Call Jane Doe",
            "DESCRIPTION:Jane Doe",
            "DTSTART;VALUE=DATE:20261126",
            "DTEND;VALUE=DATE:20261127",
            "TRIGGER;VALUE=DATE-TIME:20261126T140000Z",
        ] {
            assert!(has(&event, expected), "{expected} in {event:#?}");
        }
        assert!(
            !text.contains("VTIMEZONE"),
            "an all-day event names no zone"
        );
    }

    #[test]
    fn in_utc_the_times_are_utc_and_no_zone_is_defined() {
        let in_utc = ExportFollowup {
            zone: chrono_tz::UTC,
            ..call_jane()
        };
        let text = written(&[in_utc]);
        assert!(text.contains("\r\nDTSTART:20261126T140000Z\r\n"));
        assert!(!text.contains("VTIMEZONE"));
    }

    #[test]
    fn one_zone_is_defined_once_and_each_event_has_its_own_uid() {
        let second = ExportFollowup {
            id: 43,
            due_at: instant("2026-12-01T15:30:00Z"),
            ..call_jane()
        };
        let both = [call_jane(), second];
        let text = written(&both);
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(text.matches("BEGIN:VALARM").count(), 2);
        assert!(text.contains("UID:tend-followup-43-"));
        assert_eq!(text, written(&both), "same promises, same bytes");
    }

    #[test]
    fn text_is_escaped_and_folded_at_75_octets_never_inside_a_character() {
        let long = ExportFollowup {
            contact_name: "Zoë Ångström; Øyen".into(),
            promise: "bring the 🌿 lavender, rosemary and thyme set — 東京の友達にも".repeat(3),
            ..call_jane()
        };
        let mut bytes = Vec::new();
        write(std::slice::from_ref(&long), &mut bytes).expect("written");
        let lines: Vec<&[u8]> = bytes.split(|byte| *byte == b'\n').collect();
        for line in &lines[..lines.len() - 1] {
            let line = line.strip_suffix(b"\r").expect("every line ends in CRLF");
            assert!(line.len() <= 75, "{} octets", line.len());
            std::str::from_utf8(line).expect("each physical line is whole UTF-8");
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        let event = component(&text, "VEVENT", "UID:");
        let summary = format!("Call {} — {}", long.contact_name, long.promise)
            .replace(';', "\\;")
            .replace(',', "\\,");
        assert!(has(&event, &format!("SUMMARY:{summary}")), "{event:#?}");
    }

    #[test]
    fn calcard_reads_the_file_back() {
        let text = written(&[call_jane()]);
        let calendar = calcard::icalendar::ICalendar::parse(&text).expect("parses");
        assert_eq!(
            calendar.components.len(),
            1 + 1 + 3 + 2,
            "calendar, zone + 3 rules, event + alarm"
        );
    }
}
