#!/usr/bin/env bash
# Set up everything TourPlanner needs on a fresh Debian machine: system packages, a virtual
# environment, the package with its test extras. Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb platform (a real window), poppler (PDF checks) and the freedesktop validators of the
# desktop files (appstream, desktop-file-utils, shared-mime-info) are Debian packages.
DEB_PACKAGES=(poppler-utils appstream desktop-file-utils shared-mime-info libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0)
missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "bootstrap: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# PostgreSQL's server binaries, for the team-plan tests (TOURPLANNER_NO_POSTGRES=1 skips them).
[ "${TOURPLANNER_NO_POSTGRES:-0}" = "1" ] || bash scripts/postgres.sh

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.tourplanner-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: installing TourPlanner and its dependencies into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -e ".[test]" >&2
  echo "$want" > "$stamp"
fi
# An editable install compiles no bytecode, and some machines forbid writing it at import time
# (PYTHONDONTWRITEBYTECODE): compiled once here, the app starts ~0.2 s sooner.
.venv/bin/python -m compileall -q tourplanner >/dev/null
# The translations people write (.po, .ts) compiled for the app to read (.mo, .qm).
.venv/bin/python scripts/translations --compile
