// PBS retention policies: every place a keep-* setting was found, in PVE and in PBS.

#include "document/sections.hpp"

#include "core/strings.hpp"

namespace pvr::document {

namespace {

Cell optional_mono(const std::optional<std::string>& value) { return value ? mono_cell(*value) : none_cell(); }

// "https://pbs1.example.lan:8007/" -> "pbs1.example.lan", as in the PBS storages section (the
// default port is left out).
Cell server_cell(const std::optional<std::string>& url) {
    if (!url) {
        return none_cell();
    }
    std::string text = *url;
    for (const std::string scheme : {"https://", "http://"}) {
        if (text.rfind(scheme, 0) == 0) {
            text.erase(0, scheme.size());
        }
    }
    while (!text.empty() && text.back() == '/') {
        text.pop_back();
    }
    const std::string default_port = ":8007";
    if (text.size() > default_port.size() && text.ends_with(default_port)) {
        text.resize(text.size() - default_port.size());
    }
    return mono_cell(text);
}

// PBS prune jobs reach below their namespace: to `max_depth` levels, or all of them.
Cell namespace_cell(const BuildContext& ctx, const model::RetentionPolicy& policy) {
    if (!policy.ns) {
        return none_cell();
    }
    const std::string ns = namespace_text(ctx, *policy.ns);
    if (policy.source != "pbs-prune-job") {
        return text_cell(ns);
    }
    return text_cell(policy.max_depth ? ctx.tr.format(Msg::ns_max_depth, ns, ctx.fmt.integer(*policy.max_depth))
                                      : ctx.tr.format(Msg::ns_all_levels, ns));
}

// The PVE storage of a PVE policy, or the PVE storages whose namespace a PBS policy covers.
Cell storages_cell(const model::RetentionPolicy& policy) {
    if (!policy.storages.empty()) {
        return mono_cell(join(policy.storages, ", "));
    }
    return optional_mono(policy.storage);
}

Cell enabled_cell(const BuildContext& ctx, bool enabled) {
    return enabled ? label_cell(ctx.text(Msg::job_enabled), Tone::good)
                   : label_cell(ctx.text(Msg::job_disabled), Tone::muted);
}

} // namespace

std::string policy_source_text(const BuildContext& ctx, const std::string& source) {
    if (source == "pve-job") {
        return ctx.text(Msg::source_pve_job);
    }
    if (source == "pve-storage") {
        return ctx.text(Msg::source_pve_storage);
    }
    if (source == "pbs-prune-job") {
        return ctx.text(Msg::source_pbs_prune_job);
    }
    if (source == "pbs-datastore") {
        return ctx.text(Msg::source_pbs_datastore);
    }
    return source;
}

Section retention_policies_section(const BuildContext& ctx) {
    Section section = make_section(ctx, anchors::retention_policies, Msg::sec_retention_policies);
    section.landscape = true;
    if (ctx.data.retention_policies.empty()) {
        section.blocks.emplace_back(muted(ctx.text(Msg::empty_retention_policies)));
        return section;
    }
    section.blocks.emplace_back(muted(ctx.text(Msg::retention_policies_intro)));
    Table table;
    table.columns = {column(ctx.text(Msg::col_source), 1.2),
                     column(ctx.text(Msg::col_id), 1.1),
                     column(ctx.text(Msg::col_server), 1.4),
                     column(ctx.text(Msg::col_datastore), 0.9),
                     column(ctx.text(Msg::col_namespace), 1.0),
                     column(ctx.text(Msg::col_storage), 1.0),
                     column(ctx.text(Msg::col_schedule), 0.9),
                     column(ctx.text(Msg::col_keep), 1.7),
                     column(ctx.text(Msg::col_state), 0.8, Align::left, true)};
    for (const auto& policy : ctx.data.retention_policies) {
        table.rows.push_back({text_cell(policy_source_text(ctx, policy.source)), mono_cell(policy.id),
                              server_cell(policy.server), optional_mono(policy.datastore), namespace_cell(ctx, policy),
                              storages_cell(policy), optional_mono(policy.schedule),
                              mono_cell(keep_text(ctx, policy.keep)), enabled_cell(ctx, policy.enabled)});
    }
    section.blocks.emplace_back(std::move(table));
    return section;
}

} // namespace pvr::document
