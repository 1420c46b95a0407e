#include "collect/issues.hpp"

#include "core/strings.hpp"
#include "http/client.hpp"

namespace pvr::collect {

std::string describe_failure(const std::exception& error) {
    const auto* http = dynamic_cast<const http::HttpError*>(&error);
    if (http == nullptr || http->status() == 0) {
        return error.what();
    }
    std::string text = "HTTP " + std::to_string(http->status());
    const std::string reason = trim(http->reason());
    if (!reason.empty()) {
        text += " " + reason;
    }
    const std::string server = trim(http->server_message());
    if (!server.empty() && server != reason) {
        text += " (" + server + ")";
    }
    return text;
}

std::optional<std::string> permission_hint(const std::exception& error, std::string_view expected_privilege) {
    const auto* http = dynamic_cast<const http::HttpError*>(&error);
    const bool denied = (http != nullptr && http->status() == 403) ||
                        (http == nullptr && dynamic_cast<const Error*>(&error) != nullptr &&
                         dynamic_cast<const Error&>(error).kind() == ErrorKind::permission_denied);
    if (!denied) {
        return std::nullopt;
    }
    if (http != nullptr) {
        // "Permission check failed (/vms/100, VM.Audit)" in the reason or the message.
        for (const std::string& text : {http->reason(), http->server_message()}) {
            constexpr std::string_view marker = "Permission check failed (";
            const auto start = text.find(marker);
            const auto end = start == std::string::npos ? std::string::npos : text.find(')', start);
            if (end == std::string::npos) {
                continue;
            }
            const std::string inside = text.substr(start + marker.size(), end - start - marker.size());
            const auto comma = inside.rfind(',');
            if (comma != std::string::npos) {
                const std::string path = trim(inside.substr(0, comma));
                const std::string privilege = trim(inside.substr(comma + 1));
                if (!path.empty() && !privilege.empty()) {
                    return "the API token lacks " + privilege + " on " + path;
                }
            }
        }
    }
    if (!expected_privilege.empty()) {
        return "the API token probably lacks " + std::string(expected_privilege);
    }
    return std::string("the API token lacks a privilege");
}

std::string failure_message(std::string_view what, const std::exception& error, std::string_view expected_privilege) {
    std::string message = std::string(what) + " could not be read: " + describe_failure(error);
    if (const auto hint = permission_hint(error, expected_privilege)) {
        message += "; " + *hint;
    }
    return message;
}

bool is_node_unreachable(const std::exception& error) {
    const auto* http = dynamic_cast<const http::HttpError*>(&error);
    return http != nullptr && (http->status() == 595 || http->status() == 596);
}

} // namespace pvr::collect
