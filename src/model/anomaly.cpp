#include "model/anomaly.hpp"

namespace pvr::model {

const char* to_string(Severity severity) noexcept {
    switch (severity) {
    case Severity::info:
        return "info";
    case Severity::warning:
        return "warning";
    case Severity::critical:
        return "critical";
    }
    return "warning";
}

} // namespace pvr::model
