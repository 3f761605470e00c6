//! The empty app Tend is measured against (`make bench-floor`, bench/floor/)
//! stays a fair floor: the same release profile and the same Tauri features.

const TEND: &str = include_str!("../Cargo.toml");
const FLOOR: &str = include_str!("../bench/floor/Cargo.toml");

/// The lines of a `[section]`, comments and blank lines aside.
fn section<'a>(manifest: &'a str, name: &str) -> Vec<&'a str> {
    manifest
        .lines()
        .skip_while(|line| line.trim() != format!("[{name}]"))
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with('['))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

fn dependency<'a>(manifest: &'a str, name: &str) -> &'a str {
    manifest
        .lines()
        .find(|line| line.starts_with(&format!("{name} =")))
        .unwrap_or_else(|| panic!("{name} in a manifest"))
}

#[test]
fn the_floor_is_built_like_tend() {
    assert!(!section(TEND, "profile.release").is_empty());
    assert_eq!(
        section(FLOOR, "profile.release"),
        section(TEND, "profile.release"),
        "bench/floor/Cargo.toml keeps Tend's release profile"
    );
    let features = |line: &str| {
        line.split("features = ")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .map(str::to_string)
    };
    assert_eq!(
        features(dependency(FLOOR, "tauri")),
        features(dependency(TEND, "tauri")),
        "and Tauri's features"
    );
}
