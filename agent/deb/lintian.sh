#!/usr/bin/env bash
# Runs lintian on the Debian package and fails on any error or warning (or when lintian cannot
# check it); informational tags are shown but pass. Overrides (agent/deb/lintian-overrides,
# installed with the package) say why each one is meant so.
set -euo pipefail
deb="${1:-target/mamori.deb}"
[ -f "$deb" ] || { echo "lintian: no package at $deb" >&2; exit 1; }
set +e
lintian --info --tag-display-limit 0 --fail-on error,warning "$deb" 2>&1 | grep -v 'running with root privileges'
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" != 0 ]; then
  echo "lintian FAILED (exit $rc) on $deb" >&2
  exit 1
fi
echo "lintian: no errors or warnings in $deb ($(lintian --version))"
