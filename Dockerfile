# pve-backup-report: reads a Proxmox VE cluster's API and writes a dated PDF report to /reports,
# a directory mounted from the host (the image refuses to write reports anywhere else).
#
#   docker build -t pve-backup-report .
#   docker run --rm --env-file .env -v "$PWD/reports:/reports" pve-backup-report
#
# Stage 1 builds the binary with Debian 12's compiler and libraries (the same packages as
# scripts/install-deps.sh, minus the test tools); stage 2 is bookworm-slim with only the shared
# libraries the binary links to, the fonts the PDF embeds, time zones and CA certificates.

ARG DEBIAN_RELEASE=bookworm

############################################################################ build
FROM debian:${DEBIAN_RELEASE} AS build
ARG BUILD_JOBS=2
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      cmake ninja-build g++ pkg-config ca-certificates \
      libcurl4-openssl-dev libssl-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev \
      libspdlog-dev libfmt-dev libcairo2-dev libpango1.0-dev libhowardhinnant-date-dev \
      libtomlplusplus-dev libsimdjson-dev zlib1g-dev dpkg-dev \
 && apt-get clean && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY . .
# The release preset (RelWithDebInfo), without the tests: only the binary. Warnings are not errors
# here (CI enforces them): a product build must not fail on a compiler's false positive. The
# compiler and linker flags are Debian's, all hardening features on, as in the Debian package
# (debian/rules): dpkg-buildflags exports CXXFLAGS, CPPFLAGS and LDFLAGS, which CMake takes.
RUN export DEB_BUILD_MAINT_OPTIONS=hardening=+all \
 && eval "$(dpkg-buildflags --export=sh)" \
 && export CXXFLAGS="$CXXFLAGS $CPPFLAGS" \
 && cmake --preset release -DPVR_BUILD_TESTS=OFF -DPVR_WARNINGS_AS_ERRORS=OFF >/dev/null \
 && cmake --build --preset release --target pve-backup-report -j "${BUILD_JOBS}" \
 && install -D -s -m 0755 build/release/src/pve-backup-report /out/usr/bin/pve-backup-report \
 && /out/usr/bin/pve-backup-report --version
# The Debian packages that provide the shared libraries the binary needs (run stage installs them).
RUN set -eu; \
    ldd /out/usr/bin/pve-backup-report | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r lib; do \
      real=$(readlink -f "$lib"); pkg=""; \
      for path in "$lib" "$real" "/usr${real#/usr}" "${real#/usr}"; do \
        pkg=$(dpkg-query -S "$path" 2>/dev/null | head -n1 | cut -d: -f1) && [ -n "$pkg" ] && break; \
      done; \
      [ -n "$pkg" ] || { echo "no package provides $lib" >&2; exit 1; }; \
      echo "$pkg"; \
    done | sort -u > /out/runtime-packages; \
    echo "runtime packages:" $(cat /out/runtime-packages)

############################################################################ run
FROM debian:${DEBIAN_RELEASE}-slim
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE_URL=
ARG LICENSE=AGPL-3.0-or-later
LABEL org.opencontainers.image.title="pve-backup-report" \
      org.opencontainers.image.description="Backup coverage report for Proxmox VE: reads the cluster's API (read-only) and writes a dated PDF report to /reports" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="debian:bookworm-slim" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="${LICENSE}"

ARG DEBIAN_FRONTEND=noninteractive
COPY --from=build /out/runtime-packages /tmp/runtime-packages
# Fonts: DejaVu for text, WenQuanYi Micro Hei (CJK) and Symbola (emoji, symbols) as outline
# fallbacks, all embedded in the PDF. `fc-cache` builds the font cache now, so that the non-root
# user never needs a writable cache directory; the font directories' times are set to whole
# seconds first, as image layers keep them (else fontconfig finds the cache stale at run time).
# Like the slim base itself: no documentation (but the copyright files), manuals or translations.
RUN printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
      'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' \
      'path-include /usr/share/locale/locale.alias' >/etc/dpkg/dpkg.cfg.d/zz-pve-backup-report-slim \
 && apt-get update \
 && apt-get install -y --no-install-recommends $(cat /tmp/runtime-packages) \
      ca-certificates tzdata fontconfig fonts-dejavu-core fonts-wqy-microhei fonts-symbola \
 && install -d /usr/local/share/fonts \
 && find /usr/share/fonts /usr/local/share/fonts -type d -exec touch -d "@$(date +%s)" {} + \
 && rm -f /var/cache/fontconfig/* && fc-cache -s \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/log/apt /var/log/dpkg.log /tmp/runtime-packages \
 && groupadd --system --gid 10001 pve-backup-report \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin pve-backup-report \
 && install -d -o 10001 -g 10001 -m 0750 /reports
COPY --from=build /out/usr/bin/pve-backup-report /usr/bin/pve-backup-report
COPY LICENSE /usr/share/doc/pve-backup-report/LICENSE

# Every optional variable has a working default; PVE_URL, PVE_TOKEN_ID and PVE_TOKEN_SECRET (or
# PVE_TOKEN_SECRET_FILE, e.g. /run/secrets/pve_token_secret) are required, except with --demo.
# The PBS_* variables are left unset: they only apply with a PBS token (their defaults: --help).
# FAIL_ON=never: exit 0 whenever the report is written (warning or critical: exit 6 at or above
# that verdict). PROMETHEUS_TEXTFILE_DIR is unset: set it to a mounted directory (e.g. /textfile,
# node_exporter's --collector.textfile.directory on the host) to get the metrics file there.
# `pve-backup-report monitor` (a Monitoring Plugins check, exit 0..3) runs in the image as well.
ENV OUTPUT_DIR=/reports \
    FAIL_ON=never \
    LOG_LEVEL=info \
    LOG_FORMAT=text \
    REPORT_LANG=en \
    PVE_VERIFY_TLS=true \
    PVE_TIMEOUT=30 \
    STALE_GRACE_HOURS=6 \
    VERIFY_MAX_AGE_DAYS=30 \
    TZ=Etc/UTC \
    OUTPUT_DIR_MUST_BE_MOUNTED=true

# No VOLUME: a `docker run --rm` would write the report into an anonymous volume and delete it.
# /reports must be mounted from the host (-v "$PWD/reports:/reports", compose.yaml does it); a
# report run without it stops with exit 5 and says so (OUTPUT_DIR_MUST_BE_MOUNTED=true above).
USER 10001:10001
WORKDIR /reports
ENTRYPOINT ["/usr/bin/pve-backup-report"]
CMD []
