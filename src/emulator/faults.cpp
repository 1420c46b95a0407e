#include "emulator/faults.hpp"

#include "core/error.hpp"
#include "core/strings.hpp"

#include <nlohmann/json.hpp>

namespace pvr::emulator {
namespace {

[[noreturn]] void bad_spec(const std::string& spec, const std::string& why) {
    throw Error(ErrorKind::config, "invalid fault '" + spec + "': " + why +
                                       " (expected GLOB=STATUS, GLOB=STATUS:REASON, GLOB=delay:MS or GLOB=malformed)");
}

void check_glob(const std::string& glob, const std::string& spec) {
    if (glob.empty() || (glob.front() != '/' && glob.front() != '*')) {
        bad_spec(spec, "the path glob must start with '/' or '*'");
    }
}

void check_status(long long status, const std::string& spec) {
    if (status < 100 || status > 999) {
        bad_spec(spec, "the status must be between 100 and 999");
    }
}

} // namespace

bool glob_match(std::string_view glob, std::string_view text) noexcept {
    std::size_t g = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_text = 0;
    while (t < text.size()) {
        if (g < glob.size() && glob[g] == '*') {
            star = g++;
            star_text = t;
        } else if (g < glob.size() && glob[g] == text[t]) {
            ++g;
            ++t;
        } else if (star != std::string_view::npos) {
            g = star + 1;
            t = ++star_text;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*') {
        ++g;
    }
    return g == glob.size();
}

Fault parse_fault(const std::string& spec) {
    const auto equals = spec.find('=');
    if (equals == std::string::npos) {
        bad_spec(spec, "missing '='");
    }
    Fault fault;
    fault.path_glob = spec.substr(0, equals);
    check_glob(fault.path_glob, spec);
    const std::string action = spec.substr(equals + 1);
    if (action == "malformed") {
        fault.malformed = true;
        return fault;
    }
    if (action.rfind("delay:", 0) == 0) {
        const auto ms = parse_int(action.substr(6));
        if (!ms || *ms < 0) {
            bad_spec(spec, "the delay must be a number of milliseconds");
        }
        fault.delay = std::chrono::milliseconds(*ms);
        return fault;
    }
    const auto colon = action.find(':');
    const auto status = parse_int(action.substr(0, colon));
    if (!status) {
        bad_spec(spec, "unknown action '" + action + "'");
    }
    check_status(*status, spec);
    fault.status = static_cast<int>(*status);
    if (colon != std::string::npos) {
        fault.reason = action.substr(colon + 1);
    }
    return fault;
}

std::vector<Fault> faults_from_json(const std::string& json_text, const std::string& source) {
    const auto fail = [&](const std::string& why) -> void {
        throw Error(ErrorKind::config, "invalid faults in '" + source + "': " + why);
    };
    const auto doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
        fail("expected a JSON array of fault objects");
    }
    std::vector<Fault> faults;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const auto& entry = doc[i];
        const std::string where = "entry " + std::to_string(i + 1);
        if (!entry.is_object()) {
            fail(where + " is not an object");
        }
        Fault fault;
        for (const auto& [key, value] : entry.items()) {
            if (key == "path" && value.is_string()) {
                fault.path_glob = value.get<std::string>();
            } else if (key == "status" && value.is_number_integer()) {
                fault.status = value.get<int>();
            } else if (key == "reason" && value.is_string()) {
                fault.reason = value.get<std::string>();
            } else if (key == "delay_ms" && value.is_number_integer() && value.get<long long>() >= 0) {
                fault.delay = std::chrono::milliseconds(value.get<long long>());
            } else if (key == "malformed" && (value.is_boolean() || value.is_number_integer())) {
                fault.malformed = value.is_boolean() ? value.get<bool>() : value.get<int>() != 0;
            } else {
                fail(where + ": unknown key or bad value '" + key + "'");
            }
        }
        if (fault.path_glob.empty() || (fault.path_glob.front() != '/' && fault.path_glob.front() != '*')) {
            fail(where + ": \"path\" must be a glob starting with '/' or '*'");
        }
        if (fault.status != 0 && (fault.status < 100 || fault.status > 999)) {
            fail(where + ": \"status\" must be between 100 and 999");
        }
        faults.push_back(std::move(fault));
    }
    return faults;
}

void FaultList::add(Fault fault) {
    const std::lock_guard lock(m_mutex);
    m_faults.push_back(std::move(fault));
}

void FaultList::clear() {
    const std::lock_guard lock(m_mutex);
    m_faults.clear();
}

FaultMatch FaultList::match(const std::string& api_path) const {
    FaultMatch result;
    const std::lock_guard lock(m_mutex);
    for (const auto& fault : m_faults) {
        if (!glob_match(fault.path_glob, api_path)) {
            continue;
        }
        result.delay += fault.delay;
        if (!result.answer && (fault.status != 0 || fault.malformed)) {
            result.answer = fault;
        }
    }
    return result;
}

} // namespace pvr::emulator
