//! A process killed with SIGKILL in the middle of a stream of writes, many times
//! over: the file stays intact and every write it acknowledged is there.
//!
//! The writer is this same test binary, re-run with `TEND_CRASH_WRITER_DIR` set, so
//! it goes through exactly the store code the app uses.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tend::api::Tend;
use tend::clock::SystemClock;
use tend::domain::contact::ContactQuery;
use tend::store::Store;

const WRITER_ENV: &str = "TEND_CRASH_WRITER_DIR";
const ROUNDS: usize = 12;

/// Not a test on its own: the child process that writes until it is killed.
#[test]
#[ignore = "run as a child process by killing_the_writer_loses_no_acknowledged_write"]
fn crash_writer() {
    let Some(dir) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let store = Store::open_in_dir(std::path::Path::new(&dir)).expect("writer opens");
    let tend = Tend::new(store, Arc::new(SystemClock::real()));
    // The harness prints "test … " without a newline; start acks on a line of their own.
    println!();
    for i in 0.. {
        let name = format!("Writer {}-{i}", std::process::id());
        let contact = tend
            .create_contact(&crate::support::full_draft(
                &name,
                "555-0142",
                "",
                &"note ".repeat(50),
                &["crash"],
            ))
            .expect("write");
        // Printed only after the commit returned: an acknowledgement.
        println!("ack {} {}", contact.id, name);
    }
}

#[test]
fn killing_the_writer_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    Store::open_in_dir(dir.path()).expect("create the file");
    let exe = std::env::current_exe().expect("test binary");
    let mut acknowledged: Vec<(i64, String)> = Vec::new();

    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "crash::crash_writer",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("writer starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        // Vary how long it writes so the kill lands at different moments.
        let run_for = Duration::from_millis(40 + (round as u64 * 37) % 200);
        let started = Instant::now();
        let mut in_round = 0;
        while started.elapsed() < run_for || in_round == 0 {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.strip_prefix("ack ") {
                        let (id, name) = rest.split_once(' ').expect("ack id name");
                        acknowledged.push((id.parse().expect("id"), name.to_string()));
                        in_round += 1;
                    }
                }
                _ => break,
            }
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        assert!(
            in_round > 0,
            "round {round}: the writer acknowledged nothing before the kill"
        );
    }

    let store = Store::open_in_dir(dir.path()).expect("reopens after the kills");
    let integrity: String = store
        .read(|conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .expect("integrity check");
    assert_eq!(integrity, "ok");
    let tend = Tend::new(store, Arc::new(SystemClock::real()));
    for (id, name) in &acknowledged {
        let contact = tend
            .contact(*id)
            .unwrap_or_else(|err| panic!("acknowledged {name} is lost: {err}"));
        assert_eq!(&contact.name, name);
    }
    let indexed = tend
        .list_contacts(&ContactQuery {
            query: "crash".into(),
            ..ContactQuery::default()
        })
        .expect("search")
        .total;
    assert!(
        indexed >= acknowledged.len() as i64,
        "the search index kept up with every write"
    );
}
