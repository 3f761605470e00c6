#!/usr/bin/env bash
# Installs Tend's .deb the way a person does and checks it behaves like an
# installed app: install the previous version, add data with it, upgrade to the
# new .deb (the data is there and the migration ran), run the installed
# /usr/bin/tend through the WebDriver suite's installed tests (window, a contact
# saved in the per-user folder, start at login naming /usr/bin/tend, one
# instance), then remove the package: the book stays, and removing says where.
# Needs root and dpkg (a Debian or Ubuntu machine, or CI's); changes this
# machine's installed packages (Tend is removed at the end).
# Usage: scripts/package-test.sh PREVIOUS.deb NEW.deb
set -euo pipefail
cd "$(dirname "$0")/.."

previous=${1:?usage: $0 PREVIOUS.deb NEW.deb}
new=${2:?usage: $0 PREVIOUS.deb NEW.deb}
fail() { echo "package-test: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "installing packages needs root (run it with sudo, or as CI does)"
command -v dpkg >/dev/null || fail "this test installs a .deb with dpkg: it needs Debian or Ubuntu"
[ -f "$previous" ] && [ -f "$new" ] || fail "no such package: $previous or $new"
TAURI_DRIVER=${TAURI_DRIVER:-$PWD/.tools/bin/tauri-driver}
PYTEST=${PYTEST:-$PWD/.venv/bin/pytest}

install_deb() {
  # dpkg alone, so what the package declares is what gets checked; apt fetches
  # a missing dependency (none on a machine that ran `make package`).
  dpkg -i "$1" || { apt-get install -f -y -q && dpkg -i "$1"; }
}
version_of() { dpkg-deb --field "$1" Version; }

started=$(date +%s)
home=$(mktemp -d /tmp/tend-home.XXXXXX)
book="$home/.local/share/app.tend.desktop/tend.sqlite3"
as_her() { env -i HOME="$home" PATH=/usr/bin:/bin TZ=UTC "$@"; }
sql() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$book" "$1"; }

if dpkg-query -W tend >/dev/null 2>&1; then dpkg -r tend >/dev/null; fi

echo "== install the previous version ($(version_of "$previous")) and add data with it"
install_deb "$previous" >/dev/null
as_her /usr/bin/tend add --no-cadence "Olive Oldtimer 555-0100 wants the lavender set" >/dev/null
[ -f "$book" ] || fail "the previous version kept no book in the per-user folder ($book)"
old_schema=$(sql "PRAGMA user_version")
echo "   book at $book, schema version $old_schema"

echo "== upgrade to $(version_of "$new")"
install_deb "$new" >/dev/null
[ "$(dpkg-query -W -f '${Version}' tend)" = "$(version_of "$new")" ] || fail "the new version is not installed"
[ "$(as_her /usr/bin/tend --version)" = "tend $(version_of "$new")" ] || fail "/usr/bin/tend is not the new version"
[ ! -e /usr/bin/tend-bench ] || fail "the package installed tend-bench"

echo "== the installed program, through WebDriver"
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  env TEND_APP=/usr/bin/tend TEND_INSTALLED_HOME="$home" TAURI_DRIVER="$TAURI_DRIVER" \
  "$PYTEST" -q tests/e2e/test_installed.py
new_schema=$(sql "PRAGMA user_version")
[ "$new_schema" -gt "$old_schema" ] || fail "the book was not migrated ($old_schema → $new_schema)"
echo "   the book was migrated: schema $old_schema → $new_schema"

echo "== remove the package"
removed=$(dpkg -r tend 2>&1)
echo "$removed" | sed 's/^/   /'
grep -q "still in" <<<"$removed" || fail "removing did not say where the book stays"
grep -q ".local/share/app.tend.desktop" <<<"$removed" || fail "removing did not name the data folder"
[ ! -e /usr/bin/tend ] || fail "/usr/bin/tend is still there"
[ -f "$book" ] || fail "removing the package deleted the book"
[ "$(sql "SELECT count(*) FROM contacts WHERE name IN ('Olive Oldtimer', 'Nina Newcomer')")" -eq 2 ] \
  || fail "the book lost contacts"
echo "   the book is still there with both contacts"
dpkg --purge tend >/dev/null
[ -f "$book" ] || fail "purging the package deleted the book"
echo "   and after purging too"

rm -rf "$home"
echo "package-test: passed in $(( $(date +%s) - started )) s"
