#!/usr/bin/env bash
# Compose file test: `docker-compose config` of Debian 12 (docker-compose 1.29, the apt package)
# validates compose.yaml and prints the resolved service, which must mount ./reports on /reports,
# pass the token secret as a file and keep the hardening options. Compose v2 (`docker compose`)
# checks it as well when it is installed. Needs no Docker engine; runs in a temporary copy with
# .env made from .env.example. Installs docker-compose when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

if ! command -v docker-compose >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "test-compose: install docker-compose (apt-get install docker-compose)" >&2; exit 1; }
  echo "== installing docker-compose"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp compose.yaml "$work/"
cp .env.example "$work/.env"

fail() { echo "test-compose: $*" >&2; exit 1; }
check_config() { # $1: the command's name for messages; the rest: the command
  local name=$1
  shift
  (cd "$work" && "$@" -f compose.yaml config) >"$work/config.out" 2>"$work/config.err" ||
    { cat "$work/config.err" >&2; fail "$name config rejects compose.yaml"; }
  python3 - "$work/config.out" "$work" "$name" <<'PY'
import sys
import yaml

config = yaml.safe_load(open(sys.argv[1]))
work, name = sys.argv[2], sys.argv[3]
service = config["services"]["pve-backup-report"]
def check(condition, what):
    if not condition:
        sys.exit(f"test-compose: {name}: {what}: {service}")
volumes = service["volumes"]
check(any((v == f"{work}/reports:/reports:rw") or (isinstance(v, dict) and v.get("source") == f"{work}/reports"
          and v.get("target") == "/reports") for v in volumes), "./reports is not mounted on /reports")
environment = service["environment"]
check(environment["OUTPUT_DIR"] == "/reports", "OUTPUT_DIR")
check(environment["PVE_TOKEN_SECRET_FILE"] == "/run/secrets/pve_token_secret", "PVE_TOKEN_SECRET_FILE")
check(environment["PVE_URL"] == "https://pve1.example.lan:8006", "PVE_URL from .env")
check(service.get("read_only") is True, "read_only")
check(service.get("cap_drop") == ["ALL"], "cap_drop")
check("no-new-privileges:true" in service.get("security_opt", []), "security_opt")
check(any((s == "pve_token_secret") or (isinstance(s, dict) and s.get("source") == "pve_token_secret")
          for s in service["secrets"]), "the token secret")
check(config["secrets"]["pve_token_secret"]["file"] == f"{work}/secrets/pve_token_secret", "the secret's file")
print(f"{name}: compose.yaml valid; service pve-backup-report mounts ./reports on /reports, "
      "reads the token secret from ./secrets/pve_token_secret")
PY
}

echo "== $(docker-compose version --short 2>/dev/null || docker-compose --version): docker-compose config"
check_config docker-compose docker-compose
if docker compose version >/dev/null 2>&1; then
  echo "== $(docker compose version): docker compose config"
  check_config "docker compose" docker compose
else
  echo "== docker compose (Compose v2) not installed: checked with docker-compose only"
fi
echo "test-compose: OK in $(($(date +%s) - start)) s"
