"""Fault injection in the real window. Every start-up failure opens the page that
explains it and leaves the data file as it was, byte for byte, -wal and -shm
included; a full disk (a real, small tmpfs) is said in her words and loses
nothing. Mounting needs root, as on the CI machines."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager

import pytest
from selenium.webdriver.common.by import By

from conftest import TendApp, seed
from ui import button, field, fill_contact_form, open_section, wait

PAGE = "main.startup-problem h1"
SUFFIXES = ("", "-wal", "-shm")


def snapshot(folder):
    """Every file in the data folder and its bytes (the backups folder aside)."""
    return {
        name: (folder / name).read_bytes()
        for name in sorted(os.listdir(folder))
        if (folder / name).is_file()
    }


@contextmanager
def tmpfs(path, size):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def foreign(version):
    def make(data):
        with closing(sqlite3.connect(data / "tend.sqlite3")) as db, db:
            db.execute("CREATE TABLE recipes (name TEXT)")
            db.execute("INSERT INTO recipes VALUES ('soup')")
            db.execute(f"PRAGMA user_version = {version}")
    return make


def damaged(data):
    seed(data, "Jane Doe 555-0142")
    file = data / "tend.sqlite3"
    raw = bytearray(file.read_bytes())
    for i in range(100, len(raw)):
        raw[i] = i % 253
    file.write_bytes(bytes(raw))


def newer(data):
    seed(data, "Jane Doe 555-0142")
    with closing(sqlite3.connect(data / "tend.sqlite3")) as db:
        db.execute("PRAGMA user_version = 99")


CASES = {
    "damaged": (damaged, "Tend’s data file is damaged"),
    "foreign-v0": (foreign(0), "This is not a Tend data file"),
    "foreign-v1": (foreign(1), "This is not a Tend data file"),
    "foreign-v2": (foreign(2), "This is not a Tend data file"),
    "newer": (newer, "This data file is from a newer Tend"),
}


def assert_explained(data, title, shot, path_shown=None):
    app = TendApp(data, extra_env={"TZ": "UTC"}, ready=PAGE)
    try:
        driver = app.start()
        assert driver.find_element(By.CSS_SELECTOR, PAGE).text == title
        shown = driver.find_element(By.CSS_SELECTOR, ".startup-problem code").text
        assert shown == str(path_shown or data / "tend.sqlite3")
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".startup-problem button")]
        assert "Quit" in buttons and "Open the folder" in buttons, buttons
        assert not driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Sections']")
        app.screenshot(f"fault-{shot}")
    finally:
        app.close()


@pytest.mark.parametrize("case", CASES)
def test_a_file_tend_cannot_use_opens_the_page_that_says_why_and_stays_as_it_was(tmp_path, case):
    make, title = CASES[case]
    data = tmp_path / "data"
    data.mkdir()
    make(data)
    before = snapshot(data)
    assert_explained(data, title, case)
    assert snapshot(data) == before, "not a byte changed, -wal and -shm included"


HOLD_LOCKED = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_file_another_program_holds_locked(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    seed(data, "Jane Doe 555-0142")
    # Another process: POSIX locks are per process, and this one's reads of the
    # file (the snapshot) would drop a lock it held itself.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCKED, str(data / "tend.sqlite3")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(data)
        assert_explained(data, "Another program is using Tend’s data file", "locked")
        assert snapshot(data) == before
    finally:
        holder.stdin.close()
        holder.wait(10)


def test_a_read_only_disk(tmp_path):
    disk = tmp_path / "disk"
    with tmpfs(disk, "8m"):
        data = disk / "data"
        data.mkdir()
        seed(data, "Jane Doe 555-0142")
        before = snapshot(data)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        assert_explained(data, "Tend cannot open its data file", "read-only")
        assert snapshot(data) == before


def test_a_data_path_that_is_a_file(tmp_path):
    data = tmp_path / "data"
    data.write_text("my shopping list\n")
    assert_explained(data, "Tend cannot use its data folder", "data-path-is-a-file", path_shown=data)
    assert data.read_text() == "my shopping list\n"


def test_a_full_disk_in_the_window_is_said_plainly_and_loses_nothing(tmp_path):
    disk = tmp_path / "disk"
    with tmpfs(disk, "6m"):
        data = disk / "data"
        data.mkdir()
        seed(data, "Jane Doe 555-0142")
        app = TendApp(data, extra_env={"TZ": "UTC"})
        try:
            driver = app.start()
            filler = disk / "filler"
            subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=4k"], capture_output=True, check=False)

            open_section(driver, "Contacts")
            button(driver, "New contact").click()
            fill_contact_form(driver, name="Maria Lopez")
            # 20,000 characters of distinct words: more pages than the log has room for.
            notes = " ".join(f"word{n}" for n in range(2500))[:20000]
            driver.execute_script(
                "const box = arguments[0]; box.value = arguments[1];"
                "box.dispatchEvent(new Event('input', {bubbles: true}));",
                field(driver, "Notes"), notes)
            button(driver, "Save").click()
            said = wait(driver, lambda d: "disk is full" in form_error(d) and form_error(d), message="the full disk is said")
            assert "Free some space" in said, said
            assert "os error" not in said and "database or disk" not in said, said
            app.screenshot("fault-disk-full")

            filler.unlink()
            button(driver, "Save").click()
            wait(driver, lambda d: names(data) == ["Jane Doe", "Maria Lopez"], message="saved once there is room")
        finally:
            app.close()
        with closing(sqlite3.connect(data / "tend.sqlite3")) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def form_error(driver):
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".form-error") if e.is_displayed())


def names(data):
    with closing(sqlite3.connect(data / "tend.sqlite3")) as db:
        return [row[0] for row in db.execute("SELECT name FROM contacts ORDER BY id")]
