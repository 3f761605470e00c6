//! The first few of many, in order, without sorting them all: what a page of a
//! long list (a backlog, a week of birthdays) is cut from.

use std::cmp::Ordering;

/// Keeps the `limit` smallest of `items` by `order`, sorted.
pub fn first_by<T>(mut items: Vec<T>, limit: usize, order: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    if limit == 0 {
        return Vec::new();
    }
    if items.len() > limit {
        items.select_nth_unstable_by(limit - 1, &order);
        items.truncate(limit);
    }
    items.sort_by(order);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_first_are_the_start_of_all_of_them_sorted(
            items in proptest::collection::vec(0i32..50, 0..60),
            limit in 0usize..70,
        ) {
            let mut sorted = items.clone();
            sorted.sort();
            sorted.truncate(limit);
            prop_assert_eq!(first_by(items, limit, i32::cmp), sorted);
        }
    }
}
