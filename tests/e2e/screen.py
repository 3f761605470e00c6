"""What the X server shows, read from the server itself: the pixels a person
sees. WebKit paints Tend in software (app/rendering.rs), and in that mode
WebKitWebDriver's screenshot can wait forever after a page has navigated, so
pictures and paint checks never go through WebDriver."""

import subprocess
import time

from Xlib import X, display


def find_window(title):
    """The viewable X window with exactly this title, or None."""
    screen = display.Display()
    try:
        def walk(window):
            try:
                if window.get_wm_name() == title and window.get_attributes().map_state == X.IsViewable:
                    return window.id
                children = window.query_tree().children
            except Exception:  # a window that went away while we looked
                return None
            for child in children:
                found = walk(child)
                if found is not None:
                    return found
            return None

        return walk(screen.screen().root)
    finally:
        screen.close()


def capture(title, path):
    """Writes the window titled `title` (else the whole screen) to `path` as a PNG."""
    window = find_window(title)
    target = hex(window) if window is not None else "root"
    subprocess.run(["import", "-window", target, str(path)], check=False, timeout=30, capture_output=True)


def pixel(title, x, y):
    """The (red, green, blue) the X server shows at (x, y) of the window titled `title`."""
    screen = display.Display()
    try:
        window_id = find_window(title)
        if window_id is None:
            raise AssertionError(f"no window titled {title!r} is shown")
        window = screen.create_resource_object("window", window_id)
        data = window.get_image(x, y, 1, 1, X.ZPixmap, 0xFFFFFFFF).data
        return data[2], data[1], data[0]  # BGRX
    finally:
        screen.close()


def wait_painted(title, timeout=20):
    """Until the window titled `title` shows more than two colours across its
    middle (something drawn, not a blank window)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = display.Display()
        try:
            window_id = find_window(title)
            if window_id is not None:
                window = screen.create_resource_object("window", window_id)
                geometry = window.get_geometry()
                row = window.get_image(0, geometry.height // 2, geometry.width, 1, X.ZPixmap, 0xFFFFFFFF).data
                if len({row[i:i + 3] for i in range(0, len(row), 4)}) > 2:
                    return
        except Exception:  # the window came or went while we looked
            pass
        finally:
            screen.close()
        time.sleep(0.05)
    raise AssertionError(f"no painted window titled {title!r} within {timeout} s")
