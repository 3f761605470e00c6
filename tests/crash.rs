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

/// The real `tend` binary, killed at varying moments while it adds contacts:
/// what it reported as added is there, and the file is intact.
#[test]
fn killing_the_real_binary_mid_add_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    // How long one add takes here, so the kills can be spread across it.
    let started = Instant::now();
    let first = Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(["add", "--no-cadence", "Kim Zz 555-0999"])
        .env("TEND_DATA_DIR", dir.path())
        .output()
        .expect("tend runs");
    assert!(first.status.success());
    let one_add = started.elapsed();
    let mut acknowledged = vec!["Kim Zz".to_string()];
    const ROUNDS: u32 = 20;
    for round in 0..ROUNDS {
        let name = format!("Kim A{}", (b'a' + round as u8) as char);
        let mut child = Command::new(env!("CARGO_BIN_EXE_tend"))
            .args([
                "add",
                "--no-cadence",
                &format!("{name} 555-{:04} call tomorrow", 1000 + round),
            ])
            .env("TEND_DATA_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("tend starts");
        // From almost at once to after it is done: the kill lands everywhere in between.
        std::thread::sleep(one_add * 3 * ((round * 7) % ROUNDS) / (2 * ROUNDS));
        let _ = child.kill();
        let output = child.wait_with_output().expect("reaped");
        if String::from_utf8_lossy(&output.stdout).starts_with("Added: ") {
            acknowledged.push(name);
        }
    }
    let store = Store::open_in_dir(dir.path()).expect("reopens after the kills");
    let integrity: String = store
        .read(|conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .expect("integrity check");
    assert_eq!(integrity, "ok");
    let tend = Tend::new(store, Arc::new(SystemClock::real()));
    for name in &acknowledged {
        let found = tend
            .list_contacts(&ContactQuery {
                query: name.clone(),
                ..ContactQuery::default()
            })
            .expect("search")
            .items;
        assert!(
            found.iter().any(|c| &c.name == name),
            "{name} was reported added but is lost"
        );
    }
    assert!(
        acknowledged.len() > 1,
        "some adds finished before their kill"
    );
    assert!(
        acknowledged.len() < ROUNDS as usize + 1,
        "and some were killed mid-way"
    );
}
