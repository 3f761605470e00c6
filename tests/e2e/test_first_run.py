"""The first run, in the real window: an empty book opens to a welcome whose
test notification goes through the real session bus to a real daemon (dunst),
or says what to check when no daemon answers; Settings → About names the
crate's version; and a development build never touches start at login."""

import pathlib
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, TendApp
from notifications import NotificationBus
from ui import button, field, open_section, wait

VERSION = re.search(r'^version = "(.+)"$', (ROOT / "Cargo.toml").read_text(), re.M).group(1)


def welcome_text(driver):
    return driver.execute_script(
        "const w = document.querySelector('section[aria-labelledby=\"welcome-heading\"]');"
        "return w ? w.innerText : null;"
    )


@pytest.fixture
def first_run(tmp_path):
    made = []

    def start(session_bus=True):
        (tmp_path / "home").mkdir(exist_ok=True)
        app = TendApp(tmp_path / "data", extra_env={"TZ": "UTC", "HOME": str(tmp_path / "home")}, bus=session_bus)
        # dunst is D-Bus activatable: on a session bus a notification always finds it.
        bus = NotificationBus(app.bus.address) if session_bus else None
        app.start()
        made.append((app, bus))
        return app, bus

    yield start
    for app, bus in made:
        app.close()
        if bus:
            bus.close()


def test_an_empty_book_opens_to_a_welcome_whose_test_notification_reaches_the_desktop(first_run, tmp_path):
    app, bus = first_run()
    driver = app.driver
    wait(driver, lambda d: welcome_text(d), message="the welcome is shown")
    text = welcome_text(driver)
    assert "Welcome to Tend" in text
    for name in ("Import contacts", "Try Quick add", "New contact"):
        assert button(driver, name).is_displayed()
    data_file = str(tmp_path / "data" / "tend.sqlite3")
    wait(driver, lambda d: data_file in welcome_text(d), message="it says where the data lives")
    headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2") if h.is_displayed()]
    assert "Overdue" not in headings, "not five empty sections"

    button(driver, "Send a test notification").click()
    shown = bus.wait_for(lambda n: n["summary"] == "Tend can reach you")
    assert shown[0]["app"] == "Tend"
    wait(driver, lambda d: "Sent" in d.find_element(By.ID, "welcome-test-result").text, message="the result")
    assert "dunst" in driver.find_element(By.ID, "welcome-test-result").text, "names the service that took it"
    app.screenshot("first-run-welcome")

    # Quick add one line: the welcome gives way to Today's sections.
    button(driver, "Try Quick add").click()
    line = field(driver, "Quick add")
    assert driver.switch_to.active_element == line
    line.send_keys("Jane Doe 555-0142 call Thu")
    preview = lambda d: d.execute_script(  # noqa: E731
        "return document.querySelector('[aria-label=\"Quick add preview\"]').innerText")
    wait(driver, lambda d: "Jane Doe" in preview(d), message="the preview")
    line.send_keys(Keys.ENTER)
    wait(driver, lambda d: welcome_text(d) is None, timeout=15, message="the welcome is gone")
    wait(driver, lambda d: any(h.text == "Upcoming" for h in d.find_elements(By.TAG_NAME, "h2")), message="sections back")


def test_without_a_notification_service_the_welcome_says_what_to_check(first_run):
    app, _bus = first_run(session_bus=False)
    driver = app.driver
    wait(driver, lambda d: welcome_text(d), message="the welcome is shown")
    button(driver, "Send a test notification").click()
    result = lambda d: d.find_element(By.ID, "welcome-test-result").text  # noqa: E731
    wait(driver, lambda d: "did not reach your desktop" in result(d), timeout=30, message="the failure is said")
    for check in ("notification service is running", "Do Not Disturb", "system settings"):
        assert check in result(driver)


def test_settings_about_shows_the_crates_version_and_its_notes(first_run):
    app, _bus = first_run()
    driver = app.driver
    open_section(driver, "Settings")
    about = lambda d: d.find_element(By.XPATH, "//section[@aria-labelledby='about-heading']").text  # noqa: E731
    wait(driver, lambda d: f"Tend {VERSION}" in about(d), message="the version")
    assert f"What’s new in {VERSION}" in about(driver)
    assert len(driver.find_elements(By.CSS_SELECTOR, ".release-notes li")) >= 2
    driver.execute_script("document.getElementById('about-heading').scrollIntoView()")
    app.screenshot("settings-about")


def test_a_development_build_never_writes_start_at_login(first_run, tmp_path):
    app, _bus = first_run()
    driver = app.driver
    open_section(driver, "Settings")
    box = field(driver, "Start Tend at login")
    box.click()
    error = lambda d: d.find_element(By.ID, "autostart-error").text  # noqa: E731
    wait(driver, lambda d: "development build" in error(d), message="refused, and why")
    assert not box.is_selected(), "the box shows what is true"
    assert not (pathlib.Path(tmp_path / "home") / ".config" / "autostart").exists(), "nothing was written"
