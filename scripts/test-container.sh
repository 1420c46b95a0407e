#!/usr/bin/env bash
# Container test: builds the image from the real Dockerfile, runs `--version`, then
# `--demo --generate-pdf` inside it, and checks the PDF that comes out (fonts embedded, text
# extractable). Prints the image size.
#
# Runs as root on Debian 12 without a Docker engine: buildah (chroot isolation) builds and runs
# the image; the base images are made from Debian's own packages with debootstrap and given the
# names the Dockerfile uses (docs: /work/shared/notes/container.md). Idempotent; reuses the
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
for p in debootstrap buildah podman poppler-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A minimal bookworm root file system, with the host's apt sources (mirror, updates, security)
# as the official debian images have them; made once, shared with scripts/test-deb.sh.
ensure_rootfs_tarball() {
  mkdir -p "$cache"
  exec 9>"$cache/rootfs.lock"
  flock 9
  if [ ! -s "$rootfs_tar" ]; then
    local mirror tmp
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    tmp=$(mktemp -d "$cache/rootfs.XXXXXX")
    echo "== debootstrap bookworm ($mirror)"
    debootstrap --variant=minbase bookworm "$tmp/root" "$mirror" >"$tmp/debootstrap.log" 2>&1 ||
      { tail -n 30 "$tmp/debootstrap.log" >&2; exit 1; }
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      cp /etc/apt/sources.list.d/debian.sources "$tmp/root/etc/apt/sources.list.d/debian.sources"
      rm -f "$tmp/root/etc/apt/sources.list"
    fi
    rm -rf "$tmp"/root/var/lib/apt/lists/* "$tmp"/root/var/cache/apt/*.bin "$tmp"/root/var/cache/apt/archives/*.deb
    tar --numeric-owner -C "$tmp/root" -cf "$rootfs_tar.tmp" .
    mv "$rootfs_tar.tmp" "$rootfs_tar"
    rm -rf "$tmp"
  fi
  flock -u 9
}
ensure_rootfs_tarball

# The names the Dockerfile's FROM lines use; imported again only when the tarball changed.
stamp="$(stat -c %Y "$rootfs_tar")"
for name in docker.io/library/debian:bookworm docker.io/library/debian:bookworm-slim; do
  stamp_file=$cache/imported-${name##*:}.stamp
  if ! podman image exists "$name" || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    echo "== importing $rootfs_tar as $name"
    podman import --quiet --change 'CMD ["bash"]' --message "debootstrap --variant=minbase bookworm" \
      "$rootfs_tar" "$name" >/dev/null
    echo "$stamp" >"$stamp_file"
  fi
done

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
config=$(buildah inspect --type image --format '{{json .OCIv1.Config}}' "$image")
check_config() {
  python3 -c "import json,sys; c=json.loads(sys.argv[1]); sys.exit(0 if ($2) else 1)" "$config" ||
    { echo "test-container: image config check failed: $2" >&2; echo "$config" >&2; exit 1; }
}
check_config 'c.get("User") not in (None, "", "0", "root", "0:0")'
check_config 'c["Entrypoint"] == ["/usr/bin/pve-backup-report"]'
check_config '"/reports" in c.get("Volumes", {})'
check_config '"OUTPUT_DIR=/reports" in c["Env"]'
check_config 'c["Labels"].get("org.opencontainers.image.title") == "pve-backup-report"'

out=$(mktemp -d /var/tmp/pvr-container-test.XXXXXX)
ctr=""
cleanup() {
  [ -z "$ctr" ] || buildah rm "$ctr" >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT
chown 10001:10001 "$out" # the image's user
ctr=$(buildah from --pull=never "$image")

echo "== pve-backup-report --version (in the image)"
# buildah run does not apply ENTRYPOINT, USER stays the image's: call the binary by name.
buildah run --isolation chroot "$ctr" -- pve-backup-report --version | tee "$out/version.txt"
grep -q "^pve-backup-report $version" "$out/version.txt"
[ "$(buildah run --isolation chroot "$ctr" -- id -u)" = 10001 ] ||
  { echo "test-container: the image does not run as uid 10001" >&2; exit 1; }

echo "== pve-backup-report --demo --generate-pdf (in the image, /reports mounted)"
buildah run --isolation chroot -v "$out:/reports" "$ctr" -- pve-backup-report --demo --generate-pdf \
  >"$out/stdout.txt" 2>"$out/stderr.txt" ||
  { cat "$out/stderr.txt" >&2; echo "test-container: the demo failed in the image" >&2; exit 1; }
cat "$out/stderr.txt"
if grep -qi "fontconfig" "$out/stderr.txt"; then
  echo "test-container: fontconfig complained in the image" >&2; exit 1
fi
# The image's ENV defaults must all be variables the program knows.
if grep -qi "unknown variable" "$out/stderr.txt"; then
  echo "test-container: the Dockerfile sets a variable the program does not know" >&2; exit 1
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
echo "image $image: $((size / 1000 / 1000)) MB ($size bytes)"
echo "test-container: OK in $(($(date +%s) - start)) s"
