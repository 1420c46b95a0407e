#include "model/coverage.hpp"

namespace pvr::model {

const char* to_code(CoverageStatus status) noexcept {
    switch (status) {
    case CoverageStatus::scheduled:
        return "sauvegarde_planifiee";
    case CoverageStatus::not_backed_up:
        return "non_sauvegardee";
    case CoverageStatus::undetermined:
        return "indetermine";
    }
    return "indetermine";
}

const char* to_code(RuleSelection selection) noexcept {
    switch (selection) {
    case RuleSelection::vmid:
        return "vmid";
    case RuleSelection::pool:
        return "pool";
    case RuleSelection::all:
        return "all";
    }
    return "vmid";
}

} // namespace pvr::model
