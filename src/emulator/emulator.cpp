#include "emulator/emulator.hpp"

#include "core/error.hpp"
#include "emulator/faults.hpp"
#include "emulator/personality.hpp"
#include "emulator/request_log.hpp"
#include "emulator/tls_server.hpp"

#include <httplib.h>

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

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
        RequestLogEntry entry;
        entry.method = request.method;
        entry.path = request.path;
        entry.query = query_of(request.target);
        const AuthCheck auth = personality->check_auth(request.get_header_value("Authorization"));
        entry.auth = to_string(auth);

        const ApiResponse answer = answer_for(request, auth, entry);
        entry.status = answer.status;

        response.status = answer.status;
        if (!answer.reason.empty()) {
            response.set_header(k_reason_header, answer.reason);
        }
        for (const auto& [name, value] : answer.headers) {
            response.set_header(name, value);
        }
        if (!answer.content_type.empty()) {
            response.set_content(answer.body, answer.content_type);
        } else {
            response.body = answer.body;
        }
        response.set_header(k_logged_header, "1");
        log.record(std::move(entry));
    }

    ApiResponse answer_for(const httplib::Request& request, AuthCheck auth, RequestLogEntry& entry) {
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
        if (fault.answer && fault.answer->malformed) {
            append_fault(entry.fault, "malformed");
            answer = malformed(std::move(answer));
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

    std::unique_ptr<TlsServer> server;
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
    auto server = std::make_unique<TlsServer>(m_impl->options.tls.cert_pem, m_impl->options.tls.key_pem);
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

    TlsServer* raw = server.get();
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
