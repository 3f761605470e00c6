//! The loop's alarm: set for the next reminder, it sends `Wake::Due` into the
//! loop's channel when that instant comes — and nothing before. On Linux it is
//! a timerfd on the wall clock with an absolute deadline: a deadline that passes
//! while the machine sleeps fires on resume, and a wall clock set by hand or by
//! NTP cancels it (`TFD_TIMER_CANCEL_ON_SET`), which the loop hears as
//! `Wake::ClockChanged`. Elsewhere a thread re-reads the wall clock at most a
//! minute apart while something is set (docs/decisions/0004).

use super::wake::Wake;
use std::sync::mpsc::Sender;
use std::time::Duration;

pub trait Alarm: Send + Sync {
    /// Rings `after` from now (replacing what was set); `None` disarms it.
    fn set(&self, after: Option<Duration>);
}

/// The OS's alarm, ringing into `wake`.
pub fn system(wake: Sender<Wake>) -> std::io::Result<Box<dyn Alarm>> {
    #[cfg(target_os = "linux")]
    {
        Ok(Box::new(timerfd::WallClockAlarm::new(wake)?))
    }
    #[cfg(not(target_os = "linux"))]
    {
        Ok(Box::new(fallback::RecheckingAlarm::new(wake)?))
    }
}

#[cfg(target_os = "linux")]
mod timerfd {
    use super::{Alarm, Wake};
    use rustix::io::Errno;
    use rustix::time::{
        clock_gettime, timerfd_create, timerfd_settime, ClockId, Itimerspec, TimerfdClockId,
        TimerfdFlags, TimerfdTimerFlags, Timespec,
    };
    use std::os::fd::OwnedFd;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::sync::Arc;
    use std::time::Duration;

    const NANOS: i128 = 1_000_000_000;

    pub struct WallClockAlarm {
        timer: Arc<OwnedFd>,
        stopped: Arc<AtomicBool>,
    }

    impl WallClockAlarm {
        pub fn new(wake: Sender<Wake>) -> std::io::Result<Self> {
            let timer = Arc::new(timerfd_create(
                TimerfdClockId::Realtime,
                TimerfdFlags::CLOEXEC,
            )?);
            let stopped = Arc::new(AtomicBool::new(false));
            let (reader, stop) = (timer.clone(), stopped.clone());
            std::thread::Builder::new()
                .name("tend-alarm".into())
                .spawn(move || ring_into(&reader, &stop, &wake))?;
            Ok(WallClockAlarm { timer, stopped })
        }

        fn arm(&self, value: Timespec) {
            let spec = Itimerspec {
                it_interval: Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                it_value: value,
            };
            let flags = TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET;
            if let Err(err) = timerfd_settime(&*self.timer, flags, &spec) {
                eprintln!("tend: the reminder alarm could not be set: {err}");
            }
        }
    }

    /// Blocks in `read` until the timer rings or the clock is set; nothing else
    /// wakes this thread.
    fn ring_into(timer: &OwnedFd, stopped: &AtomicBool, wake: &Sender<Wake>) {
        let mut expirations = [0u8; 8];
        loop {
            let heard = match rustix::io::read(timer, &mut expirations) {
                Ok(_) => Wake::Due,
                Err(Errno::CANCELED) => Wake::ClockChanged,
                Err(Errno::INTR | Errno::AGAIN) => continue,
                Err(err) => {
                    eprintln!("tend: the reminder alarm stopped: {err}");
                    return;
                }
            };
            if stopped.load(Ordering::Acquire) || wake.send(heard).is_err() {
                return;
            }
        }
    }

    /// The wall-clock instant `after` from now, as the kernel counts it.
    fn wall_clock_in(after: Duration) -> Timespec {
        let now = clock_gettime(ClockId::Realtime);
        let at = now.tv_sec as i128 * NANOS + now.tv_nsec as i128 + after.as_nanos() as i128;
        Timespec {
            tv_sec: (at / NANOS).min(i64::MAX as i128) as i64,
            tv_nsec: (at % NANOS) as i64,
        }
    }

    impl Alarm for WallClockAlarm {
        fn set(&self, after: Option<Duration>) {
            // An all-zero value disarms; a deadline is never zero (1970).
            let value = after.map(wall_clock_in).unwrap_or(Timespec {
                tv_sec: 0,
                tv_nsec: 0,
            });
            self.arm(value);
        }
    }

    impl Drop for WallClockAlarm {
        /// Rings once more so the thread sees it is stopped and ends.
        fn drop(&mut self) {
            self.stopped.store(true, Ordering::Release);
            self.arm(wall_clock_in(Duration::ZERO));
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod fallback {
    use super::{Alarm, Wake};
    use std::sync::mpsc::{self, RecvTimeoutError, Sender};
    use std::sync::Mutex;
    use std::time::{Duration, SystemTime};

    /// A thread's sleep may not count time the machine slept, and nothing tells
    /// this thread of a clock change: while something is set it looks at the
    /// wall clock again at least this often.
    const RECHECK: Duration = Duration::from_secs(60);

    pub struct RecheckingAlarm(Mutex<Sender<Option<SystemTime>>>);

    impl RecheckingAlarm {
        pub fn new(wake: Sender<Wake>) -> std::io::Result<Self> {
            let (control, deadlines) = mpsc::channel::<Option<SystemTime>>();
            std::thread::Builder::new()
                .name("tend-alarm".into())
                .spawn(move || {
                    let mut deadline: Option<SystemTime> = None;
                    loop {
                        let next = match deadline {
                            None => deadlines.recv().map_err(|_| RecvTimeoutError::Disconnected),
                            Some(at) => {
                                let left = at
                                    .duration_since(SystemTime::now())
                                    .unwrap_or_default()
                                    .min(RECHECK);
                                deadlines.recv_timeout(left)
                            }
                        };
                        match next {
                            Ok(at) => deadline = at,
                            Err(RecvTimeoutError::Disconnected) => return,
                            Err(RecvTimeoutError::Timeout) => {
                                if deadline.is_some_and(|at| SystemTime::now() >= at) {
                                    deadline = None;
                                    if wake.send(Wake::Due).is_err() {
                                        return;
                                    }
                                }
                            }
                        }
                    }
                })?;
            Ok(RecheckingAlarm(Mutex::new(control)))
        }
    }

    impl Alarm for RecheckingAlarm {
        fn set(&self, after: Option<Duration>) {
            let at = after.map(|after| SystemTime::now() + after);
            let _ = self
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .send(at);
        }
    }
}

/// An alarm that only records what it was set to: for tests, which ring it by
/// sending `Wake::Due` themselves.
#[derive(Default)]
pub struct RecordingAlarm(std::sync::Mutex<Vec<Option<Duration>>>);

impl RecordingAlarm {
    pub fn settings(&self) -> Vec<Option<Duration>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl Alarm for RecordingAlarm {
    fn set(&self, after: Option<Duration>) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Instant;

    #[test]
    fn the_system_alarm_rings_once_when_set_and_never_when_disarmed() {
        let (wake, wakes) = mpsc::channel();
        let alarm = system(wake).expect("alarm");
        let started = Instant::now();
        alarm.set(Some(Duration::from_millis(150)));
        assert_eq!(
            wakes.recv_timeout(Duration::from_secs(5)),
            Ok(Wake::Due),
            "rings"
        );
        assert!(started.elapsed() >= Duration::from_millis(140), "not early");
        assert!(
            wakes.recv_timeout(Duration::from_millis(400)).is_err(),
            "once"
        );

        alarm.set(Some(Duration::from_millis(100)));
        alarm.set(None);
        assert!(
            wakes.recv_timeout(Duration::from_millis(400)).is_err(),
            "disarmed: silent"
        );

        // Set again, the later deadline replaces the earlier one.
        alarm.set(Some(Duration::from_millis(50)));
        alarm.set(Some(Duration::from_millis(300)));
        let started = Instant::now();
        assert_eq!(wakes.recv_timeout(Duration::from_secs(5)), Ok(Wake::Due));
        assert!(started.elapsed() >= Duration::from_millis(200));
    }
}
