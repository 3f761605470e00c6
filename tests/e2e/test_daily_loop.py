"""The daily loop in the real window (issue 10): a guest quick-added with
"call Thu" buys the next day — the decision form shows Thursday's promise
ticked, saving closes it, and on Thursday the reminders say nothing about it
(observed on a real D-Bus with dunst) while New customer care's first step
fires. And the keyboard: Escape out of Quick add, then j moves the list; g and
a letter, ?; Escape closes the small Quick add window."""

import sqlite3
import subprocess
import time
from contextlib import closing

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from conftest import TendApp, seed
from notifications import NotificationBus
from test_permissions import QUICK_ADD_TITLE, press_quick_add_shortcut
from ui import (button, field, open_contact, open_section, section_text, select_option, sheet_text,
                status_line, wait)

MONDAY = "2026-11-23T10:00:00Z"
TUESDAY = "2026-11-24T10:00:00Z"
# Thursday, a few seconds before the promise's 09:00 (the default time, in UTC).
THURSDAY = "2026-11-26T08:59:50Z"


def query(data_dir, sql, *args):
    with closing(sqlite3.connect(data_dir / "tend.sqlite3")) as db:
        return db.execute(sql, args).fetchall()


def active_text(driver):
    return driver.execute_script("return document.activeElement?.innerText ?? document.activeElement?.value ?? ''")


def test_bought_the_next_day_closes_thursdays_call_and_thursday_says_nothing_of_it(tmp_path):
    app = TendApp(tmp_path / "data", now=MONDAY, extra_env={"TZ": "UTC"})
    bus = None
    try:
        driver = app.start()
        # Monday after the party: one line, with a day.
        box = field(driver, "Quick add")
        box.click()
        box.send_keys("Maria Lopez 555-0150 wants the gift set, call Thu")
        wait(driver, lambda d: "call Thu 26 Nov, 09:00" in section_text(d, "Quick add preview"), message="preview")
        assert "New lead cadence after it" in section_text(driver, "Quick add preview")
        box.send_keys(Keys.ENTER)
        wait(driver, lambda d: "Maria Lopez" in section_text(d, "Added in this batch"), message="added")
        [(promise_id,)] = query(app.data_dir, "SELECT id FROM followups WHERE promise = 'wants the gift set'")
        app.quit()
        with closing(sqlite3.connect(app.data_dir / "tend.sqlite3")) as db, db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('digestTime', 'off')")

        # Tuesday: she bought. The decision form shows Thursday's promise, ticked.
        app.now = TUESDAY
        driver = app.start()
        open_section(driver, "Contacts")
        open_contact(driver, "Maria Lopez")
        button(driver, "Record decision").click()
        select_option(driver, "Decision", "Bought")
        label = "Call — wants the gift set (due Thu 26 Nov, 09:00)"
        wait(driver, lambda d: d.find_elements(By.XPATH, f"//label[normalize-space(.)='{label}']"), message="listed")
        assert field(driver, label).is_selected(), "ticked"
        app.screenshot("decision-closes-promises")
        save = button(driver, "Save decision")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", save)
        save.click()
        wait(driver, lambda d: "Closed as done: 1 follow-up" in status_line(d), message="said what it closed")
        assert query(app.data_dir, "SELECT status FROM followups WHERE id = ?", promise_id) == [("done",)]
        app.quit()

        # Thursday 09:00: New customer care's first step fires; nothing about the gift set.
        app.now = THURSDAY
        bus = NotificationBus(app.bus.address)
        app.start()
        [care] = bus.wait_for(lambda n: n["summary"] == "Follow up with Maria Lopez", timeout=40)
        assert care["body"] == "Text — How are they getting on with their order? · 555-0150"
        time.sleep(3)
        bodies = [n["body"] for n in bus.notifications()]
        assert not [b for b in bodies if "gift set" in b], f"a closed promise was notified: {bodies}"
        assert len(bodies) == 1, bodies
    finally:
        app.close()
        if bus:
            bus.close()


def test_escape_leaves_quick_add_for_the_list_and_j_moves_it(book):
    seed(book.data_dir, "Ann Lee 555-0101", "Bo Chen 555-0102", "Cy New 555-0103")
    driver = book.start()
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("g", "c")  # the Contacts section, from the keyboard
    wait(driver, lambda d: d.find_elements(By.XPATH, "//nav//button[@data-view='contacts' and @aria-current='page']"),
         message="g c opened Contacts")
    wait(driver, lambda d: len(d.find_elements(By.XPATH, "//ul[@aria-label='Contact list']//button")) == 3, message="rows")
    wait(driver, lambda d: active_text(d).startswith("Ann Lee"), message="and focus in the list")

    ActionChains(driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("aria-label") == "Quick add", message="in Quick add")
    quick = field(driver, "Quick add")
    quick.send_keys("Dee Ross")
    quick.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: active_text(d).startswith("Ann Lee"), message="Escape went to the list")
    ActionChains(driver).send_keys("j").perform()
    wait(driver, lambda d: active_text(d).startswith("Bo Chen"), message="j moved the list")
    assert field(driver, "Quick add").get_attribute("value") == "Dee Ross", "j typed nothing into Quick add"

    # ? lists the keys.
    ActionChains(driver).send_keys("?").perform()
    wait(driver, lambda d: "g then c" in sheet_text(d, "Keyboard shortcuts"), message="the key list")
    book.screenshot("keyboard-shortcuts")
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait(driver, lambda d: sheet_text(d, "Keyboard shortcuts") == "", message="closed")
    ActionChains(driver).key_down(Keys.ALT).send_keys("1").key_up(Keys.ALT).perform()
    wait(driver, lambda d: d.find_elements(By.XPATH, "//nav//button[@data-view='today' and @aria-current='page']"),
         message="Alt+1 opened Today")


def quick_window_visible():
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", QUICK_ADD_TITLE],
                           capture_output=True, text=True)
    return bool(found.stdout.strip())


def test_escape_closes_the_small_quick_add_window(tend):
    driver = tend.driver
    main = driver.current_window_handle
    quick = press_quick_add_shortcut(driver, main)
    driver.switch_to.window(quick)
    wait(driver, lambda d: d.title == QUICK_ADD_TITLE, message="the Quick add page loaded")
    wait(driver, lambda d: quick_window_visible(), message="shown on the display")
    box = field(driver, "Quick add")
    box.send_keys("Eve Park")
    box.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not quick_window_visible(), timeout=10, message="Escape hid the window")
    driver.switch_to.window(main)
