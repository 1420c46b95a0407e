#!/usr/bin/python3
"""Scale benchmark: pve-backup-report against generated clusters behind the emulator.

    bench/scale.py [--sizes 1000,5000,10000] [--latency 0,20] [--baseline GIT-REF] [--quick]

For each size (guests) and latency it generates the scenario (scripts/gen-scale-scenario.py,
cached under build/scale-scenarios/), starts pve-api-emulator for PVE and for each PBS server
(--latency-ms), runs `pve-backup-report --format json,pdf` with OUTPUT_DIR in a temporary
directory, and prints one table row: requests, wall time, network lower bound, peak RSS of the
tool (the emulators excluded), report sizes, PDF pages and render time. With --baseline, that git
ref is exported and built in build/scale-baseline/ and run on the same matrix, row by row.
With --history N, the measured run first gets N earlier daily archive records of the same
report in its OUTPUT_DIR (the run history it reads: changes, trends, capacity), to show what
reading a long history costs at that size.
`--check` is the cheap integration test (ctest): a small scenario, and the report's guest and
snapshot counts must match what the generator wrote. Python 3 standard library only.
"""

import argparse
import hashlib
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PVE_TOKEN = ("bench@pve!scale", "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b")
PBS_TOKEN = ("bench@pbs!scale", "9a8b7c6d-5e4f-4321-8765-43210fedcba9")


def log(message):
    print(message, file=sys.stderr, flush=True)


def today_utc():
    return int(time.time()) // 86400 * 86400


def storage_env_name(storage):
    return re.sub(r"[^A-Z0-9]", "_", storage.upper())


def fingerprint_of(pem_path):
    with open(pem_path, encoding="ascii") as f:
        der = ssl.PEM_cert_to_DER_cert(f.read())
    digest = hashlib.sha256(der).hexdigest()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def generate(args, guests, cache_dir):
    params = {"guests": guests, "jobs": args.jobs, "pools": args.pools, "datastores": args.datastores,
              "namespaces": args.namespaces, "snapshots": args.snapshots, "task-days": args.task_days,
              "now": args.now, "seed": args.seed}
    key = "g%d-s%d-j%d-d%d-n%d-t%d-%d-seed%d" % (guests, args.snapshots, args.jobs, args.datastores, args.namespaces,
                                                  args.task_days, args.now, args.seed)
    out = os.path.join(cache_dir, key)
    manifest = os.path.join(out, "scale.json")
    generator = os.path.join(ROOT, "scripts", "gen-scale-scenario.py")
    if not os.path.exists(manifest) or os.path.getmtime(manifest) < os.path.getmtime(generator):
        os.makedirs(cache_dir, exist_ok=True)
        command = [sys.executable, generator, "--out", out]
        for name, value in params.items():
            command += ["--" + name, str(value)]
        subprocess.run(command, check=True, stdout=sys.stderr)
    with open(manifest, encoding="utf-8") as f:
        return out, json.load(f)


class Emulator:
    """One pve-api-emulator process (PVE, or one PBS server with `server`)."""

    def __init__(self, binary, scenario, workdir, name, latency_ms, threads, token_file, server=None):
        self.cert = os.path.join(workdir, name + ".pem")
        self.request_log = os.path.join(workdir, name + ".jsonl")
        command = [binary, "--scenario", scenario, "--token-file", token_file, "--cert-out", self.cert,
                   "--request-log", self.request_log, "--latency-ms", str(latency_ms), "--threads", str(threads)]
        if server:
            command += ["--pbs-server", server]
        self.stderr = open(os.path.join(workdir, name + ".stderr"), "w", encoding="utf-8")
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT="):
            self.stop()
            raise RuntimeError("emulator %s did not start (see %s.stderr)" % (name, os.path.join(workdir, name)))
        self.port = int(line.strip()[5:])

    def requests(self):
        with open(self.request_log, "rb") as f:
            return sum(1 for _ in f) - getattr(self, "skipped", 0)

    def reset_requests(self):
        """Requests counted from now on (the history's seed run is not part of the figures)."""
        self.skipped = 0
        self.skipped = self.requests()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stderr.close()


def run_tool(tool, env, stderr_path):
    """Runs the tool, returns (exit code, wall seconds, peak RSS in KiB of the tool alone)."""
    with open(stderr_path, "w", encoding="utf-8") as err:
        start = time.monotonic()
        process = subprocess.Popen([tool, "--format", "json,pdf"], env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, wall, usage.ru_maxrss


def write_history(tool, env, output, days, stderr_path):
    """N earlier daily archive records in `output`: one unmeasured run's report data, re-dated."""
    import datetime as dt
    import gzip
    seed = os.path.join(os.path.dirname(output), "seed")
    os.makedirs(seed, exist_ok=True)
    seed_env = dict(env, OUTPUT_DIR=seed)
    code, _, _ = run_tool(tool, seed_env, stderr_path)
    if code not in (0, 6):
        sys.exit("scale: the run that seeds the history exited %d (%s)" % (code, stderr_path))
    record = next(os.path.join(seed, f) for f in os.listdir(seed) if f.endswith(".data.json.gz"))
    with gzip.open(record, "rt", encoding="utf-8") as f:
        base = json.load(f)
    now = dt.datetime.strptime(base["generated_at"], "%Y-%m-%dT%H:%M:%SZ")
    cluster = re.sub(r"[^A-Za-z0-9._-]", "_", base["cluster"]["name"] or "standalone")
    previous = None
    for day in range(days, 0, -1):
        when = now - dt.timedelta(days=day)
        base["generated_at"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        base["archive"] = {"previous": previous, "pruned": []}
        name = "pve-backup-report_%s_%s.data.json.gz" % (cluster, when.strftime("%Y-%m-%d_%H%M%S"))
        data = gzip.compress(json.dumps(base, separators=(",", ":")).encode("utf-8"), compresslevel=1, mtime=0)
        with open(os.path.join(output, name), "wb") as f:
            f.write(data)
        previous = {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "generated_at": base["generated_at"]}
    log("  history: %d records of %.1f MB (gzipped) written" % (days, len(data) / 1e6))


def parse_log(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    figures = {}
    patterns = {
        "tool_requests": r"done in [0-9.]+ s \((\d+) API requests\)",
        "pve_s": r"from PVE in ([0-9.]+) s",
        "pbs_s": r"snapshots from \d+ PBS server\(s\) in ([0-9.]+) s",
        "pdf_s": r"pdf report written: .*?\(\d+ KiB, ([0-9.]+) s\)",
        "json_s": r"json report written: .*?\(\d+ KiB, ([0-9.]+) s\)",
    }
    for key, pattern in patterns.items():
        match = re.search(pattern, text)
        if match:
            figures[key] = float(match.group(1))
    return figures, text


def pdf_pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return None
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(match.group(1)) if match else None


def report_counts(json_path):
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    guests = report.get("guests", [])
    snapshots = 0
    for guest in guests:
        for retention in guest.get("retention") or []:
            snapshots += retention.get("actual_versions") or 0
    covered = sum(1 for g in guests if (g.get("coverage") or {}).get("status") == "sauvegarde_planifiee")
    mismatches = sum(1 for a in report.get("anomalies", []) if a.get("kind") == "retention_mismatch")
    return {"guests": len(guests), "snapshots": snapshots, "covered": covered, "retention_mismatch": mismatches}


def run_case(args, tool, emulator_bin, scenario, manifest, latency, workdir, want_counts=False):
    os.makedirs(workdir, exist_ok=True)
    token_file = os.path.join(workdir, "tokens")
    with open(token_file, "w", encoding="utf-8") as f:
        f.write("%s=%s\n%s=%s\n" % (PVE_TOKEN + PBS_TOKEN))
    emulators = []
    try:
        pve = Emulator(emulator_bin, scenario, workdir, "pve", latency, args.threads, token_file)
        emulators.append(pve)
        pbs = {}
        for server in manifest["expected"]["pbs-servers"]:
            pbs[server] = Emulator(emulator_bin, scenario, workdir, "pbs-" + server, latency, args.threads, token_file,
                                   server)
            emulators.append(pbs[server])
        output = os.path.join(workdir, "reports")
        os.makedirs(output, exist_ok=True)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/"), "TZ": "UTC",
               "LC_ALL": "C"}
        # The sanitizers' settings of the ASan+UBSan test preset (leak suppressions for fontconfig).
        env.update({k: v for k, v in os.environ.items() if k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS")})
        env.update({"PVE_URL": "https://127.0.0.1:%d" % pve.port, "PVE_TOKEN_ID": PVE_TOKEN[0],
                    "PVE_TOKEN_SECRET": PVE_TOKEN[1], "PVE_CA_BUNDLE": pve.cert, "PBS_TOKEN_ID": PBS_TOKEN[0],
                    "PBS_TOKEN_SECRET": PBS_TOKEN[1], "OUTPUT_DIR": output, "LOG_LEVEL": "info",
                    "LOG_FORMAT": "text", "PBS_TIMEOUT": str(args.pbs_timeout), "REPORT_DEADLINE": "0"})
        with open(os.path.join(scenario, "pve", "storage.json"), encoding="utf-8") as f:
            storages = json.load(f)
        for storage in storages:
            if storage.get("type") == "pbs" and storage.get("server") in pbs:
                server = pbs[storage["server"]]
                name = storage_env_name(storage["storage"])
                env["PBS_%s_URL" % name] = "https://127.0.0.1:%d" % server.port
                env["PBS_%s_FINGERPRINT" % name] = fingerprint_of(server.cert)
        if getattr(args, "history", 0) > 0:
            write_history(tool, env, output, args.history, os.path.join(workdir, "seed.stderr"))
            for e in emulators:
                e.reset_requests()
        code, wall, rss_kib = run_tool(tool, env, os.path.join(workdir, "tool.stderr"))
        requests = sum(e.requests() for e in emulators)
    finally:
        for e in emulators:
            e.stop()
    figures, text = parse_log(os.path.join(workdir, "tool.stderr"))
    row = {"exit": code, "wall_s": wall, "rss_mib": rss_kib / 1024.0, "requests": requests}
    row.update(figures)
    reports = os.listdir(output)
    json_files = [os.path.join(output, r) for r in reports if r.endswith(".json")]
    pdf_files = [os.path.join(output, r) for r in reports if r.endswith(".pdf")]
    if json_files:
        row["json_mb"] = os.path.getsize(json_files[0]) / 1e6
        if want_counts:
            row["counts"] = report_counts(json_files[0])
    if pdf_files:
        row["pdf_mb"] = os.path.getsize(pdf_files[0]) / 1e6
        row["pages"] = pdf_pages(pdf_files[0])
    if code != 0:
        log("pve-backup-report exited %d; last log lines:\n%s" % (code, "\n".join(text.splitlines()[-15:])))
    return row


def build_tree(source_dir, targets, label):
    env = dict(os.environ, CCACHE_BASEDIR=source_dir, CCACHE_NOHASHDIR="1")
    log("building %s (%s) ..." % (label, source_dir))
    subprocess.run(["cmake", "--preset", "release"], cwd=source_dir, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "release", "-j2", "--target"] + targets, cwd=source_dir, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(source_dir, "build", "release", "src")


def baseline_tree(ref):
    """REF's sources exported (git archive) to build/scale-baseline/src; returns (path, short commit)."""
    commit = subprocess.run(["git", "rev-parse", "--verify", ref + "^{commit}"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    path = os.path.join(ROOT, "build", "scale-baseline", "src")
    stamp = os.path.join(ROOT, "build", "scale-baseline", "commit")
    current = open(stamp, encoding="ascii").read().strip() if os.path.exists(stamp) else ""
    if current != commit:
        subprocess.run(["rm", "-rf", path], check=True)
        os.makedirs(path)
        archive = subprocess.Popen(["git", "archive", "--format=tar", commit], cwd=ROOT, stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", path], stdin=archive.stdout, check=True)
        if archive.wait() != 0:
            raise RuntimeError("git archive %s failed" % ref)
        with open(stamp, "w", encoding="ascii") as f:
            f.write(commit + "\n")
    return path, commit[:10]


def fmt(value, spec="%.1f"):
    if value is None:
        return "-"
    return spec % value


def print_table(rows, connections):
    headers = ["tool", "guests", "snapshots", "lat ms", "requests", "wall s", "bound s", "wall/bound", "peak RSS MiB",
               "PVE s", "PBS s", "snap/s (PBS)", "JSON MB", "PDF MB", "pages", "PDF s", "exit"]
    lines = []
    for r in rows:
        bound = r["requests"] * r["latency"] / 1000.0 / connections if r["latency"] else None
        rate = r["snapshots"] / r["pbs_s"] if r.get("pbs_s") else None
        lines.append([r["variant"], str(r["guests"]), str(r["snapshots"]), str(r["latency"]), str(r["requests"]),
                      fmt(r["wall_s"]), fmt(bound), fmt(r["wall_s"] / bound if bound else None, "%.2f"),
                      fmt(r["rss_mib"], "%.0f"), fmt(r.get("pve_s"), "%.2f"), fmt(r.get("pbs_s"), "%.2f"),
                      fmt(rate, "%.0f"), fmt(r.get("json_mb"), "%.2f"), fmt(r.get("pdf_mb"), "%.2f"),
                      fmt(r.get("pages"), "%d"), fmt(r.get("pdf_s"), "%.2f"), str(r["exit"])])
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(headers)]
    print("| " + " | ".join(h.rjust(w) for h, w in zip(headers, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(line, widths)) + " |")
    print("\nbound = requests x latency / %d connections (PVE_MAX_CONNECTIONS default; PBS uses 4 per server, "
          "its requests are counted at 8 too); peak RSS = the tool alone (wait4 ru_maxrss), not the emulators; "
          "snap/s = snapshots / PBS collection time; PDF s = the tool's own 'pdf report written' timing." % connections)


def check(args):
    """The integration test: small scenario, the report's counts must match the generator's."""
    bin_dir = args.bin_dir
    workdir = tempfile.mkdtemp(prefix="pvr-scale-check-")
    scenario, manifest = generate(args, args.check_guests, os.path.join(workdir, "scenarios"))
    row = run_case(args, os.path.join(bin_dir, "pve-backup-report"), os.path.join(bin_dir, "pve-api-emulator"),
                   scenario, manifest, 0, os.path.join(workdir, "run"), want_counts=True)
    expected = manifest["expected"]
    counts = row.get("counts")
    print("expected: guests %d, covered %d, snapshots %d, unpruned groups %d" % (
        expected["guests"], expected["covered"], expected["snapshots"], expected["unpruned-groups"]))
    print("report:   %s (exit %d, %d requests)" % (counts, row["exit"], row["requests"]))
    ok = (row["exit"] == 0 and counts is not None and counts["guests"] == expected["guests"]
          and counts["covered"] == expected["covered"] and counts["snapshots"] == expected["snapshots"]
          and counts["retention_mismatch"] == expected["unpruned-groups"])
    if not ok:
        print("MISMATCH: the generated scenario and the report disagree (files kept in %s)" % workdir)
        return 1
    subprocess.run(["rm", "-rf", workdir], check=False)
    print("OK")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="guest counts, comma-separated")
    parser.add_argument("--latency", default="0,20", help="emulated round trips in ms, comma-separated")
    parser.add_argument("--quick", action="store_true", help="only 1000 guests at 0 ms")
    parser.add_argument("--baseline", metavar="GIT-REF", help="also run this ref's pve-backup-report, side by side")
    parser.add_argument("--no-build", action="store_true", help="use build/release as it is")
    parser.add_argument("--snapshots", type=int, default=100, help="per backed-up guest")
    parser.add_argument("--jobs", type=int, default=40)
    parser.add_argument("--pools", type=int, default=10)
    parser.add_argument("--datastores", type=int, default=2)
    parser.add_argument("--namespaces", type=int, default=1)
    parser.add_argument("--task-days", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--history", type=int, default=0, help="earlier daily records the measured run reads")
    parser.add_argument("--now", type=int, default=today_utc(), help="scenario time (epoch); default today 00:00 UTC")
    parser.add_argument("--threads", type=int, default=32, help="emulator worker threads")
    parser.add_argument("--pbs-timeout", type=int, default=600, help="PBS_TIMEOUT for the runs")
    parser.add_argument("--connections", type=int, default=int(os.environ.get("PVE_MAX_CONNECTIONS", "8")),
                        help="connections in the lower bound (default PVE_MAX_CONNECTIONS or 8)")
    parser.add_argument("--workdir", help="keep the runs' files (logs, reports) here")
    parser.add_argument("--check", action="store_true", help="integration test mode (small scenario, counts)")
    parser.add_argument("--check-guests", type=int, default=200)
    parser.add_argument("--bin-dir", default=os.path.join(ROOT, "build", "release", "src"))
    args = parser.parse_args()

    if args.check:
        return check(args)

    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    latencies = [0] if args.quick else [int(s) for s in args.latency.split(",") if s]
    targets = ["pve-backup-report", "pve-api-emulator"]
    bin_dir = args.bin_dir if args.no_build else build_tree(ROOT, targets, "current tree")
    emulator_bin = os.path.join(bin_dir, "pve-api-emulator")
    variants = [("current", os.path.join(bin_dir, "pve-backup-report"))]
    if args.baseline:
        path, commit = baseline_tree(args.baseline)
        base_bin = build_tree(path, ["pve-backup-report"], "baseline " + args.baseline)
        variants.insert(0, ("%s (%s)" % (args.baseline, commit), os.path.join(base_bin, "pve-backup-report")))

    cache = os.path.join(ROOT, "build", "scale-scenarios")
    workroot = args.workdir or tempfile.mkdtemp(prefix="pvr-scale-")
    rows = []
    for guests in sizes:
        scenario, manifest = generate(args, guests, cache)
        for latency in latencies:
            for label, tool in variants:
                safe = re.sub(r"[^A-Za-z0-9.-]", "_", label)
                workdir = os.path.join(workroot, "%d-%dms-%s" % (guests, latency, safe))
                log("run: %s, %d guests, %d ms ..." % (label, guests, latency))
                row = run_case(args, tool, emulator_bin, scenario, manifest, latency, workdir)
                row.update({"variant": label, "guests": guests, "latency": latency,
                            "snapshots": manifest["expected"]["snapshots"]})
                log("  wall %.1f s, %d requests, peak RSS %.0f MiB, exit %d" % (
                    row["wall_s"], row["requests"], row["rss_mib"], row["exit"]))
                rows.append(row)
    print("machine: %s, %d cores, %s" % (os.uname().machine, os.cpu_count(), mem_total()))
    print_table(rows, args.connections)
    if not args.workdir:
        subprocess.run(["rm", "-rf", workroot], check=False)
    return 0 if all(r["exit"] in (0, 6) for r in rows) else 1


def mem_total():
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            kib = int(f.readline().split()[1])
        return "%.0f GB RAM" % (kib / 1e6)
    except (OSError, ValueError, IndexError):
        return "RAM unknown"


if __name__ == "__main__":
    sys.exit(main())
