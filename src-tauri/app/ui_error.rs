//! How an error reaches the window: `{ kind, message, field }`, so the UI branches
//! on `kind`, shows `message` to the person, and puts it next to `field`.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct UiError {
    kind: &'static str,
    message: String,
    field: Option<&'static str>,
}

impl From<crate::Error> for UiError {
    fn from(err: crate::Error) -> Self {
        UiError {
            kind: err.kind(),
            message: err.to_string(),
            field: err.field(),
        }
    }
}

impl UiError {
    /// The OS refused something (autostart, a shortcut); nothing of ours changed.
    pub fn os(message: String) -> Self {
        UiError {
            kind: "os",
            message,
            field: None,
        }
    }
}

pub type UiResult<T> = Result<T, UiError>;
