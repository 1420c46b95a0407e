#!/usr/bin/env bash
# One command for a new user: installs what is missing, builds (release), and runs the main job
# against the built-in demo cluster. The report lands in ./reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pve-backup-report
OUTPUT_DIR="${OUTPUT_DIR:-$PWD/reports}" ./build/release/src/pve-backup-report --demo "$@"
