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

} // namespace pvr::model
