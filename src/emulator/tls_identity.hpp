#pragma once
// A throw-away self-signed TLS identity for the emulator (tests and --demo): nothing is written
// to disk and nothing in the repository expires.

#include <string>
#include <vector>

namespace pvr::emulator {

struct TlsIdentity {
    std::string cert_pem; // also the CA a client must trust
    std::string key_pem;
    std::string sha256_fingerprint; // of the DER certificate, "AB:CD:..." (how PVE/PBS show it)
};

/// EC P-256 key, valid from one hour ago for `days`, subjectAltName DNS:localhost and
/// IP:127.0.0.1 (plus `extra_dns_names`). Throws pvr::Error(internal) if OpenSSL fails.
[[nodiscard]] TlsIdentity generate_self_signed(const std::vector<std::string>& extra_dns_names = {}, int days = 2);

/// The same, but valid for exactly `dns_names` (CN = the first): e.g. a certificate for another
/// host, to test host-name verification. Throws pvr::Error(internal) if `dns_names` is empty.
[[nodiscard]] TlsIdentity generate_self_signed_for(const std::vector<std::string>& dns_names, int days = 2);

/// The same with a raw subjectAltName value ("DNS:a,IP:127.0.0.1").
[[nodiscard]] TlsIdentity generate_self_signed_with_san(const std::string& san, int days = 2,
                                                        const std::string& common_name = "localhost");

} // namespace pvr::emulator
