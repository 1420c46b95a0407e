#include "analysis/wording.hpp"

#include <fmt/format.h>

namespace pvr::analysis {

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? " and " : ", ";
        }
        out += words[i];
    }
    return out;
}

std::string vmid_list(const std::vector<std::int64_t>& vmids) { return fmt::format("{}", fmt::join(vmids, ", ")); }

std::string guest_label(const model::Guest& guest) {
    std::string out;
    if (guest.is_template.value_or(false)) {
        out = "template ";
    }
    out += fmt::format("{} {}", guest.type == model::GuestType::qemu ? "VM" : "CT", guest.vmid);
    if (guest.name && !guest.name->empty()) {
        out += fmt::format(" ({})", *guest.name);
    }
    return out;
}

std::string guest_labels(const std::vector<std::string>& labels, std::size_t limit) {
    if (labels.size() <= limit) {
        return join_words(labels);
    }
    std::vector<std::string> shown(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(limit));
    shown.push_back(fmt::format("{} more", labels.size() - limit));
    return join_words(shown);
}

std::string describe_selection(const model::BackupJob& job) {
    const auto& selection = job.selection;
    std::string out;
    if (selection.pool && !selection.pool->empty()) {
        out = fmt::format("pool {}", *selection.pool);
    } else if (!selection.vmids.empty()) {
        out = fmt::format("{} {}", selection.vmids.size() == 1 ? "VMID" : "VMIDs", vmid_list(selection.vmids));
    } else if (selection.all) {
        out = "all guests";
        if (!selection.exclude.empty()) {
            out += fmt::format(" except {}", vmid_list(selection.exclude));
        }
    } else if (!selection.exclude.empty()) {
        out = fmt::format("no guest: exclude {} without all", vmid_list(selection.exclude));
    } else {
        out = "no guest selection";
    }
    if (job.node) {
        out += fmt::format(" on node {}", *job.node);
    }
    return out;
}

std::string describe_rule(const model::CoverageRule& rule) {
    std::string out;
    switch (rule.selection) {
    case model::RuleSelection::vmid:
        out = "listed by VMID";
        break;
    case model::RuleSelection::pool:
        out = fmt::format("pool {}", rule.pool.value_or(""));
        break;
    case model::RuleSelection::all:
        out = "all guests";
        if (rule.excluded_count > 0) {
            out += fmt::format(" but the {} it excludes", rule.excluded_count);
        }
        break;
    }
    if (rule.node) {
        out += fmt::format(" on node {}", *rule.node);
    }
    return out;
}

std::string describe_storage(const model::BackupJob& job) {
    return job.storage ? *job.storage : std::string("the default storage");
}

std::string plural_noun(std::size_t count, const std::string& singular, const std::string& plural) {
    return count == 1 ? singular : plural;
}

} // namespace pvr::analysis
