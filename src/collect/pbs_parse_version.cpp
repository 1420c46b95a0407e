#include "collect/json_fields.hpp"
#include "collect/pbs_parse.hpp"
#include "core/strings.hpp"

namespace pvr::collect {
namespace {

constexpr std::string_view version_endpoint = "GET /version";

std::optional<int> small_int(std::string_view text) {
    const auto value = parse_int(text);
    if (!value || *value < 0 || *value >= 1000) {
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

} // namespace

std::string PbsVersion::text() const {
    if (release && patch && version.find('.') != std::string::npos &&
        version.find('.', version.find('.') + 1) == std::string::npos) {
        return version + "." + *release;
    }
    return version;
}

bool PbsVersion::at_least(int want_major, int want_minor, int want_patch, bool if_unknown) const {
    if (!major || !minor) {
        return if_unknown;
    }
    if (*major != want_major) {
        return *major > want_major;
    }
    if (*minor != want_minor) {
        return *minor > want_minor;
    }
    if (!patch) {
        return if_unknown;
    }
    return *patch >= want_patch;
}

PbsVersion parse_pbs_version(std::string_view body) {
    const Envelope envelope = parse_envelope(body, version_endpoint);
    StrictAnswer answer;
    ObjectReader data(require_object(envelope.data, version_endpoint), std::string(version_endpoint) + ": data",
                      answer.sink());
    const auto version = data.required_text("version");
    const auto release = data.required_text("release");
    answer.throw_if_any();
    if (!version || version->empty()) {
        throw Error(ErrorKind::invalid_response,
                    std::string(version_endpoint) + ": no 'version' in the answer (is this a Proxmox Backup Server?)");
    }
    PbsVersion info;
    info.version = *version;
    info.release = release;
    const auto parts = split_any(info.version, ".-~");
    if (parts.size() >= 2) {
        info.major = small_int(parts[0]);
        info.minor = small_int(parts[1]);
        if (parts.size() >= 3) {
            info.patch = small_int(parts[2]); // "3.2.4" written whole
        }
    }
    if (!info.patch && info.release) {
        info.patch = small_int(*info.release);
    }
    if (!info.major || !info.minor) {
        info.major.reset();
        info.minor.reset();
    }
    return info;
}

std::optional<std::string> parse_time_zone(std::string_view body, std::string_view endpoint) {
    const Envelope envelope = parse_envelope(body, endpoint);
    StrictAnswer answer;
    ObjectReader data(require_object(envelope.data, endpoint), std::string(endpoint) + ": data", answer.sink());
    auto zone = data.required_text("timezone");
    answer.throw_if_any();
    if (!zone || trim(*zone).empty()) {
        return std::nullopt;
    }
    return trim(*zone);
}

} // namespace pvr::collect
