//! English date and time phrases: "Thu", "next Tue", "tomorrow at 2pm",
//! "in 3 days", "3d", "Dec 3", "12/3", "noon", "Fri morning".
//!
//! What each phrase means (and what is refused) is decided in
//! `docs/decisions/0002-quick-add-date-phrases.md`. The reader is a small
//! hand-written grammar over words: it never allocates, never panics, and finds
//! a phrase *inside* a line, which a whole-string parser such as `interim` cannot.

use super::calendar as cal;
use super::{DateMatch, DatePhrases};
use crate::quickadd::tokens::clean;
use crate::quickadd::DateOrder;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Weekday};

/// The English reader of date phrases.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl DatePhrases for English {
    fn phrase_at(&self, words: &[&str], now: NaiveDateTime, order: DateOrder) -> Option<DateMatch> {
        Reader {
            words,
            now,
            today: now.date(),
            order,
        }
        .phrase()
    }
}

/// The part of the day a word names, and the time it stands for when no clock
/// time is given ("Fri morning" is Friday 09:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Period {
    fn time(self) -> Option<NaiveTime> {
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
enum DayKind {
    /// today, tomorrow, in 3 days...
    Plain,
    /// A weekday phrase: may be confirmed by a calendar date ("Fri, Dec 4").
    Weekday(Weekday),
    /// A calendar date: "Dec 4", "12/4", "the 4th".
    Calendar,
}

#[derive(Debug, Clone, Copy)]
struct Day {
    date: NaiveDate,
    kind: DayKind,
    /// "tonight", "this morning": a day that also names its part.
    period: Option<Period>,
    back: bool,
}

impl Day {
    fn plain(date: NaiveDate) -> Day {
        Day {
            date,
            kind: DayKind::Plain,
            period: None,
            back: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    meridiem: Option<Meridiem>,
    /// Written as a 24-hour time ("14:00", "09:30", "15h"): no am/pm guessing.
    fixed: bool,
}

impl Clock {
    fn fixed(hour: u32, minute: u32) -> Clock {
        Clock {
            hour,
            minute,
            meridiem: None,
            fixed: true,
        }
    }

    /// An hour from 1 to 12 without am/pm is read with the part of the day if one
    /// was given, else as business hours: 8–11 in the morning, 12 noon, 1–7 pm.
    fn resolve(self, period: Option<Period>) -> Option<NaiveTime> {
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
enum Elem {
    Day(Day),
    Clock(Clock),
    /// A part of the day; `true` when it can stand alone ("in the morning").
    Period(Period, bool),
    /// A moment counted from now ("in 2 hours"); `true` when counted backwards.
    Moment(NaiveDateTime, bool),
}

/// What a phrase has said so far: at most one of each kind.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    day: Option<Day>,
    clock: Option<Clock>,
    period: Option<(Period, bool)>,
    moment: Option<(NaiveDateTime, bool)>,
}

impl State {
    fn with(self, elem: Elem) -> Option<State> {
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

    fn resolve(&self, now: NaiveDateTime) -> Option<(NaiveDate, Option<NaiveTime>, bool)> {
        if let Some((at, back)) = self.moment {
            return Some((
                at.date(),
                NaiveTime::from_hms_opt(at.hour(), at.minute(), 0),
                back,
            ));
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
            return Some((day.date, time, day.back));
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
        Some((date, Some(time), false))
    }
}

/// A weekday and a calendar date may say the same day twice ("Fri, Dec 4"); they
/// must agree. A weekday that disagrees is not quietly moved to another year.
fn merge(old: Day, new: Day) -> Option<Day> {
    let period = old.period.or(new.period);
    match (old.kind, new.kind) {
        // Once confirmed, the day is plain: it takes no third weekday.
        (DayKind::Weekday(weekday), DayKind::Calendar) if new.date.weekday() == weekday => {
            Some(Day {
                period,
                kind: DayKind::Plain,
                ..new
            })
        }
        (DayKind::Calendar, DayKind::Weekday(weekday)) if old.date.weekday() == weekday => {
            Some(Day {
                period,
                kind: DayKind::Plain,
                ..old
            })
        }
        _ => None,
    }
}

/// Words that may lead into a phrase: "on Fri", "at 2pm", "by Thu".
const LEADS: &[&str] = &[
    "at",
    "@",
    "on",
    "by",
    "around",
    "about",
    "approximately",
    "approx",
];
/// Words that may join two parts of a phrase: "Sat for 9am".
const JOINS: &[&str] = &[
    "at",
    "@",
    "on",
    "by",
    "around",
    "about",
    "approximately",
    "approx",
    "for",
];
/// Leads after which a bare number is an hour: "at 3".
const CLOCK_LEADS: &[&str] = &["at", "@", "around", "about", "approximately", "approx"];

const TOMORROW: &[&str] = &[
    "tomorrow",
    "tomorrows",
    "tmrw",
    "tmr",
    "tmw",
    "tomorow",
    "tommorow",
    "tommorrow",
];

struct Reader<'w, 'a> {
    words: &'w [&'a str],
    now: NaiveDateTime,
    today: NaiveDate,
    order: DateOrder,
}

impl<'a> Reader<'_, 'a> {
    /// The word at `i` without surrounding quotes, brackets or a closing full stop;
    /// "" past the end.
    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |word| clean(word))
    }

    fn is(&self, i: usize, keyword: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(keyword)
    }

    fn is_any(&self, i: usize, keywords: &[&str]) -> bool {
        let word = self.word(i);
        keywords
            .iter()
            .any(|keyword| word.eq_ignore_ascii_case(keyword))
    }

    fn phrase(&self) -> Option<DateMatch> {
        let mut state = State::default();
        let mut best = None;
        let mut i = 0;
        loop {
            let mut j = i;
            let started = i > 0;
            if started && self.word(j) == "," {
                j += 1;
            }
            let leads = if started { JOINS } else { LEADS };
            let mut clock_lead = false;
            // "at about 3pm": at most two leading words.
            for _ in 0..2 {
                if !self.is_any(j, leads) {
                    break;
                }
                clock_lead |= self.is_any(j, CLOCK_LEADS);
                j += 1;
            }
            let Some((end, next)) = self.element(j, clock_lead, state) else {
                break;
            };
            state = next;
            i = end;
            if let Some((date, time, back)) = state.resolve(self.now) {
                best = Some(DateMatch {
                    words: i,
                    date,
                    time,
                    looks_back: back,
                });
            }
        }
        best
    }

    /// The longest element at `i` that fits what the phrase has said so far.
    fn element(&self, i: usize, clock_lead: bool, state: State) -> Option<(usize, State)> {
        if i >= self.words.len() {
            return None;
        }
        let mut best: Option<(usize, State)> = None;
        let candidates = [
            self.day(i).map(|(end, day)| (end, Elem::Day(day))),
            self.relative(i),
            self.clock(i, clock_lead)
                .map(|(end, clock)| (end, Elem::Clock(clock))),
            self.period(i)
                .map(|(end, period, alone)| (end, Elem::Period(period, alone))),
        ];
        for (end, elem) in candidates.into_iter().flatten() {
            if best.is_some_and(|(longest, _)| longest >= end) {
                continue;
            }
            if let Some(next) = state.with(elem) {
                best = Some((end, next));
            }
        }
        best
    }

    // ----- days -------------------------------------------------------------

    fn day(&self, i: usize) -> Option<(usize, Day)> {
        [
            self.named_day(i),
            self.weekday_phrase(i),
            self.span(i),
            self.calendar(i),
            self.nth_weekday_of_month(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(end, _)| *end)
    }

    fn named_day(&self, i: usize) -> Option<(usize, Day)> {
        let today = self.today;
        if self.is(i, "today") {
            return Some((i + 1, Day::plain(today)));
        }
        if self.is_any(i, &["tonight", "tonite"]) {
            let day = Day {
                period: Some(Period::Night),
                ..Day::plain(today)
            };
            return Some((i + 1, day));
        }
        if self.is_any(i, TOMORROW) {
            return Some((i + 1, Day::plain(today.succ_opt()?)));
        }
        if self.is(i, "yesterday") {
            let day = Day {
                back: true,
                ..Day::plain(today.pred_opt()?)
            };
            return Some((i + 1, day));
        }
        if self.is(i, "this") {
            if let Some(period) = period_word(self.word(i + 1)) {
                let day = Day {
                    period: Some(period),
                    ..Day::plain(today)
                };
                return Some((i + 2, day));
            }
        }
        let k = i + usize::from(self.is(i, "the"));
        if self.is(k, "day") && self.is(k + 2, "tomorrow") && self.is(k + 1, "after") {
            return Some((k + 3, Day::plain(cal::add_days(today, 2)?)));
        }
        if self.is(k, "day") && self.is(k + 2, "yesterday") && self.is(k + 1, "before") {
            let day = Day {
                back: true,
                ..Day::plain(cal::sub_days(today, 2)?)
            };
            return Some((k + 3, day));
        }
        None
    }

    fn weekday_phrase(&self, i: usize) -> Option<(usize, Day)> {
        let today = self.today;
        let this_monday = cal::monday_of(today)?;
        let weekday_day = |date, back| Day {
            date,
            kind: DayKind::Weekday(date_weekday(date)),
            period: None,
            back,
        };
        if let Some(weekday) = weekday_name(self.word(i)) {
            // "Fri after next": the Friday a week after the coming one.
            if self.is(i + 1, "after") && self.is(i + 2, "next") {
                let date = cal::add_days(cal::next_after(today, weekday)?, 7)?;
                return Some((i + 3, weekday_day(date, false)));
            }
            // "Wed next week", "Wed of next week", "Mon of this week".
            let k = i + 1 + usize::from(self.is(i + 1, "of"));
            if self.is(k + 1, "week") {
                let monday = if self.is(k, "next") {
                    Some(cal::add_days(this_monday, 7)?)
                } else if self.is(k, "this") {
                    Some(this_monday)
                } else {
                    None
                };
                if let Some(monday) = monday {
                    return Some((k + 2, weekday_day(cal::in_week(monday, weekday)?, false)));
                }
            }
            // "Tuesday 19th": the next 19th, which must be a Tuesday.
            if let Some((end, day, true)) = self.day_number(i + 1) {
                let date = cal::day_of_month_from(today, day)?;
                if date.weekday() == weekday {
                    return Some((end, calendar(date)));
                }
            }
            if self.is(i + 1, "from") && self.is(i + 2, "last") && self.is(i + 3, "week") {
                let monday = cal::sub_days(this_monday, 7)?;
                return Some((i + 4, weekday_day(cal::in_week(monday, weekday)?, true)));
            }
            return Some((i + 1, weekday_day(cal::next_after(today, weekday)?, false)));
        }
        let weekday = weekday_name(self.word(i + 1));
        if let Some(weekday) = weekday {
            if self.is(i, "this") {
                return Some((i + 2, weekday_day(cal::on_or_after(today, weekday)?, false)));
            }
            if self.is_any(i, &["coming", "upcoming"]) {
                return Some((i + 2, weekday_day(cal::next_after(today, weekday)?, false)));
            }
            // "next Tue" is the Tuesday of next week (weeks start on Monday).
            if self.is(i, "next") {
                let monday = cal::add_days(this_monday, 7)?;
                return Some((i + 2, weekday_day(cal::in_week(monday, weekday)?, false)));
            }
            if self.is_any(i, &["last", "past", "previous"]) {
                return Some((i + 2, weekday_day(cal::before(today, weekday)?, true)));
            }
        }
        if self.is(i, "last") && self.is(i + 1, "week's") {
            if let Some(weekday) = weekday_name(self.word(i + 2)) {
                let monday = cal::sub_days(this_monday, 7)?;
                return Some((i + 3, weekday_day(cal::in_week(monday, weekday)?, true)));
            }
        }
        None
    }

    /// Weeks, weekends, months and years named as a whole: "next week" is its
    /// Monday, "next month" its 1st, "the weekend" the coming Saturday.
    fn span(&self, i: usize) -> Option<(usize, Day)> {
        let today = self.today;
        let k = i + usize::from(self.is(i, "the"));
        let forward = self.is_any(k, &["next", "following", "coming", "upcoming"]);
        let backward = self.is_any(k, &["last", "past", "previous"]);
        let this_monday = cal::monday_of(today)?;
        if forward || backward {
            let unit = self.word(k + 1);
            let date = if eq_any(unit, &["week", "wk"]) {
                if forward {
                    cal::add_days(this_monday, 7)
                } else {
                    cal::sub_days(this_monday, 7)
                }
            } else if eq_any(unit, &["month", "mo"]) {
                let first = cal::first_of_month(today)?;
                if forward {
                    cal::add_months(first, 1)
                } else {
                    cal::sub_months(first, 1)
                }
            } else if eq_any(unit, &["year", "yr"]) {
                let year = today.year().checked_add(if forward { 1 } else { -1 })?;
                NaiveDate::from_ymd_opt(year, 1, 1)
            } else if forward && unit.eq_ignore_ascii_case("weekend") {
                cal::in_week(cal::add_days(this_monday, 7)?, Weekday::Sat)
            } else {
                None
            };
            if let Some(date) = date {
                let day = Day {
                    back: backward,
                    ..Day::plain(date)
                };
                return Some((k + 2, day));
            }
        }
        // "this weekend", "the weekend": the coming Saturday (today on a weekend).
        if self.is_any(i, &["this", "the"]) && self.is(i + 1, "weekend") {
            let date = match today.weekday() {
                Weekday::Sat | Weekday::Sun => today,
                _ => cal::on_or_after(today, Weekday::Sat)?,
            };
            return Some((i + 2, Day::plain(date)));
        }
        // "in March", "next March": the 1st of the next March.
        if self.is_any(i, &["in", "next", "during"]) {
            if let Some(month) = month_name(self.word(i + 1)) {
                return Some((i + 2, Day::plain(cal::first_of_next(today, month)?)));
            }
        }
        None
    }

    /// Calendar dates: "Dec 3", "December 3rd, 2026", "3 Dec", "the 3rd of
    /// December", "the 15th", "12/3" (order from the setting), "2026-12-03".
    fn calendar(&self, i: usize) -> Option<(usize, Day)> {
        let calendar_day = |date| Day {
            date,
            kind: DayKind::Calendar,
            period: None,
            back: false,
        };
        let the = self.is(i, "the");
        let k = i + usize::from(the);
        let mut best: Option<(usize, NaiveDate)> = None;
        let mut offer = |found: Option<(usize, NaiveDate)>| {
            if let Some((end, date)) = found {
                if best.is_none_or(|(longest, _)| end > longest) {
                    best = Some((end, date));
                }
            }
        };
        // Month first: "Dec 3", "December the 3rd", "Feb13".
        if let Some(month) = month_name(self.word(k)) {
            let d = k + 1 + usize::from(self.is(k + 1, "the"));
            if let Some((end, day, _)) = self.day_number(d) {
                offer(self.dated(end, month, day));
            }
        }
        if let Some((month, day)) = glued_month_day(self.word(k)) {
            offer(self.dated(k + 1, month, day));
        }
        // Day first: "3 Dec", "3rd of December", "third day of October", "14april".
        if let Some((end, day, ordinal)) = self.day_number(k) {
            let named_day = self.is(end, "day");
            let of = end + usize::from(named_day);
            let m = of + usize::from(self.is(of, "of"));
            if m > of || !named_day {
                if let Some(month) = month_name(self.word(m)) {
                    offer(self.dated(m + 1, month, day));
                }
            }
            // "the 20th of next month", "20 of this month".
            if self.is(of, "of") {
                let n = of + 1 + usize::from(self.is(of + 1, "the"));
                if let Some(first) = self.named_month(n) {
                    let date = NaiveDate::from_ymd_opt(first.year(), first.month(), day);
                    offer(date.map(|date| (n + 2, date)));
                }
            }
            // "the 15th": the next 15th of a month; not "the 3rd kit".
            if the && ordinal && self.date_can_end(end) {
                offer(cal::day_of_month_from(self.today, day).map(|date| (end, date)));
            }
        }
        // "October 2026": its 1st.
        if let Some(month) = month_name(self.word(k)) {
            let y = k + 1 + usize::from(self.word(k + 1) == ",");
            if let Some(year) = year_number(self.word(y)) {
                offer(NaiveDate::from_ymd_opt(year, month, 1).map(|date| (y + 1, date)));
            }
        }
        // "last day of October"
        if self.is(k, "last") && self.is(k + 1, "day") && self.is_any(k + 2, &["of", "in"]) {
            if let Some(month) = month_name(self.word(k + 3)) {
                let last_day = |year: i32| {
                    NaiveDate::from_ymd_opt(year, month, 1)
                        .and_then(|first| cal::add_months(first, 1))
                        .and_then(|next| next.pred_opt())
                };
                let found = match year_number(self.word(k + 4)) {
                    Some(year) => last_day(year).map(|date| (k + 5, date)),
                    None => last_day(self.today.year())
                        .filter(|date| *date >= self.today)
                        .or_else(|| last_day(self.today.year().checked_add(1)?))
                        .map(|date| (k + 4, date)),
                };
                offer(found);
            }
        }
        if !the {
            if let Some((day, month)) = glued_day_month(self.word(k)) {
                offer(self.dated(k + 1, month, day));
            }
            if let Some((year, month, day)) = numeric_date(self.word(k), self.order) {
                let date = match year {
                    Some(year) => NaiveDate::from_ymd_opt(year, month, day),
                    None => cal::month_day_from(self.today, month, day),
                };
                offer(date.map(|date| (k + 1, date)));
            }
        }
        best.map(|(end, date)| (end, calendar_day(date)))
    }

    /// "this month", "next month", "the current month", "last month": its 1st.
    fn named_month(&self, i: usize) -> Option<NaiveDate> {
        if !self.is(i + 1, "month") {
            return None;
        }
        let first = cal::first_of_month(self.today)?;
        if self.is_any(i, &["this", "current", "the"]) {
            Some(first)
        } else if self.is_any(i, &["next", "following"]) {
            cal::add_months(first, 1)
        } else if self.is_any(i, &["last", "previous"]) {
            cal::sub_months(first, 1)
        } else {
            None
        }
    }

    /// Whether a date may end before `words[i]`: at the end, at a comma, or where
    /// more of the phrase follows. "the 3rd kit" is not a date.
    fn date_can_end(&self, i: usize) -> bool {
        let word = self.word(i);
        word.is_empty()
            || super::super::tokens::is_separator(word)
            || eq_any(word, JOINS)
            || eq_any(word, TOMORROW)
            || eq_any(
                word,
                &["today", "tonight", "in", "this", "next", "noon", "midday"],
            )
            || weekday_name(word).is_some()
            || period_word(word).is_some()
            || word.starts_with(|c: char| c.is_ascii_digit())
    }

    /// A month and day, with the year that follows if any ("Dec 3, 2026"); without
    /// a year, the next such day from today on.
    fn dated(&self, end: usize, month: u32, day: u32) -> Option<(usize, NaiveDate)> {
        let y = end + usize::from(self.word(end) == ",");
        if let Some(year) = year_number(self.word(y)) {
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                return Some((y + 1, date));
            }
        }
        Some((end, cal::month_day_from(self.today, month, day)?))
    }

    /// A day of the month: "3", "3rd", "third", "twenty first"; `true` when it was
    /// written as an ordinal.
    fn day_number(&self, i: usize) -> Option<(usize, u32, bool)> {
        let word = self.word(i);
        if let Some(day) = ordinal_word(word) {
            return Some((i + 1, day, true));
        }
        let tens = if word.eq_ignore_ascii_case("twenty") {
            20
        } else if word.eq_ignore_ascii_case("thirty") {
            30
        } else {
            0
        };
        if tens > 0 {
            let unit = ordinal_word(self.word(i + 1)).filter(|unit| *unit < 10)?;
            let day = tens + unit;
            return (day <= 31).then_some((i + 2, day, true));
        }
        let day = digits_in(word, 1, 2)?;
        (1..=31).contains(&day).then_some((i + 1, day, false))
    }

    /// "first Tuesday of October", "last Friday in March 2027".
    fn nth_weekday_of_month(&self, i: usize) -> Option<(usize, Day)> {
        let k = i + usize::from(self.is(i, "the"));
        let nth = if self.is(k, "last") {
            0
        } else {
            ordinal_word(self.word(k)).filter(|nth| (1..=5).contains(nth))?
        };
        let weekday = weekday_name(self.word(k + 1))?;
        if !self.is_any(k + 2, &["of", "in"]) {
            return None;
        }
        // "the first Monday of this month", "first Tuesday of last month".
        if let Some(first) = self.named_month(k + 3) {
            let date = cal::nth_weekday(first.year(), first.month(), weekday, nth)?;
            return Some((k + 5, calendar(date)));
        }
        let month = month_name(self.word(k + 3))?;
        if let Some(year) = year_number(self.word(k + 4)) {
            let date = cal::nth_weekday(year, month, weekday, nth)?;
            return Some((k + 5, calendar(date)));
        }
        let year = self.today.year();
        let date = match cal::nth_weekday(year, month, weekday, nth)? {
            date if date >= self.today => date,
            _ => cal::nth_weekday(year.checked_add(1)?, month, weekday, nth)?,
        };
        Some((k + 4, calendar(date)))
    }

    // ----- counted from now ---------------------------------------------------

    /// "in 3 days", "in 2 weeks", "3d", "2 weeks from now", "a week ago",
    /// "in 2 hours".
    fn relative(&self, i: usize) -> Option<(usize, Elem)> {
        if self.is_any(i, &["in", "within"]) {
            let (end, amount, unit) = self.amount(i + 1)?;
            return Some((end, self.shift(amount, unit, false)?));
        }
        if let Some(found) = self.upcoming(i) {
            return Some(found);
        }
        let (end, amount, unit) = self.amount(i)?;
        if self.is(end, "from") && self.is(end + 1, "right") && self.is(end + 2, "now") {
            return Some((end + 3, self.shift(amount, unit, false)?));
        }
        if self.is(end, "from") && self.is_any(end + 1, &["now", "today"]) {
            return Some((end + 2, self.shift(amount, unit, false)?));
        }
        if self.is_any(end, &["hence", "later"]) {
            return Some((end + 1, self.shift(amount, unit, false)?));
        }
        if self.is(end, "ago") {
            return Some((end + 1, self.shift(amount, unit, true)?));
        }
        // A bare "3d" or "2w" is a follow-up rhythm; a bare "2h" is not a date.
        let compact = end == i + 1 && compact_amount(self.word(i)).is_some();
        if compact && unit >= Unit::Day {
            return Some((end, self.shift(amount, unit, false)?));
        }
        None
    }

    /// "upcoming 2 weeks", "2 upcoming months": the start of that many whole
    /// periods ahead, as "next week" is next week's Monday.
    fn upcoming(&self, i: usize) -> Option<(usize, Elem)> {
        let (end, count, unit_at) = if self.is(i, "upcoming") {
            let (end, count) = self.count(i + 1)?;
            (end + 1, count, end)
        } else {
            let (end, count) = self.count(i)?;
            if !self.is(end, "upcoming") {
                return None;
            }
            (end + 2, count, end + 1)
        };
        let (unit, times) = unit_word(self.word(unit_at))?;
        let count = count.checked_mul(times)?;
        if count > 1_000 {
            return None;
        }
        let today = self.today;
        let date = match unit {
            Unit::Day => cal::add_days(today, u64::from(count)),
            Unit::Week => cal::add_days(cal::monday_of(today)?, 7 * u64::from(count)),
            Unit::Month => cal::add_months(cal::first_of_month(today)?, count),
            Unit::Year => {
                NaiveDate::from_ymd_opt(today.year().checked_add(i32::try_from(count).ok()?)?, 1, 1)
            }
            Unit::Minute | Unit::Hour => None,
        }?;
        Some((end, Elem::Day(Day::plain(date))))
    }

    fn shift(&self, amount: u32, unit: Unit, back: bool) -> Option<Elem> {
        if amount > 10_000 {
            return None;
        }
        let minutes = match unit {
            Unit::Minute => Some(i64::from(amount)),
            Unit::Hour => Some(i64::from(amount) * 60),
            _ => None,
        };
        if let Some(minutes) = minutes {
            let delta = TimeDelta::try_minutes(minutes)?;
            let at = if back {
                self.now.checked_sub_signed(delta)?
            } else {
                self.now.checked_add_signed(delta)?
            };
            return Some(Elem::Moment(at, back));
        }
        let today = self.today;
        let date = match (unit, back) {
            (Unit::Day, false) => cal::add_days(today, u64::from(amount)),
            (Unit::Day, true) => cal::sub_days(today, u64::from(amount)),
            (Unit::Week, false) => cal::add_days(today, 7 * u64::from(amount)),
            (Unit::Week, true) => cal::sub_days(today, 7 * u64::from(amount)),
            (Unit::Month, false) => cal::add_months(today, amount),
            (Unit::Month, true) => cal::sub_months(today, amount),
            (Unit::Year, false) => cal::add_months(today, amount.checked_mul(12)?),
            (Unit::Year, true) => cal::sub_months(today, amount.checked_mul(12)?),
            (Unit::Minute | Unit::Hour, _) => None,
        }?;
        Some(Elem::Day(Day {
            back,
            ..Day::plain(date)
        }))
    }

    /// A count and a unit: "3 days", "a week", "a couple of months", "3d".
    fn amount(&self, i: usize) -> Option<(usize, u32, Unit)> {
        if let Some((amount, unit)) = compact_amount(self.word(i)) {
            return Some((i + 1, amount, unit));
        }
        if self.is(i, "half") && self.is_any(i + 1, &["an", "a"]) {
            return unit_word(self.word(i + 2))
                .filter(|(unit, _)| *unit == Unit::Hour)
                .map(|_| (i + 3, 30, Unit::Minute));
        }
        let (end, count) = self.count(i)?;
        let (unit, times) = unit_word(self.word(end))?;
        Some((end + 1, count.checked_mul(times)?, unit))
    }

    fn count(&self, i: usize) -> Option<(usize, u32)> {
        let word = self.word(i);
        if !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            return Some((i + 1, word.parse().ok()?));
        }
        if let Some(n) = number_word(word) {
            return Some((i + 1, n));
        }
        let k = i + usize::from(self.is(i, "a"));
        if self.is(k, "couple") {
            return Some((k + 1 + usize::from(self.is(k + 1, "of")), 2));
        }
        if self.is(k, "few") {
            return Some((k + 1, 3));
        }
        self.is_any(i, &["a", "an"]).then_some((i + 1, 1))
    }

    // ----- times ---------------------------------------------------------------

    /// "2pm", "2:30 pm", "14:00", "15h30", "noon", "midnight", "at 3", "3 o'clock".
    fn clock(&self, i: usize, lead: bool) -> Option<(usize, Clock)> {
        if let Some(found) = self.clock_offset(i) {
            return Some(found);
        }
        if self.is_any(i, &["noon", "midday"]) {
            return Some((i + 1, Clock::fixed(12, 0)));
        }
        if self.is(i, "the") && self.is_any(i + 1, &["noon", "midday"]) {
            return Some((i + 2, Clock::fixed(12, 0)));
        }
        if self.is(i, "mid") && self.is(i + 1, "day") {
            return Some((i + 2, Clock::fixed(12, 0)));
        }
        if self.is(i, "midnight") {
            return Some((i + 1, Clock::fixed(0, 0)));
        }
        if self.is(i, "12") && self.is(i + 1, "noon") {
            return Some((i + 2, Clock::fixed(12, 0)));
        }
        let (token, shape) = match clock_token(self.word(i)) {
            Some(found) => found,
            None => (
                Clock {
                    hour: number_word(self.word(i)).filter(|hour| *hour <= 12)?,
                    minute: 0,
                    meridiem: None,
                    fixed: false,
                },
                Shape::Hour,
            ),
        };
        let mut end = i + 1;
        let oclock = shape == Shape::Hour && self.is_any(end, &["o'clock", "oclock", "o’clock"]);
        end += usize::from(oclock);
        let mut clock = token;
        if clock.meridiem.is_none() {
            if let Some((after, meridiem)) = self.meridiem(end) {
                clock.meridiem = Some(meridiem);
                end = after;
            }
        }
        let sure = clock.meridiem.is_some()
            || oclock
            || matches!(shape, Shape::Colon)
            || shape == Shape::HForm && (clock.minute > 0 || clock.hour >= 13 || lead);
        let hour_ok = if clock.meridiem.is_some() {
            (1..=12).contains(&clock.hour) || shape == Shape::Colon && clock.hour <= 23
        } else {
            clock.hour <= 23
        };
        if !hour_ok || clock.minute > 59 {
            return None;
        }
        if clock.meridiem.is_some() && clock.hour > 12 {
            clock = Clock::fixed(clock.hour, clock.minute);
        }
        if sure {
            return Some((end, clock));
        }
        // A bare number: an hour only after "at" (and not a house number, "at 3
        // Elm St"), or right before "tonight"/"tomorrow" ("8 tonight").
        let bare = matches!(shape, Shape::Hour | Shape::Compact);
        if bare && lead && self.hour_can_end(end) {
            return Some((end, clock));
        }
        if shape == Shape::Hour && clock.hour <= 12 && self.leads_into_day(end) {
            return Some((end, clock));
        }
        None
    }

    /// "quarter past 3", "half past three pm", "20 to noon", "twenty after 3pm",
    /// "15 minutes past 15h", and the British "half three" (15:30).
    fn clock_offset(&self, i: usize) -> Option<(usize, Clock)> {
        let k = i + usize::from(self.is(i, "a"));
        // "2 to 3 weeks" is not 2:58: a bare count needs "minutes" or a sure hour.
        let (after_amount, minutes, lead) = if self.is(k, "quarter") {
            (k + 1, 15, true)
        } else if self.is(k, "half") {
            (k + 1, 30, true)
        } else {
            let word = self.word(k);
            let minutes = digits_in(word, 1, 2).or_else(|| number_word(word))?;
            let unit = self.is_any(k + 1, &["minutes", "minute", "mins", "min"]);
            (k + 1 + usize::from(unit), minutes, unit)
        };
        if minutes == 0 || minutes > 59 {
            return None;
        }
        let (base_at, before) = if self.is_any(after_amount, &["past", "after", "from"]) {
            (after_amount + 1, false)
        } else if self.is_any(after_amount, &["to", "till", "before"]) {
            (after_amount + 1, true)
        } else if self.is(k, "half") && k == i {
            (after_amount, false)
        } else {
            return None;
        };
        let (end, base) = self.clock(base_at, lead)?;
        if base.minute != 0 {
            return None;
        }
        let mut clock = base;
        if before {
            clock.minute = 60 - minutes;
            clock.hour = match base.hour {
                0 if base.fixed => 23,
                1 if !base.fixed => 12,
                hour => hour.checked_sub(1)?,
            };
        } else {
            clock.minute = minutes;
        }
        Some((end, clock))
    }

    fn meridiem(&self, i: usize) -> Option<(usize, Meridiem)> {
        if let Some(meridiem) = meridiem_word(self.word(i)) {
            return Some((i + 1, meridiem));
        }
        // "3:30 p m"
        if self.is(i + 1, "m") {
            if self.is(i, "a") {
                return Some((i + 2, Meridiem::Am));
            }
            if self.is(i, "p") {
                return Some((i + 2, Meridiem::Pm));
            }
        }
        None
    }

    /// After "at 3": the end of the line or a part of it, a lowercase word, or
    /// more of the date. "at 3 Elm St" is an address, not a time.
    fn hour_can_end(&self, i: usize) -> bool {
        let Some(raw) = self.words.get(i) else {
            return true;
        };
        let first = clean(raw).chars().next();
        match first {
            None => true,
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => {
                self.day(i).is_some() || self.period(i).is_some()
            }
            Some(_) => true,
        }
    }

    fn leads_into_day(&self, i: usize) -> bool {
        self.is_any(i, &["tonight", "tonite"])
            || self.is_any(i, TOMORROW)
            || self.is(i, "this") && period_word(self.word(i + 1)).is_some()
            || self.period(i).is_some_and(|(_, _, alone)| alone)
    }

    /// "morning" (only with a day or a time), "in the morning" (alone too).
    fn period(&self, i: usize) -> Option<(usize, Period, bool)> {
        if self.is(i, "in") {
            let k = i + 1 + usize::from(self.is(i + 1, "the"));
            return period_word(self.word(k)).map(|period| (k + 1, period, true));
        }
        period_word(self.word(i)).map(|period| (i + 1, period, false))
    }
}

fn calendar(date: NaiveDate) -> Day {
    Day {
        date,
        kind: DayKind::Calendar,
        period: None,
        back: false,
    }
}

fn date_weekday(date: NaiveDate) -> Weekday {
    date.weekday()
}

fn eq_any(word: &str, keywords: &[&str]) -> bool {
    keywords
        .iter()
        .any(|keyword| word.eq_ignore_ascii_case(keyword))
}

fn weekday_name(word: &str) -> Option<Weekday> {
    const NAMES: [(&[&str], Weekday); 7] = [
        (&["mon", "monday"], Weekday::Mon),
        (&["tue", "tues", "tuesday"], Weekday::Tue),
        (&["wed", "weds", "wednesday"], Weekday::Wed),
        (&["thu", "thur", "thurs", "thursday"], Weekday::Thu),
        (&["fri", "friday"], Weekday::Fri),
        (&["sat", "saturday"], Weekday::Sat),
        (&["sun", "sunday"], Weekday::Sun),
    ];
    NAMES
        .iter()
        .find(|(names, _)| eq_any(word, names))
        .map(|(_, weekday)| *weekday)
}

/// The short weekday forms ("Thu", "Sat") are also given names and surnames
/// (Thu, Sun, Sat); the line parser lets a name keep them.
pub fn is_short_weekday(word: &str) -> bool {
    let word = clean(word);
    word.len() <= 5 && weekday_name(word).is_some()
}

fn month_name(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["jan", "january"],
        &["feb", "february"],
        &["mar", "march"],
        &["apr", "april"],
        &["may"],
        &["jun", "june"],
        &["jul", "july"],
        &["aug", "august"],
        &["sep", "sept", "september"],
        &["oct", "october"],
        &["nov", "november"],
        &["dec", "december"],
    ];
    let index = NAMES.iter().position(|names| eq_any(word, names))?;
    u32::try_from(index + 1).ok()
}

fn period_word(word: &str) -> Option<Period> {
    const PERIODS: [(&str, Period); 4] = [
        ("morning", Period::Morning),
        ("afternoon", Period::Afternoon),
        ("evening", Period::Evening),
        ("night", Period::Night),
    ];
    PERIODS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, period)| *period)
}

fn meridiem_word(word: &str) -> Option<Meridiem> {
    if eq_any(word, &["am", "a.m"]) {
        Some(Meridiem::Am)
    } else if eq_any(word, &["pm", "p.m"]) {
        Some(Meridiem::Pm)
    } else {
        None
    }
}

fn number_word(word: &str) -> Option<u32> {
    const NUMBERS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if word.eq_ignore_ascii_case("thirty") {
        return Some(30);
    }
    let index = NUMBERS
        .iter()
        .position(|number| word.eq_ignore_ascii_case(number))?;
    u32::try_from(index + 1).ok()
}

/// "1st".."31st" and "first".."thirty-first".
fn ordinal_word(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 31] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];
    if let Some(index) = ORDINALS.iter().position(|o| word.eq_ignore_ascii_case(o)) {
        return u32::try_from(index + 1).ok();
    }
    if !is_ordinal(word) {
        return None;
    }
    let day: u32 = word.get(..word.len() - 2)?.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// "3rd", "21st", "15th": one or two digits and an English ordinal ending.
fn is_ordinal(word: &str) -> bool {
    let Some(digits) = word.get(..word.len().saturating_sub(2)) else {
        return false;
    };
    let suffix = word.get(digits.len()..).unwrap_or("");
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && eq_any(suffix, &["st", "nd", "rd", "th"])
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse()
        .ok()
        .filter(|year| (1900..=2199).contains(year))
}

/// "Feb13", "dec3rd".
fn glued_month_day(word: &str) -> Option<(u32, u32)> {
    let split = word.find(|c: char| c.is_ascii_digit())?;
    let (name, rest) = (word.get(..split)?, word.get(split..)?);
    let month = month_name(name)?;
    let day = if is_ordinal(rest) {
        ordinal_word(rest)?
    } else {
        digits_in(rest, 1, 2)?
    };
    (1..=31).contains(&day).then_some((month, day))
}

/// "14april", "3dec".
fn glued_day_month(word: &str) -> Option<(u32, u32)> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let day = digits_in(word.get(..split)?, 1, 2)?;
    let month = month_name(word.get(split..)?)?;
    (1..=31).contains(&day).then_some((day, month))
}

fn digits_in(text: &str, min: usize, max: usize) -> Option<u32> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// "12/3" (month first or day first, from the setting), "12/3/2026", "12/3/26",
/// "2026-12-03", "2026/12/03". Returns (year, month, day).
fn numeric_date(word: &str, order: DateOrder) -> Option<(Option<i32>, u32, u32)> {
    if !word.is_ascii() {
        return None;
    }
    let dash = word.contains('-');
    let separator = if dash { '-' } else { '/' };
    let mut parts = word.split(separator);
    let first = parts.next()?;
    let second = parts.next()?;
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if first.len() == 4 {
        let year = i32::try_from(digits_in(first, 4, 4)?).ok()?;
        let month = digits_in(second, 1, 2)?;
        let day = digits_in(third?, 1, 2)?;
        return Some((Some(year), month, day));
    }
    if dash {
        return None;
    }
    let a = digits_in(first, 1, 2)?;
    let b = digits_in(second, 1, 2)?;
    let (month, day) = match order {
        DateOrder::MonthFirst => (a, b),
        DateOrder::DayFirst => (b, a),
    };
    let year = match third {
        None => None,
        Some(year) if year.len() == 2 => Some(2000 + i32::try_from(digits_in(year, 2, 2)?).ok()?),
        Some(year) => Some(i32::try_from(digits_in(year, 4, 4)?).ok()?),
    };
    Some((year, month, day))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A unit word and how many of the unit it is ("fortnight" is 14 days).
fn unit_word(word: &str) -> Option<(Unit, u32)> {
    const UNITS: [(&[&str], Unit, u32); 7] = [
        (&["minute", "minutes", "min", "mins"], Unit::Minute, 1),
        (&["hour", "hours", "hr", "hrs", "h"], Unit::Hour, 1),
        (&["day", "days"], Unit::Day, 1),
        (&["week", "weeks", "wk", "wks"], Unit::Week, 1),
        (&["fortnight", "fortnights"], Unit::Day, 14),
        (&["month", "months", "mo", "mos", "mth", "mths"], Unit::Month, 1),
        (&["year", "years", "yr", "yrs"], Unit::Year, 1),
    ];
    UNITS
        .iter()
        .find(|(names, _, _)| eq_any(word, names))
        .map(|(_, unit, times)| (*unit, *times))
}

/// "3d", "2w", "3m" (months: the 3 days – 3 weeks – 3 months rhythm), "1y", "2h",
/// "30min", "3days".
fn compact_amount(word: &str) -> Option<(u32, Unit)> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let count = digits_in(word.get(..split)?, 1, 4)?;
    let suffix = word.get(split..)?;
    let (unit, times) = match suffix {
        "d" | "D" => (Unit::Day, 1),
        "w" | "W" => (Unit::Week, 1),
        "m" | "M" => (Unit::Month, 1),
        "y" | "Y" => (Unit::Year, 1),
        other => unit_word(other)?,
    };
    Some((count.checked_mul(times)?, unit))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// "3", "3pm", "12am"
    Hour,
    /// "3:30", "14:00", "9:01:10"
    Colon,
    /// "15h", "15h30", "3h18"
    HForm,
    /// "1030", "730pm"
    Compact,
}

/// Reads one word as a clock time, without deciding yet whether a bare number
/// is an hour at all.
fn clock_token(word: &str) -> Option<(Clock, Shape)> {
    // Every clock time starts with a digit; only those are worth a lowercase copy.
    if !word.starts_with(|c: char| c.is_ascii_digit()) || !word.is_ascii() || word.len() > 12 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let (body, meridiem) = [
        ("a.m", Meridiem::Am),
        ("p.m", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("pm", Meridiem::Pm),
        ("a", Meridiem::Am),
        ("p", Meridiem::Pm),
    ]
    .iter()
    .find_map(|(suffix, meridiem)| {
        let body = lower.strip_suffix(suffix)?;
        body.ends_with(|c: char| c.is_ascii_digit())
            .then_some((body, Some(*meridiem)))
    })
    .unwrap_or((lower.as_str(), None));
    let (hour, minute, shape, padded) = if body.contains(':') {
        let mut parts = body.split(':');
        let hour_text = parts.next()?;
        let hour = digits_in(hour_text, 1, 2)?;
        let minute = digits_in(parts.next()?, 2, 2)?;
        if let Some(second) = parts.next() {
            digits_in(second, 2, 2).filter(|second| *second <= 59)?;
        }
        if parts.next().is_some() {
            return None;
        }
        (
            hour,
            minute,
            Shape::Colon,
            hour_text.len() == 2 && hour_text.starts_with('0'),
        )
    } else if let Some((hour_text, minute_text)) = body.split_once('h') {
        let hour = digits_in(hour_text, 1, 2)?;
        let minute = if minute_text.is_empty() {
            0
        } else {
            digits_in(minute_text, 2, 2)?
        };
        (hour, minute, Shape::HForm, true)
    } else {
        match body.len() {
            1 | 2 => (
                digits_in(body, 1, 2)?,
                0,
                Shape::Hour,
                body.starts_with('0'),
            ),
            3 | 4 => {
                let number = digits_in(body, 3, 4)?;
                (
                    number / 100,
                    number % 100,
                    Shape::Compact,
                    body.starts_with('0'),
                )
            }
            _ => return None,
        }
    };
    let fixed = meridiem.is_none() && (padded || hour == 0 || hour > 12);
    Some((
        Clock {
            hour,
            minute,
            meridiem,
            fixed,
        },
        shape,
    ))
}
