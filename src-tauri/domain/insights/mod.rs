//! Insights: how she is doing, as figures computed from plain rows. Each figure
//! says its own denominator ("12 of 15 kept"), and every one follows the period
//! she picks. The store supplies the rows; the view draws the charts.

pub mod departures; // why customers left, by reason, next to seed 003's table
pub mod period; // last 4 weeks, a quarter, a year, all: the days and weeks a figure covers
pub mod pipeline; // contacts by stage and by latest decision, old maybes, going cold
pub mod promises; // follow-ups kept on time, week by week; the streak; the ones broken
pub mod referrals; // who sends her the most people and the most sales
pub mod reorders; // days of supply against real re-order gaps; reminders in time
pub mod sales; // touches before a sale and days to it, next to the seeds' yardsticks

/// "12 of 15": a share that names its denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Share {
    pub count: u32,
    pub of: u32,
}

impl Share {
    /// Whole percent, or None with nothing to count.
    pub fn percent(self) -> Option<u32> {
        (self.of > 0).then(|| (self.count * 100 + self.of / 2) / self.of)
    }
}
