#!/usr/bin/env bash
# Builds the .deb of an earlier version of Tend from git (a tag or commit), with
# this checkout's pinned Tauri CLI and the same Cargo target folder, for the
# upgrade in `make package-test`. Prints the .deb's path last.
# Usage: scripts/previous-deb.sh REF     e.g. scripts/previous-deb.sh v0.1.0
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: $0 REF (a tag or commit of an earlier Tend)}
here=$PWD
source=$(mktemp -d /tmp/tend-previous.XXXXXX)
trap 'rm -rf "$source"' EXIT
git archive "$ref" | tar -x -C "$source"
target_dir=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source/Cargo.toml" | head -n 1)
# Built where this checkout builds, so the dependencies are compiled once.
(cd "$source" && CARGO_TARGET_DIR="$target_dir" "$here/node_modules/.bin/tauri" build --ci --bundles deb >&2)
deb="$target_dir/release/bundle/deb/Tend_${version}_amd64.deb"
[ -f "$deb" ] || { echo "previous-deb: no $deb was built" >&2; exit 1; }
kept="$target_dir/previous/$(basename "$deb")"
mkdir -p "$(dirname "$kept")"
cp "$deb" "$kept"
echo "$kept"
