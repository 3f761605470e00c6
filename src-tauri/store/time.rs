//! Instants in the database are UTC text with whole seconds and a `Z`, so that
//! comparing strings compares times.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

pub fn to_sql(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses what `to_sql` wrote; anything else is a corrupt row, reported as such.
pub fn from_sql(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    if let Some(instant) = as_written(text) {
        return Ok(instant);
    }
    DateTime::parse_from_rfc3339(text)
        .map(|instant| instant.with_timezone(&Utc))
        .map_err(|err| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(err))
        })
}

/// `YYYY-MM-DDTHH:MM:SSZ`, exactly as `to_sql` writes it, read field by field:
/// Today reads thousands of instants, and the general RFC 3339 parser is
/// several times slower. Anything else (a leap second, an offset) is `None`.
fn as_written(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let punctuated = bytes.len() == 20
        && [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'Z'),
        ]
        .iter()
        .all(|&(at, mark)| bytes[at] == mark);
    if !punctuated {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        bytes[from..to].iter().try_fold(0u32, |value, digit| {
            digit
                .is_ascii_digit()
                .then(|| value * 10 + u32::from(digit - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?
        .and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)
        .map(|instant| instant.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_to_sql_did_not_write_goes_to_the_general_parser_or_is_refused() {
        let general =
            |text: &str| DateTime::parse_from_rfc3339(text).map(|i| i.with_timezone(&Utc));
        for odd in [
            "2026-03-29T01:30:00+01:00",
            "2026-03-29T00:30:00.5Z",
            "2026-12-31T23:59:60Z",
        ] {
            assert_eq!(as_written(odd), None, "{odd}");
            assert_eq!(from_sql(odd).ok(), general(odd).ok(), "{odd}");
        }
        for corrupt in [
            "",
            "2026-02-30T10:00:00Z",
            "2026-1a-01T10:00:00Z",
            "not a time at all!!",
        ] {
            assert!(from_sql(corrupt).is_err(), "{corrupt:?}");
        }
    }

    proptest! {
        #[test]
        fn every_instant_written_reads_back_the_same_as_the_general_parser_reads_it(
            seconds in -62_135_596_800i64..253_402_300_799,
        ) {
            let instant = DateTime::from_timestamp(seconds, 0).expect("in range");
            let text = to_sql(instant);
            prop_assert_eq!(as_written(&text), Some(instant));
            let general = DateTime::parse_from_rfc3339(&text).map(|i| i.with_timezone(&Utc));
            prop_assert_eq!(from_sql(&text).ok(), general.ok());
        }
    }
}
