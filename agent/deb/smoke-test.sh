#!/usr/bin/env bash
# Installs the Debian package built by 'mvn package', checks what it installed, scans the
# installed samples with the installed launcher, then removes and purges it and checks that
# nothing is left behind. Needs root (CI runs as root).
set -euo pipefail
deb="$(cd "$(dirname "${1:-target/mamori.deb}")" && pwd)/$(basename "${1:-target/mamori.deb}")"
fail() { echo "deb smoke test FAILED: $*" >&2; exit 1; }

dpkg -i "$deb" >/dev/null 2>&1 || { apt-get install -y -qq -f >/dev/null; dpkg -i "$deb" >/dev/null; }
echo "deb: installed $(dpkg-query -W -f='${Package} ${Version}' mamori)"

[ -x /usr/bin/mamori ] || fail "/usr/bin/mamori missing"
version="$(/usr/bin/mamori --version | head -1)"
[[ "$version" == mamori* ]] || fail "unexpected --version output: $version"
echo "deb: $version"

[ "$(readlink /usr/bin/mamori)" = ../share/mamori/bin/mamori ] || fail "/usr/bin/mamori must be a relative link"
for page in mamori mamori-scan mamori-agent mamori-quarantine-restore; do
  [ -f /usr/share/man/man1/$page.1.gz ] || fail "man page $page(1) missing"
done
if command -v man >/dev/null 2>&1; then
  man -l /usr/share/man/man1/mamori-scan.1.gz 2>/dev/null | grep -q -- '--format' \
    || fail "man mamori-scan does not document --format"
fi
echo "deb: $(ls /usr/share/man/man1/mamori*.1.gz | wc -l) man pages"
zcat /usr/share/doc/mamori/changelog.gz | head -1 | grep -q "^mamori ($(dpkg-query -W -f='${Version}' mamori))" \
  || fail "changelog.gz does not start with this version"

[ -f /usr/share/mamori/systemd/quarantine.conf ] || fail "the quarantine drop-in is missing"
getent passwd mamori >/dev/null || fail "service user mamori missing"
[ "$(stat -c '%U %a' /var/lib/mamori)" = "mamori 700" ] || fail "/var/lib/mamori must be mamori-owned, mode 700"
[ -f /etc/mamori/mamori.yaml ] || fail "/etc/mamori/mamori.yaml missing"
[ "$(stat -c '%U:%G %a' /etc/mamori/mamori.yaml)" = "root:mamori 640" ] \
  || fail "/etc/mamori/mamori.yaml must be root:mamori, mode 640 (is $(stat -c '%U:%G %a' /etc/mamori/mamori.yaml))"
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify /lib/systemd/system/mamori.service || fail "systemd-analyze verify mamori.service"
  echo "deb: systemd-analyze verify mamori.service passed"
fi

out="$(mktemp)"
set +e
/usr/bin/mamori scan --format jsonl /usr/share/mamori/samples > "$out" 2>/dev/null
rc=$?
set -e
[ "$rc" = 1 ] || fail "scan of the installed samples exited $rc, expected 1 (sensitive content)"
grep -q '"appi-reportable"' "$out" || fail "the 1,050-member roster was not flagged appi-reportable"
grep -q '"status":"encrypted"' "$out" || fail "the PPAP zip was not reported encrypted"
echo "deb: scan of the installed samples found $(grep -c '"severity":"high"' "$out") high-severity documents"
rm -f "$out"

dpkg -r mamori >/dev/null
[ ! -e /usr/bin/mamori ] || fail "/usr/bin/mamori left after remove"
[ -f /etc/mamori/mamori.yaml ] || fail "remove must keep the config (conffile) until purge"
dpkg -P mamori >/dev/null
[ ! -e /etc/mamori/mamori.yaml ] || fail "config left after purge"
[ ! -e /var/lib/mamori ] || fail "/var/lib/mamori left after purge"
! getent passwd mamori >/dev/null || fail "service user left after purge"
echo "deb: removed and purged cleanly"
