#include "document/issue_wording.hpp"

#include "core/strings.hpp"

#include <fmt/args.h>

#include <algorithm>
#include <array>
#include <optional>

namespace pvr::document {
namespace {

using M = Msg;

constexpr std::size_t max_text_chars = 300; // a parameter's text in a sentence, at most

std::vector<std::string> split_list(const std::string& value) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (!value.empty() && start <= value.size()) {
        const auto end = std::min(value.find('\n', start), value.size());
        items.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

/// The count that chooses the plural form: `count`, else the number of storages named.
std::int64_t plural_count(const model::Fact& fact) {
    if (const auto* count = fact.find("count")) {
        return std::stoll(count->value);
    }
    if (const auto* storages = fact.find("storages")) {
        return static_cast<std::int64_t>(split_list(storages->value).size());
    }
    return 1;
}

} // namespace

std::optional<Msg> identifier_msg(std::string_view value) {
    static constexpr std::array<std::pair<std::string_view, Msg>, 4> words = {{{"boolean", M::value_type_boolean},
                                                                               {"integer", M::value_type_integer},
                                                                               {"string", M::value_type_string},
                                                                               {"object", M::value_type_object}}};
    for (const auto& [name, msg] : words) {
        if (name == value) {
            return msg;
        }
    }
    return std::nullopt;
}

namespace {

std::string param_text(const model::FactParam& param, const Translator& tr, const Formatter& formatter) {
    using Type = model::FactParam::Type;
    switch (param.type) {
    case Type::integer:
        return param.name == "count" || param.name == "occurrences" ? formatter.integer(std::stoll(param.value))
                                                                    : param.value;
    case Type::time:
        return formatter.date_time(std::stoll(param.value));
    case Type::bytes:
        return formatter.size(std::stoll(param.value));
    case Type::list:
        return tr.join_words(split_list(param.value));
    case Type::identifier:
        if (const auto msg = identifier_msg(param.value)) {
            return std::string(tr.text(*msg));
        }
        break;
    case Type::seconds:
    case Type::text:
        break;
    }
    // One line: a server's text may carry a multi-line body excerpt.
    return excerpt(param.value, max_text_chars);
}

} // namespace

const std::vector<IssueWording>& issue_wordings() {
    static const std::vector<IssueWording> table = {
        {"permission_missing", M::issue_permission_missing},
        {"permission_probably_missing", M::issue_permission_probably_missing, "path",
         M::issue_permission_probably_missing_anywhere},
        {"permission_denied", M::issue_permission_denied},
        {"auth_refused", M::issue_auth_refused},
        {"http_status", M::issue_http_status, "reason", M::issue_http_status_bare},
        {"endpoint_unreachable", M::issue_endpoint_unreachable},
        {"request_timeout", M::issue_request_timeout},
        {"certificate_untrusted", M::issue_certificate_untrusted},
        {"response_too_large", M::issue_response_too_large},
        {"answer_unusable", M::issue_answer_unusable},
        {"request_failed", M::issue_request_failed},
        {"deadline_exceeded", M::issue_deadline_exceeded},
        {"invalid_utf8", M::issue_invalid_utf8},
        {"field_unreadable", M::issue_field_unreadable, "location", M::issue_field_unreadable_anywhere},
        {"entry_skipped", M::issue_entry_skipped, "location", M::issue_entry_skipped_anywhere},
        {"field_wrong_type", M::issue_field_wrong_type},
        {"entry_wrong_type", M::issue_entry_wrong_type},
        {"entry_missing_field", M::issue_entry_missing_field},
        {"more_entries_unreadable", M::issue_more_entries_unreadable},
        {"node_unreachable", M::issue_node_unreachable},
        {"node_offline", M::issue_node_offline},
        {"node_unavailable", M::issue_node_unavailable},
        {"node_list_fallback", M::issue_node_list_fallback},
        {"node_list_empty_fallback", M::issue_node_list_empty_fallback},
        {"inventory_fallback", M::issue_inventory_fallback},
        {"node_guests_unlisted", M::issue_node_guests_unlisted},
        {"storages_hidden", M::issue_storages_hidden},
        {"guests_hidden", M::issue_guests_hidden},
        {"pools_hidden", M::issue_pools_hidden},
        {"tasks_hidden", M::issue_tasks_hidden},
        {"node_tasks_hidden", M::issue_node_tasks_hidden},
        {"time_zone_missing", M::issue_time_zone_missing},
        {"pbs_client_failed", M::issue_pbs_client_failed},
        {"pbs_token_refused", M::issue_pbs_token_refused},
        {"pbs_fingerprint_mismatch", M::issue_pbs_fingerprint_mismatch},
        {"pbs_fingerprint_override_mismatch", M::issue_pbs_fingerprint_override_mismatch},
        {"pbs_certificate_untrusted", M::issue_pbs_certificate_untrusted},
        {"pbs_unreachable", M::issue_pbs_unreachable},
        {"pbs_not_pbs", M::issue_pbs_not_pbs},
        {"pbs_version_failed", M::issue_pbs_version_failed},
        {"datastore_invisible", M::issue_datastore_invisible},
        {"datastore_usage_hidden", M::issue_datastore_usage_hidden},
        {"datastore_usage_error", M::issue_datastore_usage_error},
        {"namespace_missing", M::issue_namespace_missing},
        {"datastore_retention_hidden", M::issue_datastore_retention_hidden},
        {"prune_jobs_hidden", M::issue_prune_jobs_hidden},
        {"snapshots_filtered", M::issue_snapshots_filtered},
        {"snapshots_unchecked", M::issue_snapshots_unchecked},
        {"pbs_storage_no_datastore", M::issue_pbs_storage_no_datastore},
        {"pbs_storage_no_server", M::issue_pbs_storage_no_server},
        {"pbs_storage_bad_url", M::issue_pbs_storage_bad_url},
        {"pbs_no_token", M::issue_pbs_no_token},
        {"pbs_bad_fingerprint", M::issue_pbs_bad_fingerprint},
    };
    return table;
}

const IssueWording* find_issue_wording(std::string_view kind) {
    const auto& table = issue_wordings();
    const auto it = std::find_if(table.begin(), table.end(), [&](const IssueWording& w) { return w.kind == kind; });
    return it == table.end() ? nullptr : &*it;
}

std::string word_collection_issue(const model::CollectionIssue& issue, const Translator& tr,
                                  const Formatter& formatter) {
    const model::Fact& fact = issue.fact;
    const IssueWording* wording = fact.empty() ? nullptr : find_issue_wording(fact.kind);
    if (wording == nullptr) {
        return issue.message;
    }
    const Msg msg = !wording->needs.empty() && fact.find(wording->needs) == nullptr ? wording->without : wording->msg;
    try {
        fmt::dynamic_format_arg_store<fmt::format_context> args;
        for (const auto& param : fact.params) {
            if (param.name == "examples") {
                continue; // worded with the repetition below
            }
            args.push_back(fmt::arg(param.name.c_str(), param_text(param, tr, formatter)));
        }
        std::string text = fmt::vformat(tr.text(msg, plural_count(fact)), args);
        const auto* occurrences = fact.find("occurrences");
        const auto* examples = fact.find("examples");
        if (occurrences == nullptr || examples == nullptr) {
            return text;
        }
        // A collapsed issue: "<sentence without its full stop> (54 times, e.g. a, b, c, ...)."
        if (!text.empty() && text.back() == '.') {
            text.pop_back();
        }
        const std::int64_t count = std::stoll(occurrences->value);
        const auto endpoints = split_list(examples->value);
        std::string shown = join(endpoints, ", ");
        if (count > static_cast<std::int64_t>(endpoints.size())) {
            shown += ", …";
        }
        return fmt::format(fmt::runtime(tr.text(Msg::issue_repeated, count)), fmt::arg("message", text),
                           fmt::arg("count", formatter.integer(count)), fmt::arg("examples", shown));
    } catch (const fmt::format_error&) {
        return issue.message; // a message whose placeholders the fact does not fill (tests catch it)
    }
}

} // namespace pvr::document
