#!/usr/bin/env bash
# Names Tend's screenshots in the AppStream metainfo, at a public web address:
# software centres fetch them from there (AppStream takes no file path). The
# pictures are packaging/linux/screenshots/, taken from the real window by the
# end-to-end tests; the release workflow serves them from the tagged commit.
#
#   scripts/metainfo-screenshots.sh BASE_URL [METAINFO]
#
# Writes METAINFO (default: the packaged one) in place; a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:?"usage: $0 BASE_URL [METAINFO]  (BASE_URL: where packaging/linux/screenshots/ is served)"}
metainfo=${2:-packaging/linux/app.tend.desktop.metainfo.xml}
case "$base" in
  https://*) ;;
  *) echo "metainfo-screenshots: $base is not an https:// address; software centres fetch screenshots over https" >&2; exit 2 ;;
esac
grep -q '^  <screenshots>' "$metainfo" && exit 0

# Each picture with its caption: file name, then what it shows.
shots=(
  "today.png|Today: what is overdue, due today and the re-orders coming up"
)
block="  <screenshots>"
kind=default
for shot in "${shots[@]}"; do
  file=${shot%%|*}
  caption=${shot#*|}
  [ -f "packaging/linux/screenshots/$file" ] || { echo "metainfo-screenshots: no packaging/linux/screenshots/$file" >&2; exit 1; }
  block+=$'\n'"    <screenshot type=\"$kind\">"
  block+=$'\n'"      <caption>$caption</caption>"
  block+=$'\n'"      <image type=\"source\">${base%/}/$file</image>"
  block+=$'\n'"    </screenshot>"
  kind=extra
done
block+=$'\n'"  </screenshots>"

# In the place the metainfo keeps for them, before <provides>.
awk -v block="$block" '/^  <provides>/ { print block } { print }' "$metainfo" > "$metainfo.new"
mv "$metainfo.new" "$metainfo"
