#!/usr/bin/env python3
"""Tend against an empty Tauri 2 app (bench/floor), side by side, interleaved.

Run under a display and a session bus (`make bench-floor` does):
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
        python3 scripts/bench-floor.py --tend BIN --floor BIN [--book FILE]

Each round starts each app once (the order alternating), on a fresh data
folder and its own session bus, and measures:
- first paint: from exec to a window that shows more than one colour;
- context switches while idle, window shown, then hidden to the tray (every
  thread of the app and of its WebKit processes, over --window seconds);
- memory: PSS of the app and its WebKit processes, shown and hidden;
- reopen from hidden: from the single-instance call (what a second launch,
  the tray or a notification does) to a painted window.
With --book, Tend's first paint is also measured on a copy of that file.
Figures, not pass/fail: medians, and Tend / floor.
"""

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from Xlib import X, display, protocol

# A tray host on each bus, as on a desktop that shows tray icons: without one,
# Tend minimises on close instead of hiding to a tray she cannot see.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "e2e"))
from tray_host import FakeTrayHost  # noqa: E402

TITLES = {"tend": "Tend", "before": "Tend", "floor": "Floor"}
BUS_NAMES = {"tend": "app.tend.desktop", "before": "app.tend.desktop", "floor": "app.tend.floor"}


class Bus:
    def __init__(self):
        self.process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        self.address = self.process.stdout.readline().strip()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def find_window(screen, title):
    def walk(window):
        try:
            if window.get_wm_name() == title:
                return window
            children = window.query_tree().children
        except Exception:
            return None
        for child in children:
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(screen.screen().root)


# Tend's Today heading and first section are drawn right of its 188 px sidebar.
TODAY_AREA_X = 200


def painted(window, left=0):
    """More than two colours in a few strips across the window (from `left`):
    something drawn there."""
    try:
        geometry = window.get_geometry()
        if window.get_attributes().map_state != X.IsViewable:
            return False
        colours = set()
        for y in (8, 40, 120, geometry.height // 2):
            if y >= geometry.height:
                continue
            strip = window.get_image(left, y, geometry.width - left, 2, X.ZPixmap, 0xFFFFFFFF).data
            colours.update(strip[i:i + 4] for i in range(0, len(strip), 16))
            if len(colours) > 2:
                return True
        return False
    except Exception:
        return False


def wait_painted(screen, title, since, timeout=60, left=0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        window = find_window(screen, title)
        if window is not None and painted(window, left):
            return time.monotonic() - since, window
        time.sleep(0.01)
    raise RuntimeError(f"{title}: no painted window within {timeout} s")


def family(pid):
    """The app and every process it started (WebKit's web and network processes)."""
    parents = {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found.add(child)
                frontier.append(child)
    return found


def switches(pids):
    """Context switches so far, per thread of each process."""
    counts = {}
    for pid in pids:
        for task in pathlib.Path(f"/proc/{pid}/task").glob("*"):
            try:
                total = 0
                for line in (task / "status").read_text().splitlines():
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
                counts[(pid, task.name)] = total
            except OSError:
                pass
    return counts


def idle_switches(pid, seconds):
    """Switches during the window; a thread that started meanwhile counts from 0,
    one that ended counts until its last look."""
    before = switches(family(pid))
    time.sleep(seconds)
    after = switches(family(pid))
    return sum(count - before.get(task, 0) for task, count in after.items())


def pss_mib(pid):
    total = 0
    for member in family(pid):
        try:
            for line in pathlib.Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def close_window(screen, window):
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(
        window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(event, event_mask=X.NoEventMask)
    screen.flush()


def wait_hidden(screen, title, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        window = find_window(screen, title)
        try:
            if window is None or window.get_attributes().map_state != X.IsViewable:
                return
        except Exception:
            return
        time.sleep(0.05)
    raise RuntimeError(f"{title}: the window did not hide")


def reopen(bus, app):
    name = BUS_NAMES[app]
    path = "/" + name.replace(".", "/") + "/SingleInstance"
    subprocess.run(
        ["gdbus", "call", "--address", bus.address, "--dest", f"{name}.SingleInstance",
         "--object-path", path, "--method", "org.SingleInstance.DBus.ExecuteCallback",
         "['again']", "/"],
        check=True, capture_output=True, timeout=20,
    )


def save_shot(window, path):
    geometry = window.get_geometry()
    raw = window.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
    # BGRX rows, as a binary PPM: any image viewer (or `convert`) reads it.
    pixels = bytearray()
    data = raw.data
    for i in range(0, len(data), 4):
        pixels += bytes((data[i + 2], data[i + 1], data[i]))
    path.write_bytes(b"P6 %d %d 255\n" % (geometry.width, geometry.height) + bytes(pixels))


def one_run(app, binary, screen, window_seconds, settle, book=None, full=True, shots=None):
    data = pathlib.Path(tempfile.mkdtemp(prefix=f"bench-floor-{app}-"))
    if book:
        shutil.copy(book, data / "tend.sqlite3")
    bus = Bus()
    tray = FakeTrayHost(bus.address)
    env = dict(os.environ, TEND_DATA_DIR=str(data), DBUS_SESSION_BUS_ADDRESS=bus.address)
    figures = {}
    started = time.monotonic()
    process = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        figures["first paint (s)"], window = wait_painted(screen, TITLES[app], started)
        if shots:
            save_shot(window, pathlib.Path(shots) / f"{app}-first-paint.ppm")
        if app != "floor":
            # Its data arrives after the page: Today drawn beside the sidebar.
            figures["Today shown (s)"], window = wait_painted(screen, TITLES[app], started, left=TODAY_AREA_X)
            if shots:
                save_shot(window, pathlib.Path(shots) / f"{app}-today-shown{'-book' if book else ''}.ppm")
        if not full:
            return figures
        time.sleep(settle)
        figures["idle switches, shown"] = idle_switches(process.pid, window_seconds)
        figures["PSS shown (MiB)"] = pss_mib(process.pid)
        close_window(screen, window)
        wait_hidden(screen, TITLES[app])
        time.sleep(settle)
        figures["idle switches, hidden"] = idle_switches(process.pid, window_seconds)
        figures["PSS hidden (MiB)"] = pss_mib(process.pid)
        asked = time.monotonic()
        reopen(bus, app)
        figures["reopen from hidden (s)"], window = wait_painted(
            screen, TITLES[app], asked, left=0 if app == "floor" else TODAY_AREA_X)
        if shots:
            save_shot(window, pathlib.Path(shots) / f"{app}-reopened.ppm")
        return figures
    finally:
        process.kill()
        process.wait()
        tray.stop()
        bus.stop()
        shutil.rmtree(data, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tend", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--book", help="a large data file: Tend's first paint on it too")
    parser.add_argument("--before", help="an earlier Tend, measured alongside (a third column)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--window", type=float, default=120, help="idle window in seconds")
    parser.add_argument("--settle", type=float, default=30, help="seconds after a change before counting (start-up threads end)")
    parser.add_argument("--shots", help="a folder: the window as first detected painted, per app")
    args = parser.parse_args()
    screen = display.Display()
    results = {"tend": {}, "floor": {}, "before": {}, "book": {}}
    binaries = {"tend": args.tend, "floor": args.floor, "before": args.before}
    apps = ["tend", "floor"] + (["before"] if args.before else [])
    for round_ in range(args.rounds):
        order = apps[round_ % len(apps):] + apps[:round_ % len(apps)]
        for app in order:
            figures = one_run(app, binaries[app], screen, args.window, args.settle, shots=args.shots)
            for name, value in figures.items():
                results[app].setdefault(name, []).append(value)
            print(f"round {round_ + 1} {app}: " + ", ".join(f"{k} {v:.3g}" for k, v in figures.items()), flush=True)
        if args.book:
            figures = one_run("tend", args.tend, screen, args.window, args.settle, book=args.book,
                              full=False, shots=args.shots)
            for name, value in figures.items():
                results["book"].setdefault(name, []).append(value)
            print(f"round {round_ + 1} tend on the book: " + ", ".join(f"{k} {v:.3g}" for k, v in figures.items()), flush=True)

    print()
    print(f"{args.rounds} rounds, idle windows of {args.window:g} s, medians")
    before_head = " | Tend before | before / empty" if args.before else ""
    print(f"| figure | Tend | empty Tauri app | Tend / empty{before_head} |")
    print("|---|---|---|---|" + ("---|---|" if args.before else ""))

    def cell(app, name):
        values = results[app].get(name)
        return statistics.median(values) if values else None

    def ratio(a, b):
        return f"{a / b:.2f}×" if a is not None and b else "—"

    def shown(value):
        return "—" if value is None else f"{value:.3g}"

    for name in results["tend"]:
        tend, floor, before = cell("tend", name), cell("floor", name), cell("before", name)
        row = f"| {name} | {shown(tend)} | {shown(floor)} | {ratio(tend, floor)}"
        if args.before:
            row += f" | {shown(before)} | {ratio(before, floor)}"
        print(row + " |")
    floor = statistics.median(results["floor"]["first paint (s)"])
    for name, values in results["book"].items():
        tend = statistics.median(values)
        ratio = f"{tend / floor:.2f}×" if name == "first paint (s)" else "—"
        print(f"| {name} on {pathlib.Path(args.book).name} | {tend:.3g} | {floor if ratio != '—' else '—'} | {ratio} |")


if __name__ == "__main__":
    sys.exit(main())
