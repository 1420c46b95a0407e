#include "collect/parse_version.hpp"

#include "collect/json_fields.hpp"
#include "core/strings.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view endpoint = "GET /version";

void read_major_minor(const std::string& text, VersionInfo& info) {
    const auto parts = split_any(text, ".-~");
    if (parts.size() < 2) {
        return;
    }
    const auto major = parse_int(parts[0]);
    const auto minor = parse_int(parts[1]);
    if (major && minor && *major >= 0 && *major < 1000 && *minor >= 0 && *minor < 1000) {
        info.major = static_cast<int>(*major);
        info.minor = static_cast<int>(*minor);
    }
}

} // namespace

bool VersionInfo::at_least(int want_major, int want_minor, bool if_unknown) const {
    if (!major || !minor) {
        return if_unknown;
    }
    return *major > want_major || (*major == want_major && *minor >= want_minor);
}

VersionInfo parse_version(std::string_view body) {
    const Envelope envelope = parse_envelope(body, endpoint);
    StrictAnswer answer;
    ObjectReader data(require_object(envelope.data, endpoint), std::string(endpoint) + ": data", answer.sink());
    VersionInfo info;
    const auto version = data.required_text("version");
    info.release = data.required_text("release");
    answer.throw_if_any();
    if (!version || version->empty()) {
        throw Error(ErrorKind::invalid_response,
                    std::string(endpoint) + ": no 'version' in the answer (is this a Proxmox VE API?)");
    }
    info.version = *version;
    if (info.release) {
        read_major_minor(*info.release, info);
    }
    if (!info.major) {
        read_major_minor(info.version, info);
    }
    return info;
}

} // namespace pvr::collect
