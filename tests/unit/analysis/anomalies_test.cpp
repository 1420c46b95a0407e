// One case per anomaly kind (and the cases where it must stay silent).

#include "analysis/analyze.hpp"
#include "analysis/anomalies.hpp"
#include "fixtures.hpp"
#include "model/fact_kinds.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

namespace {

using namespace pvr::analysis;
using namespace pvr::analysis::test;
using pvr::model::Anomaly;
using pvr::model::Inventory;
using pvr::model::Severity;

void add_job(Inventory& inventory, pvr::model::BackupJob job) { inventory.jobs->push_back(std::move(job)); }

/// Every job-free guest would raise guest_not_backed_up: cover them all by default.
void cover_everything(Inventory& inventory) { add_job(inventory, JobBuilder("zz-all").all().schedule("21:00")); }

std::vector<Anomaly> anomalies_of(const std::function<void(Inventory&)>& setup) {
    auto inventory = make_inventory(upstream_guests());
    inventory.storages = {make_storage("pbs-main", "pbs"), make_storage("local")};
    setup(inventory);
    return analyze(inventory, {}).anomalies;
}

struct AnomalyCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    std::string kind;
    Severity severity;
    std::string subject;
    std::string message;
};

std::ostream& operator<<(std::ostream& os, const AnomalyCase& c) { return os << c.name; }

class AnomalyKind : public ::testing::TestWithParam<AnomalyCase> {};

TEST_P(AnomalyKind, IsRaised) {
    const auto& c = GetParam();
    const auto anomalies = anomalies_of(c.setup);
    const Anomaly* found = nullptr;
    for (const auto& anomaly : anomalies) {
        if (anomaly.kind == c.kind && anomaly.subject == c.subject) {
            found = &anomaly;
        }
    }
    ASSERT_NE(found, nullptr) << c.kind << " on " << c.subject << " not raised";
    EXPECT_EQ(found->severity, c.severity);
    EXPECT_EQ(found->message, c.message);
    // Its fact: the same kind, and a form the document stage words (model/fact_kinds.hpp).
    EXPECT_EQ(found->fact.kind, c.kind);
    const auto variant = found->fact.text("case").value_or("");
    EXPECT_TRUE(std::any_of(pvr::model::k_fact_forms.begin(), pvr::model::k_fact_forms.end(),
                            [&](const auto& form) { return form.kind == c.kind && form.variant == variant; }))
        << c.kind << " case " << variant << " is not in k_fact_forms";
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, AnomalyKind,
    ::testing::Values(
        AnomalyCase{"guest_not_backed_up", [](Inventory&) {}, "guest_not_backed_up", Severity::critical, "vm/100",
                    "VM 100 on node node1 is not backed up by any enabled job."},
        AnomalyCase{"guest_not_backed_up_container", [](Inventory& i) { i.guests[2].name = "db01"; },
                    "guest_not_backed_up", Severity::critical, "ct/112",
                    "CT 112 (db01) on node node1 is not backed up by any enabled job."},
        AnomalyCase{"guest_not_backed_up_template_is_warning", [](Inventory& i) { i.guests[0].is_template = true; },
                    "guest_not_backed_up", Severity::warning, "vm/100",
                    "template VM 100 on node node1 is not backed up by any enabled job."},
        AnomalyCase{"guest_not_backed_up_names_disabled_jobs",
                    [](Inventory& i) { add_job(i, JobBuilder("backup-1f0e").vmids({200}).disabled()); },
                    "guest_not_backed_up", Severity::critical, "vm/200",
                    "VM 200 on node node2 is not backed up by any enabled job (only the disabled job backup-1f0e "
                    "would include it)."},
        AnomalyCase{"guest_not_backed_up_explains_node_restriction",
                    [](Inventory& i) { add_job(i, JobBuilder("j").vmids({100, 200}).node("node2")); },
                    "guest_not_backed_up", Severity::critical, "vm/100",
                    "VM 100 on node node1 is not backed up by any enabled job (job j only runs on node node2 but the "
                    "guest is on node1)."},
        AnomalyCase{"guest_only_disabled_jobs",
                    [](Inventory& i) { add_job(i, JobBuilder("backup-1f0e").vmids({200}).disabled()); },
                    "guest_only_disabled_jobs", Severity::warning, "vm/200",
                    "VM 200 is only included by the disabled job backup-1f0e; enable it or add the guest to an "
                    "enabled job."},
        AnomalyCase{"job_disabled",
                    [](Inventory& i) {
                        i.guests[4].name = "app";
                        add_job(i, JobBuilder("backup-1f0e").vmids({200, 201}).storage("nfs-old").disabled());
                    },
                    "job_disabled", Severity::info, "job/backup-1f0e",
                    "Job backup-1f0e is disabled; it would back up VM 200 (app) and VM 201 to nfs-old."},
        AnomalyCase{"job_disabled_including_nothing",
                    [](Inventory& i) { add_job(i, JobBuilder("off").disabled()); }, "job_disabled", Severity::info,
                    "job/off", "Job off (no guest selection) is disabled and would back up no guest."},
        AnomalyCase{"job_includes_nothing_exclude_without_all",
                    [](Inventory& i) { add_job(i, JobBuilder("j").exclude({100}).schedule("21:00")); },
                    "job_includes_nothing", Severity::warning, "job/j",
                    "Job j includes no existing guest: it has exclude 100 without all, which Proxmox VE counts as "
                    "selecting nothing (a manual run would back up every other guest)."},
        AnomalyCase{"job_includes_nothing_node_restriction",
                    [](Inventory& i) { add_job(i, JobBuilder("j").vmids({201, 212}).node("node1")); },
                    "job_includes_nothing", Severity::warning, "job/j",
                    "Job j includes no existing guest: it only runs on node node1 but its guests live elsewhere "
                    "(VM 201 on node2 and CT 212 on node2)."},
        AnomalyCase{"job_includes_nothing_empty_pool",
                    [](Inventory& i) {
                        i.pools["empty"] = make_pool("empty", std::vector<std::int64_t>{});
                        add_job(i, JobBuilder("j").pool("empty"));
                    },
                    "job_includes_nothing", Severity::warning, "job/j",
                    "Job j includes no existing guest: pool empty has no existing guest as direct member."},
        AnomalyCase{"job_includes_nothing_disabled_job", [](Inventory& i) { add_job(i, JobBuilder("j").disabled()); },
                    "job_includes_nothing", Severity::warning, "job/j",
                    "Job j includes no existing guest: it selects no pool, no VMID and not all guests."},
        AnomalyCase{"job_includes_nothing_only_unknown_vmids",
                    [](Inventory& i) { add_job(i, JobBuilder("j").vmids({7654})); }, "job_includes_nothing",
                    Severity::warning, "job/j", "Job j includes no existing guest: none of the VMIDs it names exists."},
        AnomalyCase{"job_unknown_vmid", [](Inventory& i) { add_job(i, JobBuilder("j").vmids({100, 7654})); },
                    "job_unknown_vmid", Severity::warning, "job/j",
                    "Job j names a VMID that does not exist (7654); each run reports an error for it on every node."},
        AnomalyCase{"job_unknown_vmid_with_node",
                    [](Inventory& i) { add_job(i, JobBuilder("j").vmids({7654, 7655}).node("node2")); },
                    "job_unknown_vmid", Severity::warning, "job/j",
                    "Job j names VMIDs that do not exist (7654, 7655); each run reports an error for them on node "
                    "node2."},
        AnomalyCase{"job_unknown_node", [](Inventory& i) { add_job(i, JobBuilder("j").all().node("pve9")); },
                    "job_unknown_node", Severity::warning, "job/j",
                    "Job j is restricted to node pve9, which is not a node of this cluster; it never runs."},
        AnomalyCase{"job_pool_unknown", [](Inventory& i) { add_job(i, JobBuilder("j").pool("gone")); },
                    "job_pool_unknown", Severity::critical, "job/j",
                    "Job j selects pool gone, which was not found (deleted, or not visible to the API token); its "
                    "runs fail and Proxmox VE's not-backed-up check returns an error."},
        AnomalyCase{"job_storage_missing_enabled_is_critical",
                    [](Inventory& i) { add_job(i, JobBuilder("j").all().storage("nfs-gone")); }, "job_storage_missing",
                    Severity::critical, "job/j",
                    "Job j writes to storage nfs-gone, which does not exist (or is not visible to the API token); its "
                    "runs fail."},
        AnomalyCase{"job_storage_missing_disabled_is_warning",
                    [](Inventory& i) {
                        cover_everything(i);
                        add_job(i, JobBuilder("j").all().storage("nfs-gone").disabled());
                    },
                    "job_storage_missing", Severity::warning, "job/j",
                    "Job j writes to storage nfs-gone, which does not exist (or is not visible to the API token); its "
                    "runs fail."},
        AnomalyCase{"job_storage_disabled",
                    [](Inventory& i) {
                        i.storages[1].enabled = false;
                        add_job(i, JobBuilder("j").all().storage("local"));
                    },
                    "job_storage_disabled", Severity::critical, "job/j",
                    "Job j writes to storage local, which is disabled; its runs fail."},
        AnomalyCase{"job_storage_not_on_job_node",
                    [](Inventory& i) {
                        i.storages[1].nodes = std::set<std::string>{"node1"};
                        add_job(i, JobBuilder("j").all().node("node2").storage("local"));
                    },
                    "job_storage_disabled", Severity::critical, "job/j",
                    "Job j runs on node node2, where storage local is not available; its runs fail."},
        AnomalyCase{"job_storage_not_on_guest_nodes",
                    [](Inventory& i) {
                        i.storages[1].nodes = std::set<std::string>{"node1"};
                        add_job(i, JobBuilder("j").vmids({100, 200, 212}).storage("local"));
                    },
                    "job_storage_disabled", Severity::critical, "job/j",
                    "Storage local of job j is not available on node node2, so the backups of VM 200 and CT 212 on "
                    "node2 fail."},
        AnomalyCase{"job_uninterpretable",
                    [](Inventory& i) { add_job(i, JobBuilder("j").all().problem("vmid: 'abc' is not a VMID")); },
                    "job_uninterpretable", Severity::warning, "job/j",
                    "Job j has a setting that could not be interpreted (vmid: 'abc' is not a VMID); the analysis "
                    "ignores it."},
        AnomalyCase{"job_no_schedule", [](Inventory& i) { add_job(i, JobBuilder("j").all()); }, "job_no_schedule",
                    Severity::warning, "job/j", "Job j has no schedule; it never runs automatically."},
        AnomalyCase{"volumes_excluded",
                    [](Inventory& i) {
                        cover_everything(i);
                        auto& guest = i.guests[0];
                        guest.name = "web01";
                        guest.config_collected = true;
                        guest.volumes = {{"scsi0", "local-lvm:vm-100-disk-0", true, "backup=yes"},
                                         {"scsi1", "local-lvm:vm-100-disk-1", false, "backup=0"},
                                         {"efidisk0", "local-lvm:vm-100-disk-2", false, "efidisk but no OVMF BIOS"}};
                    },
                    "volumes_excluded", Severity::warning, "vm/100",
                    "VM 100 (web01) is backed up without volumes scsi1 (backup=0) and efidisk0 (efidisk but no OVMF "
                    "BIOS)."},
        AnomalyCase{"volumes_excluded_container_mount_point",
                    [](Inventory& i) {
                        cover_everything(i);
                        auto& guest = i.guests[2];
                        guest.config_collected = true;
                        guest.volumes = {{"rootfs", "local-zfs:subvol-112-disk-0", true, "rootfs"},
                                         {"mp0", "local-zfs:subvol-112-disk-1", false, "mount point without backup=1"}};
                    },
                    "volumes_excluded", Severity::warning, "ct/112",
                    "CT 112 is backed up without volume mp0 (mount point without backup=1)."},
        AnomalyCase{"backup_failed",
                    [](Inventory& i) {
                        cover_everything(i);
                        pvr::model::GuestBackupResult result;
                        result.vmid = 100;
                        result.node = "node1";
                        result.time = 1795744800; // 2026-11-27T02:00:00Z
                        result.outcome = pvr::model::BackupOutcome::failed;
                        result.error = "VM is locked (backup)";
                        i.last_results[100] = result;
                    },
                    "backup_failed", Severity::critical, "vm/100",
                    "The last backup of VM 100 on node node1 at 2026-11-27T02:00:00Z failed: VM is locked (backup)."},
        AnomalyCase{"not_backed_up_mismatch_pve_lists_included_guest",
                    [](Inventory& i) {
                        cover_everything(i);
                        i.not_backed_up = std::vector<pvr::model::NotBackedUpItem>{{100, "qemu", std::nullopt}};
                    },
                    "not_backed_up_mismatch", Severity::warning, "vm/100",
                    "Proxmox VE lists VM 100 as not backed up, but job zz-all includes it."},
        AnomalyCase{"not_backed_up_mismatch_pve_omits_uncovered_guest",
                    [](Inventory& i) {
                        add_job(i, JobBuilder("j").all().exclude({100}).schedule("21:00"));
                        i.not_backed_up = std::vector<pvr::model::NotBackedUpItem>{};
                    },
                    "not_backed_up_mismatch", Severity::warning, "vm/100",
                    "Proxmox VE does not list VM 100 as not backed up, but no backup job (enabled or disabled) "
                    "includes it."},
        AnomalyCase{"not_backed_up_mismatch_unknown_guest",
                    [](Inventory& i) {
                        cover_everything(i);
                        i.not_backed_up = std::vector<pvr::model::NotBackedUpItem>{{131, "lxc", "scratch"}};
                    },
                    "not_backed_up_mismatch", Severity::warning, "ct/131",
                    "Proxmox VE lists CT 131 (scratch) as not backed up, but it is not among the collected guests."}),
    CaseName());

struct SilenceCase {
    std::string name;
    std::function<void(Inventory&)> setup;
    std::string kind;
};

std::ostream& operator<<(std::ostream& os, const SilenceCase& c) { return os << c.name; }

class AnomalySilent : public ::testing::TestWithParam<SilenceCase> {};

TEST_P(AnomalySilent, IsNotRaised) {
    const auto& c = GetParam();
    for (const auto& anomaly : anomalies_of(c.setup)) {
        EXPECT_NE(anomaly.kind, c.kind) << anomaly.subject << ": " << anomaly.message;
    }
}

pvr::model::NotBackedUpItem item(std::int64_t vmid) { return {vmid, "qemu", std::nullopt}; }

INSTANTIATE_TEST_SUITE_P(
    Kinds, AnomalySilent,
    ::testing::Values(
        SilenceCase{"covered_guests_not_reported", cover_everything, "guest_not_backed_up"},
        SilenceCase{"undetermined_guests_not_reported_as_not_backed_up", [](Inventory& i) { i.jobs = std::nullopt; },
                    "guest_not_backed_up"},
        SilenceCase{"storage_not_checked_when_storages_not_collected",
                    [](Inventory& i) {
                        i.storages_collected = false;
                        i.storages.clear();
                        add_job(i, JobBuilder("j").all().storage("pbs-main").schedule("21:00"));
                    },
                    "job_storage_missing"},
        SilenceCase{"job_without_storage_uses_default",
                    [](Inventory& i) { add_job(i, JobBuilder("j").all().schedule("21:00")); }, "job_storage_missing"},
        SilenceCase{"storage_on_all_nodes_available",
                    [](Inventory& i) { add_job(i, JobBuilder("j").all().storage("pbs-main")); },
                    "job_storage_disabled"},
        SilenceCase{"disabled_job_has_no_schedule_warning",
                    [](Inventory& i) {
                        cover_everything(i);
                        add_job(i, JobBuilder("off").all().disabled());
                    },
                    "job_no_schedule"},
        SilenceCase{"undetermined_job_not_said_to_include_nothing",
                    [](Inventory& i) {
                        i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                        add_job(i, JobBuilder("backup-77c1").pool("prod/db"));
                    },
                    "job_includes_nothing"},
        SilenceCase{"unknown_node_not_checked_without_node_list",
                    [](Inventory& i) {
                        i.cluster.nodes.clear();
                        add_job(i, JobBuilder("j").all().node("pve9"));
                    },
                    "job_unknown_node"},
        SilenceCase{"volumes_of_uncovered_guest_not_reported",
                    [](Inventory& i) {
                        i.guests[0].config_collected = true;
                        i.guests[0].volumes = {{"scsi1", "x", false, "backup=0"}};
                    },
                    "volumes_excluded"},
        SilenceCase{"volumes_of_disabled_only_guest_not_reported",
                    [](Inventory& i) {
                        add_job(i, JobBuilder("off").vmids({100}).disabled());
                        i.guests[0].config_collected = true;
                        i.guests[0].volumes = {{"scsi1", "x", false, "backup=0"}};
                    },
                    "volumes_excluded"},
        SilenceCase{"successful_backup_not_reported",
                    [](Inventory& i) {
                        cover_everything(i);
                        i.last_results[100] = {
                            100,          "node1", 1795744800, std::nullopt, pvr::model::BackupOutcome::ok,
                            std::nullopt, "UPID"};
                    },
                    "backup_failed"},
        SilenceCase{"mismatch_skipped_without_pve_answer", [](Inventory&) {}, "not_backed_up_mismatch"},
        SilenceCase{"mismatch_disabled_job_explains_pve_answer",
                    [](Inventory& i) {
                        add_job(i, JobBuilder("off").vmids({100}).disabled());
                        std::vector<pvr::model::NotBackedUpItem> listed;
                        for (const auto& guest : i.guests) {
                            if (guest.vmid != 100) {
                                listed.push_back(item(guest.vmid));
                            }
                        }
                        i.not_backed_up = listed;
                    },
                    "not_backed_up_mismatch"},
        SilenceCase{"mismatch_agrees_on_node_restriction",
                    [](Inventory& i) {
                        add_job(i, JobBuilder("j").vmids({100, 200}).node("node2").schedule("21:00"));
                        std::vector<pvr::model::NotBackedUpItem> listed;
                        for (const auto& guest : i.guests) {
                            if (guest.vmid != 200) {
                                listed.push_back(item(guest.vmid));
                            }
                        }
                        i.not_backed_up = listed;
                    },
                    "not_backed_up_mismatch"},
        SilenceCase{"mismatch_skipped_when_undetermined",
                    [](Inventory& i) {
                        i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                        add_job(i, JobBuilder("backup-77c1").pool("prod/db").schedule("21:00"));
                        i.not_backed_up = std::vector<pvr::model::NotBackedUpItem>{};
                    },
                    "not_backed_up_mismatch"},
        SilenceCase{"mismatch_skipped_when_disabled_job_undetermined",
                    [](Inventory& i) {
                        i.pools["prod/db"] = make_pool("prod/db", std::nullopt);
                        add_job(i, JobBuilder("off").pool("prod/db").disabled());
                        i.not_backed_up = std::vector<pvr::model::NotBackedUpItem>{};
                    },
                    "not_backed_up_mismatch"},
        SilenceCase{"mismatch_skipped_when_jobs_unavailable",
                    [](Inventory& i) {
                        i.jobs = std::nullopt;
                        i.not_backed_up = std::vector<pvr::model::NotBackedUpItem>{};
                    },
                    "not_backed_up_mismatch"}),
    CaseName());

TEST(AnomalyOrder, CriticalThenWarningThenInfoThenKindThenSubject) {
    std::vector<Anomaly> anomalies{{"job_disabled", Severity::info, "job/a", "m"},
                                   {"guest_not_backed_up", Severity::warning, "vm/9000", "m"},
                                   {"guest_not_backed_up", Severity::critical, "vm/101", "m"},
                                   {"backup_failed", Severity::critical, "vm/102", "m"},
                                   {"guest_not_backed_up", Severity::critical, "ct/103", "m"}};
    sort_anomalies(anomalies);
    std::vector<std::string> order;
    for (const auto& anomaly : anomalies) {
        order.push_back(anomaly.kind + " " + anomaly.subject);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"backup_failed vm/102", "guest_not_backed_up ct/103",
                                               "guest_not_backed_up vm/101", "guest_not_backed_up vm/9000",
                                               "job_disabled job/a"}));
}

TEST(AnomalyOrder, AnalyzeReturnsSortedAnomalies) {
    const auto anomalies = anomalies_of([](Inventory& i) {
        add_job(i, JobBuilder("off").vmids({100}).disabled());
        add_job(i, JobBuilder("j").vmids({7654}));
    });
    auto sorted = anomalies;
    sort_anomalies(sorted);
    ASSERT_EQ(anomalies.size(), sorted.size());
    for (std::size_t k = 0; k < anomalies.size(); ++k) {
        EXPECT_EQ(anomalies[k].subject, sorted[k].subject);
        EXPECT_EQ(anomalies[k].kind, sorted[k].kind);
    }
}

} // namespace
