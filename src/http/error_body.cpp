#include "http/classify.hpp"

#include "core/json_text.hpp"
#include "core/strings.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace pvr::http {
namespace {

// A hostile or broken server must not put megabytes into a message or a report: every text taken
// from an error body is cut (and at most max_field_errors fields of `errors` are kept).
constexpr std::size_t max_excerpt = 300;
constexpr std::size_t max_field_name = 80;
constexpr std::size_t max_field_errors = 20;

/// `text` cut to at most `limit` bytes plus "...", never inside a UTF-8 sequence.
std::string shorten(std::string text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
        --end; // text[end] continues a sequence: cut before the sequence starts
    }
    text.resize(end);
    return text + "...";
}

std::string single_line(std::string text) {
    for (auto& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    return text;
}

std::string excerpt(std::string_view body) {
    std::string text = trim(body);
    if (text.empty() || text.front() == '<') {
        return {}; // an HTML error page from a reverse proxy says nothing useful
    }
    return shorten(single_line(std::move(text)), max_excerpt);
}

} // namespace

std::optional<StatusLine> parse_status_line(std::string_view line) {
    if (line.size() < 12 || line.substr(0, 5) != "HTTP/") {
        return std::nullopt;
    }
    const auto space = line.find(' ');
    if (space == std::string_view::npos || space + 4 > line.size()) {
        return std::nullopt;
    }
    const std::string_view code = line.substr(space + 1, 3);
    for (const char c : code) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
            return std::nullopt;
        }
    }
    StatusLine out;
    out.status = (code[0] - '0') * 100L + (code[1] - '0') * 10L + (code[2] - '0');
    std::string_view rest = line.substr(space + 4);
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\r' && rest.front() != '\n') {
        return std::nullopt; // four-digit "status"
    }
    out.reason = trim(rest);
    return out;
}

ServerError parse_error_body(std::string_view body) {
    ServerError out;
    std::string text = trim(body);
    if (text.empty()) {
        return out;
    }
    static_cast<void>(repair_utf8(text));
    // Never parse a body nested deeper than any Proxmox answer: it is shown as plain text.
    if (text.front() == '{' && json_depth_within(text)) {
        const auto json = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (json.is_object()) {
            if (const auto it = json.find("message"); it != json.end() && it->is_string()) {
                out.message = shorten(single_line(trim(it->get<std::string>())), max_excerpt);
            }
            if (const auto it = json.find("errors"); it != json.end() && it->is_object()) {
                for (const auto& [key, value] : it->items()) {
                    if (out.errors.size() == max_field_errors) {
                        out.errors.emplace_back("...", std::to_string(it->size() - max_field_errors) + " more");
                        break;
                    }
                    std::string reason = single_line(
                        trim(value.is_string()
                                 ? value.get<std::string>()
                                 : value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)));
                    out.errors.emplace_back(shorten(single_line(key), max_field_name),
                                            shorten(std::move(reason), max_excerpt));
                }
            }
            return out;
        }
    }
    out.message = excerpt(text);
    return out;
}

} // namespace pvr::http
