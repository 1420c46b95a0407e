#include "emulator/fault_bodies.hpp"

#include "core/error.hpp"

#include <zlib.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string_view>

namespace pvr::emulator {
namespace {

/// Streams text into a gzip deflater, collecting the compressed bytes.
class GzipWriter {
public:
    GzipWriter() {
        // 15 window bits + 16: a gzip header and trailer instead of zlib's.
        if (deflateInit2(&m_stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
            throw Error(ErrorKind::internal, "zlib: deflateInit2 failed");
        }
    }
    ~GzipWriter() { deflateEnd(&m_stream); }
    GzipWriter(const GzipWriter&) = delete;
    GzipWriter& operator=(const GzipWriter&) = delete;

    void write(std::string_view text) { pump(text, Z_NO_FLUSH); }
    std::string finish() {
        pump({}, Z_FINISH);
        return std::move(m_out);
    }

private:
    void pump(std::string_view text, int flush) {
        // zlib's API takes a non-const pointer but does not write through next_in.
        m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
        m_stream.avail_in = static_cast<uInt>(text.size());
        unsigned char chunk[16384];
        while (true) {
            m_stream.next_out = chunk;
            m_stream.avail_out = sizeof(chunk);
            const int rc = deflate(&m_stream, flush);
            if (rc == Z_STREAM_ERROR) {
                throw Error(ErrorKind::internal, "zlib: deflate failed");
            }
            m_out.append(reinterpret_cast<const char*>(chunk), sizeof(chunk) - m_stream.avail_out);
            if (flush == Z_FINISH ? rc == Z_STREAM_END : (m_stream.avail_in == 0 && m_stream.avail_out != 0)) {
                return;
            }
        }
    }

    z_stream m_stream{};
    std::string m_out;
};

} // namespace

std::string deeply_nested_json(std::size_t depth) {
    std::string text = R"({"data":)";
    text.reserve(text.size() + 2 * depth + 1);
    text.append(depth, '[');
    text.append(depth, ']');
    text += '}';
    return text;
}

std::string gzip(const std::string& text) {
    GzipWriter writer;
    writer.write(text);
    return writer.finish();
}

const std::string& gzip_bomb(std::size_t inflated_bytes) {
    static std::mutex mutex;
    static std::map<std::size_t, std::string> cache;
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(inflated_bytes); it != cache.end()) {
        return it->second;
    }
    constexpr std::string_view head = R"({"data":[)";
    constexpr std::string_view tail = "]}";
    std::size_t spaces = inflated_bytes > head.size() + tail.size() ? inflated_bytes - head.size() - tail.size() : 0;
    GzipWriter writer;
    writer.write(head);
    const std::string block(std::size_t{1} << 20, ' ');
    while (spaces > 0) {
        const std::size_t n = std::min(spaces, block.size());
        writer.write(std::string_view(block.data(), n));
        spaces -= n;
    }
    writer.write(tail);
    return cache.emplace(inflated_bytes, writer.finish()).first->second;
}

} // namespace pvr::emulator
