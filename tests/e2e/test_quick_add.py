"""Quick add in the real window: five prospects after a party with a batch
context, one undone, and a known phone added to the existing contact."""

import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import button, field, open_section, section_text, today_section, type_into, wait

MONDAY = "2026-11-23T14:00:00Z"  # Monday 23 Nov 2026, 14:00 UTC

LINES = [
    "Jane Doe 555-0142 wants the lavender set, call Thu",
    "Bob O'Brien bob@example.com #oils text tomorrow at 2pm",
    "María de la Cruz +34 612 345 678 loves citrus, in 2 days",
    "Amy Lee interested in hosting, email Fri",
    "Carl Weber 555-0199",
]


def query(data_dir, sql, *args):
    with sqlite3.connect(data_dir / "tend.sqlite3") as db:
        return db.execute(sql, args).fetchall()


def preview(driver):
    return section_text(driver, "Quick add preview")


def test_five_prospects_in_a_minute_with_undo_and_a_duplicate(tend_at):
    app = tend_at(MONDAY)
    driver = app.driver

    # The batch context is set once and applies to every line.
    batch = [b for b in driver.find_elements(By.XPATH, "//button[starts-with(normalize-space(.), 'Batch')]") if b.is_displayed()]
    if batch and batch[0].get_attribute("aria-expanded") == "false":
        batch[0].click()
    type_into(field(driver, "Met at"), "Sara's party")

    box = field(driver, "Quick add")
    box.click()
    box.send_keys(LINES[0])
    wait(driver, lambda d: "call Thu 26 Nov, 09:00" in preview(d), message="the preview shows the resolved date")
    assert "Jane Doe" in preview(driver) and "wants the lavender set" in preview(driver)
    app.screenshot("quick-add-preview")
    box.send_keys(Keys.ENTER)
    for line in LINES[1:]:
        wait(driver, lambda d: field(d, "Quick add").get_attribute("value") == "", message="saved and cleared")
        box = field(driver, "Quick add")
        box.send_keys(line)
        wait(driver, lambda d, first=line.split()[0]: first in preview(d), message=f"preview of {line}")
        box.send_keys(Keys.ENTER)
    wait(driver, lambda d: section_text(d, "Added in this batch").count("\n") >= 4 and "Carl Weber" in section_text(d, "Added in this batch"), message="five lines listed")
    names = [row[0] for row in query(app.data_dir, "SELECT name FROM contacts ORDER BY id")]
    assert names == ["Jane Doe", "Bob O'Brien", "María de la Cruz", "Amy Lee", "Carl Weber"]
    assert query(app.data_dir, "SELECT DISTINCT met_where FROM contacts") == [("Sara's party",)]
    app.screenshot("quick-add-batch")

    # Undo one line.
    added = driver.find_element(By.XPATH, "//ul[@aria-label='Added in this batch']")
    amy = added.find_element(By.XPATH, ".//li[contains(., 'Amy Lee')]")
    amy.find_element(By.XPATH, ".//button[normalize-space(.)='Undo']").click()
    wait(driver, lambda d: "Amy Lee" not in section_text(d, "Added in this batch"), message="undone")
    assert [r[0] for r in query(app.data_dir, "SELECT name FROM contacts ORDER BY id")] == [
        "Jane Doe", "Bob O'Brien", "María de la Cruz", "Carl Weber"]

    # Their follow-ups are in Today's Upcoming (next 7 days).
    open_section(driver, "Today")
    wait(driver, lambda d: "Jane Doe" in (today_section(d, "Upcoming") or ""), message="in Upcoming")
    upcoming = today_section(driver, "Upcoming")
    for name in ("Jane Doe", "Bob O'Brien", "María de la Cruz", "Carl Weber"):
        assert name in upcoming, f"{name} not in Upcoming:\n{upcoming}"
    assert "Amy Lee" not in upcoming

    # A phone Tend already knows: add the line to Jane instead of a second contact.
    box = field(driver, "Quick add")
    box.send_keys("Janie 555-0142 loved the candles, text Fri")
    wait(driver, lambda d: "Already in Tend: Jane Doe" in preview(d), message="duplicate flagged")
    button(driver, "Add to Jane Doe").click()
    # Her own promises (Thursday's call, now Friday's text), beside New lead's later steps.
    own = "SELECT id FROM followups WHERE contact_id = 1 AND status = 'open' AND cadence_run_id IS NULL"
    wait(driver, lambda d: len(query(app.data_dir, own)) == 2, message="follow-up added to Jane")
    assert len(query(app.data_dir, "SELECT id FROM contacts")) == 4, "no second contact"
    assert query(app.data_dir, "SELECT note FROM touches WHERE contact_id = 1") == [("loved the candles",)]

    # Undo of the line that created Jane, now that another line added to her: it asks,
    # lists what would go, and "Keep" takes back only that line's follow-up.
    added = driver.find_element(By.XPATH, "//ul[@aria-label='Added in this batch']")
    first = added.find_element(By.XPATH, ".//li[contains(., 'wants the lavender set')]")
    held = len(query(app.data_dir, "SELECT id FROM followups WHERE contact_id = 1"))
    first.find_element(By.XPATH, ".//button[normalize-space(.)='Undo']").click()
    dialog = wait(driver, lambda d: d.find_element(By.XPATH, "//dialog[@aria-label='Undo Jane Doe?']"), message="Undo asks first")
    items = [li.text for li in dialog.find_elements(By.TAG_NAME, "li")]
    assert any(item.startswith("1 follow-up added later") for item in items), items
    assert "1 touch logged" in items, items
    assert len(query(app.data_dir, "SELECT id FROM followups WHERE contact_id = 1")) == held, "nothing goes while she reads"
    app.screenshot("quick-add-undo-asks")
    button(dialog, "Keep Jane Doe, undo only this line").click()
    wait(driver, lambda d: "wants the lavender set" not in section_text(d, "Added in this batch"), message="the row goes")
    assert query(app.data_dir, "SELECT channel FROM followups WHERE contact_id = 1") == [("text",)], "only the Thursday call went"
    assert query(app.data_dir, "SELECT note FROM touches WHERE contact_id = 1") == [("loved the candles",)]
    assert len(query(app.data_dir, "SELECT id FROM contacts")) == 4
