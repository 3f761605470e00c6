"""The installed package, run by scripts/package-test.sh (`make package-test`)
after it installed the previous version, added data with it and upgraded to the
new one: /usr/bin/tend opens its window on the per-user data folder (no
TEND_DATA_DIR), finds the old book migrated, saves a contact, writes start at
login naming itself (and renews a stale entry at start), and a second launch
hands over to the running one. Skipped unless TEND_INSTALLED_HOME names the
scratch home the script made."""

import os
import pathlib
import re
import sqlite3
import subprocess
import time
from contextlib import closing

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import APP, ROOT, TendApp
from ui import field, open_section, wait

HOME = os.environ.get("TEND_INSTALLED_HOME")
pytestmark = pytest.mark.skipif(not HOME, reason="run by scripts/package-test.sh on an installed package")

VERSION = re.search(r'^version = "(.+)"$', (ROOT / "Cargo.toml").read_text(), re.M).group(1)
MIGRATIONS = len(list((ROOT / "src-tauri" / "store" / "migrations").glob("*.sql")))


def data_file():
    return pathlib.Path(HOME) / ".local" / "share" / "app.tend.desktop" / "tend.sqlite3"


def autostart_entry():
    return pathlib.Path(HOME) / ".config" / "autostart" / "Tend.desktop"


def installed_processes():
    """PIDs of the installed binary running with this scratch home."""
    marker = f"HOME={HOME}".encode()
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "stat").read_text().split(") ", 1)[1].startswith("Z"):
                continue
            if (entry / "exe").resolve() != pathlib.Path(APP).resolve():
                continue
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


class InstalledTend(TendApp):
    """As she runs it: her home, the OS data folder, no test seams."""

    def env(self):
        env = super().env()
        env.pop("TEND_DATA_DIR", None)
        env.pop("XDG_DATA_HOME", None)
        env.pop("XDG_CONFIG_HOME", None)
        env["HOME"] = HOME
        return env

    def quit(self):
        super().quit()
        for pid in installed_processes():  # closing the window only hides it
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        deadline = time.monotonic() + 5
        while installed_processes() and time.monotonic() < deadline:
            time.sleep(0.05)


@pytest.fixture
def installed(tmp_path):
    app = InstalledTend(tmp_path / "unused", extra_env={"TZ": "UTC"})
    app.start()
    yield app
    app.close()


def query(sql):
    with closing(sqlite3.connect(data_file())) as db:
        return db.execute(sql).fetchall()


def test_the_upgraded_book_is_there_migrated_and_takes_a_new_contact(installed):
    driver = installed.driver
    assert query("PRAGMA user_version") == [(MIGRATIONS,)], "the upgrade ran every migration"
    assert query("PRAGMA application_id")[0][0] != 0, "and marked the file as Tend's"
    names = [row[0] for row in query("SELECT name FROM contacts")]
    assert "Olive Oldtimer" in names, "the contact added with the previous version is kept"

    line = field(driver, "Quick add")
    line.send_keys("Nina Newcomer 555-0177 call Thu")
    preview = lambda d: d.execute_script(  # noqa: E731
        "return document.querySelector('[aria-label=\"Quick add preview\"]').innerText")
    wait(driver, lambda d: "Nina Newcomer" in preview(d), message="the preview")
    line.send_keys(Keys.ENTER)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and ("Nina Newcomer",) not in query("SELECT name FROM contacts"):
        time.sleep(0.2)
    assert ("Nina Newcomer",) in query("SELECT name FROM contacts"), "saved in the per-user data folder"

    open_section(driver, "Settings")
    about = lambda d: d.find_element(By.XPATH, "//section[@aria-labelledby='about-heading']").text  # noqa: E731
    wait(driver, lambda d: f"Tend {VERSION}" in about(d), message="About names the installed version")
    driver.execute_script("document.getElementById('about-heading').scrollIntoView()")
    installed.screenshot("installed-about")


def test_start_at_login_names_the_installed_program_and_a_stale_entry_is_renewed(installed):
    driver = installed.driver
    entry = autostart_entry()
    if entry.exists():
        entry.unlink()
    open_section(driver, "Settings")
    box = field(driver, "Start Tend at login")
    wait(driver, lambda d: box.is_enabled(), message="the box is ready")
    box.click()
    wait(driver, lambda d: entry.exists(), message="the autostart entry is written")
    assert "Exec=/usr/bin/tend " in entry.read_text() or "Exec=/usr/bin/tend\n" in entry.read_text(), entry.read_text()
    assert box.is_selected()

    # A toggle made long ago from a development build names target/debug.
    entry.write_text(entry.read_text().replace("Exec=/usr/bin/tend", "Exec=/home/jo/tend/target/debug/tend"))
    installed.restart()
    wait(installed.driver, lambda d: "Exec=/usr/bin/tend" in entry.read_text(), message="renewed at start")
    assert "target/debug" not in entry.read_text()


def test_a_second_launch_of_the_installed_program_hands_over_and_exits(installed):
    first = installed_processes()
    assert len(first) == 1
    second = subprocess.run([APP], env=installed.env(), timeout=30, capture_output=True)
    assert second.returncode == 0
    assert installed_processes() == first, "the first one is still the only one"
    assert installed.driver.title == "Tend"
