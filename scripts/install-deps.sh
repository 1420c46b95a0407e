#!/usr/bin/env bash
# Installs every package needed to build, test and run pve-backup-report on Debian 12.
# Idempotent: does nothing (and needs no network) when everything is already installed.
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ pkg-config ccache clang-format git ca-certificates
  # libraries (Debian 12 versions: see docs/dependencies.md)
  libcurl4-openssl-dev libssl-dev zlib1g-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libspdlog-dev libfmt-dev libcairo2-dev libpango1.0-dev libhowardhinnant-date-dev
  libtomlplusplus-dev libsimdjson-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev poppler-utils qpdf openssl gettext
  prometheus # promtool validates the metrics file (tests/integration/outlets_test.cpp)
  python3 python3-aiosmtpd    # the SMTP server of the e-mail integration tests
  # fuzzing (scripts/fuzz.sh): clang 14 with libFuzzer and the sanitizer runtimes
  clang libfuzzer-14-dev libclang-rt-14-dev
  # the Debian package (scripts/package-deb.sh, scripts/test-deb.sh: lintian, hardening-check)
  # and the Compose file check (scripts/test-compose.sh: Debian 12's docker-compose 1.29)
  debhelper dpkg-dev lintian devscripts docker-compose
  # run time: fonts for the PDF, time zones
  fonts-dejavu-core fonts-wqy-microhei fonts-symbola tzdata
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (or install sudo)" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${#missing[@]} packages."
