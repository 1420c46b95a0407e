#pragma once
// A backup job's setting that could not be interpreted (model::BackupJob::problems, written by the
// collector in English), worded in the report language when its form is known.

#include "document/translations.hpp"

#include <string>
#include <string_view>

namespace pvr::document {

/// "schedule: 'x' is not a valid calendar event (reason)" and "enabled: expected a boolean, got
/// 'x' (taken as enabled)" in the report language; any other problem as written (English). The
/// server's value and the calendar parser's reason are quoted as they are.
[[nodiscard]] std::string word_job_problem(const Translator& tr, std::string_view problem);

} // namespace pvr::document
