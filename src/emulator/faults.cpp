#include "emulator/faults.hpp"

#include "core/error.hpp"
#include "core/strings.hpp"
#include "emulator/fault_bodies.hpp"

#include <nlohmann/json.hpp>

namespace pvr::emulator {
namespace {

[[noreturn]] void bad_spec(const std::string& spec, const std::string& why) {
    throw Error(ErrorKind::config,
                "invalid fault '" + spec + "': " + why +
                    " (expected GLOB=STATUS, GLOB=STATUS:REASON, GLOB=delay:MS, GLOB=malformed, GLOB=reset, "
                    "GLOB=stall, GLOB=slow:MS, GLOB=body:TEXT, GLOB=nest:DEPTH or GLOB=gzip-bomb:MIB)");
}

constexpr long long k_max_nest_depth = 10'000'000;
constexpr long long k_max_bomb_mib = 4096;

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

std::optional<Fault::Network> network_of(const std::string& name) {
    if (name == "none") {
        return Fault::Network::none;
    }
    if (name == "reset") {
        return Fault::Network::reset;
    }
    if (name == "stall") {
        return Fault::Network::stall;
    }
    if (name == "slow") {
        return Fault::Network::slow;
    }
    return std::nullopt;
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
    if (action == "reset" || action == "stall") {
        fault.network = action == "reset" ? Fault::Network::reset : Fault::Network::stall;
        return fault;
    }
    if (action.rfind("slow:", 0) == 0) {
        const auto ms = parse_int(action.substr(5));
        if (!ms || *ms < 1) {
            bad_spec(spec, "the slow interval must be a positive number of milliseconds");
        }
        fault.network = Fault::Network::slow;
        fault.slow_interval = std::chrono::milliseconds(*ms);
        return fault;
    }
    if (action.rfind("body:", 0) == 0) {
        fault.body = action.substr(5);
        return fault;
    }
    if (action.rfind("nest:", 0) == 0) {
        const auto depth = parse_int(action.substr(5));
        if (!depth || *depth < 1 || *depth > k_max_nest_depth) {
            bad_spec(spec, "the nesting depth must be between 1 and " + std::to_string(k_max_nest_depth));
        }
        fault.body = deeply_nested_json(static_cast<std::size_t>(*depth));
        return fault;
    }
    if (action.rfind("gzip-bomb:", 0) == 0) {
        const auto mib = parse_int(action.substr(10));
        if (!mib || *mib < 1 || *mib > k_max_bomb_mib) {
            bad_spec(spec, "the inflated size must be between 1 and " + std::to_string(k_max_bomb_mib) + " MiB");
        }
        fault.body = gzip_bomb(static_cast<std::size_t>(*mib) << 20U);
        fault.content_encoding = "gzip";
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
            } else if (key == "body" && value.is_string()) {
                fault.body = value.get<std::string>();
            } else if (key == "content_type" && value.is_string()) {
                fault.content_type = value.get<std::string>();
            } else if (key == "content_encoding" && value.is_string()) {
                fault.content_encoding = value.get<std::string>();
            } else if (key == "nest_depth" && value.is_number_integer() && value.get<long long>() >= 1 &&
                       value.get<long long>() <= k_max_nest_depth) {
                fault.body = deeply_nested_json(value.get<std::size_t>());
            } else if (key == "gzip_bomb_mib" && value.is_number_integer() && value.get<long long>() >= 1 &&
                       value.get<long long>() <= k_max_bomb_mib) {
                fault.body = gzip_bomb(value.get<std::size_t>() << 20U);
                fault.content_encoding = "gzip";
            } else if (key == "replace" && value.is_array()) {
                for (const auto& pair : value) {
                    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string() ||
                        pair[0].get<std::string>().empty()) {
                        fail(where + ": \"replace\" must be a list of [FROM, TO] string pairs (FROM not empty)");
                    }
                    fault.replace.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
                }
            } else if (key == "network" && value.is_string() && network_of(value.get<std::string>())) {
                fault.network = *network_of(value.get<std::string>());
            } else if (key == "slow_ms" && value.is_number_integer() && value.get<long long>() >= 1) {
                fault.slow_interval = std::chrono::milliseconds(value.get<long long>());
            } else if (key == "slow_chunk" && value.is_number_integer() && value.get<long long>() >= 1) {
                fault.slow_chunk = value.get<std::size_t>();
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
        if (!result.answer && fault.shapes_answer()) {
            result.answer = fault;
        }
    }
    return result;
}

} // namespace pvr::emulator
