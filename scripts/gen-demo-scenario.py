#!/usr/bin/env python3
"""Generate the demo scenario (scenarios/demo/) and its expected answers (tests/data/demo-expected.json).

Standard library only. The output is committed; the build never runs this script.
Run from anywhere:  python3 scripts/gen-demo-scenario.py [--check] [--doc-tables]

  --check       regenerate into a temporary directory and compare with the committed files
  --doc-tables  print the Markdown tables used in docs/demo-scenario.md

Everything is deterministic (fixed seeds, fixed "now"). The cluster is described once below
(NODES, STORAGES, POOLS, GUESTS, JOBS, history); every API file is derived from that description.

The PBS part (scenarios/demo/pbs/, key "pbs" of the expected file) is simulated: every backup of the
PBS jobs since 2026-03-02 (offsite: 2025-11-29), PVE's per-guest prune after each backup, PBS prune
jobs and verify runs on their schedules, with PBS's prune algorithm in the PBS host's zone (checked
on hand cases first). The last week of pve1/pve2 backups is read back from the generated task logs.

The expected coverage (EXPECTED) is written out by hand from Proxmox VE's rules
(shared reference pve-api.md, section 5); the script re-derives it with an independent
implementation of PVE::VZDump::get_included_guests and refuses to write anything if the two
disagree.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import filecmp
import hashlib
import json
import math
import os
import random
import shutil
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO_DIR = os.path.join(ROOT, "scenarios", "demo")
EXPECTED_FILE = os.path.join(ROOT, "tests", "data", "demo-expected.json")

UTC = dt.timezone.utc


def ts(y, mo, d, h=0, mi=0, s=0) -> int:
    return int(dt.datetime(y, mo, d, h, mi, s, tzinfo=UTC).timestamp())


def fmt_local(epoch: int) -> str:
    # The nodes run in UTC, so "local time" in task logs is UTC.
    return dt.datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S")


def fmt_iso_z(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fmt_ctime(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, UTC).strftime("%a %b %d %H:%M:%S %Y")


def fmt_file(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, UTC).strftime("%Y_%m_%d-%H_%M_%S")


def hms(seconds: int) -> str:
    return "%02d:%02d:%02d" % (seconds // 3600, (seconds % 3600) // 60, seconds % 60)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def fingerprint(seed: str) -> str:
    return ":".join("%02x" % b for b in hashlib.sha256(seed.encode()).digest())


GIB = 1024**3
MIB = 1024**2

NOW = ts(2026, 11, 27, 7, 0, 0)  # 2026-11-27T07:00:00Z, a Friday
CLUSTER = "pve-prod"

# --------------------------------------------------------------------------------------------
# Nodes
# --------------------------------------------------------------------------------------------
NODES = {
    "pve1": {"nodeid": 1, "ip": "10.10.10.11", "online": True, "boot": ts(2026, 11, 2, 6, 12, 40),
             "maxcpu": 32, "maxmem": 270_039_986_176, "maxdisk": 100_861_726_720},
    "pve2": {"nodeid": 2, "ip": "10.10.10.12", "online": True, "boot": ts(2026, 11, 9, 5, 48, 11),
             "maxcpu": 32, "maxmem": 270_039_986_176, "maxdisk": 100_861_726_720},
    "pve3": {"nodeid": 3, "ip": "10.10.10.13", "online": False, "boot": ts(2026, 10, 1, 7, 0, 0),
             "maxcpu": 16, "maxmem": 135_089_897_472, "maxdisk": 100_861_726_720},
}
PVE3_DOWN = ts(2026, 11, 25, 14, 5, 0)  # pve3 shut down for maintenance (RAM replacement)

# --------------------------------------------------------------------------------------------
# Storages (/etc/pve/storage.cfg)
# --------------------------------------------------------------------------------------------
PBS_MAIN_FP = fingerprint("pbs1.example.lan")
PBS_OFFSITE_FP = fingerprint("pbs2.example.lan")
STORAGES = [
    {"storage": "local", "type": "dir", "path": "/var/lib/vz", "content": "iso,vztmpl,backup"},
    {"storage": "local-lvm", "type": "lvmthin", "vgname": "pve", "thinpool": "data",
     "content": "rootdir,images"},
    {"storage": "nfs-backup", "type": "nfs", "server": "nas1.example.lan", "export": "/export/pve-backup",
     "path": "/mnt/pve/nfs-backup", "content": "backup,iso", "options": "vers=4.2",
     "prune-backups": "keep-last=3,keep-weekly=2", "shared": 1},
    {"storage": "nfs-old", "type": "nfs", "server": "nas0.example.lan", "export": "/volume1/pve",
     "path": "/mnt/pve/nfs-old", "content": "backup", "disable": 1, "nodes": "pve2,pve1",
     "prune-backups": "keep-all=1", "shared": 1},
    {"storage": "pbs-main", "type": "pbs", "server": "pbs1.example.lan", "datastore": "store1",
     "namespace": "pve-prod", "username": "pve-prod@pbs!pve", "fingerprint": PBS_MAIN_FP,
     "content": "backup", "prune-backups": "keep-daily=7,keep-last=3,keep-monthly=6,keep-weekly=4",
     "shared": 1},
    {"storage": "pbs-offsite", "type": "pbs", "server": "pbs2.example.lan", "port": 8007,
     "datastore": "offsite", "namespace": "pve-prod", "username": "pve-prod@pbs!offsite",
     "fingerprint": PBS_OFFSITE_FP, "encryption-key": fingerprint("offsite-key")[:95],
     "content": "backup", "prune-backups": "keep-weekly=8,keep-monthly=12", "nodes": "pve2,pve1",
     "shared": 1},
]
STORAGE_DIGEST = sha1("storage.cfg of pve-prod, 2026-11-12")
# usage per storage (shared ones: same numbers on every node)
STORAGE_USAGE = {
    "local": {"pve1": (18_446_744_064, 100_861_726_720), "pve2": (21_474_836_480, 100_861_726_720),
              "pve3": None},
    "local-lvm": {"pve1": (1_048_576_000_000, 3_839_999_999_999), "pve2": (861_295_345_664, 3_839_999_999_999),
                  "pve3": None},
    "nfs-backup": (5_497_558_138_880, 16_000_900_661_248),
    "pbs-main": (9_895_604_649_984, 31_997_506_355_200),
    "pbs-offsite": (6_047_313_952_768, 23_998_129_766_400),
}

# --------------------------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------------------------
POOLS = [
    {"poolid": "prod", "comment": "Production"},
    {"poolid": "prod/db", "comment": "Production databases (own backup job)"},
    {"poolid": "staging", "comment": "Staging / pre-production"},
    {"poolid": "lab", "comment": "Lab and experiments - no backup guarantee"},
]
POOL_STORAGE_MEMBERS = {"prod": ["nfs-backup"]}

# --------------------------------------------------------------------------------------------
# Guests
# --------------------------------------------------------------------------------------------
# disks: list of (config key, value). qemu sizes in the value; first disk = boot disk.


def q(vmid, node, name, *, pool=None, tags=None, status="running", template=0, cores=2, mem=4096,
      disks=None, desc="", extra=None, lock=None, hastate=None, ostype="l26", bios=None):
    return dict(vmid=vmid, type="qemu", node=node, name=name, pool=pool, tags=tags, status=status,
                template=template, cores=cores, mem=mem, disks=disks or [], desc=desc,
                extra=extra or {}, lock=lock, hastate=hastate, ostype=ostype, bios=bios)


def c(vmid, node, name, *, pool=None, tags=None, status="running", template=0, cores=1, mem=1024,
      disks=None, desc="", extra=None, lock=None, hastate=None, ostype="debian"):
    return dict(vmid=vmid, type="lxc", node=node, name=name, pool=pool, tags=tags, status=status,
                template=template, cores=cores, mem=mem, disks=disks or [], desc=desc,
                extra=extra or {}, lock=lock, hastate=hastate, ostype=ostype, bios=None)


def lv(vmid, n, size, extra=""):
    return "local-lvm:vm-%d-disk-%d,%ssize=%s" % (vmid, n, extra, size)


CDROM = ("ide2", "none,media=cdrom")

GUESTS = [
    # ---------------------------------------------------------------- pve1
    q(100, "pve1", "web01", pool="prod", tags="prod;web", cores=4, mem=8192, hastate="started",
      disks=[("scsi0", lv(100, 0, "32G", "iothread=1,")), CDROM],
      desc="Front web (nginx + PHP-FPM), behind proxy01.\nOwner: web team\nRestore priority: high"),
    q(101, "pve1", "web02", pool="prod", tags="prod;web", cores=4, mem=8192, hastate="started",
      disks=[("scsi0", lv(101, 0, "32G", "iothread=1,")), CDROM],
      desc="Second web front, same role as web01 (HA pair).\nOwner: web team"),
    c(102, "pve1", "proxy01", pool="prod", tags="prod;web", cores=2, mem=1024,
      disks=[("rootfs", lv(102, 0, "8G"))],
      desc="HAProxy + certbot for *.example.lan\nPublic entry point"),
    q(103, "pve1", "db-postgres01", pool="prod/db", tags="db;prod", cores=8, mem=32768,
      disks=[("scsi0", lv(103, 0, "32G", "iothread=1,")),
             ("scsi1", lv(103, 1, "250G", "backup=1,iothread=1,")), CDROM],
      desc="PostgreSQL 16 primaire — 数据库 principale (ERP, GitLab)\n"
           "Réplication streaming vers db-postgres02\nRestore priority: 1"),
    q(104, "pve1", "db-postgres02", pool="prod/db", tags="db;prod", cores=8, mem=32768,
      disks=[("scsi0", lv(104, 0, "32G", "iothread=1,")),
             ("scsi1", lv(104, 1, "250G", "iothread=1,")), CDROM],
      desc="PostgreSQL 16 replica (hot standby of db-postgres01)"),
    c(105, "pve1", "redis01", pool="prod/db", tags="db;prod", cores=2, mem=4096,
      disks=[("rootfs", lv(105, 0, "8G"))],
      desc="Redis 7 (sessions + GitLab cache)\nBacked up by the prod/db job only"),
    q(106, "pve1", "mail", pool="prod", tags="mail;prod", cores=4, mem=8192,
      disks=[("scsi0", lv(106, 0, "64G", "iothread=1,")),
             ("scsi1", lv(106, 1, "400G", "iothread=1,")), CDROM],
      desc="Postfix + Dovecot, mailboxes on scsi1\nBacked up by the weekly prod pool job"),
    c(107, "pve1", "dns01", tags="infra", cores=1, mem=512, hastate="started",
      disks=[("rootfs", lv(107, 0, "4G"))],
      desc="Propriétaire : équipe réseau\nBIND 9 — résolveur interne et zone example.lan"),
    c(108, "pve1", "monitoring", tags="infra;monitoring", cores=2, mem=4096,
      disks=[("rootfs", lv(108, 0, "16G")),
             ("mp0", "local-lvm:vm-108-disk-1,mp=/var/lib/prometheus,backup=1,size=100G")],
      desc="📈 Grafana + Prometheus + Alertmanager\nDashboards: https://grafana.example.lan"),
    c(109, "pve1", "ntp01", tags="infra", cores=1, mem=256,
      disks=[("rootfs", lv(109, 0, "2G"))], desc="chrony, stratum 2 for the LAN"),
    q(110, "pve1", "gitlab", pool="prod", tags="dev;prod", cores=8, mem=16384,
      disks=[("scsi0", lv(110, 0, "100G", "iothread=1,")),
             ("scsi1", lv(110, 1, "200G", "backup=0,iothread=1,")), CDROM],
      desc="GitLab CE 17\nscsi1 = container registry cache, rebuilt on demand (backup=0)"),
    c(111, "pve1", "gitlab-runner", tags="ci;dev", cores=4, mem=8192, lock="snapshot",
      disks=[("rootfs", lv(111, 0, "50G"))],
      extra={"features": "keyctl=1,nesting=1"},
      desc="GitLab runner (docker executor)"),
    q(112, "pve1", "k8s-master-1", tags="k8s", cores=4, mem=8192,
      disks=[("scsi0", lv(112, 0, "40G", "iothread=1,")),
             ("ide2", "local-lvm:vm-112-cloudinit,media=cdrom")],
      extra={"ciuser": "debian", "ipconfig0": "ip=10.10.30.11/24,gw=10.10.30.1"},
      desc="k3s server (etcd)"),
    q(113, "pve1", "k8s-worker-1", tags="k8s", cores=8, mem=16384,
      disks=[("scsi0", lv(113, 0, "80G", "iothread=1,")),
             ("ide2", "local-lvm:vm-113-cloudinit,media=cdrom")],
      extra={"ciuser": "debian", "ipconfig0": "ip=10.10.30.21/24,gw=10.10.30.1"},
      desc="k3s agent - stateless\nMigrated from pve2 on 2026-11-23"),
    q(114, "pve1", "k8s-worker-2", tags="k8s", cores=8, mem=16384,
      disks=[("scsi0", lv(114, 0, "80G", "iothread=1,")),
             ("ide2", "local-lvm:vm-114-cloudinit,media=cdrom")],
      extra={"ciuser": "debian", "ipconfig0": "ip=10.10.30.22/24,gw=10.10.30.1"},
      desc="k3s agent - stateless, rebuilt from template"),
    q(115, "pve1", "k8s-worker-3", tags="k8s", cores=8, mem=16384,
      disks=[("scsi0", lv(115, 0, "80G", "iothread=1,")),
             ("ide2", "local-lvm:vm-115-cloudinit,media=cdrom"),
             ("unused0", "local-lvm:vm-115-disk-1")],
      extra={"ciuser": "debian", "ipconfig0": "ip=10.10.30.23/24,gw=10.10.30.1"},
      desc="k3s agent - stateless, rebuilt from template"),
    q(9000, "pve1", "debian12-tmpl", tags="template", status="stopped", template=1, cores=2, mem=2048,
      disks=[("scsi0", "local-lvm:base-9000-disk-0,size=8G"),
             ("ide2", "local-lvm:vm-9000-cloudinit,media=cdrom")],
      desc="Debian 12 cloud-init template\nBuilt 2026-10-05 with packer"),
    q(9001, "pve1", "ubuntu2404-tmpl", tags="template", status="stopped", template=1, cores=2,
      mem=2048, disks=[("scsi0", "local-lvm:base-9001-disk-0,size=10G"),
                       ("ide2", "local-lvm:vm-9001-cloudinit,media=cdrom")],
      desc="Ubuntu 24.04 cloud-init template (excluded from the nightly job)"),
    c(9100, "pve1", "debian12-ct-tmpl", tags="template", status="stopped", template=1, cores=1,
      mem=512, disks=[("rootfs", "local-lvm:base-9100-disk-0,size=4G")],
      desc="Debian 12 container template"),
    # ---------------------------------------------------------------- pve2
    c(200, "pve2", "fileserver", tags="files", cores=2, mem=2048,
      disks=[("rootfs", lv(200, 0, "16G")),
             ("mp0", "local-lvm:vm-200-disk-1,mp=/srv/scratch,size=100G"),
             ("mp1", "local-lvm:vm-200-disk-2,mp=/srv/share,backup=1,size=500G"),
             ("mp2", "/mnt/bulk,mp=/bulk")],
      desc="Samba shares\nmp0 /srv/scratch: not backed up (default for mount points)\n"
           "mp1 /srv/share: backup=1\nmp2 /bulk: bind mount of the host's /mnt/bulk"),
    q(201, "pve2", "nextcloud", tags="files;web", cores=4, mem=8192,
      disks=[("scsi0", lv(201, 0, "64G", "iothread=1,")),
             ("scsi1", lv(201, 1, "1T", "iothread=1,")), CDROM],
      desc="Nextcloud 30\nData on scsi1"),
    c(202, "pve2", "wiki", tags="docs", cores=1, mem=1024,
      disks=[("rootfs", lv(202, 0, "8G"))],
      desc="BookStack wiki\nOnly backup job writes to nfs-old (disabled storage!)"),
    q(203, "pve2", "erp-app", pool="prod", tags="erp;prod", cores=4, mem=16384, hastate="started",
      disks=[("scsi0", lv(203, 0, "64G", "iothread=1,")), CDROM],
      desc="ERP application server (Odoo 18)\nRestore priority: high"),
    q(204, "pve2", "erp-db", pool="prod/db", tags="db;erp;prod", cores=8, mem=32768,
      disks=[("scsi0", lv(204, 0, "32G", "iothread=1,")),
             ("scsi1", lv(204, 1, "300G", "iothread=1,")), CDROM],
      desc="PostgreSQL 15 for the ERP"),
    q(210, "pve2", "stg-web01", pool="staging", tags="staging;web", cores=2, mem=4096,
      disks=[("scsi0", lv(210, 0, "32G", "iothread=1,")), CDROM],
      desc="Staging web front"),
    c(211, "pve2", "stg-db01", pool="staging", tags="db;staging", cores=2, mem=4096,
      disks=[("rootfs", lv(211, 0, "32G"))], desc="Staging PostgreSQL"),
    c(212, "pve2", "stg-api01", pool="staging", tags="staging", cores=2, mem=2048,
      disks=[("rootfs", lv(212, 0, "8G"))], desc="Staging API"),
    q(220, "pve2", "lab-win11", pool="lab", tags="lab;windows", status="stopped", cores=4, mem=8192,
      ostype="win11", bios="ovmf",
      disks=[("efidisk0", "local-lvm:vm-220-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M"),
             ("scsi0", lv(220, 1, "64G", "iothread=1,")),
             ("tpmstate0", "local-lvm:vm-220-disk-2,size=4M,version=v2.0"),
             ("ide2", "local:iso/Win11_24H2_English_x64.iso,media=cdrom,size=5683090K")],
      extra={"machine": "pc-q35-8.1"},
      desc="Windows 11 test client\nOnly in the weekly lab job, which is disabled"),
    c(221, "pve2", "lab-ansible", pool="lab", tags="lab", cores=1, mem=1024,
      disks=[("rootfs", lv(221, 0, "8G"))],
      desc="Ansible control node for the lab\nOnly in the weekly lab job, which is disabled"),
    q(222, "pve2", "lab-test-vm", pool="lab", tags="lab", status="stopped", cores=2, mem=2048,
      disks=[("scsi0", lv(222, 0, "32G")), ("scsi1", lv(222, 1, "50G", "backup=0,")),
             ("ide2", "local:iso/debian-12.8.0-amd64-netinst.iso,media=cdrom,size=631M")],
      desc="Throw-away test VM"),
    c(223, "pve2", "scratch", pool="lab", tags="lab", status="stopped", cores=1, mem=512,
      disks=[("rootfs", lv(223, 0, "4G"))], desc="Scratch container, may be deleted any time"),
    q(224, "pve2", None, pool="lab", status="stopped", cores=1, mem=1024,
      disks=[("scsi0", lv(224, 0, "16G")), CDROM],
      desc="VM created by a script without a name"),
    c(230, "pve2", "jumphost", tags="infra;security", cores=1, mem=1024,
      disks=[("rootfs", lv(230, 0, "8G"))], desc="SSH bastion\nAccess: ops team only"),
    q(231, "pve2", "vpn-gw", tags="infra;security", cores=2, mem=2048,
      disks=[("efidisk0", "local-lvm:vm-231-disk-0,efitype=4m,size=4M"),
             ("scsi0", lv(231, 1, "16G", "iothread=1,")), CDROM],
      desc="WireGuard gateway\nSeaBIOS VM with a leftover efidisk0 (not backed up)"),
    c(232, "pve2", "print01", tags="infra", cores=1, mem=512,
      disks=[("rootfs", lv(232, 0, "4G")),
             ("mp0", "local-lvm:vm-232-disk-1,mp=/var/spool/cups,backup=yes,size=8G")],
      desc="CUPS print server"),
    q(9002, "pve2", "win2022-tmpl", tags="template;windows", status="stopped", template=1, cores=4,
      mem=8192, ostype="win11", bios="ovmf",
      disks=[("efidisk0", "local-lvm:base-9002-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M"),
             ("scsi0", "local-lvm:base-9002-disk-1,iothread=1,size=60G"), CDROM],
      extra={"machine": "pc-q35-8.1"},
      desc="Windows Server 2022 template (sysprepped)"),
    # ---------------------------------------------------------------- pve3 (offline)
    q(300, "pve3", "intranet-old", tags="legacy", cores=2, mem=4096,
      disks=[("scsi0", lv(300, 0, "40G"))], desc="Old intranet, to be decommissioned"),
    c(301, "pve3", "legacy-crm", tags="crm;legacy", cores=2, mem=2048,
      disks=[("rootfs", lv(301, 0, "20G"))], desc="Old CRM"),
    q(302, "pve3", "ldap-old", tags="legacy", cores=1, mem=2048,
      disks=[("scsi0", lv(302, 0, "16G"))], desc="OpenLDAP (read-only replica)"),
    c(303, "pve3", "build-agent-03", pool="staging", tags="ci;staging", cores=4, mem=8192,
      disks=[("rootfs", lv(303, 0, "60G"))], desc="Build agent"),
]
GUEST = {g["vmid"]: g for g in GUESTS}

# --------------------------------------------------------------------------------------------
# Backup jobs (/cluster/backup: legacy vzdump.cron jobs first, then jobs.cfg in file order)
# --------------------------------------------------------------------------------------------
VZDUMP_CRON = (
    "# cluster wide vzdump cron schedule\n# Automatically generated file - do not edit\n\n"
    "PATH=\"/usr/sbin:/usr/bin:/sbin:/bin\"\n\n"
    "30 23 * * 6           root #vzdump 300 --quiet 1 --mode snapshot --storage local "
    "--compress lzo --node pve1 --mailto root\n")
LEGACY_ID = sha1(VZDUMP_CRON) + ":1"

J_NIGHTLY = "backup-3f9c2a71-5d0e"
J_OFFSITE = "backup-8d1e44b0-a7c3"
J_ERP = "backup-c27b9f15-0e84"
J_POOL_PROD = "backup-51aa0c3e-9b27"
J_POOL_DB = "backup-e0b36d52-1f4a"
J_NODE_PVE2 = "backup-7b4d08e9-c6f2"
J_LAB_DISABLED = "backup-2ee5a9c4-3d71"
J_WRONG_NODE = "backup-94c0f7d3-8a15"
J_EXCLUDE_ONLY = "backup-d5e81b6a-40c9"
J_PVE9 = "backup-6fa2b8d1-e937"
J_MISSING_STORAGE = "backup-0c7e3f92-b5a8"
J_DISABLED_STORAGE = "backup-a4f19d6e-2c05"
J_BAD_SCHEDULE = "backup-b83c5e07-71fd"

NIGHTLY_EXCLUDE = "105,106,113,114,115,202,220,221,222,223,224,300,9001"

JOBS = [
    {"id": LEGACY_ID, "enabled": "", "schedule": "sat 23:30", "vmid": "300", "node": "pve1",
     "storage": "local", "mode": "snapshot", "compress": "lzo", "quiet": 1, "mailto": "root"},
    {"id": J_NIGHTLY, "type": "vzdump", "enabled": 1, "schedule": "21:00", "storage": "pbs-main",
     "mode": "snapshot", "all": 1, "exclude": NIGHTLY_EXCLUDE, "compress": "zstd",
     "notes-template": "{{guestname}}", "repeat-missed": 1, "mailnotification": "failure",
     "mailto": "ops@example.lan", "fleecing": {"enabled": 0},
     "comment": "Nightly: every guest except lab/k8s workers to pbs-main"},
    {"id": J_OFFSITE, "type": "vzdump", "schedule": "sat 01:30", "storage": "pbs-offsite",
     "mode": "snapshot", "vmid": "100, 101;102", "notes-template": "{{guestname}} ({{cluster}})",
     "prune-backups": {"keep-monthly": "12", "keep-weekly": "8"},
     "comment": "Weekly offsite copy of the web front"},
    {"id": J_ERP, "type": "vzdump", "enabled": 1, "schedule": "01:00", "storage": "nfs-backup",
     "mode": "snapshot", "vmid": "203,204, 999", "compress": "zstd",
     "notes-template": "{{guestname}}", "mailnotification": "always", "mailto": "erp-admins@example.lan",
     "comment": "ERP daily to the NAS (999 = erp-legacy, deleted in October)"},
    {"id": J_POOL_PROD, "type": "vzdump", "schedule": "sun 04:00", "storage": "nfs-backup",
     "mode": "snapshot", "pool": "prod", "exclude": "106", "compress": "zstd",
     "notes-template": "{{guestname}}", "comment": "Weekly full copy of pool prod to the NAS"},
    {"id": J_POOL_DB, "type": "vzdump", "enabled": 1, "schedule": "02:00", "storage": "pbs-main",
     "mode": "snapshot", "pool": "prod/db", "notes-template": "{{guestname}}",
     "prune-backups": {"keep-daily": "14", "keep-last": "4"},
     "comment": "Databases (pool prod/db)"},
    {"id": J_NODE_PVE2, "type": "vzdump", "schedule": "03:00", "storage": "pbs-main",
     "mode": "snapshot", "node": "pve2", "vmid": "113,201", "notes-template": "{{guestname}}",
     "comment": "k8s-worker-1 + nextcloud, pve2 only"},
    {"id": J_LAB_DISABLED, "type": "vzdump", "enabled": 0, "schedule": "sun 03:00",
     "storage": "nfs-backup", "mode": "stop", "vmid": "220,221", "compress": "zstd",
     "prune-backups": {"keep-all": 1}, "comment": "Lab weekly (paused during the NAS migration)"},
    {"id": J_WRONG_NODE, "type": "vzdump", "enabled": 1, "schedule": "22:00", "storage": "pbs-main",
     "mode": "snapshot", "node": "pve1", "vmid": "210,211",
     "comment": "Staging web+db (guests now live on pve2)"},
    {"id": J_EXCLUDE_ONLY, "type": "vzdump", "enabled": 1, "schedule": "*-*-01 05:00",
     "storage": "pbs-main", "mode": "snapshot", "exclude": "300,301",
     "comment": "Monthly (hand-edited jobs.cfg: exclude without all)"},
    {"id": J_PVE9, "type": "vzdump", "enabled": 1, "schedule": "sun 05:00", "storage": "local",
     "mode": "snapshot", "all": 1, "node": "pve9", "compress": "zstd",
     "comment": "Old standalone node pve9 (removed from the cluster)"},
    {"id": J_MISSING_STORAGE, "type": "vzdump", "schedule": "*-*-01 04:00", "storage": "pbs-old",
     "mode": "snapshot", "vmid": "230,231", "protected": 1,
     "comment": "Monthly archive of the security hosts (pbs-old was removed)"},
    {"id": J_DISABLED_STORAGE, "type": "vzdump", "enabled": 1, "schedule": "*-*-15 02:00",
     "storage": "nfs-old", "mode": "snapshot", "vmid": "202", "compress": "zstd",
     "comment": "Wiki monthly"},
    {"id": J_BAD_SCHEDULE, "type": "vzdump", "enabled": 1, "schedule": "every day",
     "storage": "nfs-backup", "mode": "snapshot", "vmid": "108", "compress": "zstd",
     "comment": "Monitoring daily (hand-edited)"},
]
JOB = {j["id"]: j for j in JOBS}

# next-run as PVE's list endpoint would compute it at NOW (nodes run in UTC); absent for legacy
# jobs and for the schedule PVE cannot parse.
NEXT_RUN = {
    J_NIGHTLY: ts(2026, 11, 27, 21, 0),
    J_OFFSITE: ts(2026, 11, 28, 1, 30),
    J_ERP: ts(2026, 11, 28, 1, 0),
    J_POOL_PROD: ts(2026, 11, 29, 4, 0),
    J_POOL_DB: ts(2026, 11, 28, 2, 0),
    J_NODE_PVE2: ts(2026, 11, 28, 3, 0),
    J_LAB_DISABLED: ts(2026, 11, 29, 3, 0),
    J_WRONG_NODE: ts(2026, 11, 27, 22, 0),
    J_EXCLUDE_ONLY: ts(2026, 12, 1, 5, 0),
    J_PVE9: ts(2026, 11, 29, 5, 0),
    J_MISSING_STORAGE: ts(2026, 12, 1, 4, 0),
    J_DISABLED_STORAGE: ts(2026, 12, 15, 2, 0),
}

# --------------------------------------------------------------------------------------------
# Expected coverage, written out by hand from reference section 5.1 (checked below).
# --------------------------------------------------------------------------------------------
S, N = "sauvegarde_planifiee", "non_sauvegardee"
EXPECTED = {
    100: (S, [J_NIGHTLY, J_OFFSITE, J_POOL_PROD], [], "all-job + messy vmid list + pool prod"),
    101: (S, [J_NIGHTLY, J_OFFSITE, J_POOL_PROD], [], "all-job + messy vmid list + pool prod"),
    102: (S, [J_NIGHTLY, J_OFFSITE, J_POOL_PROD], [], "all-job + messy vmid list (';' separator) + pool prod"),
    103: (S, [J_NIGHTLY, J_POOL_DB], [], "nested pool prod/db: not in the prod pool job, in the prod/db job; disk with explicit backup=1"),
    104: (S, [J_NIGHTLY, J_POOL_DB], [], "nested pool prod/db: not in the prod pool job"),
    105: (S, [J_POOL_DB], [], "excluded from the nightly job, covered only by the prod/db pool job"),
    106: (S, [J_POOL_PROD], [], "excluded from nightly; the prod pool job's 'exclude: 106' is ignored (pool wins)"),
    107: (S, [J_NIGHTLY], [], "all-job; notes with accents"),
    108: (S, [J_BAD_SCHEDULE, J_NIGHTLY], [], "all-job + job with uninterpretable schedule (enabled, so it counts)"),
    109: (S, [J_NIGHTLY], [], "all-job"),
    110: (S, [J_NIGHTLY, J_POOL_PROD], [], "covered, but disk scsi1 has backup=0"),
    111: (S, [J_NIGHTLY], [], "covered, but its last backup failed (CT is locked (snapshot))"),
    112: (S, [J_NIGHTLY], [], "all-job; cloud-init drive (not a backed-up volume)"),
    113: (N, [], [], "excluded from nightly; named in the pve2-only job but lives on pve1 since its migration"),
    114: (N, [], [], "excluded from nightly, no other job"),
    115: (N, [], [], "excluded from nightly, no other job"),
    9000: (S, [J_NIGHTLY], [], "template covered by the all-job"),
    9001: (N, [], [], "template excluded from the all-job"),
    9100: (S, [J_NIGHTLY], [], "container template covered by the all-job"),
    200: (S, [J_NIGHTLY], [], "covered, but mp0 (no backup flag) and mp2 (bind mount) are not backed up"),
    201: (S, [J_NIGHTLY, J_NODE_PVE2], [], "node-restricted job on its own node; failed on 2026-11-22, later OK"),
    202: (S, [J_DISABLED_STORAGE], [], "only job writes to the disabled storage nfs-old (still counts)"),
    203: (S, [J_NIGHTLY, J_ERP, J_POOL_PROD], [], "all-job + ERP vmid job + pool prod"),
    204: (S, [J_NIGHTLY, J_ERP, J_POOL_DB], [], "all-job + ERP vmid job + pool prod/db"),
    210: (S, [J_NIGHTLY], [], "all-job; also named by the pve1-only job, which drops it"),
    211: (S, [J_NIGHTLY], [], "all-job; also named by the pve1-only job, which drops it"),
    212: (S, [J_NIGHTLY], [], "all-job"),
    220: (N, [], [J_LAB_DISABLED], "only in a disabled job (ovmf: efidisk + tpmstate)"),
    221: (N, [], [J_LAB_DISABLED], "only in a disabled job"),
    222: (N, [], [], "not in any job (has a backup=0 disk, irrelevant)"),
    223: (N, [], [], "not in any job"),
    224: (N, [], [], "not in any job, VM without a name"),
    230: (S, [J_NIGHTLY, J_MISSING_STORAGE], [], "all-job + job whose storage pbs-old does not exist"),
    231: (S, [J_NIGHTLY, J_MISSING_STORAGE], [], "covered, efidisk0 on a SeaBIOS VM is not backed up"),
    232: (S, [J_NIGHTLY], [], "covered; mp0 has backup=yes (included)"),
    9002: (S, [J_NIGHTLY], [], "template covered by the all-job"),
    300: (N, [], [], "on offline pve3; excluded from nightly; the legacy job names it but is restricted to pve1"),
    301: (S, [J_NIGHTLY], [], "on offline pve3, covered by the all-job (will not run while pve3 is down)"),
    302: (S, [J_NIGHTLY], [], "on offline pve3, covered by the all-job"),
    303: (S, [J_NIGHTLY], [], "on offline pve3, pool staging, covered by the all-job"),
}
EXCLUDED_VOLUMES = {110: ["scsi1"], 200: ["mp0", "mp2"], 231: ["efidisk0"]}
BACKUP_FAILED = [111]

# --------------------------------------------------------------------------------------------
# Coverage rules (independent re-implementation of reference 5.1, used as a cross-check)
# --------------------------------------------------------------------------------------------


def split_list(s):
    import re
    return [t for t in re.split(r"[,;\s]+", s or "") if t]


def included_guests(job):
    """PVE::VZDump::get_included_guests: {node: set(vmid)} ('' = nonexistent VMIDs)."""
    if job.get("pool"):
        pool = job["pool"]
        if pool not in {p["poolid"] for p in POOLS}:
            raise RuntimeError("pool '%s' does not exist" % pool)
        cand = [g["vmid"] for g in GUESTS if g["pool"] == pool]
    elif job.get("vmid"):
        cand = [int(x) for x in split_list(job["vmid"])]
    elif str(job.get("all", 0)) == "1":
        excl = {int(x) for x in split_list(job.get("exclude", ""))}
        cand = [g["vmid"] for g in GUESTS if g["vmid"] not in excl]
    else:
        cand = []
    res = {}
    for vmid in sorted(set(cand)):
        if vmid in GUEST:
            node = GUEST[vmid]["node"]
            if job.get("node") and job["node"] != node:
                continue
            res.setdefault(node, set()).add(vmid)
        else:
            res.setdefault("", set()).add(vmid)
    return res


def job_enabled(job):
    # jobs.cfg: absent => 1. The legacy job's "" is PVE's "false" (commented cron line).
    v = job.get("enabled", 1)
    return v in (1, "1")


def check_expected():
    errors = []
    union = set()
    for job in JOBS:
        for vmids in included_guests(job).values():
            union |= vmids
    for g in GUESTS:
        vmid = g["vmid"]
        inc = [j["id"] for j in JOBS if any(vmid in s for s in included_guests(j).values())]
        en = sorted(j for j in inc if job_enabled(JOB[j]))
        dis = sorted(j for j in inc if not job_enabled(JOB[j]))
        status = S if en else N
        exp = EXPECTED.get(vmid)
        if exp is None:
            errors.append("no expectation for %d" % vmid)
            continue
        if (status, en, dis) != (exp[0], sorted(exp[1]), sorted(exp[2])):
            errors.append("%d: computed %s %s %s, expected %s" % (vmid, status, en, dis, exp[:3]))
    if set(EXPECTED) != set(GUEST):
        errors.append("EXPECTED keys differ from guests")
    if errors:
        raise SystemExit("expected coverage does not match the rules:\n  " + "\n  ".join(errors))
    return sorted(v for v in GUEST if v not in union)


# --------------------------------------------------------------------------------------------
# Helpers for guest data
# --------------------------------------------------------------------------------------------


def size_bytes(s):
    unit = s[-1]
    n = float(s[:-1])
    return int(n * {"K": 1024, "M": MIB, "G": GIB, "T": 1024 * GIB}[unit])


def parse_prop(value):
    parts = value.split(",")
    vol = parts[0]
    opts = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    return vol, opts


def truthy(v):
    return str(v).lower() in ("1", "yes", "true", "on")


def volumes(g):
    """What vzdump does with each volume: list of (key, volume, included, reason)."""
    out = []
    for key, value in g["disks"]:
        vol, opts = parse_prop(value)
        if g["type"] == "qemu":
            if opts.get("media") == "cdrom" or key.startswith("unused"):
                continue
            if key == "efidisk0" and g["bios"] != "ovmf":
                out.append((key, vol, False, "efidisk but no OVMF BIOS"))
            elif key == "tpmstate0" or "backup" not in opts:
                out.append((key, vol, True, "backup=yes"))
            else:
                out.append((key, vol, truthy(opts["backup"]), "backup=no"))
        else:
            if key == "rootfs":
                out.append((key, vol, True, "rootfs"))
            elif vol.startswith("/"):
                out.append((key, vol, False, "not a volume"))
            else:
                inc = truthy(opts.get("backup", "0"))
                out.append((key, vol, inc, "enabled" if inc else "disabled"))
    return out


def disk_size(g, key):
    for k, v in g["disks"]:
        if k == key:
            return parse_prop(v)[1].get("size", "0G")
    return "0G"


def maxdisk(g):
    first = "rootfs" if g["type"] == "lxc" else next(k for k, _ in g["disks"] if k != "efidisk0")
    return size_bytes(disk_size(g, first))


def mac(vmid, n=0):
    h = hashlib.md5(("mac%d-%d" % (vmid, n)).encode()).hexdigest().upper()
    return "BC:24:11:%s:%s:%s" % (h[0:2], h[2:4], h[4:6])


def guest_rng(vmid, salt=""):
    return random.Random("%d%s" % (vmid, salt))


def guest_stats(g):
    """RRD-like stats for /cluster/resources and pool members (online nodes only)."""
    r = guest_rng(g["vmid"], "stats")
    running = g["status"] == "running"
    node_boot = NODES[g["node"]]["boot"]
    st = {
        "maxcpu": g["cores"],
        "maxmem": g["mem"] * MIB,
        "maxdisk": maxdisk(g),
    }
    if running:
        start = node_boot + 180 + r.randint(0, 120)
        if g["vmid"] == 113:  # migrated (online) on 2026-11-23, uptime continues on pve1
            start = ts(2026, 11, 9, 5, 52, 10)
        if g["vmid"] == 114:  # shut down and started again on 2026-11-23 (see pve1 tasks)
            start = ts(2026, 11, 23, 14, 27, 43)
        st["uptime"] = NOW - start
        st["cpu"] = round(r.uniform(0.002, 0.25), 6)
        st["mem"] = int(st["maxmem"] * r.uniform(0.2, 0.8))
        st["netin"] = r.randint(10**8, 10**12)
        st["netout"] = r.randint(10**8, 10**12)
        st["diskread"] = r.randint(10**9, 10**12)
        st["diskwrite"] = r.randint(10**9, 10**12)
    else:
        st.update(uptime=0, cpu=0, mem=0, netin=0, netout=0, diskread=0, diskwrite=0)
    st["disk"] = int(st["maxdisk"] * r.uniform(0.1, 0.7)) if g["type"] == "lxc" and running else 0
    return st


def resource_name(g):
    if g["name"]:
        return g["name"]
    return ("VM %d" if g["type"] == "qemu" else "CT%d") % g["vmid"]


def guest_entry(g, *, for_pool=False):
    e = {"id": "%s/%d" % (g["type"], g["vmid"]), "vmid": g["vmid"], "type": g["type"], "node": g["node"]}
    if not NODES[g["node"]]["online"]:
        e["status"] = "unknown"
    else:
        e["status"] = g["status"]
        e["name"] = resource_name(g)
        e["template"] = g["template"]
        e.update(guest_stats(g))
    if not for_pool:
        if g["pool"]:
            e["pool"] = g["pool"]
        if g["tags"]:
            e["tags"] = g["tags"]
        if g["lock"]:
            e["lock"] = g["lock"]
        if g["hastate"]:
            e["hastate"] = g["hastate"]
    return e


def guest_config(g):
    r = guest_rng(g["vmid"], "cfg")
    cfg = {}
    if g["type"] == "qemu":
        boot_disk = next(k for k, _ in g["disks"] if k not in ("efidisk0", "tpmstate0"))
        cfg.update({
            "boot": "order=%s;ide2;net0" % boot_disk,
            "cores": g["cores"],
            "cpu": "x86-64-v2-AES",
            "memory": str(g["mem"]),
            "meta": "creation-qemu=8.1.5,ctime=%d" % (ts(2024, 3, 1) + r.randint(0, 60_000_000)),
            "net0": "virtio=%s,bridge=vmbr0,firewall=1,tag=%d" % (mac(g["vmid"]), 20 + g["vmid"] % 7),
            "numa": 0,
            "ostype": g["ostype"],
            "scsihw": "virtio-scsi-single",
            "smbios1": "uuid=%s" % uuid.uuid5(uuid.NAMESPACE_DNS, "smbios%d.pve-prod" % g["vmid"]),
            "sockets": 1,
            "vmgenid": str(uuid.uuid5(uuid.NAMESPACE_DNS, "vmgenid%d.pve-prod" % g["vmid"])),
        })
        if g["name"]:
            cfg["name"] = g["name"]
        if g["bios"]:
            cfg["bios"] = g["bios"]
        if g["ostype"] != "win11":
            cfg["agent"] = "1"
        if g["status"] == "running":
            cfg["onboot"] = 1
    else:
        cfg.update({
            "arch": "amd64",
            "cores": g["cores"],
            "hostname": g["name"],
            "memory": g["mem"],
            "net0": "name=eth0,bridge=vmbr0,firewall=1,hwaddr=%s,ip=dhcp,type=veth" % mac(g["vmid"]),
            "ostype": g["ostype"],
            "swap": 512,
            "unprivileged": 1,
        })
        if g["status"] == "running":
            cfg["onboot"] = 1
    for key, value in g["disks"]:
        cfg[key] = value
    cfg.update(g["extra"])
    if g["desc"]:
        cfg["description"] = g["desc"]
    if g["tags"]:
        cfg["tags"] = g["tags"]
    if g["template"]:
        cfg["template"] = 1
    if g["lock"]:
        cfg["lock"] = g["lock"]
    if g["hastate"] or g["pool"] == "prod":
        cfg["protection"] = 1
    cfg["digest"] = sha1(json.dumps(cfg, sort_keys=True))
    return cfg


# --------------------------------------------------------------------------------------------
# Task history
# --------------------------------------------------------------------------------------------


class NodeTasks:
    def __init__(self, node):
        self.node = node
        self.tasks = []  # dicts with log
        self.last_pid = 1_000 + NODES[node]["nodeid"] * 7_000

    def add(self, start, ttype, tid, user, lines, end, status):
        t = {"node": self.node, "starttime": start, "type": ttype, "id": tid, "user": user,
             "endtime": end, "status": status, "_log": lines}
        self.tasks.append(t)
        return t

    def finalize(self):
        """Give every task its pid, pstart and UPID, in chronological order (pids grow)."""
        boot = NODES[self.node]["boot"]
        for t in sorted(self.tasks, key=lambda t: t["starttime"]):
            r = random.Random("%s%d%s" % (self.node, t["starttime"], t["type"]))
            self.last_pid += r.randint(900, 40_000)
            t["pid"] = self.last_pid
            t["pstart"] = (t["starttime"] - boot) * 100 + r.randint(0, 90)
            user = t["user"]
            t["upid"] = "UPID:%s:%08X:%08X:%08X:%s:%s:%s:" % (
                self.node, t["pid"], t["pstart"], t["starttime"], t["type"], t["id"], user)
            if "!" in user:
                t["user"], t["tokenid"] = user.split("!", 1)


def shell_quote(v):
    v = str(v)
    import re
    if re.fullmatch(r"[A-Za-z0-9_./:@,=+-]+", v):
        return v
    return "'" + v.replace("'", "'\"'\"'") + "'"


def property_string(obj):
    return ",".join("%s=%s" % (k, obj[k]) for k in sorted(obj))


def vzdump_cmdline(job, seed):
    """PVE::VZDump::Common::command_line of the parameters pvescheduler passes (hash order)."""
    skip = {"id", "type", "enabled", "schedule", "comment", "repeat-missed", "next-run", "vmid"}
    params = {k: v for k, v in job.items() if k not in skip}
    params["quiet"] = 1
    if "fleecing" in params:
        params["fleecing"] = property_string(params["fleecing"])
    if "prune-backups" in params:
        params["prune-backups"] = property_string(params["prune-backups"])
    if "exclude" in params:
        params["all"] = 1  # verify_vzdump_parameters sets it
    keys = sorted(params)
    random.Random(seed).shuffle(keys)
    cmd = "vzdump"
    if job.get("vmid"):
        cmd += " " + " ".join(split_list(job["vmid"]))
    for k in keys:
        cmd += " --%s %s" % (k, shell_quote(params[k]))
    return cmd


def retention_for(job):
    if "prune-backups" in job:
        keep = job["prune-backups"]
    else:
        st = next(s for s in STORAGES if s["storage"] == job["storage"])
        keep = dict(p.split("=") for p in st["prune-backups"].split(","))
    return ", ".join("%s=%s" % (k, keep[k]) for k in sorted(keep))


def fmt_size(n):
    for unit, f in (("TiB", 1024**4), ("GiB", GIB), ("MiB", MIB), ("KiB", 1024)):
        if n >= f:
            return "%.1f %s" % (n / f, unit)
    return "%d B" % n


def guest_backup_lines(g, job, node, t0, r, failure=None, warn=None):
    """Log lines of one guest's backup; returns (lines, end time)."""
    vmid, gtype = g["vmid"], g["type"]
    storage = job["storage"]
    st = next(s for s in STORAGES if s["storage"] == storage)
    pbs = st["type"] == "pbs"
    L = ["INFO: Starting Backup of VM %d (%s)" % (vmid, gtype),
         "INFO: Backup started at %s" % fmt_local(t0)]
    running = g["status"] == "running"
    L.append("INFO: status = %s" % ("running" if running else "stopped"))
    t = t0
    if failure and failure.startswith("CT is locked") or failure and failure.startswith("VM is locked"):
        L.append("ERROR: Backup of VM %d failed - %s" % (vmid, failure))
        L.append("INFO: Failed at %s" % fmt_local(t))
        return L, t
    vols = volumes(g)
    mode = job.get("mode", "snapshot") if running else "stop"
    gb_total = 0
    if gtype == "qemu":
        L.append("INFO: VM Name: %s" % g["name"] if g["name"] else "INFO: VM Name: ")
        for key, vol, inc, reason in vols:
            if inc:
                size = disk_size(g, key)
                gb_total += size_bytes(size)
                L.append("INFO: include disk '%s' '%s' %s" % (key, vol, size))
            else:
                L.append("INFO: exclude disk '%s' '%s' (%s)" % (key, vol, reason))
    else:
        L.append("INFO: CT Name: %s" % g["name"])
        for key, vol, inc, reason in vols:
            mp = "/" if key == "rootfs" else parse_prop(dict(g["disks"])[key])[1]["mp"]
            if inc:
                gb_total += size_bytes(disk_size(g, key))
                L.append("INFO: including mount point %s ('%s') in backup" % (key, mp))
            elif reason == "not a volume":
                L.append("INFO: excluding bind mount point %s ('%s') from backup (not a volume)" % (key, mp))
            else:
                L.append("INFO: excluding volume mount point %s ('%s') from backup (disabled)" % (key, mp))
    if g["template"] and gtype == "qemu":
        L.append("INFO: backup mode: stop")
    else:
        L.append("INFO: backup mode: %s" % mode)
    L.append("INFO: ionice priority: 7")
    btime = t0  # vzdump takes the archive time when it starts the guest
    t += r.randint(1, 2)
    if gtype == "lxc" and mode == "snapshot":
        L.append("INFO: create storage snapshot 'vzdump'")
        L.append('  Logical volume "snap_vm-%d-disk-0_vzdump" created.' % vmid)
    if pbs:
        group = ("vm/%d" if gtype == "qemu" else "ct/%d") % vmid
        L.append("INFO: creating Proxmox Backup Server archive '%s/%s'" % (group, fmt_iso_z(btime)))
    else:
        ext = ".vma.zst" if gtype == "qemu" else ".tar.zst"
        path = "%s/dump/vzdump-%s-%d-%s%s" % (st["path"], gtype, vmid, fmt_file(btime), ext)
        L.append("INFO: creating vzdump archive '%s'" % path)
    if failure:
        # the qmp 'backup' command of a running qemu guest failed
        t += r.randint(30, 90)
        L.append("ERROR: %s" % failure)
        L.append("INFO: aborting backup job")
        t += r.randint(5, 60)
        L.append("INFO: resuming VM again")
        L.append("ERROR: Backup of VM %d failed - %s" % (vmid, failure))
        L.append("INFO: Failed at %s" % fmt_local(t))
        return L, t
    if gtype == "qemu":
        if not running:
            L.append("INFO: starting kvm to execute backup task")
        L.append("INFO: started backup task '%s'" % uuid.UUID(int=r.getrandbits(128), version=4))
        if running:
            L.append("INFO: resuming VM again")
        if pbs:
            dirty = 0
            for key, vol, inc, reason in vols:
                if inc:
                    dsize = size_bytes(disk_size(g, key))
                    ddirty = int(dsize * r.uniform(0.005, 0.06)) if running else dsize
                    dirty += ddirty
                    L.append("INFO: %s: dirty-bitmap status: %s" % (
                        key, "OK (%s of %s dirty)" % (fmt_size(ddirty), fmt_size(dsize))
                        if running else "created new"))
            secs = max(2, dirty // (240 * MIB))
            if running:
                L.append("INFO: using fast incremental mode (dirty-bitmap), %s dirty of %s total"
                         % (fmt_size(dirty), fmt_size(gb_total)))
            L.append("INFO: 100%% (%s of %s) in %ds, read: %s/s, write: %s/s"
                     % (fmt_size(dirty), fmt_size(dirty), secs, fmt_size(dirty // secs), fmt_size(dirty // secs)))
            if running:
                L.append("INFO: backup was done incrementally, reused %s (%d%%)"
                         % (fmt_size(gb_total - dirty), 100 * (gb_total - dirty) // gb_total))
            else:
                L.append("INFO: backup is sparse: %s (%d%%) total zero data"
                         % (fmt_size(int(gb_total * 0.7)), 70))
            L.append("INFO: transferred %s in %d seconds (%s/s)"
                     % (fmt_size(dirty), secs, fmt_size(dirty // secs)))
            if not running:
                L.append("INFO: stopping kvm after backup task")
            t += secs + r.randint(2, 5)
        else:
            secs = max(20, gb_total // (280 * MIB))
            for pct in (25, 50, 75):
                L.append("INFO: %3d%% (%s of %s) in %ds, read: %s/s, write: %s/s"
                         % (pct, fmt_size(gb_total * pct // 100), fmt_size(gb_total), secs * pct // 100,
                            fmt_size(280 * MIB), fmt_size(230 * MIB)))
            L.append("INFO: 100%% (%s of %s) in %ds, read: %s/s, write: %s/s"
                     % (fmt_size(gb_total), fmt_size(gb_total), secs, fmt_size(280 * MIB), fmt_size(230 * MIB)))
            L.append("INFO: backup is sparse: %s (%d%%) total zero data" % (fmt_size(gb_total // 3), 33))
            L.append("INFO: transferred %s in %d seconds (%s/s)" % (fmt_size(gb_total), secs, fmt_size(280 * MIB)))
            t += secs + r.randint(3, 8)
            L.append("INFO: archive file size: %.2fGB" % (gb_total * r.uniform(0.12, 0.3) / 1e9))
    else:
        if pbs:
            L.append("INFO: set max number of entries in memory for file-based backups to 1048576")
            L.append("INFO: run: lxc-usernsexec -m u:0:100000:65536 -m g:0:100000:65536 -- "
                     "/usr/bin/proxmox-backup-client backup --crypt-mode=none "
                     "pct.conf:/var/tmp/vzdumptmp%d_%d/etc/vzdump/pct.conf root.pxar:/mnt/vzsnap0 "
                     "--include-dev /mnt/vzsnap0/./ --skip-lost-and-found --exclude=/tmp/?* "
                     "--exclude=/var/tmp/?* --exclude=/var/run/?*.pid --backup-type ct --backup-id %d "
                     "--backup-time %d --entries-max 1048576 --repository %s@%s:%s --ns %s"
                     % (r.randint(100000, 999999), vmid, vmid, btime, st["username"], st["server"],
                        st["datastore"], st["namespace"]))
            L.append("INFO: Starting backup: [%s]:ct/%d/%s" % (st["namespace"], vmid, fmt_iso_z(btime)))
            L.append("INFO: Client name: %s" % node)
            L.append("INFO: Starting backup protocol: %s" % fmt_ctime(btime + 1))
            L.append("INFO: Downloading previous manifest (%s)" % fmt_ctime(btime - 86400 + r.randint(-40, 40)))
            repo = "%s@%s:8007:%s" % (st["username"], st["server"], st["datastore"])
            L.append("INFO: Upload config file '/var/tmp/vzdumptmp_%d/etc/vzdump/pct.conf' to '%s' as pct.conf.blob"
                     % (vmid, repo))
            L.append("INFO: Upload directory '/mnt/vzsnap0' to '%s' as root.pxar.didx" % repo)
            used = int(gb_total * r.uniform(0.1, 0.5))
            changed = int(used * r.uniform(0.005, 0.05))
            secs = max(3, used // (400 * MIB))
            L.append("INFO: root.pxar: had to backup %s of %s (compressed %s) in %.2fs"
                     % (fmt_size(changed), fmt_size(used), fmt_size(changed // 4), secs + r.random()))
            L.append("INFO: root.pxar: average backup speed: %s/s" % fmt_size(changed // secs))
            L.append("INFO: root.pxar: backup was done incrementally, reused %s (%.1f%%)"
                     % (fmt_size(used - changed), 100.0 * (used - changed) / used))
            L.append("INFO: Uploaded backup catalog (%s)" % fmt_size(r.randint(50_000, 900_000)))
            L.append("INFO: Duration: %.2fs" % (secs + 1 + r.random()))
            t += secs + 2
            L.append("INFO: End Time: %s" % fmt_ctime(t))
        else:
            used = int(gb_total * r.uniform(0.1, 0.5))
            secs = max(10, used // (120 * MIB))
            t += secs
            L.append("INFO: Total bytes written: %d (%s, %s/s)" % (used, fmt_size(used), fmt_size(used // secs)))
            L.append("INFO: archive file size: %dMB" % (used * 0.35 / 1e6))
    if job.get("notes-template"):
        L.append("INFO: adding notes to backup")
    if gtype == "lxc" and mode == "snapshot":
        L.append("INFO: cleanup temporary 'vzdump' snapshot")
        L.append('  Logical volume "snap_vm-%d-disk-0_vzdump" successfully removed.' % vmid)
    L.append("INFO: prune older backups with retention: %s" % retention_for(job))
    if pbs:
        L.append("INFO: running 'proxmox-backup-client prune' for '%s'" % (("vm/%d" if gtype == "qemu" else "ct/%d") % vmid))
        n = 1 if r.random() < 0.7 else 0
    else:
        n = 1
        ext = ".vma.zst" if gtype == "qemu" else ".tar.zst"
        L.append("INFO: removing backup '%s:backup/vzdump-%s-%d-%s%s'"
                 % (storage, gtype, vmid, fmt_file(btime - 3 * 86400 - r.randint(0, 30)), ext))
    L.append("INFO: pruned %d backup(s)%s" % (n, " not covered by keep-retention policy" if n else ""))
    t += r.randint(1, 3)
    L.append("INFO: Finished Backup of VM %d (%s)" % (vmid, hms(t - t0)))
    L.append("INFO: Backup finished at %s" % fmt_local(t))
    if warn:
        L.append("WARN: %s" % warn)  # e.g. the task log upload to PBS, done after "finished"
    return L, t


def vzdump_run(nt, job, node, start, local, skip, failures=None, warnings=None, notify=True):
    """One node's run of a job. `local` includes nonexistent VMIDs (kept under '')."""
    failures = failures or {}
    warnings = warnings or {}
    r = random.Random("%s%s%d" % (job["id"], node, start))
    lines = ["INFO: starting new backup job: %s" % vzdump_cmdline(job, job["id"])]
    if skip:
        lines.append("INFO: skip external VMs: %s" % ", ".join(str(v) for v in sorted(skip)))
    t = start + r.randint(1, 2)
    errors = False
    nwarn = 0
    for vmid in sorted(local):
        if vmid not in GUEST:
            lines.append("ERROR: Backup of VM %d failed - unable to find VM '%d'" % (vmid, vmid))
            lines.append("INFO: Failed at %s" % fmt_local(t))
            errors = True
            continue
        gl, t = guest_backup_lines(GUEST[vmid], job, node, t, r, failures.get(vmid), warnings.get(vmid))
        if vmid in failures:
            errors = True
        if vmid in warnings:
            nwarn += 1
        lines += gl
        t += r.randint(1, 3)
    if errors:
        lines.append("INFO: Backup job finished with errors")
    else:
        lines.append("INFO: Backup job finished successfully")
    if notify and (errors or job.get("mailnotification", "always") == "always"):
        lines.append("INFO: notified via target `mail-to-root`")
    t += 1
    if errors:
        lines += ["", "TASK ERROR: job errors"]
        status = "job errors"
    elif nwarn:
        lines.append("TASK WARNINGS: %d" % nwarn)
        status = "WARNINGS: %d" % nwarn
    else:
        lines.append("TASK OK")
        status = "OK"
    real_local = [v for v in local if v in GUEST]
    orphans = [v for v in local if v not in GUEST]
    tid = str((real_local + orphans)[0]) if len(local) == 1 else ""
    return nt.add(start, "vzdump", tid, "root@pam", lines, t, status)


def job_groups(job, at=None):
    """included_guests, optionally with 113 on pve2 (before its migration on 2026-11-23 10:12)."""
    if at is not None and at < MIGRATION_113:
        GUEST[113]["node"] = "pve2"
        try:
            return included_guests(job)
        finally:
            GUEST[113]["node"] = "pve1"
    return included_guests(job)


MIGRATION_113 = ts(2026, 11, 23, 10, 12, 31)


def run_job_on_node(nt, job_id, node, start, **kw):
    job = JOB[job_id]
    if job.get("node") and job["node"] != node:
        return None  # pvescheduler only considers the job on its node
    groups = job_groups(job, start)
    local = sorted(groups.get(node, set()) | groups.get("", set()))
    skip = set()
    for n, s in groups.items():
        if n not in ("", node):
            skip |= s
    if not local and not job.get("all"):
        return None  # "silent exit if specified VMs run on other nodes": no task
    return vzdump_run(nt, job, node, start, local, skip, **kw)


def other_task(nt, start, ttype, tid, user, lines, dur, status="OK"):
    end = start + dur
    out = list(lines)
    if status == "OK":
        out.append("TASK OK")
    elif status.startswith("WARNINGS"):
        out.append("TASK " + status)
    elif status != "unexpected status":
        out.append("TASK ERROR: " + status)
    return nt.add(start, ttype, tid, user, out, end, status)


def build_history():
    hist = {n: NodeTasks(n) for n in ("pve1", "pve2")}
    p1, p2 = hist["pve1"], hist["pve2"]
    nights = [ts(2026, 11, d, 21, 0) for d in range(20, 27)]  # Fri 20 .. Thu 26
    mornings = [ts(2026, 11, d, 0, 0) for d in range(21, 28)]  # Sat 21 .. Fri 27
    for night in nights:
        day = dt.datetime.fromtimestamp(night, UTC).day
        f1, w1, f2 = {}, {}, {}
        if day == 26:
            f1[111] = "CT is locked (snapshot)"
        if day == 24:
            w1[112] = ("uploading backup task log failed: Error: http request timed out "
                       "(pbs1.example.lan:8007)")
        if day == 22:
            f2[201] = "VM 201 qmp command 'backup' failed - got timeout"
        run_job_on_node(p1, J_NIGHTLY, "pve1", night + 0, failures=f1, warnings=w1)
        run_job_on_node(p2, J_NIGHTLY, "pve2", night + 1, failures=f2)
    for m in mornings:
        wd = dt.datetime.fromtimestamp(m, UTC).strftime("%a")
        for node, nt in (("pve1", p1), ("pve2", p2)):
            run_job_on_node(nt, J_ERP, node, m + 3600 + (0 if node == "pve1" else 1))
            run_job_on_node(nt, J_POOL_DB, node, m + 7200 + (1 if node == "pve1" else 0))
            run_job_on_node(nt, J_NODE_PVE2, node, m + 3 * 3600 + 1)
            if wd == "Sat":
                run_job_on_node(nt, J_OFFSITE, node, m + 5400)
            if wd == "Sun":
                run_job_on_node(nt, J_POOL_PROD, node, m + 4 * 3600 + 1)
    # ---- other task types
    d = lambda day, h, mi, s=0: ts(2026, 11, day, h, mi, s)  # noqa: E731
    for day in range(20, 28):
        for node, nt in (("pve1", p1), ("pve2", p2)):
            start = d(day, 5, 12 if node == "pve1" else 41, 7 + day)
            if start < NOW:
                other_task(nt, start, "aptupdate", "", "root@pam", [
                    "starting apt-get update",
                    "Hit:1 http://apt.example.com/debian bookworm InRelease",
                    "Hit:2 http://apt.example.com/debian bookworm-updates InRelease",
                    "Hit:3 http://security.example.com bookworm-security InRelease",
                    "Hit:4 http://download.proxmox.com/debian/pve bookworm InRelease",
                    "Reading package lists...",
                ], 9 + day % 5)
    other_task(p1, d(20, 10, 3, 11), "vncproxy", "110", "alice@pve", [], 1840)
    other_task(p1, d(23, 14, 27, 40), "qmstart", "114", "root@pam", [
        "generating cloud-init ISO"], 3)
    other_task(p1, d(23, 14, 26, 55), "qmshutdown", "114", "root@pam", [], 41)
    other_task(p2, d(23, 10, 12, 31), "qmigrate", "113", "root@pam", [
        "2026-11-23 10:12:31 use dedicated network address for sending migration traffic (10.10.20.11)",
        "2026-11-23 10:12:32 starting migration of VM 113 to node 'pve1' (10.10.20.11)",
        "2026-11-23 10:12:32 found local disk 'local-lvm:vm-113-cloudinit' (attached)",
        "2026-11-23 10:12:32 found local disk 'local-lvm:vm-113-disk-0' (attached)",
        "2026-11-23 10:12:32 starting VM 113 on remote node 'pve1'",
        "2026-11-23 10:12:35 start remote tunnel",
        "2026-11-23 10:12:36 starting storage migration",
        "2026-11-23 10:12:36 scsi0: start migration to nbd:unix:/run/qemu-server/113_nbd.migrate:exportname=drive-scsi0",
        "drive mirror is starting for drive-scsi0",
        "drive-scsi0: transferred 80.0 GiB of 80.0 GiB (100.00%) in 1m 21s, ready",
        "all 'mirror' jobs are ready",
        "2026-11-23 10:13:58 starting online/live migration on unix:/run/qemu-server/113.migrate",
        "2026-11-23 10:14:02 migration status: completed",
        "2026-11-23 10:14:04 stopping NBD storage migration server on target.",
        "2026-11-23 10:14:05 migration finished successfully (duration 00:01:34)",
    ], 94)
    other_task(p2, d(24, 9, 2, 13), "vncproxy", "220", "alice@pve", [], 2710)
    other_task(p2, d(24, 9, 1, 58), "qmstart", "220", "alice@pve", [], 4)
    other_task(p2, d(24, 9, 48, 50), "qmshutdown", "220", "alice@pve", [], 38)
    other_task(p2, d(25, 16, 20, 2), "qmstart", "222", "automation@pve!ansible", [], 2)
    other_task(p2, d(25, 16, 51, 40), "qmstop", "222", "automation@pve!ansible", [], 3)
    other_task(p1, d(26, 16, 42, 9), "vzsnapshot", "111", "bob@pve", [
        "create storage snapshot 'pre-upgrade'",
    ], 7, status="unexpected status")
    other_task(p1, d(26, 16, 50, 12), "vncshell", "", "root@pam", [], 905)
    other_task(p2, d(26, 11, 5, 0), "vzstart", "223", "alice@pve", [], 2, status="startup for container '223' failed")
    for nt in hist.values():
        nt.finalize()
    return hist


# --------------------------------------------------------------------------------------------
# PBS part: the two Proxmox Backup Servers behind pbs-main and pbs-offsite
# --------------------------------------------------------------------------------------------
# Everything below is simulated from 2025-11-29 (offsite) / 2026-03-02 (store1) up to NOW: each
# backup adds a snapshot and (remove=1) is followed by PVE's per-guest prune with the job's (or
# the storage's) policy; PBS prune jobs and verify jobs run on their schedules in the PBS host's
# local time. The last week of pve1/pve2 backups is read back from the task logs generated above,
# so snapshot times equal the archive names in those logs.

PBS1, PBS2 = "pbs1.example.lan", "pbs2.example.lan"
NS = "pve-prod"
OTHER_NS = "other-cluster"
PBS_OWNER = {"pbs-main": "pve-prod@pbs!pve", "pbs-offsite": "pve-prod@pbs!offsite"}
OFFSITE_KEY_FP = fingerprint("offsite-key")
HIST_START = ts(2026, 3, 2)              # store1 history (nightly, prod/db, pve2-only jobs)
OFFSITE_START = ts(2025, 11, 29)         # first Saturday of the offsite job (100 only)
LOG_WINDOW = ts(2026, 11, 20, 21, 0)     # from here on pve1/pve2 runs come from the task logs
MIGRATION_210 = ts(2026, 10, 20, 10, 0)  # 210/211 moved from pve1 to pve2
# case 3: on 2026-10-10 a clean-up script meant for the old NAS share forgot every snapshot of ct/200
# taken from 2026-05-01 up to that day (the March and April ones survived)
DELETED_200 = (ts(2026, 10, 10, 10, 4, 12), ts(2026, 5, 1), ts(2026, 10, 10))
PVE3_LAST_RUN = ts(2026, 11, 24, 21, 0)  # pve3's last nightly (302 failed in it)
# After pve3's memory errors the admin verified the newest snapshot of each pve3 guest by hand
# (GUI "Verify" on the snapshot); 301's failed.
MANUAL_VERIFY = {301: (ts(2026, 11, 26, 9, 12, 40), "failed"), 302: (ts(2026, 11, 26, 9, 14, 5), "ok"),
                 303: (ts(2026, 11, 26, 9, 15, 51), "ok")}

# Guests that no longer exist (orphan groups) and when they appeared / disappeared.
ORPHANS = {
    150: q(150, "pve1", "crm-test", cores=2, mem=4096, disks=[("scsi0", lv(150, 0, "40G"))]),
    151: c(151, "pve2", "build-cache", cores=2, mem=2048, disks=[("rootfs", lv(151, 0, "20G"))]),
}
DELETED = {150: ts(2026, 9, 18, 9, 12), 151: ts(2026, 10, 30, 14, 40)}
CREATED = {210: ts(2026, 9, 30, 21, 30), 211: ts(2026, 9, 30, 21, 35), 212: ts(2026, 9, 30, 21, 40),
           9000: ts(2026, 10, 5, 12, 0)}
OFFSITE_SINCE = {100: OFFSITE_START, 101: ts(2026, 11, 7), 102: ts(2026, 11, 14)}
# case 2: test backups of 303 on pve3 while debugging a vzdump hook script before the node's shutdown,
# `vzdump 303 --storage pbs-main --prune-backups keep-all=1`: no PVE-side prune (and no backup limit)
MANUAL_303 = [ts(2026, 11, 25, h, m, s) for h, m, s in
              ((7, 10, 4), (8, 5, 31), (9, 20, 9), (10, 41, 45), (11, 55, 2), (12, 31, 40), (13, 10, 17))]
PROTECTED = {(204, dt.date(2026, 9, 30))}  # (vmid, UTC date of a nightly run): marked protected
PBS_PRUNE_JOBS = [
    {"id": "pve-prod-daily", "store": "store1", "ns": NS, "schedule": "06:15",
     "comment": "safety net for groups PVE does not prune (deleted guests, host backups)",
     "keep-last": 10, "keep-daily": 14, "keep-weekly": 8, "keep-monthly": 12},
    {"id": "other-cluster", "store": "store1", "ns": OTHER_NS, "schedule": "06:30",
     "comment": "retention of cluster pve-lab (its PVE storage has keep-all=1)",
     "keep-last": 2, "keep-daily": 7, "keep-weekly": 4},
]
VERIFY_JOB = {"id": "verify-pve-prod", "store": "store1", "ns": NS, "schedule": "thu *-*-01..07 05:00",
              "ignore-verified": True}  # first Thursday of each month; no outdated-after: verified once
MAIL_LEFT_NIGHTLY = ts(2026, 10, 1)  # 106 was in the nightly job (pbs-main) until then
PBS_BOOT = {PBS1: ts(2026, 10, 28, 8, 3, 11), PBS2: ts(2026, 9, 14, 16, 40, 2)}


_DST = {}


def eu_offset(epoch):
    """UTC offset of Europe/Paris (CET/CEST, EU rule: last Sunday of March/October at 01:00 UTC)."""
    y = dt.datetime.fromtimestamp(epoch, UTC).year
    if y not in _DST:
        def last_sunday(month):
            d = dt.date(y, month, calendar.monthrange(y, month)[1])
            d -= dt.timedelta(days=(d.weekday() + 1) % 7)
            return ts(d.year, d.month, d.day, 1, 0)
        _DST[y] = (last_sunday(3), last_sunday(10))
    start, end = _DST[y]
    return 7200 if start <= epoch < end else 3600


ZONES = {PBS1: ("Europe/Paris", eu_offset), PBS2: ("UTC", lambda e: 0)}


def local_dt(server, epoch):
    return dt.datetime.fromtimestamp(epoch + ZONES[server][1](epoch), UTC)


def local_to_utc(server, y, mo, d, h, mi):
    naive = ts(y, mo, d, h, mi)
    off = ZONES[server][1](naive - 3600)
    if ZONES[server][1](naive - off) != off:
        off = ZONES[server][1](naive - off)
    return naive - off


_BUCKETS = {}


def bucket_fn(option, server):
    f = _bucket_fn(option, server)

    def cached(s):
        k = (option, server, s["time"])
        if k not in _BUCKETS:
            _BUCKETS[k] = f(s)
        return _BUCKETS[k]
    return cached


def _bucket_fn(option, server):
    if option == "keep-last":
        return lambda s: str(s["time"])
    fmt = {"keep-hourly": "%Y/%m/%d/%H", "keep-daily": "%Y/%m/%d", "keep-monthly": "%Y/%m",
           "keep-yearly": "%Y"}
    if option == "keep-weekly":
        def week(s):
            iso = local_dt(server, s["time"]).isocalendar()
            return "%d/%02d" % (iso[0], iso[1])
        return week
    return lambda s: local_dt(server, s["time"]).strftime(fmt[option])


KEEP_ORDER = ("keep-last", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly", "keep-yearly")


def prune_marks(snaps, keep, server):
    """PBS compute_prune_info (reference section 3.2) in the server's zone. snaps: dicts with time,
    finished, protected. Returns {id(snapshot): mark}; marks keep/keep-partial/protected/remove."""
    lst = sorted(snaps, key=lambda s: -s["time"])
    mark = {}
    keep_unfinished = True
    for s in lst:
        if s["finished"]:
            keep_unfinished = False
        else:
            mark[id(s)] = "keep-partial" if keep_unfinished else "remove"
            keep_unfinished = False
    opts = {k: int(v) for k, v in keep.items() if k in KEEP_ORDER}
    if sum(opts.values()) <= 0:  # keeps_something() false: API and jobs keep everything
        return {id(s): mark.get(id(s), "keep") for s in lst}
    for option in KEEP_ORDER:
        if option not in opts:
            continue
        n, sel = opts[option], bucket_fn(option, server)
        already = {sel(s) for s in lst if mark.get(id(s)) == "keep"}
        chosen = set()
        for s in lst:
            if id(s) in mark:
                continue
            if s["protected"]:
                mark[id(s)] = "protected"
                continue
            b = sel(s)
            if b in already:
                continue
            if b not in chosen:
                if len(chosen) >= n:
                    break
                chosen.add(b)
                mark[id(s)] = "keep"
            else:
                mark[id(s)] = "remove"
    for s in lst:
        if s["protected"]:
            mark[id(s)] = "protected"
        mark.setdefault(id(s), "remove")
    return mark


def check_prune():
    """Hand cases from reference section 3 (and the upstream test ideas it describes)."""
    def snap(iso, finished=True, protected=False):
        t = int(dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M").replace(tzinfo=UTC).timestamp())
        return {"time": t, "finished": finished, "protected": protected, "n": iso}

    def kept(snaps, keep, server=PBS2):
        m = prune_marks(snaps, keep, server)
        return sorted(s["n"] for s in snaps if m[id(s)] != "remove")
    errors = []

    def expect(name, got, want):
        if got != sorted(want):
            errors.append("%s: kept %s, expected %s" % (name, got, sorted(want)))
    # keep-last=3 on 6-hourly backups covers today; keep-daily=2 takes the newest of the next two days
    six = [snap("2026-01-%02dT%02d:00" % (d, h)) for d in (1, 2, 3, 4) for h in (0, 6, 12, 18)]
    expect("last3+daily2", kept(six, {"keep-last": 3, "keep-daily": 2}),
           ["2026-01-04T18:00", "2026-01-04T12:00", "2026-01-04T06:00", "2026-01-03T18:00", "2026-01-02T18:00"])
    # protected newest: keep-last=1 still keeps the next-newest unprotected one
    p = [snap("2026-01-01T10:00"), snap("2026-01-01T11:00"), snap("2026-01-01T12:00", protected=True)]
    expect("protected last1", kept(p, {"keep-last": 1}), ["2026-01-01T11:00", "2026-01-01T12:00"])
    # keep-hourly=1: a protected 10:59 does not use up hour 10, so 10:49 is kept
    h = [snap("2026-01-01T10:39"), snap("2026-01-01T10:49"), snap("2026-01-01T10:59", protected=True)]
    expect("protected hourly", kept(h, {"keep-hourly": 1}), ["2026-01-01T10:49", "2026-01-01T10:59"])
    # incomplete: the newest unfinished is kept (keep-partial), an older one removed
    inc = [snap("2026-01-01T01:00"), snap("2026-01-02T01:00", finished=False), snap("2026-01-03T01:00"),
           snap("2026-01-04T01:00", finished=False)]
    expect("incomplete", kept(inc, {"keep-last": 1}), ["2026-01-03T01:00", "2026-01-04T01:00"])
    # remove marks are final: weekly takes Sun 2026-02-01 for ISO week 5 and removes Fri 2026-01-30
    # as the older duplicate of that week, so keep-monthly falls back to Thu 2026-01-22 for January
    wk = [snap("2026-01-22T01:00"), snap("2026-01-30T01:00"), snap("2026-02-01T01:00")]
    expect("remove final", kept(wk, {"keep-weekly": 1, "keep-monthly": 2}),
           ["2026-01-22T01:00", "2026-02-01T01:00"])
    # nothing to keep -> keep everything (the API special case)
    expect("keep all", kept(six[:3], {}), [s["n"] for s in six[:3]])
    # time zone: 22:30 UTC on 2026-07-01 is 00:30 on 2026-07-02 in Paris (CEST)
    tz = [snap("2026-07-01T21:00"), snap("2026-07-01T22:30")]
    expect("daily UTC", kept(tz, {"keep-daily": 2}, PBS2), ["2026-07-01T22:30"])
    expect("daily Paris", kept(tz, {"keep-daily": 2}, PBS1), ["2026-07-01T21:00", "2026-07-01T22:30"])
    # DST: 2026-10-25 is a Sunday; 00:30 UTC that day is 02:30 CEST, 01:30 UTC is 02:30 CET
    if (eu_offset(ts(2026, 10, 25, 0, 30)), eu_offset(ts(2026, 10, 25, 1, 30))) != (7200, 3600):
        errors.append("Europe/Paris DST rule")
    # ISO week: Sunday 2026-11-22 22:30 UTC is still Sunday in Paris (23:30 CET) -> week 47
    if bucket_fn("keep-weekly", PBS1)({"time": ts(2026, 11, 22, 22, 30)}) != "2026/47":
        errors.append("ISO week")
    if bucket_fn("keep-weekly", PBS1)({"time": ts(2026, 11, 22, 23, 30)}) != "2026/48":
        errors.append("ISO week (Monday 00:30 Paris)")
    if errors:
        raise SystemExit("prune implementation self-check failed:\n  " + "\n  ".join(errors))


def parse_keep(s):
    return {k: int(v) for k, v in (p.split("=") for p in s.split(","))}


def job_policy(job):
    """Effective PVE-side policy of a job run: job prune-backups > storage prune-backups."""
    if "prune-backups" in job:
        return {k: int(v) for k, v in job["prune-backups"].items()}
    st = next(s for s in STORAGES if s["storage"] == job["storage"])
    return parse_keep(st["prune-backups"])


def any_guest(vmid):
    return GUEST.get(vmid) or ORPHANS[vmid]


def group_of(vmid):
    return ("vm" if any_guest(vmid)["type"] == "qemu" else "ct", str(vmid))


class Store:
    def __init__(self, server, name):
        self.server, self.name = server, name
        self.groups = {}  # (ns, type, id) -> list of snapshot dicts

    def group(self, ns, btype, bid):
        return self.groups.setdefault((ns, btype, bid), [])

    def prune(self, key, keep):
        lst = self.groups.get(key, [])
        marks = prune_marks(lst, keep, self.server)
        removed = [s for s in lst if marks[id(s)] == "remove"]
        self.groups[key] = [s for s in lst if marks[id(s)] != "remove"]
        return removed


def pbs_rng(*parts):
    return random.Random("pbs:" + ":".join(str(p) for p in parts))


def ct_used(vmid, t):
    """Logical size of a container's root.pxar: included volumes' used bytes, slowly growing."""
    g = any_guest(vmid)
    total = sum(size_bytes(disk_size(g, k)) for k, _, inc, _ in volumes(g) if inc)
    r = pbs_rng("ctfill", vmid)
    fill = r.uniform(0.18, 0.55)
    growth = 1 + (t - HIST_START) / (365 * 86400) * r.uniform(0.02, 0.15)
    return int(total * fill * growth) + pbs_rng("ctjit", vmid, t).randint(0, 40 * MIB)


def snapshot_files(vmid, t, storage, used=None, log_uploaded=True):
    g = any_guest(vmid)
    r = pbs_rng("files", vmid, t, storage)
    enc = storage == "pbs-offsite"
    cm = "encrypt" if enc else "none"
    files = []
    if g["type"] == "qemu":
        files.append({"filename": "qemu-server.conf.blob", "crypt-mode": cm,
                      "size": pbs_rng("conf", vmid).randint(520, 980) + (48 if enc else 0)})
        for key, vol, inc, reason in volumes(g):
            if not inc:
                continue
            if key == "efidisk0":
                name, size = "drive-efidisk0.img.fidx", 540672
            elif key == "tpmstate0":
                name, size = "drive-tpmstate0-backup.img.fidx", 4 * MIB
            else:
                name, size = "drive-%s.img.fidx" % key, size_bytes(disk_size(g, key))
            files.append({"filename": name, "crypt-mode": cm, "size": size})
    else:
        files.append({"filename": "pct.conf.blob", "crypt-mode": cm,
                      "size": pbs_rng("conf", vmid).randint(380, 720) + (48 if enc else 0)})
        root = used if used is not None else ct_used(vmid, t)
        files.append({"filename": "root.pxar.didx", "crypt-mode": cm, "size": root})
        files.append({"filename": "catalog.pcat1.didx", "crypt-mode": cm,
                      "size": max(60_000, root // r.randint(9_000, 30_000))})
    files.append({"filename": "index.json.blob", "crypt-mode": "sign-only" if enc else "none",
                  "size": 180 + 130 * len(files) + r.randint(0, 90) + (120 if enc else 0)})
    if log_uploaded:
        files.append({"filename": "client.log.blob"})
    return files


def notes_for(job, vmid):
    tmpl = job.get("notes-template")
    if not tmpl:
        return None
    name = any_guest(vmid)["name"] or ""
    return tmpl.replace("{{guestname}}", name).replace("{{cluster}}", CLUSTER)


def parse_logged_runs(hist):
    """Backups of pve1/pve2 in the task-log window: [(job id, vmid, btime, ok, log uploaded, used)]."""
    import re
    cmd_to_job = {}
    for j in JOBS:
        if j.get("type") == "vzdump":
            cmd_to_job["INFO: starting new backup job: " + vzdump_cmdline(j, j["id"])] = j["id"]
    out = []
    for node, nt in hist.items():
        for t in nt.tasks:
            if t["type"] != "vzdump":
                continue
            jid = cmd_to_job.get(t["_log"][0])
            if jid is None or not JOB[jid]["storage"].startswith("pbs"):
                continue
            cur = None
            for line in t["_log"]:
                m = re.match(r"INFO: creating Proxmox Backup Server archive '(vm|ct)/(\d+)/([0-9TZ:-]+)'", line)
                if m:
                    bt = int(dt.datetime.strptime(m.group(3), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())
                    cur = {"job": jid, "vmid": int(m.group(2)), "time": bt, "ok": False, "log": True, "used": None}
                    continue
                m = re.match(r"INFO: root\.pxar: had to backup .* of ([0-9.]+) (KiB|MiB|GiB|TiB) ", line)
                if m and cur:
                    cur["used"] = int(float(m.group(1)) * {"KiB": 1024, "MiB": MIB, "GiB": GIB, "TiB": 1024 * GIB}[m.group(2)])
                    cur["used"] += pbs_rng("used", cur["vmid"], cur["time"]).randint(0, 50 * 1024 * 1024 // 1000)
                if cur and line.startswith("INFO: Finished Backup of VM %d" % cur["vmid"]):
                    cur["ok"] = True
                if cur and line.startswith("ERROR: Backup of VM %d failed" % cur["vmid"]):
                    out.append(cur)
                    cur = None
                    continue
                if cur and cur["ok"] and line.startswith("WARN: uploading backup task log failed"):
                    cur["log"] = False
                if cur and cur["ok"] and (line.startswith("INFO: Starting Backup of VM")
                                          or line.startswith("INFO: Backup job finished")):
                    out.append(cur)
                    cur = None
            if cur:
                out.append(cur)
    return out


def daily(start, end, h, mi, weekday=None):
    """UTC epochs of a PVE schedule (nodes run in UTC) between start and end."""
    d = dt.datetime.fromtimestamp(start, UTC).date()
    res = []
    while True:
        t = ts(d.year, d.month, d.day, h, mi)
        if t >= end:
            return res
        if t >= start and (weekday is None or d.weekday() == weekday):
            res.append(t)
        d += dt.timedelta(days=1)


def members_at(jid, t, node):
    """VMIDs a job's run on `node` at time t backs up (history of the demo cluster)."""
    job = JOB[jid]
    out = []
    if jid == J_NIGHTLY:
        excl = {int(x) for x in split_list(job["exclude"])}
        if t < MAIL_LEFT_NIGHTLY:
            excl.discard(106)
        cand = [g for g in GUESTS if g["vmid"] not in excl] + list(ORPHANS.values())
        for g in cand:
            vmid = g["vmid"]
            gnode = g["node"]
            if vmid in (210, 211) and t < MIGRATION_210:
                gnode = "pve1"
            if gnode != node or t < CREATED.get(vmid, 0) or t >= DELETED.get(vmid, NOW + 1):
                continue
            out.append(vmid)
    elif jid == J_POOL_DB:
        out = [g["vmid"] for g in GUESTS if g["pool"] == "prod/db" and g["node"] == node]
    elif jid == J_NODE_PVE2:
        if node == "pve2":
            out = [201] + ([113] if t < MIGRATION_113 else [])
    elif jid == J_WRONG_NODE:
        if node == "pve1" and t < MIGRATION_210:
            out = [v for v in (210, 211) if t >= CREATED[v]]
    elif jid == J_OFFSITE:
        if node == "pve1":
            out = [v for v in (100, 101, 102) if t >= OFFSITE_SINCE[v]]
    return sorted(out)


def synthetic_runs():
    """Backups before the task-log window (and pve3's, whose tasks cannot be read)."""
    runs = []

    def run(jid, node, start, vmids, fail=()):
        r = pbs_rng("run", jid, node, start)
        t = start + r.randint(1, 2)
        for vmid in vmids:
            g = any_guest(vmid)
            runs.append({"job": jid, "vmid": vmid, "time": t, "ok": vmid not in fail, "log": True, "used": None})
            big = sum(size_bytes(disk_size(g, k)) for k, _, inc, _ in volumes(g) if inc)
            full = g["status"] != "running" or g["type"] == "lxc"
            dur = (big // (380 * MIB) // (1 if g["type"] == "qemu" else 12)) if full else r.randint(15, 150)
            t += max(8, dur // (4 if full and g["type"] == "qemu" else 1)) + r.randint(3, 20)
    for node in ("pve1", "pve2", "pve3"):
        end = LOG_WINDOW if node != "pve3" else PVE3_LAST_RUN + 1
        for t in daily(HIST_START, end, 21, 0):
            run(J_NIGHTLY, node, t + (1 if node == "pve2" else 0), members_at(J_NIGHTLY, t, node),
                fail={302} if t == PVE3_LAST_RUN else ())
    for node in ("pve1", "pve2"):
        for t in daily(HIST_START, LOG_WINDOW, 2, 0):
            run(J_POOL_DB, node, t, members_at(J_POOL_DB, t, node))
        for t in daily(HIST_START, LOG_WINDOW, 3, 0):
            run(J_NODE_PVE2, node, t + 1, members_at(J_NODE_PVE2, t, node))
        for t in daily(ts(2026, 9, 30), LOG_WINDOW, 22, 0):
            run(J_WRONG_NODE, node, t, members_at(J_WRONG_NODE, t, node))
        for t in daily(OFFSITE_START, LOG_WINDOW, 1, 30, weekday=5):
            run(J_OFFSITE, node, t, members_at(J_OFFSITE, t, node))
    return runs


def local_schedule(server, start, end, h, mi, weekday=None):
    res = []
    d = dt.datetime.fromtimestamp(start, UTC).date() - dt.timedelta(days=1)
    while True:
        t = local_to_utc(server, d.year, d.month, d.day, h, mi)
        if t >= end:
            return res
        if t >= start and (weekday is None or d.weekday() == weekday):
            res.append(t)
        d += dt.timedelta(days=1)


OTHER_GUESTS = {("vm", "100"): ("sql01", 3 * 32 * GIB), ("vm", "104"): ("app-test", 48 * GIB),
                ("ct", "107"): ("dns-lab", None), ("ct", "200"): ("nfs-lab", None), ("vm", "120"): ("win-lab", 80 * GIB)}


def simulate(ideal=False):
    """Run the whole history. ideal=True: no hand deletion, no extra manual backups, no failures
    (used to check the retention cases against what the policies would have left)."""
    stores = {"pbs-main": Store(PBS1, "store1"), "pbs-offsite": Store(PBS2, "offsite")}
    s1 = stores["pbs-main"]
    events = []  # (time, order, kind, payload)
    hist = build_history()
    logged = parse_logged_runs(hist)
    for b in logged + synthetic_runs():
        if ideal:
            b = dict(b, ok=True)
        events.append((b["time"], 1, "backup", b))
    if not ideal:
        for t in MANUAL_303:
            events.append((t, 1, "backup", {"job": None, "vmid": 303, "time": t, "ok": True, "log": True,
                                            "used": None, "keep-all": True}))
        events.append((DELETED_200[0], 2, "forget200", None))
    for j in PBS_PRUNE_JOBS:
        hh, mm = map(int, j["schedule"].split(":"))
        for t in local_schedule(PBS1, HIST_START, NOW, hh, mm):
            events.append((t, 3, "prunejob", j))
    for t in local_schedule(PBS1, HIST_START, NOW, 5, 0, weekday=3):
        if local_dt(PBS1, t).day <= 7:
            events.append((t, 4, "verify", t))
    for vmid, (t, state) in MANUAL_VERIFY.items():
        events.append((t, 4, "mverify", (vmid, "ok" if ideal else state)))
    for t in local_schedule(PBS1, HIST_START, NOW, 7, 50):
        events.append((t, 1, "host", t))
    for t in local_schedule(PBS1, ts(2026, 6, 1), NOW, 23, 30):
        for key in OTHER_GUESTS:
            events.append((t + pbs_rng("oc", key, t).randint(5, 1500), 1, "other", (key, t)))
    events.sort(key=lambda e: (e[0], e[1], str(e[3].get("vmid") if isinstance(e[3], dict) else "")))
    verify_log = []
    prune_runs = {}
    for t, _, kind, p in events:
        if kind == "backup":
            jid, vmid = p["job"], p["vmid"]
            storage = JOB[jid]["storage"] if jid else "pbs-main"
            st = stores[storage]
            btype, bid = group_of(vmid)
            key = (NS, btype, bid)
            policy = {} if p.get("keep-all") else job_policy(JOB[jid])
            if not p["ok"]:
                continue  # PBS removes the snapshot of an aborted backup
            snap = {"time": p["time"], "finished": True, "protected": False, "vmid": vmid,
                    "storage": storage, "job": jid, "log": p["log"], "used": p["used"]}
            if jid == J_NIGHTLY and (vmid, dt.datetime.fromtimestamp(p["time"], UTC).date()) in PROTECTED:
                snap["protected"] = True
            st.group(*key).append(snap)
            if policy:  # keep-all: vzdump prunes nothing
                st.prune(key, policy)
        elif kind == "forget200":
            key = (NS, "ct", "200")
            s1.groups[key] = [s for s in s1.groups[key] if not DELETED_200[1] <= s["time"] < DELETED_200[2]]
        elif kind == "prunejob":
            prune_runs[p["id"]] = t
            for key in list(s1.groups):
                if key[0] == p["ns"]:
                    s1.prune(key, {k: v for k, v in p.items() if k in KEEP_ORDER})
        elif kind == "verify":
            upid = verify_upid(t, len(verify_log))
            verify_log.append(t)
            for key, lst in s1.groups.items():
                if key[0] != NS:
                    continue
                for s in lst:
                    if not s["finished"]:
                        continue
                    if s.get("verification"):
                        continue
                    s["verification"] = ("ok", t, upid)
        elif kind == "mverify":
            vmid, state = p
            newest = max((x for x in s1.groups[(NS,) + group_of(vmid)] if x["finished"]), key=lambda x: x["time"])
            r = pbs_rng("mverify", vmid)
            wid = "store1:%s:%s/%s/%08X" % ((NS,) + group_of(vmid) + (newest["time"],))
            newest["verification"] = (state, t, "UPID:pbs1:%08X:%08X:%08X:%08X:verify:%s:admin@pbs:" % (
                r.randint(0x800, 0xFFFF), (t - PBS_BOOT[PBS1]) * 100, r.randint(0x2000, 0x3000), t,
                systemd_escape(wid)))
        elif kind == "host":
            lst = s1.group(NS, "host", "fileserver01")
            lst.append({"time": t + pbs_rng("host", t).randint(2, 9), "finished": t + 900 < NOW,
                        "protected": False, "host": True})
        elif kind == "other":
            key, _ = p
            s1.group(OTHER_NS, *key).append({"time": t, "finished": True, "protected": False, "other": key})
    return {"stores": stores, "hist": hist, "prune_runs": prune_runs, "verify_runs": verify_log}


def verify_upid(t, n):
    r = pbs_rng("verify", t)
    wid = "store1:" + VERIFY_JOB["id"]
    return "UPID:pbs1:%08X:%08X:%08X:%08X:verificationjob:%s:root@pam:" % (
        r.randint(0x800, 0xFFFF), (t - PBS_BOOT[PBS1]) * 100 if t > PBS_BOOT[PBS1] else r.randint(10**5, 10**7),
        0x40 + n, t, systemd_escape(wid))


def systemd_escape(s):
    out = []
    for ch in s:
        if ch == "/":
            out.append("-")
        elif ch.isalnum() or ch in "_.":
            out.append(ch)
        else:
            out.append("\\x%02x" % ord(ch))
    return "".join(out)


PBS_CASES = {
    100: "1 + offsite since 2025-11-29 (weekly, encrypted; pbs2 runs no verify job, its pbs-main snapshots are verified)",
    106: "6: left the nightly job on 2026-10-01 (now weekly to NFS): old pbs-main group, no job targets it, last verified 2026-10-01 -> never_verified",
    101: "1 + offsite since 2026-11-07 (', 101' added to the offsite job by hand)",
    102: "1 + offsite since 2026-11-14 (';102' added to the offsite job by hand)",
    103: "two pbs-main jobs: nightly (storage policy) + 02:00 prod/db (keep-last=4,keep-daily=14, prunes the weekly/monthly ones)",
    104: "two pbs-main jobs: nightly (storage policy) + 02:00 prod/db (keep-last=4,keep-daily=14)",
    105: "only the 02:00 prod/db job (keep-last=4,keep-daily=14)",
    111: "last nightly failed (CT is locked): newest snapshot is the 2026-11-25 one",
    112: "the 2026-11-24 snapshot has no client.log.blob (log upload timed out, WARN in the task)",
    113: "not covered any more: last backed up by the pve2-only job on 2026-11-23 03:00 before its migration; only the PBS prune job touches the group",
    200: "3: too few - its snapshots of 2026-05-01..2026-10-09 were deleted by hand on 2026-10-10 (March/April kept) -> retention_mismatch",
    201: "nightly + 03:00 pve2-only job (two snapshots a day); no snapshot for the failed 2026-11-22 night",
    204: "two pbs-main jobs + 8: protected snapshot of 2026-09-30 (quarter close), kept forever",
    210: "created 2026-09-30; until 2026-10-20 also backed up at 22:00 UTC by the pve1-only job = 00:00 CEST the next day in Paris",
    211: "created 2026-09-30; until 2026-10-20 also backed up at 22:00 UTC by the pve1-only job = 00:00 CEST the next day in Paris",
    212: "created 2026-09-30",
    9000: "template built 2026-10-05",
    301: "pve3 (offline): newest snapshot 2026-11-24 failed verification (verified by hand on 2026-11-26) -> verification_failed",
    302: "7: pve3's vzdump failed for it on 2026-11-24, then the node went down: newest snapshot 2026-11-23 (3 days old) -> backup_overdue",
    303: "2: too many - 7 test backups with --prune-backups keep-all=1 on 2026-11-25, not pruned since (pve3 down) -> retention_mismatch",
}


def snapshot_item(s, server):
    """One /snapshots item (plus its "ns") for a simulated snapshot."""
    if s.get("host"):
        item = {"backup-type": "host", "backup-id": "fileserver01", "backup-time": s["time"]}
        if s["finished"]:
            r = pbs_rng("hostsize", s["time"])
            files = [{"filename": "etc.pxar.didx", "crypt-mode": "none", "size": 14_286_511 + r.randint(0, 300_000)},
                     {"filename": "srv.pxar.didx", "crypt-mode": "none",
                      "size": int(1.21 * 1024 * GIB + (s["time"] - HIST_START) * 9_000) + r.randint(0, GIB)},
                     {"filename": "catalog.pcat1.didx", "crypt-mode": "none", "size": 41_903_377 + r.randint(0, 2 * MIB)},
                     {"filename": "index.json.blob", "crypt-mode": "none", "size": 702 + r.randint(0, 60)}]
        else:
            files = [{"filename": "etc.pxar.didx"}, {"filename": "srv.pxar.didx"}]
        owner = "fileserver01@pbs!backup"
    elif s.get("other"):
        btype, bid = s["other"]
        name, vsize = OTHER_GUESTS[s["other"]]
        item = {"backup-type": btype, "backup-id": bid, "backup-time": s["time"], "comment": name}
        r = pbs_rng("oc", btype, bid, s["time"])
        if btype == "vm":
            files = [{"filename": "qemu-server.conf.blob", "crypt-mode": "none", "size": 600 + len(name)}]
            n = 3 if bid == "100" else 1
            files += [{"filename": "drive-scsi%d.img.fidx" % i, "crypt-mode": "none", "size": vsize // n}
                      for i in range(n)]
        else:
            used = (3 + int(bid) % 7) * GIB + r.randint(0, 200 * MIB)
            files = [{"filename": "pct.conf.blob", "crypt-mode": "none", "size": 512},
                     {"filename": "root.pxar.didx", "crypt-mode": "none", "size": used},
                     {"filename": "catalog.pcat1.didx", "crypt-mode": "none", "size": used // 15_000}]
        files += [{"filename": "index.json.blob", "crypt-mode": "none", "size": 500 + r.randint(0, 200)},
                  {"filename": "client.log.blob"}]
        owner = "pve-lab@pbs!pve"
    else:
        btype, bid = group_of(s["vmid"])
        item = {"backup-type": btype, "backup-id": bid, "backup-time": s["time"]}
        note = notes_for(JOB[s["job"]], s["vmid"]) if s["job"] else None
        if note:
            item["comment"] = note.split("\n")[0]
        if s.get("verification"):
            state, _, upid = s["verification"]
            item["verification"] = {"state": state, "upid": upid}
        if s["storage"] == "pbs-offsite":
            item["fingerprint"] = OFFSITE_KEY_FP
        files = snapshot_files(s["vmid"], s["time"], s["storage"], s["used"], s["log"])
        owner = PBS_OWNER[s["storage"]]
    if s.get("verification") and "verification" not in item:
        state, _, upid = s["verification"]
        item["verification"] = {"state": state, "upid": upid}
    item["files"] = files
    if s["finished"]:
        item["size"] = sum(f.get("size", 0) for f in files)
    item["owner"] = owner
    item["protected"] = bool(s["protected"])
    return item


DATASTORES = {  # server -> (store, comment, total, used fraction, PVE storage)
    PBS1: ("store1", "HDD RAIDZ2 pool - PVE clusters pve-prod and pve-lab", 31_997_506_355_200, 0.84, "pbs-main"),
    PBS2: ("offsite", "Offsite copy (client-side encrypted)", 23_998_129_766_400, 0.40, "pbs-offsite"),
}


def usage_history(server):
    """30 days of used/total every 1800 s, a slow climb with GC dips; and the least-squares full date."""
    store, _, total, frac, _ = DATASTORES[server]
    r = pbs_rng("hist", server)
    n = 1440
    start = NOW - n * 1800
    vals = []
    for i in range(n):
        x = frac - (0.045 if server == PBS1 else 0.012) * (n - 1 - i) / (n - 1)
        x += 0.0015 * math.sin(i / 48 * 2 * math.pi) + r.uniform(-0.0004, 0.0004)
        vals.append(round(min(frac, x) if i < n - 1 else frac, 6))
    if server == PBS1:
        for i in range(1, 4):
            vals[i] = None  # no RRD data while pbs1 rebooted (2026-10-28 07:30-08:30 UTC)
    pts = [(start + i * 1800, v) for i, v in enumerate(vals) if v is not None]
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    slope = sum((p[0] - mx) * (p[1] - my) for p in pts) / sum((p[0] - mx) ** 2 for p in pts)
    full = int(mx + (1.0 - my) / slope) if slope > 0 else 0
    return start, vals, full


def gc_status(server):
    store = DATASTORES[server][0]
    r = pbs_rng("gc", server)
    t = local_to_utc(server, 2026, 11, 27, 0, 0) if server == PBS1 else ts(2026, 11, 21, 6, 0)
    return {"upid": "UPID:%s:%08X:%08X:%08X:%08X:garbage_collection:%s:root@pam:" % (
        server.split(".")[0], r.randint(0x800, 0xFFFF), (t - PBS_BOOT[server]) * 100, r.randint(0x100, 0x900), t, store),
        "index-file-count": r.randint(1800, 2600), "index-data-bytes": r.randint(10**15, 3 * 10**15),
        "disk-bytes": int(DATASTORES[server][2] * DATASTORES[server][3] * 0.97), "disk-chunks": r.randint(4 * 10**6, 9 * 10**6),
        "removed-bytes": r.randint(10**10, 10**11), "removed-chunks": r.randint(5000, 40000),
        "pending-bytes": r.randint(10**8, 10**9), "pending-chunks": r.randint(40, 400),
        "removed-bad": 0, "still-bad": 0}


def generate_pbs(out_dir):
    """Write pbs/<server>/... and return the "pbs" part of the expected answers."""
    check_prune()
    sim = simulate()
    ideal = simulate(ideal=True)["stores"]
    stores = sim["stores"]
    pbs = os.path.join(out_dir, "pbs")
    for server in (PBS1, PBS2):
        base = os.path.join(pbs, server)
        store, comment, total, frac, sid = DATASTORES[server]
        zone = ZONES[server]
        dump(os.path.join(base, "version.json"), {"version": "3.2", "release": "4",
                                                  "repoid": "4940514b0f05d6cd6a5f711edfdd47c1fa41b537"})
        dump(os.path.join(base, "nodes", "localhost", "time.json"),
             {"timezone": zone[0], "time": NOW, "localtime": NOW + zone[1](NOW)})
        dump(os.path.join(base, "admin", "datastore.json"), [{"store": store, "comment": comment}])
        used = int(total * frac) // 4096 * 4096
        usage = {"total": total, "used": used, "avail": total - used}
        dump(os.path.join(base, "admin", "datastore", store, "status.json"), usage)
        hstart, hvals, full = usage_history(server)
        dump(os.path.join(base, "status", "datastore-usage.json"), [dict(
            {"store": store}, **usage, **{"history": hvals, "history-start": hstart, "history-delta": 1800,
                                          "estimated-full-date": full, "gc-status": gc_status(server)})])
        cfg = {"name": store, "path": "/mnt/datastore/" + store, "comment": comment,
               "gc-schedule": "daily" if server == PBS1 else "sat 06:00"}
        if server == PBS1:
            cfg.update({"notify": "gc=error,prune=error,sync=never,verify=error", "notify-user": "root@pam",
                        "notification-mode": "notification-system"})
        dump(os.path.join(base, "config", "datastore.json"), [cfg])
        dump(os.path.join(base, "access", "permissions.json"), {"/datastore": {"Datastore.Audit": True}})
        jobs, status = [], []
        if server == PBS1:
            for j in PBS_PRUNE_JOBS:
                jobs.append(dict(j))
                last = sim["prune_runs"][j["id"]]
                hh, mm = map(int, j["schedule"].split(":"))
                nxt = local_to_utc(server, 2026, 11, 28, hh, mm)
                r = pbs_rng("prune", j["id"])
                wid = "store1:" + j["ns"]
                e = dict(j)
                e.update({"next-run": nxt,
                          "last-run-upid": "UPID:pbs1:%08X:%08X:%08X:%08X:prunejob:%s:root@pam:" % (
                              r.randint(0x800, 0xFFFF), (last - PBS_BOOT[server]) * 100, r.randint(0x900, 0x2000),
                              last, systemd_escape(wid)),
                          "last-run-state": "OK", "last-run-endtime": last + r.randint(20, 90)})
                status.append(e)
        dump(os.path.join(base, "config", "prune.json"), jobs)
        dump(os.path.join(base, "admin", "prune.json"), status)
        # snapshots: groups in (pseudo) directory order, snapshots oldest first
        st = stores[sid]
        keys = sorted(st.groups)
        pbs_rng("order", server).shuffle(keys)
        items = []
        for key in keys:
            for s in sorted(st.groups[key], key=lambda s: s["time"]):
                item = snapshot_item(s, server)
                item["ns"] = key[0]
                items.append(item)
        dump(os.path.join(base, "admin", "datastore", store, "snapshots.json"), items)

    # ---- expected answers
    def finished(store, key):
        return [s for s in store.groups.get(key, []) if s["finished"]]
    exp_guests = {}
    table = []
    vmids = sorted({int(k[2]) for st in stores.values() for k in st.groups if k[0] == NS and k[1] in ("vm", "ct")})
    for vmid in vmids:
        if vmid not in GUEST:
            continue
        key = (NS,) + group_of(vmid)
        actual, ideal_n, newest = {}, {}, None
        for sid, st in stores.items():
            f = finished(st, key)
            if not f and key not in st.groups:
                continue
            actual[sid] = len(f)
            ideal_n[sid] = len(finished(ideal[sid], key))
            for s in f:
                if newest is None or s["time"] > newest["time"]:
                    newest = s
        exp_guests[str(vmid)] = {
            "actual_versions": actual,
            "last_backup_time": fmt_iso_z(newest["time"]),
            "last_backup_storage": newest["storage"],
            "verification": newest["verification"][0] if newest.get("verification") else None,
            "case": PBS_CASES.get(vmid, "1: retention as the policies leave it"),
        }
        table.append((vmid, actual, ideal_n))
    # self-checks of the deliberate cases against the same history without the incidents
    errors = []
    for vmid, actual, ideal_n in table:
        for sid in actual:
            d = actual[sid] - ideal_n[sid]
            if vmid == 303 and sid == "pbs-main":
                ok = d > 1
            elif vmid == 200 and sid == "pbs-main":
                ok = d < -1
            else:
                ok = abs(d) <= 1
            if not ok:
                errors.append("%d on %s: actual %d, policy-only history %d" % (vmid, sid, actual[sid], ideal_n[sid]))
    key200 = (NS, "ct", "200")
    if not min(s["time"] for s in stores["pbs-main"].groups[key200]) < \
            min(s["time"] for s in ideal["pbs-main"].groups[key200]) - 86400:
        errors.append("ct/200's oldest snapshot is not older than the policy's steady state")
    newest_302 = exp_guests["302"]["last_backup_time"]
    if not (NOW - 3 * 86400 - 12 * 3600 < iso_epoch(newest_302) < NOW - 3 * 86400):
        errors.append("302's newest snapshot is not ~3 days old: " + newest_302)
    if exp_guests["301"]["verification"] != "failed":
        errors.append("301's newest snapshot is not failed")
    if errors:
        raise SystemExit("PBS scenario self-check failed:\n  " + "\n  ".join(errors))

    orphans = []
    for vmid in sorted(ORPHANS):
        key = (NS,) + group_of(vmid)
        f = finished(stores["pbs-main"], key)
        orphans.append({"storage": "pbs-main", "datastore": "store1", "namespace": NS,
                        "group": "%s/%s" % key[1:], "snapshots": len(f),
                        "last_backup_time": fmt_iso_z(max(s["time"] for s in f)),
                        "subject": "storage/pbs-main"})
    host = stores["pbs-main"].groups[(NS, "host", "fileserver01")]
    other = sorted((k, len(v)) for k, v in stores["pbs-main"].groups.items() if k[0] == OTHER_NS)

    def subj(vmid):
        return ("vm/%d" if any_guest(vmid)["type"] == "qemu" else "ct/%d") % vmid
    anomalies = [{"kind": "backup_overdue", "subject": subj(302)},
                 {"kind": "verification_failed", "subject": subj(301)},
                 {"kind": "retention_mismatch", "subject": subj(200)},
                 {"kind": "retention_mismatch", "subject": subj(303)}]
    anomalies += [{"kind": "pbs_orphan_group", "subject": o["subject"]} for o in orphans]
    anomalies.append({"kind": "never_verified", "subject": subj(106)})
    may = [{"kind": "backup_overdue", "subject": subj(v),
            "why": "newest snapshot %s (pve3 offline since 2026-11-25)" % exp_guests[str(v)]["last_backup_time"]}
           for v in (301, 303)]
    may.insert(0, {"kind": "backup_overdue", "subject": subj(111),
                   "why": "its 2026-11-26 21:00 backup failed: newest snapshot %s" % exp_guests["111"]["last_backup_time"]})
    may.append({"kind": "storage_usage_high", "subject": "storage/pbs-main", "why": "store1 is 84 % used"})
    servers = {}
    for server in (PBS1, PBS2):
        store, _, total, frac, sid = DATASTORES[server]
        used = int(total * frac) // 4096 * 4096
        servers[server] = {"timezone": ZONES[server][0], "storage": sid, "datastore": store,
                           "total": total, "used": used, "avail": total - used,
                           "used_fraction": round(used / total, 4),
                           "prune_jobs": [j["id"] for j in PBS_PRUNE_JOBS] if server == PBS1 else []}
    return {
        "servers": servers,
        "guests": exp_guests,
        "orphan_groups": orphans,
        "ignored_groups": [
            {"storage": "pbs-main", "namespace": NS, "group": "host/fileserver01",
             "snapshots": sum(1 for s in host if s["finished"]), "in_progress": sum(1 for s in host if not s["finished"]),
             "why": "host backup, not a guest"}] + [
            {"datastore": "store1", "namespace": OTHER_NS, "group": "%s/%s" % k[1:], "snapshots": n,
             "why": "another cluster's namespace"} for k, n in other],
        "anomalies": anomalies,
        "may_report": may,
        "notes": [
            "pbs.guests.*.actual_versions counts finished snapshots of the guest's group (vm/<id> or ct/<id>) in "
            "the storage's datastore and namespace, protected ones included, unfinished ones excluded.",
            "last_backup_* and verification describe the newest finished snapshot over both PBS storages.",
            "pbs.anomalies must be present; pbs.may_report lists findings an implementation may or may not "
            "report depending on its thresholds.",
            "pbs1 runs in Europe/Paris: prune buckets there are Paris days/ISO weeks/months.",
        ],
    }


def iso_epoch(s):
    return int(dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def pbs_doc_table():
    sim = simulate()
    stores = sim["stores"]
    rows = ["| group | pbs-main (store1/pve-prod) | pbs-offsite (offsite/pve-prod) | newest | verification of newest |",
            "| --- | --- | --- | --- | --- |"]
    for vmid in sorted(set(GUEST) | set(ORPHANS)):
        key = (NS,) + group_of(vmid)
        cells, newest = [], None
        for sid in ("pbs-main", "pbs-offsite"):
            f = [s for s in stores[sid].groups.get(key, []) if s["finished"]]
            cells.append(str(len(f)) if f else "-")
            for s in f:
                if newest is None or s["time"] > newest["time"]:
                    newest = s
        if newest is None:
            continue
        v = newest.get("verification")
        rows.append("| %s/%s | %s | %s | %s | %s |" % (key[1], key[2], cells[0], cells[1], fmt_iso_z(newest["time"]),
                                                       v[0] if v else "never"))
    print("\n".join(rows))


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def dump(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def generate(out_dir, expected_file):
    not_backed_up = check_expected()
    pve = os.path.join(out_dir, "pve")
    dump(os.path.join(out_dir, "scenario.json"), {"name": "pve-prod demo", "now": fmt_iso_z(NOW)})
    dump(os.path.join(pve, "version.json"), {"version": "8.3.2", "release": "8.3", "repoid": "3e76eec21c4a14a7"})

    # cluster status / nodes
    status = [{"type": "cluster", "id": "cluster", "name": CLUSTER, "nodes": 3, "version": 9, "quorate": 1}]
    nodes = []
    for name, n in NODES.items():
        status.append({"type": "node", "id": "node/" + name, "name": name, "nodeid": n["nodeid"],
                       "ip": n["ip"], "local": 1 if name == "pve1" else 0,
                       "online": 1 if n["online"] else 0, "level": "c"})
        e = {"id": "node/" + name, "node": name, "type": "node",
             "status": "online" if n["online"] else "offline",
             "ssl_fingerprint": fingerprint("node-cert-" + name).upper()}
        if n["online"]:
            r = random.Random(name)
            e.update({"level": "c", "uptime": NOW - n["boot"], "cpu": round(r.uniform(0.02, 0.2), 6),
                      "maxcpu": n["maxcpu"], "mem": int(n["maxmem"] * r.uniform(0.3, 0.6)),
                      "maxmem": n["maxmem"], "disk": int(n["maxdisk"] * r.uniform(0.1, 0.3)),
                      "maxdisk": n["maxdisk"]})
        nodes.append(e)
    dump(os.path.join(pve, "cluster", "status.json"), status)
    dump(os.path.join(pve, "nodes.json"), nodes)
    # GET /nodes/{node}/time: the nodes run in UTC (schedules, task times and next-run line up).
    for name, n in NODES.items():
        if n["online"]:
            dump(os.path.join(pve, "nodes", name, "time.json"),
                 {"timezone": "UTC", "time": NOW, "localtime": NOW})

    # storages
    storage_list = []
    for s in STORAGES:
        e = dict(s)
        e["digest"] = STORAGE_DIGEST
        storage_list.append(e)
    dump(os.path.join(pve, "storage.json"), storage_list)

    # resources
    resources = []
    pool_members = {p["poolid"]: [] for p in POOLS}
    for g in GUESTS:
        if g["pool"]:
            pool_members[g["pool"]].append(g)
    for p in POOLS:
        running = [guest_stats(g) for g in pool_members[p["poolid"]]
                   if NODES[g["node"]]["online"] and g["status"] == "running"]
        resources.append({"id": "/pool/" + p["poolid"], "pool": p["poolid"], "type": "pool",
                          "maxcpu": sum(s["maxcpu"] for s in running),
                          "cpu": round(sum(s["cpu"] for s in running), 6),
                          "maxmem": sum(s["maxmem"] for s in running),
                          "mem": sum(s["mem"] for s in running),
                          "uptime": max([s["uptime"] for s in running] or [0])})
    for g in GUESTS:
        resources.append(guest_entry(g))
    for name, n in NODES.items():
        e = next(dict(x) for x in nodes if x["node"] == name)
        e.pop("ssl_fingerprint", None)
        if n["online"]:
            e["cgroup-mode"] = 2
        resources.append(e)
    storage_entries = {}
    for name, n in NODES.items():
        for s in STORAGES:
            if s.get("disable"):
                continue
            if s.get("nodes") and name not in s["nodes"].split(","):
                continue
            e = {"id": "storage/%s/%s" % (name, s["storage"]), "storage": s["storage"], "node": name,
                 "type": "storage", "plugintype": s["type"],
                 "status": "available" if n["online"] else "unknown",
                 "shared": s.get("shared", 0), "content": s["content"]}
            if n["online"]:
                u = STORAGE_USAGE[s["storage"]]
                used, total = u[name] if isinstance(u, dict) else u
                e["disk"], e["maxdisk"] = used, total
            resources.append(e)
            storage_entries[(name, s["storage"])] = e
    dump(os.path.join(pve, "cluster", "resources.json"), resources)

    # pools
    pools = []
    for p in POOLS:
        members = [guest_entry(g, for_pool=True) for g in sorted(pool_members[p["poolid"]], key=lambda g: g["vmid"])]
        for sid in POOL_STORAGE_MEMBERS.get(p["poolid"], []):
            members.append(dict(storage_entries[("pve1", sid)]))
        pools.append({"poolid": p["poolid"], "comment": p["comment"], "members": members})
    dump(os.path.join(pve, "pools.json"), pools)

    # jobs
    jobs = []
    for j in JOBS:
        e = dict(j)
        if j["id"] in NEXT_RUN:
            e["next-run"] = NEXT_RUN[j["id"]]
        jobs.append(e)
    dump(os.path.join(pve, "cluster", "backup.json"), jobs)

    # guest configs (online nodes only)
    for g in GUESTS:
        if NODES[g["node"]]["online"]:
            dump(os.path.join(pve, "nodes", g["node"], g["type"], str(g["vmid"]), "config.json"), guest_config(g))

    # not-backed-up
    nbu = []
    for vmid in not_backed_up:
        g = GUEST[vmid]
        e = {"vmid": vmid, "type": g["type"]}
        if g["name"]:
            e["name"] = g["name"]
        nbu.append(e)
    random.Random("nbu").shuffle(nbu)  # no particular order
    dump(os.path.join(pve, "cluster", "backup-info", "not-backed-up.json"), nbu)

    dump(os.path.join(pve, "access", "permissions.json"),
         {"/": {"Sys.Audit": 1, "VM.Audit": 1, "Datastore.Audit": 1, "Pool.Audit": 1}})

    # tasks
    hist = build_history()
    cluster_tasks = []
    for node, nt in hist.items():
        tasks = sorted(nt.tasks, key=lambda t: (t["endtime"], t["starttime"]), reverse=True)
        lst = []
        keys = ("upid", "node", "pid", "pstart", "starttime", "type", "id", "user", "tokenid",
                "endtime", "status")
        for t in tasks:
            item = {k: t[k] for k in keys if k in t}
            lst.append(item)
            fname = t["upid"].replace(":", "_") + ".log"
            write_text(os.path.join(pve, "nodes", node, "tasks", fname), "\n".join(t["_log"]) + "\n")
        dump(os.path.join(pve, "nodes", node, "tasks.json"), lst)
        for item in lst[:25]:
            ct = {k: item[k] for k in ("upid", "node", "starttime", "type", "id", "user", "endtime", "status")}
            if "tokenid" in item:
                ct["tokenid"] = item["tokenid"]
            ct["saved"] = "1"
            cluster_tasks.append(ct)
    dump(os.path.join(pve, "cluster", "tasks.json"), cluster_tasks)

    # expected answers
    exp_guests = {}
    for g in GUESTS:
        st, en, dis, case = EXPECTED[g["vmid"]]
        exp_guests[str(g["vmid"])] = {
            "status": st, "jobs": sorted(en), "disabled_jobs": sorted(dis), "case": case,
            "type": g["type"], "node": g["node"], "name": g["name"],
        }
        if g["vmid"] in EXCLUDED_VOLUMES:
            exp_guests[str(g["vmid"])]["excluded_volumes"] = EXCLUDED_VOLUMES[g["vmid"]]

    def subj(vmid):
        return ("vm/%d" if GUEST[vmid]["type"] == "qemu" else "ct/%d") % vmid

    anomalies = []
    for vmid in sorted(GUEST):
        if EXPECTED[vmid][0] == N:
            anomalies.append({"kind": "guest_not_backed_up", "subject": subj(vmid)})
    for vmid in sorted(GUEST):
        if EXPECTED[vmid][0] == N and EXPECTED[vmid][2]:
            anomalies.append({"kind": "guest_only_disabled_jobs", "subject": subj(vmid)})
    for jid in sorted([J_WRONG_NODE, J_EXCLUDE_ONLY, J_PVE9, LEGACY_ID]):
        anomalies.append({"kind": "job_includes_nothing", "subject": "job/" + jid})
    anomalies.append({"kind": "job_unknown_vmid", "subject": "job/" + J_ERP})
    anomalies.append({"kind": "job_unknown_node", "subject": "job/" + J_PVE9})
    anomalies.append({"kind": "job_storage_missing", "subject": "job/" + J_MISSING_STORAGE})
    anomalies.append({"kind": "job_storage_disabled", "subject": "job/" + J_DISABLED_STORAGE})
    # The legacy job's enabled value "" is Perl's false: a disabled job, not an uninterpretable one.
    anomalies.append({"kind": "job_uninterpretable", "subject": "job/" + J_BAD_SCHEDULE})
    for vmid in sorted(EXCLUDED_VOLUMES):
        anomalies.append({"kind": "volumes_excluded", "subject": subj(vmid)})
    for vmid in BACKUP_FAILED:
        anomalies.append({"kind": "backup_failed", "subject": subj(vmid)})
    for jid in sorted([J_LAB_DISABLED, LEGACY_ID]):
        anomalies.append({"kind": "job_disabled", "subject": "job/" + jid})

    expected = {
        "scenario": "scenarios/demo",
        "now": fmt_iso_z(NOW),
        "guests_total": len(GUESTS),
        "guests_scheduled": sum(1 for v in EXPECTED.values() if v[0] == S),
        "guests_not_backed_up": sum(1 for v in EXPECTED.values() if v[0] == N),
        "guests_undetermined": 0,
        "backup_jobs_total": len(JOBS),
        "guests": exp_guests,
        "not_backed_up_vmids": not_backed_up,
        "anomalies": anomalies,
        "notes": [
            "guests.*.jobs / disabled_jobs are sorted by job id (plain string order).",
            "anomalies lists what must be present; an implementation may report more "
            "(e.g. backup_failed for the nonexistent VMID 999). The legacy job's enabled value \"\" is "
            "Perl's false, so it is a disabled job.",
            "The legacy job " + LEGACY_ID + " includes nothing whatever its enabled value means, so no "
            "guest status depends on how that value is read.",
        ],
    }
    expected["pbs"] = generate_pbs(out_dir)
    os.makedirs(os.path.dirname(expected_file), exist_ok=True)
    dump(expected_file, expected)


def doc_tables():
    rows = ["| VMID | name | type | node | pool | expected status | jobs (enabled) | disabled jobs | why |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    short = {j["id"]: j["id"] if not j["id"].startswith("backup-") else j["id"] for j in JOBS}
    for g in GUESTS:
        st, en, dis, case = EXPECTED[g["vmid"]]
        rows.append("| %d | %s | %s%s | %s | %s | %s | %s | %s | %s |" % (
            g["vmid"], g["name"] or "*(none)*", g["type"], " (template)" if g["template"] else "",
            g["node"], g["pool"] or "", "`%s`" % st,
            ", ".join("`%s`" % short[j] for j in sorted(en)) or "-",
            ", ".join("`%s`" % short[j] for j in sorted(dis)) or "-", case))
    print("\n".join(rows))


# Files of scenarios/demo that are written by hand, not by this script.
HAND_WRITTEN = {"exceptions.toml"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--doc-tables", action="store_true")
    args = ap.parse_args()
    if args.doc_tables:
        check_expected()
        doc_tables()
        print()
        pbs_doc_table()
        return 0
    if args.check:
        tmp = tempfile.mkdtemp()
        try:
            generate(os.path.join(tmp, "demo"), os.path.join(tmp, "demo-expected.json"))
            cmp = filecmp.dircmp(os.path.join(tmp, "demo"), SCENARIO_DIR)
            diffs = []

            def walk(c, prefix=""):
                diffs.extend(prefix + x for x in c.left_only + c.right_only + c.diff_files
                             if prefix + x not in HAND_WRITTEN)
                for name, sub in c.subdirs.items():
                    walk(sub, prefix + name + "/")
            walk(cmp)
            if not filecmp.cmp(os.path.join(tmp, "demo-expected.json"), EXPECTED_FILE, shallow=False):
                diffs.append("tests/data/demo-expected.json")
            if diffs:
                print("out of date:\n  " + "\n  ".join(diffs))
                return 1
            print("scenario up to date")
            return 0
        finally:
            shutil.rmtree(tmp)
    check_expected()
    check_prune()
    for sub in ("pve", "pbs"):
        if os.path.isdir(os.path.join(SCENARIO_DIR, sub)):
            shutil.rmtree(os.path.join(SCENARIO_DIR, sub))
    generate(SCENARIO_DIR, EXPECTED_FILE)
    print("wrote", os.path.relpath(SCENARIO_DIR, ROOT), "and", os.path.relpath(EXPECTED_FILE, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
