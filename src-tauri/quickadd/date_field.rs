//! A date typed into a form field ("Mon", "in 3 weeks", "Dec 3 at 2pm", or the
//! calendar's "2026-12-07"), read whole by the same date phrases as Quick add.
//!
//! Every form that asks for a day (Plan follow-up, Reschedule, snooze's "pick a
//! date", a decision's revisit, a cadence's start) reads it here, so a phrase
//! means the same everywhere. What cannot be read is said, never replaced by
//! another day; where a phrase names a stretch ("in January"), `why` says which
//! day was chosen.

use super::dates::{words, DatePhrases, Span};
use super::parsed::DateOrder;
use super::tokens::{is_separator, joined};
use crate::domain::{dates, local_time};
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

const EXAMPLES: &str = "e.g. “Mon”, “in 3 weeks” or “Dec 3 at 2pm”";

/// Whether the field may name a day already gone: a cadence may start on the
/// day they met; a promise or a reminder may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Past {
    Refuse,
    Allow,
}

/// What a field holds and how it is read.
#[derive(Debug, Clone, Copy)]
pub struct FieldAsk<'a> {
    /// The day as she typed it.
    pub text: &'a str,
    /// The form's own Time field, "HH:MM" or empty; it wins over a time in `text`.
    pub time: &'a str,
    /// Whether the form keeps a time of day at all (a revisit date does not).
    pub with_time: bool,
    pub past: Past,
}

/// What the field is read against: her local now, the date order, the default time.
#[derive(Debug, Clone, Copy)]
pub struct FieldContext {
    pub now: NaiveDateTime,
    pub order: DateOrder,
    pub default_time: NaiveTime,
}

/// The day (and time) a field means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDate {
    pub date: NaiveDate,
    /// `None`: no time was named (the default time applies where a time is kept).
    pub time: Option<NaiveTime>,
    /// Why this day, when the words did not name one: "“in January” names no
    /// day, so Tend chose the 1st…".
    pub why: Option<String>,
}

impl FieldDate {
    /// "Mon 7 Dec, 09:00" (the year when it is not this year's; the time as
    /// `zone`'s clock will show it, with why when the clocks skip it), or
    /// "Mon 7 Dec" for a field without a time.
    pub fn shown(
        &self,
        with_time: bool,
        default_time: NaiveTime,
        today: NaiveDate,
        zone: Tz,
    ) -> String {
        let day = |date: NaiveDate| {
            let mut text = date.format("%a %-d %b").to_string();
            if date.year() != today.year() {
                text.push_str(&format!(" {}", date.year()));
            }
            text
        };
        if !with_time {
            return day(self.date);
        }
        let asked = self.date.and_time(self.time.unwrap_or(default_time));
        let on_clock = local_time::on_the_clock(asked, zone);
        let mut text = format!("{}, {}", day(on_clock.date()), on_clock.format("%H:%M"));
        if let Some(note) = local_time::gap_note(asked, zone) {
            text.push(' ');
            text.push_str(&note);
        }
        text
    }
}

/// Reads a field. Errors are `Invalid` on field `"date"` (the words) or
/// `"time"` (the Time field), with a sentence she can act on.
pub fn read(ask: &FieldAsk<'_>, ctx: &FieldContext, dates: &dyn DatePhrases) -> Result<FieldDate> {
    let all = words(ask.text);
    let end = all.len() - all.iter().rev().take_while(|w| is_separator(w)).count();
    let typed = &all[..end];
    if typed.is_empty() {
        return Err(Error::invalid(
            "date",
            format!("Type a day, {EXAMPLES}, or pick one on the calendar."),
        ));
    }
    let text = ask.text.trim().trim_end_matches(super::tokens::SEPARATORS);
    if let Some(why) = (0..typed.len())
        .find_map(|i| dates.impossible_at(&typed[i..], ctx.now, ctx.order))
        .map(|(_, why)| why)
    {
        return Err(Error::invalid("date", why));
    }
    let found = dates
        .phrase_at(typed, ctx.now, ctx.order)
        .filter(|found| found.words > 0);
    let found = match found {
        Some(found) if found.words >= typed.len() => found,
        partly => {
            if let Some(question) = dates.too_vague(typed) {
                let question = format!("{question} Or pick it on the calendar.");
                return Err(Error::invalid("date", question));
            }
            let message = match partly {
                Some(found) => format!(
                    "Tend read “{}” but not “{}”. Type only the day, {EXAMPLES}.",
                    joined(&typed[..found.words]),
                    joined(&typed[found.words..]),
                ),
                None => format!(
                    "Tend can't read “{text}” as a day. Type one, {EXAMPLES}, or pick it on the calendar."
                ),
            };
            return Err(Error::invalid("date", message));
        }
    };
    let picked_time = match ask.time.trim() {
        "" => None,
        time => Some(NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| {
            Error::invalid(
                "time",
                format!("“{time}” is not a time of day (use HH:MM)."),
            )
        })?),
    };
    let time = if ask.with_time {
        picked_time.or(found.time)
    } else {
        None
    };
    let today = ctx.now.date();
    let date = match ask.past {
        Past::Refuse => dates::ahead(found.date, today, "date")?,
        Past::Allow => dates::near(found.date, today, "date")?,
    };
    if ask.past == Past::Refuse {
        refuse_past(text, date, time, ctx)?;
    }
    let mut why = found.span.map(|span| chosen(text, span, date));
    if !ask.with_time && found.time.is_some() {
        why = Some(join_why(why, "Only the day is kept here, not the time."));
    }
    Ok(FieldDate { date, time, why })
}

fn refuse_past(
    text: &str,
    date: NaiveDate,
    time: Option<NaiveTime>,
    ctx: &FieldContext,
) -> Result<()> {
    let today = ctx.now.date();
    if date < today {
        return Err(Error::invalid(
            "date",
            format!(
                "“{text}” is {}, which has passed. Pick today or a later day.",
                date.format("%a %-d %b %Y")
            ),
        ));
    }
    if let Some(time) = time.filter(|time| date == today && *time <= ctx.now.time()) {
        return Err(Error::invalid(
            "time",
            format!(
                "Today at {} has passed (it is {} now). Pick a later time.",
                time.format("%H:%M"),
                ctx.now.format("%H:%M")
            ),
        ));
    }
    Ok(())
}

/// Why a phrase that named a stretch of days landed on its first day.
fn chosen(text: &str, span: Span, date: NaiveDate) -> String {
    match span {
        Span::Week => format!(
            "“{text}” names no day, so Tend chose its Monday. Type a day (e.g. “Wed next week”) to choose another."
        ),
        Span::Weekend => {
            format!("“{text}” names no day, so Tend chose the Saturday. Type “Sun” for Sunday.")
        }
        Span::Month => format!(
            "“{text}” names no day, so Tend chose the 1st. Type a day (e.g. “{} 15”) to choose another.",
            date.format("%b")
        ),
        Span::Year => format!(
            "“{text}” names no day, so Tend chose 1 January. Type a day to choose another."
        ),
    }
}

fn join_why(why: Option<String>, more: &str) -> String {
    match why {
        Some(why) => format!("{why} {more}"),
        None => more.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quickadd::English;

    /// Monday 23 Nov 2026, 10:00 local.
    fn ctx() -> FieldContext {
        FieldContext {
            now: NaiveDate::from_ymd_opt(2026, 11, 23)
                .and_then(|d| d.and_hms_opt(10, 0, 0))
                .expect("a time"),
            order: DateOrder::MonthFirst,
            default_time: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00"),
        }
    }

    fn ask(text: &str) -> FieldAsk<'_> {
        FieldAsk {
            text,
            time: "",
            with_time: true,
            past: Past::Refuse,
        }
    }

    fn read_ok(text: &str) -> FieldDate {
        read(&ask(text), &ctx(), &English).unwrap_or_else(|err| panic!("{text:?}: {err}"))
    }

    fn refused(ask: FieldAsk<'_>) -> Error {
        read(&ask, &ctx(), &English).expect_err("refused")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn shown(found: &FieldDate) -> String {
        found.shown(true, ctx().default_time, day(2026, 11, 23), chrono_tz::UTC)
    }

    #[test]
    fn the_quick_add_phrases_read_the_same_in_a_field() {
        assert_eq!(shown(&read_ok("Mon")), "Mon 30 Nov, 09:00");
        assert_eq!(shown(&read_ok("in 3 weeks")), "Mon 14 Dec, 09:00");
        assert_eq!(shown(&read_ok("Dec 3 at 2pm")), "Thu 3 Dec, 14:00");
        assert_eq!(shown(&read_ok("tomorrow evening")), "Tue 24 Nov, 18:00");
        assert_eq!(
            shown(&read_ok("2026-12-07")),
            "Mon 7 Dec, 09:00",
            "the calendar's own form"
        );
        assert_eq!(
            shown(&read_ok("Fri,")),
            "Fri 27 Nov, 09:00",
            "a stray comma at the end"
        );
        assert_eq!(
            read_ok("Mon").why,
            None,
            "a day is a day: nothing to explain"
        );
    }

    #[test]
    fn the_time_field_wins_over_a_time_in_the_words() {
        let found = read(
            &FieldAsk {
                time: "10:30",
                ..ask("Dec 3 at 2pm")
            },
            &ctx(),
            &English,
        )
        .expect("read");
        assert_eq!(shown(&found), "Thu 3 Dec, 10:30");
        let err = refused(FieldAsk {
            time: "half ten",
            ..ask("Mon")
        });
        assert_eq!(err.field(), Some("time"));
    }

    #[test]
    fn what_cannot_be_read_is_said_never_replaced_by_another_day() {
        let err = refused(ask("Mnday"));
        assert_eq!(err.field(), Some("date"));
        assert!(
            err.to_string()
                .starts_with("Tend can't read “Mnday” as a day."),
            "{err}"
        );
        let err = refused(ask("Mon blah"));
        assert!(
            err.to_string()
                .starts_with("Tend read “Mon” but not “blah”."),
            "{err}"
        );
        let err = refused(ask("   "));
        assert!(err.to_string().starts_with("Type a day"), "{err}");
    }

    #[test]
    fn feb_30_is_not_a_date() {
        for (text, why) in [
            (
                "Feb 30",
                "“Feb 30” is not a date: February has 28 days, 29 in a leap year.",
            ),
            (
                "30 February",
                "“30 February” is not a date: February has 28 days, 29 in a leap year.",
            ),
            (
                "April 31st",
                "“April 31st” is not a date: April has 30 days.",
            ),
            (
                "Feb 29, 2027",
                "“Feb 29, 2027” is not a date: February 2027 has 28 days.",
            ),
            (
                "2/30",
                "“2/30” is not a date: February has 28 days, 29 in a leap year.",
            ),
            (
                "2027-02-29",
                "“2027-02-29” is not a date: February 2027 has 28 days.",
            ),
            ("Mon, June 31", "“June 31” is not a date: June has 30 days."),
        ] {
            let err = refused(ask(text));
            assert_eq!(
                (err.field(), err.to_string().as_str()),
                (Some("date"), why),
                "{text:?}"
            );
        }
        assert_eq!(
            read_ok("Feb 29").date,
            day(2028, 2, 29),
            "a leap day without a year is the next one"
        );
    }

    #[test]
    fn a_stretch_of_days_says_which_day_was_chosen_and_why() {
        let january = read_ok("In January");
        assert_eq!(january.date, day(2027, 1, 1));
        assert_eq!(
            january.why.as_deref(),
            Some("“In January” names no day, so Tend chose the 1st. Type a day (e.g. “Jan 15”) to choose another.")
        );
        assert_eq!(
            shown(&january),
            "Fri 1 Jan 2027, 09:00",
            "another year shows its year"
        );
        let week = read_ok("next week");
        assert_eq!(week.date, day(2026, 11, 30));
        assert!(week.why.expect("why").contains("chose its Monday"));
        assert!(read_ok("this weekend")
            .why
            .expect("why")
            .contains("Saturday"));
        assert!(read_ok("next year").why.expect("why").contains("1 January"));
        assert!(read_ok("next month").why.expect("why").contains("the 1st"));
    }

    #[test]
    fn a_vague_phrase_is_asked_about() {
        for text in [
            "after the holidays",
            "next season",
            "soon",
            "mid-January",
            "end of the month",
        ] {
            let err = refused(ask(text));
            assert_eq!(err.field(), Some("date"));
            assert!(
                err.to_string().starts_with(&format!(
                    "“{text}” could be many days. Which day do you mean?"
                )),
                "{text:?}: {err}"
            );
        }
    }

    #[test]
    fn a_past_day_is_refused_where_a_plan_is_asked_and_kept_where_the_past_is_allowed() {
        let err = refused(ask("yesterday"));
        assert_eq!(
            err.to_string(),
            "“yesterday” is Sun 22 Nov 2026, which has passed. Pick today or a later day."
        );
        let err = refused(ask("today at 9am"));
        assert_eq!(err.field(), Some("time"));
        assert!(
            read(&ask("today"), &ctx(), &English).is_ok(),
            "today without a time is due today"
        );
        let met = read(
            &FieldAsk {
                past: Past::Allow,
                ..ask("last Sat")
            },
            &ctx(),
            &English,
        )
        .expect("read");
        assert_eq!(met.date, day(2026, 11, 21));
        assert_eq!(
            refused(ask("in 200 years")).to_string(),
            "Pick a date within the next 100 years."
        );
    }

    #[test]
    fn a_field_without_a_time_keeps_only_the_day_and_says_so() {
        let found = read(
            &FieldAsk {
                with_time: false,
                ..ask("Dec 3 at 2pm")
            },
            &ctx(),
            &English,
        )
        .expect("read");
        assert_eq!(found.time, None);
        assert_eq!(
            found.why.as_deref(),
            Some("Only the day is kept here, not the time.")
        );
        assert_eq!(
            found.shown(false, ctx().default_time, day(2026, 11, 23), chrono_tz::UTC),
            "Thu 3 Dec"
        );
    }

    #[test]
    fn a_time_the_clocks_skip_is_shown_as_the_clock_will_say_it() {
        let found = read_ok("Mar 14 2027 at 2:30am");
        let text = found.shown(
            true,
            ctx().default_time,
            day(2026, 11, 23),
            chrono_tz::America::New_York,
        );
        assert!(text.starts_with("Sun 14 Mar 2027, 03:30"), "{text}");
    }
}
