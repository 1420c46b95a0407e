#pragma once
// Building the facts (model/fact.hpp) of anomalies, coverage reasons and notes: the analysis says
// what it found as a kind and parameters; the document stage words it (document/fact_wording.hpp).

#include "model/fact.hpp"
#include "model/guest.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pvr::analysis {

/// A fact of `kind`; `variant` (parameter "case", an identifier) tells which form of the finding it is.
[[nodiscard]] model::Fact make_fact(std::string kind, std::string variant = {});
/// vmid (integer), guest_type ("vm"|"ct", identifier), guest_name (text, when named), template ("yes").
void add_guest(model::Fact& fact, const model::Guest& guest);
/// A list parameter (items joined with '\n').
void add_list(model::Fact& fact, std::string name, const std::vector<std::string>& items);
void add_list(model::Fact& fact, std::string name, const std::vector<std::int64_t>& items);
/// storage, datastore (text) and namespace (text, "" = root).
void add_location(model::Fact& fact, const std::string& storage, const std::string& datastore, const std::string& ns);
/// "VM 100 (web01)", "CT 101": the guest in a list of a fact, in no language ("VM"/"CT" are the same in all).
[[nodiscard]] std::string fact_guest_label(const model::Guest& guest);

} // namespace pvr::analysis
