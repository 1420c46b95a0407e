#include "emulator/pbs_answers.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>

#include <array>

namespace pvr::emulator {

ApiResponse pbs_ok(const nlohmann::json& data, const std::optional<std::string>& digest) {
    nlohmann::json body = {{"data", data}};
    if (digest) {
        body["digest"] = *digest;
    }
    ApiResponse response;
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    response.content_type = k_pbs_json_type;
    return response;
}

ApiResponse pbs_error(int status, const std::string& message) {
    ApiResponse response;
    response.status = status;
    // hyper writes the canonical reason; for statuses without one keep the text (e.g. 595 faults).
    if (status >= 510) {
        response.reason = message.substr(0, message.find_first_of("\r\n"));
    }
    response.body = message;
    response.content_type = k_pbs_json_type;
    return response;
}

ApiResponse pbs_not_found(const std::string& full_path) {
    return pbs_error(404, "Path '" + full_path + "' not found.");
}

ApiResponse pbs_param_error(const std::map<std::string, std::string>& errors) {
    std::string message = "parameter verification errors\n\n";
    for (const auto& [name, text] : errors) {
        message += "parameter '" + name + "': " + text + "\n";
    }
    return pbs_error(400, message);
}

std::string default_pbs_message(int status, const std::string& api_path) {
    switch (status) {
    case 400:
        return "parameter verification errors";
    case 401:
        return "authentication failed";
    case 403:
        return "permission check failed";
    case 404:
        return "Path '/api2/json" + api_path + "' not found.";
    case 500:
        return "internal error";
    case 503:
        return "service unavailable";
    case 595:
        return "No route to host";
    case 596:
        return "Connection timed out";
    case 597:
        return "Connection reset by peer";
    default:
        return "error " + std::to_string(status);
    }
}

std::string sha256_hex(const std::string& text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw Error(ErrorKind::internal, "SHA-256 failed");
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2U);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(k_hex[digest[i] >> 4U]);
        out.push_back(k_hex[digest[i] & 0x0FU]);
    }
    return out;
}

} // namespace pvr::emulator
