#!/usr/bin/env python3
"""Writes a generated archive history for tests and demos: N daily archive records of the demo cluster.

From one real report JSON of the demo (`pve-backup-report --demo --format json`), writes N (default 90)
daily archive records (pve-backup-report_<cluster>_<YYYY-MM-DD_HHMMSS>.data.json.gz) ending the day
before that report, hash-chained exactly as the tool chains them (each record's `archive.previous`
holds the previous file's name and the SHA-256 of its bytes), with changes on chosen days
(day 1 is the oldest):

  day 60  a guest leaves its job (it is not backed up from then on: coverage lost)
  day 75  a backup job is disabled
  day 85  a new guest appears, not backed up (new and unprotected)
  day 88  a backup fails
  always  the PBS datastores' used space grows steadily (a forecast can fit it)
  N-19..N an anomaly is open for the last 20 days

Deterministic: the same input, N and --seed give the same files, byte for byte.
Usage: gen-demo-history.py --report demo.json --out DIR [--days 90] [--seed 11]
"""

import argparse
import copy
import datetime as dt
import gzip
import hashlib
import json
import os
import random
import re
import sys

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
FMT = "%Y-%m-%dT%H:%M:%SZ"


def parse_time(text):
    return dt.datetime.strptime(text, FMT).replace(tzinfo=dt.timezone.utc)


def shift_times(value, delta):
    """Every ISO 8601 UTC time in the report moved by `delta` (the run is `delta` earlier)."""
    if isinstance(value, dict):
        return {k: shift_times(v, delta) for k, v in value.items()}
    if isinstance(value, list):
        return [shift_times(v, delta) for v in value]
    if isinstance(value, str) and ISO.match(value):
        return (parse_time(value) + delta).strftime(FMT)
    return value


def safe_cluster(name):
    out = ""
    for c in name:
        ok = c.isascii() and (c.isalnum() or c in "._-")
        out += c if ok and not (c == "." and out.strip("_") == "") else "_"
    return out or "cluster"


def file_name(cluster, when):
    return "pve-backup-report_{}_{}.data.json.gz".format(safe_cluster(cluster), when.strftime("%Y-%m-%d_%H%M%S"))


def subject(guest):
    return ("ct/" if guest["type"] == "lxc" else "vm/") + str(guest["vmid"])


def recount(report):
    """Summary and verdict counts after the changes (accepted findings left out, as the tool does)."""
    guests = report["guests"]
    def accepted(g, what):
        return g.get("exception") and what in (g["exception"].get("accepted") or [])
    total = len(guests)
    scheduled = sum(1 for g in guests if g["coverage"]["status"] == "sauvegarde_planifiee")
    not_backed = [g for g in guests if g["coverage"]["status"] == "non_sauvegardee"]
    undetermined = sum(1 for g in guests if g["coverage"]["status"] == "indetermine")
    s = report["summary"]
    s["guests_total"] = total
    s["guests_scheduled"] = scheduled
    s["guests_not_backed_up"] = len(not_backed)
    s["guests_undetermined"] = undetermined
    s["coverage_percent"] = round(100.0 * scheduled / total, 1) if total else 0.0
    s["backup_jobs_total"] = len(report["backup_jobs"])
    s["backup_jobs_enabled"] = sum(1 for j in report["backup_jobs"] if j["enabled"])
    s["anomalies"] = len(report["anomalies"])
    v = report["verdict"]
    v["guests_not_backed_up"] = sum(1 for g in not_backed if not accepted(g, "not_backed_up"))
    v["guests_undetermined"] = undetermined
    for sev in ("critical", "warning", "info"):
        v[sev + "_anomalies"] = sum(1 for a in report["anomalies"]
                                    if a["severity"] == sev and a.get("accepted_by") is None)
    v["failed_backups"] = sum(1 for g in guests if g.get("last_task") and g["last_task"]["status"] == "failed")
    v["overdue_backups"] = sum(1 for g in guests if (g.get("freshness") or {}).get("overdue"))
    level = "good"
    if v["info_anomalies"]:
        level = "info"
    if v["warning_anomalies"] or v["failed_backups"] or v["overdue_backups"]:
        level = "warning"
    if v["critical_anomalies"] or v["guests_not_backed_up"]:
        level = "critical"
    v["level"] = level


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", required=True, help="a report JSON of the demo (--format json)")
    parser.add_argument("--out", required=True, help="directory for the archive records (created if missing)")
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.days < 1:
        parser.error("--days must be at least 1")

    with open(args.report, encoding="utf-8") as f:
        base = json.load(f)
    base.pop("archive", None)
    rng = random.Random(args.seed)
    now = parse_time(base["generated_at"])
    cluster = base["cluster"]["name"] or "standalone"
    guests = base["guests"]
    jobs = base["backup_jobs"]

    # The guests and jobs the chosen days change (picked by rule, so the same demo gives the same picks).
    # Guests not backed up today, those without an accepted exception first.
    unprotected = sorted((g for g in guests if g["coverage"]["status"] == "non_sauvegardee"),
                         key=lambda g: (bool(g.get("exception")), g["vmid"]))
    covered_job = next((j for j in jobs if j["enabled"] and j["schedule"]), None)
    if len(unprotected) < 2 or covered_job is None:
        sys.exit("gen-demo-history: the report needs 2 guests not backed up and an enabled scheduled job")
    leaver, newcomer = unprotected[0], unprotected[1]
    disabled_job = next((j for j in jobs if not j["enabled"]), None)
    failing = next((g for g in guests if g.get("last_task") and g["coverage"]["status"] == "sauvegarde_planifiee"
                    and g is not leaver), None)
    open_anomaly = next((a for a in base["anomalies"] if a["severity"] == "warning"), None)
    growth = [rng.uniform(0.55, 0.7) for _ in base["pbs_storages"]]

    os.makedirs(args.out, exist_ok=True)
    previous = None
    for day in range(1, args.days + 1):
        delta = dt.timedelta(days=day - args.days - 1)
        when = now + delta
        report = shift_times(copy.deepcopy(base), delta)
        by_vmid = {g["vmid"]: g for g in report["guests"]}
        if day < 60:  # the leaver was in a job until day 60
            g = by_vmid[leaver["vmid"]]
            g["coverage"]["status"] = "sauvegarde_planifiee"
            g["coverage"]["jobs"] = [covered_job["id"]]
            g["coverage"]["reason"] = "Included by job {}.".format(covered_job["id"])
            report["anomalies"] = [a for a in report["anomalies"] if a["subject"] != subject(leaver)]
        if day < 85:  # the newcomer did not exist yet
            report["guests"] = [g for g in report["guests"] if g["vmid"] != newcomer["vmid"]]
            report["anomalies"] = [a for a in report["anomalies"] if a["subject"] != subject(newcomer)]
        if disabled_job is not None and day < 75:
            for j in report["backup_jobs"]:
                if j["id"] == disabled_job["id"]:
                    j["enabled"] = True
            report["anomalies"] = [a for a in report["anomalies"] if a["subject"] != "job/" + disabled_job["id"]]
        if failing is not None:
            task = next(g for g in report["guests"] if g["vmid"] == failing["vmid"])["last_task"]
            task["status"] = "failed" if day >= 88 else "ok"
            task["error"] = "job errors" if day >= 88 else None
        if open_anomaly is not None and day <= args.days - 20:
            report["anomalies"] = [a for a in report["anomalies"]
                                   if (a["kind"], a["subject"]) != (open_anomaly["kind"], open_anomaly["subject"])]
        for i, storage in enumerate(report["pbs_storages"]):
            usage = storage.get("usage")
            if usage:
                fraction = growth[i] + (1.0 - growth[i]) * day / (args.days + 1)
                used = int(usage["used"] * fraction * rng.uniform(0.995, 1.005))
                usage["used"] = min(used, usage["total"])
                usage["avail"] = usage["total"] - usage["used"]
        recount(report)
        report["archive"] = {"previous": previous, "pruned": []}
        text = json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n"
        data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
        name = file_name(cluster, when)
        path = os.path.join(args.out, name)
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)
        previous = {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "generated_at": report["generated_at"]}
    print("{} records written to {}, {} to {}".format(args.days, args.out,
                                                      (now - dt.timedelta(days=args.days)).date(),
                                                      (now - dt.timedelta(days=1)).date()))


if __name__ == "__main__":
    main()
