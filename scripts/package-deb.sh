#!/usr/bin/env bash
# Builds the Debian package with debhelper (debian/, `dpkg-buildpackage -b`) and prints its path
# on the last line.
#
#   BUILD_DIR=build/deb   where the package is built (default build/deb): the source tree is
#                         copied to $BUILD_DIR/pve-backup-report-<version>/ (the files git tracks,
#                         plus untracked ones not ignored), built there (obj-<triplet>/), and the
#                         .deb, its -dbgsym .ddeb and the .changes land in $BUILD_DIR
#   BUILD_JOBS=N          parallel compile jobs (default: nproc)
#   DEB_BUILD_OPTIONS     passed on (e.g. nocheck skips the demo run of debian/rules)
#   MAINTAINER="Name <address>"
#                         the package's Maintainer field, for a site that distributes its own
#                         build (default: debian/control's, the project's maintainers)
#
# The version is the project's (CMakeLists.txt); debian/changelog's upstream version must agree.
# Needs the build dependencies (scripts/install-deps.sh), debhelper and dpkg-dev; installs what is
# missing (as root). ccache is used when installed (CCACHE_BASEDIR points into the copy).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build/deb}

bash scripts/install-deps.sh >&2
need=()
for p in debhelper dpkg-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "package-deb: install ${need[*]} (as root)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

version=$(sed -n 's/^project(pve-backup-report VERSION \([0-9][0-9.]*\).*/\1/p' CMakeLists.txt)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
[ -n "$version" ] || { echo "package-deb: no project version in CMakeLists.txt" >&2; exit 1; }
[ "${deb_version%-*}" = "$version" ] || {
  echo "package-deb: debian/changelog is at $deb_version, CMakeLists.txt at $version:" \
    "add a debian/changelog entry (dch -v $version-1)" >&2
  exit 1
}

mkdir -p "$build_dir"
build_dir=$(realpath "$build_dir")
src=$build_dir/pve-backup-report-$version
rm -rf "$src" "$build_dir"/pve-backup-report_* "$build_dir"/pve-backup-report-dbgsym_*
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -C "$src" -xf -
else
  tar --exclude=./build --exclude=./.git -cf - . | tar -C "$src" -xf -
fi

if [ -n "${MAINTAINER:-}" ]; then
  grep -qE '^[^<>]+ <[^<>@ ]+@[^<>@ ]+\.[^<>@ ]+>$' <<<"$MAINTAINER" ||
    { echo "package-deb: MAINTAINER must read 'Name <address>', got '$MAINTAINER'" >&2; exit 1; }
  sed -i "s|^Maintainer: .*|Maintainer: $MAINTAINER|" "$src/debian/control"
fi

# ccache (cmake/Settings.cmake) finds the objects of an earlier build in another directory too:
# paths are made relative to the copy, and dpkg-buildflags' -ffile-prefix-map hides it.
export CCACHE_BASEDIR=$src CCACHE_NOHASHDIR=1
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }parallel=${BUILD_JOBS:-$(nproc)}"
(cd "$src" && dpkg-buildpackage -b -us -uc) >&2

deb=$(find "$build_dir" -maxdepth 1 -name "pve-backup-report_${deb_version}_*.deb" | head -n1)
[ -n "$deb" ] || { echo "package-deb: dpkg-buildpackage made no .deb in $build_dir" >&2; exit 1; }
realpath "$deb"
