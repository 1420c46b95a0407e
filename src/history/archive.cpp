#include "history/archive.hpp"

#include "history/file_names.hpp"
#include "history/gzip.hpp"
#include "history/sha256.hpp"
#include "report/json_report.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace pvr::history {
namespace {

/// The file's bytes, at most max_record_bytes (compressed records are much smaller).
std::optional<std::string> read_bytes(const std::filesystem::path& path, std::string& why) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        why = ec.message();
        return std::nullopt;
    }
    if (size > max_record_bytes) {
        why = "file too large";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        why = "cannot be opened";
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        why = "cannot be read";
        return std::nullopt;
    }
    return std::move(buffer).str();
}

FoundRecord read_found(const std::filesystem::path& path, std::int64_t name_time) {
    FoundRecord found;
    found.file = path.filename().string();
    found.name_time = name_time;
    const auto bytes = read_bytes(path, found.why);
    if (!bytes) {
        return found;
    }
    found.sha256 = sha256_hex(*bytes);
    const auto text = gzip_decompress(*bytes, max_record_bytes, found.why);
    if (!text) {
        return found;
    }
    found.record = record_from_json(*text, found.why);
    if (found.record) {
        found.record->digest.file = found.file;
        found.record->digest.sha256 = found.sha256;
    }
    return found;
}

struct Candidate {
    std::filesystem::path path;
    ReportFileName name;
};

std::vector<Candidate> candidates(const std::filesystem::path& dir, std::string& why) {
    std::vector<Candidate> out;
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) {
        why = ec.message();
        return out;
    }
    for (const auto end = std::filesystem::directory_iterator(); it != end; it.increment(ec)) {
        if (ec) {
            why = ec.message();
            break;
        }
        const auto parsed = parse_report_file_name(it->path().filename().string());
        if (parsed && parsed->extension == archive_extension && it->is_regular_file(ec)) {
            out.push_back({it->path(), *parsed});
        }
    }
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.name.generated_at, a.name.attempt, a.path) <
               std::tie(b.name.generated_at, b.name.attempt, b.path);
    });
    return out;
}

} // namespace

std::string archive_bytes(const model::ReportData& report) {
    return gzip_compress(report::to_json(report, report::JsonLayout::compact));
}

std::vector<FoundRecord> scan_archive(const std::filesystem::path& dir, std::string& why) {
    std::vector<FoundRecord> out;
    for (const auto& c : candidates(dir, why)) {
        out.push_back(read_found(c.path, c.name.generated_at));
    }
    return out;
}

void slim_digest(model::RunDigest& run) {
    run.guests.clear();
    run.guests.shrink_to_fit();
    run.jobs.clear();
    run.jobs.shrink_to_fit();
    run.retention_policies.clear();
    run.retention_policies.shrink_to_fit();
    for (auto& anomaly : run.anomalies) {
        anomaly.message.clear();
        anomaly.message.shrink_to_fit();
    }
}

std::vector<model::RunDigest> load_history(const std::filesystem::path& dir, const std::string& cluster,
                                           const LoadOptions& options) {
    std::vector<model::RunDigest> history;
    std::string why;
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        spdlog::info("history: '{}' does not exist yet: first report", dir.string());
        return history;
    }
    auto found = candidates(dir, why);
    if (!why.empty()) {
        spdlog::warn("history: HISTORY_DIR '{}' cannot be read ({}): no history", dir.string(), why);
        return history;
    }
    const std::string safe = safe_cluster_name(cluster);
    std::erase_if(found, [&](const Candidate& c) {
        if (c.name.cluster != safe && c.name.cluster != "standalone") {
            spdlog::debug("history: {} is another cluster's record", c.path.filename().string());
            return true;
        }
        return false;
    });
    if (options.before && options.max_earlier > 0) {
        // `found` is ordered by the time in the names: drop the oldest earlier ones beyond the limit.
        const auto earlier = static_cast<std::size_t>(std::count_if(
            found.begin(), found.end(), [&](const Candidate& c) { return c.name.generated_at < *options.before; }));
        if (earlier > options.max_earlier) {
            const std::size_t skip = earlier - options.max_earlier;
            spdlog::info("history: the {} oldest records of '{}' are not read (a run reads the newest {})", skip,
                         cluster, options.max_earlier);
            std::size_t skipped = 0;
            std::erase_if(found, [&](const Candidate& c) {
                if (skipped < skip && c.name.generated_at < *options.before) {
                    ++skipped;
                    return true;
                }
                return false;
            });
        }
    }
    std::optional<std::size_t> full; // the record kept whole: the newest made before options.before
    for (const auto& c : found) {
        auto record = read_found(c.path, c.name.generated_at);
        if (!record.record) {
            spdlog::warn("history: {} skipped: {}", record.file, record.why);
            continue;
        }
        if (record.record->digest.cluster != cluster) {
            spdlog::info("history: {} skipped: it is cluster '{}', not '{}'", record.file,
                         record.record->digest.cluster, cluster);
            continue;
        }
        model::RunDigest& run = history.emplace_back(std::move(record.record->digest));
        if (!options.before) {
            continue;
        }
        if (run.generated_at >= *options.before) {
            slim_digest(run);
        } else if (!full || history[*full].generated_at <= run.generated_at) {
            if (full) {
                slim_digest(history[*full]);
            }
            full = history.size() - 1;
        } else {
            slim_digest(run);
        }
    }
    std::stable_sort(history.begin(), history.end(), [](const model::RunDigest& a, const model::RunDigest& b) {
        return a.generated_at < b.generated_at;
    });
    spdlog::info("history: {} earlier reports of '{}' in '{}'", history.size(), cluster, dir.string());
    return history;
}

model::ArchiveLink link_to_previous(const std::vector<model::RunDigest>& history) {
    model::ArchiveLink link;
    if (!history.empty()) {
        link.previous_file = history.back().file;
        link.previous_sha256 = history.back().sha256;
        link.previous_generated_at = history.back().generated_at;
    }
    return link;
}

} // namespace pvr::history
