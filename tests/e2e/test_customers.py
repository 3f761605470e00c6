"""Customers who stay, in the real window on a fixed clock (TEND_NOW, UTC): a
30-day product bought, the clock moved 27 days, the re-order under Re-orders and
notified, a second purchase learning her rhythm; a party host's guests referred
by her; a birthday under Upcoming a week ahead and told on the morning; a
customer marked inactive with why she left."""

import re
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import TendApp, query, seed
from notifications import NotificationBus
from ui import (
    button,
    detail_text,
    field,
    open_contact,
    open_section,
    section_text,
    sheet,
    sheet_text,
    status_line,
    today_section,
    type_into,
    wait,
)

TUESDAY = "2026-02-10T10:00:00Z"  # Tue 10 Feb 2026, 10:00 UTC


def plain(text):
    """Amounts as Intl writes them in the window's locale ("$ 24.50", "$24.50"): one way."""
    return re.sub(r"\$[\s\u00a0\u202f]+", "$", text)


def app_at(tmp_path, now):
    app = TendApp(tmp_path / "data", now=now, extra_env={"TZ": "UTC"})
    return app


def add_product(driver, name, days, price):
    open_section(driver, "Settings")
    type_into(field(driver, "Product name"), name)
    type_into(field(driver, "Days of supply"), days)
    type_into(field(driver, "Price"), price)
    button(driver, "Add product").click()
    wait(driver, lambda d: name in section_text(d, "Your products"), message="product listed")


def record_purchase(driver, name):
    open_section(driver, "Contacts")
    open_contact(driver, name)
    button(driver, "Record purchase").click()
    wait(driver, lambda d: d.find_elements(By.XPATH, "//form[@aria-label='Record purchase']"), message="the form")
    button(driver, "Save purchase").click()
    wait(driver, lambda d: status_line(d).startswith("Recorded:"), message="recorded")
    return plain(status_line(driver))


def test_a_30_day_product_comes_back_under_re_orders_27_days_later_and_learns_her_rhythm(tmp_path):
    data = tmp_path / "data"
    seed(data, "Maria Lopez 555-0142")
    app = app_at(tmp_path, TUESDAY)
    try:
        driver = app.start()
        add_product(driver, "Lavender oil", "30", "24.50")
        said = record_purchase(driver, "Maria Lopez")
        assert said == (
            "Recorded: Lavender oil, $24.50. Stage is now New customer. "
            "Started: New customer care. Re-order reminder: Mon 9 Mar."
        ), said
        wait(driver, lambda d: "lifetime value $24.50 · last bought today" in plain(detail_text(d)), message="her purchases")
        app.screenshot("customers-purchase-recorded")
        app.quit()

        # 27 days on, just before her 09:00: the reminder comes on time.
        app.now = "2026-03-09T08:59:50Z"
        bus = NotificationBus(app.bus.address)
        try:
            driver = app.start()
            [notice] = bus.wait_for(lambda n: n["summary"] == "Re-order: Maria Lopez", timeout=40)
            assert notice["body"] == "Call — Maria’s Lavender oil runs out around 12 Mar — offer a re-order · 555-0142"
        finally:
            bus.close()
        open_section(driver, "Today")
        wait(
            driver,
            lambda d: "Maria’s Lavender oil runs out around 12 Mar — offer a re-order" in (today_section(d, "Re-orders") or ""),
            message="under Re-orders",
        )
        assert "offer a re-order" not in (today_section(driver, "Due today") or "")
        app.screenshot("customers-re-orders")

        # She re-orders: the reminder is kept, and the next date learns from her.
        said = record_purchase(driver, "Maria Lopez")
        assert "Re-order reminder kept" in said and "Re-order reminder: Thu 2 Apr" in said, said
        wait(
            driver,
            lambda d: "from her own rhythm: every 27 days over 2 purchases" in detail_text(d),
            message="the learned date, and what it came from",
        )
        assert query(data, "SELECT status FROM followups WHERE reorder_of IS NOT NULL ORDER BY id") == [("done",), ("open",)]
        app.screenshot("customers-rhythm")
    finally:
        app.close()


def test_a_party_host_sees_her_guests_referred_by_her(tmp_path):
    data = tmp_path / "data"
    seed(data, "Sara Jones 555-0100")
    app = app_at(tmp_path, TUESDAY)
    try:
        driver = app.start()
        batch = [b for b in driver.find_elements(By.XPATH, "//button[starts-with(normalize-space(.), 'Batch')]") if b.is_displayed()]
        if batch and batch[0].get_attribute("aria-expanded") == "false":
            batch[0].click()
        type_into(field(driver, "Met at"), "Sara’s party")
        for line in ["Maria Lopez wants oils", "Jen Park call Thu"]:
            box = field(driver, "Quick add")
            box.send_keys(line)
            wait(
                driver,
                lambda d: "Sara Jones is the host: referred by her" in section_text(d, "Quick add preview"),
                message="the preview names the host",
            )
            box.send_keys(Keys.ENTER)
            wait(driver, lambda d: field(d, "Quick add").get_attribute("value") == "", message="saved")
        wait(driver, lambda d: "Jen Park" in section_text(d, "Added in this batch"), message="both added")
        open_section(driver, "Contacts")
        open_contact(driver, "Sara Jones")
        wait(driver, lambda d: "Referred 2 · 0 bought" in detail_text(d), message="the host's tally")
        guests = section_text(driver, "Referred by her")
        assert "Jen Park" in guests and "Maria Lopez" in guests, guests
        app.screenshot("customers-host")
        referrer = query(data, "SELECT DISTINCT referred_by_id FROM contacts WHERE name <> 'Sara Jones'")
        assert referrer == [(1,)]
    finally:
        app.close()


def test_a_birthday_is_under_upcoming_a_week_ahead_and_told_on_the_morning(tmp_path):
    data = tmp_path / "data"
    seed(data, "Maria Lopez 555-0142")
    app = app_at(tmp_path, "2026-03-06T10:00:00Z")  # Fri 6 Mar: a week before
    try:
        driver = app.start()
        open_section(driver, "Contacts")
        open_contact(driver, "Maria Lopez")
        type_into(field(driver, "Birthday"), "13 Mar 1986")
        type_into(field(driver, "What matters to them now"), "daughter’s wedding in June")
        button(driver, "Save details").click()
        wait(driver, lambda d: "What matters to them now: daughter’s wedding in June" in detail_text(d), message="at the top")
        open_section(driver, "Today")
        wait(
            driver,
            lambda d: "birthday (turns 40)" in (today_section(d, "Upcoming") or ""),
            message="under Upcoming",
        )
        upcoming = " ".join(today_section(driver, "Upcoming").split())
        assert "Maria Lopez birthday (turns 40) Fri 13 Mar · Wish Maria a happy birthday" in upcoming, upcoming
        app.screenshot("customers-birthday-upcoming")
        app.quit()

        app.now = "2026-03-13T08:59:55Z"
        bus = NotificationBus(app.bus.address)
        try:
            driver = app.start()
            [notice] = bus.wait_for(lambda n: "birthday" in n["summary"], timeout=40)
            assert notice["summary"] == "Maria Lopez’s birthday (turns 40) is today"
            assert notice["body"] == "Wish Maria a happy birthday."
            time.sleep(2)
            assert len([n for n in bus.notifications() if "birthday" in n["summary"]]) == 1, "told once"
        finally:
            bus.close()
    finally:
        app.close()


def test_a_customer_marked_inactive_says_why_she_left_and_is_offered_win_back(tmp_path):
    data = tmp_path / "data"
    seed(data, "Eve Park 555-0177 customer")
    app = app_at(tmp_path, TUESDAY)
    try:
        driver = app.start()
        open_section(driver, "Contacts")
        open_contact(driver, "Eve Park")
        button(driver, "Mark inactive").click()
        wait(driver, lambda d: "Felt I didn’t care" in sheet_text(d, "Why did they leave?"), message="the question")
        asked = sheet(driver, "Why did they leave?")
        asked.find_element(By.XPATH, ".//label[normalize-space(.)='Felt I didn’t care']").click()
        app.screenshot("customers-why-left")
        asked.find_element(By.XPATH, ".//button[normalize-space(.)='Mark inactive']").click()
        wait(driver, lambda d: "Start Win back" in sheet_text(d, "Why did they leave?"), message="Win back offered")
        sheet(driver, "Why did they leave?").find_element(By.XPATH, ".//button[normalize-space(.)='Start Win back']").click()
        wait(driver, lambda d: status_line(d) == "Started Win back an inactive customer for Eve Park", message="started")
        assert query(data, "SELECT stage, left_reason FROM contacts") == [("inactive_customer", "indifference")]
        assert query(data, "SELECT reason FROM departures") == [("indifference",)]
        runs = query(data, "SELECT c.builtin_key FROM cadence_runs r JOIN cadences c ON c.id = r.cadence_id WHERE r.stopped_at IS NULL")
        assert ("win_back",) in runs, runs
        wait(driver, lambda d: "LeftFelt I didn’t care" in detail_text(d).replace("\n", "").replace("\t", ""), message="shown on her page")

        # Insights counts her departure in the share that was in her control.
        open_section(driver, "Insights")
        [left] = wait(driver, lambda d: d.find_elements(By.XPATH, "//section[@aria-labelledby='insight-left']"), message="Why customers left")
        wait(driver, lambda d: "1 of 1 (100%) were in your control" in left.text, message="in her control")
        row = left.find_element(By.XPATH, ".//tr[th[normalize-space(.)='Felt I didn’t care']]")
        assert [td.text for td in row.find_elements(By.TAG_NAME, "td")] == ["1", "Total", "68%"]
        driver.execute_script("arguments[0].scrollIntoView()", left)
        app.screenshot("insights-why-left")
    finally:
        app.close()
