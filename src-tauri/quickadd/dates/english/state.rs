//! What a phrase has said so far (a day, a clock time, a part of the day, or a
//! moment counted from now) and the day and time it means.

use crate::quickadd::dates::phrase::Span;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

/// The part of the day a word names, and the time it stands for when no clock
/// time is given ("Fri morning" is Friday 09:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Period {
    pub(super) fn time(self) -> Option<NaiveTime> {
        let hour = match self {
            Period::Morning => 9,
            Period::Afternoon => 14,
            Period::Evening => 18,
            Period::Night => 19,
        };
        NaiveTime::from_hms_opt(hour, 0, 0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayKind {
    /// today, tomorrow, in 3 days...
    Plain,
    /// A weekday phrase: may be confirmed by a calendar date ("Fri, Dec 4").
    Weekday(Weekday),
    /// A calendar date: "Dec 4", "12/4", "the 4th".
    Calendar,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Day {
    pub(super) date: NaiveDate,
    pub(super) kind: DayKind,
    /// "tonight", "this morning": a day that also names its part.
    pub(super) period: Option<Period>,
    pub(super) back: bool,
    /// A stretch of days ("next week"), of which `date` is the first.
    pub(super) span: Option<Span>,
}

impl Day {
    pub(super) fn plain(date: NaiveDate) -> Day {
        Day {
            date,
            kind: DayKind::Plain,
            period: None,
            back: false,
            span: None,
        }
    }

    /// The first day of a stretch ("next month" is its 1st).
    pub(super) fn first_of(date: NaiveDate, span: Span) -> Day {
        Day {
            span: Some(span),
            ..Day::plain(date)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meridiem {
    Am,
    Pm,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) meridiem: Option<Meridiem>,
    /// Written as a 24-hour time ("14:00", "09:30", "15h"): no am/pm guessing.
    pub(super) fixed: bool,
}

impl Clock {
    pub(super) fn fixed(hour: u32, minute: u32) -> Clock {
        Clock {
            hour,
            minute,
            meridiem: None,
            fixed: true,
        }
    }

    /// An hour from 1 to 12 without am/pm is read with the part of the day if one
    /// was given, else as business hours: 8–11 in the morning, 12 noon, 1–7 pm.
    pub(super) fn resolve(self, period: Option<Period>) -> Option<NaiveTime> {
        let hour = match self.meridiem {
            Some(meridiem) if (1..=12).contains(&self.hour) => {
                self.hour % 12 + if meridiem == Meridiem::Pm { 12 } else { 0 }
            }
            _ if self.fixed || self.hour == 0 || self.hour > 12 => self.hour,
            _ => match period {
                Some(Period::Morning) => self.hour % 12,
                Some(_) if self.hour == 12 => 12,
                Some(_) => self.hour + 12,
                None if self.hour <= 7 => self.hour + 12,
                None => self.hour,
            },
        };
        NaiveTime::from_hms_opt(hour, self.minute, 0)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Elem {
    Day(Day),
    Clock(Clock),
    /// A part of the day; `true` when it can stand alone ("in the morning").
    Period(Period, bool),
    /// A moment counted from now ("in 2 hours"); `true` when counted backwards.
    Moment(NaiveDateTime, bool),
}

/// What a phrase has said so far: at most one of each kind.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct State {
    pub(super) day: Option<Day>,
    pub(super) clock: Option<Clock>,
    pub(super) period: Option<(Period, bool)>,
    pub(super) moment: Option<(NaiveDateTime, bool)>,
}

impl State {
    pub(super) fn with(self, elem: Elem) -> Option<State> {
        if self.moment.is_some() {
            return None;
        }
        let mut next = self;
        match elem {
            Elem::Moment(at, back) => {
                if self.day.is_some() || self.clock.is_some() || self.period.is_some() {
                    return None;
                }
                next.moment = Some((at, back));
            }
            Elem::Clock(clock) => {
                if self.clock.is_some() {
                    return None;
                }
                next.clock = Some(clock);
            }
            Elem::Period(period, alone) => {
                if self.period.is_some() || self.day.is_some_and(|day| day.period.is_some()) {
                    return None;
                }
                next.period = Some((period, alone));
            }
            Elem::Day(day) => {
                if day.period.is_some() && self.period.is_some() {
                    return None;
                }
                next.day = Some(match self.day {
                    None => day,
                    Some(old) => merge(old, day)?,
                });
            }
        }
        Some(next)
    }

    pub(super) fn resolve(&self, now: NaiveDateTime) -> Option<Resolved> {
        if let Some((at, back)) = self.moment {
            return Some(Resolved {
                date: at.date(),
                time: NaiveTime::from_hms_opt(at.hour(), at.minute(), 0),
                back,
                span: None,
            });
        }
        let period = self
            .period
            .map(|(period, _)| period)
            .or(self.day.and_then(|day| day.period));
        let time = match self.clock {
            Some(clock) => Some(clock.resolve(period)?),
            None => period.and_then(Period::time),
        };
        if let Some(day) = self.day {
            return Some(Resolved {
                date: day.date,
                time,
                back: day.back,
                span: day.span,
            });
        }
        // No day: a time alone means its next occurrence ("at 9am" said at 10:00
        // is tomorrow). A bare "morning" is too common a word to be a date.
        if self.clock.is_none() && !self.period.is_some_and(|(_, alone)| alone) {
            return None;
        }
        let time = time?;
        let today = now.date();
        let date = if today.and_time(time) > now {
            today
        } else {
            today.succ_opt()?
        };
        Some(Resolved {
            date,
            time: Some(time),
            back: false,
            span: None,
        })
    }
}

/// The day and time a phrase means.
pub(super) struct Resolved {
    pub(super) date: NaiveDate,
    pub(super) time: Option<NaiveTime>,
    pub(super) back: bool,
    pub(super) span: Option<Span>,
}

/// A weekday and a calendar date may say the same day twice ("Fri, Dec 4"); they
/// must agree. A weekday that disagrees is not quietly moved to another year.
pub(super) fn merge(old: Day, new: Day) -> Option<Day> {
    let period = old.period.or(new.period);
    match (old.kind, new.kind) {
        // Once confirmed, the day is plain: it takes no third weekday.
        (DayKind::Weekday(weekday), DayKind::Calendar) if new.date.weekday() == weekday => {
            Some(Day {
                period,
                kind: DayKind::Plain,
                span: None,
                ..new
            })
        }
        (DayKind::Calendar, DayKind::Weekday(weekday)) if old.date.weekday() == weekday => {
            Some(Day {
                period,
                kind: DayKind::Plain,
                span: None,
                ..old
            })
        }
        _ => None,
    }
}

pub(super) fn calendar(date: NaiveDate) -> Day {
    Day {
        date,
        kind: DayKind::Calendar,
        period: None,
        back: false,
        span: None,
    }
}
