#!/usr/bin/python3
"""Writes a deterministic scale scenario for pve-api-emulator (see docs/scenarios.md, "Scale scenarios").

    scripts/gen-scale-scenario.py --out DIR [--guests 1000] [--nodes N] [--jobs 40] [--pools 10]
        [--pbs-servers 1] [--datastores 2] [--namespaces 1] [--snapshots 100] [--task-days 3]
        [--now EPOCH|YYYY-MM-DD] [--seed 1]

The PVE side is ordinary scenario files (pve/...); each PBS server gets a compact
pbs/<server>/generated.json from which the emulator produces the snapshot listings on request.
DIR/scale.json records the parameters and the expected counts (guests, snapshots, ...).
Same arguments, same bytes. Python 3 standard library only.
"""

import argparse
import calendar
import hashlib
import json
import os
import random
import shutil
import sys
import time

DAY = 86400
RUN_HOUR = 21  # every job runs at 21:00 UTC
SECONDS_PER_GUEST = 20
EXTRA_SNAPSHOTS = 7  # guests whose group was not pruned keep this many more than the retention
GIB = 1024 ** 3


def parse_now(text):
    if text is None:
        return int(time.time()) // DAY * DAY  # today 00:00 UTC
    if text.isdigit():
        return int(text)
    return calendar.timegm(time.strptime(text, "%Y-%m-%d"))


def write_json(root, relative, data):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")


def write_text(root, relative, text):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def digest(text):
    return hashlib.sha1(text.encode()).hexdigest()


def fmt_local(epoch):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(epoch))


def fmt_iso_z(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def hms(seconds):
    return "%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)


def build(args):
    rng = random.Random(args.seed)
    now = parse_now(args.now)
    guests_n = args.guests
    nodes_n = args.nodes or max(1, -(-guests_n // 300))
    pools_n = min(args.pools, args.jobs - 1) if args.jobs > 1 else 0
    nodes = ["pve%03d" % (i + 1) for i in range(nodes_n)]
    pools = ["pool%02d" % (i + 1) for i in range(pools_n)]

    # PBS storages: one per (server, datastore, namespace).
    servers = ["pbs%d.scale.lan" % (i + 1) for i in range(args.pbs_servers)]
    storages = []
    for s, server in enumerate(servers):
        for d in range(args.datastores):
            store = "store%d" % (d + 1)
            for n in range(args.namespaces):
                ns = "pve-scale" if args.namespaces == 1 else "pve-scale/ns%d" % (n + 1)
                storages.append({"id": "pbs-%d-%d-%d" % (s + 1, d + 1, n + 1), "server": server, "store": store,
                                 "ns": ns})

    # Guests: 80 % VMs; 30 % in a pool (covered by that pool's job); 3 % in no job; the rest in a
    # VMID-list job of their node (jobs are node-affine, like real clusters').
    list_jobs = args.jobs - pools_n
    guests = []
    for i in range(guests_n):
        vmid = 100 + i
        node_index = i % nodes_n
        qemu = i % 5 != 4
        guest = {"vmid": vmid, "node": nodes[node_index], "type": "qemu" if qemu else "lxc",
                 "name": ("vm-%05d" if qemu else "ct-%05d") % vmid, "pool": None, "job": None,
                 "disk": (8 + rng.randrange(0, 120)) * GIB, "mem": rng.choice([1, 2, 4, 8, 16]) * GIB,
                 "cores": rng.choice([1, 2, 4, 8])}
        if i % 33 == 7 or list_jobs <= 0 and not pools:
            pass  # not backed up
        elif pools and i % 10 < 3:
            guest["pool"] = pools[(i // 10) % pools_n]
            guest["job"] = (i // 10) % pools_n
        elif list_jobs > 0:
            per_node = max(1, -(-list_jobs // nodes_n))
            slot = (node_index * list_jobs // nodes_n + (i // nodes_n) % per_node) % list_jobs
            guest["job"] = pools_n + slot
        else:
            guest["pool"] = pools[i % pools_n]
            guest["job"] = i % pools_n
        guests.append(guest)

    jobs = []
    for j in range(args.jobs):
        storage = storages[j % len(storages)]
        job = {"id": "backup-scale-%03d" % (j + 1), "type": "vzdump", "enabled": 1, "schedule": "%02d:00" % RUN_HOUR,
               "storage": storage["id"], "mode": "snapshot", "compress": "zstd", "notes-template": "{{guestname}}",
               "comment": "scale job %d" % (j + 1)}
        if j < pools_n:
            job["pool"] = pools[j]
        else:
            members = [str(g["vmid"]) for g in guests if g["job"] == j]
            job["vmid"] = ",".join(members) if members else "99999"
        jobs.append(job)

    # Backup runs: every job ran on each of the last task_days days at 21:00; each guest of a job's
    # node takes SECONDS_PER_GUEST seconds. The newest snapshot of a guest is its newest run.
    last_run_day = (now - RUN_HOUR * 3600 - 3600) // DAY * DAY  # the last 21:00 at least 1 h before now
    by_node_job = {}
    for g in guests:
        if g["job"] is not None:
            by_node_job.setdefault((g["node"], g["job"]), []).append(g)
    start_of = {}  # vmid -> backup time in the newest run (offset inside the day)
    for (node, j), members in by_node_job.items():
        for position, g in enumerate(members):
            start_of[g["vmid"]] = j * 60 + position * SECONDS_PER_GUEST + 2

    files = {}
    version = {"version": "8.3.2", "release": "8.3", "repoid": "3e76eec21c4a14a7"}
    files["pve/version.json"] = version
    files["pve/cluster/status.json"] = [{"type": "cluster", "id": "cluster", "name": "pve-scale",
                                         "nodes": nodes_n, "version": 42, "quorate": 1}] + [
        {"type": "node", "id": "node/" + n, "name": n, "nodeid": k + 1, "ip": "10.20.%d.%d" % (k // 250, k % 250 + 1),
         "local": 1 if k == 0 else 0, "online": 1, "level": ""} for k, n in enumerate(nodes)]
    files["pve/nodes.json"] = [{"id": "node/" + n, "node": n, "type": "node", "status": "online", "level": "",
                                "uptime": 3000000, "cpu": 0.2, "maxcpu": 64, "mem": 200 * GIB, "maxmem": 512 * GIB,
                                "disk": 20 * GIB, "maxdisk": 100 * GIB} for n in nodes]
    storage_list = [{"storage": "local", "type": "dir", "path": "/var/lib/vz", "content": "iso,vztmpl,backup"},
                    {"storage": "local-lvm", "type": "lvmthin", "vgname": "pve", "thinpool": "data",
                     "content": "rootdir,images"}]
    retention = "keep-daily=%d" % max(1, args.snapshots)
    for st in storages:
        storage_list.append({"storage": st["id"], "type": "pbs", "server": st["server"], "datastore": st["store"],
                             "namespace": st["ns"], "username": "scale@pbs!pve", "content": "backup",
                             "prune-backups": retention, "shared": 1})
    for s in storage_list:
        s["digest"] = digest("storage")
    files["pve/storage.json"] = storage_list
    files["pve/cluster/backup.json"] = jobs
    resources = [{"id": "/pool/" + p, "pool": p, "type": "pool"} for p in pools]
    resources += [{"id": "node/" + n, "node": n, "type": "node", "status": "online", "maxcpu": 64,
                   "maxmem": 512 * GIB, "uptime": 3000000} for n in nodes]
    for g in guests:
        item = {"id": "%s/%d" % (g["type"], g["vmid"]), "vmid": g["vmid"], "type": g["type"], "node": g["node"],
                "name": g["name"], "status": "running", "template": 0, "maxcpu": g["cores"], "maxmem": g["mem"],
                "maxdisk": g["disk"], "uptime": 1000000, "cpu": 0.05, "mem": g["mem"] // 2, "disk": 0}
        if g["pool"]:
            item["pool"] = g["pool"]
        resources.append(item)
    files["pve/cluster/resources.json"] = resources
    files["pve/pools.json"] = [{"poolid": p, "comment": "scale pool " + p, "members": [
        {"id": "%s/%d" % (g["type"], g["vmid"]), "vmid": g["vmid"], "type": g["type"], "node": g["node"],
         "status": "running", "name": g["name"], "template": 0} for g in guests if g["pool"] == p]} for p in pools]
    files["pve/access/permissions.json"] = {"/": {"Sys.Audit": 1, "VM.Audit": 1, "Datastore.Audit": 1,
                                                  "Pool.Audit": 1}}
    files["pve/cluster/backup-info/not-backed-up.json"] = [
        {"vmid": g["vmid"], "name": g["name"], "type": g["type"]} for g in guests if g["job"] is None]
    for g in guests:
        kind = "qemu" if g["type"] == "qemu" else "lxc"
        if kind == "qemu":
            config = {"name": g["name"], "cores": g["cores"], "memory": str(g["mem"] // (1024 * 1024)),
                      "ostype": "l26", "scsihw": "virtio-scsi-single",
                      "scsi0": "local-lvm:vm-%d-disk-0,iothread=1,size=%dG" % (g["vmid"], g["disk"] // GIB),
                      "net0": "virtio=BC:24:11:%02X:%02X:%02X,bridge=vmbr0" % (
                          g["vmid"] >> 16 & 255, g["vmid"] >> 8 & 255, g["vmid"] & 255)}
        else:
            config = {"hostname": g["name"], "cores": g["cores"], "memory": g["mem"] // (1024 * 1024),
                      "ostype": "debian", "arch": "amd64",
                      "rootfs": "local-lvm:subvol-%d-disk-0,size=%dG" % (g["vmid"], g["disk"] // GIB)}
        config["digest"] = digest("config%d" % g["vmid"])
        files["pve/nodes/%s/%s/%d/config.json" % (g["node"], kind, g["vmid"])] = config

    # Task history and logs.
    cluster_tasks = []
    logs = {}
    for k, node in enumerate(nodes):
        node_tasks = []
        for (task_node, j), members in sorted(by_node_job.items(), key=lambda item: item[0][1]):
            if task_node != node:
                continue
            for day in range(args.task_days):
                run = last_run_day - day * DAY + RUN_HOUR * 3600
                start = run + j * 60
                end = start + 2 + len(members) * SECONDS_PER_GUEST + 1
                pid = 100000 + j * 1000 + day
                upid = "UPID:%s:%08X:%08X:%08X:vzdump::root@pam:" % (node, pid, 0x1000000 + k, start)
                lines = ["INFO: starting new backup job: vzdump --storage %s --mode snapshot --all 0" %
                         jobs[j]["storage"]]
                for g in members:
                    t0 = run + start_of[g["vmid"]]
                    btype = "vm" if g["type"] == "qemu" else "ct"
                    lines += ["INFO: Starting Backup of VM %d (%s)" % (g["vmid"], g["type"]),
                              "INFO: Backup started at %s" % fmt_local(t0),
                              "INFO: creating Proxmox Backup Server archive '%s/%d/%s'" % (
                                  btype, g["vmid"], fmt_iso_z(t0)),
                              "INFO: Finished Backup of VM %d (%s)" % (g["vmid"], hms(SECONDS_PER_GUEST - 2))]
                lines += ["INFO: Backup job finished successfully", "TASK OK"]
                logs["pve/nodes/%s/tasks/%s.log" % (node, upid.replace(":", "_"))] = "\n".join(lines) + "\n"
                task = {"upid": upid, "node": node, "pid": pid, "pstart": 0x1000000 + k, "starttime": start,
                        "type": "vzdump", "id": "", "user": "root@pam", "endtime": end, "status": "OK"}
                node_tasks.append(task)
        node_tasks.sort(key=lambda t: -t["endtime"])
        files["pve/nodes/%s/tasks.json" % node] = node_tasks
        files["pve/nodes/%s/time.json" % node] = {"timezone": "UTC", "time": now, "localtime": now}
        cluster_tasks += node_tasks[:5]
    cluster_tasks.sort(key=lambda t: -t["endtime"])
    files["pve/cluster/tasks.json"] = cluster_tasks

    # PBS: one generated.json per server. Every 20th guest's group was not pruned (EXTRA_SNAPSHOTS more).
    snapshot_total = 0
    group_total = 0
    for server in servers:
        stores = {}
        for st in storages:
            if st["server"] != server:
                continue
            entry = stores.setdefault(st["store"], {"owner": "scale@pbs!pve", "interval": DAY, "unverified": 1,
                                                    "namespaces": [], "groups": []})
            entry["namespaces"].append(st["ns"])
        for g in guests:
            if g["job"] is None or args.snapshots <= 0:
                continue
            st = storages[g["job"] % len(storages)]
            if st["server"] != server:
                continue
            count = args.snapshots + (EXTRA_SNAPSHOTS if g["vmid"] % 20 == 3 else 0)
            stores[st["store"]]["groups"].append({
                "ns": st["ns"], "type": "vm" if g["type"] == "qemu" else "ct", "id": str(g["vmid"]),
                "count": count, "newest": last_run_day + RUN_HOUR * 3600 + start_of[g["vmid"]],
                "disk-size": g["disk"]})
            snapshot_total += count
            group_total += 1
        prefix = "pbs/%s/" % server
        files[prefix + "generated.json"] = {"datastores": stores}
        files[prefix + "version.json"] = {"version": "3.2", "release": "4", "repoid": "4940514b0f05d6cd"}
        files[prefix + "nodes/localhost/time.json"] = {"timezone": "UTC", "time": now, "localtime": now}
        files[prefix + "access/permissions.json"] = {"/datastore": {"Datastore.Audit": True}}
        files[prefix + "admin/datastore.json"] = [{"store": s, "comment": "scale " + s} for s in stores]
        files[prefix + "config/datastore.json"] = [{"name": s, "path": "/mnt/datastore/" + s, "comment": "scale " + s,
                                                    "gc-schedule": "daily"} for s in stores]
        files[prefix + "status/datastore-usage.json"] = [
            {"store": s, "total": 200 * 1024 * GIB, "used": 120 * 1024 * GIB, "avail": 80 * 1024 * GIB}
            for s in stores]
        for s in stores:
            files[prefix + "admin/datastore/%s/status.json" % s] = {
                "total": 200 * 1024 * GIB, "used": 120 * 1024 * GIB, "avail": 80 * 1024 * GIB}
        prune = [{"id": "prune-%s-%d" % (st["store"], k), "store": st["store"], "ns": st["ns"], "schedule": "06:00",
                  "keep-daily": max(1, args.snapshots)}
                 for k, st in enumerate(s2 for s2 in storages if s2["server"] == server)]
        files[prefix + "config/prune.json"] = prune
        files[prefix + "admin/prune.json"] = [dict(p, **{"last-run-state": "OK", "last-run-endtime": now - 3600})
                                              for p in prune]

    covered = sum(1 for g in guests if g["job"] is not None)
    manifest = {"generator": "scripts/gen-scale-scenario.py",
                "parameters": {"guests": guests_n, "nodes": nodes_n, "jobs": args.jobs, "pools": pools_n,
                               "pbs-servers": args.pbs_servers, "datastores": args.datastores,
                               "namespaces": args.namespaces, "snapshots": args.snapshots,
                               "task-days": args.task_days, "now": now, "seed": args.seed},
                "expected": {"guests": guests_n, "covered": covered, "not-backed-up": guests_n - covered,
                             "snapshots": snapshot_total, "groups": group_total, "jobs": args.jobs,
                             "pbs-storages": [st["id"] for st in storages], "pbs-servers": servers,
                             "unpruned-groups": sum(1 for g in guests if g["job"] is not None and g["vmid"] % 20 == 3
                                                    and args.snapshots > 0)}}
    return files, logs, manifest


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="scenario directory to write (replaced)")
    parser.add_argument("--guests", type=int, default=1000)
    parser.add_argument("--nodes", type=int, default=0, help="default: guests / 300, at least 1")
    parser.add_argument("--jobs", type=int, default=40)
    parser.add_argument("--pools", type=int, default=10)
    parser.add_argument("--pbs-servers", type=int, default=1)
    parser.add_argument("--datastores", type=int, default=2, help="per PBS server")
    parser.add_argument("--namespaces", type=int, default=1, help="per datastore")
    parser.add_argument("--snapshots", type=int, default=100, help="per backed-up guest")
    parser.add_argument("--task-days", type=int, default=3, help="days of vzdump task history per node")
    parser.add_argument("--now", help="epoch seconds or YYYY-MM-DD (UTC); default: today 00:00 UTC")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for name in ("guests", "jobs", "pbs_servers", "datastores", "namespaces"):
        if getattr(args, name) < 1:
            parser.error("--%s must be at least 1" % name.replace("_", "-"))
    for name in ("nodes", "pools", "snapshots", "task_days"):
        if getattr(args, name) < 0:
            parser.error("--%s must not be negative" % name.replace("_", "-"))

    files, logs, manifest = build(args)
    tmp = args.out.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    for relative, data in files.items():
        write_json(tmp, relative, data)
    for relative, text in logs.items():
        write_text(tmp, relative, text)
    write_json(tmp, "scenario.json", {"name": "pve-scale (generated)", "now": fmt_iso_z(manifest["parameters"]["now"])})
    write_json(tmp, "scale.json", manifest)
    shutil.rmtree(args.out, ignore_errors=True)
    os.rename(tmp, args.out)
    e = manifest["expected"]
    print("wrote %s: %d guests on %d nodes, %d jobs, %d snapshots in %d groups" % (
        args.out, e["guests"], manifest["parameters"]["nodes"], e["jobs"], e["snapshots"], e["groups"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
