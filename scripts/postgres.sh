#!/usr/bin/env bash
# The PostgreSQL server binaries the team-plan tests start a throw-away cluster with
# (benchmarks/pgcluster.py: initdb/pg_ctl as an unprivileged user in a temporary folder).
# Installs Debian's postgresql when no initdb is found; starts nothing itself.
set -euo pipefail
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && exit 0
done
command -v initdb >/dev/null 2>&1 && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "postgres.sh: installing Debian's postgresql (server binaries for the team-plan tests)" >&2
$SUDO apt-get update -qq
# The package's own cluster is not wanted: the tests make theirs in a temporary folder.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
if command -v pg_ctlcluster >/dev/null 2>&1; then
  $SUDO pg_lsclusters -h 2>/dev/null | while read -r version name _; do
    $SUDO pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
  done
fi
