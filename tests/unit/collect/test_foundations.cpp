// What a report cannot exist without: the definition and the one-line exit-4 error.

#include "collect/foundations.hpp"
#include "core/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;

namespace {

TEST(Foundations, FourFoundationsWithTheirSourcesInOrder) {
    const auto& specs = foundations();
    ASSERT_EQ(specs.size(), 4U);
    EXPECT_EQ(foundation(Foundation::version).sources, (std::vector<std::string_view>{"/version"}));
    EXPECT_EQ(foundation(Foundation::nodes).sources, (std::vector<std::string_view>{"/nodes", "/cluster/status"}));
    EXPECT_EQ(foundation(Foundation::guests).sources,
              (std::vector<std::string_view>{"/cluster/resources", "/nodes/{node}/qemu+lxc"}));
    EXPECT_EQ(foundation(Foundation::backup_jobs).sources, (std::vector<std::string_view>{"/cluster/backup"}));
}

TEST(Foundations, MissingIsOneLineAndExitFour) {
    try {
        throw_foundation_missing(Foundation::guests, {{"GET /cluster/resources", "HTTP 500 boom\nsecond line"},
                                                      {"GET /nodes/pve1/qemu", "HTTP 595 No route to host"}});
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(exit_code_for(e.kind()), exit_code::api_unusable);
        EXPECT_STREQ(e.what(), "cannot produce a report: the guest inventory could not be read (GET "
                               "/cluster/resources: HTTP 500 boom second line; GET /nodes/pve1/qemu: HTTP 595 No "
                               "route to host)");
    }
}

} // namespace
