#include "collect/pbs_upid.hpp"

#include <cctype>
#include <charconv>
#include <vector>

namespace pvr::collect {
namespace {

std::optional<std::uint64_t> parse_hex(std::string_view s) {
    if (s.empty() || s.size() > 16) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, value, 16);
    if (ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

/// systemd-style unescaping: '-' stands for '/', "\xHH" for a byte.
std::string decode_worker_id(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '-') {
            out += '/';
        } else if (text[i] == '\\' && i + 3 < text.size() && text[i + 1] == 'x' && parse_hex(text.substr(i + 2, 2))) {
            out += static_cast<char>(*parse_hex(text.substr(i + 2, 2)));
            i += 3;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

std::optional<PbsUpid> parse_pbs_upid(std::string_view text) {
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (true) {
        const auto colon = text.find(':', pos);
        if (colon == std::string_view::npos) {
            fields.push_back(text.substr(pos));
            break;
        }
        fields.push_back(text.substr(pos, colon - pos));
        pos = colon + 1;
    }
    if (fields.size() != 10 || fields[0] != "UPID" || !fields[9].empty() || fields[1].empty() || fields[6].empty()) {
        return std::nullopt;
    }
    const auto pid = parse_hex(fields[2]);
    const auto pstart = parse_hex(fields[3]);
    const auto task_id = parse_hex(fields[4]);
    const auto starttime = parse_hex(fields[5]);
    if (!pid || !pstart || !task_id || !starttime || *starttime > 0xFFFFFFFFFFULL) {
        return std::nullopt;
    }
    PbsUpid upid;
    upid.node = fields[1];
    upid.starttime = static_cast<std::int64_t>(*starttime);
    upid.type = fields[6];
    upid.worker_id = decode_worker_id(fields[7]);
    upid.auth_id = fields[8];
    return upid;
}

} // namespace pvr::collect
