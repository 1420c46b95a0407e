# shellcheck shell=bash
# Sourced by scripts/test-container.sh and scripts/test-deb.sh: a minimal bookworm root file
# system, made once with debootstrap from THIS machine's apt mirror and with its apt sources
# (mirror, updates, security) as the official debian images have them.
#   cache       folder of the shared tarball (set by the caller)
#   rootfs_tar  the tarball's path (set by the caller)

# The first Debian mirror of this machine's apt sources (deb822 or one-line format); no default:
# the repository names no mirror host of its own.
apt_mirror() {
  local mirror=""
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  if [ -z "$mirror" ]; then
    echo "no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list:" \
      "configure apt first (debootstrap needs a mirror)" >&2
    return 1
  fi
  printf '%s\n' "$mirror"
}

ensure_rootfs_tarball() {
  mkdir -p "$cache"
  exec 9>"$cache/rootfs.lock"
  flock 9
  if [ ! -s "$rootfs_tar" ]; then
    local mirror tmp
    mirror=$(apt_mirror) || exit 1
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
