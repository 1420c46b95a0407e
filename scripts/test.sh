#!/usr/bin/env bash
# One command for the whole test suite: installs what is missing, checks the formatting, then
# builds and runs every test twice: the normal build (release) and the AddressSanitizer +
# UndefinedBehaviorSanitizer build (asan-ubsan). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

echo "== clang-format"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src tests bench -name '*.[ch]pp')
clang-format --dry-run -Werror "${sources[@]}"

jobs=$(nproc)
for preset in release asan-ubsan; do
  echo "== build ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== test ($preset)"
  ctest --preset "$preset" -j "$jobs"
done
