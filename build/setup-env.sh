#!/usr/bin/env bash
# Set up what CĐS Xã needs on a fresh Debian/Ubuntu machine with Python 3.11, in ./.venv.
#   bash build/setup-env.sh          the program (Qt's X11 libraries too, to show a window)
#   bash build/setup-env.sh test     the tests (Qt offscreen; PyInstaller for the bundle test)
# System libraries are installed with apt-get when it can be used (as root, or with sudo); else they are listed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

pkgs="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core fonts-liberation2"
if [ "$mode" = "test" ]; then
  pkgs="$pkgs binutils"   # PyInstaller's dependency analysis (build/test-bundle.sh)
fi
if [ "$mode" = "run" ]; then
  pkgs="$pkgs libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
        libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1"
fi
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then pkgs="$pkgs python3-venv"; fi

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Cài thư viện hệ thống:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Cần cài các thư viện hệ thống:$missing" >&2
  fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
if [ "$mode" = "test" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,build]"
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi
