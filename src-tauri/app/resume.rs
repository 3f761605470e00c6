//! What the OS tells the reminder loop besides its alarm. On Linux, from the
//! system bus: logind's `PrepareForSleep(false)` when the machine wakes, and
//! timedated's property change when the time zone is set. The loop's alarm
//! already rings late-but-at-once after a sleep; these make the look immediate
//! and name it. Without a system bus (a container, a test) the alarm alone
//! covers it. On macOS and Windows the alarm's minute recheck is the fallback
//! (docs/decisions/0004).

use crate::reminders::run_loop::Wake;
use std::sync::mpsc::Sender;

#[cfg(target_os = "linux")]
pub fn watch(wake: Sender<Wake>) {
    let started = std::thread::Builder::new()
        .name("tend-resume".into())
        .spawn(move || {
            if let Err(err) = zbus::block_on(listen(&wake)) {
                eprintln!("tend: not told of resume from sleep ({err}); reminders still catch up");
            }
        });
    if let Err(err) = started {
        eprintln!("tend: could not watch for resume from sleep: {err}");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn watch(_wake: Sender<Wake>) {}

#[cfg(target_os = "linux")]
async fn listen(wake: &Sender<Wake>) -> zbus::Result<()> {
    use futures_lite::StreamExt;
    use zbus::message::Type;
    use zbus::{MatchRule, MessageStream};

    let bus = zbus::Connection::system().await?;
    let sleep = MatchRule::builder()
        .msg_type(Type::Signal)
        .path("/org/freedesktop/login1")
        .interface("org.freedesktop.login1.Manager")
        .member("PrepareForSleep")
        .build()?;
    let zone = MatchRule::builder()
        .msg_type(Type::Signal)
        .path("/org/freedesktop/timedate1")
        .interface("org.freedesktop.DBus.Properties")
        .member("PropertiesChanged")
        .build()?;
    let sleeps = MessageStream::for_match_rule(sleep, &bus, None).await?;
    let zones = MessageStream::for_match_rule(zone, &bus, None).await?;
    let mut heard = sleeps.or(zones);
    while let Some(message) = heard.next().await {
        let message = message?;
        let header = message.header();
        let woke = match header.member().map(|member| member.as_str()) {
            // `true` as it goes to sleep, `false` once awake again.
            Some("PrepareForSleep") => match message.body().deserialize::<bool>() {
                Ok(false) => Wake::Resumed,
                _ => continue,
            },
            _ => Wake::ClockChanged,
        };
        if wake.send(woke).is_err() {
            return Ok(()); // the loop has stopped
        }
    }
    Ok(())
}
