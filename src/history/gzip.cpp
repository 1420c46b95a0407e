#include "history/gzip.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <array>

namespace pvr::history {
namespace {

constexpr int k_gzip_window = 15 + 16; // 15-bit window, gzip wrapper

} // namespace

std::string gzip_compress(std::string_view bytes) {
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, k_gzip_window, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw Error(ErrorKind::internal, "zlib deflateInit2 failed");
    }
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(bytes.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data())); // zlib's API is not const
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto produced = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) {
        throw Error(ErrorKind::internal, fmt::format("zlib deflate failed ({})", rc));
    }
    out.resize(produced);
    return out;
}

std::optional<std::string> gzip_decompress(std::string_view bytes, std::size_t max_bytes, std::string& why) {
    z_stream zs{};
    if (inflateInit2(&zs, k_gzip_window) != Z_OK) {
        why = "zlib inflateInit2 failed";
        return std::nullopt;
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    std::array<char, 65536> buffer{};
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer.data());
        zs.avail_out = static_cast<uInt>(buffer.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            why = rc == Z_BUF_ERROR ? "truncated gzip data" : fmt::format("not valid gzip data (zlib {})", rc);
            inflateEnd(&zs);
            return std::nullopt;
        }
        out.append(buffer.data(), buffer.size() - zs.avail_out);
        if (out.size() > max_bytes) {
            why = fmt::format("decompresses to more than {} MiB", max_bytes / (1024 * 1024));
            inflateEnd(&zs);
            return std::nullopt;
        }
    }
    const bool trailing = zs.avail_in != 0;
    inflateEnd(&zs);
    if (trailing) {
        why = "data after the end of the gzip stream";
        return std::nullopt;
    }
    return out;
}

} // namespace pvr::history
