"""The desktop shell around the window: one instance only, and closing the
window hides Tend to the tray (a setting) so reminders keep firing, or, on a
desktop that shows no tray icons, minimises it and says so once."""

import os
import pathlib
import sqlite3
import subprocess
import time

from selenium.webdriver.common.by import By

from conftest import APP, SessionBus, app_processes, seed
from screen import wait_painted
from notifications import NotificationBus
from tray_host import FakeTrayHost
from ui import wait


def test_a_second_launch_hands_over_to_the_running_one_and_exits(tend):
    first = app_processes(tend.data_dir)
    assert len(first) == 1
    second = subprocess.run([APP], env=tend.env(), timeout=30, capture_output=True)
    assert second.returncode == 0
    assert app_processes(tend.data_dir) == first, "the first instance is still the only one"
    assert tend.driver.title == "Tend", "and its window still answers"



def close_like_a_window_manager(title="Tend", timeout=20):
    """Sends WM_DELETE_WINDOW to the window, as a title bar's close button does
    (there is no window manager under Xvfb). Returns the window."""
    from Xlib import X, display, protocol

    screen = display.Display()

    def find(window):
        if window.get_wm_name() == title:
            return window
        for child in window.query_tree().children:
            found = find(child)
            if found is not None:
                return found
        return None

    deadline = time.monotonic() + timeout
    window = None
    while window is None and time.monotonic() < deadline:
        window = find(screen.screen().root)
        time.sleep(0.2)
    assert window is not None, "the Tend window appeared"
    time.sleep(1)  # let the app finish setting up
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(event, event_mask=X.NoEventMask)
    screen.flush()
    return window


def run_app_alone(tmp_path, close_to_tray, bus=None, stderr=subprocess.DEVNULL):
    data = tmp_path / "data"
    bus = bus or SessionBus()
    env = dict(os.environ, TEND_DATA_DIR=str(data), DBUS_SESSION_BUS_ADDRESS=bus.address)
    subprocess.run([APP, "add", "--dry-run", "Nobody"], env=env, check=True, capture_output=True)
    if not close_to_tray:
        with sqlite3.connect(data / "tend.sqlite3") as db:
            db.execute("INSERT INTO settings (key, value) VALUES ('closeToTray', 'off')")
    app = subprocess.Popen([APP], env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    return app, bus


def window_gone(window):
    """Destroyed (or at least not shown)."""
    from Xlib import error

    try:
        return window.get_attributes().map_state == 0
    except error.BadWindow:
        return True


def webkit_processes(pid):
    """WebKit's web and network processes the app started: {pid: name}."""
    found = {}
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            name = (entry / "comm").read_text().strip()
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid and name.startswith("WebKit"):
            found[int(entry.name)] = name
    return found


def env_of(pid):
    """The environment a process was started with."""
    pairs = pathlib.Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(pair.decode().split("=", 1) for pair in pairs if b"=" in pair)


def resident_of(pid, library):
    """KiB of `library`'s mappings resident in the process (its smaps' Rss)."""
    total, inside = 0, False
    for line in pathlib.Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if "-" in fields[0] and not fields[0].endswith(":"):
            inside = len(fields) > 5 and library in fields[5]
        elif inside and fields[0] == "Rss:":
            total += int(fields[1])
    return total


def test_closing_the_window_hides_tend_so_reminders_keep_running(tmp_path):
    bus = SessionBus()
    host = FakeTrayHost(bus.address)
    app, bus = run_app_alone(tmp_path, close_to_tray=True, bus=bus)
    try:
        # Closed before its tray icon exists, Tend quits (nothing would bring it
        # back): on a loaded machine that can take seconds after the window shows.
        deadline = time.monotonic() + 20
        while not host.registered and time.monotonic() < deadline:
            time.sleep(0.1)
        assert host.registered, "Tend's tray icon announced itself"
        shown_webkit = resident_of(app.pid, "libwebkit2gtk")
        assert shown_webkit > 0, "WebKit's code runs in Tend while the window shows"
        window = close_like_a_window_manager()
        def web_process():
            # /proc's comm keeps 15 characters: "WebKitWebProces".
            return any(name.startswith("WebKitWebProc") for name in webkit_processes(app.pid).values())

        assert web_process(), "the page runs in WebKit's web process"
        deadline = time.monotonic() + 15
        while (web_process() or not window_gone(window)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert host.asked >= 1, "Tend asked whether a tray icon would be seen"
        assert app.poll() is None, "still running in the tray"
        assert window_gone(window), "the window is gone"
        # Hidden means light: the page's process ends with it; Tend ends the
        # network process WebKit would keep, and lets go of the pages of code the
        # window used (app/light.rs).
        assert not web_process(), "and the web process with it"
        deadline = time.monotonic() + 15
        while webkit_processes(app.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert webkit_processes(app.pid) == {}, "no WebKit process is left"
        # Library pages come back into a process only when touched: a loop that
        # sleeps touches almost none of WebKit's and GTK's.
        time.sleep(1)
        assert resident_of(app.pid, "libwebkit2gtk") < shown_webkit / 4, (
            f"WebKit's code let go: {resident_of(app.pid, 'libwebkit2gtk')} KiB resident, "
            f"{shown_webkit} KiB while shown")
        assert app.poll() is None, "and Tend runs on"
        # Opened again (a second launch, as the tray's Open does), WebKit starts
        # what was ended and the window paints.
        subprocess.run([APP], env=env_of(app.pid), timeout=30, capture_output=True, check=True)
        wait_painted("Tend")
        assert any(name.startswith("WebKitNetwork") for name in webkit_processes(app.pid).values()), "a new network process"
    finally:
        app.kill()
        app.wait()
        host.stop()
        bus.stop()


def test_on_a_desktop_without_tray_icons_closing_minimises_and_says_so_once(tmp_path):
    bus = SessionBus()
    notices = NotificationBus(bus.address)
    app, bus = run_app_alone(tmp_path, close_to_tray=True, bus=bus)
    try:
        window = close_like_a_window_manager()
        said = notices.wait_for(lambda n: n["summary"] == "Tend is still running")
        assert "no tray icons" in said[0]["body"]
        assert app.poll() is None, "still running"
        assert window.get_attributes().map_state != 0, "not hidden with no way back"
        close_like_a_window_manager()
        time.sleep(2)
        assert len([n for n in notices.notifications() if n["summary"] == "Tend is still running"]) == 1, "said once"
        assert app.poll() is None
    finally:
        app.kill()
        app.wait()
        notices.close()
        bus.stop()


def test_the_window_built_again_from_the_tray_shows_the_same_today(book):
    """Closed to the tray, the window and its webview are gone; opening Tend again
    (a second launch hands over, as the tray's Open does) builds it anew, on the
    same Today."""
    seed(book.data_dir, "Jane Doe 555-0142 call tomorrow")
    app = book
    host = FakeTrayHost(app.bus.address)  # a tray icon would be seen: closing hides
    try:
        driver = app.start()
        wait(driver, lambda d: "Jane Doe" in d.find_element(By.ID, "main").text, timeout=15, message="Jane on Today")
        before = driver.find_element(By.ID, "main").text
        first = driver.current_window_handle

        window = close_like_a_window_manager()
        deadline = time.monotonic() + 15
        while not window_gone(window) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert window_gone(window), "closed to the tray: the window is gone"
        assert app_processes(app.data_dir), "Tend itself still runs"

        asked = time.monotonic()
        subprocess.run([APP], env=app.env(), timeout=30, capture_output=True, check=True)
        wait(driver, lambda d: [h for h in d.window_handles if h != first], timeout=15, message="a new window")
        again = [h for h in driver.window_handles if h != first][0]
        driver.switch_to.window(again)
        wait(driver, lambda d: "Jane Doe" in d.find_element(By.ID, "main").text, timeout=15, message="Today again")
        reopened = time.monotonic() - asked
        assert driver.find_element(By.ID, "main").text == before, "the same Today"
        app.screenshot("reopened-from-the-tray")
        print(f"reopened from the tray to a painted Today in {reopened:.2f} s (with a second launch and WebDriver)")
    finally:
        host.stop()


def test_with_close_to_tray_off_closing_the_window_quits(tmp_path):
    app, bus = run_app_alone(tmp_path, close_to_tray=False)
    try:
        close_like_a_window_manager()
        assert app.wait(timeout=15) == 0, "quit cleanly"
    finally:
        if app.poll() is None:
            app.kill()
        bus.stop()
