#include "app/archive_output.hpp"

#include "app/output.hpp"
#include "core/error.hpp"
#include "history/archive.hpp"
#include "history/file_names.hpp"
#include "history/sha256.hpp"

#include <spdlog/spdlog.h>

namespace pvr::app {

std::optional<history::PrunePlan> plan_retention(model::ReportData& data, const config::Config& cfg) {
    if (!cfg.report_retention_days) {
        return std::nullopt;
    }
    auto plan = history::plan_pruning({cfg.output_dir, cfg.archive_dir()}, data.cluster.name.value_or("standalone"),
                                      data.generated_at, *cfg.report_retention_days);
    if (!data.archive) {
        data.archive.emplace();
    }
    data.archive->pruned = plan.records;
    return plan;
}

std::filesystem::path write_archive_record(model::ReportData& data, const config::Config& cfg) {
    if (!data.archive) {
        data.archive.emplace();
    }
    const std::string bytes = history::archive_bytes(data);
    const std::string cluster = data.cluster.name.value_or("standalone");
    for (int attempt = 1;; ++attempt) {
        const auto path = cfg.archive_dir() / history::make_report_file_name(cluster, data.generated_at,
                                                                             history::archive_extension, attempt);
        try {
            write_file_atomically(path, bytes);
        } catch (const Error&) {
            std::error_code ec;
            if (attempt >= 99 || !std::filesystem::exists(path, ec)) {
                throw;
            }
            continue;
        }
        data.archive->own_file = path.filename().string();
        data.archive->own_sha256 = history::sha256_hex(bytes);
        spdlog::info("archive record written: {} (SHA-256 {})", path.string(), *data.archive->own_sha256);
        return path;
    }
}

} // namespace pvr::app
