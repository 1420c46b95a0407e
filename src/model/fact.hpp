#pragma once
// A fact (issue 13): what the analysis or a collector found, as a kind and named parameters,
// never as a sentence. The document stage words it in the report language; the English
// `message`/`reason` fields of the JSON stay for other tools, and the JSON gains the fact
// ({"kind": ..., "params": {name: value}}).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::model {

struct FactParam {
    enum class Type {
        text,       // free text from the cluster (a name, a job comment, a server message): never translated
        identifier, // a word from a closed set (a status, a mode, a kind): translated by the document stage
        integer,    // a count or a VMID
        time,       // epoch seconds
        seconds,    // a duration
        bytes,      // a size
        list,       // several texts joined with '\n' (worded as "a, b and c")
    };
    std::string name;
    Type type = Type::text;
    std::string value; // integers/times/durations/sizes as decimal text

    bool operator==(const FactParam&) const = default;
};

struct Fact {
    std::string kind; // "" = no fact (old producers)
    std::vector<FactParam> params;

    [[nodiscard]] bool empty() const noexcept { return kind.empty(); }
    [[nodiscard]] const FactParam* find(std::string_view name) const noexcept {
        for (const auto& p : params) {
            if (p.name == name) {
                return &p;
            }
        }
        return nullptr;
    }
    [[nodiscard]] std::optional<std::string> text(std::string_view name) const {
        const auto* p = find(name);
        return p != nullptr ? std::optional<std::string>(p->value) : std::nullopt;
    }
    Fact& add(std::string name, FactParam::Type type, std::string value) {
        params.push_back({std::move(name), type, std::move(value)});
        return *this;
    }
    Fact& add_text(std::string name, std::string value) {
        return add(std::move(name), FactParam::Type::text, std::move(value));
    }
    Fact& add_int(std::string name, std::int64_t value) {
        return add(std::move(name), FactParam::Type::integer, std::to_string(value));
    }
    Fact& add_time(std::string name, std::int64_t epoch) {
        return add(std::move(name), FactParam::Type::time, std::to_string(epoch));
    }

    bool operator==(const Fact&) const = default;
};

} // namespace pvr::model
