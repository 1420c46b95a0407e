#pragma once
// Internal: the e-mail variables (SMTP_URL, SMTP_TLS, SMTP_USER, SMTP_PASSWORD[_FILE], SMTP_CA_BUNDLE,
// MAIL_FROM, MAIL_TO, MAIL_WHEN): their parsers for the variable table, and the checks between them.

#include "config/variable_table.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pvr::config::detail {

[[nodiscard]] std::optional<std::string> apply_smtp_url(std::string_view value, Config& config, ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_smtp_tls(std::string_view value, Config& config, ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_smtp_user(std::string_view value, Config& config, ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_smtp_password(std::string_view value, Config& config,
                                                             ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_smtp_ca_bundle(std::string_view value, Config& config,
                                                              ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_mail_from(std::string_view value, Config& config, ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_mail_to(std::string_view value, Config& config, ApplyContext& context);
[[nodiscard]] std::optional<std::string> apply_mail_when(std::string_view value, Config& config, ApplyContext& context);

/// Checks between the e-mail variables once all are read: SMTP_URL needs MAIL_FROM and MAIL_TO,
/// SMTP_USER and SMTP_PASSWORD go together, smtps:// excludes SMTP_TLS=none. Without SMTP_URL the
/// other e-mail variables are ignored with a warning.
void check_mail_settings(const EnvMap& env, Config& config, std::vector<std::string>& problems);

} // namespace pvr::config::detail

namespace pvr::config {

/// Normalizes an SMTP server URL to "smtp://host:port" or "smtps://host:port" (lower-case scheme
/// and host; port 25 for smtp://, 465 for smtps:// by default; an optional trailing "/"). Returns
/// nullopt and sets `problem` (without the variable name) otherwise; user information is refused
/// without being echoed.
[[nodiscard]] std::optional<std::string> normalize_smtp_url(std::string_view text, std::string& problem);

/// Parses "local@domain" or "Display Name <local@domain>" (the name optionally in double quotes).
/// The address must be ASCII (dot-atom local part, host-name domain); the name may be UTF-8.
/// Returns nullopt and sets `problem` (quoting the text) otherwise.
[[nodiscard]] std::optional<MailAddress> parse_mail_address(std::string_view text, std::string& problem);

/// Splits a comma-separated list of addresses (commas inside double quotes do not split) and
/// parses each; empty items are skipped. Returns nullopt and sets `problem` on the first bad one.
[[nodiscard]] std::optional<std::vector<MailAddress>> parse_mail_address_list(std::string_view text,
                                                                              std::string& problem);

} // namespace pvr::config
