//! Hidden to the tray, Tend is its Rust core: the reminder loop, the tray, the
//! book. Closing the window destroys the webview and WebKit's page process ends
//! with it; what the window leaves behind is let go here (docs/decisions/0013):
//! - WebKit's network process, which WebKit keeps for the app's lifetime and
//!   starts again for the next window;
//! - the pages of WebKit, GTK and Mesa code still mapped from their files: they
//!   stay in the system's file cache, so the next window reads them back from
//!   memory, not from disk;
//! - the heap's free pages.

use std::time::Duration;

/// WebKit lets go of a closed window's parts a moment after it is destroyed.
pub const AFTER_THE_WINDOW: Duration = Duration::from_secs(2);

/// The name Linux gives WebKit's network process (`comm` keeps 15 bytes).
const NETWORK_PROCESS: &str = "WebKitNetworkPr";

/// Lets go of what no window uses. Only call with no window open.
#[allow(unsafe_code)] // malloc_trim has no safe wrapper
pub fn let_go() {
    if !driven_by_webdriver() {
        end_network_process();
    }
    drop_file_pages();
    // SAFETY: malloc_trim only returns free heap pages to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Under WebDriver (tauri-driver sets the switch Tauri itself reads to allow
/// automation), ending the network process ends the WebDriver session ("page
/// crash or hang"); the tests of ending it run Tend without WebDriver.
fn driven_by_webdriver() -> bool {
    std::env::var_os("TAURI_WEBVIEW_AUTOMATION").is_some_and(|value| value == "true")
}

fn end_network_process() {
    use rustix::process::{getpid, kill_process, Pid, Signal};
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    let me = getpid().as_raw_nonzero().get();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        if is_child_named(&stat, me, NETWORK_PROCESS) {
            if let Some(pid) = Pid::from_raw(pid) {
                if kill_process(pid, Signal::TERM).is_ok() {
                    wait_ended(&entry.path());
                }
            }
        }
    }
}

/// Until the process has ended (a zombie, until GLib reaps it on this thread),
/// so a window opened next never reaches a network process on its way out.
fn wait_ended(proc_dir: &std::path::Path) {
    let deadline = std::time::Instant::now() + Duration::from_millis(500);
    while std::time::Instant::now() < deadline {
        match std::fs::read_to_string(proc_dir.join("stat")) {
            Ok(stat) if !is_ended(&stat) => std::thread::sleep(Duration::from_millis(5)),
            _ => return,
        }
    }
}

/// Whether a `/proc/<pid>/stat` line is of a process that has ended (`Z`, `X`).
fn is_ended(stat: &str) -> bool {
    let state = stat
        .rfind(')')
        .and_then(|close| stat[close + 1..].split_whitespace().next());
    matches!(state, Some("Z" | "X"))
}

/// Whether a `/proc/<pid>/stat` line is of a child of `parent` called `name`.
fn is_child_named(stat: &str, parent: i32, name: &str) -> bool {
    let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
        return false;
    };
    let ppid = stat[close + 1..]
        .split_whitespace()
        .nth(1)
        .and_then(|ppid| ppid.parse::<i32>().ok());
    &stat[open + 1..close] == name && ppid == Some(parent)
}

#[allow(unsafe_code)] // madvise: sound here for the reason below
fn drop_file_pages() {
    let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
        return;
    };
    for (start, len) in clean_file_mappings(&smaps) {
        // SAFETY: the range is a whole mapping of this process that cannot be
        // written and holds no private copy of a page, only pages of its file:
        // dropping them loses nothing, the next touch reads them back.
        unsafe {
            let _ = rustix::mm::madvise(
                start as *mut std::ffi::c_void,
                len,
                rustix::mm::Advice::LinuxDontNeed,
            );
        }
    }
}

/// The mappings whose resident pages are all shared pages of a file: read-only,
/// file-backed, with no private (copied-on-write) page. As `(start, length)`.
fn clean_file_mappings(smaps: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut current: Option<(usize, usize, bool)> = None; // start, length, still clean
    let flush = |mapping: Option<(usize, usize, bool)>, found: &mut Vec<_>| {
        if let Some((start, len, true)) = mapping {
            found.push((start, len));
        }
    };
    for line in smaps.lines() {
        if let Some(header) = mapping_header(line) {
            flush(current.take(), &mut found);
            current = Some(header);
        } else if let Some((_, _, clean)) = current.as_mut() {
            let mut field = line.split_whitespace();
            let (Some(key), Some(kib)) = (field.next(), field.next()) else {
                continue;
            };
            let kib = kib.parse::<u64>().unwrap_or(u64::MAX);
            match key {
                "Rss:" => *clean &= kib > 0,
                "Anonymous:" | "Private_Dirty:" | "Swap:" | "Locked:" => *clean &= kib == 0,
                _ => {}
            }
        }
    }
    flush(current, &mut found);
    found
}

/// `start-end perms offset dev inode path` for a read-only mapping of a file.
fn mapping_header(line: &str) -> Option<(usize, usize, bool)> {
    let mut field = line.split_whitespace();
    let (range, perms) = (field.next()?, field.next()?);
    let (start, end) = range.split_once('-')?;
    let (start, end) = (
        usize::from_str_radix(start, 16).ok()?,
        usize::from_str_radix(end, 16).ok()?,
    );
    let (_offset, _dev, inode) = (field.next()?, field.next()?, field.next()?);
    let path = field.next().unwrap_or("");
    let read_only_file = perms.len() == 4
        && !perms.contains('w')
        && perms.ends_with('p')
        && inode != "0"
        && path.starts_with('/');
    // Header lines only: a field line's first word ends in ':'.
    (end > start && !range.ends_with(':')).then_some((start, end - start, read_only_file))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
7f0000000000-7f0000004000 r--p 00000000 fe:01 1234 /usr/lib/libwebkit.so
Size:                 16 kB
Rss:                  16 kB
Private_Dirty:         0 kB
Anonymous:             0 kB
Swap:                  0 kB
Locked:                0 kB
7f0000004000-7f0000008000 r-xp 00004000 fe:01 1234 /usr/lib/libwebkit.so
Rss:                   8 kB
Anonymous:             0 kB
7f0000008000-7f000000a000 r--p 00008000 fe:01 1234 /usr/lib/libwebkit.so
Rss:                   8 kB
Private_Dirty:         8 kB
Anonymous:             8 kB
7f000000a000-7f000000b000 rw-p 0000a000 fe:01 1234 /usr/lib/libwebkit.so
Rss:                   4 kB
Anonymous:             0 kB
7f000000b000-7f000000c000 rw-p 00000000 00:00 0
Rss:                   4 kB
Anonymous:             4 kB
7f000000c000-7f000000d000 r--p 00000000 00:00 0 [vvar]
Rss:                   4 kB
Anonymous:             0 kB
7f000000d000-7f000000e000 r--s 00000000 00:05 99 /SYSV00000000
Rss:                   4 kB
Anonymous:             0 kB
7f000000e000-7f000000f000 r--p 00000000 fe:01 77 /usr/lib/libnever-touched.so
Rss:                   0 kB
Anonymous:             0 kB
7f000000f000-7f0000010000 r-xp 00000000 fe:01 78 /usr/lib/liblast.so
Rss:                   4 kB
Anonymous:             0 kB
";

    #[test]
    fn only_read_only_file_pages_with_no_private_copy_are_dropped() {
        assert_eq!(
            clean_file_mappings(SMAPS),
            vec![
                (0x7f00_0000_0000, 0x4000), // read-only data of the library
                (0x7f00_0000_4000, 0x4000), // its code
                (0x7f00_0000_f000, 0x1000), // the last mapping counts too
            ]
        );
    }

    #[test]
    fn a_field_with_an_unreadable_size_keeps_the_mapping() {
        let odd = "7f0000000000-7f0000004000 r-xp 00000000 fe:01 1 /usr/lib/a.so\nRss: 4 kB\nAnonymous: lots kB\n";
        assert!(clean_file_mappings(odd).is_empty());
    }

    #[test]
    fn the_network_process_is_known_by_its_parent_and_name() {
        let stat = "4242 (WebKitNetworkPr) S 100 4242 4242 0 -1 4194560 1 0";
        assert!(is_child_named(stat, 100, NETWORK_PROCESS));
        assert!(!is_child_named(stat, 101, NETWORK_PROCESS));
        let web = "4243 (WebKitWebProces) S 100 4243 4243 0 -1 4194560 1 0";
        assert!(!is_child_named(web, 100, NETWORK_PROCESS));
        // A name with a ") " in it is read up to its last ')'.
        let odd = "4244 (a) b) S 100 1 1";
        assert!(is_child_named(odd, 100, "a) b"));
        assert!(!is_child_named("garbage", 100, NETWORK_PROCESS));
    }

    #[test]
    fn a_zombie_has_ended_a_sleeper_has_not() {
        assert!(is_ended("4242 (WebKitNetworkPr) Z 100 4242"));
        assert!(!is_ended("4242 (WebKitNetworkPr) S 100 4242"));
        assert!(!is_ended("4242 (Z) S 100 4242"));
    }
}
