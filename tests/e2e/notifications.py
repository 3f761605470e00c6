"""Watching a real session bus: a real notification daemon (dunst) shows what
Tend sends, and dbus-monitor records every Notify call with its timestamp."""

import os
import re
import subprocess
import time


class NotificationBus:
    def __init__(self, bus_address, daemon=True):
        self.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=bus_address)
        self.daemon = (
            subprocess.Popen(["dunst"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if daemon
            else None
        )
        self.monitor = subprocess.Popen(
            ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications'", "type='method_return'"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
        )
        os.set_blocking(self.monitor.stdout.fileno(), False)
        self.buffer = ""
        time.sleep(0.5)  # let the daemon claim its name and the monitor subscribe

    def _read(self):
        try:
            chunk = self.monitor.stdout.read()
        except (BlockingIOError, TypeError):
            chunk = None
        if chunk:
            self.buffer += chunk

    def notifications(self):
        """Every Notify call so far: (time, summary, body, actions, serial)."""
        self._read()
        found = []
        for block in re.split(r"\n(?=method call|method return|signal|error)", self.buffer):
            if "member=Notify" not in block:
                continue
            stamp = float(re.search(r"time=([0-9.]+)", block).group(1))
            serial = int(re.search(r"serial=(\d+)", block).group(1))
            sender = re.search(r"sender=(\S+)", block).group(1)
            strings = re.findall(r'^\s+string "(.*)"$', block, flags=re.M)
            # app_name, app_icon, summary, body, then the actions as key/label pairs
            found.append(
                {"time": stamp, "app": strings[0], "summary": strings[2], "body": strings[3], "actions": strings[4:], "serial": serial, "sender": sender}
            )
        return found

    def notification_id(self, notice):
        """The id the daemon gave a Notify call: its method return to that caller."""
        self._read()
        match = re.search(
            rf"method return time=[0-9.]+ sender=\S+ -> destination={re.escape(notice['sender'])} "
            rf"serial=\d+ reply_serial={notice['serial']}\n\s+uint32 (\d+)",
            self.buffer,
        )
        return int(match.group(1)) if match else None

    def wait_for(self, predicate, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            matching = [n for n in self.notifications() if predicate(n)]
            if matching:
                return matching
            time.sleep(0.05)
        raise AssertionError(f"no matching notification; saw {self.notifications()}")

    def invoke_action(self, notification_id, action):
        """What the daemon does when the person clicks an action button."""
        subprocess.run(
            [
                "dbus-send", "--session", "--type=signal", "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications.ActionInvoked", f"uint32:{notification_id}", f"string:{action}",
            ],
            env=self.env,
            check=True,
        )

    def close(self):
        for process in (self.monitor, self.daemon):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
