#include "collect/collapse_issues.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <utility>

namespace pvr::collect {
namespace {

constexpr std::size_t max_examples = 3;

bool is_upid(std::string_view segment) {
    return segment.rfind("UPID:", 0) == 0 || segment.rfind("UPID%3A", 0) == 0 || segment.rfind("UPID%3a", 0) == 0;
}

/// "%3A" -> ':' (the collectors percent-encode UPIDs in paths).
std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) != 0 &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2])) != 0) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The variable segments of an endpoint and their placeholders, longest first.
std::vector<std::pair<std::string, std::string>> variable_segments(const std::string& endpoint) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string path = endpoint.substr(0, endpoint.find('?'));
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, end - start);
        if (is_upid(segment)) {
            out.emplace_back(segment, "{upid}");
            out.emplace_back(percent_decode(segment), "{upid}");
        } else if (all_digits(segment)) {
            out.emplace_back(segment, "{vmid}");
        }
        start = end + 1;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return out;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '_'; }

/// Replaces every whole-word occurrence of `token` in `text`.
std::string replace_word(std::string text, const std::string& token, const std::string& with) {
    std::size_t pos = 0;
    while ((pos = text.find(token, pos)) != std::string::npos) {
        const bool left = pos == 0 || !word_char(text[pos - 1]);
        const std::size_t after = pos + token.size();
        const bool right = after >= text.size() || !word_char(text[after]) ||
                           (text[after] == ':' && (after + 1 >= text.size() || text[after + 1] == ' '));
        if (left && right) {
            text.replace(pos, token.size(), with);
            pos += with.size();
        } else {
            pos = after;
        }
    }
    return text;
}

std::string pattern_of(std::string text, const std::vector<std::pair<std::string, std::string>>& segments) {
    for (const auto& [token, placeholder] : segments) {
        text = replace_word(std::move(text), token, placeholder);
    }
    return text;
}

} // namespace

std::string endpoint_pattern(const std::string& endpoint) {
    std::string out;
    const auto query = endpoint.find('?');
    const std::string path = endpoint.substr(0, query);
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, end - start);
        out += is_upid(segment) ? "{upid}" : all_digits(segment) ? "{vmid}" : segment;
        if (end < path.size()) {
            out += '/';
        }
        start = end + 1;
    }
    return query == std::string::npos ? out : out + endpoint.substr(query);
}

std::vector<model::CollectionIssue> collapse_issues(std::vector<model::CollectionIssue> issues, std::size_t min_count) {
    using Key = std::tuple<model::IssueSeverity, std::string, std::string, std::string>;
    std::map<Key, std::vector<std::size_t>> groups;
    std::vector<Key> keys(issues.size());
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const auto& issue = issues[i];
        if (!issue.endpoint) {
            continue;
        }
        const auto segments = variable_segments(*issue.endpoint);
        if (segments.empty()) {
            continue;
        }
        keys[i] =
            Key{issue.severity, issue.source, endpoint_pattern(*issue.endpoint), pattern_of(issue.message, segments)};
        groups[keys[i]].push_back(i);
    }
    std::vector<model::CollectionIssue> out;
    out.reserve(issues.size());
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const auto it = issues[i].endpoint ? groups.find(keys[i]) : groups.end();
        if (it == groups.end() || it->second.size() < std::max<std::size_t>(min_count, 2)) {
            out.push_back(std::move(issues[i]));
            continue;
        }
        if (it->second.front() != i) {
            continue; // folded into the first of its group
        }
        const auto& members = it->second;
        std::string examples;
        for (std::size_t k = 0; k < members.size() && k < max_examples; ++k) {
            examples += (k == 0 ? "" : ", ") + *issues[members[k]].endpoint;
        }
        model::CollectionIssue collapsed;
        collapsed.severity = issues[i].severity;
        collapsed.source = issues[i].source;
        collapsed.endpoint = std::get<2>(it->first);
        collapsed.message = std::get<3>(it->first) + " (" + std::to_string(members.size()) + " times, e.g. " +
                            examples + (members.size() > max_examples ? ", ...)" : ")");
        // The fact of the first, with the variable parts of its texts replaced as in the message.
        collapsed.fact = std::move(issues[i].fact);
        const auto segments = variable_segments(*issues[i].endpoint);
        for (auto& param : collapsed.fact.params) {
            if (param.name == "endpoint") {
                param.value = *collapsed.endpoint;
            } else if (param.type == model::FactParam::Type::text) {
                param.value = pattern_of(std::move(param.value), segments);
            }
        }
        std::vector<std::string> example_endpoints;
        for (std::size_t k = 0; k < members.size() && k < max_examples; ++k) {
            example_endpoints.push_back(*issues[members[k]].endpoint);
        }
        collapsed.fact.add_int("occurrences", static_cast<std::int64_t>(members.size()));
        collapsed.fact.add("examples", model::FactParam::Type::list, join(example_endpoints, "\n"));
        out.push_back(std::move(collapsed));
    }
    return out;
}

} // namespace pvr::collect
