#include "mail/message.hpp"

#include "document/format.hpp"
#include "mail/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>

namespace pvr::mail {
namespace {

bool printable_ascii(std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e) {
            return false;
        }
    }
    return text.find("=?") == std::string_view::npos; // would read as an encoded word
}

std::string base64(std::string_view bytes) {
    static constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16U) |
                                (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U) |
                                static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
        out += k_alphabet[(n >> 18U) & 63U];
        out += k_alphabet[(n >> 12U) & 63U];
        out += k_alphabet[(n >> 6U) & 63U];
        out += k_alphabet[n & 63U];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16U;
        if (rest == 2) {
            n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
        }
        out += k_alphabet[(n >> 18U) & 63U];
        out += k_alphabet[(n >> 12U) & 63U];
        out += rest == 2 ? k_alphabet[(n >> 6U) & 63U] : '=';
        out += '=';
    }
    return out;
}

/// Length of the UTF-8 sequence starting with `lead` (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xf0 && lead < 0xf8) {
        return 4;
    }
    if (lead >= 0xe0) {
        return lead < 0xf0 ? 3 : 1;
    }
    if (lead >= 0xc0) {
        return 2;
    }
    return 1;
}

template <typename T>
std::int64_t not_accepted(const std::vector<T>& items) {
    return std::count_if(items.begin(), items.end(), [](const T& item) { return !item.accepted; });
}

/// "2 lost coverage, 1 new failure since 6 Dec": what got worse since the previous report (accepted
/// exceptions left out, as in the verdict); "" when nothing did or the history was not read.
std::string change_note(const model::ReportData& data, const detail::Words& w, std::string_view lang,
                        const std::string& time_zone) {
    if (!data.changes || data.changes->first_report || !data.changes->previous_at) {
        return {};
    }
    const auto& c = *data.changes;
    std::int64_t unprotected = 0;
    for (const auto& g : c.new_guests) {
        unprotected += g.after == "not_backed_up" && !g.accepted ? 1 : 0;
    }
    std::vector<std::string> parts;
    const auto add = [&](std::int64_t n, const detail::Counted& what) {
        if (n > 0) {
            parts.push_back(what.format(n, w.french));
        }
    };
    add(not_accepted(c.lost_coverage), w.lost_coverage);
    add(unprotected, w.new_unprotected);
    add(not_accepted(c.new_failed_backups), w.new_failed);
    if (parts.empty()) {
        return {};
    }
    // The previous report's day, without its year when it is the report's year ("6 Dec").
    const document::Formatter f(document::Translator(document::parse_lang(lang).value_or(document::Lang::en)),
                                document::find_time_zone(time_zone));
    std::string day = f.date(*c.previous_at);
    const std::string year_now = f.date(data.generated_at);
    const auto year = [](const std::string& text) { return text.substr(text.rfind(' ') + 1); };
    if (const auto space = day.rfind(' '); space != std::string::npos && year(day) == year(year_now)) {
        day.resize(space);
    }
    std::string note;
    for (const auto& part : parts) {
        note += note.empty() ? part : ", " + part;
    }
    return note + fmt::format(fmt::runtime(w.since), day);
}

bool needs_quotes(std::string_view name) { return name.find_first_of("()<>[]:;@\\,.\"") != std::string_view::npos; }

} // namespace

bool should_send(const model::Verdict& verdict, config::MailWhen when) noexcept {
    return when == config::MailWhen::always || verdict.level >= model::VerdictLevel::warning;
}

std::string cluster_label(const model::ReportData& data) {
    if (data.cluster.name && !data.cluster.name->empty()) {
        return *data.cluster.name;
    }
    if (data.cluster.nodes.size() == 1) {
        return data.cluster.nodes.front().name;
    }
    return "standalone";
}

std::string subject_line(const model::ReportData& data, std::string_view lang, const std::string& time_zone) {
    const auto& w = detail::words(lang);
    const std::string note = change_note(data, w, lang, time_zone);
    const std::string tail = note.empty() ? std::string() : ", " + note;
    const auto& v = data.verdict;
    const auto& s = data.summary;
    const std::string prefix = fmt::format("[{}] {}", cluster_label(data), w.backups);
    const std::string covered = fmt::format(fmt::runtime(w.covered), s.guests_scheduled, s.guests_total);
    if (v.level == model::VerdictLevel::good) {
        return fmt::format("{} {}{} {}{}", prefix, w.ok, w.colon, covered, tail);
    }
    if (v.level == model::VerdictLevel::info && s.guests_total == 0) {
        return fmt::format("{}{} {}", prefix, w.colon, w.no_guest);
    }
    std::vector<std::string> parts{covered};
    const auto add = [&](std::int64_t n, const detail::Counted& what) {
        if (n > 0) {
            parts.push_back(what.format(n, w.french));
        }
    };
    add(v.guests_not_backed_up, w.not_backed_up);
    add(v.accepted_guests_not_backed_up, w.accepted); // accepted exceptions: known, not alerted on
    add(v.guests_undetermined, w.undetermined);
    add(v.failed_backups, w.failed);
    add(v.overdue_backups, w.overdue);
    if (parts.size() == 1) { // nothing about the guests explains the verdict: the anomalies do
        add(v.critical_anomalies, w.critical_anomalies);
        add(v.warning_anomalies, w.warnings);
    }
    add(v.collection_issues, w.collection_issues);
    std::string subject = prefix + std::string(w.colon) + " ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        subject += (i == 0 ? "" : ", ") + parts[i];
    }
    return subject + tail;
}

std::string encode_header_text(std::string_view text) {
    std::string clean(text);
    for (char& c : clean) {
        if (c == '\r' || c == '\n' || c == '\t') {
            c = ' ';
        }
    }
    if (printable_ascii(clean)) {
        return clean;
    }
    // Encoded words of at most 75 characters: "=?UTF-8?B?" + 60 base64 characters (45 bytes) + "?=".
    constexpr std::size_t max_bytes = 45;
    std::string out;
    std::size_t pos = 0;
    while (pos < clean.size()) {
        std::size_t end = pos;
        while (end < clean.size()) {
            const std::size_t len = sequence_length(static_cast<unsigned char>(clean[end]));
            if (end + len - pos > max_bytes) {
                break;
            }
            end = std::min(end + len, clean.size());
        }
        if (!out.empty()) {
            out += ' '; // white space between encoded words is not part of the text (RFC 2047 6.2)
        }
        out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(pos, end - pos)) + "?=";
        pos = end;
    }
    return out;
}

std::string format_address(const config::MailAddress& address) {
    if (address.display_name.empty()) {
        return address.address;
    }
    std::string name;
    if (!printable_ascii(address.display_name)) {
        name = encode_header_text(address.display_name);
    } else if (needs_quotes(address.display_name)) {
        name = "\"";
        for (const char c : address.display_name) {
            if (c == '"' || c == '\\') {
                name += '\\';
            }
            name += c;
        }
        name += '"';
    } else {
        name = address.display_name;
    }
    return name + " <" + address.address + ">";
}

std::string rfc5322_date(EpochSeconds t) {
    using namespace std::chrono;
    static constexpr std::array<const char*, 7> k_days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const sys_seconds time{seconds{t}};
    const auto day = floor<days>(time);
    const year_month_day ymd{day};
    const hh_mm_ss hms{time - day};
    return fmt::format("{}, {} {} {:04} {:02}:{:02}:{:02} +0000", k_days[weekday{day}.c_encoding()],
                       static_cast<unsigned>(ymd.day()), k_months[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::string make_message_id(EpochSeconds generated_at, std::string_view unique, const config::MailAddress& from) {
    const auto at = from.address.rfind('@');
    const std::string domain = at == std::string::npos ? "localhost" : from.address.substr(at + 1);
    return fmt::format("<pve-backup-report.{}.{}@{}>", generated_at, unique, domain);
}

std::vector<std::string> header_lines(const Message& message) {
    std::string to;
    for (const auto& address : message.to) {
        to += (to.empty() ? "" : ", ") + format_address(address);
    }
    return {
        "From: " + format_address(message.from),
        "To: " + to,
        "Subject: " + encode_header_text(message.subject),
        "Date: " + message.date,
        "Message-ID: " + message.message_id,
        "Auto-Submitted: auto-generated", // RFC 3834: no vacation replies
    };
}

Message compose_message(const model::ReportData& data, const config::MailConfig& config, const ComposeInputs& inputs) {
    Message message;
    message.from = config.from;
    message.to = config.to;
    message.subject = subject_line(data, inputs.lang, inputs.time_zone);
    message.date = rfc5322_date(inputs.sent_at);
    message.message_id = make_message_id(data.generated_at, inputs.unique, config.from);
    PlainTextOptions text_options;
    text_options.lang = inputs.lang;
    text_options.time_zone = inputs.time_zone;
    text_options.attachment_name = inputs.pdf.empty() ? std::string() : inputs.pdf_name;
    message.text = plain_text_summary(data, text_options);
    message.html = inputs.html;
    message.attachment = inputs.pdf;
    message.attachment_name = inputs.pdf_name;
    return message;
}

} // namespace pvr::mail
