//! The test notification from the welcome page, and what Tend says about how it
//! went: that it reached the desktop (and where to look if she saw nothing), or
//! that it did not, and what to check.

use super::notice::Notice;
use serde::Serialize;

/// What the welcome shows after `Send a test notification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TestOutcome {
    /// The desktop's notification service took it.
    pub reached: bool,
    pub message: String,
}

pub fn notice() -> Notice {
    Notice {
        summary: "Tend can reach you".to_string(),
        body: "This is how a follow-up looks when it comes due.".to_string(),
        followup_id: None,
        contact_id: None,
        actions: Vec::new(),
    }
}

/// `sent`: Ok with the service's name when it is known, or the error it gave.
pub fn outcome(sent: Result<Option<String>, String>) -> TestOutcome {
    match sent {
        Ok(service) => TestOutcome {
            reached: true,
            message: format!(
                "Sent: your desktop{} took the test notification. If you saw nothing, \
                 turn off Do Not Disturb and check that your system settings allow \
                 notifications from Tend.",
                service
                    .map(|name| format!("’s notification service ({name})"))
                    .unwrap_or_default()
            ),
        },
        Err(err) => TestOutcome {
            reached: false,
            message: format!(
                "The test notification did not reach your desktop ({err}). Check that a \
                 notification service is running (your desktop's own, or one such as \
                 dunst or mako), that Do Not Disturb is off, and that your system settings \
                 allow notifications from Tend. Until then, due follow-ups still show in Today."
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reached_names_the_service_and_where_to_look_if_nothing_showed() {
        let said = outcome(Ok(Some("dunst".to_string())));
        assert!(said.reached);
        assert!(said.message.contains("(dunst)"), "{}", said.message);
        assert!(said.message.contains("Do Not Disturb"));
    }

    #[test]
    fn not_reached_says_why_and_what_to_check() {
        let said = outcome(Err("no notification service on the session bus".to_string()));
        assert!(!said.reached);
        for check in [
            "no notification service on the session bus",
            "notification service is running",
            "Do Not Disturb",
            "system settings",
            "Today",
        ] {
            assert!(said.message.contains(check), "{check}: {}", said.message);
        }
    }

    #[test]
    fn the_notice_is_not_about_anyone_and_offers_no_action() {
        let notice = notice();
        assert_eq!((notice.followup_id, notice.contact_id), (None, None));
        assert!(notice.actions.is_empty());
    }
}
