//! What every target shares: room in the phone library's pattern cache.

use std::sync::Once;

/// Regions' patterns kept compiled: the library keeps 100, enough for a
/// book in one region, while the fuzzer jumps between many and would
/// spend most of its time compiling the same patterns again.
const PATTERNS_KEPT: usize = 20_000;

pub fn roomy_phone_cache() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let cache = phonenumber::metadata::DATABASE.cache();
        if let Ok(mut cache) = cache.lock() {
            *cache = regex_cache::RegexCache::new(PATTERNS_KEPT);
        };
    });
}
