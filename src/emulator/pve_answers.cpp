#include "emulator/pve_answers.hpp"

#include <string_view>

namespace pvr::emulator {
namespace {

std::string first_line(const std::string& text) {
    const auto end = text.find_first_of("\r\n");
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string with_newline(const std::string& text) {
    if (!text.empty() && text.back() == '\n') {
        return text;
    }
    return text + "\n";
}

ApiResponse json_answer(int status, const std::string& reason, const nlohmann::json& body) {
    ApiResponse response;
    response.status = status;
    response.reason = reason;
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    response.content_type = k_pve_json_type;
    return response;
}

} // namespace

ApiResponse pve_ok(const nlohmann::json& data, long long total) {
    nlohmann::json body = {{"data", data}};
    if (total > 0) {
        body["total"] = total;
    }
    return json_answer(200, "OK", body);
}

ApiResponse pve_ok_raw(const std::string& data_json) {
    ApiResponse response;
    response.status = 200;
    response.reason = "OK";
    std::string_view data = data_json;
    while (!data.empty() && (data.back() == '\n' || data.back() == '\r' || data.back() == ' ' || data.back() == '\t')) {
        data.remove_suffix(1);
    }
    response.body = "{\"data\":" + std::string(data) + "}";
    response.content_type = k_pve_json_type;
    return response;
}

ApiResponse pve_error(int status, const std::string& message) {
    return json_answer(status, first_line(message), {{"data", nullptr}, {"message", with_newline(message)}});
}

ApiResponse pve_param_error(const std::map<std::string, std::string>& errors) {
    nlohmann::json errors_json = nlohmann::json::object();
    for (const auto& [name, text] : errors) {
        errors_json[name] = text;
    }
    const std::string message = "Parameter verification failed.";
    return json_answer(400, message, {{"data", nullptr}, {"errors", errors_json}, {"message", with_newline(message)}});
}

ApiResponse pve_not_implemented(const std::string& method, const std::string& path) {
    const std::string message = "Method '" + method + " " + path + "' not implemented";
    return json_answer(501, message, {{"data", nullptr}, {"message", message}});
}

ApiResponse proxy_error(int status, const std::string& reason) { return empty_answer(status, reason); }

ApiResponse empty_answer(int status, const std::string& reason) {
    ApiResponse response;
    response.status = status;
    response.reason = first_line(reason);
    return response;
}

ApiResponse plain_error(int status, const std::string& text) {
    ApiResponse response;
    response.status = status;
    response.reason = first_line(text);
    response.body = with_newline(text);
    response.content_type = "text/plain;charset=UTF-8";
    return response;
}

std::string default_pve_reason(int status, const std::string& api_path) {
    switch (status) {
    case 400:
        return "Parameter verification failed.";
    case 401:
        return "Authentication failed!";
    case 403:
        return "Permission check failed (/, Sys.Audit)";
    case 404:
        return "Not Found";
    case 500:
        return "internal error";
    case 501:
        return "Method 'GET " + api_path + "' not implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 595:
        return "No route to host";
    case 596:
        return "Connection timed out";
    case 597:
        return "Connection reset by peer";
    default:
        return "Error " + std::to_string(status);
    }
}

} // namespace pvr::emulator
