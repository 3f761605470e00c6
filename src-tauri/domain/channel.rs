//! How a touch happened or a follow-up is meant to happen.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Call,
    Text,
    Email,
    InPerson,
    Message,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Call,
        Channel::Text,
        Channel::Email,
        Channel::InPerson,
        Channel::Message,
        Channel::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Text => "text",
            Channel::Email => "email",
            Channel::InPerson => "in_person",
            Channel::Message => "message",
            Channel::Other => "other",
        }
    }

    /// As a verb in a sentence: "Call — send samples".
    pub fn label(self) -> &'static str {
        match self {
            Channel::Call => "Call",
            Channel::Text => "Text",
            Channel::Email => "Email",
            Channel::InPerson => "Meet",
            Channel::Message => "Message",
            Channel::Other => "Contact",
        }
    }

    /// As a noun: "Follow up on the call".
    pub fn noun(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Text => "text",
            Channel::Email => "email",
            Channel::InPerson => "meeting",
            Channel::Message => "message",
            Channel::Other => "conversation",
        }
    }

    pub fn from_key(key: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.key() == key)
    }
}
