#pragma once
// A scripted http::Client for the collector tests: path (+ query) -> body, or -> HttpError.
// Thread-safe; records every call and the highest number of calls in flight at once.

#include "http/client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace pvr::collect::testing {

/// Content of tests/data/collect/<name>.
inline std::string fixture(const std::string& name) {
    const std::string path = std::string(PVR_TEST_DATA_DIR) + "/collect/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("missing fixture " + path);
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// "a=1&b=2" with the parameters sorted by name.
inline std::string canonical_query(http::Query query) {
    std::sort(query.begin(), query.end());
    std::string out;
    for (const auto& [key, value] : query) {
        out += (out.empty() ? "" : "&") + key + "=" + value;
    }
    return out;
}

class FakeClient : public http::Client {
public:
    struct Failure {
        long status = 0;
        std::string reason;
        std::string server_message;
        ErrorKind kind = ErrorKind::http_status;
    };

    /// Answers GET `path` with any query.
    void on(const std::string& path, std::string body) { set(path, std::nullopt, Route{std::move(body), {}}); }
    /// Answers GET `path` with exactly this query (any order).
    void on(const std::string& path, const http::Query& query, std::string body) {
        set(path, canonical_query(query), Route{std::move(body), {}});
    }
    /// Makes GET `path` (any query) fail with an HTTP status (0: a transport failure of `kind`).
    void fail(const std::string& path, long status, std::string reason = {}, std::string server_message = {},
              std::optional<ErrorKind> kind = std::nullopt) {
        set(path, std::nullopt,
            Route{{}, Failure{status, std::move(reason), std::move(server_message), kind.value_or(kind_for(status))}});
    }
    void fail(const std::string& path, const http::Query& query, long status, std::string reason = {}) {
        set(path, canonical_query(query), Route{{}, Failure{status, std::move(reason), {}, kind_for(status)}});
    }
    /// Every answer waits this long (to make calls overlap).
    void set_delay(std::chrono::milliseconds delay) { m_delay = delay; }

    http::Response get(const std::string& path, const http::Query& query = {}) override {
        const int now_in_flight = ++m_in_flight;
        {
            int seen = m_max_in_flight.load();
            while (now_in_flight > seen && !m_max_in_flight.compare_exchange_weak(seen, now_in_flight)) {
            }
        }
        struct Leave {
            std::atomic<int>& counter;
            ~Leave() { --counter; }
        } leave{m_in_flight};
        if (m_delay.count() > 0) {
            std::this_thread::sleep_for(m_delay);
        }
        const std::string q = canonical_query(query);
        Route route;
        {
            const std::lock_guard lock(m_mutex);
            m_calls.push_back(q.empty() ? path : path + "?" + q);
            auto it = m_routes.find({path, q});
            if (it == m_routes.end()) {
                it = m_routes.find({path, std::nullopt});
            }
            if (it == m_routes.end()) {
                route.failure =
                    Failure{501, "Method 'GET " + path + "' not implemented", {}, ErrorKind::not_implemented};
            } else {
                route = it->second;
            }
        }
        if (route.failure) {
            const Failure& f = *route.failure;
            const std::string message =
                "GET " + path + ": " + (f.status != 0 ? std::to_string(f.status) + " " + f.reason : f.reason);
            throw http::HttpError(f.kind, message, path, f.status, f.reason, f.server_message);
        }
        return http::Response{200, "OK", route.body};
    }

    [[nodiscard]] std::size_t request_count() const override {
        const std::lock_guard lock(m_mutex);
        return m_calls.size();
    }
    /// Every call as "path?sorted-query", in call order.
    [[nodiscard]] std::vector<std::string> calls() const {
        const std::lock_guard lock(m_mutex);
        return m_calls;
    }
    /// Number of calls whose "path?query" starts with `prefix`.
    [[nodiscard]] std::size_t count(const std::string& prefix) const {
        const std::lock_guard lock(m_mutex);
        return static_cast<std::size_t>(std::count_if(m_calls.begin(), m_calls.end(),
                                                      [&](const std::string& c) { return c.rfind(prefix, 0) == 0; }));
    }
    [[nodiscard]] bool called(const std::string& prefix) const { return count(prefix) > 0; }
    [[nodiscard]] int max_in_flight() const { return m_max_in_flight.load(); }

    static ErrorKind kind_for(long status) {
        switch (status) {
        case 0:
            return ErrorKind::unreachable;
        case 401:
            return ErrorKind::unauthenticated;
        case 403:
            return ErrorKind::permission_denied;
        case 404:
        case 501:
            return ErrorKind::not_implemented;
        default:
            return ErrorKind::http_status;
        }
    }

private:
    struct Route {
        std::string body;
        std::optional<Failure> failure;
    };
    void set(const std::string& path, std::optional<std::string> query, Route route) {
        const std::lock_guard lock(m_mutex);
        m_routes[{path, std::move(query)}] = std::move(route);
    }

    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, std::optional<std::string>>, Route> m_routes;
    std::vector<std::string> m_calls;
    std::atomic<int> m_in_flight{0};
    std::atomic<int> m_max_in_flight{0};
    std::chrono::milliseconds m_delay{0};
};

} // namespace pvr::collect::testing
