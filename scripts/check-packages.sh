#!/usr/bin/env bash
# Checks the .deb and .rpm that `make package` built, for this crate version: what
# they carry (only `tend` in /usr/bin, the desktop entry, an icon at every size, the
# AppStream metainfo, the release notes), what they declare (version, WebKitGTK 4.1,
# GTK 3, the appindicator library), that the desktop entry and the metainfo pass
# their validators, and that the packaged binary runs. Prints the sizes.
# Usage: scripts/check-packages.sh  (prints the .deb's path last, for scripts)
#   BUNDLE_PROFILE=debug: the packages of `tauri build --debug`; DEB_ONLY=1: no .rpm.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
target_dir=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
bundle="$target_dir/${BUNDLE_PROFILE:-release}/bundle"
deb="$bundle/deb/Tend_${version}_amd64.deb"
rpm_file="$bundle/rpm/Tend-${version}-1.x86_64.rpm"

fail() { echo "check-packages: $*" >&2; exit 1; }
[ -f "$deb" ] || fail "no $deb: run make package first"

# What every check below expects to find installed.
desktop=usr/share/applications/Tend.desktop
metainfo=usr/share/metainfo/app.tend.desktop.metainfo.xml
icon_sizes=(16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512)
needed_libs=(libwebkit2gtk-4.1-0 libgtk-3-0 libayatana-appindicator3-1)

# --- the .deb ---------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = tend ] || fail "the .deb's package is $(field Package), not tend"
[ "$(field Version)" = "$version" ] || fail "the .deb says version $(field Version), the crate $version"
depends=$(field Depends)
for lib in "${needed_libs[@]}"; do
  grep -qw -- "$lib" <<<"$depends" || fail "the .deb does not depend on $lib (Depends: $depends)"
done

contents=$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./||')
has() { grep -qx -- "$1" <<<"$contents" || fail "the .deb has no /$1"; }
has usr/bin/tend
has "$desktop"
has "$metainfo"
has usr/share/doc/Tend/changelog.gz
for size in "${icon_sizes[@]}"; do has "usr/share/icons/hicolor/$size/apps/tend.png"; done
others=$(grep '^usr/bin/.' <<<"$contents" | grep -vx usr/bin/tend || true)
[ -z "$others" ] || fail "the .deb ships more than tend in /usr/bin: $others"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root"
desktop-file-validate "$root/$desktop"
appstreamcli validate --no-net "$root/$metainfo"
# The release's metainfo names the screenshots at a web address: it validates too,
# and each picture is a PNG wide enough for a software centre (624 px and more).
release_metainfo="$root/release.metainfo.xml"
cp "$root/$metainfo" "$release_metainfo"
scripts/metainfo-screenshots.sh https://example.org/tend/screenshots "$release_metainfo"
appstreamcli validate --no-net "$release_metainfo"
for shot in $(sed -n 's|.*<image type="source">.*/\([^/<]*\)</image>.*|\1|p' "$release_metainfo"); do
  python3 - "packaging/linux/screenshots/$shot" <<'PY' || fail "packaging/linux/screenshots/$shot is not a PNG of 624 px or wider"
import struct, sys
head = open(sys.argv[1], "rb").read(24)
width, height = struct.unpack(">II", head[16:24])
sys.exit(head[:8] != b"\x89PNG\r\n\x1a\n" or width < 624 or height < 351)
PY
done
grep -q '^    <screenshot type="default">' "$release_metainfo" || fail "the release metainfo names no screenshot"
grep -qx 'Exec=tend' "$root/$desktop" || fail "the desktop entry does not start tend"
[ "$("$root/usr/bin/tend" --version)" = "tend $version" ] || fail "the packaged tend does not say tend $version"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -qxE '(./)?postrm' || fail "the .deb has no post-remove note"

# --- the .rpm ---------------------------------------------------------------
if [ -n "${DEB_ONLY:-}" ]; then
  rpm_file=""
elif [ -f "$rpm_file" ]; then
  if command -v rpm >/dev/null 2>&1; then
    [ "$(rpm -qp --queryformat '%{VERSION}' "$rpm_file" 2>/dev/null)" = "$version" ] || fail "the .rpm is not version $version"
    requires=$(rpm -qp --requires "$rpm_file" 2>/dev/null)
    for lib in libwebkit2gtk-4.1.so.0 libgtk-3.so.0 libayatana-appindicator3.so.1; do
      grep -q -- "$lib" <<<"$requires" || fail "the .rpm does not require $lib"
    done
    rpm_files=$(rpm -qpl "$rpm_file" 2>/dev/null)
    for path in /usr/bin/tend "/$desktop" "/$metainfo"; do
      grep -qx -- "$path" <<<"$rpm_files" || fail "the .rpm has no $path"
    done
    [ "$(grep -c '^/usr/bin/' <<<"$rpm_files")" -eq 1 ] || fail "the .rpm ships more than tend in /usr/bin"
  else
    echo "check-packages: rpm is not installed, so the .rpm was built but not read back" >&2
  fi
else
  fail "no $rpm_file"
fi

# --- the figures ------------------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1000000 }'; }
binary=$(stat -c %s "$root/usr/bin/tend")
echo "Packages for Tend $version, checked:"
echo "  $(basename "$deb"): $(mb "$(stat -c %s "$deb")") (installed: $(field Installed-Size) KiB; /usr/bin/tend $(mb "$binary"))"
[ -z "$rpm_file" ] || echo "  $(basename "$rpm_file"): $(mb "$(stat -c %s "$rpm_file")")"
echo "$deb"
