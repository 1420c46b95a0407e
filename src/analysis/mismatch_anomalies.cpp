// not_backed_up_mismatch: our reading of the jobs against Proxmox VE's own not-backed-up answer.

#include "analysis/anomalies.hpp"
#include "analysis/facts.hpp"
#include "analysis/wording.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace pvr::analysis {

namespace {

using model::Anomaly;
using model::Severity;

std::string subject_for(const model::NotBackedUpItem& item) {
    return fmt::format("{}/{}", item.type == "lxc" ? "ct" : "vm", item.vmid);
}

} // namespace

std::vector<Anomaly> not_backed_up_mismatches(const model::Inventory& inventory, const std::vector<AnalyzedJob>& jobs,
                                              const std::vector<model::GuestReport>& guests) {
    std::vector<Anomaly> out;
    if (!inventory.not_backed_up || !inventory.guests_collected) {
        return out;
    }
    std::map<std::int64_t, const model::NotBackedUpItem*> listed;
    for (const auto& item : *inventory.not_backed_up) {
        listed.emplace(item.vmid, &item);
    }

    std::set<std::int64_t> known;
    for (const auto& report : guests) {
        const auto& guest = report.guest;
        known.insert(guest.vmid);
        if (report.coverage.status == model::CoverageStatus::undetermined) {
            continue;
        }
        // PVE's view: every job counts, enabled or disabled (reference 5.3).
        std::vector<std::string> including;
        bool undetermined = false;
        for (const auto& analyzed : jobs) {
            if (analyzed.inclusion.includes(guest.vmid)) {
                including.push_back(analyzed.job.id);
            } else if (analyzed.inclusion.may_include(guest.vmid)) {
                undetermined = true;
            }
        }
        const bool pve_lists = listed.count(guest.vmid) > 0;
        if (pve_lists && !including.empty()) {
            auto fact = make_fact("not_backed_up_mismatch", "pve_lists_included");
            add_guest(fact, guest);
            fact.add_int("count", static_cast<std::int64_t>(including.size()));
            add_list(fact, "jobs", including);
            out.push_back({"not_backed_up_mismatch", Severity::warning, guest.subject(),
                           fmt::format("Proxmox VE lists {} as not backed up, but {} {} {} it.", guest_label(guest),
                                       plural_noun(including.size(), "job", "jobs"), join_words(including),
                                       plural_noun(including.size(), "includes", "include")),
                           std::nullopt, std::move(fact)});
        } else if (!pve_lists && including.empty() && !undetermined) {
            auto fact = make_fact("not_backed_up_mismatch", "pve_omits");
            add_guest(fact, guest);
            out.push_back({"not_backed_up_mismatch", Severity::warning, guest.subject(),
                           fmt::format("Proxmox VE does not list {} as not backed up, but no backup job (enabled or "
                                       "disabled) includes it.",
                                       guest_label(guest)),
                           std::nullopt, std::move(fact)});
        }
    }

    for (const auto& [vmid, item] : listed) {
        if (known.count(vmid) > 0) {
            continue;
        }
        auto fact = make_fact("not_backed_up_mismatch", "unknown_guest");
        fact.add_int("vmid", vmid);
        fact.add("guest_type", model::FactParam::Type::identifier, item->type == "lxc" ? "ct" : "vm");
        if (item->name) {
            fact.add_text("guest_name", *item->name);
        }
        out.push_back({"not_backed_up_mismatch", Severity::warning, subject_for(*item),
                       fmt::format("Proxmox VE lists {} {}{} as not backed up, but it is not among the collected "
                                   "guests.",
                                   item->type == "lxc" ? "CT" : "VM", vmid,
                                   item->name ? fmt::format(" ({})", *item->name) : std::string()),
                       std::nullopt, std::move(fact)});
    }
    return out;
}

} // namespace pvr::analysis
