#include "history/verify.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace pvr;
using history::FoundRecord;

/// A chain of `n` daily records of cluster "c": file r<i>, hash h<i>, each naming its predecessor.
std::vector<FoundRecord> chain(int n) {
    std::vector<FoundRecord> out;
    for (int i = 0; i < n; ++i) {
        FoundRecord r;
        r.file = "r" + std::to_string(i);
        r.sha256 = "h" + std::to_string(i);
        r.record.emplace();
        r.record->digest.cluster = "c";
        r.record->digest.generated_at = 1000000 + i * 86400;
        if (i > 0) {
            r.record->link.previous_file = "r" + std::to_string(i - 1);
            r.record->link.previous_sha256 = "h" + std::to_string(i - 1);
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::string all(const history::VerifyResult& result) {
    std::string out;
    for (const auto& line : result.lines) {
        out += line + "\n";
    }
    return out;
}

TEST(VerifyArchive, AnIntactChainHolds) {
    const auto result = history::verify_records(chain(5));
    EXPECT_EQ(result.breaks, 0U) << all(result);
    EXPECT_NE(all(result).find("chain starts at r0 (first report)"), std::string::npos);
}

TEST(VerifyArchive, AnEditedRecordIsNamed) {
    auto records = chain(5);
    records[2].sha256 = "edited";
    const auto result = history::verify_records(records);
    EXPECT_EQ(result.breaks, 1U);
    EXPECT_NE(all(result).find("edited record: r2 has SHA-256 edited, but r3 recorded h2"), std::string::npos)
        << all(result);
}

TEST(VerifyArchive, AMissingRecordIsNamed) {
    auto records = chain(5);
    records.erase(records.begin() + 2);
    const auto result = history::verify_records(records);
    EXPECT_EQ(result.breaks, 1U);
    EXPECT_NE(all(result).find("missing record: r2 (the previous report of r3, after r1) is absent"), std::string::npos)
        << all(result);
}

TEST(VerifyArchive, AnInsertedRecordIsNamed) {
    auto records = chain(5);
    FoundRecord forged = records[2];
    forged.file = "forged";
    forged.sha256 = "hf";
    forged.record->digest.generated_at += 3600;
    records.insert(records.begin() + 3, forged);
    const auto result = history::verify_records(records);
    EXPECT_GE(result.breaks, 1U);
    EXPECT_NE(all(result).find("inserted record: r3 names r2 as its previous report, but forged comes between them"),
              std::string::npos)
        << all(result);
}

TEST(VerifyArchive, ARetentionPrunedHeadIsNotABreak) {
    auto records = chain(5);
    records.erase(records.begin(), records.begin() + 2);
    records.back().record->link.pruned = {{"r0", "h0", 1000000}, {"r1", "h1", 1086400}};
    const auto result = history::verify_records(records);
    EXPECT_EQ(result.breaks, 0U) << all(result);
    EXPECT_NE(all(result).find("chain starts at r2 (earlier reports removed by retention on 1970-01-16)"),
              std::string::npos)
        << all(result);
}

TEST(VerifyArchive, AHeadRemovedWithoutRetentionIsABreak) {
    auto records = chain(5);
    records.erase(records.begin());
    const auto result = history::verify_records(records);
    EXPECT_EQ(result.breaks, 1U);
    EXPECT_NE(all(result).find("missing record: r1 names r0"), std::string::npos) << all(result);
}

TEST(VerifyArchive, AnUnreadableRecordIsABreak) {
    auto records = chain(3);
    records[1].record.reset();
    records[1].why = "not valid gzip data";
    const auto result = history::verify_records(records);
    EXPECT_GE(result.breaks, 1U);
    EXPECT_NE(all(result).find("unreadable record r1: not valid gzip data"), std::string::npos) << all(result);
}

TEST(VerifyArchive, ClustersHaveTheirOwnChains) {
    auto records = chain(3);
    auto other = chain(2);
    for (auto& r : other) {
        r.file = "o" + r.file;
        r.record->digest.cluster = "d";
        if (r.record->link.previous_file) {
            r.record->link.previous_file = "o" + *r.record->link.previous_file;
        }
    }
    records.insert(records.end(), other.begin(), other.end());
    const auto result = history::verify_records(records);
    EXPECT_EQ(result.breaks, 0U) << all(result);
    EXPECT_NE(all(result).find("cluster d: 2 reports"), std::string::npos);
}

} // namespace
