#include "config/exceptions_file.hpp"

#include "core/strings.hpp"
#include "core/time.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace pvr::config {

namespace {

constexpr std::int64_t k_min_vmid = 100;
constexpr std::int64_t k_max_vmid = 999999999;

const std::vector<std::string_view>& known_keys() {
    static const std::vector<std::string_view> keys = {"id",     "vmid",   "name",  "pool", "tag",
                                                       "accept", "reason", "owner", "until"};
    return keys;
}

std::string type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number with a fraction";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

std::int64_t line_of(const toml::node& node) { return static_cast<std::int64_t>(node.source().begin.line); }

std::string accept_help() {
    std::string kinds;
    for (const auto kind : model::guest_anomaly_kinds()) {
        kinds += kinds.empty() ? "" : ", ";
        kinds += kind;
    }
    return "expected not_backed_up, overdue, retention_mismatch or anomaly:<kind> with <kind> one of " + kinds;
}

bool valid_date(int year, int month, int day) {
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= k_days[month - 1] + (month == 2 && leap ? 1 : 0);
}

/// Reads one [[exception]] table; problems go through `problem(line, text)`.
class ExceptionReader {
public:
    using Problems = std::vector<std::pair<std::int64_t, std::string>>; // line, text

    ExceptionReader(const std::string& file, Problems& problems) : m_file(file), m_problems(problems) {}

    std::optional<model::AcceptedException> read(const toml::table& table, std::int64_t index) {
        const std::size_t problems_before = m_problems.size();
        model::AcceptedException e;
        e.index = index;
        e.line = line_of(table);
        e.source = "file";
        e.file = m_file;
        e.id = fmt::format("exception-{}", index);
        m_label = fmt::format("exception #{}", index);

        for (const auto& [key, node] : table) {
            const std::string_view name = key.str();
            const auto line = static_cast<std::int64_t>(key.source().begin.line);
            if (std::find(known_keys().begin(), known_keys().end(), name) == known_keys().end()) {
                problem(line, fmt::format("unknown key '{}' in {} (expected id, vmid, name, pool, tag, accept, reason, "
                                          "owner, until)",
                                          name, m_label));
            } else if (name == "id") {
                read_id(node, e);
            } else if (name == "vmid") {
                read_vmids(node, e);
            } else if (name == "name") {
                e.match.name = read_text(node, "name", "a glob such as \"k8s-worker-*\"");
            } else if (name == "pool") {
                e.match.pool = read_text(node, "pool", "a pool id");
            } else if (name == "tag") {
                if (auto tag = read_text(node, "tag", "a PVE tag")) {
                    e.match.tag = to_lower(*tag);
                }
            } else if (name == "accept") {
                read_accept(node, e);
            } else if (name == "reason") {
                e.reason = read_text(node, "reason", "why it is accepted").value_or("");
            } else if (name == "owner") {
                e.owner = read_text(node, "owner", "who answers for it");
            } else if (name == "until") {
                e.until = read_until(node);
            }
        }
        const auto has = [&](std::string_view key) { return table.contains(key); };
        if (!has("vmid") && !has("name") && !has("pool") && !has("tag")) {
            problem(e.line, fmt::format("{} matches nothing: give at least one of vmid, name, pool, tag", m_label));
        }
        for (const auto& [key, what] : {std::pair<std::string_view, std::string_view>{"accept", "what it accepts"},
                                        {"reason", "why it is accepted"},
                                        {"owner", "who answers for it"},
                                        {"until", "the last day it applies, YYYY-MM-DD"}}) {
            if (!has(key)) {
                problem(e.line, fmt::format("{}: '{}' is missing ({})", m_label, key, what));
            }
        }
        if (m_problems.size() != problems_before) {
            return std::nullopt;
        }
        return e;
    }

private:
    void problem(std::int64_t line, const std::string& text) {
        m_problems.emplace_back(line, fmt::format("{} line {}: {}", m_file, line, text));
    }

    void wrong_type(const toml::node& node, std::string_view key, std::string_view expected) {
        problem(line_of(node), fmt::format("'{}' must be {}, got {}", key, expected, type_name(node)));
    }

    std::optional<std::string> read_text(const toml::node& node, std::string_view key, std::string_view what) {
        const auto* value = node.as_string();
        if (value == nullptr) {
            wrong_type(node, key, fmt::format("a string ({})", what));
            return std::nullopt;
        }
        std::string text = trim(value->get());
        if (text.empty()) {
            problem(line_of(node), fmt::format("'{}' is empty ({})", key, what));
            return std::nullopt;
        }
        return text;
    }

    void read_id(const toml::node& node, model::AcceptedException& e) {
        auto id = read_text(node, "id", "a short name such as \"tmpl-9001\"");
        if (!id) {
            return;
        }
        const bool ok = std::all_of(id->begin(), id->end(), [](unsigned char c) {
            return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
        });
        if (!ok) {
            problem(line_of(node), fmt::format("'id' = \"{}\": use letters, digits, '-', '_' and '.' only", *id));
            return;
        }
        if (const auto it = m_ids.find(*id); it != m_ids.end()) {
            problem(line_of(node),
                    fmt::format("'id' = \"{}\" is already used by the exception at line {}", *id, it->second));
            return;
        }
        m_ids.emplace(*id, line_of(node));
        e.id = *id;
    }

    void add_vmid(const toml::node& node, model::AcceptedException& e) {
        const auto* value = node.as_integer();
        if (value == nullptr) {
            wrong_type(node, "vmid", "an integer or an array of integers");
            return;
        }
        const std::int64_t vmid = value->get();
        if (vmid < k_min_vmid || vmid > k_max_vmid) {
            problem(line_of(node), fmt::format("'vmid' {} is not a VMID ({}..{})", vmid, k_min_vmid, k_max_vmid));
            return;
        }
        e.match.vmids.push_back(vmid);
    }

    void read_vmids(const toml::node& node, model::AcceptedException& e) {
        if (const auto* array = node.as_array()) {
            if (array->empty()) {
                problem(line_of(node), "'vmid' is an empty array");
            }
            for (const auto& item : *array) {
                add_vmid(item, e);
            }
            return;
        }
        add_vmid(node, e);
    }

    void read_accept(const toml::node& node, model::AcceptedException& e) {
        const auto* array = node.as_array();
        if (array == nullptr) {
            if (node.is_string()) {
                wrong_type(node, "accept", "an array of strings, e.g. accept = [\"not_backed_up\"]");
            } else {
                wrong_type(node, "accept", "an array of strings");
            }
            return;
        }
        if (array->empty()) {
            problem(line_of(node), "'accept' is empty: say what is accepted (" + accept_help() + ")");
        }
        for (const auto& item : *array) {
            const auto* value = item.as_string();
            if (value == nullptr) {
                wrong_type(item, "accept", "an array of strings");
                continue;
            }
            const std::string entry = trim(value->get());
            if (model::accepted_anomaly_kinds(entry).empty()) {
                if (entry.rfind("anomaly:", 0) == 0) {
                    problem(line_of(item),
                            fmt::format("'accept': '{}' is not an anomaly about a guest ({})", entry, accept_help()));
                } else {
                    problem(line_of(item), fmt::format("'accept': unknown kind '{}' ({})", entry, accept_help()));
                }
                continue;
            }
            if (std::find(e.accept.begin(), e.accept.end(), entry) == e.accept.end()) {
                e.accept.push_back(entry);
            }
        }
    }

    std::optional<std::string> read_until(const toml::node& node) {
        if (const auto* date = node.as_date()) {
            const auto& d = date->get();
            if (!valid_date(d.year, d.month, d.day)) {
                problem(line_of(node), "'until' is not a valid date (YYYY-MM-DD)");
                return std::nullopt;
            }
            return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
        }
        if (const auto* text = node.as_string()) {
            const std::string value = trim(text->get());
            const auto digits = [&](std::size_t from, std::size_t count) {
                return std::all_of(value.begin() + static_cast<std::ptrdiff_t>(from),
                                   value.begin() + static_cast<std::ptrdiff_t>(from + count),
                                   [](unsigned char c) { return std::isdigit(c) != 0; });
            };
            if (value.size() == 10 && value[4] == '-' && value[7] == '-' && digits(0, 4) && digits(5, 2) &&
                digits(8, 2) &&
                valid_date(std::stoi(value.substr(0, 4)), std::stoi(value.substr(5, 2)),
                           std::stoi(value.substr(8, 2)))) {
                return value;
            }
            problem(line_of(node), fmt::format("'until' = \"{}\" is not a date (YYYY-MM-DD)", value));
            return std::nullopt;
        }
        wrong_type(node, "until", "a date (YYYY-MM-DD, e.g. until = 2027-06-30)");
        return std::nullopt;
    }

    const std::string& m_file;
    Problems& m_problems;
    std::string m_label;
    std::map<std::string, std::int64_t, std::less<>> m_ids;
};

} // namespace

bool valid_pve_tag(std::string_view tag) {
    if (tag.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < tag.size(); ++i) {
        const auto c = static_cast<unsigned char>(tag[i]);
        const bool word = std::isalnum(c) != 0 || c == '_';
        if (!word && (i == 0 || (c != '-' && c != '+' && c != '.'))) {
            return false;
        }
    }
    return true;
}

std::vector<model::AcceptedException> parse_exceptions(std::string_view text, const std::string& file,
                                                       std::vector<std::string>& problems) {
    std::vector<model::AcceptedException> out;
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        problems.push_back(fmt::format("{} line {}: not valid TOML: {}", file, e.source().begin.line, e.description()));
        return out;
    }
    ExceptionReader::Problems found;
    ExceptionReader reader(file, found);
    for (const auto& [key, node] : root) {
        const auto line = static_cast<std::int64_t>(key.source().begin.line);
        if (key.str() != "exception") {
            found.emplace_back(line,
                               fmt::format("{} line {}: unknown key '{}' (the file holds [[exception]] tables only)",
                                           file, line, key.str()));
            continue;
        }
        const auto* array = node.as_array();
        if (array == nullptr || !array->is_array_of_tables()) {
            found.emplace_back(line,
                               fmt::format("{} line {}: 'exception' must be written [[exception]] (a list of tables), "
                                           "got {}",
                                           file, line, type_name(node)));
            continue;
        }
        std::int64_t index = 0;
        for (const auto& item : *array) {
            ++index;
            if (auto e = reader.read(*item.as_table(), index)) {
                out.push_back(std::move(*e));
            }
        }
    }
    // TOML tables iterate in key order: report the problems in line order.
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, message] : found) {
        problems.push_back(std::move(message));
    }
    return out;
}

} // namespace pvr::config
