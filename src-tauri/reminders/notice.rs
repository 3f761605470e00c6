//! What a reminder says. Three or fewer due at once are shown one by one;
//! more become one summary, so a morning after a week away is one notification.

use crate::domain::channel::Channel;
use crate::domain::events::Upcoming;
use crate::domain::followup::Followup;
use serde::Serialize;

/// At most this many follow-ups are notified one by one in a single tick.
pub const MAX_INDIVIDUAL: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub summary: String,
    pub body: String,
    /// The follow-up it is about, when it is about one.
    pub followup_id: Option<i64>,
    pub contact_id: Option<i64>,
    /// (key, label) pairs, where the platform shows actions.
    pub actions: Vec<(String, String)>,
}

pub const ACTION_DONE: &str = "done";
pub const ACTION_SNOOZE_HOUR: &str = "snooze_hour";
pub const ACTION_TOMORROW: &str = "tomorrow";
/// The default action: clicking the notification itself.
pub const ACTION_OPEN: &str = "default";

/// Said once when closing the window minimises it: this desktop shows no tray icons.
pub fn minimised_without_tray() -> Notice {
    Notice {
        summary: "Tend is still running".to_string(),
        body: "This desktop shows no tray icons, so closing the window minimised Tend \
               instead of hiding it: reminders keep coming. To quit, turn off Close \
               window to tray in Settings, then close the window."
            .to_string(),
        followup_id: None,
        contact_id: None,
        actions: Vec::new(),
    }
}

pub fn for_followup(followup: &Followup) -> Notice {
    let how = followup.channel_label;
    let body = if followup.promise.is_empty() {
        format!(
            "{how} — promised for {}",
            followup.due_local.replace('T', " ")
        )
    } else if followup.due_note.is_some() {
        // A time moved by a spring gap: say the time it fires at, not the one asked.
        let at = followup
            .due_local
            .split_once('T')
            .map_or("", |(_, time)| time);
        format!("{how} — {}, at {at}", followup.promise)
    } else {
        format!("{how} — {}", followup.promise)
    };
    // The number (or the address, for an email) to use, right in the notification.
    let reach = &followup.reach;
    let to = match followup.channel {
        Channel::Email => reach.email.as_ref().or(reach.phone.as_ref()),
        _ => reach.phone.as_ref().or(reach.email.as_ref()),
    };
    let body = match to {
        Some(to) => format!("{body} · {to}"),
        None => body,
    };
    Notice {
        summary: match followup.reorder_of {
            Some(_) => format!("Re-order: {}", followup.contact_name),
            None => format!("Follow up with {}", followup.contact_name),
        },
        body,
        followup_id: Some(followup.id),
        contact_id: Some(followup.contact_id),
        actions: vec![
            (ACTION_DONE.into(), "Done".into()),
            (ACTION_SNOOZE_HOUR.into(), "Snooze 1 h".into()),
            (ACTION_TOMORROW.into(), "Tomorrow".into()),
            (ACTION_OPEN.into(), "Open".into()),
        ],
    }
}

/// The notices for follow-ups that came due. `catching_up` is true on start and
/// after the laptop slept: they came due while Tend could not say so.
pub fn plan(due: &[Followup], catching_up: bool) -> Vec<Notice> {
    if due.len() <= MAX_INDIVIDUAL {
        return due.iter().map(for_followup).collect();
    }
    let summary = if catching_up {
        format!("{} follow-ups came due while Tend was closed", due.len())
    } else {
        format!("{} follow-ups are due", due.len())
    };
    let names: Vec<&str> = due
        .iter()
        .take(4)
        .map(|f| f.contact_name.as_str())
        .collect();
    let more = due.len().saturating_sub(names.len());
    let body = if more > 0 {
        format!(
            "{} and {more} more. Open Today to go through them.",
            names.join(", ")
        )
    } else {
        format!("{}. Open Today to go through them.", names.join(", "))
    };
    vec![Notice {
        summary,
        body,
        followup_id: None,
        contact_id: None,
        actions: vec![(ACTION_OPEN.into(), "Open Today".into())],
    }]
}

/// "Today: 2 overdue, 3 due, 4 going cold, 1 to decide, 2 re-orders"
pub fn digest(
    overdue: usize,
    due_today: usize,
    going_cold: i64,
    maybes: i64,
    reorders: i64,
) -> Notice {
    let mut parts = vec![format!("{overdue} overdue"), format!("{due_today} due")];
    parts.push(format!("{going_cold} going cold"));
    if maybes > 0 {
        parts.push(format!("{maybes} to decide"));
    }
    match reorders {
        0 => {}
        1 => parts.push("1 re-order".into()),
        n => parts.push(format!("{n} re-orders")),
    }
    Notice {
        summary: "Good morning from Tend".into(),
        body: format!("Today: {}", parts.join(", ")),
        followup_id: None,
        contact_id: None,
        actions: vec![(ACTION_OPEN.into(), "Open Today".into())],
    }
}

/// The morning's birthdays and events, `ahead` days before they fall: one each
/// ("Maria Lopez’s birthday (turns 40) is today" — "Wish Maria a happy
/// birthday"), or one summary when there are more than a few.
pub fn for_events(coming: &[Upcoming], ahead: i64) -> Vec<Notice> {
    let when = |event: &Upcoming| match ahead {
        0 => "is today".to_string(),
        1 => "is tomorrow".to_string(),
        _ => format!("is on {}", event.on.format("%a %-d %b")),
    };
    let open = vec![(ACTION_OPEN.into(), "Open Today".into())];
    if coming.len() <= MAX_INDIVIDUAL {
        return coming
            .iter()
            .map(|event| Notice {
                summary: format!("{} {}", event.text, when(event)),
                body: format!("{}.", event.wish),
                followup_id: None,
                contact_id: Some(event.contact_id),
                actions: open.clone(),
            })
            .collect();
    }
    let names: Vec<&str> = coming.iter().take(4).map(|e| e.name.as_str()).collect();
    let more = coming.len().saturating_sub(names.len());
    let day = match ahead {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        _ => coming[0].on.format("on %a %-d %b").to_string(),
    };
    vec![Notice {
        summary: format!("{} birthdays and events {day}", coming.len()),
        body: match more {
            0 => format!("{}. Open Today to wish them well.", names.join(", ")),
            n => format!(
                "{} and {n} more. Open Today to wish them well.",
                names.join(", ")
            ),
        },
        followup_id: None,
        contact_id: None,
        actions: open,
    }]
}
