#include "history/verify.hpp"

#include "core/time.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

namespace pvr::history {
namespace {

std::string date_of(std::int64_t t) { return iso8601_utc(t).substr(0, 10); }

struct Removal {
    std::string by_file;
    std::int64_t at = 0;
    std::string sha256;
};

void verify_cluster(const std::string& cluster, const std::vector<const FoundRecord*>& chain,
                    const std::map<std::string, Removal>& removed, const std::set<std::string>& present,
                    VerifyResult& result) {
    const auto& first = chain.front()->record->digest;
    const auto& last = chain.back()->record->digest;
    result.lines.push_back(fmt::format("cluster {}: {} reports from {} to {}", cluster, chain.size(),
                                       iso8601_utc(first.generated_at), iso8601_utc(last.generated_at)));
    const std::size_t breaks_before = result.breaks;
    const auto fail = [&](std::string text) {
        ++result.breaks;
        result.lines.push_back("  BREAK: " + std::move(text));
    };
    std::map<std::string, std::string> claimed; // predecessor file -> first record naming it
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        index_of[chain[i]->file] = i;
    }
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const FoundRecord& rec = *chain[i];
        const auto& link = rec.record->link;
        if (link.previous_file) {
            const auto [it, inserted] = claimed.emplace(*link.previous_file, rec.file);
            if (!inserted) {
                fail(fmt::format("inserted record: {} and {} both name {} as their previous report", it->second,
                                 rec.file, *link.previous_file));
            }
        }
        if (i == 0) {
            if (!link.previous_file) {
                result.lines.push_back(fmt::format("  chain starts at {} (first report)", rec.file));
            } else if (const auto r = removed.find(*link.previous_file); r != removed.end()) {
                result.lines.push_back(fmt::format("  chain starts at {} (earlier reports removed by retention on {})",
                                                   rec.file, date_of(r->second.at)));
            } else if (present.count(*link.previous_file) != 0) {
                fail(fmt::format("{} names {} as its previous report, which is unreadable", rec.file,
                                 *link.previous_file));
            } else {
                fail(fmt::format("missing record: {} names {} as its previous report; it is absent and no later "
                                 "report removed it by retention",
                                 rec.file, *link.previous_file));
            }
            continue;
        }
        const FoundRecord& pred = *chain[i - 1];
        if (!link.previous_file) {
            fail(fmt::format("inserted record: {} names no previous report, but follows {}", rec.file, pred.file));
            continue;
        }
        const std::string& prev = *link.previous_file;
        if (prev == pred.file) {
            if (link.previous_sha256 != pred.sha256) {
                fail(fmt::format("edited record: {} has SHA-256 {}, but {} recorded {}", pred.file, pred.sha256,
                                 rec.file, link.previous_sha256.value_or("nothing")));
            }
            continue;
        }
        if (const auto j = index_of.find(prev); j != index_of.end()) {
            if (j->second < i) {
                std::vector<std::string> between;
                for (std::size_t k = j->second + 1; k < i; ++k) {
                    between.push_back(chain[k]->file);
                }
                fail(fmt::format("inserted record: {} names {} as its previous report, but {} come{} between them",
                                 rec.file, prev, fmt::join(between, ", "), between.size() == 1 ? "s" : ""));
            } else {
                fail(
                    fmt::format("inserted record: {} names {} as its previous report, a later report", rec.file, prev));
            }
            if (link.previous_sha256 != chain[j->second]->sha256) {
                fail(fmt::format("edited record: {} has SHA-256 {}, but {} recorded {}", prev, chain[j->second]->sha256,
                                 rec.file, link.previous_sha256.value_or("nothing")));
            }
            continue;
        }
        if (present.count(prev) != 0) {
            fail(fmt::format("{} names {} as its previous report, which is unreadable", rec.file, prev));
        } else if (removed.count(prev) != 0) {
            fail(fmt::format("missing record: {} (the previous report of {}, after {}) was removed by retention "
                             "although a report older than it is kept",
                             prev, rec.file, pred.file));
        } else {
            fail(fmt::format("missing record: {} (the previous report of {}, after {}) is absent", prev, rec.file,
                             pred.file));
        }
    }
    if (result.breaks == breaks_before) {
        result.lines.push_back(fmt::format("  chain holds; newest record {} has SHA-256 {} (its PDF shows it)",
                                           last.file.empty() ? chain.back()->file : last.file, chain.back()->sha256));
    }
}

} // namespace

VerifyResult verify_records(const std::vector<FoundRecord>& records) {
    VerifyResult result;
    result.records = records.size();
    std::map<std::string, std::vector<const FoundRecord*>> by_cluster;
    std::map<std::string, Removal> removed;
    std::set<std::string> present;
    for (const auto& rec : records) {
        present.insert(rec.file);
        if (!rec.record) {
            ++result.breaks;
            result.lines.push_back(fmt::format("BREAK: unreadable record {}: {}", rec.file, rec.why));
            continue;
        }
        by_cluster[rec.record->digest.cluster].push_back(&rec);
        for (const auto& p : rec.record->link.pruned) {
            removed.emplace(p.file, Removal{rec.file, rec.record->digest.generated_at, p.sha256});
        }
    }
    for (auto& [cluster, chain] : by_cluster) {
        std::stable_sort(chain.begin(), chain.end(), [](const FoundRecord* a, const FoundRecord* b) {
            return a->record->digest.generated_at < b->record->digest.generated_at;
        });
        verify_cluster(cluster, chain, removed, present, result);
    }
    if (records.empty()) {
        result.lines.emplace_back("no archive records (pve-backup-report_*.data.json.gz) found");
    }
    result.lines.push_back(result.breaks == 0
                               ? fmt::format("archive verified: {} records, every chain holds", records.size())
                               : fmt::format("archive NOT verified: {} break{} in {} records", result.breaks,
                                             result.breaks == 1 ? "" : "s", records.size()));
    return result;
}

} // namespace pvr::history
