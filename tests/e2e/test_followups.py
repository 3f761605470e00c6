"""Follow-ups in the real window, on a fixed clock (TEND_NOW, UTC): a cadence
planned, kept, logged, snoozed, and stopped by a purchase; Today's sections."""

import sqlite3
from contextlib import closing

from conftest import query, seed
from selenium.webdriver.common.by import By

from ui import (
    button,
    detail_heading,
    fill_contact_form,
    open_section,
    section_text,
    select_option,
    today_section,
    wait,
)

MONDAY = "2026-11-23T14:00:00Z"  # Monday 23 Nov 2026, 14:00 UTC


def rows(data_dir, sql, *args):
    with sqlite3.connect(data_dir / "tend.sqlite3") as db:
        return db.execute(sql, args).fetchall()


def new_contact(driver, name):
    open_section(driver, "Contacts")
    button(driver, "New contact").click()
    fill_contact_form(driver, name=name)
    button(driver, "Save").click()
    wait(driver, lambda d: detail_heading(d) == name, message="contact saved")


def planned(driver):
    return section_text(driver, "Planned follow-ups")


def test_new_lead_cadence_kept_snoozed_and_stopped_by_bought(tend_at):
    app = tend_at(MONDAY)
    driver = app.driver
    new_contact(driver, "Jane Doe")

    # Apply the New lead cadence: 3 days, 3 weeks, 3 months, at 09:00 (proposed for a lead).
    select_option(driver, "Cadence", "New lead: 3 days, 3 weeks, 3 months (fits their stage)")
    button(driver, "Apply").click()
    wait(driver, lambda d: "26 Nov" in planned(d), message="three follow-ups planned")
    text = planned(driver)
    for due in ("Thu 26 Nov, 09:00", "Mon 14 Dec, 09:00", "Sun 21 Feb 2027, 09:00"):
        assert due in text, f"{due} missing from:\n{text}"
    app.screenshot("cadence-applied")

    # Keep the first one, and log the touch it was.
    first = driver.find_element(By.XPATH, "//ul[@aria-label='Planned follow-ups']/li[1]")
    first.find_element(By.XPATH, ".//button[normalize-space(.)='Done']").click()
    prompt = wait(driver, lambda d: d.find_elements(By.XPATH, "//*[@aria-label='Log this as a touch?']"), message="offer to log")
    prompt[0].find_element(By.XPATH, ".//button[normalize-space(.)='Log touch']").click()
    select_option(driver, "Outcome", "We talked")
    button(driver, "Save touch").click()
    # Logging a touch always offers the next follow-up, pre-filled: decline it here.
    wait(driver, lambda d: d.find_elements(By.XPATH, "//button[normalize-space(.)='Save follow-up']"), message="next step offered")
    button(driver, "Cancel").click()
    wait(driver, lambda d: "touch 1" in section_text(d, "Touches, newest first") or "touch 1" in d.find_element(By.TAG_NAME, "main").text, message="touch counted")
    assert rows(app.data_dir, "SELECT status FROM followups ORDER BY due_at LIMIT 1") == [("done",)]
    assert rows(app.data_dir, "SELECT channel, outcome FROM touches") == [("call", "conversation")]

    # Snooze the next one to tomorrow morning: the promise keeps its date.
    second = driver.find_element(By.XPATH, "//ul[@aria-label='Planned follow-ups']/li[1]")
    second.find_element(By.XPATH, ".//button[normalize-space(.)='Snooze']").click()
    choice = wait(driver, lambda d: [b for b in d.find_elements(By.XPATH, "//dialog[@open]//button") if b.text.startswith("Tomorrow morning")], message="snooze choices")
    choice[0].click()
    wait(driver, lambda d: "snoozed until" in planned(d), message="snoozed shown")
    status, until, due = rows(app.data_dir, "SELECT status, snoozed_until, due_at FROM followups WHERE status = 'snoozed'")[0]
    # "We talked" re-based the rest of the rhythm: day 21 came 18 days after the
    # day-3 step, so it now comes 18 days after today's conversation (11 Dec).
    assert (status, until, due) == ("snoozed", "2026-11-24T09:00:00Z", "2026-12-11T09:00:00Z")

    # Bought: the lead cadence stops, New customer care starts (2 days, 2 weeks, 6 weeks).
    # (The page has scrolled to the snoozed row: the button is brought back into view.)
    record = button(driver, "Record decision")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", record)
    record.click()
    select_option(driver, "Decision", "Bought")
    button(driver, "Save decision").click()
    wait(driver, lambda d: "25 Nov" in planned(d), message="care planned")
    text = planned(driver)
    for due in ("Wed 25 Nov, 09:00", "Mon 7 Dec, 09:00", "Mon 4 Jan 2027, 09:00"):
        assert due in text, f"{due} missing from:\n{text}"
    assert "11 Dec" not in text and "Feb" not in text, "the lead cadence stopped"
    assert rows(app.data_dir, "SELECT stage FROM contacts") == [("new_customer",)]
    app.screenshot("bought")


def test_today_shows_overdue_and_due_and_done_removes_it(tend_at):
    app = tend_at(MONDAY)
    driver = app.driver
    new_contact(driver, "Bob Jansen")
    button(driver, "Plan follow-up").click()
    from ui import field, type_into

    type_into(field(driver, "What did you promise?"), "send the catalogue")
    driver.execute_script("arguments[0].value = '2026-11-24'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", field(driver, "Date"))
    button(driver, "Save follow-up").click()
    wait(driver, lambda d: "send the catalogue" in planned(d), message="planned")

    # Two days later the promise is overdue.
    app.quit()
    app.now = "2026-11-26T10:00:00Z"
    driver = app.start()
    open_section(driver, "Today")
    wait(driver, lambda d: "send the catalogue" in (today_section(d, "Overdue") or ""), message="overdue")
    assert "Bob Jansen" in today_section(driver, "Overdue")
    assert "send the catalogue" not in (today_section(driver, "Due today") or "")
    nav_today = driver.find_element(By.XPATH, "//nav[@aria-label='Sections']//button[starts-with(@aria-label, 'Today')]")
    assert nav_today.get_attribute("aria-label") == "Today, 1 due"
    app.screenshot("today-overdue")

    button(driver, "Done").click()
    wait(driver, lambda d: "send the catalogue" not in (today_section(d, "Overdue") or ""), message="gone once done")
    assert rows(app.data_dir, "SELECT status FROM followups") == [("done",)]


def overdue_shown(driver):
    """How many follow-ups the Overdue section lists, and the focused one's key."""
    return driver.execute_script(
        """
        const section = document.querySelector('.section-overdue');
        return [section ? section.querySelectorAll('li.item').length : 0,
                document.activeElement?.dataset?.key ?? null];
        """
    )


def test_a_backlog_of_overdue_comes_a_page_at_a_time(book):
    # 120 promises to Bob, all overdue: more than a page.
    seed(book.data_dir, "Bob Jansen 555-0100")
    contact_id = query(book.data_dir, "SELECT id FROM contacts")[0][0]
    with closing(sqlite3.connect(book.data_dir / "tend.sqlite3")) as db, db:
        for i in range(120):
            due = f"2026-11-{1 + i % 20:02d}"
            db.execute(
                "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone,"
                " has_time, created_at, updated_at)"
                " VALUES (?, ?, 'call', ?, ?, 'UTC', 0, ?, ?)",
                (contact_id, f"promise {i:03d}", f"{due}T09:00:00Z", f"{due}T09:00", "2026-10-01T00:00:00Z",
                 "2026-10-01T00:00:00Z"),
            )
    book.now = MONDAY
    driver = book.start()
    open_section(driver, "Today")
    wait(driver, lambda d: overdue_shown(d)[0] == 50, message="a first page of 50")
    assert "Showing the first 50 of 120." in today_section(driver, "Overdue")
    driver.execute_script("document.querySelector('.section-overdue .more').scrollIntoView({block: 'center'})")
    book.screenshot("today-show-more")

    button(driver, "Show 50 more").click()
    wait(driver, lambda d: overdue_shown(d)[0] == 100, message="a page more")
    focused = overdue_shown(driver)[1]
    keys = driver.execute_script(
        "return [...document.querySelectorAll('.section-overdue li.item')].map(li => li.dataset.key)"
    )
    assert focused == keys[50], "the first one the page brought has the focus"

    # A change (one done) redraws as many as she asked for, counted anew.
    driver.execute_script("document.querySelector('.section-overdue li.item').focus()")
    button(driver, "Done").click()
    wait(driver, lambda d: "Showing the first 100 of 119." in (today_section(d, "Overdue") or ""), message="one done")
    assert overdue_shown(driver)[0] == 100
    button(driver, "Show 19 more").click()
    wait(driver, lambda d: overdue_shown(d)[0] == 119, message="all of them")
    assert "Showing the first" not in today_section(driver, "Overdue")
