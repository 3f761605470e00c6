//! Quick-add: one typed line becomes a contact with its next step.
