"""Insights in the real window, with a fixed clock: two promises kept on time and
one late read "2 of 3 kept on time"; a contact who bought after 5 touches is
behind the 5-touch bar, one click from her page; a pipeline bar lists its people."""

import sqlite3
from contextlib import closing

from selenium.webdriver.common.by import By

from conftest import TendApp, seed
from ui import detail_heading, open_section, wait

THURSDAY = "2026-11-26T15:00:00Z"


def history(data):
    """Jane's three promises this week and Maria's five touches before she bought."""
    with closing(sqlite3.connect(data / "tend.sqlite3")) as db, db:
        jane, maria = (db.execute("SELECT id FROM contacts WHERE name = ?", (n,)).fetchone()[0] for n in ("Jane Doe", "Maria Lopez"))
        for day, done in (("23", "2026-11-23T11:00:00Z"), ("24", "2026-11-24T23:59:00Z"), ("25", "2026-11-26T09:00:00Z")):
            db.execute(
                "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone, has_time,"
                " status, completed_at, created_at, updated_at)"
                " VALUES (?, 'call about the set', 'call', ?, ?, 'UTC', 1, 'done', ?, ?, ?)",
                (jane, f"2026-11-{day}T10:00:00Z", f"2026-11-{day}T10:00", done, "2026-11-20T10:00:00Z", done))
        for day in range(10, 15):
            db.execute(
                "INSERT INTO touches (contact_id, channel, note, occurred_at, created_at) VALUES (?, 'call', '', ?, ?)",
                (maria, f"2026-11-{day}T12:00:00Z", f"2026-11-{day}T12:00:00Z"))
        db.execute("INSERT INTO decisions (contact_id, kind, decided_at) VALUES (?, 'bought', '2026-11-15T12:00:00Z')", (maria,))
        db.execute("UPDATE contacts SET stage = 'new_customer', last_decision = 'bought', last_decision_at = '2026-11-15T12:00:00Z' WHERE id = ?", (maria,))


def test_promises_kept_and_touches_before_a_sale(tmp_path):
    data = tmp_path / "data"
    seed(data, "Jane Doe 555-0142", "Maria Lopez 555-0150")
    history(data)
    app = TendApp(data, now=THURSDAY, extra_env={"TZ": "UTC"})
    try:
        driver = app.start()
        open_section(driver, "Insights")
        wait(driver, lambda d: d.find_elements(By.ID, "insight-promises"), message="Insights shown")
        promises = driver.find_element(By.XPATH, "//section[@aria-labelledby='insight-promises']")
        wait(driver, lambda d: "2 of 3 kept on time" in promises.text, message="2 of 3 kept on time")
        assert "done 1 day late" in promises.text

        sales = driver.find_element(By.XPATH, "//section[@aria-labelledby='insight-sales']")
        assert "1 sale" in sales.text
        # The fifth bar is drawn, and its row of the table names Maria.
        bars = sales.find_elements(By.CSS_SELECTOR, "svg rect.chart-bar")
        assert len(bars) == 11
        assert float(bars[5].get_attribute("height")) > 0 and all(float(b.get_attribute("height")) == 0 for i, b in enumerate(bars) if i != 5)
        app.screenshot("insights")
        bars[5].click()
        row = sales.find_element(By.XPATH, ".//tr[th[normalize-space(.)='5 touches']]")
        wait(driver, lambda d: row.is_displayed(), message="the bar opens its row")
        driver.execute_script("document.getElementById('main').scrollTop = 10000; window.scrollTo(0, 10000)")
        app.screenshot("insights-sales-and-pipeline")
        row.find_element(By.XPATH, ".//button[normalize-space(.)='Maria Lopez']").click()
        wait(driver, lambda d: detail_heading(d) == "Maria Lopez", message="her page")

        # The pipeline's New customer bar opens the people behind it.
        open_section(driver, "Insights")
        [pipeline] = wait(driver, lambda d: d.find_elements(By.XPATH, "//section[@aria-labelledby='insight-pipeline']"), message="Pipeline")
        stage_bars = pipeline.find_elements(By.CSS_SELECTOR, "svg")[0].find_elements(By.CSS_SELECTOR, "rect.chart-bar")
        driver.execute_script("arguments[0].scrollIntoView()", pipeline)
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", stage_bars[1])
        people = pipeline.find_element(By.CLASS_NAME, "pipeline-people")
        wait(driver, lambda d: "New customer: 1" in people.text, message="the bar's people")
        assert "Maria Lopez" in people.text and "Jane Doe" not in people.text
        people.find_element(By.XPATH, ".//button[normalize-space(.)='Maria Lopez']").click()
        wait(driver, lambda d: detail_heading(d) == "Maria Lopez", message="her page, from the bar")
    finally:
        app.close()
