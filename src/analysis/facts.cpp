#include "analysis/facts.hpp"

#include <fmt/format.h>

namespace pvr::analysis {

model::Fact make_fact(std::string kind, std::string variant) {
    model::Fact fact;
    fact.kind = std::move(kind);
    if (!variant.empty()) {
        fact.add("case", model::FactParam::Type::identifier, std::move(variant));
    }
    return fact;
}

void add_guest(model::Fact& fact, const model::Guest& guest) {
    fact.add_int("vmid", guest.vmid);
    fact.add("guest_type", model::FactParam::Type::identifier, guest.type == model::GuestType::qemu ? "vm" : "ct");
    if (guest.name && !guest.name->empty()) {
        fact.add_text("guest_name", *guest.name);
    }
    if (guest.is_template.value_or(false)) {
        fact.add("template", model::FactParam::Type::identifier, "yes");
    }
}

void add_list(model::Fact& fact, std::string name, const std::vector<std::string>& items) {
    fact.add(std::move(name), model::FactParam::Type::list, fmt::format("{}", fmt::join(items, "\n")));
}

void add_list(model::Fact& fact, std::string name, const std::vector<std::int64_t>& items) {
    fact.add(std::move(name), model::FactParam::Type::list, fmt::format("{}", fmt::join(items, "\n")));
}

void add_location(model::Fact& fact, const std::string& storage, const std::string& datastore, const std::string& ns) {
    fact.add_text("storage", storage);
    fact.add_text("datastore", datastore);
    fact.add_text("namespace", ns);
}

std::string fact_guest_label(const model::Guest& guest) {
    std::string out = fmt::format("{} {}", guest.type == model::GuestType::qemu ? "VM" : "CT", guest.vmid);
    if (guest.name && !guest.name->empty()) {
        out += fmt::format(" ({})", *guest.name);
    }
    return out;
}

} // namespace pvr::analysis
