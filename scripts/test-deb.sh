#!/usr/bin/env bash
# Debian package test: builds the .deb from the repository (scripts/package-deb.sh), installs it
# with apt in a clean, minimal bookworm chroot (debootstrap), runs `--version` and the demo
# (`--demo --generate-pdf`) there as an unprivileged user, checks the PDF (fonts embedded, text
# extractable), the installed layout, the configuration's mode (0600 root), the systemd units
# (systemd-analyze verify; the timer is not enabled by the installation, an enabled one stays so
# on upgrades) and remove/purge. Before that, the package itself: lintian (no error, no warning;
# overrides in debian/*.lintian-overrides, each with its reason), hardening-check on its binary
# (PIE, stack protector, FORTIFY, RELRO, BIND_NOW), the copyright file carrying LICENSE, and
# its version against CMakeLists.txt. Prints the package size.
#
# Runs as root on Debian 12; installs what it needs. Idempotent; reuses the bookworm root file
# system tarball under /var/tmp/pve-backup-report (shared with scripts/test-container.sh).
#
#   DEB=path/to/pve-backup-report_*.deb   test this package instead of building one
#   BUILD_DIR=...                          passed to scripts/package-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "test-deb: run as root" >&2; exit 1; }
start=$(date +%s)
cache=/var/tmp/pve-backup-report
rootfs_tar=$cache/bookworm-minbase.tar

need=()
for p in debootstrap dpkg-dev poppler-utils systemd python3 lintian devscripts; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

fail() { echo "test-deb: $*" >&2; exit 1; }

echo "== building the package"
t0=$(date +%s)
deb=${DEB:-$(bash scripts/package-deb.sh | tail -n1)}
[ -f "$deb" ] || fail "no package at '$deb'"
echo "built $(basename "$deb") in $(($(date +%s) - t0)) s"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb" | awk '{print $1, $2, $NF}' | grep -v "/scenarios/demo/."

# The package's metadata and layout.
depends=$(dpkg-deb --field "$deb" Depends)
for p in libc6 libcurl4 libcairo2 libpango-1.0-0 fonts-dejavu-core fonts-wqy-microhei fonts-symbola tzdata \
  ca-certificates; do
  grep -qE "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p: $depends"
done
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/pve-backup-report ./usr/share/man/man1/pve-backup-report.1.gz \
  ./usr/share/pve-backup-report/scenarios/demo/ ./lib/systemd/system/pve-backup-report.service \
  ./lib/systemd/system/pve-backup-report.timer; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
grep -qE '^-rw------- root/root .* \./etc/pve-backup-report/env$' <<<"$contents" ||
  fail "/etc/pve-backup-report/env is not 0600 root in the package"
if grep -q "pve-api-emulator" <<<"$contents"; then fail "the test emulator is in the package"; fi
for f in ./usr/share/doc/pve-backup-report/copyright ./usr/share/doc/pve-backup-report/changelog.Debian.gz; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
version=$(sed -n 's/^project(pve-backup-report VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb_version=$(dpkg-deb --field "$deb" Version)
[ "${deb_version%-*}" = "$version" ] || fail "package version $deb_version, CMakeLists.txt $version"

echo "== lintian $(lintian --version | awk '{print $2}') (fails on errors and warnings)"
lintian --fail-on error,warning --display-level ">=info" "$deb" || fail "lintian found errors or warnings"
# The overridden tags, each with its reason (debian/pve-backup-report.lintian-overrides); shown
# only: --show-overrides would make lintian count them as failures.
lintian --show-overrides "$deb" 2>/dev/null | grep -E '^(O|N):' || true
echo "lintian: no error, no warning"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
echo "== hardening-check /usr/bin/pve-backup-report"
# PIE, stack protector, FORTIFY, RELRO and BIND_NOW must all be there. Control-flow protection
# (-fcf-protection) is not required: bookworm's dpkg-buildflags (1.21) has no such feature (it
# came with dpkg 1.22); stack-clash protection is reported, never required, by hardening-check.
hardening-check --nocfprotection "$unpacked/usr/bin/pve-backup-report" || fail "hardening-check failed"
echo "fortified calls: $(objdump -T "$unpacked/usr/bin/pve-backup-report" | grep -c '_chk')"
python3 - "$unpacked/usr/share/doc/pve-backup-report/copyright" LICENSE <<'PY'
import sys
# The stand-alone "License: AGPL-3+" paragraph of the DEP-5 copyright file carries LICENSE verbatim.
paragraphs = open(sys.argv[1]).read().split("\n\n")
licence = [p for p in paragraphs if p.startswith("License: AGPL-3+\n")]
assert licence, "no stand-alone License: AGPL-3+ paragraph"
body = "\n".join("" if l == " ." else l[1:] for l in licence[0].splitlines()[1:]) + "\n"
assert open(sys.argv[2]).read() in body, "the copyright file does not carry LICENSE verbatim"
print("copyright: DEP-5, AGPL-3+ with the full text of LICENSE")
PY


# shellcheck source=scripts/lib/rootfs.sh
. scripts/lib/rootfs.sh
ensure_rootfs_tarball

work=$(mktemp -d "$cache/deb-test.XXXXXX")
root=$work/root
cleanup() {
  for m in "$root/dev/pts" "$root/dev" "$root/proc"; do
    mountpoint -q "$m" 2>/dev/null && umount -l "$m"
  done
  rm -rf "$work"
}
trap 'cleanup; rm -rf "$unpacked"' EXIT
mkdir -p "$root"
tar -C "$root" -xf "$rootfs_tar"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

echo "== apt-get install ./$(basename "$deb") (clean bookworm chroot)"
t0=$(date +%s)
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
in_root apt-get install -y -q "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
  { tail -n 40 "$work/apt.log" >&2; fail "apt-get install failed"; }
echo "installed with its dependencies in $(($(date +%s) - t0)) s"

echo "== installed files"
[ -x "$root/usr/bin/pve-backup-report" ] || fail "/usr/bin/pve-backup-report missing"
[ -f "$root/usr/share/man/man1/pve-backup-report.1.gz" ] || fail "man page missing"
[ -d "$root/usr/share/pve-backup-report/scenarios/demo" ] || fail "demo scenario missing"
mode=$(stat -c '%a %U:%G' "$root/etc/pve-backup-report/env")
[ "$mode" = "600 root:root" ] || fail "/etc/pve-backup-report/env is '$mode', expected '600 root:root'"
echo "/etc/pve-backup-report/env: $mode"
in_root dpkg-query -W -f='${Conffiles}\n' pve-backup-report | grep -q "/etc/pve-backup-report/env" ||
  fail "/etc/pve-backup-report/env is not a conffile"
zcat "$root/usr/share/man/man1/pve-backup-report.1.gz" | grep -q '^\.TH PVE-BACKUP-REPORT 1' || fail "man page"

echo "== pve-backup-report --version (in the chroot)"
version=$(in_root pve-backup-report --version)
echo "$version"
grep -q "^pve-backup-report [0-9]" <<<"$version" || fail "unexpected --version output"

echo "== pve-backup-report --demo --generate-pdf (in the chroot, as nobody, like the service)"
install -d -o 65534 -g 65534 -m 0750 "$root/var/lib/pve-backup-report/reports"
chroot --userspec=65534:65534 "$root" env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 \
  OUTPUT_DIR=/var/lib/pve-backup-report/reports pve-backup-report --demo --generate-pdf \
  >"$work/stdout.txt" 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; fail "the demo failed"; }
cat "$work/stderr.txt"
if grep -qi "fontconfig" "$work/stderr.txt"; then fail "fontconfig complained"; fi
pdf=$(find "$root/var/lib/pve-backup-report/reports" -maxdepth 1 -name 'pve-backup-report_*.pdf' | head -n1)
[ -n "$pdf" ] || fail "no PDF in /var/lib/pve-backup-report/reports"
grep -qx "/var/lib/pve-backup-report/reports/$(basename "$pdf")" "$work/stdout.txt" || fail "stdout does not name the PDF"

echo "== checking $(basename "$pdf") ($(du -k "$pdf" | cut -f1) KiB)"
pdffonts "$pdf" | tee "$work/fonts.txt"
awk 'NR > 2 && $(NF-4) != "yes" {bad=1; print "not embedded: " $0} END {exit bad}' "$work/fonts.txt" ||
  fail "a font is not embedded"
[ "$(wc -l <"$work/fonts.txt")" -gt 2 ] || fail "no font in the PDF"
pdftotext -layout "$pdf" "$work/report.txt"
grep -q -e "Summary" -e "pve-prod" "$work/report.txt" || fail "no extractable text in the PDF"
echo "text extractable: $(wc -w <"$work/report.txt") words, $(pdfinfo "$pdf" | awk '/^Pages:/{print $2}') pages"

echo "== LOG_FORMAT=json (in the chroot)"
chroot --userspec=65534:65534 "$root" env -i PATH=/usr/bin:/bin LOG_FORMAT=json \
  OUTPUT_DIR=/var/lib/pve-backup-report/reports pve-backup-report --demo --format json \
  >/dev/null 2>"$work/json-log.txt" || { cat "$work/json-log.txt" >&2; fail "the JSON-log run failed"; }
python3 - "$work/json-log.txt" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
assert lines, "no log line"
for line in lines:
    record = json.loads(line)
    assert list(record)[:4] == ["time", "level", "logger", "message"], record
print(f"{len(lines)} JSON log lines, e.g. {lines[-1].strip()}")
PY

echo "== systemd units"
if command -v systemd-analyze >/dev/null; then
  # On the host's systemd, with ExecStart= pointing at the binary installed in the chroot.
  mkdir -p "$work/units"
  sed "s|^ExecStart=/usr/bin/|ExecStart=$root/usr/bin/|" "$root/lib/systemd/system/pve-backup-report.service" \
    >"$work/units/pve-backup-report.service"
  cp "$root/lib/systemd/system/pve-backup-report.timer" "$work/units/"
  systemd-analyze verify --man=no "$work/units/pve-backup-report.service" "$work/units/pve-backup-report.timer" \
    >"$work/verify.txt" 2>&1 || { cat "$work/verify.txt" >&2; fail "systemd-analyze verify failed"; }
  if [ -s "$work/verify.txt" ]; then cat "$work/verify.txt"; fail "systemd-analyze verify reported problems"; fi
  systemd-analyze security --offline=true "$work/units/pve-backup-report.service" 2>/dev/null | tail -n 1 || true
  echo
  echo "units verified"
else
  echo "systemd-analyze not available: units not verified"
fi
grep -q '^Type=oneshot' "$root/lib/systemd/system/pve-backup-report.service" || fail "service: Type=oneshot"
for key in Persistent=true RandomizedDelaySec= OnCalendar=; do
  grep -q "^$key" "$root/lib/systemd/system/pve-backup-report.timer" || fail "timer: $key"
done

echo "== timer enablement (deb-systemd-helper), remove, then purge"
wants=$root/etc/systemd/system/timers.target.wants/pve-backup-report.timer
if [ -e "$wants" ] || [ -L "$wants" ]; then fail "the installation enabled the timer"; fi
# deb-systemd-helper runs only from maintainer scripts (DPKG_MAINTSCRIPT_PACKAGE set).
dsh() { in_root DPKG_MAINTSCRIPT_PACKAGE=pve-backup-report deb-systemd-helper "$@"; }
dsh debian-installed pve-backup-report.timer || fail "deb-systemd-helper does not know the timer"
dsh enable pve-backup-report.timer # what `systemctl enable` does, offline
[ -L "$wants" ] || fail "could not enable the timer"
echo "PVE_URL=https://pve.example:8006" >>"$root/etc/pve-backup-report/env" # an admin's change
in_root apt-get install -y -q --reinstall "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
  { tail -n 20 "$work/apt.log" >&2; fail "reinstall failed"; }
[ -L "$wants" ] || fail "the upgrade disabled the timer"
grep -q "^PVE_URL=https://pve.example:8006" "$root/etc/pve-backup-report/env" || fail "reinstall lost the configuration"
[ "$(stat -c %a "$root/etc/pve-backup-report/env")" = 600 ] || fail "reinstall changed the configuration's mode"
in_root dpkg --remove pve-backup-report >/dev/null
[ ! -e "$root/usr/bin/pve-backup-report" ] || fail "remove left the binary"
[ -f "$root/etc/pve-backup-report/env" ] || fail "remove deleted the configuration"
in_root dpkg --purge pve-backup-report >/dev/null
[ ! -e "$root/etc/pve-backup-report" ] || fail "purge left /etc/pve-backup-report"
[ ! -e "$root/var/lib/pve-backup-report" ] || fail "purge left /var/lib/pve-backup-report"
[ ! -L "$wants" ] || fail "purge left the timer's enablement symlink"
echo "the timer is not enabled by the installation and stays enabled on upgrade;" \
  "remove keeps the configuration, purge removes it, the reports and the timer's enablement"

size=$(stat -c %s "$deb")
echo "package $(basename "$deb"): $((size / 1024)) KiB ($size bytes), installed size $(dpkg-deb --field "$deb" Installed-Size) KiB"
echo "test-deb: OK in $(($(date +%s) - start)) s"
