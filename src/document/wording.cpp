// Wording shared by several sections: statuses, guest types, keep options, job selections.

#include "document/sections.hpp"

#include "core/strings.hpp"

#include <fmt/format.h>

#include <map>

namespace pvr::document {

std::string cluster_display_name(const BuildContext& ctx) {
    const auto& cluster = ctx.data.cluster;
    if (cluster.name && !cluster.name->empty()) {
        return *cluster.name;
    }
    if (cluster.nodes.size() == 1) {
        return ctx.tr.format(Msg::standalone_host, cluster.nodes.front().name);
    }
    return ctx.text(Msg::unnamed_cluster);
}

Tone coverage_status_tone(model::CoverageStatus status) {
    switch (status) {
    case model::CoverageStatus::scheduled:
        return Tone::good;
    case model::CoverageStatus::not_backed_up:
        return Tone::critical;
    case model::CoverageStatus::undetermined:
        return Tone::warning;
    }
    return Tone::warning;
}

Cell coverage_status_cell(const BuildContext& ctx, model::CoverageStatus status) {
    switch (status) {
    case model::CoverageStatus::scheduled:
        return label_cell(ctx.text(Msg::status_scheduled), Tone::good);
    case model::CoverageStatus::not_backed_up:
        return label_cell(ctx.text(Msg::status_not_backed_up), Tone::critical);
    case model::CoverageStatus::undetermined:
        break;
    }
    return label_cell(ctx.text(Msg::status_undetermined), Tone::warning);
}

Cell severity_cell(const BuildContext& ctx, model::Severity severity) {
    switch (severity) {
    case model::Severity::info:
        return label_cell(ctx.text(Msg::severity_info), Tone::info);
    case model::Severity::critical:
        return label_cell(ctx.text(Msg::severity_critical), Tone::critical);
    case model::Severity::warning:
        break;
    }
    return label_cell(ctx.text(Msg::severity_warning), Tone::warning);
}

std::string guest_type_text(const BuildContext& ctx, const model::Guest& guest) {
    const std::string type = ctx.text(guest.type == model::GuestType::qemu ? Msg::type_vm : Msg::type_ct);
    return guest.is_template.value_or(false) ? ctx.tr.format(Msg::type_template, type) : type;
}

std::string guest_name(const model::Guest& guest) { return guest.name ? *guest.name : std::string(); }

std::string keep_text(const BuildContext& ctx, const model::KeepOptions& keep) {
    if (keep.keep_all.value_or(false)) {
        return "keep-all";
    }
    std::vector<std::string> parts;
    for (const auto& [name, value] : keep.items()) {
        if (name != "keep-all") {
            parts.push_back(fmt::format("{}={}", name, value));
        }
    }
    return parts.empty() ? ctx.text(Msg::keep_all) : join(parts, ", ");
}

std::string namespace_text(const BuildContext& ctx, const std::string& ns) {
    return ns.empty() ? ctx.text(Msg::namespace_root) : ns;
}

std::string vmid_list_text(const std::vector<std::int64_t>& vmids) { return fmt::format("{}", fmt::join(vmids, ", ")); }

std::string selection_text(const BuildContext& ctx, const model::BackupJob& job) {
    const auto& selection = job.selection;
    std::string out;
    // PVE's precedence: pool, then vmid, then all (exclude only applies with all).
    if (selection.pool && !selection.pool->empty()) {
        out = ctx.tr.format(Msg::selection_pool, *selection.pool);
    } else if (!selection.vmids.empty()) {
        out = ctx.tr.format_n(Msg::selection_vmids, static_cast<std::int64_t>(selection.vmids.size()),
                              vmid_list_text(selection.vmids));
    } else if (selection.all) {
        out = selection.exclude.empty() ? ctx.text(Msg::selection_all)
                                        : ctx.tr.format(Msg::selection_all_except, vmid_list_text(selection.exclude));
    } else if (!selection.exclude.empty()) {
        out = ctx.tr.format(Msg::selection_exclude_without_all, vmid_list_text(selection.exclude));
    } else {
        out = ctx.text(Msg::selection_none);
    }
    if (job.node && !job.node->empty()) {
        out = ctx.tr.format(Msg::selection_node_only, out, *job.node);
    }
    return out;
}

std::string anomaly_kind_text(const BuildContext& ctx, const std::string& kind) {
    static const std::map<std::string, Msg, std::less<>> kinds = {
        {"guest_not_backed_up", Msg::kind_guest_not_backed_up},
        {"guest_only_disabled_jobs", Msg::kind_guest_only_disabled_jobs},
        {"volumes_excluded", Msg::kind_volumes_excluded},
        {"backup_failed", Msg::kind_backup_failed},
        {"job_disabled", Msg::kind_job_disabled},
        {"job_includes_nothing", Msg::kind_job_includes_nothing},
        {"job_unknown_vmid", Msg::kind_job_unknown_vmid},
        {"job_unknown_node", Msg::kind_job_unknown_node},
        {"job_pool_unknown", Msg::kind_job_pool_unknown},
        {"job_storage_missing", Msg::kind_job_storage_missing},
        {"job_storage_disabled", Msg::kind_job_storage_disabled},
        {"job_uninterpretable", Msg::kind_job_uninterpretable},
        {"job_no_schedule", Msg::kind_job_no_schedule},
        {"not_backed_up_mismatch", Msg::kind_not_backed_up_mismatch},
        {"retention_mismatch", Msg::kind_retention_mismatch},
        {"backup_stale", Msg::kind_backup_stale},
        {"verification_failed", Msg::kind_verification_failed},
        {"storage_usage_high", Msg::kind_storage_usage_high},
        {"exception_expired", Msg::kind_exception_expired},
        {"exception_unused", Msg::kind_exception_unused},
        {"duplicate_vmid", Msg::kind_duplicate_vmid},
        {"duplicate_job", Msg::kind_duplicate_job},
        {"job_duplicate_vmid", Msg::kind_job_duplicate_vmid},
        {"duplicate_storage", Msg::kind_duplicate_storage},
        {"datastore_full_soon", Msg::kind_datastore_full_soon},
    };
    const auto it = kinds.find(kind);
    return it != kinds.end() ? ctx.text(it->second) : kind; // unknown kinds show their code
}

} // namespace pvr::document
