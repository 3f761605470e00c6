"""A stand-in for the StatusNotifier watcher that KDE, XFCE or GNOME's
AppIndicator extension run, with a host registered: while it is on the bus, a
tray icon would be seen. Xvfb alone has none (like plain GNOME)."""

import threading

from jeepney import MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.low_level import HeaderFields

WATCHER = "org.kde.StatusNotifierWatcher"


class FakeTrayHost:
    def __init__(self, bus_address):
        self.connection = open_dbus_connection(bus=bus_address)
        self.connection.send_and_get_reply(message_bus.RequestName(WATCHER))
        self.asked = 0
        self.registered = 0  # tray icons that announced themselves
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                message = self.connection.receive()
            except Exception:  # closed: the test is over
                return
            header = message.header
            if header.message_type != MessageType.method_call:
                continue
            member = header.fields.get(HeaderFields.member)
            if member == "Get" and message.body[1] == "IsStatusNotifierHostRegistered":
                self.asked += 1
                self.connection.send(new_method_return(message, "v", (("b", True),)))
            elif member == "RegisterStatusNotifierItem":
                self.registered += 1
                self.connection.send(new_method_return(message))
            else:
                self.connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))

    def stop(self):
        self.connection.close()
