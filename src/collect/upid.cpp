#include "collect/upid.hpp"

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

} // namespace

std::optional<Upid> parse_upid(std::string_view text) {
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
    if (fields.size() != 9 || fields[0] != "UPID" || !fields[8].empty() || fields[1].empty() || fields[5].empty()) {
        return std::nullopt;
    }
    const auto pid = parse_hex(fields[2]);
    const auto pstart = parse_hex(fields[3]);
    const auto starttime = parse_hex(fields[4]);
    if (!pid || !pstart || !starttime || *starttime > 0xFFFFFFFFFFULL) {
        return std::nullopt;
    }
    Upid upid;
    upid.node = fields[1];
    upid.pid = *pid;
    upid.pstart = *pstart;
    upid.starttime = static_cast<std::int64_t>(*starttime);
    upid.type = fields[5];
    upid.id = fields[6];
    upid.user = fields[7];
    return upid;
}

} // namespace pvr::collect
