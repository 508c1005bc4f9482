#!/usr/bin/env bash
# Smoke-test TourPlanner as a user installs it, from outside the source tree, with a clean
# environment (no PYTHONPATH, a fresh HOME): the command line, the PDF's embedded fonts, a
# calendar, the GUI painting the demo plan offscreen, and the desktop files.
#
#   scripts/smoke_installed.sh --wheel [WHEEL]     build the wheel (or take WHEEL), install it
#                                                  into a new venv (not editable), test that
#   scripts/smoke_installed.sh --command PATH      test an installed `tourplanner` (the bundle)
#
# Exit 0 when every check passes; each failure says which check and why.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

mode="${1:-}"
case "$mode" in
  --wheel | --command) ;;
  *)
    echo "usage: $0 --wheel [WHEEL] | --command PATH" >&2
    exit 2
    ;;
esac

# What the checks use (pdffonts, desktop-file-validate) and the venv with `build` in it.
bash "$ROOT/scripts/bootstrap.sh"

WORK="$(mktemp -d /tmp/tourplanner-smoke.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/run"
started=$SECONDS

if [ "$mode" = "--wheel" ]; then
  wheel="${2:-}"
  if [ -z "$wheel" ]; then
    echo "smoke: building the sdist and the wheel" >&2
    "$ROOT/.venv/bin/python" -m build --outdir "$WORK/dist" "$ROOT" >"$WORK/build.log" 2>&1 ||
      { tail -30 "$WORK/build.log" >&2; exit 1; }
    wheel="$(ls "$WORK"/dist/tourplanner-*.whl)"
  fi
  echo "smoke: installing $(basename "$wheel") into a new venv" >&2
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/python" -m pip install -q "$wheel" 2>&1 | grep -v "^WARNING: Location" >&2 || true
  "$WORK/venv/bin/python" -m pip show -q tourplanner >/dev/null
  TOURPLANNER="$WORK/venv/bin/tourplanner"
  PATH_FOR_APP="$WORK/venv/bin:/usr/bin:/bin"
  expected="$(basename "$wheel" | cut -d- -f2)"
else
  TOURPLANNER="$(realpath "${2:?the path of the tourplanner to test}")"
  PATH_FOR_APP="/usr/bin:/bin"
  expected="$(grep -m1 '^version' "$ROOT/pyproject.toml" | cut -d'"' -f2)"
fi

cd "$WORK/run" # outside the source tree: nothing may be read from it
app() {
  env -i PATH="$PATH_FOR_APP" HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    XDG_DATA_HOME="$WORK/home/share" "$TOURPLANNER" "$@"
}
fail() {
  echo "smoke: FAILED: $*" >&2
  exit 1
}
step() { echo "smoke: $*" >&2; }

step "--version"
[ "$(app --version)" = "tourplanner $expected" ] || fail "--version says '$(app --version)', not $expected"

if [ "$mode" = "--command" ]; then
  step "runs with no PATH at all (no Python of the system to fall back on)"
  [ "$(env -i HOME="$WORK/home" "$TOURPLANNER" --version)" = "tourplanner $expected" ] ||
    fail "the bundle does not start without PATH"
fi

step "demo"
app demo demo.tourplan >/dev/null
[ -s demo.tourplan ] || fail "demo wrote no plan"

step "info"
app info demo.tourplan >info.txt
grep -q "made by: TourPlanner $expected" info.txt || fail "info does not name the version that made the plan"
grep -q "Counts: .*31 people" info.txt || fail "info does not count the demo plan's 31 people"

step "check"
status=0
app check demo.tourplan >check.txt || status=$?
[ "$status" -eq 0 ] || fail "check exited $status on the demo plan (errors found or could not run)"
grep -q "tentative" check.txt || fail "check did not list the demo plan's warnings"

step "an old plan is backed up and upgraded (the migrations ship)"
cp "$ROOT/tests/fixtures/plan-0001.tourplan" old.tourplan
app info old.tourplan >old.txt
grep -q "made by: TourPlanner 0.1" old.txt || fail "info could not read the upgraded old plan"
app backups old.tourplan >old-backups.txt
grep -q "(0001)" old-backups.txt ||  # the reason of an upgrade's backup: the schema before
  fail "no backup was listed from before the upgrade (they live in the user data folder)"

step "export itinerary (fonts embedded)"
app export itinerary demo.tourplan --person "Bob O'Neill" -o bob.pdf >/dev/null
pdffonts bob.pdf >fonts.txt
[ "$(wc -l <fonts.txt)" -gt 2 ] || fail "the itinerary uses no fonts at all"
if tail -n +3 fonts.txt | cut -c73-75 | grep -qv yes; then
  cat fonts.txt >&2
  fail "a font of the itinerary is not embedded"
fi
grep -q DejaVuSans fonts.txt && grep -q DroidSansFallback fonts.txt ||
  fail "the itinerary lacks the bundled DejaVu Sans or Droid Sans Fallback"
pdftotext -enc UTF-8 bob.pdf bob.txt # to a file: `| grep -q` would end it with SIGPIPE
grep -q "鲍勃·奥尼尔" bob.txt || fail "the itinerary's Chinese text cannot be read back"
grep -q "· TourPlanner $expected" bob.txt || fail "the footer does not name the version"

step "seating: the banquet solved again by OR-Tools' CP-SAT (its native libraries ship)"
app seating demo.tourplan --item "Conference banquet" --layout banquet --reseat --json >banquet.json ||
  fail "seating could not solve the demo banquet"
"$ROOT/.venv/bin/python" - banquet.json <<'PY' || fail "the solved banquet breaks its rules"
import json
import sys

plan = json.load(open(sys.argv[1], encoding="utf-8"))
taken = [s["person_id"] for s in plan["seats"] if s["person_id"] is not None]
assert plan["layout"] == "banquet", plan["layout"]
assert len(taken) == len(set(taken)) == 21, f"{len(taken)} seated, {len(set(taken))} different"
assert len({s["table"] for s in plan["seats"] if s["person_id"]}) == 3, "not all 3 tables used"
assert {s["name"] for s in plan["seats"] if s["table"] == 1 and s["position"] in (1, 2)} == {
    "Sun Zhaohua", "Bob O'Neill"}, "the host and the principal guest are not side by side"
PY
app seating demo.tourplan --item "Conference banquet" -o banquet.pdf >/dev/null
pdftotext -enc UTF-8 banquet.pdf banquet.txt
grep -q "Sun Zhaohua" banquet.txt || fail "the banquet's seating diagram does not name the host"

step "invitation letter (docxtpl and python-docx's templates ship)"
app export invitations demo.tourplan --person "Bob O'Neill" -o bob.docx >/dev/null
[ "$(head -c 2 bob.docx)" = "PK" ] || fail "the invitation letter is not a Word file"

step "export ics"
app export ics demo.tourplan -o all.ics >/dev/null
head -1 all.ics | grep -q "BEGIN:VCALENDAR" || fail "the calendar does not start with BEGIN:VCALENDAR"
[ "$(grep -c "BEGIN:VEVENT" all.ics)" -gt 50 ] || fail "the calendar holds too few events"

step "GUI offscreen: open the demo plan and paint it"
app --screenshot window.png demo.tourplan >screenshot.txt
[ "$(head -c 8 window.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "no PNG painted"
[ "$(stat -c %s window.png)" -gt 20000 ] || fail "the painted window is nearly empty"

step "an error is one line, and the log keeps it"
status=0
app info missing.tourplan 2>err.txt || status=$?
[ "$status" -eq 2 ] && [ "$(wc -l <err.txt)" -eq 1 ] && grep -q "^error: " err.txt ||
  fail "a missing plan did not give one error: line with exit 2"
log="$WORK/home/.local/state/TourPlanner/log/tourplanner.log"
grep -q "missing.tourplan does not exist" "$log" || fail "the error is not in the log $log"

step "--install-desktop"
app --install-desktop >installed.txt
launcher="$WORK/home/share/applications/io.github.tourplanner.TourPlanner.desktop"
desktop-file-validate "$launcher" || fail "the installed launcher does not validate"
grep -q "^TryExec=$TOURPLANNER$" "$launcher" || fail "the launcher does not start $TOURPLANNER"
grep -q "application/x-tourplanner:\*.tourplan" "$WORK/home/share/mime/globs2" ||
  fail "the .tourplan type is not in the user's MIME database"

echo "smoke: all checks passed for $TOURPLANNER ($expected) in $((SECONDS - started)) s" >&2
