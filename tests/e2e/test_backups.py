"""Backups in the real window: Back up now to a file picked in the real GTK save
chooser, Restore from backup from a file picked in the open chooser (the book
as it was is kept aside), and a damaged data file at start replaced by the
newest good backup from the start-up page."""

import sqlite3
from contextlib import closing

from selenium.webdriver.common.by import By

from chooser import choose_path
from conftest import SHOTS, TendApp, query, seed, tend_cli
from ui import (
    button, detail_heading, fill_contact_form, open_section, row_names, sheet_open, sheet_text,
    status_line, wait, wait_for_rows,
)

PAGE = "main.startup-problem h1"


def contacts_in(path):
    """Opened read-only and left as it is (no -wal or -shm made beside it)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return sorted(row[0] for row in db.execute("SELECT name FROM contacts"))


def result_count(driver):
    return driver.execute_script("return document.getElementById('result-count')?.textContent ?? ''")


def said_after_restore(driver):
    said = status_line(driver)
    return said if said.startswith(("Restored", "Nothing was restored")) else None


def test_back_up_now_to_a_file_then_restore_it_and_the_book_before_is_kept_aside(book, tmp_path):
    seed(book.data_dir, "Jane Doe 555-0142", "Bob Stone bob@example.com")
    driver = book.start()

    open_section(driver, "Settings")
    button(driver, "Back up now").click()
    usb = tmp_path / "usb stick"
    usb.mkdir()
    copy = usb / "tend on the stick.sqlite3"
    choose_path("Back up now", copy, shot=SHOTS / "chooser-backup-typed.png")
    wait(driver, lambda d: status_line(d).startswith("Backed up to"), timeout=20, message="the status line says it")
    said = status_line(driver)
    assert said.startswith(f"Backed up to {copy}: ") and "— 2 contacts, " in said, said
    assert contacts_in(copy) == ["Bob Stone", "Jane Doe"]

    # A third contact after the backup, added in the window.
    open_section(driver, "Contacts")
    button(driver, "New contact").click()
    fill_contact_form(driver, name="Carl Weber", phone="(415) 555-0199")
    button(driver, "Save").click()
    wait(driver, lambda d: detail_heading(d) == "Carl Weber", message="Carl saved")
    assert len(query(book.data_dir, "SELECT id FROM contacts")) == 3

    # Restore the copy from the stick.
    open_section(driver, "Settings")
    button(driver, "Restore from backup").click()
    wait(driver, lambda d: sheet_open(d, "Restore from backup"), message="the restore sheet")
    button(driver, "From a file…").click()
    choose_path("Restore from backup", copy, shot=SHOTS / "chooser-restore-typed.png")
    wait(driver, lambda d: sheet_open(d, "Replace your data?"), timeout=20, message="asked before replacing")
    offered = sheet_text(driver, "Replace your data?")
    assert "Replace your data with this backup?" in offered and "— 2 contacts, " in offered, offered
    assert "kept aside first" in offered, offered
    book.screenshot("backup-restore-confirm")
    assert len(query(book.data_dir, "SELECT id FROM contacts")) == 3, "nothing replaced before Restore"
    button(driver, "Restore").click()
    said = wait(driver, lambda d: said_after_restore(d), timeout=20, message="the status line says it")
    assert said.startswith("Restored: "), said

    [kept] = sorted(book.data_dir.glob("tend.sqlite3.before-restore-*"))
    assert said == f"Restored: 2 contacts (you had 3). The previous data is kept in {kept}.", said
    assert contacts_in(kept) == ["Bob Stone", "Carl Weber", "Jane Doe"], "the book before, kept whole"
    assert sorted(name for (name,) in query(book.data_dir, "SELECT name FROM contacts")) == ["Bob Stone", "Jane Doe"]

    # The window shows the restored book.
    open_section(driver, "Contacts")
    wait_for_rows(driver, lambda names: sorted(names) == ["Bob Stone", "Jane Doe"], "the restored contacts listed")
    wait(driver, lambda d: result_count(d) == "2 contacts", message="the count of the restored book")
    book.screenshot("backup-restored-list")


def test_a_damaged_data_file_at_start_is_replaced_by_the_newest_backup_and_kept_aside(book):
    data = book.data_dir
    seed(data, "Jane Doe 555-0142", "Bob Stone bob@example.com")
    (data / "backups").mkdir()
    backup = data / "backups" / "tend-2026-11-30T10-30-00+0000.sqlite3"
    tend_cli(data, "backup", str(backup))
    assert contacts_in(backup) == ["Bob Stone", "Jane Doe"]
    for leftover in data.glob("tend.sqlite3-*"):
        leftover.unlink()
    garbage = bytes((i * 7) % 251 for i in range(8192))
    (data / "tend.sqlite3").write_bytes(garbage)

    book.ready = PAGE
    driver = book.start()
    assert not driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Sections']"), "no app over a file it cannot use"
    assert driver.find_element(By.CSS_SELECTOR, PAGE).text == "This is not a Tend data file"
    offer = driver.find_element(By.CSS_SELECTOR, ".startup-problem .backup-offer")
    assert offer.is_displayed()
    offer_text = offer.get_property("innerText")
    assert offer_text.startswith("The newest good backup: "), offer_text
    assert "2026" in offer_text and "30" in offer_text and "10:30" in offer_text, f"the backup's date: {offer_text}"
    assert "— 2 contacts, " in offer_text, offer_text
    buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".startup-problem button")]
    assert buttons[0] == "Restore the newest backup", buttons
    book.screenshot("startup-restore-offer")

    button(driver, "Restore the newest backup").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, TendApp.READY), timeout=20, message="the app starts")
    open_section(driver, "Contacts")
    wait_for_rows(driver, lambda names: sorted(names) == ["Bob Stone", "Jane Doe"], "the backup's contacts listed")
    wait(driver, lambda d: result_count(d) == "2 contacts", message="the count of the restored book")
    book.screenshot("startup-restored")

    [kept] = sorted(data.glob("tend.sqlite3.before-restore-*"))
    assert kept.read_bytes() == garbage, "the damaged file kept aside byte for byte"
    assert contacts_in(data / "tend.sqlite3") == ["Bob Stone", "Jane Doe"]
    assert backup.exists(), "the backup itself is still there"
