#!/usr/bin/env python3
"""Measures Tend's reminders on the real app and a real notification bus:

1. delay between each follow-up's due instant and the Notify call on the bus,
   over N reminders due a couple of seconds apart (p50 / max);
2. CPU time used by the idle app (its own process, and with its WebKit
   children) over M minutes with nothing due.

Run under a display and a session bus, as `make bench-reminders` does:
    dbus-run-session -- xvfb-run -a python3 scripts/bench-reminders.py [N] [MINUTES]
"""

import datetime
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.environ.get("TEND_APP", os.path.join(ROOT, "target", "release", "tend"))
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 20
IDLE_MINUTES = float(sys.argv[2]) if len(sys.argv) > 2 else 10
TICKS = os.sysconf("SC_CLK_TCK")


def iso(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def seed(data_dir, due_ats):
    env = {"TEND_DATA_DIR": data_dir, "PATH": "/usr/bin:/bin", "TZ": "UTC"}
    subprocess.run([APP, "add", "--no-cadence", "Jane Doe 555-0142"], env=env, check=True, capture_output=True)
    with sqlite3.connect(os.path.join(data_dir, "tend.sqlite3")) as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('digestTime', 'off')")
        now = iso(datetime.datetime.now(datetime.timezone.utc))
        for due in due_ats:
            db.execute(
                "INSERT INTO followups (contact_id, promise, channel, due_at, due_local, due_zone, created_at, updated_at)"
                " VALUES (1, 'bench', 'call', ?, ?, 'UTC', ?, ?)",
                (iso(due), iso(due)[:16], now, now),
            )


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def descendants(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout.split()
    found = [int(p) for p in out]
    for child in list(found):
        found += descendants(child)
    return found


def start_app(data_dir):
    env = dict(os.environ, TEND_DATA_DIR=data_dir, TZ="UTC")
    return subprocess.Popen([APP], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure_delays():
    data_dir = tempfile.mkdtemp(prefix="tend-bench-")
    first = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(seconds=15)
    dues = [first + datetime.timedelta(seconds=2 * i) for i in range(COUNT)]
    seed(data_dir, dues)
    daemon = subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    monitor = subprocess.Popen(
        ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications',member='Notify'"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    app = start_app(data_dir)
    time.sleep((dues[-1] - datetime.datetime.now(datetime.timezone.utc)).total_seconds() + 4)
    app.terminate()
    app.wait(timeout=10)
    monitor.terminate()
    out = monitor.communicate(timeout=10)[0]
    daemon.terminate()
    stamps = sorted(float(m) for m in re.findall(r"time=([0-9.]+)[^\n]*member=Notify", out))
    if len(stamps) != COUNT:
        print(f"expected {COUNT} notifications, saw {len(stamps)}")
    delays = [(stamp - due.timestamp()) * 1000 for stamp, due in zip(stamps, dues)]
    print(f"reminder delay over {len(delays)} reminders: p50 {statistics.median(delays):.0f} ms, "
          f"max {max(delays):.0f} ms, min {min(delays):.0f} ms")


def measure_idle():
    data_dir = tempfile.mkdtemp(prefix="tend-idle-")
    seed(data_dir, [])
    app = start_app(data_dir)
    time.sleep(15)  # let start-up settle before measuring
    family = [app.pid] + descendants(app.pid)
    own_before = cpu_seconds(app.pid)
    all_before = sum(cpu_seconds(p) for p in family)
    time.sleep(IDLE_MINUTES * 60)
    own = cpu_seconds(app.pid) - own_before
    total = sum(cpu_seconds(p) for p in family) - all_before
    app.terminate()
    app.wait(timeout=10)
    print(f"idle CPU over {IDLE_MINUTES:g} min: tend {own:.2f} s "
          f"({own / (IDLE_MINUTES * 60) * 100:.3f}% of a core); with its WebKit processes {total:.2f} s")


if __name__ == "__main__":
    measure_delays()
    if IDLE_MINUTES > 0:
        measure_idle()
