#include "history/sha256.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>

namespace pvr::history {

std::string sha256_hex(std::string_view bytes) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &size) != 1) {
        throw Error(ErrorKind::internal, "SHA-256 computation failed (OpenSSL)");
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i) {
        out += k_hex[digest[i] >> 4];
        out += k_hex[digest[i] & 0x0f];
    }
    return out;
}

} // namespace pvr::history
