//! Amounts of money as she types them ("24.50", "24,50", "1,299.00") and as Tend
//! keeps them: whole cents (hundredths of her currency), never a float.

use crate::error::{Error, Result};

/// The most an amount may be: ten million in her currency.
pub const MAX_CENTS: i64 = 1_000_000_000;

/// Reads an amount; empty means none. A comma or a point before the last one or
/// two digits is the decimal mark; other commas, points and spaces group thousands.
pub fn parse_cents(text: &str, field: &'static str) -> Result<Option<i64>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let not_money = || {
        Error::invalid(
            field,
            format!("“{text}” is not an amount (type it like 24.50)."),
        )
    };
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if digits.starts_with('-') {
        return Err(Error::invalid(field, "An amount cannot be negative."));
    }
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_money());
    }
    let decimal_at = digits
        .rfind(['.', ','])
        .filter(|at| (1..=2).contains(&(digits.len() - at - 1)));
    let (whole, fraction) = match decimal_at {
        Some(at) => (&digits[..at], &digits[at + 1..]),
        None => (digits.as_str(), ""),
    };
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole.is_empty() && fraction.is_empty() {
        return Err(not_money());
    }
    let units: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| not_money())?
    };
    let hundredths: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| not_money())? * 10,
        _ => fraction.parse().map_err(|_| not_money())?,
    };
    let cents = units
        .checked_mul(100)
        .and_then(|c| c.checked_add(hundredths))
        .filter(|c| *c <= MAX_CENTS)
        .ok_or_else(|| Error::invalid(field, "That amount is too large."))?;
    Ok(Some(cents))
}

/// A currency as ISO 4217 names it ("USD", "EUR", "GBP"): three letters.
pub fn parse_currency(text: &str) -> Result<String> {
    let code = text.trim().to_ascii_uppercase();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(Error::invalid(
            "currency",
            format!(
                "“{}” is not a currency code (three letters, like USD or EUR).",
                text.trim()
            ),
        ));
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(text: &str) -> Option<i64> {
        parse_cents(text, "amount").expect(text)
    }

    #[test]
    fn amounts_read_the_way_she_types_them() {
        assert_eq!(cents(""), None);
        assert_eq!(cents("24"), Some(2400));
        assert_eq!(cents("24.5"), Some(2450));
        assert_eq!(cents("24.50"), Some(2450));
        assert_eq!(cents("24,50"), Some(2450), "a decimal comma");
        assert_eq!(cents("1,299.00"), Some(129_900));
        assert_eq!(cents("1.299,00"), Some(129_900));
        assert_eq!(cents("1 299"), Some(129_900));
        assert_eq!(
            cents("1,299"),
            Some(129_900),
            "three digits after: thousands"
        );
        assert_eq!(cents(".99"), Some(99));
    }

    #[test]
    fn what_is_not_an_amount_is_refused_on_its_field() {
        for bad in ["abc", "$", "-5", "12.3.4x", "1e5", "."] {
            let err = parse_cents(bad, "amount").expect_err(bad);
            assert_eq!(err.field(), Some("amount"), "{bad}");
        }
        assert!(parse_cents("99999999999", "price").is_err(), "too large");
    }

    #[test]
    fn currencies_are_three_letters() {
        assert_eq!(parse_currency(" eur ").expect("EUR"), "EUR");
        assert!(parse_currency("EURO").is_err());
        assert!(parse_currency("€").is_err());
    }
}
