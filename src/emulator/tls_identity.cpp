#include "emulator/tls_identity.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fmt/format.h>

#include <ctime>
#include <memory>

namespace pvr::emulator {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

[[noreturn]] void fail(const char* what) {
    throw Error(ErrorKind::internal, fmt::format("could not generate the emulator's TLS certificate: {}", what));
}

std::string bio_to_string(BIO* bio) {
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(len));
}

void add_extension(X509* cert, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
        fail("extension");
    }
}

} // namespace

TlsIdentity generate_self_signed(const std::vector<std::string>& extra_dns_names, int days) {
    std::string san = "DNS:localhost,IP:127.0.0.1,IP:::1";
    for (const auto& dns : extra_dns_names) {
        san += ",DNS:" + dns;
    }
    return generate_self_signed_with_san(san, days);
}

TlsIdentity generate_self_signed_for(const std::vector<std::string>& dns_names, int days) {
    if (dns_names.empty()) {
        fail("no host name");
    }
    std::string san;
    for (const auto& dns : dns_names) {
        san += (san.empty() ? "DNS:" : ",DNS:") + dns;
    }
    return generate_self_signed_with_san(san, days, dns_names.front());
}

TlsIdentity generate_self_signed_with_san(const std::string& san, int days, const std::string& common_name) {
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        fail("key generation");
    }
    CertPtr cert(X509_new());
    if (!cert) {
        fail("X509_new");
    }
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), static_cast<long>(std::time(nullptr)));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600L);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400L * days);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name.c_str()),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("pve-backup-report emulator"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    add_extension(cert.get(), NID_subject_alt_name, san);
    add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
    add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        fail("signing");
    }

    TlsIdentity id;
    {
        BioPtr bio(BIO_new(BIO_s_mem()));
        if (!bio || PEM_write_bio_X509(bio.get(), cert.get()) != 1) {
            fail("certificate PEM");
        }
        id.cert_pem = bio_to_string(bio.get());
    }
    {
        BioPtr bio(BIO_new(BIO_s_mem()));
        if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
            fail("key PEM");
        }
        id.key_pem = bio_to_string(bio.get());
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    if (X509_digest(cert.get(), EVP_sha256(), md, &md_len) != 1) {
        fail("digest");
    }
    for (unsigned int i = 0; i < md_len; ++i) {
        id.sha256_fingerprint += fmt::format("{}{:02X}", i == 0 ? "" : ":", md[i]);
    }
    return id;
}

} // namespace pvr::emulator
