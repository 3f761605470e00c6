#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Tend needs to build, run, test or package,
# only when some are missing. Usage: scripts/system-deps.sh run|test|package
set -euo pipefail

# To build and run the window (Tauri 2 on WebKitGTK 4.1).
RUN_PACKAGES=(
  build-essential pkg-config libssl-dev curl
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
)
# To test it headless: a virtual display, the WebDriver for WebKitGTK, a session
# bus, a real notification daemon, screenshots, Python for the e2e client, Node
# for the UI unit tests.
TEST_PACKAGES=(
  xvfb xauth x11-utils webkit2gtk-driver dbus dbus-x11 dunst libnotify-bin
  imagemagick xdotool at-spi2-core fonts-dejavu-core
  python3 python3-venv nodejs npm
)
# To make and check the installers: Node for the pinned Tauri CLI (it writes the
# .rpm itself; `rpm` reads it back), and the freedesktop validators.
PACKAGE_PACKAGES=(
  nodejs npm rpm desktop-file-utils appstream
)

case "${1:-run}" in
  run) wanted=("${RUN_PACKAGES[@]}") ;;
  test) wanted=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
  package) wanted=("${RUN_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}") ;;
  *) echo "usage: $0 run|test|package" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "This set-up script knows Debian and Ubuntu (apt). On another system, install the" >&2
  echo "equivalents of: ${wanted[*]}" >&2
  exit 1
fi

missing=()
for package in "${wanted[@]}"; do
  # A package may be satisfied by a newer tool already on PATH (python3, node).
  case "$package" in
    python3) command -v python3 >/dev/null 2>&1 && continue ;;
    python3-venv) command -v python3 >/dev/null 2>&1 && python3 -c 'import venv, ensurepip' 2>/dev/null && continue ;;
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "Tend needs these system packages, and installing them needs root:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "Run that, then run make again." >&2
  exit 1
fi
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
