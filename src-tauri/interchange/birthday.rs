//! Birthdays as files write them: vCard's `1984-04-15`, `19840415`, `--0415`,
//! `--04-15`; CSV's ISO dates and the local `4/15/1984`, `15.4.1984`, `15/04/1984`.

use super::records::Birthday;

/// What a birthday cell or property said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Empty, or Outlook's `0/0/00` for "none".
    Empty,
    Birthday(Birthday),
    /// A day and month that could be read either way (`4/5/1984`) and were read
    /// in the file's order; worth a warning.
    Guessed(Birthday),
    /// Text that is not a date ("circa 1800"); kept in the note instead.
    NotADate,
}

/// The order of day and month in numeric dates like `4/5/1984`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    MonthFirst,
    DayFirst,
}

/// Apple writes a birthday without a year as the year 1604; some exports write 0000.
const NO_YEAR_MARKERS: [i32; 2] = [0, 1604];

pub(crate) fn read(text: &str, order: DateOrder) -> Reading {
    let text = text.trim();
    if text.is_empty() || text.chars().all(|c| !c.is_ascii_alphanumeric() || c == '0') {
        return Reading::Empty;
    }
    if let Some(rest) = text.strip_prefix("--") {
        return no_year(rest).map_or(Reading::NotADate, Reading::Birthday);
    }
    // A time after the date (`1980-03-22T00:00:00Z`, `1980-03-22 00:00`) is dropped.
    let date = text.split(['T', 't', ' ']).next().unwrap_or_default();
    if let Some(birthday) = iso(date) {
        return Reading::Birthday(birthday);
    }
    local(date, order).unwrap_or(Reading::NotADate)
}

/// `0415`, `04-15` (after the leading `--`).
fn no_year(rest: &str) -> Option<Birthday> {
    let rest = rest.split(['T', 't']).next().unwrap_or_default();
    let (month, day) = match rest.split_once('-') {
        Some((month, day)) => (month, day),
        None if rest.len() == 4 && rest.is_ascii() => rest.split_at(2),
        None => return None,
    };
    birthday(None, number(month)?, number(day)?)
}

/// `1984-04-15`, `19840415`, `1984/04/15`.
fn iso(date: &str) -> Option<Birthday> {
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        let (year, month_day) = date.split_at(4);
        let (month, day) = month_day.split_at(2);
        return birthday(Some(number(year)?), number(month)?, number(day)?);
    }
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    match parts[..] {
        [year, month, day] if year.len() == 4 => {
            birthday(Some(number(year)?), number(month)?, number(day)?)
        }
        _ => None,
    }
}

/// `4/15/1984`, `15.4.1984`, `15-04-84`: the order decides only when both numbers
/// could be a month.
fn local(date: &str, order: DateOrder) -> Option<Reading> {
    let parts: Vec<&str> = date
        .split(['/', '.', '-'])
        .filter(|p| !p.is_empty())
        .collect();
    let [first, second, year] = parts[..] else {
        return None;
    };
    let (first, second) = (number(first)?, number(second)?);
    let year = match (year.len(), number(year)?) {
        (4, year) => year,
        // Two-digit years: 30–99 are 1900s, the rest 2000s.
        (2, year) if year >= 30 => 1900 + year,
        (2, year) => 2000 + year,
        _ => return None,
    };
    let (month, day, guessed) = match order {
        _ if first > 12 => (second, first, false),
        _ if second > 12 => (first, second, false),
        DateOrder::MonthFirst => (first, second, first != second),
        DateOrder::DayFirst => (second, first, first != second),
    };
    let birthday = birthday(Some(year), month, day)?;
    Some(if guessed {
        Reading::Guessed(birthday)
    } else {
        Reading::Birthday(birthday)
    })
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn birthday(year: Option<u32>, month: u32, day: u32) -> Option<Birthday> {
    let year = year
        .map(|year| year as i32)
        .filter(|year| !NO_YEAR_MARKERS.contains(year));
    match year {
        Some(year) => chrono::NaiveDate::from_ymd_opt(year, month, day).map(Birthday::Date),
        None => Birthday::from_text(&format!("--{month:02}-{day:02}")),
    }
}

/// Which order a file's numeric dates use, from the ones that can only be read
/// one way (a first number over 12 means day first). None when none tells.
pub(crate) fn order_shown_by<'a>(dates: impl Iterator<Item = &'a str>) -> Option<DateOrder> {
    for date in dates {
        let parts: Vec<&str> = date.trim().split(['/', '.', '-']).collect();
        if let [first, second, year] = parts[..] {
            if first.len() <= 2 && second.len() <= 2 && matches!(year.len(), 2 | 4) {
                match (number(first), number(second)) {
                    (Some(first), Some(second)) if first > 12 && second <= 12 => {
                        return Some(DateOrder::DayFirst)
                    }
                    (Some(first), Some(second)) if second > 12 && first <= 12 => {
                        return Some(DateOrder::MonthFirst)
                    }
                    _ => {}
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{order_shown_by, read, Birthday, DateOrder, Reading};

    fn date(y: i32, m: u32, d: u32) -> Reading {
        Reading::Birthday(Birthday::Date(
            chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date"),
        ))
    }

    #[test]
    fn vcard_forms_with_and_without_a_year() {
        let no_year = Reading::Birthday(Birthday::NoYear { month: 4, day: 15 });
        for text in ["--0415", "--04-15", "1604-04-15", "--04-15T00:00"] {
            assert_eq!(read(text, DateOrder::MonthFirst), no_year, "{text}");
        }
        for text in [
            "1984-04-15",
            "19840415",
            "1984-04-15T00:00:00Z",
            "1984/04/15",
        ] {
            assert_eq!(read(text, DateOrder::DayFirst), date(1984, 4, 15), "{text}");
        }
        assert_eq!(read("--0230", DateOrder::MonthFirst), Reading::NotADate);
        assert_eq!(read("circa 1800", DateOrder::MonthFirst), Reading::NotADate);
    }

    #[test]
    fn local_forms_follow_the_file_order_unless_a_number_decides() {
        assert_eq!(read("4/15/1984", DateOrder::DayFirst), date(1984, 4, 15));
        assert_eq!(read("15.4.1984", DateOrder::MonthFirst), date(1984, 4, 15));
        assert_eq!(read("15/04/84", DateOrder::DayFirst), date(1984, 4, 15));
        let guessed = read("4/5/1984", DateOrder::DayFirst);
        assert_eq!(
            guessed,
            Reading::Guessed(Birthday::Date(
                chrono::NaiveDate::from_ymd_opt(1984, 5, 4).expect("a date")
            ))
        );
        assert_eq!(read("5/5/1984", DateOrder::DayFirst), date(1984, 5, 5));
    }

    #[test]
    fn outlooks_zero_date_and_blanks_are_empty() {
        for text in ["", "  ", "0/0/00", "00.00.0000", "0000-00-00"] {
            assert_eq!(
                read(text, DateOrder::MonthFirst),
                Reading::Empty,
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_files_order_shows_in_its_unambiguous_dates() {
        assert_eq!(
            order_shown_by(["4/5/1984", "23/4/1990"].into_iter()),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            order_shown_by(["4/23/1990"].into_iter()),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(order_shown_by(["4/5/1984", "1984-04-15"].into_iter()), None);
    }
}
