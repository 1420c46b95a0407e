#!/usr/bin/env bash
# The README's "From source" commands, run verbatim (the block is read from README.md, so the test
# follows the text): the same lines, with `--demo` added to the run line because CI has no
# cluster. The build is the release build scripts/test.sh just made, so this takes seconds. The
# container and package paths are run by scripts/test-container.sh and scripts/test-deb.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

block=$(python3 - <<'PY'
import re, sys
text = open("README.md", encoding="utf-8").read()
section = text.split("### From source", 1)[1]
match = re.search(r"```sh\n(.*?)```", section, re.S)
if not match:
    sys.exit("test-readme-paths: no ```sh block under '### From source' in README.md")
lines = match.group(1).splitlines()
run = [i for i, line in enumerate(lines) if "pve-backup-report" in line and "./build/release/src/" in line]
if len(run) != 1:
    sys.exit("test-readme-paths: expected one line running ./build/release/src/pve-backup-report, found %d" % len(run))
code, _, _ = lines[run[0]].partition("#")
lines[run[0]] = code.rstrip() + " --demo"
print("\n".join(lines))
PY
)
echo "== README 'From source', verbatim but for --demo:"
printf '%s\n' "$block" | sed 's/^/   /'
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The block writes into ./reports (git-ignored); a copy of the directory's listing tells what is new.
mkdir -p reports
ls reports >"$out/before"
# The token file the block names, under a scratch HOME (the secret is never used by --demo).
mkdir -p "$out/home/.config/pve-backup-report"
printf '%s' 'not-a-real-secret' >"$out/home/.config/pve-backup-report/token"
chmod 0600 "$out/home/.config/pve-backup-report/token"
HOME="$out/home" bash -euo pipefail -c "$block" >"$out/stdout" 2>"$out/stderr" ||
  { tail -n 30 "$out/stderr" >&2; echo "test-readme-paths: the 'From source' block failed" >&2; exit 1; }
ls reports >"$out/after"
new=$(comm -13 "$out/before" "$out/after" | grep -E '^pve-backup-report_.*\.pdf$' || true)
[ -n "$new" ] || { cat "$out/stderr" >&2; echo "test-readme-paths: no new PDF in ./reports" >&2; exit 1; }
for f in $new; do
  pdfinfo "reports/$f" | grep -q '^Pages:' || { echo "test-readme-paths: reports/$f is not a PDF" >&2; exit 1; }
  echo "README 'From source': wrote reports/$f ($(stat -c %s "reports/$f") bytes)"
  rm -f "reports/$f"
done
