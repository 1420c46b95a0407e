#include "app/output.hpp"
#include "app/prometheus_output.hpp"
#include "core/error.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using pvr::app::report_file_name;
using pvr::app::write_file_atomically;

TEST(ReportFileName, IsDatedAndSafe) {
    EXPECT_EQ(report_file_name("pve-prod", 1795762800, "pdf"), "pve-backup-report_pve-prod_2026-11-27_070000.pdf");
    EXPECT_EQ(report_file_name("../etc x", 0, "json"), "pve-backup-report____etc_x_1970-01-01_000000.json");
    EXPECT_EQ(report_file_name("", 0, "json"), "pve-backup-report_cluster_1970-01-01_000000.json");
}

TEST(WriteFileAtomically, WritesTheWholeContentAndLeavesNoTemporaryFile) {
    pvr::test::TempDir dir;
    const std::filesystem::path path = dir.path() + "/report.json";
    write_file_atomically(path, "{\"ok\":true}\n");
    EXPECT_EQ(pvr::test::read_whole_file(path.string()), "{\"ok\":true}\n");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) {
        ++files;
    }
    EXPECT_EQ(files, 1U);
}

TEST(WriteFileAtomically, NeverOverwritesAnExistingReport) {
    pvr::test::TempDir dir;
    const std::filesystem::path path = dir.path() + "/report.json";
    write_file_atomically(path, "first");
    try {
        write_file_atomically(path, "second");
        FAIL() << "expected an output error";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::output);
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(pvr::test::read_whole_file(path.string()), "first");
}

TEST(WriteNewFile, NumbersTheNameInsteadOfOverwriting) {
    pvr::test::TempDir dir;
    const std::filesystem::path path = dir.path() + "/r_2026.pdf";
    EXPECT_EQ(pvr::app::write_new_file(path, "one"), path);
    EXPECT_EQ(pvr::app::write_new_file(path, "two").filename(), "r_2026-2.pdf");
    EXPECT_EQ(pvr::app::write_new_file(path, "three").filename(), "r_2026-3.pdf");
    EXPECT_EQ(pvr::test::read_whole_file(path.string()), "one");
}

TEST(EnsureWritableDirectory, CreatesMissingDirectoriesAndRejectsImpossibleOnes) {
    pvr::test::TempDir dir;
    EXPECT_NO_THROW(pvr::app::ensure_writable_directory(dir.path() + "/a/b"));
    EXPECT_TRUE(std::filesystem::is_directory(dir.path() + "/a/b"));
    write_file_atomically(dir.path() + "/file", "x");
    try {
        pvr::app::ensure_writable_directory(dir.path() + "/file/sub");
        FAIL() << "expected an output error";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::output);
        EXPECT_NE(std::string(e.what()).find("OUTPUT_DIR"), std::string::npos) << e.what();
    }
}

} // namespace

namespace {

TEST(ReplaceFileAtomically, ReplacesTheFileAndLeavesNoTemporaryFile) {
    pvr::test::TempDir dir;
    const std::filesystem::path path = dir.path() + "/pve_backup_report_x.prom";
    pvr::app::replace_file_atomically(path, "first\n");
    pvr::app::replace_file_atomically(path, "second\n");
    EXPECT_EQ(pvr::test::read_whole_file(path.string()), "second\n");
    // 0666 minus the umask of this process (tests/integration/report_files_test.cpp varies it).
    EXPECT_EQ(static_cast<unsigned>(std::filesystem::status(path).permissions() & std::filesystem::perms::all),
              pvr::app::report_file_mode());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) {
        ++files;
    }
    EXPECT_EQ(files, 1U);
}

TEST(EnsureWritableDirectory, NamesTheVariable) {
    pvr::test::TempDir dir;
    const std::string file = dir.path() + "/not-a-directory";
    pvr::app::write_file_atomically(file, "x");
    try {
        pvr::app::ensure_writable_directory(file, "PROMETHEUS_TEXTFILE_DIR");
        FAIL() << "expected an output error";
    } catch (const pvr::Error& e) {
        EXPECT_EQ(e.kind(), pvr::ErrorKind::output);
        EXPECT_NE(std::string(e.what()).find("PROMETHEUS_TEXTFILE_DIR"), std::string::npos) << e.what();
    }
}

} // namespace

namespace {

TEST(PrometheusDirectory, TextfileDirElseOutputDirWithFormatProm) {
    pvr::config::Config config;
    config.output_dir = "/srv/reports";
    EXPECT_FALSE(pvr::app::prometheus_directory(config, false));
    EXPECT_EQ(pvr::app::prometheus_directory(config, true), std::filesystem::path("/srv/reports"));
    config.prometheus_textfile_dir = "/var/lib/prometheus/node-exporter";
    EXPECT_EQ(pvr::app::prometheus_directory(config, false),
              std::filesystem::path("/var/lib/prometheus/node-exporter"));
    EXPECT_EQ(pvr::app::prometheus_directory(config, true), std::filesystem::path("/var/lib/prometheus/node-exporter"));
}

} // namespace
