//! Backups as a person sees them: what a backup file is called, when the next
//! automatic one is due, and which ones to keep. Plain values in, no files.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Utc};
use std::collections::HashSet;

/// An automatic backup is taken at most this often while the app runs.
pub const AUTOMATIC_INTERVAL_MINUTES: i64 = 30;

/// How many backups each stage of the retention rule keeps (see [`obsolete`]).
pub const DAILY_KEPT: usize = 7;
pub const WEEKLY_KEPT: usize = 8;
pub const MONTHLY_KEPT: usize = 12;

const PREFIX: &str = "tend-";
const EXTENSION: &str = ".sqlite3";
/// Local wall time with its UTC offset: sortable by eye, and still the exact
/// instant when the laptop has since changed zone or the clock went back an
/// hour in the autumn (01:30 happens twice that night).
const STAMP: &str = "%Y-%m-%dT%H-%M-%S%z";
const STAMP_LEN: usize = "2026-12-01T10-30-00+0100".len();

/// A backup file's name, parsed: when it was taken (local time, with its
/// offset), and why, when it was not an automatic one ("before-import").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupName {
    pub taken_at: DateTime<FixedOffset>,
    pub reason: Option<String>,
}

/// `tend-2026-12-01T10-30-00+0100.sqlite3`, or with a reason
/// `tend-2026-12-01T10-30-00+0100-before-import.sqlite3`.
pub fn file_name(taken_at: DateTime<FixedOffset>, reason: Option<&str>) -> String {
    let stamp = taken_at.format(STAMP);
    match reason.map(slug).filter(|slug| !slug.is_empty()) {
        Some(reason) => format!("{PREFIX}{stamp}-{reason}{EXTENSION}"),
        None => format!("{PREFIX}{stamp}{EXTENSION}"),
    }
}

/// The name of a file Tend wrote with [`file_name`]; anything else is `None`
/// (and is never deleted by pruning).
pub fn parse_file_name(name: &str) -> Option<BackupName> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
    let stamp = rest.get(..STAMP_LEN)?;
    let taken_at = DateTime::parse_from_str(stamp, STAMP).ok()?;
    let reason = match &rest[STAMP_LEN..] {
        "" => None,
        tail => {
            let reason = tail.strip_prefix('-')?;
            if reason.is_empty() || slug(reason) != reason {
                return None;
            }
            Some(reason.to_string())
        }
    };
    Some(BackupName { taken_at, reason })
}

/// What is added to the data file's name to keep it aside when a backup
/// replaces it: `tend.sqlite3.before-restore-2026-12-01T10-30-00+0100`.
pub fn kept_aside_suffix(at: DateTime<FixedOffset>) -> String {
    format!(".before-restore-{}", at.format(STAMP))
}

/// "before import" → "before-import": lowercase letters, digits and dashes.
fn slug(reason: &str) -> String {
    let mut slug = String::new();
    for c in reason.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

/// Whether the automatic backup should run now: only when something was written
/// since the last backup, and then at once when the app quits, otherwise once
/// the newest backup is [`AUTOMATIC_INTERVAL_MINUTES`] old. A newest backup
/// "from the future" (the clock was set back) does not hold backups off.
pub fn automatic_due(
    changed: bool,
    newest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    quitting: bool,
) -> bool {
    let Some(newest) = newest else {
        return changed;
    };
    let age = now - newest;
    changed
        && (quitting
            || age >= Duration::minutes(AUTOMATIC_INTERVAL_MINUTES)
            || age < Duration::zero())
}

/// Which backups to delete, as indexes into `taken` (each backup's local time,
/// with its offset, as in its name); `today` is the local date now.
///
/// The rule, like Anki's: going from the newest backup (by instant) to the oldest,
/// 1. every backup from today or yesterday is kept (and so is one dated after
///    today, from a clock that was wrong);
/// 2. then the newest backup of each day, for up to [`DAILY_KEPT`] days;
/// 3. then the newest of each week (Monday to Sunday), for up to [`WEEKLY_KEPT`] weeks;
/// 4. then the newest of each calendar month, for up to [`MONTHLY_KEPT`] months;
/// 5. everything else is deleted.
///
/// A day, week or month already holding a kept backup gets no second one, so a
/// week that kept a daily backup keeps no weekly one besides. Days are the
/// local dates in the names, so a 23- or 25-hour DST day is one day like any
/// other. Stages count days *that have backups*, not days of the calendar, so
/// time passing alone only thins the last two days to one a day: after weeks
/// with the laptop off, the last week of work before the break is still there,
/// a backup for each day, and older ones go only as newer backups take their place.
pub fn obsolete(taken: &[DateTime<FixedOffset>], today: NaiveDate) -> Vec<usize> {
    let mut newest_first: Vec<usize> = (0..taken.len()).collect();
    newest_first.sort_by_key(|&index| std::cmp::Reverse(taken[index]));

    let yesterday = today.pred_opt().unwrap_or(today);
    let mut kept_days = HashSet::new();
    let mut kept_weeks = HashSet::new();
    let mut kept_months = HashSet::new();
    let (mut daily, mut weekly, mut monthly) = (0, 0, 0);
    let mut delete = Vec::new();
    for index in newest_first {
        let day = taken[index].date_naive();
        let week = day.iso_week();
        let month = (day.year(), day.month());
        let keep = if day >= yesterday {
            true
        } else if daily < DAILY_KEPT && !kept_days.contains(&day) {
            daily += 1;
            true
        } else if daily == DAILY_KEPT && weekly < WEEKLY_KEPT && !kept_weeks.contains(&week) {
            weekly += 1;
            true
        } else if weekly == WEEKLY_KEPT && monthly < MONTHLY_KEPT && !kept_months.contains(&month) {
            monthly += 1;
            true
        } else {
            false
        };
        if keep {
            kept_days.insert(day);
            kept_weeks.insert(week);
            kept_months.insert(month);
        } else {
            delete.push(index);
        }
    }
    delete.sort_unstable();
    delete
}

/// "1 contact", "1,204 contacts"; `None` when the file could not be read.
pub fn contacts_in_words(count: Option<i64>) -> String {
    let Some(count) = count else {
        return "contacts that could not be counted".into();
    };
    let digits = count.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match count {
        1 => "1 contact".into(),
        _ => format!("{grouped} contacts"),
    }
}

/// A file size in words: "812 KB", "3.2 MB".
pub fn size_in_words(bytes: u64) -> String {
    const KB: f64 = 1_000.0;
    let bytes = bytes as f64;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{:.0} KB", bytes / KB)
    } else if bytes < KB * KB * KB {
        format!("{:.1} MB", bytes / (KB * KB))
    } else {
        format!("{:.1} GB", bytes / (KB * KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDateTime, TimeZone};
    use chrono_tz::Tz;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    /// A local wall time in `zone` (the earlier one when it happens twice).
    fn local(zone: Tz, text: &str) -> DateTime<FixedOffset> {
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a time");
        zone.from_local_datetime(&naive)
            .earliest()
            .expect("exists")
            .fixed_offset()
    }

    fn at(text: &str) -> DateTime<FixedOffset> {
        local(chrono_tz::UTC, text)
    }

    /// The backups kept of `taken`, as their times.
    fn kept(taken: &[DateTime<FixedOffset>], today: &str) -> Vec<DateTime<FixedOffset>> {
        let delete = obsolete(taken, date(today));
        (0..taken.len())
            .filter(|index| !delete.contains(index))
            .map(|index| taken[index])
            .collect()
    }

    /// One backup a day at 18:00, from `first` for `days` days.
    fn daily_from(first: &str, days: i64) -> Vec<DateTime<FixedOffset>> {
        let start = at(&format!("{first} 18:00"));
        (0..days).map(|day| start + Duration::days(day)).collect()
    }

    #[test]
    fn names_are_sortable_local_times_that_round_trip() {
        let paris: Tz = "Europe/Paris".parse().expect("zone");
        let taken = local(paris, "2026-12-01 10:30");
        assert_eq!(
            file_name(taken, None),
            "tend-2026-12-01T10-30-00+0100.sqlite3"
        );
        let named = file_name(taken, Some("Before import!"));
        assert_eq!(named, "tend-2026-12-01T10-30-00+0100-before-import.sqlite3");
        assert_eq!(
            parse_file_name(&named),
            Some(BackupName {
                taken_at: taken,
                reason: Some("before-import".into())
            })
        );
        let automatic = parse_file_name("tend-2026-12-01T10-30-00+0100.sqlite3").expect("ours");
        assert_eq!((automatic.taken_at, automatic.reason), (taken, None));
        let west = local(
            "America/Los_Angeles".parse().expect("zone"),
            "2026-12-01 10:30",
        );
        assert_eq!(
            parse_file_name(&file_name(west, None)).map(|name| name.taken_at),
            Some(west)
        );
    }

    #[test]
    fn only_names_tend_wrote_are_backups() {
        for name in [
            "notes.txt",
            "tend.sqlite3",
            "tend-2026-12-01T10-30-00+0100.sqlite3.partial",
            "tend-2026-12-01T10-30-00.sqlite3",
            "tend-2026-13-01T10-30-00+0100.sqlite3",
            "tend-2026-12-01T10-30-00+0100-.sqlite3",
            "tend-2026-12-01T10-30-00+0100-Before Import.sqlite3",
            "tend-2026-12-01T10-30-00+0100x.sqlite3",
        ] {
            assert_eq!(parse_file_name(name), None, "{name}");
        }
        let at = at("2026-12-01 10:30");
        assert_eq!(
            kept_aside_suffix(at),
            ".before-restore-2026-12-01T10-30-00+0000"
        );
    }

    #[test]
    fn the_autumn_hour_that_happens_twice_gets_two_names_in_order() {
        let new_york: Tz = "America/New_York".parse().expect("zone");
        let first = new_york
            .with_ymd_and_hms(2026, 11, 1, 1, 30, 0)
            .earliest()
            .expect("EDT");
        let second = first + Duration::minutes(50); // 01:20 EST, an earlier wall time
        let (a, b) = (
            file_name(first.fixed_offset(), None),
            file_name(second.fixed_offset(), None),
        );
        assert_eq!(a, "tend-2026-11-01T01-30-00-0400.sqlite3");
        assert_eq!(b, "tend-2026-11-01T01-20-00-0500.sqlite3");
        let parsed = |name: &str| parse_file_name(name).expect("ours").taken_at;
        assert!(
            parsed(&b) > parsed(&a),
            "the later instant stays the later one"
        );
    }

    #[test]
    fn automatic_backups_follow_changes_at_most_every_half_hour() {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .single()
            .expect("now");
        let ago = |minutes| Some(now - Duration::minutes(minutes));
        assert!(automatic_due(true, None, now, false), "the very first");
        assert!(!automatic_due(false, None, now, false), "nothing to save");
        assert!(!automatic_due(true, ago(29), now, false));
        assert!(automatic_due(true, ago(30), now, false));
        assert!(!automatic_due(false, ago(300), now, false), "no change");
        assert!(
            automatic_due(true, ago(1), now, true),
            "quitting after a change"
        );
        assert!(
            !automatic_due(false, ago(1), now, true),
            "quitting, no change"
        );
        assert!(
            automatic_due(true, ago(-120), now, false),
            "the clock went back"
        );
    }

    #[test]
    fn today_and_yesterday_keep_everything() {
        let mut taken: Vec<_> = (0..96)
            .map(|half_hour| at("2026-11-30 00:00") + Duration::minutes(30 * half_hour))
            .collect();
        taken.push(at("2026-12-02 09:00")); // a clock that ran ahead
        assert_eq!(kept(&taken, "2026-12-01").len(), taken.len());
        assert!(obsolete(&[], date("2026-12-01")).is_empty());
    }

    #[test]
    fn older_days_keep_their_newest_backup_for_a_week_of_days() {
        let today = "2026-12-10";
        let mut taken = Vec::new();
        for day in 1..=9 {
            for hour in [9, 13, 17] {
                taken.push(at(&format!("2026-12-{day:02} {hour}:00")));
            }
        }
        let kept = kept(&taken, today);
        let mut expected = vec![at("2026-12-09 09:00"), at("2026-12-09 13:00")];
        expected.push(at("2026-12-09 17:00"));
        // Days 2–8 keep one each; the 1st, past the daily stage, is in a week
        // that already holds a kept backup, so it goes.
        for day in 2..=8 {
            expected.push(at(&format!("2026-12-{day:02} 17:00")));
        }
        expected.sort();
        let mut kept = kept;
        kept.sort();
        assert_eq!(kept, expected);
    }

    #[test]
    fn a_year_of_daily_backups_thins_to_days_then_weeks_then_months() {
        // 2026-12-31 is a Thursday; one backup every evening of 2026.
        let taken = daily_from("2026-01-01", 365);
        let mut kept = kept(&taken, "2026-12-31");
        kept.sort();
        let days: Vec<String> = kept
            .iter()
            .map(|t| t.date_naive().to_string())
            .rev()
            .collect();
        let expected: Vec<&str> = vec![
            // today, yesterday
            "2026-12-31",
            "2026-12-30",
            // the newest of 7 more days
            "2026-12-29",
            "2026-12-28",
            "2026-12-27",
            "2026-12-26",
            "2026-12-25",
            "2026-12-24",
            "2026-12-23",
            // the newest of each older week (Sundays), 8 weeks
            "2026-12-20",
            "2026-12-13",
            "2026-12-06",
            "2026-11-29",
            "2026-11-22",
            "2026-11-15",
            "2026-11-08",
            "2026-11-01",
            // then of each older month (its last day), 12 months: back to January
            "2026-10-31",
            "2026-09-30",
            "2026-08-31",
            "2026-07-31",
            "2026-06-30",
            "2026-05-31",
            "2026-04-30",
            "2026-03-31",
            "2026-02-28",
            "2026-01-31",
        ];
        assert_eq!(days, expected);
        assert_eq!(kept.len(), 2 + DAILY_KEPT + WEEKLY_KEPT + 10);
    }

    #[test]
    fn beyond_every_stage_backups_are_deleted() {
        // Three years of weekly backups: 12 months' worth stay, the oldest go.
        let start = at("2024-01-07 18:00");
        let taken: Vec<_> = (0..156).map(|week| start + Duration::weeks(week)).collect();
        let kept = kept(&taken, "2026-12-31");
        assert_eq!(kept.len(), DAILY_KEPT + WEEKLY_KEPT + MONTHLY_KEPT);
        let oldest = kept.iter().min().expect("some kept").date_naive();
        assert!(
            oldest > date("2025-07-01") && oldest < date("2025-10-01"),
            "15 weeks, then 12 months back: {oldest}"
        );
    }

    #[test]
    fn a_dst_day_is_one_day_like_any_other() {
        let paris: Tz = "Europe/Paris".parse().expect("zone");
        // 29 March 2026 has 23 hours in Paris, 25 October 25.
        let hour_later = |t: DateTime<FixedOffset>| (t + Duration::hours(1)).with_timezone(&paris);
        let taken = vec![
            local(paris, "2026-03-28 23:30"),
            local(paris, "2026-03-29 01:30"),
            local(paris, "2026-03-29 03:30"), // an hour after 01:30
            local(paris, "2026-03-29 23:30"),
            local(paris, "2026-03-30 00:30"),
            local(paris, "2026-10-25 02:30"), // the first 02:30 (+0200)
            hour_later(local(paris, "2026-10-25 02:30")).fixed_offset(), // the second (+0100)
            hour_later(local(paris, "2026-10-25 02:10")).fixed_offset(), // after the first 02:30
            local(paris, "2026-10-26 09:00"),
        ];
        assert_eq!(
            taken[6].format("%H:%M %z").to_string(),
            "02:30 +0100",
            "the repeated hour"
        );
        let kept = kept(&taken, "2026-10-28");
        // 26 Oct is one day; 25 Oct keeps its newest instant (02:30 +0100, not
        // the 02:10 that reads earlier); each March day keeps its newest.
        assert_eq!(kept, vec![taken[0], taken[3], taken[4], taken[6], taken[8]]);
    }

    #[test]
    fn weeks_with_the_laptop_off_keep_the_last_week_of_work() {
        // A fortnight of work, three backups a day, then the laptop off.
        let mut taken = Vec::new();
        for day in 1..=14 {
            for hour in [9, 13, 17] {
                taken.push(at(&format!("2026-09-{day:02} {hour}:00")));
            }
        }
        // Pruned after the last backup that evening, as the app does.
        let when_closed = kept(&taken, "2026-09-14");
        assert_eq!(
            when_closed.len(),
            6 + DAILY_KEPT,
            "two whole days, then 6–12 Sep"
        );
        // Back after five weeks, or two years: the last week of work, one a day
        // (its evening backups), then the week before it.
        let five_weeks_later = kept(&when_closed, "2026-10-19");
        let days: Vec<String> = five_weeks_later
            .iter()
            .map(|t| t.format("%d %H:%M").to_string())
            .collect();
        assert_eq!(
            days,
            ["06 17:00", "08 17:00", "09 17:00", "10 17:00", "11 17:00", "12 17:00"]
                .into_iter()
                .chain(["13 17:00", "14 17:00"])
                .collect::<Vec<_>>()
        );
        assert_eq!(kept(&five_weeks_later, "2028-09-14"), five_weeks_later);
        assert_eq!(kept(&when_closed, "2028-09-14"), five_weeks_later);
    }

    #[test]
    fn contacts_read_in_words() {
        assert_eq!(contacts_in_words(Some(0)), "0 contacts");
        assert_eq!(contacts_in_words(Some(1)), "1 contact");
        assert_eq!(contacts_in_words(Some(999)), "999 contacts");
        assert_eq!(contacts_in_words(Some(1_204)), "1,204 contacts");
        assert_eq!(contacts_in_words(Some(100_000)), "100,000 contacts");
        assert_eq!(
            contacts_in_words(None),
            "contacts that could not be counted"
        );
    }

    #[test]
    fn sizes_read_in_words() {
        assert_eq!(size_in_words(512), "512 bytes");
        assert_eq!(size_in_words(812_400), "812 KB");
        assert_eq!(size_in_words(3_240_000), "3.2 MB");
        assert_eq!(size_in_words(188_000_000), "188.0 MB");
        assert_eq!(size_in_words(2_500_000_000), "2.5 GB");
    }
}
