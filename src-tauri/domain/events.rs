//! Birthdays and the dated events she adds (an anniversary, "baby due in May"):
//! how a typed date is read ("14 Mar", "March 14, 1984", "--03-14"), when a
//! yearly one comes back (29 February in a common year: the 28th), which fall in
//! the week ahead, what Today and the notification say, and the follow-up ready
//! to plan ("Wish Maria a happy birthday").

use crate::error::{Error, Result};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

pub const MAX_LABEL_CHARS: usize = 120;

/// A day of the year, with its year when known: stored "YYYY-MM-DD" or "--MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dated {
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "Mar", "march", "Sept.": a month's name or its first three letters or more.
fn month_named(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|month| month.starts_with(&word))
        .map(|i| i as u32 + 1)
}

impl Dated {
    /// Checks a day of the year; 29 February is a day without a year.
    pub fn new(month: u32, day: u32, year: Option<i32>) -> Option<Dated> {
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some(Dated { month, day, year })
    }

    pub fn to_text(self) -> String {
        match self.year {
            Some(year) => format!("{year:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    /// Reads what [`Dated::to_text`] wrote (the import writes birthdays so too).
    pub fn from_text(text: &str) -> Option<Dated> {
        if let Some(rest) = text.strip_prefix("--") {
            let (month, day) = rest.split_once('-')?;
            return Dated::new(month.parse().ok()?, day.parse().ok()?, None);
        }
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
        Some(Dated {
            month: date.month(),
            day: date.day(),
            year: Some(date.year()),
        })
    }

    /// Reads a date as she types it: "14 Mar", "Mar 14", "14 March 1984",
    /// "March 14, 1984", "1984-03-14", "--03-14". `field` names where to say no.
    pub fn parse(text: &str, field: &'static str) -> Result<Dated> {
        let typed = text.trim();
        let refused = || {
            Error::invalid(
                field,
                format!(
                    "“{typed}” is not a day Tend can read (type it like 14 Mar or 14 Mar 1984)."
                ),
            )
        };
        if let Some(dated) = Dated::from_text(typed) {
            return Ok(dated);
        }
        let words: Vec<&str> = typed
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let number = |word: &str| {
            word.trim_end_matches(['.', ','])
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<i64>()
                .ok()
        };
        let (month, day, year) = match words[..] {
            [a, b] | [a, b, _] if month_named(a).is_some() => {
                (month_named(a), number(b), words.get(2))
            }
            [a, b] | [a, b, _] if month_named(b).is_some() => {
                (month_named(b), number(a), words.get(2))
            }
            _ => return Err(refused()),
        };
        let year = match year {
            Some(word) => Some(
                number(word)
                    .filter(|y| (1000..=9999).contains(y))
                    .ok_or_else(refused)? as i32,
            ),
            None => None,
        };
        let (Some(month), Some(day)) = (month, day.filter(|d| (1..=31).contains(d))) else {
            return Err(refused());
        };
        Dated::new(month, day as u32, year)
            .ok_or_else(|| Error::invalid(field, format!("{typed} is not a day of the calendar.")))
    }

    /// When it comes back on or after `from`: this year's or next year's. A
    /// 29 February falls on the 28th in a common year (still in February).
    pub fn next_on_or_after(self, from: NaiveDate) -> NaiveDate {
        let in_year = |year: i32| {
            NaiveDate::from_ymd_opt(year, self.month, self.day)
                .or_else(|| NaiveDate::from_ymd_opt(year, self.month, 28))
                .unwrap_or(from)
        };
        let this_year = in_year(from.year());
        if this_year >= from {
            this_year
        } else {
            in_year(from.year() + 1)
        }
    }

    /// The age reached on `on`, when the year is known.
    pub fn turning(self, on: NaiveDate) -> Option<i32> {
        self.year
            .map(|year| on.year() - year)
            .filter(|age| *age > 0)
    }
}

/// The "MM-DD" of every day from `from` for `days` days: what the store looks
/// birthdays up by. A 28 February in a common year brings the 29th along.
pub fn month_days(from: NaiveDate, days: i64) -> Vec<String> {
    let mut keys = Vec::new();
    for offset in 0..days {
        let day = from + Duration::days(offset);
        keys.push(day.format("%m-%d").to_string());
        let leap = NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some();
        if day.month() == 2 && day.day() == 28 && !leap {
            keys.push("02-29".into());
        }
    }
    keys
}

/// What a dated thing is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum What {
    Birthday,
    Event { label: String },
}

/// A birthday or event in the days ahead, as Today and the notification say it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Upcoming {
    pub contact_id: i64,
    pub name: String,
    pub what: What,
    pub on: NaiveDate,
    pub days_away: i64,
    pub turning: Option<i32>,
    /// "Maria Lopez's birthday (turns 40)", "Maria Lopez: wedding anniversary".
    pub text: String,
    /// The follow-up ready to plan: "Wish Maria a happy birthday".
    pub wish: String,
}

/// One dated thing about a contact, as the store finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub contact_id: i64,
    pub name: String,
    pub what: What,
    pub dated: Dated,
    pub yearly: bool,
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// The ones of `found` that fall from `today` for `days` days, soonest first:
/// the first `limit` of them, and how many there are in all. Each is worded
/// only once it is on the page (a big book has hundreds a day).
pub fn upcoming(
    found: Vec<Found>,
    today: NaiveDate,
    days: i64,
    limit: usize,
) -> (Vec<Upcoming>, usize) {
    let last = today + Duration::days(days - 1);
    let falling: Vec<(NaiveDate, Found)> = found
        .into_iter()
        .filter_map(|f| {
            let on = if f.yearly {
                f.dated.next_on_or_after(today)
            } else {
                NaiveDate::from_ymd_opt(f.dated.year?, f.dated.month, f.dated.day)?
            };
            (today..=last).contains(&on).then_some((on, f))
        })
        .collect();
    let total = falling.len();
    let soonest =
        |a: &(NaiveDate, Found), b: &(NaiveDate, Found)| (a.0, &a.1.name).cmp(&(b.0, &b.1.name));
    let page = super::paging::first_by(falling, limit, soonest)
        .into_iter()
        .map(|(on, f)| worded(f, on, today))
        .collect();
    (page, total)
}

fn worded(f: Found, on: NaiveDate, today: NaiveDate) -> Upcoming {
    let turning = match f.what {
        What::Birthday => f.dated.turning(on),
        What::Event { .. } => None,
    };
    let (text, wish) = match &f.what {
        What::Birthday => (
            match turning {
                Some(age) => format!("{}’s birthday (turns {age})", f.name),
                None => format!("{}’s birthday", f.name),
            },
            format!("Wish {} a happy birthday", first_name(&f.name)),
        ),
        What::Event { label } => (
            format!("{}: {label}", f.name),
            format!("Get in touch with {} about: {label}", first_name(&f.name)),
        ),
    };
    Upcoming {
        contact_id: f.contact_id,
        name: f.name,
        what: f.what,
        on,
        days_away: (on - today).num_days(),
        turning,
        text,
        wish,
    }
}

/// What the event form submits.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EventDraft {
    pub contact_id: i64,
    pub label: String,
    /// "14 Mar", "20 May 2027", "2027-05-20".
    pub date: String,
    /// Comes back each year (an anniversary); else once ("baby due in May").
    pub yearly: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidEvent {
    pub contact_id: i64,
    pub label: String,
    pub dated: Dated,
    pub yearly: bool,
}

impl EventDraft {
    pub fn validate(&self) -> Result<ValidEvent> {
        let label = self.label.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
            return Err(Error::invalid(
                "label",
                format!("Say what it is (up to {MAX_LABEL_CHARS} characters), e.g. wedding anniversary."),
            ));
        }
        let dated = Dated::parse(&self.date, "date")?;
        if !self.yearly && dated.year.is_none() {
            return Err(Error::invalid(
                "date",
                "A one-time event needs its year (e.g. 20 May 2027); or tick “every year”.",
            ));
        }
        Ok(ValidEvent {
            contact_id: self.contact_id,
            label,
            dated,
            yearly: self.yearly,
        })
    }
}

/// What an imported card's ANNIVERSARY becomes: a yearly event of this name.
pub const ANNIVERSARY: &str = "Anniversary";

/// The yearly event an imported anniversary ("YYYY-MM-DD" or "--MM-DD") is.
pub fn anniversary(contact_id: i64, date: &str) -> Option<ValidEvent> {
    Some(ValidEvent {
        contact_id,
        label: ANNIVERSARY.to_string(),
        dated: Dated::from_text(date)?,
        yearly: true,
    })
}

/// An event as the contact lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: i64,
    pub contact_id: i64,
    pub label: String,
    /// "YYYY-MM-DD" or "--MM-DD".
    pub date: String,
    pub yearly: bool,
}

/// A birthday as typed on the contact: empty means none; no future year.
pub fn parse_birthday(text: &str, today: NaiveDate) -> Result<Option<Dated>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let dated = Dated::parse(text, "birthday")?;
    if dated.year.is_some_and(|year| year > today.year()) {
        return Err(Error::invalid(
            "birthday",
            "A birthday cannot be in a year still to come.",
        ));
    }
    Ok(Some(dated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn dated(text: &str) -> Dated {
        Dated::parse(text, "date").expect(text)
    }

    #[test]
    fn a_date_is_read_the_way_she_types_it() {
        for (typed, stored) in [
            ("14 Mar", "--03-14"),
            ("Mar 14", "--03-14"),
            ("march 14, 1984", "1984-03-14"),
            ("14 March 1984", "1984-03-14"),
            ("14th Sept", "--09-14"),
            ("1984-03-14", "1984-03-14"),
            ("--02-29", "--02-29"),
            ("29 Feb", "--02-29"),
        ] {
            assert_eq!(dated(typed).to_text(), stored, "{typed}");
        }
        for bad in [
            "soon",
            "14",
            "31 Feb",
            "Mar 32",
            "29 Feb 2027",
            "Marchy 3",
            "14 Ma",
        ] {
            let err = Dated::parse(bad, "birthday").expect_err(bad);
            assert_eq!(err.field(), Some("birthday"), "{bad}");
        }
    }

    #[test]
    fn a_yearly_date_comes_back_each_year_across_the_year_end() {
        let christmas = dated("25 Dec");
        assert_eq!(
            christmas.next_on_or_after(day("2026-12-24")),
            day("2026-12-25")
        );
        assert_eq!(
            christmas.next_on_or_after(day("2026-12-25")),
            day("2026-12-25")
        );
        assert_eq!(
            christmas.next_on_or_after(day("2026-12-26")),
            day("2027-12-25")
        );
        let new_year = dated("1 Jan");
        assert_eq!(
            new_year.next_on_or_after(day("2026-12-29")),
            day("2027-01-01")
        );
    }

    #[test]
    fn a_29_february_birthday_is_kept_on_the_28th_in_a_common_year() {
        let leap = dated("29 Feb 2000");
        assert_eq!(leap.next_on_or_after(day("2027-02-01")), day("2027-02-28"));
        assert_eq!(leap.next_on_or_after(day("2028-02-01")), day("2028-02-29"));
        assert_eq!(leap.next_on_or_after(day("2027-03-01")), day("2028-02-29"));
        assert_eq!(leap.turning(day("2027-02-28")), Some(27));
        // The week from 25 Feb 2027 looks up the 29th with the 28th.
        let keys = month_days(day("2027-02-25"), 7);
        assert_eq!(
            keys,
            ["02-25", "02-26", "02-27", "02-28", "02-29", "03-01", "03-02", "03-03"]
        );
        assert!(!month_days(day("2028-02-25"), 7)
            .iter()
            .filter(|k| *k == "02-29")
            .count()
            .gt(&1));
        assert_eq!(
            month_days(day("2026-12-29"), 4),
            ["12-29", "12-30", "12-31", "01-01"]
        );
    }

    fn found(name: &str, what: What, text: &str, yearly: bool) -> Found {
        Found {
            contact_id: 1,
            name: name.into(),
            what,
            dated: Dated::from_text(text).expect(text),
            yearly,
        }
    }

    #[test]
    fn the_week_ahead_says_who_and_offers_the_wish() {
        let today = day("2026-03-09");
        let found_this_week = || {
            vec![
                found("Maria Lopez", What::Birthday, "1986-03-12", true),
                found("Jane Doe", What::Birthday, "--03-09", true),
                found("Bo Chen", What::Birthday, "--03-16", true),
                found(
                    "Ana Ruiz",
                    What::Event {
                        label: "baby due".into(),
                    },
                    "2026-03-10",
                    false,
                ),
                found(
                    "Ana Ruiz",
                    What::Event {
                        label: "moving".into(),
                    },
                    "2025-03-10",
                    false,
                ),
            ]
        };
        let (coming, total) = upcoming(found_this_week(), today, 7, usize::MAX);
        assert_eq!(total, 3);
        let texts: Vec<(&str, i64)> = coming
            .iter()
            .map(|u| (u.text.as_str(), u.days_away))
            .collect();
        assert_eq!(
            texts,
            [
                ("Jane Doe’s birthday", 0),
                ("Ana Ruiz: baby due", 1),
                ("Maria Lopez’s birthday (turns 40)", 3)
            ],
            "a week ahead; last year's one-off is gone"
        );
        assert_eq!(coming[2].wish, "Wish Maria a happy birthday");
        assert_eq!(coming[1].wish, "Get in touch with Ana about: baby due");

        let (page, total) = upcoming(found_this_week(), today, 7, 2);
        assert_eq!(page, coming[..2], "a page is the soonest");
        assert_eq!(total, 3, "counted whole");
    }

    #[test]
    fn events_and_birthdays_are_checked() {
        let once = EventDraft {
            contact_id: 1,
            label: "baby due".into(),
            date: "20 May".into(),
            yearly: false,
        };
        assert_eq!(once.validate().expect_err("no year").field(), Some("date"));
        let yearly = EventDraft {
            yearly: true,
            label: "  wedding   anniversary ".into(),
            ..once.clone()
        };
        assert_eq!(yearly.validate().expect("ok").label, "wedding anniversary");
        let today = day("2026-03-09");
        assert_eq!(parse_birthday("", today).expect("none"), None);
        assert_eq!(
            parse_birthday("14 Mar 2030", today)
                .expect_err("future")
                .field(),
            Some("birthday")
        );
    }
}
