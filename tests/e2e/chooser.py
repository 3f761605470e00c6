"""The real GTK file chooser (tauri-plugin-dialog opens it from Rust), driven
from the keyboard as a person would: it is its own X window, titled as the
command set it ("Import contacts", "Export", ...). There is no window manager
under Xvfb, so the keyboard focus is given to it with XSetInputFocus
(`xdotool windowfocus`) before typing.

In an Open chooser Ctrl+L opens the location field; in a Save chooser it puts
the cursor in the name field (its suggested name selected). Either way: select
all, type the full path, Enter."""

import re
import subprocess
import time


def xdotool(*args, timeout=30):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=timeout)


def chooser_windows(title):
    """The visible X windows with exactly this title (the main window is "Tend";
    the WebView's own sheets are not X windows)."""
    found = xdotool("search", "--onlyvisible", "--name", f"^{re.escape(title)}$")
    return found.stdout.split()


def wait_for_chooser(title, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        windows = chooser_windows(title)
        if windows:
            return windows[0]
        time.sleep(0.2)
    raise AssertionError(f"no file chooser titled {title!r} appeared")


def wait_until_gone(title, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not chooser_windows(title):
            return True
        time.sleep(0.2)
    return False


def screenshot_screen(path):
    """The whole X screen (the chooser is not in the WebView, so WebDriver cannot see it)."""
    subprocess.run(["import", "-window", "root", str(path)], check=False, timeout=30)


def choose_path(title, path, shot=None, attempts=3):
    """Waits for the chooser titled `title`, types `path` into it and presses
    Enter; returns once the chooser has closed. A chooser that was not ready for
    the keys yet (it stays open) is typed into again."""
    window = wait_for_chooser(title)
    time.sleep(0.5)  # mapped is not yet drawn and listening
    for attempt in range(attempts):
        xdotool("windowfocus", "--sync", window)
        xdotool("key", "--clearmodifiers", "ctrl+l")
        time.sleep(0.3)
        xdotool("key", "--clearmodifiers", "ctrl+a")
        xdotool("type", "--clearmodifiers", "--delay", "30", str(path))
        time.sleep(0.3)
        if shot and attempt == 0:
            screenshot_screen(shot)
        xdotool("key", "--clearmodifiers", "Return")
        if wait_until_gone(title, timeout=10):
            return
        still_open = chooser_windows(title)
        if not still_open:
            return
        window = still_open[0]
    raise AssertionError(f"the {title!r} chooser did not take {path}")


def cancel_chooser(title):
    window = wait_for_chooser(title)
    time.sleep(0.5)
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "Escape")
    assert wait_until_gone(title, timeout=10), f"the {title!r} chooser stayed open"
