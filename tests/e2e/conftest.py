"""End-to-end harness: the real `tend` binary in WebKitGTK, driven through
tauri-driver (WebDriver). Each test gets its own data folder and its own
tauri-driver, started with TEND_DATA_DIR (and TEND_NOW when asked) in its
environment, so tests never see each other's data.

Run under a display and a session bus, as `make e2e` does:
    dbus-run-session -- xvfb-run -a pytest tests/e2e
"""

import os
import pathlib
import socket
import sqlite3
import subprocess
import time
from contextlib import closing

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait

import screen

ROOT = pathlib.Path(__file__).resolve().parents[2]
APP = os.environ.get("TEND_APP", str(ROOT / "target" / "debug" / "tend"))
TAURI_DRIVER = os.environ.get("TAURI_DRIVER", str(ROOT / ".tools" / "bin" / "tauri-driver"))
SHOTS = ROOT / "target" / "e2e-shots"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"tauri-driver did not listen on {port}")


def app_processes(data_dir):
    """PIDs of running app processes that use this data folder."""
    marker = f"TEND_DATA_DIR={data_dir}".encode()
    pids = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "stat").read_text().split(") ", 1)[1].startswith("Z"):
                continue  # exited, only waiting to be reaped
            if (entry / "exe").resolve() != pathlib.Path(APP).resolve():
                continue
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


class SessionBus:
    """A private D-Bus session bus, so single-instance and notifications of one
    test never meet another's."""

    def __init__(self):
        self.process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.address = self.process.stdout.readline().strip()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class TendApp:
    """One data folder; the app can be started, quit and started again on it."""

    # What the window shows once it is up: the app, with a section open.
    READY = "nav[aria-label='Sections'] button[aria-current='page']"

    def __init__(self, data_dir, now=None, extra_env=None, bus=True, ready=READY):
        self.data_dir = data_dir
        self.ready = ready
        self.now = now
        self.extra_env = extra_env or {}
        self.bus = SessionBus() if bus else None
        self.driver_process = None
        self.driver = None

    def env(self):
        env = dict(os.environ, TEND_DATA_DIR=str(self.data_dir), **self.extra_env)
        if self.bus:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus.address
        else:
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        return env

    def start(self, attempts=3):
        # A WebKit process that failed to come up (rare, on a loaded 2-core
        # machine) gets another try; a real failure fails every time.
        for attempt in range(attempts):
            try:
                return self._start()
            except Exception:
                self.quit()
                if attempt == attempts - 1:
                    raise
                time.sleep(1)

    def _start(self):
        env = self.env()
        if self.now:
            env["TEND_NOW"] = self.now
        port = free_port()
        self.driver_process = subprocess.Popen(
            [TAURI_DRIVER, "--port", str(port), "--native-port", str(free_port())],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(port)
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": APP})
        self.driver = webdriver.Remote(f"http://127.0.0.1:{port}", options=options)
        # Ready when the sidebar is there and a view is mounted (or what `ready` names).
        WebDriverWait(self.driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, self.ready))
        return self.driver

    def quit(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None
        if self.driver_process is not None:
            self.driver_process.terminate()
            try:
                self.driver_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.driver_process.kill()
            self.driver_process = None
        # Closing the window only hides Tend to the tray: make sure it is gone.
        deadline = time.monotonic() + 5
        while app_processes(self.data_dir) and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid in app_processes(self.data_dir):
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        deadline = time.monotonic() + 5
        while app_processes(self.data_dir) and time.monotonic() < deadline:
            time.sleep(0.05)
        # The single-instance name on the bus is released when the process is gone.
        time.sleep(0.3)

    def close(self):
        self.quit()
        if self.bus:
            self.bus.stop()
            self.bus = None

    def restart(self):
        self.quit()
        return self.start()

    def screenshot(self, name):
        """The window in front, as the X server shows it (screen.py says why not WebDriver's)."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        screen.capture(self.driver.title, SHOTS / f"{name}.png")


def tend_cli(data_dir, *args):
    """The real binary on this data folder, as a person at a terminal runs it."""
    return subprocess.run(
        [APP, *args],
        env={"TEND_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin", "TZ": "UTC"},
        check=True,
        capture_output=True,
        text=True,
    )


def seed(data_dir, *lines):
    for line in lines:
        tend_cli(data_dir, "add", "--no-cadence", line)
    with closing(sqlite3.connect(data_dir / "tend.sqlite3")) as db, db:
        # The morning digest's notification would pop up over the chooser at some hours.
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('digestTime', 'off')")


def query(data_dir, sql, *args):
    # Closed at once: `with sqlite3.connect()` alone only commits, and a connection
    # left open keeps the data file's -wal log, so the app refuses to restore over it.
    with closing(sqlite3.connect(data_dir / "tend.sqlite3")) as db:
        return db.execute(sql, args).fetchall()


@pytest.fixture
def book(tmp_path):
    """A data folder of its own, not started yet: the test seeds it first. GTK's
    file chooser notes every file picked in XDG_DATA_HOME/recently-used.xbel:
    kept in tmp_path, not in the home folder."""
    app = TendApp(tmp_path / "data", extra_env={"TZ": "UTC", "XDG_DATA_HOME": str(tmp_path / "xdg-data")})
    yield app
    app.close()


@pytest.fixture
def tend_at(tmp_path):
    """Starts the app with its clock at a fixed instant, in UTC."""
    apps = []

    def start(now, **extra_env):
        app = TendApp(tmp_path / "data", now=now, extra_env={"TZ": "UTC", **extra_env})
        app.start()
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()


@pytest.fixture
def tend(tmp_path):
    app = TendApp(tmp_path / "data")
    app.start()
    yield app
    app.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, keep a screenshot of the window for a person to look at."""
    outcome = yield
    report = outcome.get_result()
    funcargs = getattr(item, "funcargs", {})
    app = funcargs.get("tend")
    if app is None:  # or a fixture that hands over a TendApp of its own (started later)
        app = next((value for value in funcargs.values() if isinstance(value, TendApp)), None)
    if report.when == "call" and report.failed and app is not None and app.driver is not None:
        try:
            app.screenshot(f"FAILED-{item.name}")
        except Exception:  # the window may be gone; the failure itself is what matters
            pass
