#pragma once
// Turning a failed request into a CollectionIssue message.

#include "model/collection_issue.hpp"

#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace pvr::collect {

/// What went wrong, for a message: "HTTP 403 Permission check failed (/, Sys.Audit)" for an HTTP
/// status (plus PVE's message when it says more than the reason phrase), else the exception text.
[[nodiscard]] std::string describe_failure(const std::exception& error);

/// For a 403: "the API token lacks <priv> on <path>" read from PVE's reason phrase
/// ("Permission check failed (/vms/100, VM.Audit)"), else "the API token probably lacks
/// <expected_privilege>" when given, else "the API token lacks a privilege". nullopt for any
/// other failure.
[[nodiscard]] std::optional<std::string> permission_hint(const std::exception& error,
                                                         std::string_view expected_privilege);

/// "<what> could not be read: <describe_failure>[; <permission_hint>]"
[[nodiscard]] std::string failure_message(std::string_view what, const std::exception& error,
                                          std::string_view expected_privilege);

/// True for the PVE proxy statuses that mean "the node did not answer" (595, 596).
[[nodiscard]] bool is_node_unreachable(const std::exception& error);

} // namespace pvr::collect
