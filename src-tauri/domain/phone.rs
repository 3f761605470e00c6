//! Phone numbers, checked with the region's rules (libphonenumber's metadata,
//! through the `phonenumber` crate): a number is *valid* when its country's plan
//! has it, not merely when it parses. A valid number is stored in E.164 beside
//! the text the person typed; one she chose to keep as typed is stored by its
//! digits alone, so the stored E.164 is always a real number (docs/decisions/0010).

use crate::domain::text::quoted;
use crate::error::{Error, Result};
pub use phonenumber::country::Id as Region;
use phonenumber::metadata::DATABASE;
use phonenumber::Mode;
use std::str::FromStr;

/// A phone as typed (for display) and as it is stored and matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub display: String,
    /// E.164 ("+14155550142") for a valid number; for one kept as typed, its
    /// digits ("5550142", with no `+`), which no one can take for E.164.
    pub normalized: String,
}

impl Phone {
    /// The E.164 form, only when the number is valid.
    pub fn e164(&self) -> Option<&str> {
        e164_of(&self.normalized)
    }
}

/// `normalized` as stored: E.164 when it starts with `+`, else digits kept as typed.
pub fn e164_of(normalized: &str) -> Option<&str> {
    normalized.starts_with('+').then_some(normalized)
}

/// How a phone stored before numbers were checked is stored now: its E.164
/// when that is a valid number, else its digits as typed (migration 0005).
pub fn stored_form(display: &str, normalized: &str) -> String {
    let valid = e164_of(normalized)
        .and_then(|e164| phonenumber::parse(None, e164).ok())
        .is_some_and(|number| phonenumber::is_valid(&number));
    if valid {
        normalized.to_string()
    } else {
        digits(display)
    }
}

/// What the line "555-0142" lacks, or why "555-01734" cannot be dialled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A local number with no area code, and no default area code set.
    NoAreaCode,
    /// No number of this country has this length or these first digits.
    Impossible,
}

impl Problem {
    /// In a few words, for a preview: "no area code".
    pub fn short(self) -> &'static str {
        match self {
            Problem::NoAreaCode => "no area code",
            Problem::Impossible => "not a possible number",
        }
    }
}

/// A default area code (a setting): up to 6 digits, prepended to a local number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaCode {
    digits: [u8; 6],
    len: u8,
}

impl AreaCode {
    /// "415", "020", "(415)": 1 to 6 digits once brackets and spaces are gone.
    pub fn parse(text: &str) -> Option<AreaCode> {
        let mut digits = [0u8; 6];
        let mut len = 0usize;
        for c in text.chars() {
            match c {
                '0'..='9' => {
                    *digits.get_mut(len)? = c as u8;
                    len += 1;
                }
                ' ' | '(' | ')' | '-' => {}
                _ => return None,
            }
        }
        let len = u8::try_from(len).ok().filter(|len| *len > 0)?;
        Some(AreaCode { digits, len })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or("")
    }
}

/// How numbers typed without a country code are read: the region's plan, and
/// the area code a local number gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneRules {
    pub region: Region,
    pub area_code: Option<AreaCode>,
}

impl From<Region> for PhoneRules {
    fn from(region: Region) -> Self {
        PhoneRules {
            region,
            area_code: None,
        }
    }
}

/// A number read, and what is wrong with it if it is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub phone: Phone,
    pub problem: Option<Problem>,
    /// The region whose rules it was checked by (its own, for a `+` number).
    pub region: Region,
}

impl Checked {
    /// What to tell her about a number that is not valid, with what she can do.
    pub fn warning(&self) -> Option<String> {
        let display = &self.phone.display;
        let region = self.region;
        let code = DATABASE
            .by_id(region.as_ref())
            .map(|meta| format!(" (+{})", meta.country_code()))
            .unwrap_or_default();
        Some(match self.problem? {
            Problem::NoAreaCode => format!(
                "“{display}” has no area code. Type it with its area code, set a default area code in Settings, or keep it as typed."
            ),
            Problem::Impossible => {
                let lengths = lengths(region);
                let national = digits(display).len();
                let why = match lengths {
                    Some((possible, _)) if !display.starts_with('+') && !possible.contains(&national) => {
                        format!(
                            ": it has {national} digits, and numbers there have {}",
                            list(&possible)
                        )
                    }
                    _ => String::new(),
                };
                format!(
                    "“{display}” is not a possible phone number in {region:?}{code}{why}. Check it, or keep it as typed."
                )
            }
        })
    }
}

/// Fewer digits than this cannot reach anyone, even as a local number.
const MIN_DIGITS: usize = 5;
/// E.164 allows at most 15 digits.
const MAX_DIGITS: usize = 15;

pub fn parse_region(code: &str) -> Option<Region> {
    Region::from_str(&code.trim().to_ascii_uppercase()).ok()
}

/// Reads `text` as a phone number and checks it with the region's rules. Errors
/// only when it cannot be a phone at all (letters, too few or too many digits);
/// a number her country does not have comes back with its [`Problem`].
pub fn check(text: &str, rules: impl Into<PhoneRules>) -> Result<Checked> {
    let rules = rules.into();
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
    let typed_digits = digits(display);
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&typed_digits.len()) {
        return Err(invalid());
    }
    // A number with its own country code is read in that country: given a default
    // region too, the crate misreads some (+86 138 0013 8000 with US).
    let international = display.starts_with('+');
    let read = |text: &str, region: Option<Region>| -> Option<(String, bool, Option<Region>)> {
        let number = phonenumber::parse(region, text).ok()?;
        let valid = phonenumber::is_valid(&number);
        Some((
            number.format().mode(Mode::E164).to_string(),
            valid,
            number.country().id(),
        ))
    };
    let (e164, valid, own) =
        read(display, (!international).then_some(rules.region)).ok_or_else(invalid)?;
    let region = if international {
        own.unwrap_or(rules.region)
    } else {
        rules.region
    };
    let kept = |problem| Checked {
        phone: Phone {
            display: display.to_string(),
            normalized: typed_digits.clone(),
        },
        problem: Some(problem),
        region,
    };
    if valid {
        return Ok(Checked {
            phone: Phone {
                display: display.to_string(),
                normalized: e164,
            },
            problem: None,
            region,
        });
    }
    if international || !is_local_only(region, typed_digits.len()) {
        return Ok(kept(Problem::Impossible));
    }
    // "555-0142": dialled locally. The default area code, if she set one, completes it.
    let Some(area) = rules.area_code else {
        return Ok(kept(Problem::NoAreaCode));
    };
    let whole = format!("{}{typed_digits}", area.as_str());
    match read(&whole, Some(region)) {
        Some((e164, true, _)) => Ok(Checked {
            phone: Phone {
                display: display.to_string(),
                normalized: e164,
            },
            problem: None,
            region,
        }),
        _ => Ok(kept(Problem::Impossible)),
    }
}

/// A number for a contact: valid, or kept as typed when she chose to; otherwise
/// refused (field `"phone"`) with what is wrong and what she can do.
pub fn parse_or_keep(
    text: &str,
    rules: impl Into<PhoneRules>,
    keep_as_typed: bool,
) -> Result<Phone> {
    let checked = check(text, rules)?;
    match checked.warning() {
        Some(warning) if !keep_as_typed => Err(Error::invalid("phone", warning)),
        _ => Ok(checked.phone),
    }
}

/// The digits of `text`, in order.
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Whether `len` national digits are a number dialled only within its area
/// (7 in the US): it lacks its area code.
fn is_local_only(region: Region, len: usize) -> bool {
    lengths(region)
        .is_some_and(|(possible, local)| local.contains(&len) && !possible.contains(&len))
}

/// The lengths of the region's full national numbers and of its local-only
/// ones, from its fixed-line and mobile plans.
fn lengths(region: Region) -> Option<(Vec<usize>, Vec<usize>)> {
    let meta = DATABASE.by_id(region.as_ref())?;
    let descriptors = meta.descriptors();
    let plans = [descriptors.fixed_line(), descriptors.mobile()];
    let mut possible: Vec<usize> = Vec::new();
    let mut local: Vec<usize> = Vec::new();
    for plan in plans.into_iter().flatten() {
        possible.extend(plan.possible_length().iter().map(|n| usize::from(*n)));
        local.extend(plan.possible_local_length().iter().map(|n| usize::from(*n)));
    }
    possible.sort_unstable();
    possible.dedup();
    local.sort_unstable();
    local.dedup();
    Some((possible, local))
}

/// "10", "9 or 10", "5 to 15".
fn list(lengths: &[usize]) -> String {
    match lengths {
        [] => String::new(),
        [one] => one.to_string(),
        [a, b] => format!("{a} or {b}"),
        [first, .., last] => format!("{first} to {last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> Region {
        parse_region("us").expect("US is a region")
    }

    fn rules(region: &str, area: &str) -> PhoneRules {
        PhoneRules {
            region: parse_region(region).expect("a region"),
            area_code: AreaCode::parse(area),
        }
    }

    fn valid(text: &str, rules: impl Into<PhoneRules>) -> Phone {
        let checked = check(text, rules).expect("a phone");
        assert_eq!(checked.problem, None, "{text} is valid");
        checked.phone
    }

    #[test]
    fn national_numbers_get_the_default_country_code() {
        let phone = valid("(415) 555-0142", us());
        assert_eq!(phone.normalized, "+14155550142");
        assert_eq!(phone.e164(), Some("+14155550142"));
        assert_eq!(phone.display, "(415) 555-0142", "shown as she typed it");
    }

    #[test]
    fn international_numbers_keep_their_own_country() {
        assert_eq!(valid("+44 20 7946 0958", us()).normalized, "+442079460958");
        assert_eq!(
            valid("+86 138 0013 8000", us()).normalized,
            "+8613800138000"
        );
    }

    #[test]
    fn the_region_setting_changes_how_national_numbers_are_read() {
        let de = parse_region("DE").expect("DE is a region");
        assert_eq!(valid("030 901820", de).normalized, "+4930901820");
    }

    #[test]
    fn an_impossible_number_is_said_and_can_be_kept_as_typed() {
        let checked = check("555-01734", us()).expect("digits");
        assert_eq!(checked.problem, Some(Problem::Impossible));
        assert_eq!(
            checked.warning().as_deref(),
            Some("“555-01734” is not a possible phone number in US (+1): it has 8 digits, and numbers there have 10. Check it, or keep it as typed.")
        );
        assert_eq!(
            checked.phone.e164(),
            None,
            "no E.164 for a number that is not one"
        );
        let refused = parse_or_keep("555-01734", us(), false).expect_err("not without asking");
        assert_eq!(refused.field(), Some("phone"));
        let kept = parse_or_keep("555-01734", us(), true).expect("kept as typed");
        assert_eq!(
            (kept.display.as_str(), kept.normalized.as_str()),
            ("555-01734", "55501734")
        );
        // Right length, but no such area code.
        let checked = check("(555) 555-0142", us()).expect("digits");
        assert_eq!(checked.problem, Some(Problem::Impossible));
        assert!(checked
            .warning()
            .expect("warning")
            .starts_with("“(555) 555-0142” is not a possible phone number in US (+1). Check it"));
    }

    #[test]
    fn a_local_number_takes_the_default_area_code_or_asks_for_one() {
        let asked = check("555-0142", us()).expect("digits");
        assert_eq!(asked.problem, Some(Problem::NoAreaCode));
        assert!(asked
            .warning()
            .expect("asks")
            .starts_with("“555-0142” has no area code."));
        let completed = valid("555-0142", rules("US", "415"));
        assert_eq!(completed.display, "555-0142", "shown as typed");
        assert_eq!(
            completed.normalized, "+14155550142",
            "stored whole and valid"
        );
        let london = valid("7946 0958", rules("GB", "020"));
        assert_eq!(london.normalized, "+442079460958");
        let wrong_area = check("555-0142", rules("US", "555")).expect("digits");
        assert_eq!(wrong_area.problem, Some(Problem::Impossible));
    }

    #[test]
    fn every_stored_e164_is_valid() {
        for text in [
            "555-0142",
            "555-01734",
            "(555) 555-0142",
            "+1 555 0142",
            "(415) 555-0142",
            "+44 20 7946 0958",
        ] {
            let checked = check(text, us()).expect(text);
            if let Some(e164) = checked.phone.e164() {
                let number = phonenumber::parse(None, e164).expect("parses");
                assert!(phonenumber::is_valid(&number), "{text} stored as {e164}");
            }
        }
    }

    #[test]
    fn area_codes_are_digits_only() {
        assert_eq!(
            AreaCode::parse("(415)").map(|a| a.as_str().to_string()),
            Some("415".into())
        );
        assert_eq!(
            AreaCode::parse("020").map(|a| a.as_str().to_string()),
            Some("020".into())
        );
        assert_eq!(AreaCode::parse(""), None);
        assert_eq!(AreaCode::parse("41a"), None);
        assert_eq!(AreaCode::parse("1234567"), None);
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
            let err = check(text, us()).expect_err(text);
            assert_eq!(err.field(), Some("phone"), "{text}");
        }
    }
}
