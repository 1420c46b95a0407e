#pragma once
// The per-storage PBS variables (PBS_<STORAGE>_URL, _TOKEN_ID, _TOKEN_SECRET[_FILE],
// _FINGERPRINT) name a storage by its key; the storage ids are only known once /storage has been
// read. A variable that names no PBS storage of the cluster is almost always a typo
// (PBS_PBS_LABS_FINGERPRINT for storage pbs-lab): the pin or the token the operator meant is not
// in force, so the run stops (exit 2) rather than ignoring it.

#include "config/config.hpp"
#include "model/storage.hpp"

#include <vector>

namespace pvr::collect {

/// Throws Error(config) naming every such variable and the PBS storages that exist, with the
/// variable prefix each would take. Does nothing when every override names a PBS storage.
void check_pbs_overrides(const config::Config& config, const std::vector<model::Storage>& storages);

} // namespace pvr::collect
