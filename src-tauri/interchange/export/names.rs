//! Address books want a name in parts (vCard's N, Google's First/Middle/Last
//! Name); Tend keeps one full name. The first word is the given name, the last
//! the family name, anything between the middle name — what Outlook and Google
//! do with a name typed in one field. The full name always travels as well
//! (vCard's FN), so nothing is lost when a guess is wrong.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    pub given: String,
    pub middle: String,
    pub family: String,
}

pub fn split(full_name: &str) -> NameParts {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let (given, middle, family) = match words.as_slice() {
        [] => ("", &[][..], ""),
        [only] => (*only, &[][..], ""),
        [first, between @ .., last] => (*first, between, *last),
    };
    NameParts {
        given: given.to_string(),
        middle: middle.join(" "),
        family: family.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    fn parts(name: &str) -> (String, String, String) {
        let parts = split(name);
        (parts.given, parts.middle, parts.family)
    }

    #[test]
    fn first_word_given_last_word_family_the_rest_middle() {
        let owned = |a: &str, b: &str, c: &str| (a.into(), b.into(), c.into());
        assert_eq!(parts("Jane Doe"), owned("Jane", "", "Doe"));
        assert_eq!(parts("Jane"), owned("Jane", "", ""));
        assert_eq!(
            parts("  Mary  Ann de  Vries "),
            owned("Mary", "Ann de", "Vries")
        );
        assert_eq!(parts("山田太郎"), owned("山田太郎", "", ""));
        assert_eq!(parts(""), owned("", "", ""));
    }
}
