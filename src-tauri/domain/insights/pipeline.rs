//! Where her people are now: by stage and by latest decision, the maybes left
//! waiting more than two weeks, and who is going cold. A snapshot: the period
//! picker does not move it.

use crate::domain::decision::DecisionKind;
use crate::domain::stage::Stage;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bar {
    pub key: &'static str,
    pub label: &'static str,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pipeline {
    pub by_stage: Vec<Bar>,
    pub by_decision: Vec<Bar>,
    /// Contacts whose latest decision is none yet.
    pub undecided: u32,
    /// Thinking it over for more than `decision::MAYBE_AFTER_DAYS`.
    pub old_maybes: u32,
    pub going_cold: u32,
}

/// Every stage and decision gets a bar, in their usual order, zero included.
pub fn pipeline(
    stages: &[(Stage, u32)],
    decisions: &[(Option<DecisionKind>, u32)],
    old_maybes: u32,
    going_cold: u32,
) -> Pipeline {
    let by_stage = Stage::ALL
        .iter()
        .map(|stage| Bar {
            key: stage.key(),
            label: stage.label(),
            count: stages
                .iter()
                .filter(|(s, _)| s == stage)
                .map(|(_, n)| n)
                .sum(),
        })
        .collect();
    let by_decision = DecisionKind::ALL
        .iter()
        .map(|kind| Bar {
            key: kind.key(),
            label: kind.label(),
            count: decisions
                .iter()
                .filter(|(k, _)| *k == Some(*kind))
                .map(|(_, n)| n)
                .sum(),
        })
        .collect();
    Pipeline {
        by_stage,
        by_decision,
        undecided: decisions
            .iter()
            .filter(|(k, _)| k.is_none())
            .map(|(_, n)| n)
            .sum(),
        old_maybes,
        going_cold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_a_bar_in_order_with_zeros_kept() {
        let figure = pipeline(
            &[(Stage::Customer, 4), (Stage::Lead, 9)],
            &[(Some(DecisionKind::Thinking), 3), (None, 10)],
            2,
            5,
        );
        let stages: Vec<(&str, u32)> = figure.by_stage.iter().map(|b| (b.key, b.count)).collect();
        assert_eq!(stages[0], ("lead", 9));
        assert_eq!(figure.by_stage.len(), Stage::ALL.len());
        assert!(stages.contains(&("customer", 4)));
        assert!(stages.contains(&("partner", 0)));
        assert_eq!(figure.undecided, 10);
        assert_eq!(
            figure
                .by_decision
                .iter()
                .find(|b| b.key == "thinking")
                .map(|b| b.count),
            Some(3)
        );
    }
}
