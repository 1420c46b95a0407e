#include "history/retention.hpp"

#include "history/archive.hpp"
#include "history/file_names.hpp"
#include "history/gzip.hpp"
#include "history/sha256.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace pvr::history {
namespace {

model::PrunedReport describe_record(const std::filesystem::path& path, std::int64_t name_time) {
    model::PrunedReport pruned{path.filename().string(), "", name_time};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = std::move(buffer).str();
    pruned.sha256 = sha256_hex(bytes);
    std::string why;
    if (const auto text = gzip_decompress(bytes, max_record_bytes, why)) {
        if (const auto record = record_from_json(*text, why)) {
            pruned.generated_at = record->digest.generated_at;
        }
    }
    return pruned;
}

} // namespace

PrunePlan plan_pruning(const std::vector<std::filesystem::path>& dirs, const std::string& cluster, std::int64_t now,
                       std::int64_t days) {
    PrunePlan plan;
    const std::string safe = safe_cluster_name(cluster);
    const std::int64_t cutoff = now - days * 86400;
    std::set<std::filesystem::path> seen;
    for (const auto& dir : dirs) {
        std::error_code ec;
        const auto canonical = std::filesystem::weakly_canonical(dir, ec);
        if (!seen.insert(ec ? dir : canonical).second) {
            continue; // HISTORY_DIR = OUTPUT_DIR
        }
        std::vector<std::pair<std::filesystem::path, ReportFileName>> found;
        std::filesystem::directory_iterator it(dir, ec);
        if (ec) {
            spdlog::warn("REPORT_RETENTION_DAYS: '{}' cannot be read: {}", dir.string(), ec.message());
            continue;
        }
        for (const auto end = std::filesystem::directory_iterator(); it != end; it.increment(ec)) {
            if (ec) {
                break;
            }
            const auto name = parse_report_file_name(it->path().filename().string());
            if (name && name->cluster == safe && name->generated_at < cutoff && it->is_regular_file(ec)) {
                found.emplace_back(it->path(), *name);
            }
        }
        std::sort(found.begin(), found.end(),
                  [](const auto& a, const auto& b) { return a.second.generated_at < b.second.generated_at; });
        for (const auto& [path, name] : found) {
            plan.files.push_back(path);
            if (name.extension == archive_extension) {
                plan.records.push_back(describe_record(path, name.generated_at));
            }
        }
    }
    return plan;
}

void remove_pruned(const PrunePlan& plan) {
    std::size_t removed = 0;
    for (const auto& path : plan.files) {
        std::error_code ec;
        if (std::filesystem::remove(path, ec)) {
            ++removed;
            spdlog::debug("REPORT_RETENTION_DAYS: removed {}", path.string());
        } else if (ec) {
            spdlog::warn("REPORT_RETENTION_DAYS: cannot remove {}: {}", path.string(), ec.message());
        }
    }
    if (!plan.files.empty()) {
        spdlog::info("REPORT_RETENTION_DAYS: removed {} old report files ({} archive records)", removed,
                     plan.records.size());
    }
}

} // namespace pvr::history
