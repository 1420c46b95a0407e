#include "app/background_pbs.hpp"

#include "collect/collapse_issues.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace pvr::app {

BackgroundPbsCollection::BackgroundPbsCollection(const config::Config& config, const collect::PbsClientFactory& factory,
                                                 collect::PbsCollectorOptions options)
    : m_config(config), m_factory(factory), m_options(std::move(options)) {}

BackgroundPbsCollection::~BackgroundPbsCollection() {
    if (m_result.valid()) {
        m_result.wait();
    }
}

void BackgroundPbsCollection::start(const std::vector<model::Storage>& storages) {
    if (m_result.valid()) {
        return;
    }
    m_pbs.storages = storages;
    m_start = std::chrono::steady_clock::now();
    const auto pbs_storages = std::count_if(storages.begin(), storages.end(), [](const auto& s) { return s.is_pbs(); });
    spdlog::info("PBS collection starts ({} PBS storages) while the PVE collection goes on", pbs_storages);
    m_result = std::async(std::launch::async, [this] {
        collect::collect_pbs(m_pbs, m_config, m_factory, m_options);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - m_start;
        std::size_t snapshots = 0;
        for (const auto& [storage, content] : m_pbs.pbs_content) {
            snapshots += content.snapshots.size();
        }
        spdlog::info("PBS collection done: {} snapshots from {} PBS server(s) in {:.2f} s", snapshots,
                     m_pbs.pbs_servers.size(), took.count());
        return took.count();
    });
}

double BackgroundPbsCollection::finish_into(model::Inventory& inventory) {
    const auto waiting = std::chrono::steady_clock::now();
    const double seconds = m_result.get(); // rethrows the thread's exception
    const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - waiting;
    spdlog::info("PBS collection joined after the PVE collection ({:.2f} s waited for it)", waited.count());
    inventory.pbs_configured = m_pbs.pbs_configured;
    inventory.pbs_servers = std::move(m_pbs.pbs_servers);
    inventory.pbs_content = std::move(m_pbs.pbs_content);
    inventory.issues.insert(inventory.issues.end(), std::make_move_iterator(m_pbs.issues.begin()),
                            std::make_move_iterator(m_pbs.issues.end()));
    inventory.issues = collect::collapse_issues(std::move(inventory.issues));
    return seconds;
}

} // namespace pvr::app
