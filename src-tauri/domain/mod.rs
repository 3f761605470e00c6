//! The domain: what a contact is and what makes one valid. No storage, no UI.

pub mod channel; // call, text, email, in person, message
pub mod contact; // drafts, validation, the contact as the app shows it
pub mod phone; // parsing and normalising phone numbers (E.164)
pub mod stage; // relationship stages, stored as stable keys
