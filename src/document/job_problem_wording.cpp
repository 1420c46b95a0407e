#include "document/job_problem_wording.hpp"

#include <optional>

namespace pvr::document {
namespace {

/// `text` = prefix + middle + suffix: the middle, else nullopt.
std::optional<std::string_view> between(std::string_view text, std::string_view prefix, std::string_view suffix) {
    if (text.size() < prefix.size() + suffix.size() || !text.starts_with(prefix) || !text.ends_with(suffix)) {
        return std::nullopt;
    }
    return text.substr(prefix.size(), text.size() - prefix.size() - suffix.size());
}

} // namespace

std::string word_job_problem(const Translator& tr, std::string_view problem) {
    if (const auto rest = between(problem, "schedule: '", ")")) {
        const auto marker = rest->rfind("' is not a valid calendar event (");
        if (marker != std::string_view::npos) {
            const auto value = rest->substr(0, marker);
            const auto reason = rest->substr(marker + std::string_view("' is not a valid calendar event (").size());
            return tr.format(Msg::job_problem_bad_schedule, value, reason);
        }
    }
    if (const auto value = between(problem, "enabled: expected a boolean, got ", " (taken as enabled)")) {
        return tr.format(Msg::job_problem_enabled_not_boolean, *value);
    }
    return std::string(problem);
}

} // namespace pvr::document
