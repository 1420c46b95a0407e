#!/usr/bin/env bash
# Container test: builds the image from the real Dockerfile, runs `--version`, checks that a report
# run without /reports mounted is refused (exit 5, with the -v option to add), runs
# `--demo --generate-pdf` with /reports mounted, and checks the PDF that comes out (fonts
# embedded, text extractable) and the binary's hardening (hardening-check). Prints the image size.
#
# Runs as root on Debian 12 without a Docker engine: buildah (chroot isolation) builds and runs
# the image; the base images are made from Debian's own packages with debootstrap and given the
# names the Dockerfile uses. Idempotent; reuses the
# bookworm root file system under /var/tmp/pve-backup-report and buildah's layer cache.
#
#   IMAGE=localhost/pve-backup-report:test   name of the image built
#   KEEP_IMAGE=1                             keep the image (default: kept, it is the cache)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "test-container: run as root" >&2; exit 1; }
start=$(date +%s)
image=${IMAGE:-localhost/pve-backup-report:test}
cache=/var/tmp/pve-backup-report
rootfs_tar=$cache/bookworm-minbase.tar

need=()
for p in debootstrap buildah podman poppler-utils python3 devscripts; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi


# shellcheck source=scripts/lib/rootfs.sh
. scripts/lib/rootfs.sh
ensure_rootfs_tarball

# The "slim" variant, like the official debian:bookworm-slim: no documentation (but the copyright
# files), manuals or translations, and dpkg told not to install them.
slim_tar=$cache/bookworm-slim.tar
if [ ! -s "$slim_tar" ] || [ "$slim_tar" -ot "$rootfs_tar" ]; then
  echo "== making the slim variant"
  tmp=$(mktemp -d "$cache/slim.XXXXXX")
  tar -C "$tmp" -xf "$rootfs_tar"
  find "$tmp/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
  find "$tmp/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$tmp"/usr/share/man/* "$tmp"/usr/share/info/* "$tmp"/usr/share/groff/* "$tmp"/usr/share/lintian/*
  find "$tmp/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/groff/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/linda/*' 'path-exclude /usr/share/locale/*' \
    'path-include /usr/share/locale/locale.alias' >"$tmp/etc/dpkg/dpkg.cfg.d/docker"
  tar --numeric-owner -C "$tmp" -cf "$slim_tar.tmp" .
  mv "$slim_tar.tmp" "$slim_tar"
  rm -rf "$tmp"
fi

# The short names the Dockerfile's FROM lines use (podman stores them as localhost/debian:*, which
# a short name finds first); imported again only when the tarball changed. No registry is ever asked.
for pair in "debian:bookworm=$rootfs_tar" "debian:bookworm-slim=$slim_tar"; do
  name=${pair%%=*} tarball=${pair#*=}
  stamp="$(stat -c %Y "$tarball")"
  stamp_file=$cache/imported-${name##*:}.stamp
  if ! podman image exists "localhost/$name" || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    echo "== importing $tarball as $name"
    podman import --quiet --change 'CMD ["bash"]' --message "debootstrap --variant=minbase bookworm" \
      "$tarball" "$name" >/dev/null
    echo "$stamp" >"$stamp_file"
  fi
done
base_size=$(podman image inspect --format '{{.Size}}' localhost/debian:bookworm-slim)

echo "== buildah build (Dockerfile)"
t0=$(date +%s)
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
version=$(sed -n 's/^project(pve-backup-report VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
buildah build --isolation chroot --pull=never --layers \
  --build-arg VERSION="$version" --build-arg REVISION="$revision" \
  --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  -f Dockerfile -t "$image" . >"$cache/buildah-build.log" 2>&1 ||
  { tail -n 60 "$cache/buildah-build.log" >&2; echo "test-container: image build failed (log: $cache/buildah-build.log)" >&2; exit 1; }
echo "built $image in $(($(date +%s) - t0)) s"

# The image's configuration: non-root user, entrypoint, volume, defaults, labels.
config=$(podman image inspect "$image")
check_config() {
  python3 -c "import json,sys; c=json.loads(sys.argv[1])[0]['Config']; sys.exit(0 if ($1) else 1)" "$config" ||
    { echo "test-container: image config check failed: $1" >&2; echo "$config" >&2; exit 1; }
}
check_config 'c.get("User") not in (None, "", "0", "root", "0:0")'
check_config 'c["Entrypoint"] == ["/usr/bin/pve-backup-report"]'
check_config '"/reports" not in (c.get("Volumes") or {})' # no anonymous volume to swallow a report
check_config '"OUTPUT_DIR=/reports" in c["Env"]'
check_config '"OUTPUT_DIR_MUST_BE_MOUNTED=true" in c["Env"]'
check_config 'c["Labels"].get("org.opencontainers.image.title") == "pve-backup-report"'
check_config 'c["Labels"].get("org.opencontainers.image.licenses") == "AGPL-3.0-or-later"'

out=$(mktemp -d /var/tmp/pvr-container-test.XXXXXX)
ctr=""
cleanup() {
  [ -z "$ctr" ] || buildah rm "$ctr" >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT
chown 10001:10001 "$out" # the image's user
ctr=$(buildah from --pull=never "$image")

echo "== hardening-check /usr/bin/pve-backup-report (the image's binary)"
mnt=$(buildah mount "$ctr")
# As in scripts/test-deb.sh: control-flow protection is not among bookworm's dpkg-buildflags.
hardening-check --nocfprotection "$mnt/usr/bin/pve-backup-report" ||
  { buildah umount "$ctr" >/dev/null; echo "test-container: hardening-check failed" >&2; exit 1; }
buildah umount "$ctr" >/dev/null

echo "== pve-backup-report --version (in the image)"
# buildah run does not apply ENTRYPOINT, USER stays the image's: call the binary by name.
buildah run --isolation chroot "$ctr" -- pve-backup-report --version | tee "$out/version.txt"
grep -q "^pve-backup-report $version" "$out/version.txt"
[ "$(buildah run --isolation chroot "$ctr" -- id -u)" = 10001 ] ||
  { echo "test-container: the image does not run as uid 10001" >&2; exit 1; }

echo "== pve-backup-report --demo without /reports mounted (in the image): refused"
status=0
buildah run --isolation chroot "$ctr" -- pve-backup-report --demo >"$out/stdout.txt" 2>"$out/stderr.txt" ||
  status=$?
cat "$out/stderr.txt"
[ "$status" = 5 ] || { echo "test-container: exit status $status without /reports mounted, expected 5" >&2; exit 1; }
# shellcheck disable=SC2016 # the literal text of the message
if ! grep -qF -- "OUTPUT_DIR '/reports' is not a mounted directory" "$out/stderr.txt" ||
  ! grep -qF -- '-v "$PWD/reports:/reports"' "$out/stderr.txt"; then
  echo "test-container: the refusal does not say how to mount /reports" >&2
  exit 1
fi
[ ! -s "$out/stdout.txt" ] || { echo "test-container: a report was written into the container" >&2; exit 1; }

echo "== pve-backup-report --demo --generate-pdf (in the image, /reports mounted)"
buildah run --isolation chroot -v "$out:/reports" "$ctr" -- pve-backup-report --demo --generate-pdf \
  >"$out/stdout.txt" 2>"$out/stderr.txt" ||
  { cat "$out/stderr.txt" >&2; echo "test-container: the demo failed in the image" >&2; exit 1; }
cat "$out/stderr.txt"
if grep -qi "fontconfig" "$out/stderr.txt"; then
  echo "test-container: fontconfig complained in the image" >&2; exit 1
fi
# The image's ENV defaults must all be variables the program knows and uses: no warning.
if grep -q " warn" "$out/stderr.txt"; then
  echo "test-container: warnings with the image's default environment (Dockerfile ENV)" >&2; exit 1
fi
pdf=$(find "$out" -maxdepth 1 -name 'pve-backup-report_*.pdf' | head -n1)
[ -n "$pdf" ] || { echo "test-container: no PDF in /reports" >&2; ls -la "$out" >&2; exit 1; }
grep -qx "/reports/$(basename "$pdf")" "$out/stdout.txt" ||
  { echo "test-container: stdout does not name the PDF" >&2; cat "$out/stdout.txt" >&2; exit 1; }

echo "== checking $(basename "$pdf") ($(du -k "$pdf" | cut -f1) KiB)"
pdffonts "$pdf" | tee "$out/fonts.txt"
# Columns: name type encoding emb sub uni object-id; every font must be embedded.
awk 'NR > 2 && $(NF-4) != "yes" {bad=1; print "not embedded: " $0} END {exit bad}' "$out/fonts.txt" ||
  { echo "test-container: a font is not embedded" >&2; exit 1; }
[ "$(wc -l <"$out/fonts.txt")" -gt 2 ] || { echo "test-container: no font in the PDF" >&2; exit 1; }
pdftotext -layout "$pdf" "$out/report.txt"
grep -q -e "Summary" -e "pve-prod" "$out/report.txt" ||
  { echo "test-container: no extractable text in the PDF" >&2; exit 1; }
echo "text extractable: $(wc -w <"$out/report.txt") words, $(pdfinfo "$pdf" | awk '/^Pages:/{print $2}') pages"

echo "== JSON logs (LOG_FORMAT=json)"
buildah run --isolation chroot -v "$out:/reports" --env LOG_FORMAT=json "$ctr" -- \
  pve-backup-report --demo --format json >/dev/null 2>"$out/json-log.txt" ||
  { cat "$out/json-log.txt" >&2; exit 1; }
python3 - "$out/json-log.txt" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
assert lines, "no log line"
for line in lines:
    record = json.loads(line)
    assert set(record) >= {"time", "level", "logger", "message"}, record
print(f"{len(lines)} JSON log lines, e.g. {lines[-1].strip()}")
PY

size=$(podman image inspect --format '{{.Size}}' "$image")
echo "image $image: $((size / 1000 / 1000)) MB ($size bytes; the base bookworm-slim made here: $((base_size / 1000 / 1000)) MB)"
buildah rmi --prune >/dev/null 2>&1 || true # dangling images of earlier builds
echo "test-container: OK in $(($(date +%s) - start)) s"
