//! How the domain's enums are written in the database: each as its stable key,
//! in both directions, here and nowhere else. A key Tend does not know is a
//! corrupt row, reported as such, never read as some default.

use crate::domain::channel::Channel;
use crate::domain::decision::DecisionKind;
use crate::domain::departure::Reason;
use crate::domain::followup::Status;
use crate::domain::stage::Stage;
use crate::domain::text::quoted;
use crate::domain::touch::Outcome;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

#[derive(Debug)]
struct UnknownKey {
    what: &'static str,
    key: String,
}

impl std::fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an unknown {} {}", self.what, quoted(&self.key))
    }
}

impl std::error::Error for UnknownKey {}

fn from_key<T>(
    value: ValueRef<'_>,
    what: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> FromSqlResult<T> {
    let key = value.as_str()?;
    parse(key).ok_or_else(|| {
        FromSqlError::Other(Box::new(UnknownKey {
            what,
            key: key.to_string(),
        }))
    })
}

macro_rules! stored_as_key {
    ($type:ty, $what:literal) => {
        impl ToSql for $type {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.key()))
            }
        }

        impl FromSql for $type {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                from_key(value, $what, <$type>::from_key)
            }
        }
    };
}

stored_as_key!(Stage, "stage");
stored_as_key!(Status, "follow-up status");
stored_as_key!(Channel, "channel");
stored_as_key!(Outcome, "touch outcome");
stored_as_key!(DecisionKind, "decision");
stored_as_key!(Reason, "departure reason");

/// A cadence's stopping decisions, stored as "bought,no".
pub fn decision_list_to_sql(kinds: &[DecisionKind]) -> String {
    kinds
        .iter()
        .map(|kind| kind.key())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn decision_list_from_sql(text: &str) -> rusqlite::Result<Vec<DecisionKind>> {
    text.split(',')
        .map(str::trim)
        .filter(|key| !key.is_empty())
        .map(|key| {
            DecisionKind::from_key(key).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(UnknownKey {
                        what: "decision",
                        key: key.to_string(),
                    }),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn read<T: FromSql>(conn: &Connection, text: &str) -> rusqlite::Result<T> {
        conn.query_row("SELECT ?1", [text], |row| row.get(0))
    }

    #[test]
    fn every_key_round_trips_and_an_unknown_one_is_an_error() {
        let conn = Connection::open_in_memory().expect("in memory");
        for status in [Status::Open, Status::Snoozed, Status::Done, Status::Skipped] {
            let back: Status = conn
                .query_row("SELECT ?1", [status], |row| row.get(0))
                .expect("round trip");
            assert_eq!(back, status);
        }
        for stage in Stage::ALL {
            assert_eq!(read::<Stage>(&conn, stage.key()).expect("stage"), stage);
        }
        let err = read::<Status>(&conn, "opne").expect_err("a typo is not Open");
        assert!(
            err.to_string().contains("unknown follow-up status"),
            "{err}"
        );
        assert!(read::<Channel>(&conn, "fax").is_err());
        assert!(read::<Outcome>(&conn, "").is_err());
        assert!(read::<DecisionKind>(&conn, "maybe").is_err());
        assert!(read::<Stage>(&conn, "Lead").is_err(), "keys are exact");
        for reason in Reason::ALL {
            assert_eq!(read::<Reason>(&conn, reason.key()).expect("reason"), reason);
        }
        assert!(read::<Reason>(&conn, "bored").is_err());
    }

    #[test]
    fn stop_decisions_round_trip_as_text() {
        let kinds = vec![DecisionKind::Bought, DecisionKind::No];
        assert_eq!(
            decision_list_from_sql(&decision_list_to_sql(&kinds)).expect("read back"),
            kinds
        );
        assert!(decision_list_from_sql("").expect("none").is_empty());
        assert!(decision_list_from_sql("bought,sold").is_err());
    }
}
