// A job setting that could not be interpreted, in the report language (issue 13).

#include "document/job_problem_wording.hpp"

#include <gtest/gtest.h>

namespace {

using namespace pvr::document;

const std::string k_bad_schedule =
    "schedule: 'every-weekday 25:00' is not a valid calendar event (unknown weekday 'every')";

TEST(JobProblemWording, BadScheduleInThreeLanguages) {
    EXPECT_EQ(word_job_problem(Translator(Lang::en), k_bad_schedule), k_bad_schedule);
    EXPECT_EQ(word_job_problem(Translator(Lang::fr), k_bad_schedule),
              "schedule\u00a0: «\u00a0every-weekday 25:00\u00a0» n’est pas un événement calendaire valide (unknown "
              "weekday 'every')");
    EXPECT_EQ(word_job_problem(Translator(Lang::de), k_bad_schedule),
              "schedule: „every-weekday 25:00“ ist kein gültiges Kalenderereignis (unknown weekday 'every')");
}

TEST(JobProblemWording, EnabledNotABoolean) {
    const std::string problem = "enabled: expected a boolean, got 'maybe' (taken as enabled)";
    EXPECT_EQ(word_job_problem(Translator(Lang::en), problem), problem);
    EXPECT_EQ(word_job_problem(Translator(Lang::de), problem),
              "enabled: Wahrheitswert erwartet, erhalten 'maybe' (als aktiviert gewertet)");
}

TEST(JobProblemWording, AnUnknownFormStaysAsWritten) {
    for (const std::string problem : {"prune-backups: keep-daily: not a number", "schedule: 'x'", "", "schedule: '"}) {
        EXPECT_EQ(word_job_problem(Translator(Lang::fr), problem), problem);
    }
}

} // namespace
