//! Why the reminder loop wakes. Each one is a reason to look again; which one it
//! was does not matter to the loop, only how late the look is.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Follow-ups or settings changed: look again now.
    Changed,
    /// The alarm rang: the instant it was set for has come.
    Due,
    /// The wall clock was set (by hand or NTP), or the time zone changed.
    ClockChanged,
    /// The machine woke from sleep.
    Resumed,
    Stop,
}
