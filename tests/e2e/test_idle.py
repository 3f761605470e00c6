"""Idle means asleep: with nothing to do, no thread of Tend wakes on a timer of
its own — neither with the window shown nor hidden to the tray. Counted from the
kernel's voluntary context switches per thread, over a quiet window, on the app
started alone (no WebDriver attached, which would keep it busy)."""

import os
import pathlib
import subprocess
import time

from conftest import APP, SessionBus
from test_shell import close_like_a_window_manager, run_app_alone

QUIET_SECONDS = 10
# A thread polling every 50 ms wakes 200 times in 10 s, one every 500 ms 20
# times; a waiting one only when something happens (a few, on a loaded machine).
MOST_WAKES_PER_THREAD = 8


def window_shown(title, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"], capture_output=True, text=True
        )
        if found.stdout.strip():
            return True
        time.sleep(0.2)
    return False


def wakes_per_thread(pid):
    counts = {}
    for task in pathlib.Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            status = (task / "status").read_text()
        except OSError:
            continue  # the thread ended
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                counts[(task.name, name)] = int(line.split()[1])
    return counts


def quiet_wakes(pid, seconds=QUIET_SECONDS):
    before = wakes_per_thread(pid)
    time.sleep(seconds)
    after = wakes_per_thread(pid)
    return {key: after[key] - before.get(key, 0) for key in after}


def busiest(wakes):
    return max(wakes.items(), key=lambda item: item[1])


def quietest_window(pid, windows=3):
    """The busiest thread of the quietest of up to `windows` quiet windows: work
    left over from start-up (slow on a loaded machine) ends, a timer of its own
    wakes a thread in every window."""
    best = None
    for _ in range(windows):
        found = busiest(quiet_wakes(pid))
        if best is None or found[1] < best[1]:
            best = found
        if best[1] <= MOST_WAKES_PER_THREAD:
            break
    return best


def test_no_thread_wakes_on_its_own_shown_or_hidden(tmp_path):
    app, bus = run_app_alone(tmp_path, close_to_tray=True)
    try:
        # Up, painted, the first reminder look done, start-up's stragglers over.
        assert window_shown("Tend"), "the window appeared"
        time.sleep(10)
        (thread, name), most = quietest_window(app.pid)
        assert most <= MOST_WAKES_PER_THREAD, f"shown: thread {name} ({thread}) woke {most} times in {QUIET_SECONDS} s"

        close_like_a_window_manager()
        time.sleep(5)
        assert app.poll() is None, "still running in the tray"
        (thread, name), most = quietest_window(app.pid)
        assert most <= MOST_WAKES_PER_THREAD, f"hidden: thread {name} ({thread}) woke {most} times in {QUIET_SECONDS} s"
    finally:
        app.kill()
        app.wait()
        bus.stop()


def reminder_loop_wakes(pid):
    return sum(count for (_, name), count in wakes_per_thread(pid).items() if name == "tend-reminders")


def test_logind_saying_the_machine_woke_makes_the_reminder_loop_look_at_once(tmp_path):
    """A stand-in system bus: logind's PrepareForSleep(false) on it wakes the
    loop (and nothing wakes it before)."""
    system_bus = SessionBus()
    data = tmp_path / "data"
    bus = SessionBus()
    env = dict(
        os.environ,
        TEND_DATA_DIR=str(data),
        DBUS_SESSION_BUS_ADDRESS=bus.address,
        DBUS_SYSTEM_BUS_ADDRESS=system_bus.address,
    )
    app = subprocess.Popen([APP], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert window_shown("Tend"), "the window appeared"
        time.sleep(8)
        before = reminder_loop_wakes(app.pid)
        time.sleep(3)
        assert reminder_loop_wakes(app.pid) == before, "asleep: nothing due, nothing changed"
        subprocess.run(
            ["dbus-send", f"--bus={system_bus.address}", "--type=signal", "/org/freedesktop/login1",
             "org.freedesktop.login1.Manager.PrepareForSleep", "boolean:false"],
            check=True, timeout=10,
        )
        deadline = time.monotonic() + 10
        while reminder_loop_wakes(app.pid) == before and time.monotonic() < deadline:
            time.sleep(0.1)
        assert reminder_loop_wakes(app.pid) > before, "the loop looked again on resume"
    finally:
        app.kill()
        app.wait()
        bus.stop()
        system_bus.stop()
