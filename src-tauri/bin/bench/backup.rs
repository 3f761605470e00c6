//! Backing up the big file: how long a checked copy and a restore take, and how
//! writes fare while the copy runs (it reads a snapshot on a connection of its
//! own, so they should not wait for it).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tend::api::Tend;
use tend::domain::contact::ContactDraft;

pub struct Figures {
    pub size_bytes: u64,
    pub back_up: Duration,
    pub restore: Duration,
    /// Creating one contact, with nothing else going on.
    pub writes_idle: Vec<Duration>,
    /// The same, while the copy runs.
    pub writes_during: Vec<Duration>,
}

/// One write as the app makes it: a contact created (and deleted again,
/// outside the timing, so the file stays as generated).
fn timed_write(tend: &Tend, round: usize) -> tend::Result<Duration> {
    let draft = ContactDraft {
        name: format!("Bench Writer {round}"),
        ..ContactDraft::default()
    };
    let started = Instant::now();
    let contact = tend.create_contact(&draft)?;
    let elapsed = started.elapsed();
    tend.delete_contact(contact.id)?;
    Ok(elapsed)
}

pub fn measure(tend: &Tend, dir: &Path) -> tend::Result<Figures> {
    let copy = dir.join("bench-backup.sqlite3");
    let writes_idle = (0..50)
        .map(|round| timed_write(tend, round))
        .collect::<tend::Result<Vec<_>>>()?;

    let copying = AtomicBool::new(true);
    let writes_during = Mutex::new(Vec::new());
    let (taken, back_up) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| -> tend::Result<()> {
            let mut round = 0;
            while copying.load(Ordering::SeqCst) {
                let elapsed = timed_write(tend, round)?;
                if let Ok(mut samples) = writes_during.lock() {
                    samples.push(elapsed);
                }
                round += 1;
                // A person's pace is far slower; this keeps the writer from
                // being nothing but load.
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(())
        });
        let started = Instant::now();
        let taken = tend.back_up_to(&copy);
        let back_up = started.elapsed();
        copying.store(false, Ordering::SeqCst);
        let written = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (taken.and_then(|taken| written.map(|()| taken)), back_up)
    });
    let taken = taken?;

    let started = Instant::now();
    let restored = tend.restore_from(&copy)?;
    let restore = started.elapsed();
    // The bench keeps one data file: the copy and the file kept aside go.
    for leftover in [&copy, &restored.kept_aside] {
        let _ = std::fs::remove_file(leftover);
    }
    Ok(Figures {
        size_bytes: taken.size_bytes,
        back_up,
        restore,
        writes_idle,
        writes_during: writes_during.into_inner().unwrap_or_default(),
    })
}
