#pragma once
// The report e-mail, composed from the report (pure: no clock, no randomness, no I/O): the subject
// with the cluster and the verdict, a plain-text summary, the HTML report and the PDF attachment.
// smtp_sender.hpp puts it on the wire as multipart/mixed { multipart/alternative { text/plain,
// text/html }, application/pdf }.

#include "config/config.hpp"
#include "core/time.hpp"
#include "model/report_data.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pvr::mail {

struct Message {
    config::MailAddress from;
    std::vector<config::MailAddress> to;
    std::string subject;         // UTF-8, not yet encoded
    std::string date;            // RFC 5322: "Fri, 27 Nov 2026 07:00:00 +0000"
    std::string message_id;      // "<...@domain>"
    std::string text;            // text/plain body (UTF-8)
    std::string html;            // text/html body (UTF-8)
    std::string attachment;      // the PDF report ("" = none)
    std::string attachment_name; // its file name
};

/// What the report does not hold: the rendered bodies and the sending context.
struct ComposeInputs {
    std::string lang = "en";       // "en" | "fr" (REPORT_LANG)
    std::string time_zone = "UTC"; // IANA name, for the times in the text
    std::string html;              // the HTML report
    std::string pdf;               // the PDF report
    std::string pdf_name;          // its file name
    EpochSeconds sent_at = 0;      // the Date header
    std::string unique;            // a random token for the Message-ID ([A-Za-z0-9] only)
};

/// Whether MAIL_WHEN sends this report: always, or for problems when the verdict is warning or
/// critical.
[[nodiscard]] bool should_send(const model::Verdict& verdict, config::MailWhen when) noexcept;

/// "[pve-prod] Backups: 30/40 covered, 10 not backed up, 1 failed", "[pve-prod] Backups OK:
/// 40/40 covered" (French with lang "fr"). The cluster is the cluster's name, else the single node's,
/// else "standalone". With changes since the previous report (ReportData::changes), a note of what
/// got worse, accepted exceptions left out: ", 2 lost coverage, 1 new failure since 6 Dec" (the
/// previous report's day in `time_zone`).
[[nodiscard]] std::string subject_line(const model::ReportData& data, std::string_view lang,
                                       const std::string& time_zone = "UTC");

/// The cluster label used in the subject.
[[nodiscard]] std::string cluster_label(const model::ReportData& data);

/// The whole message. `unique` and `sent_at` come from the caller (random, clock).
[[nodiscard]] Message compose_message(const model::ReportData& data, const config::MailConfig& config,
                                      const ComposeInputs& inputs);

// --- header encoding (RFC 5322, RFC 2047) ---------------------------------------------------------

/// `text` as is when it is printable ASCII, else RFC 2047 encoded words ("=?UTF-8?B?...?=", at most
/// 75 characters each, never splitting a UTF-8 character, separated by one space).
/// Control characters (CR, LF) are replaced by spaces first: a header never breaks.
[[nodiscard]] std::string encode_header_text(std::string_view text);

/// "addr@domain", or "Name <addr@domain>" with the name quoted when it holds specials and
/// encoded when it is not ASCII.
[[nodiscard]] std::string format_address(const config::MailAddress& address);

/// RFC 5322 date in UTC: "Fri, 27 Nov 2026 07:00:00 +0000".
[[nodiscard]] std::string rfc5322_date(EpochSeconds t);

/// "<pve-backup-report.<generated_at>.<unique>@<domain of from>>".
[[nodiscard]] std::string make_message_id(EpochSeconds generated_at, std::string_view unique,
                                          const config::MailAddress& from);

/// The header lines of the top-level part, ASCII only: From, To, Subject, Date, Message-ID,
/// X-Mailer (MIME-Version and Content-Type are added with the MIME tree).
[[nodiscard]] std::vector<std::string> header_lines(const Message& message);

// --- plain text -----------------------------------------------------------------------------------

struct PlainTextOptions {
    std::string lang = "en";
    std::string time_zone = "UTC";
    std::string attachment_name; // named in the last line ("" = no attachment)
    std::size_t max_items = 25;  // per list; the rest is counted ("... and 12 more")
    std::size_t max_anomalies = 10;
};

/// A readable summary: verdict, counts, the guests not backed up / undetermined / whose last backup
/// failed / overdue, the most severe anomalies, the collection issues.
[[nodiscard]] std::string plain_text_summary(const model::ReportData& data, const PlainTextOptions& options);

} // namespace pvr::mail
