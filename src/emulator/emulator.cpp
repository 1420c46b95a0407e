#include "emulator/emulator.hpp"

#include "core/error.hpp"
#include "emulator/faults.hpp"
#include "emulator/personality.hpp"
#include "emulator/request_log.hpp"
#include "emulator/tls_server.hpp"

#include <httplib.h>

#include <openssl/ssl.h>

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace pvr::emulator {

std::optional<std::string> ApiRequest::param(const std::string& key) const {
    const auto it = params.find(key);
    if (it == params.end()) {
        return std::nullopt;
    }
    return it->second;
}

const char* to_string(AuthCheck check) noexcept {
    switch (check) {
    case AuthCheck::ok:
        return "ok";
    case AuthCheck::missing:
        return "missing";
    case AuthCheck::not_a_token:
    case AuthCheck::invalid:
        return "invalid";
    }
    return "invalid";
}

namespace {

/// The API path below `prefix`, or nullopt when `path` is outside it.
std::optional<std::string> api_path_of(const std::string& path, std::string_view prefix) {
    if (path.compare(0, prefix.size(), prefix) != 0) {
        return std::nullopt;
    }
    std::string rest = path.substr(prefix.size());
    if (!rest.empty() && rest.front() != '/') {
        return std::nullopt; // "/api2/jsonx"
    }
    while (rest.size() > 1 && rest.back() == '/') {
        rest.pop_back();
    }
    return rest.empty() ? std::string("/") : rest;
}

std::string query_of(const std::string& target) {
    const auto question = target.find('?');
    return question == std::string::npos ? std::string{} : target.substr(question + 1);
}

/// A 200 answer cut short: any proper prefix of a JSON object is invalid JSON.
ApiResponse malformed(ApiResponse response) {
    if (response.status == 200 && response.body.size() > 2) {
        response.body.resize(response.body.size() / 2);
    } else {
        response.status = 200;
        response.reason = "OK";
        response.body = R"({"data":[{"vmid":1)";
        response.content_type = "application/json;charset=UTF-8";
    }
    return response;
}

void append_fault(std::string& faults, const char* what) { faults += faults.empty() ? what : std::string(",") + what; }

/// Exactly the fault's bytes, with its status (200 when none) and reason.
ApiResponse raw_answer(const Fault& fault) {
    ApiResponse response;
    response.status = fault.status != 0 ? fault.status : 200;
    response.reason = fault.reason;
    response.body = *fault.body;
    response.content_type = fault.content_type.empty() ? "application/json;charset=UTF-8" : fault.content_type;
    if (!fault.content_encoding.empty()) {
        response.headers.emplace_back("Content-Encoding", fault.content_encoding);
    }
    return response;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

/// The connection's socket (TLS connections only), or -1.
int socket_of(const httplib::Request& request) { return request.ssl != nullptr ? SSL_get_fd(request.ssl) : -1; }

/// Closing with SO_LINGER 0 sends a TCP RST instead of a FIN.
void arm_reset(int sock) {
    if (sock < 0) {
        return;
    }
    linger option{};
    option.l_onoff = 1;
    option.l_linger = 0;
    ::setsockopt(sock, SOL_SOCKET, SO_LINGER, &option, sizeof(option));
}

} // namespace

struct Emulator::Impl {
    Impl(Scenario s, EmulatorOptions o) : scenario(std::move(s)), options(std::move(o)), log(options.request_log) {
        if (options.tls.cert_pem.empty()) {
            options.tls = generate_self_signed();
        }
        std::string faults_file = "faults.json";
        if (options.personality == Personality::pbs) {
            personality = make_pbs_personality(scenario, options.pbs_server, options.tokens);
            faults_file = "pbs/" + options.pbs_server + "/faults.json";
        } else {
            personality = make_pve_personality(scenario, options.tokens);
        }
        if (const auto faults_json = scenario.file(faults_file)) {
            for (auto& fault : faults_from_json(*faults_json, faults_file)) {
                faults.add(std::move(fault));
            }
        }
        for (const auto& fault : options.faults) {
            faults.add(fault);
        }
    }

    /// Waits `delay` unless the emulator stops first.
    void sleep_for(std::chrono::milliseconds delay) {
        if (delay.count() <= 0) {
            return;
        }
        std::unique_lock lock(stop_mutex);
        stop_cv.wait_for(lock, delay, [this] { return stopping; });
    }

    void handle(const httplib::Request& request, httplib::Response& response) {
        // The emulated round trip: this worker waits, the other connections' workers go on.
        sleep_for(options.latency);
        RequestLogEntry entry;
        entry.method = request.method;
        entry.path = request.path;
        entry.query = query_of(request.target);
        const AuthCheck auth = personality->check_auth(request.get_header_value("Authorization"));
        entry.auth = to_string(auth);

        std::optional<Fault> network;
        const ApiResponse answer = answer_for(request, auth, entry, network);
        entry.status = answer.status;
        if (network && network->network == Fault::Network::stall) {
            append_fault(entry.fault, "stall");
            entry.status = 0; // never answered
            log.record(std::move(entry));
            stall(request);
            response.status = 500;
            response.set_header("Connection", "close");
            response.set_header(k_logged_header, "1");
            return;
        }

        response.status = answer.status;
        if (!answer.reason.empty()) {
            response.set_header(k_reason_header, answer.reason);
        }
        for (const auto& [name, value] : answer.headers) {
            response.set_header(name, value);
        }
        if (network && (network->network == Fault::Network::reset || network->network == Fault::Network::slow)) {
            append_fault(entry.fault, network->network == Fault::Network::reset ? "reset" : "slow");
            set_misbehaving_body(request, response, answer, *network);
        } else if (answer.body_chunks) {
            set_streamed_body(response, answer);
        } else if (!answer.content_type.empty()) {
            response.set_content(answer.body, answer.content_type);
        } else {
            response.body = answer.body;
        }
        response.set_header(k_logged_header, "1");
        log.record(std::move(entry));
    }

    /// A body produced piece by piece while it is sent (chunked transfer encoding).
    static void set_streamed_body(httplib::Response& response, const ApiResponse& answer) {
        auto next = answer.body_chunks;
        const std::string type = answer.content_type.empty() ? "application/octet-stream" : answer.content_type;
        response.set_chunked_content_provider(type, [next](std::size_t, httplib::DataSink& sink) {
            std::string piece;
            const bool more = next(piece);
            if (!piece.empty() && !sink.write(piece.data(), piece.size())) {
                return false;
            }
            if (!more) {
                sink.done();
            }
            return true;
        });
    }

    /// Accept-and-never-answer: waits until the client closes the connection or the emulator stops.
    void stall(const httplib::Request& request) {
        const int sock = socket_of(request);
        while (true) {
            {
                std::unique_lock lock(stop_mutex);
                if (stop_cv.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping; })) {
                    return;
                }
            }
            if (sock >= 0) {
                pollfd pfd{};
                pfd.fd = sock;
                pfd.events = POLLRDHUP;
                if (::poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0) {
                    return; // the client gave up
                }
            }
        }
    }

    /// The answer's body through a content provider that cuts it (reset) or trickles it (slow).
    void set_misbehaving_body(const httplib::Request& request, httplib::Response& response, const ApiResponse& answer,
                              const Fault& fault) {
        auto body = std::make_shared<std::string>(answer.body);
        const std::string type = answer.content_type.empty() ? "application/octet-stream" : answer.content_type;
        const int sock = socket_of(request);
        if (fault.network == Fault::Network::reset) {
            const std::size_t cut = body->size() / 2;
            response.set_content_provider(body->size(), type,
                                          [body, cut, sock](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                              if (offset < cut) {
                                                  return sink.write(body->data() + offset, cut - offset);
                                              }
                                              arm_reset(sock);
                                              return false; // httplib closes the connection
                                          });
            return;
        }
        const std::size_t chunk = std::max<std::size_t>(1, fault.slow_chunk);
        const auto interval = fault.slow_interval;
        response.set_content_provider(
            body->size(), type,
            [this, body, chunk, interval](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                sleep_for(interval);
                if (stopping_now()) {
                    return false;
                }
                return sink.write(body->data() + offset, std::min(chunk, body->size() - offset));
            });
    }

    bool stopping_now() {
        const std::lock_guard lock(stop_mutex);
        return stopping;
    }

    ApiResponse answer_for(const httplib::Request& request, AuthCheck auth, RequestLogEntry& entry,
                           std::optional<Fault>& network) {
        const auto api_path = api_path_of(request.path, personality->api_prefix());
        if (request.method != "GET") {
            entry.api_path = api_path.value_or("");
            return personality->method_not_allowed(request.method, request.path);
        }
        if (!api_path) {
            return personality->outside_api(request.method, request.path);
        }
        entry.api_path = *api_path;

        const FaultMatch fault = faults.match(*api_path);
        if (fault.delay.count() > 0) {
            append_fault(entry.fault, "delay");
            sleep_for(fault.delay);
        }
        if (auth != AuthCheck::ok && personality->requires_auth(*api_path)) {
            sleep_for(options.auth_failure_delay);
            return personality->auth_failure(auth);
        }
        if (fault.answer && fault.answer->network != Fault::Network::none) {
            network = fault.answer;
        }
        if (fault.answer && fault.answer->body) {
            append_fault(entry.fault, "body");
            return raw_answer(*fault.answer);
        }
        if (fault.answer && fault.answer->status != 0) {
            append_fault(entry.fault, "status");
            return personality->fault_answer(*fault.answer, *api_path);
        }

        ApiRequest api_request;
        api_request.method = request.method;
        api_request.path = *api_path;
        api_request.raw_query = entry.query;
        api_request.params = request.params;
        ApiResponse answer = personality->handle(api_request);
        if (fault.answer) {
            answer.materialize(); // faults cut, rewrite or trickle the whole body
        }
        if (fault.answer && fault.answer->malformed) {
            append_fault(entry.fault, "malformed");
            answer = malformed(std::move(answer));
        }
        if (fault.answer && !fault.answer->replace.empty()) {
            append_fault(entry.fault, "replace");
            for (const auto& [from, to] : fault.answer->replace) {
                replace_all(answer.body, from, to);
            }
        }
        return answer;
    }

    /// Requests httplib answered without calling a handler (e.g. CONNECT): log them too.
    void log_unhandled(const httplib::Request& request, const httplib::Response& response) {
        if (response.has_header(k_logged_header)) {
            return;
        }
        RequestLogEntry entry;
        entry.method = request.method;
        entry.path = request.path;
        entry.query = query_of(request.target);
        entry.status = response.status;
        entry.auth = to_string(personality->check_auth(request.get_header_value("Authorization")));
        log.record(std::move(entry));
    }

    Scenario scenario;
    EmulatorOptions options;
    RequestLog log;
    std::unique_ptr<ApiPersonality> personality;
    FaultList faults;

    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::atomic<bool> listen_returned{false};
    int port = 0;

    std::mutex stop_mutex;
    std::condition_variable stop_cv;
    bool stopping = false;
};

Emulator::Emulator(Scenario scenario, EmulatorOptions options)
    : m_impl(std::make_unique<Impl>(std::move(scenario), std::move(options))) {}

Emulator::~Emulator() { stop(); }

int Emulator::start() {
    if (m_impl->server) {
        return m_impl->port;
    }
    {
        const std::lock_guard lock(m_impl->stop_mutex);
        m_impl->stopping = false;
    }
    std::unique_ptr<httplib::Server> server;
    if (m_impl->options.plain_http) {
        server = std::make_unique<httplib::Server>();
    } else {
        server = std::make_unique<TlsServer>(m_impl->options.tls.cert_pem, m_impl->options.tls.key_pem);
    }
    const std::size_t workers = std::max<std::size_t>(1, m_impl->options.worker_threads);
    server->new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    // httplib's default also sets SO_REUSEPORT, which lets a second emulator share a busy port.
    server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server->set_keep_alive_max_count(100);
    server->set_keep_alive_timeout(5);
    if (m_impl->options.personality == Personality::pve) {
        server->set_default_headers(
            {{"Server", "pve-api-daemon/3.0"}, {"Cache-Control", "max-age=0"}, {"Pragma", "no-cache"}});
    }
    Impl* impl = m_impl.get();
    const auto handler = [impl](const httplib::Request& request, httplib::Response& response) {
        impl->handle(request, response);
    };
    server->Get(".*", handler);
    server->Post(".*", handler);
    server->Put(".*", handler);
    server->Patch(".*", handler);
    server->Delete(".*", handler);
    server->Options(".*", handler);
    server->set_logger([impl](const httplib::Request& request, const httplib::Response& response) {
        impl->log_unhandled(request, response);
    });

    const std::string& address = m_impl->options.bind_address;
    int port = m_impl->options.port;
    if (port == 0) {
        port = server->bind_to_any_port(address);
        if (port <= 0) {
            throw Error(ErrorKind::config, "the emulator cannot listen on " + address + " (any port)");
        }
    } else if (!server->bind_to_port(address, port)) {
        throw Error(ErrorKind::config,
                    "the emulator cannot listen on " + address + ":" + std::to_string(port) + " (in use?)");
    }

    httplib::Server* raw = server.get();
    m_impl->listen_returned = false;
    m_impl->thread = std::thread([raw, impl] {
        // Writes to a peer that went away must fail with EPIPE, not kill the process; worker
        // threads created from here inherit the mask.
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
        raw->listen_after_bind();
        impl->listen_returned = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!raw->is_running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    m_impl->server = std::move(server);
    m_impl->port = port;
    if (!raw->is_running()) {
        stop();
        throw Error(ErrorKind::internal, "the emulator did not start listening");
    }
    return port;
}

void Emulator::stop() {
    if (!m_impl || !m_impl->server) {
        return;
    }
    {
        const std::lock_guard lock(m_impl->stop_mutex);
        m_impl->stopping = true;
    }
    m_impl->stop_cv.notify_all();
    // Server::stop() is a no-op until listen_after_bind has flagged itself running: repeat it
    // until the accept loop has returned, then join (the thread pool joins the workers).
    while (!m_impl->listen_returned.load()) {
        m_impl->server->stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (m_impl->thread.joinable()) {
        m_impl->thread.join();
    }
    m_impl->server.reset();
}

int Emulator::port() const noexcept { return m_impl->port; }

std::string Emulator::base_url() const { return "https://127.0.0.1:" + std::to_string(m_impl->port); }

const std::string& Emulator::certificate_pem() const noexcept { return m_impl->options.tls.cert_pem; }

const std::string& Emulator::certificate_fingerprint() const noexcept { return m_impl->options.tls.sha256_fingerprint; }

const std::string& Emulator::private_key_pem() const noexcept { return m_impl->options.tls.key_pem; }

void Emulator::add_fault(Fault fault) { m_impl->faults.add(std::move(fault)); }

void Emulator::clear_faults() { m_impl->faults.clear(); }

std::vector<RequestLogEntry> Emulator::requests() const { return m_impl->log.entries(); }

} // namespace pvr::emulator
