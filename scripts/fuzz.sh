#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets (preset `fuzz`: clang++, ASan + UBSan) and runs each one
# for a bounded time. Fails (exit 1) when any target crashes, leaks, times out or runs out of
# memory; prints per target the executions and executions per second.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]      (default: 20 s, every target)
#
# Corpora, per target (the first one grows and is kept between local runs):
#   build/fuzz/corpus/<target>/            inputs libFuzzer found interesting
#   build/fuzz/seeds/<target>/             generated now from scenarios/demo and tests/data
#   fuzz/corpus/<target>/                  hand-picked seeds (committed)
#   tests/data/fuzz-regressions/<target>/  every input that once crashed (committed)
# A crash leaves its input in build/fuzz/artifacts/<target>/; commit it under
# tests/data/fuzz-regressions/<target>/ with the fix (tests/unit/fuzz replays that folder).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-20}
shift || true
case "$seconds" in '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [seconds-per-target] [target...]" >&2
    exit 2
    ;;
esac

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
echo "== build (fuzz)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

build=$root/build/fuzz
if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(sed -n '/^set(PVR_FUZZ_TARGETS$/,/)/p' fuzz/CMakeLists.txt | tr -s ' ()' '\n' |
        grep -v -e '^set$' -e '^PVR_FUZZ_TARGETS$' -e '^$')
fi

# --- seeds --------------------------------------------------------------------------------------
seeds=$build/seeds
rm -rf "$seeds"
byte() { printf "\\$(printf '%03o' "$1")"; }
# seed <target> <selector|-> : stdin becomes a seed, after the selector byte (none for "-").
seed() {
    local dir=$seeds/$1
    mkdir -p "$dir"
    { if [ "$2" != - ]; then byte "$2"; fi; cat; } >"$(mktemp "$dir/seed-XXXXXX")"
}
# A scenario file holds what `data` carries: wrap it in the answer's envelope.
envelope() { printf '{"data":'; cat "$1"; printf '}'; }
# A task log file as GET .../log answers it: [{"n":1,"t":"line"},...].
log_answer() {
    awk 'BEGIN { printf "{\"data\":[" }
         { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r");
           printf "%s{\"n\":%d,\"t\":\"%s\"}", (NR > 1 ? "," : ""), NR, $0 }
         END { printf "]}" }' "$1"
}
# grep that finds nothing is no error here
pick() { grep "$@" || true; }
pve=scenarios/demo/pve
pbs=scenarios/demo/pbs
data=tests/data/collect

# pve_cluster: selector = reader (see fuzz/pve_cluster.hpp).
envelope $pve/version.json | seed pve_cluster 0
seed pve_cluster 0 <$data/cluster/version.json
envelope $pve/cluster/status.json | seed pve_cluster 1
seed pve_cluster 1 <$data/cluster/cluster_status.json
envelope $pve/nodes.json | seed pve_cluster 2
seed pve_cluster 2 <$data/cluster/nodes.json
envelope $pve/cluster/resources.json | seed pve_cluster 3
seed pve_cluster 3 <$data/resources.json
seed pve_cluster 3 <$data/cluster/resources.json
envelope $pve/pools.json | seed pve_cluster 4
seed pve_cluster 4 <$data/cluster/pools.json
for f in $data/cluster/pool_prod*.json; do
    seed pve_cluster 5 <"$f"
    seed pve_cluster 6 <"$f"
done
envelope $pve/storage.json | seed pve_cluster 7
seed pve_cluster 7 <$data/storage.json
envelope $pve/access/permissions.json | seed pve_cluster 8
seed pve_cluster 8 <$data/cluster/permissions.json
envelope $pve/cluster/backup-info/not-backed-up.json | seed pve_cluster 9
seed pve_cluster 9 <$data/cluster/not_backed_up.json
for f in $pve/nodes/*/time.json; do envelope "$f" | seed pve_cluster 19; done

# pve_backup_jobs
envelope $pve/cluster/backup.json | seed pve_backup_jobs -
seed pve_backup_jobs - <$data/backup_jobs.json

# pve_guest_config: even = qemu, odd = lxc.
for f in $pve/nodes/*/qemu/*/config.json; do envelope "$f" | seed pve_guest_config 0; done
for f in $pve/nodes/*/lxc/*/config.json; do envelope "$f" | seed pve_guest_config 1; done
seed pve_guest_config 0 <$data/qemu_config.json
seed pve_guest_config 0 <$data/cluster/pve2_qemu_200.json
seed pve_guest_config 1 <$data/lxc_config.json

# pve_tasks: 0 task list, 1 task log answer, 2 plain log text.
for f in $pve/nodes/*/tasks.json $pve/cluster/tasks.json; do envelope "$f" | seed pve_tasks 0; done
for f in $data/cluster/*_tasks.json; do seed pve_tasks 0 <"$f"; done
for f in $pve/nodes/*/tasks/*vzdump*.log; do
    log_answer "$f" | seed pve_tasks 1
    seed pve_tasks 2 <"$f"
done
seed pve_tasks 1 <$data/vzdump_log.json

# pbs_json: selector = reader (see fuzz/pbs_json.hpp).
for host in $pbs/*; do
    envelope "$host/version.json" | seed pbs_json 0
    envelope "$host/nodes/localhost/time.json" | seed pbs_json 1
    envelope "$host/admin/datastore.json" | seed pbs_json 2
    envelope "$host/status/datastore-usage.json" | seed pbs_json 3
    for f in "$host"/admin/datastore/*/status.json; do envelope "$f" | seed pbs_json 4; done
    envelope "$host/admin/prune.json" | seed pbs_json 6
    envelope "$host/config/prune.json" | seed pbs_json 7
    envelope "$host/config/datastore.json" | seed pbs_json 8
done
seed pbs_json 0 <$data/pbs/version.json
seed pbs_json 1 <$data/pbs/time.json
seed pbs_json 2 <$data/pbs/datastores.json
seed pbs_json 3 <$data/pbs/datastore_usage.json
seed pbs_json 5 <$data/pbs/namespaces.json
seed pbs_json 6 <$data/pbs/admin_prune.json
seed pbs_json 8 <$data/pbs/config_datastore_legacy.json

# pbs_snapshots: even = root namespace. The demo listings are large: libFuzzer cuts them at -max_len.
# pbs_snapshot_stream: the same listings; the selector's upper bits vary the piece sizes.
for f in $pbs/*/admin/datastore/*/snapshots.json; do
    envelope "$f" | seed pbs_snapshots 0
    envelope "$f" | seed pbs_snapshot_stream 0
    envelope "$f" | seed pbs_snapshot_stream 6
done
for f in $data/pbs/snapshots_*.json; do
    seed pbs_snapshots 0 <"$f"
    seed pbs_snapshots 1 <"$f"
    seed pbs_snapshot_stream 1 <"$f"
    seed pbs_snapshot_stream 8 <"$f"
done

# property_string: drives and mount points (0), prune-backups (1, 3).
pick -ohE '"(ide|sata|scsi|virtio|efidisk|tpmstate|unused|mp|rootfs|net)[0-9]*": *"[^"]*"' \
    $pve/nodes/*/*/*/config.json $data/*_config.json | sed -E 's/^"[^"]*": *"//; s/"$//' | sort -u |
    while IFS= read -r value; do printf '%s' "$value" | seed property_string 0; done
pick -ohE '"prune-backups": *"[^"]*"' $pve/storage.json $data/storage.json | sed -E 's/^"[^"]*": *"//; s/"$//' |
    sort -u | while IFS= read -r value; do
    printf '%s' "$value" | seed property_string 1
    printf '%s' "$value" | seed property_string 3
done

# calendar_event: schedules of the scenarios (PVE parser), and the upstream test cases with their
# start time and zone (selector 3 * zone index: UTC, Europe/Paris, America/New_York, Lord_Howe).
pick -ohE '"(schedule|prune-schedule)": *"[^"]*"' $pve/cluster/backup.json $pbs/*/config/*.json $data/*.json |
    sed -E 's/^"[^"]*": *"//; s/"$//' | sort -u |
    while IFS= read -r value; do printf '%s' "$value" | seed calendar_event 1; done
pick -ohE '"expr": *"[^"]*", *"tz": *"[^"]*", *"last": *-?[0-9]+' tests/data/schedule/*.json |
    sed -E 's/^"expr": *"([^"]*)", *"tz": *"([^"]*)", *"last": *(-?[0-9]+)$/\2|\3|\1/' |
    while IFS='|' read -r tz last expr; do
        case "$tz" in Europe/Paris) s=3 ;; America/New_York) s=6 ;; Australia/Lord_Howe) s=9 ;; *) s=0 ;; esac
        printf '%s\n%s' "$expr" "$last" | seed calendar_event $s
    done
pick -ohE '"expr": *"[^"]*"' tests/data/schedule/*.json | sed -E 's/^"expr": *"//; s/"$//' | sort -u |
    while IFS= read -r value; do printf '%s' "$value" | seed calendar_event 0; done

# upid: PVE task lists, PBS verification and prune-job states.
pick -rohE 'UPID:[^"]*' $pve $pbs/*/admin $pbs/*/config $data | sort -u | awk 'NR <= 400' |
    while IFS= read -r value; do printf '%s' "$value" | seed upid -; done

# config: the documented example environments.
for f in .env.example packaging/env; do
    pick -E '^#? ?[A-Z][A-Z0-9_]*=' "$f" | sed -E 's/^# ?//' | seed config 0
    pick -E '^[A-Z][A-Z0-9_]*=' "$f" | seed config 1
done

# --- runs ---------------------------------------------------------------------------------------
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=()
summary=()
for target in "${targets[@]}"; do
    binary=$build/fuzz/fuzz_$target
    if [ ! -x "$binary" ]; then
        echo "fuzz.sh: no fuzz target '$target' ($binary)" >&2
        exit 2
    fi
    corpus=$build/corpus/$target
    artifacts=$build/artifacts/$target
    log=$build/logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$build/logs" "$seeds/$target"
    dirs=("$corpus" "$seeds/$target")
    for extra in fuzz/corpus/$target tests/data/fuzz-regressions/$target; do
        if [ -d "$extra" ]; then dirs+=("$extra"); fi
    done
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
        -artifact_prefix="$artifacts/")
    dict=fuzz/dict/$target.dict
    case "$target" in pve_* | pbs_*) dict=fuzz/dict/json.dict ;; esac
    if [ -f "$dict" ]; then options+=(-dict="$dict"); fi
    echo "== fuzz $target (${seconds}s)"
    status=0
    "$binary" "${options[@]}" "${dirs[@]}" >"$log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
    line=$(printf '%-18s %4ss %12s execs %8s exec/s %6s new units' "$target" "$seconds" "${execs:-?}" "${rate:-?}" \
        "${units:-?}")
    if [ "$status" -ne 0 ]; then
        line="$line  FAILED (exit $status)"
        failed+=("$target")
        echo "---- $log (end)"
        { grep -v '^#[0-9]' "$log" || true; } | tail -60
        echo "---- input(s): $(ls "$artifacts")"
    fi
    echo "$line"
    summary+=("$line")
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: ${failed[*]} failed; inputs in build/fuzz/artifacts/<target>/" >&2
    exit 1
fi
