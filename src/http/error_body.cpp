#include "http/classify.hpp"

#include "core/json_text.hpp"
#include "core/strings.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace pvr::http {
namespace {

constexpr std::size_t max_excerpt = 300;

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
    text = single_line(std::move(text));
    if (text.size() > max_excerpt) {
        text.resize(max_excerpt);
        text += "...";
    }
    return text;
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
                out.message = single_line(trim(it->get<std::string>()));
            }
            if (const auto it = json.find("errors"); it != json.end() && it->is_object()) {
                for (const auto& [key, value] : it->items()) {
                    std::string reason = single_line(
                        trim(value.is_string()
                                 ? value.get<std::string>()
                                 : value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)));
                    if (reason.size() > max_excerpt) {
                        reason.resize(max_excerpt);
                        reason += "...";
                    }
                    out.errors.emplace_back(key, std::move(reason));
                }
            }
            return out;
        }
    }
    out.message = excerpt(text);
    return out;
}

} // namespace pvr::http
