#include "collect/pbs_collector.hpp"

#include <utility>

namespace pvr::collect {

PbsClientFactory make_pbs_client_factory(const config::Config& config, std::optional<http::Deadline> deadline) {
    struct Settings {
        bool verify_tls;
        std::optional<std::string> ca_file;
        std::chrono::seconds timeout;
        std::vector<std::string> secrets;
        std::size_t max_body_bytes;
        std::optional<http::Deadline> deadline;
        std::size_t max_connections;
    };
    Settings settings{
        config.pbs_verify_tls,         std::nullopt,        config.pbs_timeout,        {config.pbs_token_secret},
        config.max_response_mb << 20U, std::move(deadline), config.pbs_max_connections};
    if (config.pbs_ca_bundle) {
        settings.ca_file = config.pbs_ca_bundle->string();
    }
    for (const auto& [key, entry] : config.pbs_overrides) {
        if (entry.token_secret) {
            settings.secrets.push_back(*entry.token_secret);
        }
    }
    return [settings = std::move(settings)](const PbsConnection& connection) {
        http::ClientOptions options;
        options.base_url = connection.url + "/api2/json";
        options.auth_header = config::pbs_authorization(connection.token_id, connection.token_secret);
        options.verify_tls = settings.verify_tls; // a pin is enforced whatever this says
        options.ca_file = settings.ca_file;
        options.pinned_sha256 = connection.fingerprint;
        options.timeout = settings.timeout;
        options.max_body_bytes = settings.max_body_bytes;
        options.deadline = settings.deadline;
        options.max_connections = settings.max_connections;
        options.source = connection.source;
        options.redactor.add_secret(connection.token_secret);
        for (const auto& secret : settings.secrets) {
            options.redactor.add_secret(secret);
        }
        options.auth_hint = connection.token_variable + " or " + connection.secret_variable() +
                            " wrong, token expired or deleted, or user disabled on the PBS";
        options.tls_hint = connection.fingerprint
                               ? std::string("the certificate does not match the pinned fingerprint")
                               : std::string("set PBS_CA_BUNDLE to the CA of the PBS server, pin its certificate with "
                                             "the storage's fingerprint (or PBS_<STORAGE>_FINGERPRINT), or "
                                             "PBS_VERIFY_TLS=false to skip verification (not recommended)");
        return http::make_curl_client(std::move(options));
    };
}

} // namespace pvr::collect
