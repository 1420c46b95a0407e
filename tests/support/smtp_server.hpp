#pragma once
// A real SMTP server for the tests: tests/support/smtp_server.py (Debian's python3-aiosmtpd) run
// in the background on a free loopback port; it stores each accepted message as <n>.eml with its
// envelope in <n>.json. Also: a self-signed certificate for it (openssl) and the MIME inspection
// of a received message (tests/support/mime_tree.py).

#include "support/process.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pvr::test {

inline constexpr const char* k_python = "/usr/bin/python3"; // Debian's, with python3-aiosmtpd

inline std::string support_script(const char* name) { return std::string(PVR_SOURCE_DIR) + "/tests/support/" + name; }

struct SmtpServerOptions {
    std::string tls = "none"; // none | starttls | implicit
    std::string cert;         // PEM certificate and key (tls != none)
    std::string key;
    std::string user; // "" = no AUTH
    std::string password;
    std::vector<std::string> refused_recipients{}; // answered "550 User unknown"
};

class SmtpServer {
public:
    SmtpServer(const std::string& work_dir, const SmtpServerOptions& options) : m_dir(work_dir + "/mailbox") {
        std::filesystem::create_directories(m_dir);
        const std::string out = work_dir + "/smtp-server.out";
        const std::string err = work_dir + "/smtp-server.err";
        std::vector<std::string> args{k_python, support_script("smtp_server.py"), "--dir", m_dir, "--tls", options.tls};
        if (options.tls != "none") {
            args.insert(args.end(), {"--cert", options.cert, "--key", options.key});
        }
        if (!options.user.empty()) {
            args.insert(args.end(), {"--user", options.user, "--password", options.password});
        }
        for (const auto& address : options.refused_recipients) {
            args.insert(args.end(), {"--refuse", address});
        }
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        char* env[] = {nullptr};
        const int rc = posix_spawn(&m_pid, k_python, &actions, nullptr, argv.data(), env);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) {
            throw std::runtime_error("cannot start the SMTP server");
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string text = read_whole_file(out);
            if (const auto pos = text.find("PORT=");
                pos != std::string::npos && text.find('\n', pos) != std::string::npos) {
                m_port = std::stoi(text.substr(pos + 5));
                return;
            }
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = 0;
                throw std::runtime_error("the SMTP server stopped: " + read_whole_file(err));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        stop();
        throw std::runtime_error("the SMTP server did not start: " + read_whole_file(err));
    }
    ~SmtpServer() { stop(); }
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;

    [[nodiscard]] int port() const noexcept { return m_port; }
    [[nodiscard]] const std::string& mailbox() const noexcept { return m_dir; }

    /// The stored messages, in order of arrival (n.eml).
    [[nodiscard]] std::vector<std::string> messages() const {
        std::vector<std::string> out;
        for (int n = 1; std::filesystem::exists(m_dir + "/" + std::to_string(n) + ".eml"); ++n) {
            out.push_back(m_dir + "/" + std::to_string(n) + ".eml");
        }
        return out;
    }

private:
    std::string m_dir;
    pid_t m_pid = 0;
    int m_port = 0;

    void stop() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            m_pid = 0;
        }
    }
};

/// A self-signed certificate for 127.0.0.1 and localhost: `dir`/smtp-cert.pem and smtp-key.pem.
inline void make_certificate(const std::string& dir) {
    const auto result = run_process("/usr/bin/openssl",
                                    {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/smtp-key.pem",
                                     "-out", dir + "/smtp-cert.pem", "-days", "2", "-subj", "/CN=localhost", "-addext",
                                     "subjectAltName=IP:127.0.0.1,DNS:localhost"},
                                    {});
    if (result.exit_code != 0) {
        throw std::runtime_error("openssl req failed: " + result.err);
    }
}

/// A loopback port nothing listens on (bound, then released).
inline int unused_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        throw std::runtime_error("cannot find a free port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

/// The received message as JSON (tests/support/mime_tree.py): headers, tree, text, html, attachment.
inline nlohmann::json inspect_message(const std::string& eml) {
    const auto result = run_process(k_python, {support_script("mime_tree.py"), eml}, {});
    if (result.exit_code != 0) {
        throw std::runtime_error("mime_tree.py failed: " + result.err);
    }
    return nlohmann::json::parse(result.out);
}

/// The MIME tree as indented text.
inline std::string mime_tree_text(const std::string& eml) {
    return run_process(k_python, {support_script("mime_tree.py"), "--tree", eml}, {}).out;
}

} // namespace pvr::test
