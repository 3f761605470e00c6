//! Phone numbers: parsed with libphonenumber's rules (the `phonenumber` crate),
//! stored as E.164 beside the text the person typed.

use crate::domain::text::quoted;
use crate::error::{Error, Result};
pub use phonenumber::country::Id as Region;
use phonenumber::Mode;
use std::str::FromStr;

/// A phone as typed (for display) and normalised (for matching and dialling).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub display: String,
    pub e164: String,
}

/// Fewer digits than this cannot reach anyone, even as a local number.
const MIN_DIGITS: usize = 5;
/// E.164 allows at most 15 digits.
const MAX_DIGITS: usize = 15;

pub fn parse_region(code: &str) -> Option<Region> {
    Region::from_str(&code.trim().to_ascii_uppercase()).ok()
}

/// Reads `text` as a phone number, using `region` for numbers typed without a
/// country code. Local numbers without an area code (`555-0142`) are accepted:
/// that is how people write them down at a party.
pub fn parse(text: &str, region: Region) -> Result<Phone> {
    let display = text.trim();
    let invalid = || {
        Error::invalid(
            "phone",
            format!("{display} doesn't look like a phone number. Use digits, with + and the country code for numbers abroad.", display = quoted(display)),
        )
    };
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c) || c == '\u{a0}';
    if display.is_empty() || !display.chars().all(allowed) {
        return Err(invalid());
    }
    let digits = display.chars().filter(char::is_ascii_digit).count();
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits) {
        return Err(invalid());
    }
    // A number with its own country code is read in that country: given a default
    // region too, the crate misreads some (+86 138 0013 8000 with US).
    let default_region = (!display.starts_with('+')).then_some(region);
    let number = phonenumber::parse(default_region, display).map_err(|_| invalid())?;
    let e164 = number.format().mode(Mode::E164).to_string();
    Ok(Phone {
        display: display.to_string(),
        e164,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> Region {
        parse_region("us").expect("US is a region")
    }

    #[test]
    fn national_numbers_get_the_default_country_code() {
        let phone = parse("(415) 555-0142", us()).expect("a US number");
        assert_eq!(phone.e164, "+14155550142");
        assert_eq!(phone.display, "(415) 555-0142");
    }

    #[test]
    fn international_numbers_keep_their_own_country() {
        let phone = parse("+44 20 7946 0958", us()).expect("a UK number");
        assert_eq!(phone.e164, "+442079460958");
    }

    #[test]
    fn a_plus_number_is_read_in_its_own_country() {
        let phone = parse("+86 138 0013 8000", us()).expect("a Chinese mobile");
        assert_eq!(phone.e164, "+8613800138000");
    }

    #[test]
    fn the_region_setting_changes_how_national_numbers_are_read() {
        let de = parse_region("DE").expect("DE is a region");
        let phone = parse("030 901820", de).expect("a Berlin number");
        assert_eq!(phone.e164, "+4930901820");
    }

    #[test]
    fn a_local_number_without_area_code_is_kept() {
        let phone = parse("555-0142", us()).expect("a local number");
        assert!(phone.e164.starts_with('+'));
        assert!(phone.e164.ends_with("5550142"));
    }

    #[test]
    fn things_that_cannot_be_phones_are_refused() {
        for text in [
            "",
            "call me",
            "12",
            "555-CALL-NOW",
            "1234567890123456789",
            "+",
        ] {
            let err = parse(text, us()).expect_err(text);
            assert_eq!(err.field(), Some("phone"), "{text}");
        }
    }
}
