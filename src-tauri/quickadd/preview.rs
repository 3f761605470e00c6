//! What was understood, as one line a person can check before saving:
//! "Jane Doe · +1 555-0142 · #oils · note: wants the lavender set · call Thu 26 Nov, 09:00".

use super::parsed::{ParsedFollowup, ParsedLine};
use crate::domain::{dates, local_time};
use chrono::{Datelike, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use std::fmt::Write;

const DOT: &str = " · ";

impl ParsedLine {
    /// The preview, with `default_time` for a follow-up that names only a day.
    /// The follow-up always shows its resolved day, so "next Tue" cannot surprise.
    pub fn preview(&self, default_time: NaiveTime) -> String {
        self.render(default_time, None, None)
    }

    /// As [`ParsedLine::preview`], adding the year when the follow-up is not in
    /// `today`'s year ("call Fri 3 Dec 2027, 09:00"), and showing the time as
    /// `zone`'s clock will say it: a 02:30 in a spring gap is "03:30 (02:30 does
    /// not exist that night: clocks go forward)".
    pub fn preview_on(&self, default_time: NaiveTime, today: NaiveDate, zone: Tz) -> String {
        self.render(default_time, Some(today), Some(zone))
    }

    fn render(
        &self,
        default_time: NaiveTime,
        today: Option<NaiveDate>,
        zone: Option<Tz>,
    ) -> String {
        let mut out = String::with_capacity(64 + self.note.len());
        out.push_str(&self.name);
        for phone in &self.phones {
            out.push_str(DOT);
            match phone.problem {
                // Kept as typed, and said so: "555-0142 (no area code: kept as typed)".
                Some(problem) => {
                    let _ = write!(out, "{} ({problem}: kept as typed)", phone.display);
                }
                None => out.push_str(&international(&phone.display, &phone.normalized)),
            }
        }
        for email in &self.emails {
            out.push_str(DOT);
            out.push_str(email);
        }
        for tag in &self.tags {
            out.push_str(DOT);
            out.push('#');
            out.push_str(tag);
        }
        if let Some(stage) = self.stage {
            out.push_str(DOT);
            out.push_str(stage.label());
        }
        if let Some(referrer) = &self.referrer {
            out.push_str(DOT);
            out.push_str(&referrer.phrase);
        }
        if !self.note.is_empty() {
            out.push_str(DOT);
            out.push_str("note: ");
            out.push_str(&self.note);
        }
        if let Some(followup) = &self.followup {
            out.push_str(DOT);
            followup.render(&mut out, default_time, today, zone);
        }
        if let Some(question) = &self.vague {
            out.push_str(DOT);
            out.push_str(question);
        }
        out
    }
}

impl ParsedFollowup {
    fn render(
        &self,
        out: &mut String,
        default_time: NaiveTime,
        today: Option<NaiveDate>,
        zone: Option<Tz>,
    ) {
        let verb = self.channel.label().to_lowercase();
        let asked = self.date.and_time(self.time.unwrap_or(default_time));
        let (shown, note) = match zone {
            Some(zone) => (
                local_time::on_the_clock(asked, zone),
                local_time::gap_note(asked, zone),
            ),
            None => (asked, None),
        };
        let date = shown.date();
        // Writing to a String cannot fail.
        let _ = write!(out, "{verb} {}", date.format("%a %-d %b"));
        if today.is_some_and(|today| today.year() != date.year()) {
            let _ = write!(out, " {}", date.year());
        }
        let _ = write!(out, ", {}", shown.format("%H:%M"));
        if let Some(note) = note {
            let _ = write!(out, " {note}");
        }
        if let Some(read_as) = &self.read_as {
            let _ = write!(out, " ({read_as})");
        }
        if let Some(chosen) = &self.chosen {
            let _ = write!(out, " ({chosen})");
        }
        // Saving refuses it (domain::dates); the preview says so first.
        if today.is_some_and(|today| date > dates::latest(today)) {
            let _ = write!(
                out,
                " (too far ahead: pick a date within the next {} years)",
                dates::YEARS
            );
        }
    }
}

/// "+44 20 7946 0958", "+1 415-555-0142": a valid number with its country, so a
/// wrong phone region shows before saving.
fn international(display: &str, e164: &str) -> String {
    match phonenumber::parse(None, e164) {
        Ok(number) => number
            .format()
            .mode(phonenumber::Mode::International)
            .to_string(),
        Err(_) => display.to_string(),
    }
}
