//! What the installers are made of, read from the files `make package` builds them
//! from: tauri.conf.json (the version left to the crate, the icons, the Linux
//! bundles), the desktop entry, the AppStream metainfo, the post-remove note, the
//! release notes, and Cargo.toml keeping the benchmark out. The built packages
//! themselves are checked by scripts/check-packages.sh (`make package`).

use serde_json::Value;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn path(relative: &str) -> PathBuf {
    Path::new(ROOT).join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(path(relative)).unwrap_or_else(|err| panic!("{relative}: {err}"))
}

fn config() -> Value {
    serde_json::from_str(&read("tauri.conf.json")).expect("tauri.conf.json is JSON")
}

fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("tauri.conf.json has no text at {pointer}"))
}

/// The text between the first `<tag…>` and `</tag>` after `from`.
fn element<'a>(xml: &'a str, tag: &str) -> &'a str {
    let open = xml
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let start = open + xml[open..].find('>').expect("a closed tag") + 1;
    let end = start + xml[start..].find(&format!("</{tag}>")).expect("an end tag");
    &xml[start..end]
}

/// An attribute's value in the first `<tag …>`.
fn attribute<'a>(xml: &'a str, tag: &str, name: &str) -> &'a str {
    let open = xml
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no <{tag} …>"));
    let head = &xml[open..open + xml[open..].find('>').expect("a closed tag")];
    let key = format!("{name}=\"");
    let start = head
        .find(&key)
        .unwrap_or_else(|| panic!("<{tag}> has no {name}"))
        + key.len();
    &head[start..start + head[start..].find('"').expect("a closing quote")]
}

/// Width, height and whether it has an alpha channel, from a PNG's IHDR.
fn png_shape(relative: &str) -> (u32, u32, bool) {
    let bytes = std::fs::read(path(relative)).unwrap_or_else(|err| panic!("{relative}: {err}"));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{relative} is a PNG");
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20), bytes[25] == 6)
}

#[test]
fn the_version_is_the_crates_alone() {
    assert!(
        config().get("version").is_none(),
        "tauri.conf.json must not set a version: the packages take the crate's"
    );
}

#[test]
fn an_icon_at_every_size_the_menus_ask_for_and_one_for_each_platform() {
    let config = config();
    let icons: Vec<&str> = config["bundle"]["icon"]
        .as_array()
        .expect("bundle.icon is a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut sizes = Vec::new();
    for icon in icons.iter().filter(|icon| icon.ends_with(".png")) {
        let (width, height, alpha) = png_shape(icon);
        assert_eq!(width, height, "{icon} is square");
        assert!(alpha, "{icon} is RGBA (Tauri refuses RGB icons)");
        if !icon.contains("@2x") {
            sizes.push(width);
        }
    }
    sizes.sort_unstable();
    assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256, 512]);
    for platform in ["icons/icon.icns", "icons/icon.ico"] {
        assert!(icons.contains(&platform), "{platform} is listed");
        assert!(path(platform).is_file(), "{platform} exists");
    }
}

#[test]
fn the_desktop_entry_is_in_office_and_names_the_window_it_opens() {
    let config = config();
    for bundle in ["deb", "rpm"] {
        let template = text(&config, &format!("/bundle/linux/{bundle}/desktopTemplate"));
        assert_eq!(template, "packaging/linux/tend.desktop", "{bundle}");
    }
    let entry = read("packaging/linux/tend.desktop");
    let lines: Vec<&str> = entry.lines().collect();
    for line in [
        "[Desktop Entry]",
        "Type=Application",
        "Name={{name}}",
        "Exec={{exec}}",
        "Icon={{icon}}",
        "Categories=Office;ContactManagement;",
        // The window's WM_CLASS is ("tend", "Tend"), measured on the packaged binary:
        // the dock groups the window with this entry by its class.
        "StartupWMClass=Tend",
    ] {
        assert!(lines.contains(&line), "the desktop entry has {line}");
    }
    assert_eq!(text(&config, "/mainBinaryName"), "tend");
}

#[test]
fn the_metainfo_describes_this_version_under_the_apps_id() {
    let config = config();
    let identifier = text(&config, "/identifier");
    let target = format!("/usr/share/metainfo/{identifier}.metainfo.xml");
    let source = "packaging/linux/app.tend.desktop.metainfo.xml";
    for bundle in ["deb", "rpm"] {
        let files = &config["bundle"]["linux"][bundle]["files"];
        assert_eq!(
            files[&target].as_str(),
            Some(source),
            "the {bundle} installs the metainfo"
        );
    }
    let xml = read(source);
    assert_eq!(attribute(&xml, "component", "type"), "desktop-application");
    assert_eq!(element(&xml, "id"), identifier);
    assert_eq!(element(&xml, "name"), text(&config, "/productName"));
    assert_eq!(
        element(&xml, "summary"),
        text(&config, "/bundle/shortDescription")
    );
    assert_eq!(element(&xml, "project_license"), env!("CARGO_PKG_LICENSE"));
    assert_eq!(
        element(&xml, "launchable"),
        format!("{}.desktop", text(&config, "/productName")),
        "the bundler names the desktop file after the product"
    );
    assert!(element(&xml, "description").contains("<p>"));
    // The newest release is this one, on the date its notes give.
    assert_eq!(attribute(&xml, "release", "version"), VERSION);
    let notes = tend::domain::release::current();
    assert_eq!(
        Some(attribute(&xml, "release", "date")),
        notes.date.as_deref()
    );
}

#[test]
fn the_deb_carries_the_release_notes_and_removing_it_says_where_the_book_stays() {
    let config = config();
    assert_eq!(text(&config, "/bundle/linux/deb/changelog"), "CHANGELOG.md");
    for bundle in ["deb", "rpm"] {
        assert_eq!(
            text(&config, &format!("/bundle/linux/{bundle}/postRemoveScript")),
            "packaging/linux/after-remove.sh"
        );
    }
    let script = read("packaging/linux/after-remove.sh");
    assert!(script.starts_with("#!/bin/sh\n"));
    assert!(
        script.contains("~/.local/share/app.tend.desktop/"),
        "it says where"
    );
    assert!(
        !script.contains("rm "),
        "removing the package never deletes her data"
    );
    assert!(text(&config, "/bundle/longDescription").contains("~/.local/share/app.tend.desktop/"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path("packaging/linux/after-remove.sh"))
        .expect("the script exists")
        .permissions()
        .mode();
    assert_ne!(mode & 0o111, 0, "the script is executable");
}

#[test]
fn the_packages_ship_tend_alone_the_benchmark_needs_its_feature() {
    let manifest = read("Cargo.toml");
    let bench = manifest
        .split("[[bin]]")
        .find(|table| table.contains("name = \"tend-bench\""))
        .expect("the benchmark binary is declared");
    // The Tauri bundler packs every binary whose required features are on.
    assert!(
        bench.contains("required-features = [\"bench\"]"),
        "tend-bench builds only with --features bench"
    );
}

#[test]
fn make_package_uses_the_pinned_tauri_cli_and_the_release_workflow_the_same() {
    let package: Value = serde_json::from_str(&read("package.json")).expect("package.json");
    let pinned = package["devDependencies"]["@tauri-apps/cli"]
        .as_str()
        .expect("the Tauri CLI is a dev dependency");
    assert!(
        pinned.starts_with("2.") && pinned.chars().all(|c| c.is_ascii_digit() || c == '.'),
        "an exact 2.x version, not a range: {pinned}"
    );
    let lock: Value = serde_json::from_str(&read("package-lock.json")).expect("package-lock.json");
    assert_eq!(
        lock["packages"]["node_modules/@tauri-apps/cli"]["version"].as_str(),
        Some(pinned)
    );
    assert_eq!(package["scripts"]["tauri"].as_str(), Some("tauri"));
    let makefile = read("Makefile");
    assert!(makefile.contains("npm run --silent tauri -- build --ci --bundles deb,rpm"));
    let workflow = read(".github/workflows/release.yml");
    for needed in [
        "tauri-apps/tauri-action@v0",
        "npm ci",
        "scripts/system-deps.sh package",
        "tauriScript: npm run tauri",
        "--bundles deb,rpm",
        "scripts/check-packages.sh",
        "--target universal-apple-darwin",
    ] {
        assert!(
            workflow.contains(needed),
            "the release workflow has {needed}"
        );
    }
}
