#!/usr/bin/env bash
# One command for the whole test suite: installs what is missing, checks the formatting, then
# builds and runs every test twice: the normal build (release) and the AddressSanitizer +
# UndefinedBehaviorSanitizer build (asan-ubsan), then the fuzz targets for a bounded time.
# `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

echo "== clang-format"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src tests bench -name '*.[ch]pp')
clang-format --dry-run -Werror "${sources[@]}"

# ccache shares objects between clones in different folders (CI clones afresh every time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
jobs=$(nproc)
for preset in release asan-ubsan; do
  echo "== build ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== test ($preset)"
  ctest --preset "$preset" -j "$jobs"
done

# Fuzzing: every libFuzzer target for a bounded time under ASan + UBSan (scripts/fuzz.sh;
# FUZZ_SECONDS per target, 20 by default). SKIP_FUZZ=1 skips it.
if [ "${SKIP_FUZZ:-0}" = 1 ]; then
  echo "== fuzzing skipped (SKIP_FUZZ=1)"
else
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
fi

# The Compose file, as Debian 12's docker-compose 1.29 (and Compose v2 when present) reads it.
echo "== compose.yaml (docker-compose config)"
bash scripts/test-compose.sh

# The README's "From source" commands, as written (plus --demo), on the release build above.
echo "== README 'From source' path"
bash scripts/test-readme-paths.sh

# Deployment: the container image (Dockerfile, built with buildah) and the Debian package, each
# running the demo; both need root (buildah, debootstrap, chroot). SKIP_DEPLOY_TESTS=1 skips them.
if [ "${SKIP_DEPLOY_TESTS:-0}" = 1 ]; then
  echo "== deployment tests skipped (SKIP_DEPLOY_TESTS=1)"
elif [ "$(id -u)" -ne 0 ]; then
  echo "== deployment tests skipped (they need root)"
else
  echo "== deployment: container image"
  bash scripts/test-container.sh
  echo "== deployment: Debian package"
  bash scripts/test-deb.sh
fi
