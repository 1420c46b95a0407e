#include "history/file_names.hpp"
#include "history/gzip.hpp"
#include "history/sha256.hpp"

#include <gtest/gtest.h>

namespace {

using namespace pvr::history;

TEST(FileNames, ParsesTheToolsOwnNamesOnly) {
    const auto name = make_report_file_name("pve-prod", 1795762800, archive_extension);
    EXPECT_EQ(name, "pve-backup-report_pve-prod_2026-11-27_070000.data.json.gz");
    const auto parsed = parse_report_file_name(name);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->cluster, "pve-prod");
    EXPECT_EQ(parsed->generated_at, 1795762800);
    EXPECT_EQ(parsed->extension, "data.json.gz");
    EXPECT_EQ(parsed->attempt, 1);

    const auto second = parse_report_file_name("pve-backup-report_my_cluster_2026-11-27_070000-2.pdf");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->cluster, "my_cluster");
    EXPECT_EQ(second->attempt, 2);
    EXPECT_EQ(second->extension, "pdf");
    EXPECT_EQ(make_report_file_name("my cluster", 1795762800, "pdf", 2),
              "pve-backup-report_my_cluster_2026-11-27_070000-2.pdf");

    EXPECT_FALSE(parse_report_file_name("pve-backup-report_pve-prod_2026-11-27_070000.txt"));
    EXPECT_FALSE(parse_report_file_name(".pve-backup-report_pve-prod_2026-11-27_070000.pdf.tmp-abc"));
    EXPECT_FALSE(parse_report_file_name("pve-backup-report_pve-prod_2026-13-27_070000.pdf"));
    EXPECT_FALSE(parse_report_file_name("notes.pdf"));
    EXPECT_FALSE(parse_report_file_name("pve-backup-report_pve-prod.pdf"));
}

TEST(Sha256, MatchesSha256sum) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Gzip, RoundTripsAndRefusesBadInput) {
    const std::string text(100000, 'x');
    const auto packed = gzip_compress(text);
    EXPECT_LT(packed.size(), 1000U);
    std::string why;
    EXPECT_EQ(gzip_decompress(packed, 1 << 20, why), text);
    EXPECT_FALSE(gzip_decompress(packed, 1000, why));
    EXPECT_NE(why.find("more than"), std::string::npos);
    EXPECT_FALSE(gzip_decompress(packed.substr(0, packed.size() / 2), 1 << 20, why));
    EXPECT_FALSE(gzip_decompress("plain text", 1 << 20, why));
}

} // namespace
