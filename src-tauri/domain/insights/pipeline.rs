//! Where her people are now: by stage and by latest decision, the maybes left
//! waiting more than two weeks, and who is going cold. A snapshot: the period
//! picker does not move it.

use crate::domain::decision::DecisionKind;
use crate::domain::stage::Stage;
use crate::error::{Error, Result};
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

/// The people behind one bar: "stage:lead", "decision:thinking",
/// "decision:none", "oldMaybes" or "goingCold", as the page asks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slice {
    Stage(Stage),
    Decision(Option<DecisionKind>),
    OldMaybes,
    GoingCold,
}

impl Slice {
    pub fn parse(key: &str) -> Result<Slice> {
        let slice = match key.split_once(':') {
            Some(("stage", stage)) => Stage::from_key(stage).map(Slice::Stage),
            Some(("decision", "none")) => Some(Slice::Decision(None)),
            Some(("decision", kind)) => {
                DecisionKind::from_key(kind).map(|kind| Slice::Decision(Some(kind)))
            }
            None if key == "oldMaybes" => Some(Slice::OldMaybes),
            None if key == "goingCold" => Some(Slice::GoingCold),
            _ => None,
        };
        slice.ok_or_else(|| Error::invalid("slice", "That part of the pipeline does not exist."))
    }

    /// The heading over the list: "Leads", "Latest decision: Not now".
    pub fn title(self) -> String {
        match self {
            Slice::Stage(stage) => stage.label().to_string(),
            Slice::Decision(Some(kind)) => format!("Latest decision: {}", kind.label()),
            Slice::Decision(None) => "No decision yet".to_string(),
            Slice::OldMaybes => "Maybes waiting more than two weeks".to_string(),
            Slice::GoingCold => "Going cold".to_string(),
        }
    }
}

/// One person behind a bar, with what puts them there when it is not the bar
/// itself ("thinking it over for 20 days").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlicePerson {
    pub contact_id: i64,
    pub name: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlicePeople {
    pub title: String,
    pub total: i64,
    pub people: Vec<SlicePerson>,
}

/// How many a bar's list shows; the rest are counted.
pub const SLICE_SHOWN: u32 = 50;

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

    #[test]
    fn a_bar_names_its_slice_and_an_unknown_one_is_refused() {
        assert_eq!(
            Slice::parse("stage:lead").ok(),
            Some(Slice::Stage(Stage::Lead))
        );
        assert_eq!(
            Slice::parse("decision:none").ok(),
            Some(Slice::Decision(None))
        );
        assert_eq!(
            Slice::parse("decision:not_now").ok(),
            DecisionKind::from_key("not_now").map(|kind| Slice::Decision(Some(kind)))
        );
        assert_eq!(Slice::parse("goingCold").ok(), Some(Slice::GoingCold));
        assert_eq!(Slice::Stage(Stage::Lead).title(), Stage::Lead.label());
        for bad in ["stage:boss", "decision:", "cold", "", "stage"] {
            assert!(Slice::parse(bad).is_err(), "{bad}");
        }
    }
}
