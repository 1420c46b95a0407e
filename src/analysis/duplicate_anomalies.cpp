#include "analysis/anomalies.hpp"
#include "analysis/facts.hpp"
#include "analysis/wording.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pvr::analysis {

std::vector<model::Anomaly> duplicate_anomalies(const model::Inventory& inventory) {
    using Kind = model::DuplicateEntry::Kind;
    std::vector<model::Anomaly> out;
    for (const auto& duplicate : inventory.duplicates) {
        switch (duplicate.kind) {
        case Kind::guest_vmid: {
            const auto guest = std::find_if(inventory.guests.begin(), inventory.guests.end(),
                                            [&](const auto& g) { return std::to_string(g.vmid) == duplicate.id; });
            const std::string subject = guest != inventory.guests.end() ? guest->subject() : "vm/" + duplicate.id;
            const std::string kept = duplicate.places.empty() ? std::string("?") : duplicate.places.front();
            auto fact = make_fact("duplicate_vmid");
            fact.add_text("vmid", duplicate.id);
            fact.add_int("count", static_cast<std::int64_t>(duplicate.places.size()));
            add_list(fact, "nodes", duplicate.places);
            fact.add_text("node", kept);
            out.push_back(
                {"duplicate_vmid", model::Severity::warning, subject,
                 fmt::format("VMID {} is listed {} times in the guest inventory (on {} {}); it is counted "
                             "once, as the guest on {}: a VMID must be unique in a cluster.",
                             duplicate.id, duplicate.places.size(),
                             plural_noun(duplicate.places.size(), "node", "nodes"), join_words(duplicate.places), kept),
                 std::nullopt, std::move(fact)});
            break;
        }
        case Kind::job_id: {
            auto fact = make_fact("duplicate_job");
            fact.add_text("job", duplicate.id);
            out.push_back({"duplicate_job", model::Severity::warning, "job/" + duplicate.id,
                           fmt::format("Job {} is listed more than once by /cluster/backup; only the first entry "
                                       "is taken into account.",
                                       duplicate.id),
                           std::nullopt, std::move(fact)});
            break;
        }
        case Kind::job_vmid: {
            auto fact = make_fact("job_duplicate_vmid");
            fact.add_text("job", duplicate.job);
            fact.add_text("vmid", duplicate.id);
            out.push_back(
                {"job_duplicate_vmid", model::Severity::info, "job/" + duplicate.job,
                 fmt::format("Job {} names VMID {} more than once; it is counted once.", duplicate.job, duplicate.id),
                 std::nullopt, std::move(fact)});
            break;
        }
        case Kind::storage_id: {
            auto fact = make_fact("duplicate_storage");
            fact.add_text("storage", duplicate.id);
            out.push_back({"duplicate_storage", model::Severity::warning, "storage/" + duplicate.id,
                           fmt::format("Storage {} is listed more than once by /storage; only the first entry is "
                                       "taken into account.",
                                       duplicate.id),
                           std::nullopt, std::move(fact)});
            break;
        }
        }
    }
    return out;
}

} // namespace pvr::analysis
