// A per-storage PBS variable that names no PBS storage of the cluster is an error (exit 2).

#include "collect/pbs_override_check.hpp"
#include "core/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;

namespace {

std::vector<model::Storage> storages() {
    model::Storage lab;
    lab.id = "pbs-lab";
    lab.type = "pbs";
    model::Storage local;
    local.id = "local";
    local.type = "dir";
    return {lab, local};
}

TEST(PbsOverrideCheck, OverridesOfExistingPbsStoragesPass) {
    config::Config config;
    config.pbs_overrides["PBS_LAB"].fingerprint = "AB:CD";
    EXPECT_NO_THROW(collect::check_pbs_overrides(config, storages()));
    EXPECT_NO_THROW(collect::check_pbs_overrides(config::Config{}, storages()));
}

TEST(PbsOverrideCheck, AMisspelledStorageIsAConfigurationErrorNamingTheStorages) {
    config::Config config;
    config.pbs_overrides["PBS_LABS"].fingerprint = "AB:CD";
    config.pbs_overrides["LOCAL"].url = "https://x:8007"; // not a PBS storage
    try {
        collect::check_pbs_overrides(config, storages());
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(exit_code_for(e.kind()), exit_code::usage);
        EXPECT_STREQ(e.what(), "PBS_LOCAL_URL, PBS_PBS_LABS_FINGERPRINT name no PBS storage of the cluster, so they "
                               "would have no effect; the PBS storages are pbs-lab (PBS_PBS_LAB_...) (<STORAGE> is "
                               "the storage id in upper case with '_' for every other character)");
    }
}

TEST(PbsOverrideCheck, NoPbsStorageAtAll) {
    config::Config config;
    config.pbs_overrides["X"].token_id = "a@pbs!b";
    config.pbs_overrides["X"].token_secret = "s";
    try {
        collect::check_pbs_overrides(config, {});
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), ::testing::StartsWith("PBS_X_TOKEN_ID, PBS_X_TOKEN_SECRET[_FILE] name no PBS storage"));
        EXPECT_THAT(e.what(), ::testing::HasSubstr("the cluster has no PBS storage"));
    }
}

} // namespace
