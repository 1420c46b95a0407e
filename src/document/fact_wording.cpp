#include "document/fact_wording.hpp"

#include "core/time.hpp"
#include "document/job_problem_wording.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <charconv>
#include <map>

namespace pvr::document {

namespace {

using model::Fact;
using model::FactParam;

struct FormMessage {
    std::string_view kind;
    std::string_view variant;
    Msg msg;
};

// clang-format off
constexpr FormMessage k_forms[] = {
    {"guest_not_backed_up", "plain", Msg::fact_guest_not_backed_up_plain},
    {"guest_not_backed_up", "disabled_jobs", Msg::fact_guest_not_backed_up_disabled_jobs},
    {"guest_not_backed_up", "explained", Msg::fact_guest_not_backed_up_explained},
    {"guest_only_disabled_jobs", "", Msg::fact_guest_only_disabled_jobs},
    {"volumes_excluded", "", Msg::fact_volumes_excluded},
    {"backup_failed", "error", Msg::fact_backup_failed_error},
    {"backup_failed", "no_error", Msg::fact_backup_failed_no_error},
    {"job_disabled", "unknown", Msg::fact_job_disabled_unknown},
    {"job_disabled", "nothing", Msg::fact_job_disabled_nothing},
    {"job_disabled", "guests", Msg::fact_job_disabled_guests},
    {"job_includes_nothing", "no_selection", Msg::fact_job_includes_nothing_no_selection},
    {"job_includes_nothing", "exclude_without_all", Msg::fact_job_includes_nothing_exclude_without_all},
    {"job_includes_nothing", "empty_pool", Msg::fact_job_includes_nothing_empty_pool},
    {"job_includes_nothing", "vmids_missing", Msg::fact_job_includes_nothing_vmids_missing},
    {"job_includes_nothing", "no_guest", Msg::fact_job_includes_nothing_no_guest},
    {"job_includes_nothing", "all_excluded", Msg::fact_job_includes_nothing_all_excluded},
    {"job_includes_nothing", "other_nodes", Msg::fact_job_includes_nothing_other_nodes},
    {"job_unknown_vmid", "node", Msg::fact_job_unknown_vmid_node},
    {"job_unknown_vmid", "every_node", Msg::fact_job_unknown_vmid_every_node},
    {"job_unknown_node", "", Msg::fact_job_unknown_node},
    {"job_pool_unknown", "", Msg::fact_job_pool_unknown},
    {"job_storage_missing", "", Msg::fact_job_storage_missing},
    {"job_storage_disabled", "disabled", Msg::fact_job_storage_disabled_disabled},
    {"job_storage_disabled", "job_node", Msg::fact_job_storage_disabled_job_node},
    {"job_storage_disabled", "guest_nodes", Msg::fact_job_storage_disabled_guest_nodes},
    {"job_uninterpretable", "", Msg::fact_job_uninterpretable},
    {"job_no_schedule", "", Msg::fact_job_no_schedule},
    {"not_backed_up_mismatch", "pve_lists_included", Msg::fact_not_backed_up_mismatch_pve_lists_included},
    {"not_backed_up_mismatch", "pve_omits", Msg::fact_not_backed_up_mismatch_pve_omits},
    {"not_backed_up_mismatch", "unknown_guest", Msg::fact_not_backed_up_mismatch_unknown_guest},
    {"duplicate_vmid", "", Msg::fact_duplicate_vmid},
    {"duplicate_job", "", Msg::fact_duplicate_job},
    {"job_duplicate_vmid", "", Msg::fact_job_duplicate_vmid},
    {"duplicate_storage", "", Msg::fact_duplicate_storage},
    {"exception_expired", "", Msg::fact_exception_expired},
    {"exception_unused", "taken", Msg::fact_exception_unused_taken},
    {"exception_unused", "no_match", Msg::fact_exception_unused_no_match},
    {"backup_overdue", "no_backup", Msg::fact_backup_overdue_no_backup},
    {"backup_overdue", "last_backup", Msg::fact_backup_overdue_last_backup},
    {"verification_failed", "", Msg::fact_verification_failed},
    {"never_verified", "never", Msg::fact_never_verified_never},
    {"never_verified", "last_verified", Msg::fact_never_verified_last_verified},
    {"pbs_orphan_group", "no_guest", Msg::fact_pbs_orphan_group_no_guest},
    {"pbs_orphan_group", "not_vmid", Msg::fact_pbs_orphan_group_not_vmid},
    {"pbs_no_retention", "no_job", Msg::fact_pbs_no_retention_no_job},
    {"pbs_no_retention", "keeps_all", Msg::fact_pbs_no_retention_keeps_all},
    {"pbs_no_retention", "node_default", Msg::fact_pbs_no_retention_node_default},
    {"pbs_policies_overlap", "", Msg::fact_pbs_policies_overlap},
    {"retention_mismatch", "too_many", Msg::fact_retention_mismatch_too_many},
    {"retention_mismatch", "too_few", Msg::fact_retention_mismatch_too_few},
    {"reason_jobs_unread", "plain", Msg::fact_reason_jobs_unread_plain},
    {"reason_jobs_unread", "detail", Msg::fact_reason_jobs_unread_detail},
    {"reason_included", "", Msg::fact_reason_included},
    {"reason_undetermined", "", Msg::fact_reason_undetermined},
    {"reason_only_disabled", "", Msg::fact_reason_only_disabled},
    {"reason_not_included", "plain", Msg::fact_reason_not_included_plain},
    {"reason_not_included", "explained", Msg::fact_reason_not_included_explained},
    {"undetermined_job", "guests_unread", Msg::fact_undetermined_job_guests_unread},
    {"undetermined_job", "pools_unread", Msg::fact_undetermined_job_pools_unread},
    {"undetermined_job", "pool_missing", Msg::fact_undetermined_job_pool_missing},
    {"undetermined_job", "pool_members_unread", Msg::fact_undetermined_job_pool_members_unread},
    {"note_pbs_not_configured", "", Msg::fact_note_pbs_not_configured},
    {"note_not_covered", "", Msg::fact_note_not_covered},
    {"note_snapshots_unread", "", Msg::fact_note_snapshots_unread},
    {"note_no_run_passed", "", Msg::fact_note_no_run_passed},
    {"note_no_pbs_target", "", Msg::fact_note_no_pbs_target},
    {"note_jobs_unscheduled", "", Msg::fact_note_jobs_unscheduled},
    {"note_prune_job_unscheduled", "", Msg::fact_note_prune_job_unscheduled},
    {"note_prune_job_bad_schedule", "", Msg::fact_note_prune_job_bad_schedule},
    {"note_short_history", "oldest", Msg::fact_note_short_history_oldest},
    {"note_short_history", "no_backup", Msg::fact_note_short_history_no_backup},
    {"note_one_version_tolerated", "", Msg::fact_note_one_version_tolerated},
    {"note_node_default", "", Msg::fact_note_node_default},
    {"note_jobs_differ", "", Msg::fact_note_jobs_differ},
    {"note_protected", "", Msg::fact_note_protected},
    {"note_no_enabled_job", "", Msg::fact_note_no_enabled_job},
    {"note_no_pbs_server", "", Msg::fact_note_no_pbs_server},
    {"note_prune_jobs_unread", "", Msg::fact_note_prune_jobs_unread},
    {"note_sim_no_scheduled_job", "", Msg::fact_note_sim_no_scheduled_job},
    {"note_sim_keeps_all", "", Msg::fact_note_sim_keeps_all},
    {"note_sim_no_run", "", Msg::fact_note_sim_no_run},
    {"note_sim_capped", "", Msg::fact_note_sim_capped},
    {"datastore_full_soon", "pbs_estimate", Msg::fact_datastore_full_soon_pbs_estimate},
    {"datastore_full_soon", "fit", Msg::fact_datastore_full_soon_fit},
};
// clang-format on

/// Lists longer than this end with "and N more".
constexpr std::size_t k_list_limit = 10;

std::int64_t to_int(const std::string& text) {
    std::int64_t out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

std::vector<std::string> items_of(const std::string& value) {
    std::vector<std::string> out;
    if (value.empty()) {
        return out;
    }
    std::size_t start = 0;
    while (true) {
        const auto end = value.find('\n', start);
        out.push_back(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            return out;
        }
        start = end + 1;
    }
}

std::vector<std::string> list_param(const Fact& fact, std::string_view name) {
    const auto* p = fact.find(name);
    return p == nullptr ? std::vector<std::string>{} : items_of(p->value);
}

std::string words(const Translator& tr, const Formatter& fmt, std::vector<std::string> items) {
    if (items.size() > k_list_limit) {
        const auto more = static_cast<std::int64_t>(items.size() - k_list_limit);
        items.resize(k_list_limit);
        items.push_back(tr.format_n(Msg::fact_more, more, fmt.integer(more)));
    }
    return tr.join_words(items);
}

/// "45 minutes", "30 hours", "3 days" (as analysis/retention_words.hpp, in the language).
std::string duration(const Translator& tr, const Formatter& fmt, std::int64_t seconds) {
    seconds = std::max<std::int64_t>(seconds, 0);
    if (seconds < 3600) {
        return tr.format_n(Msg::fact_minutes, seconds / 60, fmt.integer(seconds / 60));
    }
    if (seconds < 48 * 3600) {
        return tr.format_n(Msg::fact_hours, seconds / 3600, fmt.integer(seconds / 3600));
    }
    return tr.format_n(Msg::fact_days, seconds / 86400, fmt.integer(seconds / 86400));
}

std::string type_label(const Translator& tr, const std::string& type) {
    if (type == "vm") {
        return std::string(tr.text(Msg::type_vm));
    }
    if (type == "ct") {
        return std::string(tr.text(Msg::type_ct));
    }
    return type;
}

/// Lists of VMIDs and of configuration words keep their ", " (no "and").
bool is_plain_list(std::string_view name) {
    return name == "vmids" || name == "exclude" || name == "match_vmids" || name == "accepts";
}

/// Each parameter as text for the language.
std::map<std::string, std::string, std::less<>> plain_values(const Translator& tr, const Formatter& fmt,
                                                             const Fact& fact, std::int64_t& count) {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& p : fact.params) {
        std::string value;
        switch (p.type) {
        case FactParam::Type::text:
            value = p.value;
            break;
        case FactParam::Type::identifier:
            value = p.name == "guest_type" || p.name == "backup_type" ? type_label(tr, p.value) : p.value;
            break;
        case FactParam::Type::integer:
            if (p.name == "count") {
                count = to_int(p.value);
            }
            value = p.name == "vmid" || p.name == "line" ? p.value : fmt.integer(to_int(p.value));
            break;
        case FactParam::Type::time:
            value = fmt.date_time(to_int(p.value));
            break;
        case FactParam::Type::seconds:
            value = duration(tr, fmt, to_int(p.value));
            break;
        case FactParam::Type::bytes:
            value = fmt.size(to_int(p.value));
            break;
        case FactParam::Type::list:
            value = is_plain_list(p.name) ? fmt::format("{}", fmt::join(items_of(p.value), ", "))
                                          : words(tr, fmt, items_of(p.value));
            break;
        }
        out[p.name] = std::move(value);
    }
    return out;
}

std::string guest_text(const Translator& tr, const Fact& fact) {
    const auto type = fact.text("guest_type");
    const auto vmid = fact.text("vmid");
    std::string out = fmt::format("{} {}", type_label(tr, type.value_or("")), vmid.value_or(""));
    if (const auto name = fact.text("guest_name")) {
        out += fmt::format(" ({})", *name);
    }
    return fact.find("template") != nullptr ? tr.format(Msg::fact_template_guest, out) : out;
}

std::string selection_words(const Translator& tr, const Fact& fact) {
    const auto selection = fact.text("selection").value_or("none");
    const auto vmids = list_param(fact, "vmids");
    const auto exclude = fmt::format("{}", fmt::join(list_param(fact, "exclude"), ", "));
    std::string out;
    if (selection == "pool") {
        out = tr.format(Msg::selection_pool, fact.text("pool").value_or(""));
    } else if (selection == "vmids") {
        out = tr.format_n(Msg::selection_vmids, static_cast<std::int64_t>(vmids.size()),
                          fmt::format("{}", fmt::join(vmids, ", ")));
    } else if (selection == "all") {
        out =
            exclude.empty() ? std::string(tr.text(Msg::selection_all)) : tr.format(Msg::selection_all_except, exclude);
    } else if (selection == "exclude_without_all") {
        out = tr.format(Msg::selection_exclude_without_all, exclude);
    } else {
        out = std::string(tr.text(Msg::selection_none));
    }
    if (const auto node = fact.text("job_node")) {
        out = tr.format(Msg::selection_node_only, out, *node);
    }
    return out;
}

/// "job a only runs on node pve2 but the guest is on pve1 and job b excludes it".
std::string why_words(const Translator& tr, const Fact& fact) {
    std::vector<std::string> clauses;
    const auto jobs = list_param(fact, "node_jobs");
    const auto nodes = list_param(fact, "job_nodes");
    const auto node = fact.text("node").value_or("");
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        clauses.push_back(tr.format(Msg::fact_clause_node_only, jobs[i], i < nodes.size() ? nodes[i] : "", node));
    }
    for (const auto& job : list_param(fact, "excluded_by")) {
        clauses.push_back(tr.format(Msg::fact_clause_excludes, job));
    }
    return tr.join_words(clauses);
}

/// The causes of an undetermined coverage, one sentence per job.
std::optional<std::string> causes_words(const Translator& tr, const Fact& fact) {
    const auto jobs = list_param(fact, "jobs");
    const auto causes = list_param(fact, "causes");
    const auto pools = list_param(fact, "pools");
    std::string out;
    for (std::size_t i = 0; i < causes.size(); ++i) {
        const auto msg = fact_message("undetermined_job", causes[i]);
        if (!msg) {
            return std::nullopt;
        }
        out += out.empty() ? "" : " ";
        out += fmt::format(fmt::runtime(tr.text(*msg)), fmt::arg("job", i < jobs.size() ? jobs[i] : ""),
                           fmt::arg("pool", i < pools.size() ? pools[i] : ""));
    }
    return out;
}

std::string match_words(const Translator& tr, const Fact& fact) {
    std::vector<std::string> parts;
    if (const auto vmids = list_param(fact, "match_vmids"); !vmids.empty()) {
        parts.push_back(tr.format(Msg::fact_match_vmids, fmt::join(vmids, ", ")));
    }
    if (const auto name = fact.text("match_name")) {
        parts.push_back(tr.format(Msg::fact_match_name, *name));
    }
    if (const auto pool = fact.text("match_pool")) {
        parts.push_back(tr.format(Msg::fact_match_pool, *pool));
    }
    if (const auto tag = fact.text("match_tag")) {
        parts.push_back(tr.format(Msg::fact_match_tag, *tag));
    }
    return tr.join_words(parts);
}

/// Why vzdump leaves a volume out, as the collector says it (a closed set; "backup=0" is the option).
std::string volume_reason(const Translator& tr, const std::string& reason) {
    static const std::map<std::string, Msg, std::less<>> reasons = {
        {"efidisk but no OVMF BIOS", Msg::fact_volume_efidisk},
        {"mount point without backup=1", Msg::fact_volume_mount_point},
        {"bind mount", Msg::fact_volume_bind_mount},
        {"not a volume", Msg::fact_volume_not_a_volume},
    };
    const auto it = reasons.find(reason);
    return it != reasons.end() ? std::string(tr.text(it->second)) : reason;
}

/// Parameters worded from several others: {guest}, {where}, {selection}, {why}, ...
void add_derived(const Translator& tr, const Formatter& fmt, const Fact& fact,
                 std::map<std::string, std::string, std::less<>>& values) {
    if (fact.find("vmid") != nullptr && fact.find("guest_type") != nullptr) {
        values["guest"] = guest_text(tr, fact);
    }
    if (const auto datastore = fact.text("datastore")) {
        const auto ns = fact.text("namespace").value_or("");
        values["where"] =
            tr.format(Msg::fact_location, fact.text("storage").value_or(""), *datastore,
                      ns.empty() ? std::string(tr.text(Msg::fact_root_namespace)) : tr.format(Msg::fact_namespace, ns));
    }
    if (fact.find("selection") != nullptr) {
        values["selection"] = selection_words(tr, fact);
    }
    if (fact.kind == "job_uninterpretable") {
        if (const auto problem = fact.text("problem")) {
            values["problem"] = word_job_problem(tr, *problem);
        }
    }
    if (fact.kind == "job_disabled" && fact.find("storage") == nullptr) {
        values["storage"] = std::string(tr.text(Msg::fact_default_storage));
    }
    if (fact.find("guest_nodes") != nullptr) {
        const auto guests = list_param(fact, "guests");
        const auto nodes = list_param(fact, "guest_nodes");
        std::vector<std::string> items;
        for (std::size_t i = 0; i < guests.size(); ++i) {
            items.push_back(tr.format(Msg::fact_guest_on_node, guests[i], i < nodes.size() ? nodes[i] : ""));
        }
        values["guests"] = words(tr, fmt, items);
    }
    if (fact.find("volume_reasons") != nullptr) {
        const auto keys = list_param(fact, "volumes");
        const auto reasons = list_param(fact, "volume_reasons");
        std::vector<std::string> items;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string reason = i < reasons.size() ? volume_reason(tr, reasons[i]) : std::string();
            items.push_back(reason.empty() ? keys[i] : tr.format(Msg::fact_volume_reason, keys[i], reason));
        }
        values["volumes"] = words(tr, fmt, items);
    }
    if (fact.find("node_jobs") != nullptr || fact.find("excluded_by") != nullptr) {
        values["why"] = why_words(tr, fact);
    }
    if (fact.find("pve_policy") != nullptr) {
        const auto pve = fact.text("pve_policy").value_or("");
        std::vector<std::string> parts{pve.empty() ? std::string(tr.text(Msg::fact_policy_node_default))
                                                   : tr.format(Msg::fact_policy_pve, pve)};
        for (const auto& pbs : list_param(fact, "pbs_policies")) {
            parts.push_back(tr.format(Msg::fact_policy_pbs, pbs));
        }
        values["policies"] = fmt::format("{}", fmt::join(parts, ", "));
    }
    if (const auto type = fact.text("backup_type")) {
        values["group"] = fmt::format("{}/{}", *type, fact.text("backup_id").value_or(""));
        values["backup_label"] = type_label(tr, *type);
    }
    if (fact.find("exception") != nullptr) {
        const auto file = fact.text("file");
        values["place"] = file ? tr.format(Msg::fact_exception_place, *file, fact.text("line").value_or("")) : "";
        values["match"] = match_words(tr, fact);
        // What the exception accepts, as the report names those findings.
        std::vector<std::string> accepts;
        for (const auto& item : list_param(fact, "accepts")) {
            std::optional<Msg> label;
            if (item == "not_backed_up") {
                label = Msg::status_not_backed_up;
            } else if (item == "overdue") {
                label = Msg::kind_backup_overdue;
            } else {
                label = anomaly_kind_message(item.rfind("anomaly:", 0) == 0 ? item.substr(8) : item);
            }
            accepts.push_back(label ? std::string(tr.text(*label)) : item);
        }
        values["accepts"] = fmt::format("{}", fmt::join(accepts, ", "));
        if (fact.text("owner").value_or("").empty()) {
            values["owner"] = std::string(tr.text(Msg::owner_unknown));
        }
        if (const auto until = fact.text("until")) {
            // A date: noon UTC reads as the same day in every zone the report may use.
            if (const auto at = parse_iso8601(*until + "T12:00:00Z")) {
                values["until"] = fmt.date(*at);
            }
        }
    }
    if (auto error = fact.text("error")) {
        if (!error->empty() && error->back() != '.') {
            *error += '.';
        }
        values["error"] = *error;
    }
}

} // namespace

std::optional<Msg> fact_message(std::string_view kind, std::string_view variant) {
    for (const auto& form : k_forms) {
        if (form.kind == kind && form.variant == variant) {
            return form.msg;
        }
    }
    return std::nullopt;
}

std::optional<Msg> anomaly_kind_message(std::string_view kind) {
    static const std::map<std::string_view, Msg, std::less<>> kinds = {
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
        {"backup_overdue", Msg::kind_backup_overdue},
        {"verification_failed", Msg::kind_verification_failed},
        {"never_verified", Msg::kind_never_verified},
        {"storage_usage_high", Msg::kind_storage_usage_high},
        {"exception_expired", Msg::kind_exception_expired},
        {"exception_unused", Msg::kind_exception_unused},
        {"duplicate_vmid", Msg::kind_duplicate_vmid},
        {"duplicate_job", Msg::kind_duplicate_job},
        {"job_duplicate_vmid", Msg::kind_job_duplicate_vmid},
        {"duplicate_storage", Msg::kind_duplicate_storage},
        {"pbs_orphan_group", Msg::kind_pbs_orphan_group},
        {"pbs_no_retention", Msg::kind_pbs_no_retention},
        {"pbs_policies_overlap", Msg::kind_pbs_policies_overlap},
        {"datastore_full_soon", Msg::kind_datastore_full_soon},
    };
    const auto it = kinds.find(kind);
    return it != kinds.end() ? std::optional<Msg>(it->second) : std::nullopt;
}

std::optional<std::string> word_fact(const Translator& tr, const Formatter& fmt, const Fact& fact) {
    if (fact.empty()) {
        return std::nullopt;
    }
    const auto msg = fact_message(fact.kind, fact.text("case").value_or(""));
    if (!msg) {
        return std::nullopt;
    }
    std::int64_t count = 1;
    auto values = plain_values(tr, fmt, fact, count);
    add_derived(tr, fmt, fact, values);
    if (fact.kind == "reason_undetermined") {
        const auto causes = causes_words(tr, fact);
        if (!causes) {
            return std::nullopt;
        }
        values["causes"] = *causes;
    }
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const auto& [name, value] : values) {
        args.push_back(fmt::arg(name.c_str(), value));
    }
    try {
        return fmt::vformat(tr.text(*msg, count), args);
    } catch (const fmt::format_error&) {
        return std::nullopt; // a parameter the wording names is missing
    }
}

std::string word_notes(const Translator& tr, const Formatter& fmt, const std::vector<Fact>& notes,
                       const std::string& english) {
    if (notes.empty()) {
        return english;
    }
    std::vector<std::string> parts;
    for (const auto& note : notes) {
        auto text = word_fact(tr, fmt, note);
        if (!text) {
            return english;
        }
        parts.push_back(std::move(*text));
    }
    return fmt::format("{}", fmt::join(parts, tr.lang() == Lang::fr ? "\u00a0; " : "; "));
}

std::string word_fact_or(const Translator& tr, const Formatter& fmt, const Fact& fact, const std::string& english) {
    auto text = word_fact(tr, fmt, fact);
    return text ? std::move(*text) : english;
}

} // namespace pvr::document
