"""`tend export` read by parsers that owe Tend nothing: the .ics by `icalendar`
(events, their UTC instants, the VTIMEZONE's own rules, the alarms), the .vcf
by `vobject`, the .csv by Python's csv. Runs the real binary (TEND_APP) with
no window, in New York, on a fixed clock: Monday 23 Nov 2026, 10:00 EST."""

import csv
import datetime as dt
import os
import sqlite3
import subprocess

import icalendar
import pytest
import vobject

from conftest import APP

UTC = dt.timezone.utc
NOW = "2026-11-23T15:00:00Z"

LINES = [
    "Jane Doe 555-0142 jane@example.com wants the lavender set, call Thu 2pm #oils #party",
    "Bob Stone 555-0199 send the catalog, text Friday",
    # After New York's change to EDT (14 March 2027): 09:00 is 13:00 UTC.
    "Ann Lee (415) 555-0123 ann@example.org spring order, email March 15 9am",
    # 02:30 on 14 March 2027 does not exist in New York: Tend fires at 03:30 EDT.
    "Zoë Ångström 555-0177 bring the lavender and rosemary set, call March 14 2:30am",
]


def tend(data_dir, *args):
    env = dict(os.environ, TEND_DATA_DIR=str(data_dir), TEND_NOW=NOW, TZ="America/New_York")
    return subprocess.run([APP, *args], env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def book(tmp_path):
    data = tmp_path / "data"
    for line in LINES:
        # No New lead steps: the calendar holds just the promises the lines made.
        added = tend(data, "add", "--no-cadence", line)
        assert added.returncode == 0, added.stderr
    # No command sets a birthday yet (import will); the file is Tend's own format.
    with sqlite3.connect(data / "tend.sqlite3") as db:
        db.execute("UPDATE contacts SET birthday = '--04-15', org = 'Lavender & Co' WHERE name = 'Jane Doe'")
        db.execute("UPDATE contacts SET birthday = '1984-02-29' WHERE name = 'Bob Stone'")
    return data


def export(data, name, *flags):
    path = data.parent / name
    done = tend(data, "export", str(path), *flags)
    assert done.returncode == 0, done.stderr
    return path, done.stdout.strip()


def uids_of(calendar):
    return sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))


def test_the_calendar_opens_in_icalendar_at_the_right_instants(book):
    path, said = export(book, "follow-ups.ics")
    assert said == f"Exported 4 open follow-ups to {path}"
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends only"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "Call Jane Doe — wants the lavender set",
        "Call Zoë Ångström — bring the lavender and rosemary set",
        "Email Ann Lee — spring order",
        "Text Bob Stone — send the catalog",
    ]

    expected = {
        "Call Jane Doe — wants the lavender set": dt.datetime(2026, 11, 26, 19, 0, tzinfo=UTC),
        "Email Ann Lee — spring order": dt.datetime(2027, 3, 15, 13, 0, tzinfo=UTC),
        "Call Zoë Ångström — bring the lavender and rosemary set": dt.datetime(2027, 3, 14, 7, 30, tzinfo=UTC),
    }
    # The VTIMEZONE's own observances, not the zone database looked up by name.
    own_zone = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    for summary, instant in expected.items():
        event = events[summary]
        start = event["DTSTART"].dt
        assert start.astimezone(UTC) == instant, summary
        assert event["DTSTART"].params["TZID"] == "America/New_York"
        assert start.replace(tzinfo=own_zone).astimezone(UTC) == instant, f"{summary} by the VTIMEZONE"
        assert event["DTEND"].dt - start == dt.timedelta(minutes=15)
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == dt.timedelta(0), "at the due time"

    # A date alone: an all-day event, reminded at the default time (09:00 EST).
    friday = events["Text Bob Stone — send the catalog"]
    assert friday["DTSTART"].dt == dt.date(2026, 11, 27)
    assert friday["DTEND"].dt == dt.date(2026, 11, 28)
    [alarm] = friday.walk("VALARM")
    assert alarm["TRIGGER"].dt == dt.datetime(2026, 11, 27, 14, 0, tzinfo=UTC)

    jane = events["Call Jane Doe — wants the lavender set"]
    assert str(jane["DESCRIPTION"]) == "Jane Doe, 555-0142\nwants the lavender set"
    for event in events.values():
        assert str(event["UID"]).startswith("tend-followup-")
        assert event["DTSTAMP"].dt.tzinfo is not None

    second, _ = export(book, "again.ics")
    assert uids_of(icalendar.Calendar.from_ical(second.read_bytes())) == uids_of(calendar)


def test_the_address_book_opens_in_vobject(book):
    path, said = export(book, "contacts.vcf")
    assert said == f"Exported 4 contacts to {path}"
    cards = {card.fn.value: card for card in vobject.readComponents(path.read_text(encoding="utf-8"))}
    assert sorted(cards) == ["Ann Lee", "Bob Stone", "Jane Doe", "Zoë Ångström"]

    jane = cards["Jane Doe"]
    assert jane.version.value == "4.0"
    assert (jane.n.value.family, jane.n.value.given) == ("Doe", "Jane")
    assert [tel.value for tel in jane.tel_list] == ["555-0142"]
    assert [email.value for email in jane.email_list] == ["jane@example.com"]
    assert jane.bday.value == "--0415", "a birthday without its year"
    assert jane.org.value == ["Lavender & Co"]
    assert jane.categories.value == ["oils", "party"]
    assert jane.uid.value.startswith("urn:uuid:")
    assert cards["Bob Stone"].bday.value == "19840229"
    assert (cards["Zoë Ångström"].n.value.family, cards["Zoë Ångström"].n.value.given) == ("Ångström", "Zoë")
    assert cards["Ann Lee"].tel.value == "(415) 555-0123", "phones as typed"

    again, _ = export(book, "again.vcf")
    uids = lambda file: sorted(c.uid.value for c in vobject.readComponents(file.read_text(encoding="utf-8")))
    assert uids(again) == uids(path)


def test_the_csv_opens_with_googles_columns(book):
    path, said = export(book, "contacts.txt", "--format", "csv")
    assert said == f"Exported 4 contacts to {path}"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM for Outlook and Excel"
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = {row["First Name"]: row for row in csv.DictReader(file)}
    assert sorted(rows) == ["Ann", "Bob", "Jane", "Zoë"]
    jane = rows["Jane"]
    assert (jane["Last Name"], jane["Phone 1 - Value"], jane["E-mail 1 - Value"]) == ("Doe", "555-0142", "jane@example.com")
    assert (jane["Birthday"], jane["Organization Name"], jane["Labels"]) == ("--04-15", "Lavender & Co", "oils ::: party")
    assert rows["Bob"]["Birthday"] == "1984-02-29"
    assert rows["Zoë"]["Last Name"] == "Ångström"


def test_a_name_tend_cannot_read_is_refused_with_exit_1(book):
    refused = tend(book, "export", str(book.parent / "contacts.pdf"))
    assert refused.returncode == 1
    assert "cannot tell the format" in refused.stderr
    assert not (book.parent / "contacts.pdf").exists()
