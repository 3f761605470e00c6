//! What a phone or an email opens with the computer's own handler: a call
//! (`tel:`), a text (`sms:`), an email (`mailto:`, with the follow-up's promise
//! as its subject). Only these three schemes are ever built, and only from a
//! number or an address that passes the contact rules: nothing typed in the
//! window can make Tend open anything else (docs/decisions/0010).

use super::contact::validate_email;
use super::phone;
use crate::error::{Error, Result};
use serde::Deserialize;

/// What she does with a phone or an email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Call,
    Text,
    Email,
}

/// What the window asks to open: an action, the number or address, and for an
/// email the subject (the promise it keeps).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkRequest {
    pub action: Action,
    pub to: String,
    #[serde(default)]
    pub subject: String,
}

/// A subject longer than this is cut: it is a reminder, not a letter.
const MAX_SUBJECT_CHARS: usize = 200;

/// The `tel:`, `sms:` or `mailto:` URL for a request, or why not.
pub fn url(request: &LinkRequest) -> Result<String> {
    match request.action {
        Action::Call => Ok(format!("tel:{}", dialable(&request.to)?)),
        Action::Text => Ok(format!("sms:{}", dialable(&request.to)?)),
        Action::Email => {
            let address = validate_email(&request.to)?
                .ok_or_else(|| Error::invalid("email", "There is no email address to write to."))?;
            let subject: String = request
                .subject
                .trim()
                .chars()
                .take(MAX_SUBJECT_CHARS)
                .collect();
            let mut url = format!("mailto:{}", encode(&address, ADDRESS_SAFE));
            if !subject.is_empty() {
                url.push_str("?subject=");
                url.push_str(&encode(&subject, ""));
            }
            Ok(url)
        }
    }
}

/// "+14155550142" or, for a number kept as typed, its digits ("5550142"); a
/// leading `+` stays. Anything but a phone's characters is refused.
fn dialable(text: &str) -> Result<String> {
    let text = text.trim();
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c) || c == '\u{a0}';
    let digits = phone::digits(text);
    if !text.chars().all(allowed) || !(3..=15).contains(&digits.len()) {
        return Err(Error::invalid(
            "phone",
            format!("“{text}” is not a number Tend can call or text."),
        ));
    }
    Ok(if text.starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    })
}

/// Characters an address keeps as they are in a `mailto:` (RFC 6068 `addr-spec`
/// minus `%`, `?`, `&` and `#`, which would end or change it).
const ADDRESS_SAFE: &str = ".!$'*+-=^_`{|}~@";

/// Percent-encodes UTF-8, keeping letters, digits and `keep`.
fn encode(text: &str, keep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || keep.contains(c) || matches!(c, '-' | '.' | '_' | '~') {
            out.push(c);
        } else {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(action: Action, to: &str, subject: &str) -> Result<String> {
        url(&LinkRequest {
            action,
            to: to.into(),
            subject: subject.into(),
        })
    }

    #[test]
    fn a_phone_calls_and_texts_by_its_digits() {
        assert_eq!(
            ask(Action::Call, "+14155550142", "").expect("tel"),
            "tel:+14155550142"
        );
        assert_eq!(
            ask(Action::Text, "+14155550142", "").expect("sms"),
            "sms:+14155550142"
        );
        assert_eq!(
            ask(Action::Call, "555-0142", "").expect("kept as typed"),
            "tel:5550142"
        );
        assert_eq!(
            ask(Action::Call, "+44 20 7946 0958", "").expect("tel"),
            "tel:+442079460958"
        );
    }

    #[test]
    fn an_email_has_the_promise_as_its_subject() {
        assert_eq!(
            ask(Action::Email, "jane@example.com", "send the lavender samples & price list?").expect("mailto"),
            "mailto:jane@example.com?subject=send%20the%20lavender%20samples%20%26%20price%20list%3F"
        );
        assert_eq!(
            ask(Action::Email, "jane+party@example.com", "  ").expect("mailto"),
            "mailto:jane+party@example.com"
        );
        assert_eq!(
            ask(Action::Email, "zoe@example.com", "Zoë's café").expect("mailto"),
            "mailto:zoe@example.com?subject=Zo%C3%AB%27s%20caf%C3%A9"
        );
    }

    #[test]
    fn nothing_but_a_number_or_an_address_becomes_a_link() {
        for (action, to) in [
            (Action::Call, "https://example.com"),
            (Action::Call, "javascript:alert(1)"),
            (Action::Text, "12"),
            (Action::Email, "jane@example.com?bcc=all@example.com"),
            (Action::Email, "not an address"),
            (Action::Email, ""),
        ] {
            assert!(ask(action, to, "").is_err(), "{to:?} refused");
        }
        for scheme in ["tel:", "sms:", "mailto:"] {
            assert!(
                [Action::Call, Action::Text, Action::Email]
                    .iter()
                    .any(|action| {
                        let to = if *action == Action::Email {
                            "a@b.co"
                        } else {
                            "+14155550142"
                        };
                        ask(*action, to, "").expect("link").starts_with(scheme)
                    }),
                "{scheme}"
            );
        }
    }
}
