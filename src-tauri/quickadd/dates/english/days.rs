//! Days: "today", "Thu", "next Tue", "this weekend", "next month", "Dec 3",
//! "3rd of December", "the 15th", "12/3", "2026-12-03", "first Tuesday of May".

use super::lexicon::*;
use super::state::{calendar, Day, DayKind, Period};
use super::{Reader, JOINS};
use crate::quickadd::dates::calendar as cal;
use crate::quickadd::dates::phrase::Span;
use chrono::{Datelike, NaiveDate, Weekday};

impl Reader<'_, '_> {
    pub(super) fn day(&self, i: usize) -> Option<(usize, Day)> {
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

    pub(super) fn named_day(&self, i: usize) -> Option<(usize, Day)> {
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

    pub(super) fn weekday_phrase(&self, i: usize) -> Option<(usize, Day)> {
        let today = self.today;
        let this_monday = cal::monday_of(today)?;
        let weekday_day = |date, back| Day {
            date,
            kind: DayKind::Weekday(date.weekday()),
            period: None,
            back,
            span: None,
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
    pub(super) fn span(&self, i: usize) -> Option<(usize, Day)> {
        let today = self.today;
        let k = i + usize::from(self.is(i, "the"));
        let forward = self.is_any(k, &["next", "following", "coming", "upcoming"]);
        let backward = self.is_any(k, &["last", "past", "previous"]);
        let this_monday = cal::monday_of(today)?;
        if forward || backward {
            let unit = self.word(k + 1);
            let found = if eq_any(unit, &["week", "wk"]) {
                let monday = if forward {
                    cal::add_days(this_monday, 7)
                } else {
                    cal::sub_days(this_monday, 7)
                };
                monday.map(|date| (date, Span::Week))
            } else if eq_any(unit, &["month", "mo"]) {
                let first = cal::first_of_month(today)?;
                let first = if forward {
                    cal::add_months(first, 1)
                } else {
                    cal::sub_months(first, 1)
                };
                first.map(|date| (date, Span::Month))
            } else if eq_any(unit, &["year", "yr"]) {
                let year = today.year().checked_add(if forward { 1 } else { -1 })?;
                NaiveDate::from_ymd_opt(year, 1, 1).map(|date| (date, Span::Year))
            } else if forward && unit.eq_ignore_ascii_case("weekend") {
                cal::in_week(cal::add_days(this_monday, 7)?, Weekday::Sat)
                    .map(|date| (date, Span::Weekend))
            } else {
                None
            };
            if let Some((date, span)) = found {
                let day = Day {
                    back: backward,
                    ..Day::first_of(date, span)
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
            return Some((i + 2, Day::first_of(date, Span::Weekend)));
        }
        // "in March", "next March": the 1st of the next March.
        if self.is_any(i, &["in", "next", "during"]) {
            if let Some(month) = month_name(self.word(i + 1)) {
                let first = cal::first_of_next(today, month)?;
                return Some((i + 2, Day::first_of(first, Span::Month)));
            }
        }
        None
    }

    /// Calendar dates: "Dec 3", "December 3rd, 2026", "3 Dec", "the 3rd of
    /// December", "the 15th", "12/3" (order from the setting), "2026-12-03".
    pub(super) fn calendar(&self, i: usize) -> Option<(usize, Day)> {
        let calendar_day = |date| Day {
            date,
            kind: DayKind::Calendar,
            period: None,
            back: false,
            span: None,
        };
        let the = self.is(i, "the");
        let k = i + usize::from(the);
        let mut best: Option<(usize, NaiveDate)> = None;
        // "October 2026" names the whole month: its 1st is a choice, said as such.
        let mut month_alone: Option<(usize, NaiveDate)> = None;
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
                month_alone = NaiveDate::from_ymd_opt(year, month, 1).map(|date| (y + 1, date));
                offer(month_alone);
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
        best.map(|(end, date)| {
            let day = calendar_day(date);
            if month_alone == Some((end, date)) {
                (
                    end,
                    Day {
                        span: Some(Span::Month),
                        ..day
                    },
                )
            } else {
                (end, day)
            }
        })
    }

    /// "this month", "next month", "the current month", "last month": its 1st.
    pub(super) fn named_month(&self, i: usize) -> Option<NaiveDate> {
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
    pub(super) fn date_can_end(&self, i: usize) -> bool {
        let word = self.word(i);
        word.is_empty()
            || crate::quickadd::tokens::is_separator(word)
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
    /// a year, the next such day from today on. A day the named year does not
    /// have ("Feb 29, 2027") is not a date: it is not moved to another year.
    pub(super) fn dated(&self, end: usize, month: u32, day: u32) -> Option<(usize, NaiveDate)> {
        let y = end + usize::from(self.word(end) == ",");
        if let Some(year) = year_number(self.word(y)) {
            return NaiveDate::from_ymd_opt(year, month, day).map(|date| (y + 1, date));
        }
        Some((end, cal::month_day_from(self.today, month, day)?))
    }

    /// A day of the month: "3", "3rd", "third", "twenty first"; `true` when it was
    /// written as an ordinal.
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u32, bool)> {
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
    pub(super) fn nth_weekday_of_month(&self, i: usize) -> Option<(usize, Day)> {
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
}
