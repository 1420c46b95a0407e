#!/usr/bin/env bash
# Builds the Debian package (CPack, cmake/Packaging.cmake) and prints its path on the last line.
#
#   BUILD_DIR=build/release   build tree to package from (default: the release preset's; it is
#                             configured and only the binary and the man page are built)
#
# Needs the build dependencies (scripts/install-deps.sh) and dpkg-dev (dpkg-shlibdeps computes
# the library dependencies); installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build/release}

bash scripts/install-deps.sh
if ! dpkg-query -W -f='${Status}' dpkg-dev 2>/dev/null | grep -q "install ok installed"; then
  [ "$(id -u)" -eq 0 ] || { echo "package-deb: install dpkg-dev (as root)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dpkg-dev >/dev/null
fi

if [ "$build_dir" = build/release ]; then
  cmake --preset release >/dev/null
else
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPVR_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build_dir" --target pve-backup-report pvr_manpage -j "${BUILD_JOBS:-$(nproc)}" >&2

rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack --config CPackConfig.cmake >&2)
deb=$(find "$build_dir/packages" -maxdepth 1 -name 'pve-backup-report_*.deb' | head -n1)
[ -n "$deb" ] || { echo "package-deb: cpack made no .deb" >&2; exit 1; }
realpath "$deb"
