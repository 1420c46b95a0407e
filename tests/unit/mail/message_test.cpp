// The e-mail's subject, headers (RFC 2047, RFC 5322 dates, addresses) and the MAIL_WHEN decision.
#include "mail/message.hpp"
#include "mail_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pvr::mail {
namespace {

using test::critical_report;
using test::good_report;

/// Decodes "=?UTF-8?B?...?=" words separated by spaces (the test's own minimal RFC 2047 decoder).
std::string decode_words(const std::string& text) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t pos = 0;
    while ((pos = text.find("=?UTF-8?B?", pos)) != std::string::npos) {
        const auto end = text.find("?=", pos + 10);
        const std::string payload = text.substr(pos + 10, end - pos - 10);
        std::uint32_t buffer = 0;
        int bits = 0;
        for (const char c : payload) {
            if (c == '=') {
                break;
            }
            buffer = (buffer << 6U) | static_cast<std::uint32_t>(alphabet.find(c));
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
            }
        }
        pos = end + 2;
    }
    return out;
}

TEST(Subject, CriticalNamesTheCountsBehindTheVerdict) {
    EXPECT_EQ(subject_line(critical_report(), "en"), "[pve-prod] Backups: 3/4 covered, 1 not backed up, 1 failed");
}

TEST(Subject, GoodNightSaysOk) {
    EXPECT_EQ(subject_line(good_report(), "en"), "[pve-prod] Backups OK: 3/3 covered");
    EXPECT_EQ(subject_line(good_report(), "fr"), "[pve-prod] Sauvegardes OK : 3/3 couvertes");
}

TEST(Subject, French) {
    auto data = critical_report();
    data.verdict.guests_not_backed_up = 10;
    EXPECT_EQ(subject_line(data, "fr"), "[pve-prod] Sauvegardes : 3/4 couvertes, 10 non sauvegardées, 1 en échec");
}

TEST(Subject, German) {
    auto data = critical_report();
    data.verdict.guests_not_backed_up = 10;
    EXPECT_EQ(subject_line(data, "de"), "[pve-prod] Backups: 3/4 abgedeckt, 10 nicht gesichert, 1 fehlgeschlagen");
    EXPECT_EQ(subject_line(good_report(), "de"), "[pve-prod] Backups OK: 3/3 abgedeckt");
}

TEST(Subject, WarningWithoutGuestProblemsNamesTheAnomaliesAndIssues) {
    auto data = good_report();
    data.verdict.level = model::VerdictLevel::warning;
    data.verdict.warning_anomalies = 2;
    data.verdict.collection_issues = 1;
    EXPECT_EQ(subject_line(data, "en"), "[pve-prod] Backups: 3/3 covered, 2 warnings, 1 collection issue");
}

TEST(Subject, NoGuestAndStandaloneNode) {
    model::ReportData data;
    data.cluster.nodes.push_back({"pve-solo", "online", std::nullopt, true});
    data.verdict.level = model::VerdictLevel::info;
    EXPECT_EQ(subject_line(data, "en"), "[pve-solo] Backups: no guest found");
    data.cluster.nodes.push_back({"pve-two", "online", std::nullopt, false});
    EXPECT_EQ(cluster_label(data), "standalone");
}

model::Changes changes_since(std::int64_t previous_at) {
    model::Changes c;
    c.first_report = false;
    c.previous_at = previous_at;
    return c;
}

TEST(Subject, NotesWhatGotWorseSinceThePreviousReport) {
    auto data = critical_report();
    auto c = changes_since(1795676400); // 2026-11-26T07:00:00Z
    c.lost_coverage = {{9001, "qemu", "tpl-debian", "scheduled", "not_backed_up", false},
                       {9002, "qemu", "lab", "scheduled", "not_backed_up", true}}; // accepted: not counted
    c.new_failed_backups = {{101, "qemu", "db", 1795748400, false}};
    c.new_guests = {{230, "lxc", "ci", "", "not_backed_up", false}, {231, "lxc", "ok", "", "scheduled", false}};
    c.gained_coverage = {{102, "qemu", "mail", "not_backed_up", "scheduled", false}}; // no alarm
    data.changes = c;
    EXPECT_EQ(subject_line(data, "en"), "[pve-prod] Backups: 3/4 covered, 1 not backed up, 1 failed, 1 lost coverage, "
                                        "1 new unprotected, 1 new failure since 26 Nov");
    EXPECT_EQ(subject_line(data, "fr"),
              "[pve-prod] Sauvegardes\u00a0: 3/4 couvertes, 1 non sauvegardée, 1 en échec, "
              "1 couverture perdue, 1 nouvelle non protégée, 1 nouvel échec depuis le 26 nov.");
    EXPECT_EQ(subject_line(data, "de"), "[pve-prod] Backups: 3/4 abgedeckt, 1 nicht gesichert, 1 fehlgeschlagen, "
                                        "1 Abdeckung verloren, 1 neu ungesichert, 1 neuer Fehlschlag seit 26. Nov.");
    // The day is the previous report's in the mail's time zone (00:30 in Paris is still 25 Nov in UTC).
    data.changes->previous_at = 1795649400; // 2026-11-25T23:30:00Z
    EXPECT_EQ(subject_line(data, "en", "Europe/Paris").substr(subject_line(data, "en").size() - 6), "26 Nov");
    EXPECT_NE(subject_line(data, "en", "UTC").find("since 25 Nov"), std::string::npos);
    // Another year: the year is kept.
    data.changes->previous_at = 1767225600; // 2026-01-01T00:00:00Z ... and a report of 2027
    data.generated_at = 1798761600;         // 2027-01-01T00:00:00Z
    EXPECT_NE(subject_line(data, "en").find("since 1 Jan 2026"), std::string::npos) << subject_line(data, "en");
}

TEST(Subject, NoNoteWithoutHistoryForAFirstReportOrWhenNothingGotWorse) {
    auto data = critical_report();
    const std::string plain = "[pve-prod] Backups: 3/4 covered, 1 not backed up, 1 failed";
    EXPECT_EQ(subject_line(data, "en"), plain);
    data.changes = model::Changes{}; // first report
    EXPECT_EQ(subject_line(data, "en"), plain);
    auto c = changes_since(1795676400);
    c.gained_coverage = {{102, "qemu", "mail", "not_backed_up", "scheduled", false}};
    c.lost_coverage = {{9002, "qemu", "lab", "scheduled", "not_backed_up", true}};
    data.changes = c;
    EXPECT_EQ(subject_line(data, "en"), plain);
    auto good = good_report();
    c.new_failed_backups = {{101, "qemu", "db", 1795748400, false}};
    good.changes = c;
    EXPECT_EQ(subject_line(good, "en"), "[pve-prod] Backups OK: 3/3 covered, 1 new failure since 26 Nov");
}

TEST(MailWhen, ProblemsMeansWarningOrCritical) {
    model::Verdict v;
    for (const auto level : {model::VerdictLevel::good, model::VerdictLevel::info}) {
        v.level = level;
        EXPECT_TRUE(should_send(v, config::MailWhen::always));
        EXPECT_FALSE(should_send(v, config::MailWhen::problems));
    }
    for (const auto level : {model::VerdictLevel::warning, model::VerdictLevel::critical}) {
        v.level = level;
        EXPECT_TRUE(should_send(v, config::MailWhen::problems));
    }
}

TEST(HeaderEncoding, AsciiStaysAsIs) {
    EXPECT_EQ(encode_header_text("[pve-prod] Backups OK: 40/40 covered"), "[pve-prod] Backups OK: 40/40 covered");
}

TEST(HeaderEncoding, NonAsciiBecomesEncodedWords) {
    const std::string subject = "[pve-prod] Sauvegardes : 30/40 couvertes, 10 non sauvegardées, 1 en échec";
    const std::string encoded = encode_header_text(subject);
    EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0U) << encoded;
    for (const char c : encoded) {
        EXPECT_TRUE(static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f) << encoded;
    }
    std::size_t start = 0;
    while (start < encoded.size()) { // every word at most 75 characters (RFC 2047 2)
        const auto end = std::min(encoded.find(' ', start), encoded.size());
        EXPECT_LE(end - start, 75U);
        start = end + 1;
    }
    EXPECT_EQ(decode_words(encoded), subject);
}

TEST(HeaderEncoding, NeverSplitsACharacterAndNeverBreaksTheHeader) {
    const std::string text = "数据库备份报告数据库备份报告数据库备份报告数据库备份报告 🚀🚀🚀\r\nBcc: x@y";
    const std::string encoded = encode_header_text(text);
    EXPECT_EQ(encoded.find('\n'), std::string::npos);
    EXPECT_EQ(encoded.find('\r'), std::string::npos);
    std::string expected = text;
    expected.replace(expected.find("\r\n"), 2, "  ");
    EXPECT_EQ(decode_words(encoded), expected);
    // Each word decodes on its own to valid UTF-8: no word ends inside a character.
    std::size_t start = 0;
    while (start < encoded.size()) {
        const auto end = std::min(encoded.find(' ', start), encoded.size());
        const std::string word = decode_words(encoded.substr(start, end - start));
        ASSERT_FALSE(word.empty());
        EXPECT_NE(static_cast<unsigned char>(word.back()) & 0xC0U, 0xC0U) << "ends with a lead byte";
        start = end + 1;
    }
    // Text that looks like an encoded word is encoded itself.
    EXPECT_EQ(encode_header_text("=?UTF-8?B?QQ==?=").rfind("=?UTF-8?B?", 0), 0U);
    EXPECT_EQ(decode_words(encode_header_text("=?UTF-8?B?QQ==?=")), "=?UTF-8?B?QQ==?=");
}

TEST(Addresses, Formatting) {
    EXPECT_EQ(format_address({"", "ops@example.com"}), "ops@example.com");
    EXPECT_EQ(format_address({"PVE Backups", "pve@example.com"}), "PVE Backups <pve@example.com>");
    EXPECT_EQ(format_address({"Backups, \"PVE\"", "pve@example.com"}), "\"Backups, \\\"PVE\\\"\" <pve@example.com>");
    const std::string encoded = format_address({"Zoé Dupont", "zoe@example.fr"});
    EXPECT_EQ(encoded, "=?UTF-8?B?Wm/DqSBEdXBvbnQ=?= <zoe@example.fr>");
}

TEST(Dates, Rfc5322InUtc) {
    EXPECT_EQ(rfc5322_date(1795762800), "Fri, 27 Nov 2026 07:00:00 +0000");
    EXPECT_EQ(rfc5322_date(0), "Thu, 1 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(rfc5322_date(951782400 + 86399), "Tue, 29 Feb 2000 23:59:59 +0000");
}

TEST(Message, ComposedWithEveryHeader) {
    config::MailConfig mail;
    mail.from = {"PVE Backups", "pve-backup-report@example.com"};
    mail.to = {{"", "ops@example.com"}, {"Zoé", "zoe@example.fr"}};
    ComposeInputs inputs;
    inputs.html = "<html></html>";
    inputs.pdf = "%PDF-1.5";
    inputs.pdf_name = "pve-backup-report_pve-prod_2026-11-27_070000.pdf";
    inputs.sent_at = 1795763000;
    inputs.unique = "a1b2c3";
    const Message message = compose_message(critical_report(), mail, inputs);
    EXPECT_EQ(message.attachment, "%PDF-1.5");
    EXPECT_EQ(message.message_id, "<pve-backup-report.1795762800.a1b2c3@example.com>");
    const auto lines = header_lines(message);
    ASSERT_EQ(lines.size(), 6U);
    EXPECT_EQ(lines[0], "From: PVE Backups <pve-backup-report@example.com>");
    EXPECT_EQ(lines[1], "To: ops@example.com, =?UTF-8?B?Wm/DqQ==?= <zoe@example.fr>");
    EXPECT_EQ(lines[2], "Subject: [pve-prod] Backups: 3/4 covered, 1 not backed up, 1 failed");
    EXPECT_EQ(lines[3], "Date: Fri, 27 Nov 2026 07:03:20 +0000");
    EXPECT_EQ(lines[4], "Message-ID: <pve-backup-report.1795762800.a1b2c3@example.com>");
    EXPECT_NE(message.text.find("pve-backup-report_pve-prod_2026-11-27_070000.pdf"), std::string::npos);
}

} // namespace
} // namespace pvr::mail
