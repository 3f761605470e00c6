"""Issue 10 in the real window, on a fixed clock (Monday 23 Nov 2026, UTC): a
follow-up planned by typing "Mon"; a contact found by "142"; and Call on a
contact handed to the computer's own handler — a fake dialer registered for
tel:, sms: and mailto: in a scratch XDG data folder, which writes down each
URL it is asked to open."""

import sqlite3
import stat

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import seed
from ui import (
    button,
    detail_heading,
    field,
    fill_contact_form,
    open_section,
    search,
    section_text,
    today_section,
    type_into,
    wait,
    wait_for_rows,
)

MONDAY = "2026-11-23T14:00:00Z"


def rows(data_dir, sql, *args):
    with sqlite3.connect(data_dir / "tend.sqlite3") as db:
        return db.execute(sql, args).fetchall()


def new_contact(driver, **values):
    open_section(driver, "Contacts")
    button(driver, "New contact").click()
    fill_contact_form(driver, **values)
    button(driver, "Save").click()
    wait(driver, lambda d: detail_heading(d) == values["name"], message="contact saved")


def date_preview(driver):
    date = field(driver, "Date")
    return driver.execute_script(
        "return arguments[0].closest('.field').querySelector('.date-preview').textContent", date
    )


def test_plan_a_follow_up_by_typing_mon(tend_at):
    app = tend_at(MONDAY)
    driver = app.driver
    new_contact(driver, name="Tom Reyes", phone="(415) 555-0142")
    button(driver, "Plan follow-up").click()
    type_into(field(driver, "What did you promise?"), "text him the price list")

    date = field(driver, "Date")
    assert date.get_attribute("type") == "text", "a field for words, with a calendar beside it"
    assert field(driver, "Date: pick on a calendar").get_attribute("type") == "date"

    # A day no calendar has is said, not replaced by another day.
    type_into(date, "Feb 30")
    wait(driver, lambda d: "is not a date" in date_preview(d), message="Feb 30 refused")
    assert date_preview(driver) == "“Feb 30” is not a date: February has 28 days, 29 in a leap year."

    type_into(date, "Mon")
    wait(driver, lambda d: date_preview(d) == "→ Mon 30 Nov, 09:00", message="Mon resolved as she types")
    app.screenshot("plan-follow-up-typed-mon")
    panel = driver.execute_script(
        "return document.querySelector('form[aria-label=\"Plan follow-up\"]').parentElement.innerText"
    )
    assert "null" not in panel, f"no stray null above the form: {panel!r}"
    button(driver, "Save follow-up").click()
    wait(driver, lambda d: "text him the price list" in section_text(d, "Planned follow-ups"), message="planned")
    assert rows(app.data_dir, "SELECT due_local, promise FROM followups") == [
        ("2026-11-30T09:00", "text him the price list")
    ], "Monday, not Thursday"


def test_search_finds_a_number_by_a_run_of_its_digits(book):
    seed(book.data_dir, "Jane Doe 555-0142", "Bob Stone (212) 555-0199", "Ann Lee +44 20 7946 0958")
    book.now = MONDAY
    driver = book.start()
    open_section(driver, "Contacts")
    wait_for_rows(driver, lambda names: len(names) == 3, "three contacts")
    search(driver, "142")
    wait_for_rows(driver, lambda names: names == ["Jane Doe"], "142 finds 555-0142")
    search(driver, "7946")
    wait_for_rows(driver, lambda names: names == ["Ann Lee"], "a run in the middle")
    book.screenshot("search-142")


def fake_dialer(tmp_path):
    """A handler for tel:, sms: and mailto: that writes down what it was asked to open."""
    data = tmp_path / "xdg-data"
    config = tmp_path / "xdg-config"
    (data / "applications").mkdir(parents=True)
    config.mkdir()
    opened = tmp_path / "opened.txt"
    script = tmp_path / "fake-dialer"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{opened}'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    (data / "applications" / "tend-fake-dialer.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Fake dialer\n"
        f"Exec={script} %u\nNoDisplay=true\n"
        "MimeType=x-scheme-handler/tel;x-scheme-handler/sms;x-scheme-handler/mailto;\n"
    )
    (config / "mimeapps.list").write_text(
        "[Default Applications]\n"
        + "".join(f"x-scheme-handler/{s}=tend-fake-dialer.desktop\n" for s in ("tel", "sms", "mailto"))
    )
    env = {"XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config), "XDG_CURRENT_DESKTOP": ""}
    return env, opened


def test_call_on_a_contact_asks_the_computer_to_open_tel(tend_at, tmp_path):
    env, opened = fake_dialer(tmp_path)
    app = tend_at(MONDAY, **env)
    driver = app.driver
    new_contact(driver, name="Jane Doe", phone="(415) 555-0142", email="jane@example.com")
    button(driver, "Plan follow-up").click()
    type_into(field(driver, "What did you promise?"), "send the lavender samples")
    type_into(field(driver, "Date"), "tomorrow")
    wait(driver, lambda d: date_preview(d) == "→ Tue 24 Nov, 09:00", message="tomorrow resolved")
    button(driver, "Save follow-up").click()
    wait(driver, lambda d: "send the lavender samples" in section_text(d, "Planned follow-ups"), message="planned")

    details = driver.find_element(By.XPATH, "//section[@aria-label='Contact details']")
    assert "(415) 555-0142" in details.text, "shown as she typed it"
    details.find_element(By.XPATH, ".//button[@data-action='call']").click()
    wait(driver, lambda d: opened.exists() and "tel:+14155550142" in opened.read_text(), message="tel: opened")
    details.find_element(By.XPATH, ".//button[@data-action='email']").click()
    wait(
        driver,
        lambda d: "mailto:jane@example.com?subject=send%20the%20lavender%20samples" in opened.read_text(),
        message="mailto: with the promise as subject",
    )
    app.screenshot("contact-reach")

    # Today's row shows the number too, with its own Call.
    open_section(driver, "Today")
    wait(driver, lambda d: "(415) 555-0142" in (today_section(d, "Upcoming") or ""), message="the number on the Today row")
    row = driver.find_element(By.XPATH, "//li[contains(@class,'item')][.//*[contains(text(),'555-0142')]]")
    row.find_element(By.XPATH, ".//button[@data-action='text']").click()
    wait(driver, lambda d: "sms:+14155550142" in opened.read_text(), message="sms: from Today")
    app.screenshot("today-reach")
    assert opened.read_text().splitlines() == [
        "tel:+14155550142",
        "mailto:jane@example.com?subject=send%20the%20lavender%20samples",
        "sms:+14155550142",
    ], "only what she asked for, and only those schemes"


def test_the_batch_panel_leaves_today_in_view_at_1280x800(tend_at):
    app = tend_at(MONDAY)
    driver = app.driver
    open_section(driver, "Today")
    button(driver, "Batch").click()
    type_into(field(driver, "Met at"), "Sara's party")
    for guest in ["Ann Lee 555-0101 call tomorrow", "Bob Stone text Wed", "Cy Young 555-0103 call Thu",
                  "Di Prince email Fri", "Ed Norton call tomorrow at 2pm"]:
        line = field(driver, "Quick add")
        line.click()
        line.send_keys(guest)
        wait(driver, lambda d, first=guest.split()[0]: first in section_text(d, "Quick add preview"), message=f"preview of {guest}")
        line.send_keys(Keys.ENTER)
        wait(driver, lambda d: field(d, "Quick add").get_attribute("value") == "", message="saved and cleared")
    wait(driver, lambda d: "Ed Norton" in section_text(d, "Added in this batch"), message="five lines listed")
    line = field(driver, "Quick add")
    type_into(line, "Fay Wong 555-0106 wants the ")
    wait(driver, lambda d: "Upcoming" in d.page_source, message="Today drawn")
    app.screenshot("batch-open-today")
    size = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    assert size[1] <= 800, size
    # The view below the batch keeps most of the window: Today's heading and its first
    # sections are on screen, not pushed below the fold.
    tops = driver.execute_script(
        "return ['h1', ...[...document.querySelectorAll('main h2, #main h2')].slice(0, 3)]"
        ".map(h => (typeof h === 'string' ? document.querySelector('#main h1') : h).getBoundingClientRect().bottom)"
    )
    assert all(bottom < size[1] for bottom in tops), (tops, size)
    bar = driver.execute_script("return document.querySelector('.quick-bar').getBoundingClientRect().height")
    assert bar < size[1] * 0.4, f"the Quick add bar takes {bar}px of {size[1]}"
    batch = driver.execute_script("return document.querySelector('.quick-batch').getBoundingClientRect().height")
    assert batch < 90, f"the batch context is two short rows at most ({batch}px)"
    first_new = driver.execute_script(
        "const h = [...document.querySelectorAll('h2')].find(h => h.textContent.trim() === 'Upcoming');"
        "return h.closest('section').querySelector('.item').getBoundingClientRect().top"
    )
    assert first_new < size[1], f"the first of the new follow-ups is on screen ({first_new} of {size[1]})"
