#pragma once
// Builders for the analysis tests: guests, jobs and an Inventory, with little noise.

#include "analysis/indexes.hpp"
#include "model/inventory.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pvr::analysis::test {

/// Names parameterized test cases after their `name` field (the rule they check).
struct CaseName {
    template <class Param>
    std::string operator()(const ::testing::TestParamInfo<Param>& param_info) const {
        return param_info.param.name;
    }
};

inline model::Guest make_guest(std::int64_t vmid, std::string node, model::GuestType type = model::GuestType::qemu,
                               std::optional<std::string> name = std::nullopt) {
    model::Guest guest;
    guest.vmid = vmid;
    guest.node = std::move(node);
    guest.type = type;
    guest.status = "running";
    guest.name = std::move(name);
    guest.is_template = false;
    return guest;
}

class JobBuilder {
public:
    explicit JobBuilder(std::string id) { m_job.id = std::move(id); }
    JobBuilder& all() {
        m_job.selection.all = true;
        return *this;
    }
    JobBuilder& vmids(std::vector<std::int64_t> ids) {
        m_job.selection.vmids = std::move(ids);
        return *this;
    }
    JobBuilder& exclude(std::vector<std::int64_t> ids) {
        m_job.selection.exclude = std::move(ids);
        return *this;
    }
    JobBuilder& pool(std::string id) {
        m_job.selection.pool = std::move(id);
        return *this;
    }
    JobBuilder& node(std::string name) {
        m_job.node = std::move(name);
        return *this;
    }
    JobBuilder& storage(std::string id) {
        m_job.storage = std::move(id);
        return *this;
    }
    JobBuilder& schedule(std::string calendar) {
        m_job.schedule = std::move(calendar);
        return *this;
    }
    JobBuilder& disabled() {
        m_job.enabled = false;
        return *this;
    }
    JobBuilder& prune(model::KeepOptions keep) {
        m_job.prune_backups = keep;
        return *this;
    }
    JobBuilder& problem(std::string text) {
        m_job.problems.push_back(std::move(text));
        return *this;
    }
    [[nodiscard]] model::BackupJob build() const { return m_job; }
    operator model::BackupJob() const { return m_job; } // NOLINT(google-explicit-constructor)

private:
    model::BackupJob m_job;
};

inline model::Pool make_pool(std::string id, std::optional<std::vector<std::int64_t>> members) {
    model::Pool pool;
    pool.id = std::move(id);
    pool.members = std::move(members);
    return pool;
}

inline model::Storage make_storage(std::string id, std::string type = "dir") {
    model::Storage storage;
    storage.id = std::move(id);
    storage.type = std::move(type);
    storage.content = {"backup"};
    if (storage.type == "pbs") {
        storage.pbs = model::PbsTarget{"10.0.0.50", 8007, "store1", "prod", std::nullopt, std::nullopt, false};
        storage.shared = true;
    }
    return storage;
}

/// The cluster of PVE's test/vzdump_guest_included_test.pl: node1 has 100, 101 (qemu), 112, 113 (lxc);
/// node2 has 200, 201 (qemu), 212, 213 (lxc); pool testpool = 100, 101, 200, 201.
inline std::vector<model::Guest> upstream_guests() {
    using model::GuestType;
    return {make_guest(100, "node1"),
            make_guest(101, "node1"),
            make_guest(112, "node1", GuestType::lxc),
            make_guest(113, "node1", GuestType::lxc),
            make_guest(200, "node2"),
            make_guest(201, "node2"),
            make_guest(212, "node2", GuestType::lxc),
            make_guest(213, "node2", GuestType::lxc)};
}

/// A fully collected inventory around `guests` (nodes taken from the guests), with no jobs.
inline model::Inventory make_inventory(std::vector<model::Guest> guests) {
    model::Inventory inventory;
    inventory.guests = std::move(guests);
    inventory.guests_collected = true;
    inventory.pools_collected = true;
    inventory.storages_collected = true;
    inventory.tasks_collected = true;
    inventory.jobs = std::vector<model::BackupJob>{};
    for (const auto& guest : inventory.guests) {
        bool known = false;
        for (const auto& node : inventory.cluster.nodes) {
            known = known || node.name == guest.node;
        }
        if (!known) {
            inventory.cluster.nodes.push_back({guest.node, "online", std::nullopt, false});
        }
    }
    return inventory;
}

} // namespace pvr::analysis::test
