//! Relationship stages. Stored as stable keys; labels are for people.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Lead,
    NewCustomer,
    Customer,
    InactiveCustomer,
    Partner,
    TeamMember,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Lead,
        Stage::NewCustomer,
        Stage::Customer,
        Stage::InactiveCustomer,
        Stage::Partner,
        Stage::TeamMember,
    ];

    /// The key stored in the database (the `stages` table holds the same keys).
    pub fn key(self) -> &'static str {
        match self {
            Stage::Lead => "lead",
            Stage::NewCustomer => "new_customer",
            Stage::Customer => "customer",
            Stage::InactiveCustomer => "inactive_customer",
            Stage::Partner => "partner",
            Stage::TeamMember => "team_member",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Lead => "Lead",
            Stage::NewCustomer => "New customer",
            Stage::Customer => "Customer",
            Stage::InactiveCustomer => "Inactive customer",
            Stage::Partner => "Partner (strategic alliance)",
            Stage::TeamMember => "Team member",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.key() == key)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StageInfo {
    pub key: &'static str,
    pub label: &'static str,
}

pub fn all_stages() -> Vec<StageInfo> {
    Stage::ALL
        .into_iter()
        .map(|stage| StageInfo {
            key: stage.key(),
            label: stage.label(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_round_trips_through_its_key() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
        assert_eq!(Stage::from_key("Lead"), None, "keys are exact, not labels");
    }
}
