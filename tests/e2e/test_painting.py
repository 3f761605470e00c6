"""WebKit paints Tend in software (app/rendering.rs), with no GL compositor in
the page's process. What the X server shows must follow the page: after a change,
after the page reloads (as the start-up page's restore does) and in a window
built again from the tray. The window is built hidden and shown by its page once
its modules have run (app/windows.rs)."""

import pathlib
import subprocess
import time

from conftest import APP, SessionBus, TendApp, app_processes
from screen import find_window, pixel, wait_painted
from test_shell import close_like_a_window_manager, env_of, run_app_alone, webkit_processes, window_gone
from tray_host import FakeTrayHost
from ui import wait

# A mark drawn over the sidebar's top-left corner, where nothing else changes.
MARK_AT = (12, 12)


def mark(driver, rgb):
    driver.execute_script(
        """
        let mark = document.getElementById('paint-mark');
        if (!mark) {
          mark = document.createElement('div');
          mark.id = 'paint-mark';
          Object.assign(mark.style, { position: 'fixed', left: '0', top: '0', width: '32px',
                                      height: '32px', zIndex: '2147483647' });
          document.body.append(mark);
        }
        mark.style.background = arguments[0];
        """,
        "rgb({}, {}, {})".format(*rgb),
    )


def shown_at_mark(title="Tend"):
    return pixel(title, *MARK_AT)


def wait_shown(rgb, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if shown_at_mark() == rgb:
            return
        time.sleep(0.05)
    raise AssertionError(f"the screen shows {shown_at_mark()} where the page has {rgb}")


def web_processes(pid):
    # /proc's comm keeps 15 characters: "WebKitWebProces".
    return [child for child, name in webkit_processes(pid).items() if name.startswith("WebKitWebProc")]


def composites_with_gl(pid):
    """Whether the process runs WebKit's GL compositor: its threaded compositor and,
    without a GPU, Mesa's llvmpipe threads (/proc's comm keeps 15 characters)."""
    names = []
    for task in pathlib.Path(f"/proc/{pid}/task").iterdir():
        try:
            names.append((task / "comm").read_text().strip())
        except OSError:
            continue
    return any(name.endswith("Compositor") or name.startswith("llvmpipe") for name in names)


RED, BLUE, GREEN = (200, 30, 40), (20, 60, 210), (30, 160, 70)


def test_the_screen_follows_the_page_after_a_change_and_after_a_reload(tend):
    driver = tend.driver
    mark(driver, RED)
    wait_shown(RED)
    mark(driver, BLUE)
    wait_shown(BLUE)

    driver.refresh()
    wait(driver, lambda d: d.find_elements("css selector", TendApp.READY), timeout=20, message="the app again")
    deadline = time.monotonic() + 10
    while shown_at_mark() == BLUE and time.monotonic() < deadline:
        time.sleep(0.05)
    assert shown_at_mark() != BLUE, "the reloaded page, without the mark, is what shows"
    mark(driver, GREEN)
    wait_shown(GREEN)


def test_the_page_is_painted_in_software_unless_she_asks_for_compositing(tmp_path):
    for asked, expect_gl in ((None, False), ("0", True)):
        extra = {} if asked is None else {"WEBKIT_DISABLE_COMPOSITING_MODE": asked}
        app = TendApp(tmp_path / f"data-{asked}", extra_env=extra)
        try:
            app.start()
            mark(app.driver, RED)
            wait_shown(RED)
            (tend_pid,) = app_processes(app.data_dir)
            pages = web_processes(tend_pid)
            assert pages, "the page runs in WebKit's web process"
            assert [composites_with_gl(page) for page in pages] == [expect_gl] * len(pages), (
                f"with WEBKIT_DISABLE_COMPOSITING_MODE={asked}: composited with GL is {expect_gl}")
        finally:
            app.close()


def test_a_window_built_again_from_the_tray_follows_its_page(book):
    app = book
    host = FakeTrayHost(app.bus.address)
    try:
        driver = app.start()
        deadline = time.monotonic() + 20
        while not host.registered and time.monotonic() < deadline:
            time.sleep(0.1)
        assert host.registered, "Tend's tray icon announced itself"
        first = driver.current_window_handle
        window = close_like_a_window_manager()  # to the tray: the webview is gone
        deadline = time.monotonic() + 15
        while not window_gone(window) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert window_gone(window), "closed to the tray"
        time.sleep(3)  # and Tend has let go of what the window left (app/light.rs)
        subprocess.run([APP], env=app.env(), timeout=30, capture_output=True, check=True)
        wait(driver, lambda d: [h for h in d.window_handles if h != first], timeout=15, message="a new window")
        driver.switch_to.window([h for h in driver.window_handles if h != first][0])
        wait(driver, lambda d: d.find_elements("css selector", TendApp.READY), timeout=20, message="the app again")
        mark(driver, BLUE)
        wait_shown(BLUE)
        mark(driver, GREEN)
        wait_shown(GREEN)
    finally:
        host.stop()


# app/windows.rs: a page that never says it is ready gets its window this late.
SHOW_ANYWAY_AFTER = 5


def test_the_window_is_shown_by_its_page_once_ready_not_by_the_fallback(tmp_path):
    bus = SessionBus()
    host = FakeTrayHost(bus.address)
    errors = tmp_path / "stderr.txt"
    started = time.monotonic()
    with open(errors, "w") as stderr:
        app, bus = run_app_alone(tmp_path, close_to_tray=True, bus=bus, stderr=stderr)
    try:
        wait_painted("Tend")
        deadline = time.monotonic() + 20
        while not host.registered and time.monotonic() < deadline:
            time.sleep(0.1)
        assert host.registered, "Tend's tray icon announced itself"
        # Past the first window's fallback, so only the second window's can speak.
        time.sleep(max(0.0, started + SHOW_ANYWAY_AFTER + 0.5 - time.monotonic()))
        window = close_like_a_window_manager()
        deadline = time.monotonic() + 15
        while not window_gone(window) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert window_gone(window), "closed to the tray"
        subprocess.run([APP], env=env_of(app.pid), timeout=30, capture_output=True, check=True)
        wait_painted("Tend")  # built again, hidden until its page is ready
        time.sleep(SHOW_ANYWAY_AFTER + 1)
        assert find_window("Tend") is not None, "still shown"
        said = errors.read_text()
        assert "was not ready" not in said, f"each window was shown by its page, not the timer: {said}"
        assert app.poll() is None
    finally:
        app.kill()
        app.wait()
        host.stop()
        bus.stop()
