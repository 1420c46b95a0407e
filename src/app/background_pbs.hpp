#pragma once
// The PBS collection on its own thread, started as soon as the PVE collection knows the storages,
// so that both collections run at once (issue 10). Only the storages go in; the PBS results and
// issues come back in one piece when the pipeline waits for them, so the PVE collection and the
// PBS thread never touch the same data.

#include "collect/pbs_collector.hpp"
#include "config/config.hpp"
#include "model/inventory.hpp"

#include <chrono>
#include <future>
#include <vector>

namespace pvr::app {

class BackgroundPbsCollection {
public:
    BackgroundPbsCollection(const config::Config& config, const collect::PbsClientFactory& factory,
                            collect::PbsCollectorOptions options);
    BackgroundPbsCollection(const BackgroundPbsCollection&) = delete;
    BackgroundPbsCollection& operator=(const BackgroundPbsCollection&) = delete;
    /// Waits for a collection still running (when the PVE side gave up first); its result is dropped.
    ~BackgroundPbsCollection();

    /// Starts collecting the PBS storages among `storages` on a new thread. Once only.
    void start(const std::vector<model::Storage>& storages);
    [[nodiscard]] bool started() const noexcept { return m_result.valid(); }

    /// Waits for the collection and moves its result into `inventory`: pbs_configured,
    /// pbs_servers, pbs_content, and its issues after the PVE ones, collapsed as one list as a
    /// sequential run would: reports stay the same whichever side finishes first. Rethrows what
    /// the collection threw (pvr::Error keeps its kind, hence the exit code). Returns the seconds
    /// the collection took.
    double finish_into(model::Inventory& inventory);

private:
    const config::Config& m_config;
    const collect::PbsClientFactory& m_factory;
    collect::PbsCollectorOptions m_options;
    model::Inventory m_pbs; // the storages in, the PBS side out; the thread's alone until finish_into
    std::chrono::steady_clock::time_point m_start;
    std::future<double> m_result;
};

} // namespace pvr::app
