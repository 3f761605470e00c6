#!/usr/bin/env bash
# Builds the .deb of an earlier version of Tend from git (a tag or commit), with
# this checkout's pinned Tauri CLI and the same Cargo target folder, for the
# upgrade in `make package-test` (release) and `make installed` (BUNDLE_PROFILE=debug).
# Prints the .deb's path last.
# Usage: scripts/previous-deb.sh REF     e.g. scripts/previous-deb.sh v0.1.0
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: $0 REF (a tag or commit of an earlier Tend)}
here=$PWD
source=$(mktemp -d /tmp/tend-previous.XXXXXX)
trap 'rm -rf "$source"' EXIT
profile=${BUNDLE_PROFILE:-release}
debug_flag=()
[ "$profile" = debug ] && debug_flag=(--debug)
# A shallow clone may not have the earlier commit: fetch it first.
git cat-file -e "$ref^{commit}" 2>/dev/null || git fetch --quiet origin "$ref" >&2 \
  || { echo "previous-deb: $ref is not in this clone and could not be fetched" >&2; exit 1; }
git archive "$ref" | tar -x -C "$source"
target_dir=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source/Cargo.toml" | head -n 1)
# Built where this checkout builds, so the dependencies are compiled once.
# Without debug info, as this checkout builds its dependencies: they are reused.
(cd "$source" && CARGO_TARGET_DIR="$target_dir" CARGO_PROFILE_DEV_DEBUG=false \
  "$here/node_modules/.bin/tauri" build --ci "${debug_flag[@]}" --bundles deb >&2)
deb="$target_dir/$profile/bundle/deb/Tend_${version}_amd64.deb"
[ -f "$deb" ] || { echo "previous-deb: no $deb was built" >&2; exit 1; }
kept="$target_dir/previous/$(basename "$deb")"
mkdir -p "$(dirname "$kept")"
cp "$deb" "$kept"
echo "$kept"
