//! What a global Quick add shortcut must be: a key held with Ctrl, Alt or
//! Super (Cmd). A key alone, or with only Shift, is what typing produces, so
//! as a global shortcut it would swallow every such key typed in any app.
//! Pure: the text "Ctrl+Alt+T" is read here; the shell asks the OS only after.

use crate::domain::text::quoted;
use crate::error::{Error, Result};

/// The combination Tend starts with, and falls back to.
pub const DEFAULT: &str = "Ctrl+Alt+T";

/// Longer than any real combination: such text is not echoed back whole.
const MAX_ECHO_CHARS: usize = 40;
/// No key is named longer ("AudioVolumeMute", "MediaTrackPrevious").
const MAX_KEY_CHARS: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    Ctrl,
    Alt,
    Shift,
    /// Super on Linux, Cmd on macOS, the Windows key on Windows.
    Super,
    /// Cmd on macOS, Ctrl elsewhere ("CmdOrCtrl").
    CmdOrCtrl,
}

impl Modifier {
    /// The names the OS layer (Tauri's global-shortcut parser) understands.
    fn from_name(name: &str) -> Option<Modifier> {
        Some(match name.to_ascii_lowercase().as_str() {
            "ctrl" | "control" => Modifier::Ctrl,
            "alt" | "option" => Modifier::Alt,
            "shift" => Modifier::Shift,
            "super" | "cmd" | "command" => Modifier::Super,
            "cmdorctrl" | "cmdorcontrol" | "commandorctrl" | "commandorcontrol" => {
                Modifier::CmdOrCtrl
            }
            _ => return None,
        })
    }

    /// Holding it turns typing into a command (Shift only makes capitals).
    fn stops_typing(self) -> bool {
        !matches!(self, Modifier::Shift)
    }
}

/// A combination that passed the rule: its modifiers and its one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcut {
    pub modifiers: Vec<Modifier>,
    pub key: String,
}

/// Reads "Ctrl+Alt+T" (any case, spaces around `+` allowed) and refuses a
/// combination without Ctrl, Alt or Super, with a message that says why.
pub fn check(text: &str) -> Result<Shortcut> {
    let text = text.trim();
    let shown = if text.chars().count() > MAX_ECHO_CHARS {
        "That".to_string()
    } else {
        quoted(text).to_string()
    };
    let not_understood = || {
        Error::invalid(
            "shortcut",
            format!(
                "{shown} is not a key combination Tend understands. Write it like Ctrl+Alt+T or Super+Shift+Q."
            ),
        )
    };
    if text.is_empty() {
        return Err(Error::invalid(
            "shortcut",
            "Type a key combination, like Ctrl+Alt+T.",
        ));
    }
    let mut modifiers = Vec::new();
    let mut key: Option<String> = None;
    for part in text.split('+').map(str::trim) {
        if part.is_empty() || key.is_some() {
            // "Ctrl++", "+T", or something after the key.
            return Err(not_understood());
        }
        match Modifier::from_name(part) {
            Some(modifier) if modifiers.contains(&modifier) => return Err(not_understood()),
            Some(modifier) => modifiers.push(modifier),
            None => key = Some(part.to_string()),
        }
    }
    let Some(key) = key else {
        return Err(Error::invalid(
            "shortcut",
            format!("{shown} has no key besides the modifiers. Add one, like Ctrl+Alt+T."),
        ));
    };
    if key.chars().count() > MAX_KEY_CHARS {
        return Err(not_understood());
    }
    if !modifiers.iter().any(|modifier| modifier.stops_typing()) {
        let example = format!("Ctrl+Alt+{key}");
        let example = if example.chars().count() > MAX_ECHO_CHARS {
            DEFAULT.to_string()
        } else {
            example
        };
        return Err(Error::invalid(
            "shortcut",
            format!(
                "{shown} would swallow typing: every time that key is typed in any app, Quick add would open instead. A shortcut needs Ctrl, Alt or Super (Cmd), like {example}."
            ),
        ));
    }
    Ok(Shortcut { modifiers, key })
}

/// The shortcut to register at start: the saved one if it passes the rule,
/// else the default, with why (a single key saved by an older Tend, say).
pub fn at_start(saved: Option<&str>) -> (String, Option<String>) {
    match saved {
        None => (DEFAULT.to_string(), None),
        Some(saved) => match check(saved) {
            Ok(_) => (saved.trim().to_string(), None),
            Err(err) => (
                DEFAULT.to_string(),
                Some(format!(
                    "{err} The saved shortcut was not used; Quick add opens with {DEFAULT} until you pick another in Settings."
                )),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        let err = check(text).expect_err(text);
        assert_eq!(err.field(), Some("shortcut"), "{text}");
        err.to_string()
    }

    #[test]
    fn a_combination_with_ctrl_alt_or_super_is_read() {
        let ok = check("Ctrl+Alt+T").expect("ok");
        assert_eq!(ok.modifiers, vec![Modifier::Ctrl, Modifier::Alt]);
        assert_eq!(ok.key, "T");
        assert_eq!(check(" super + shift + q ").expect("ok").key, "q");
        for text in [
            "Alt+Space",
            "Cmd+K",
            "CmdOrCtrl+Shift+A",
            "CommandOrControl+F5",
            "Control+Option+1",
            "ctrl+shift+a",
            DEFAULT,
        ] {
            assert!(check(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn a_single_key_is_refused_because_it_would_swallow_typing() {
        for text in ["A", "a", " a ", "F5", "Space", "1", "Enter"] {
            let message = refused(text);
            assert!(message.contains("would swallow typing"), "{message}");
            assert!(message.contains("Ctrl, Alt or Super"), "{message}");
        }
        assert!(refused("A").contains("like Ctrl+Alt+A"));
    }

    #[test]
    fn shift_alone_is_not_enough() {
        for text in ["Shift+A", "shift+1", "Shift + Space"] {
            assert!(refused(text).contains("would swallow typing"), "{text}");
        }
    }

    #[test]
    fn malformed_text_is_refused_with_a_message() {
        for text in [
            "",
            "   ",
            "Ctrl+",
            "+T",
            "Ctrl++",
            "Ctrl+A+B",
            "Ctrl+Ctrl+T",
        ] {
            refused(text);
        }
        assert!(refused("Ctrl+Alt").contains("has no key"));
        assert!(refused("Ctrl+A+B").contains("not a key combination"));
    }

    #[test]
    fn a_long_text_is_not_echoed_back_whole() {
        let long = "x".repeat(10_000);
        assert!(refused(&long).len() < 400);
        assert!(refused(&format!("Ctrl+{long}")).len() < 400);
    }

    #[test]
    fn at_start_a_saved_single_key_falls_back_to_the_default_and_says_why() {
        assert_eq!(at_start(None), (DEFAULT.to_string(), None));
        assert_eq!(
            at_start(Some("Super+Shift+Q")),
            ("Super+Shift+Q".to_string(), None)
        );
        let (keys, why) = at_start(Some("A"));
        assert_eq!(keys, DEFAULT);
        let why = why.expect("a reason");
        assert!(why.contains("“A” would swallow typing"), "{why}");
        assert!(why.contains("Ctrl+Alt+T"), "{why}");
        let (keys, why) = at_start(Some("Shift+B"));
        assert_eq!(keys, DEFAULT);
        assert!(why.is_some());
    }
}
