// PBS snapshot listings: the streamed reader (simdjson On-Demand, fed in 16 KiB pieces as curl
// hands them over) against the DOM parser (nlohmann), on a generated listing of 100,000 snapshots
// shaped like PBS 3 answers (files, verification, owner, comment). Prints throughput (MB/s,
// snapshots/s) and, before the timings, the peak RSS growth of one parse of each.
//
//   build/release/bench/snapshot_parse_bench [--benchmark_filter=Stream] [--snapshots=N]

#include "collect/pbs_parse.hpp"
#include "collect/pbs_snapshot_stream.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::size_t g_snapshots = 100000;
constexpr std::size_t chunk = 16 * 1024;
constexpr std::string_view endpoint = "GET /admin/datastore/store1/snapshots";

/// A listing like PBS writes it: 10 snapshots per guest, every tenth without verification.
std::string make_listing(std::size_t count) {
    std::string out = "{\"data\":[";
    const std::int64_t base = 1795000000;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t guest = 100 + i / 10;
        const std::int64_t time = base - static_cast<std::int64_t>((i % 10) * 86400);
        if (i > 0) {
            out += ',';
        }
        out +=
            fmt::format(R"({{"backup-type":"{}","backup-id":"{}","backup-time":{},"comment":"guest-{} daily","files":[)"
                        R"({{"crypt-mode":"none","filename":"index.json.blob","size":{}}},)"
                        R"({{"crypt-mode":"none","filename":"drive-scsi0.img.fidx","size":{}}},)"
                        R"({{"crypt-mode":"none","filename":"client.log.blob","size":{}}}],)"
                        R"("owner":"root@pam!pve-cluster","protected":{},"size":{})",
                        guest % 3 == 0 ? "ct" : "vm", guest, time, guest, 600 + i % 100, 34359738368 + i, 1200 + i % 50,
                        i % 97 == 0 ? "true" : "false", 34359739000 + i);
        if (i % 10 != 9) {
            out += fmt::format(R"(,"verification":{{"state":"ok","upid":"UPID:pbs:000015C9:0000A8F4:00000002:{:08X})"
                               R"(:verificationjob:store1\\x3av-1:root@pam:"}})",
                               time + 3600);
        }
        out += '}';
    }
    out += fmt::format("],\"total\":{}}}", count);
    return out;
}

const std::string& listing() {
    static const std::string body = make_listing(g_snapshots);
    return body;
}

std::size_t read_streamed(const std::string& body) {
    pvr::collect::SnapshotListReader reader{std::string(endpoint), ""};
    reader.restart();
    for (std::size_t at = 0; at < body.size(); at += chunk) {
        if (!reader.write(std::string_view(body).substr(at, chunk))) {
            break;
        }
    }
    reader.finish();
    return reader.take_snapshots().size();
}

std::size_t read_dom(const std::string& body) {
    std::vector<std::string> warnings;
    return pvr::collect::parse_pbs_snapshots(body, endpoint, "", warnings).size();
}

void count(benchmark::State& state, std::size_t snapshots) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * listing().size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * snapshots));
}

void BM_StreamedReader16KiB(benchmark::State& state) {
    std::size_t snapshots = 0;
    for (auto _ : state) {
        snapshots = read_streamed(listing());
        benchmark::DoNotOptimize(snapshots);
    }
    count(state, snapshots);
}
BENCHMARK(BM_StreamedReader16KiB)->Unit(benchmark::kMillisecond);

void BM_DomParser(benchmark::State& state) {
    std::size_t snapshots = 0;
    for (auto _ : state) {
        snapshots = read_dom(listing());
        benchmark::DoNotOptimize(snapshots);
    }
    count(state, snapshots);
}
BENCHMARK(BM_DomParser)->Unit(benchmark::kMillisecond);

/// Peak resident set, MiB (Linux: ru_maxrss is in KiB).
double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.rfind("--snapshots=", 0) == 0) {
            g_snapshots = std::strtoull(argv[i] + 12, nullptr, 10);
        } else {
            args.push_back(argv[i]);
        }
    }
    int count_args = static_cast<int>(args.size());
    // Peak RSS growth of one parse each, the streamed one first (the peak only grows).
    const double base = peak_rss_mib();
    const std::string& body = listing();
    const double with_body = peak_rss_mib();
    const std::size_t streamed = read_streamed(body);
    const double after_streamed = peak_rss_mib();
    const std::size_t dom = read_dom(body);
    const double after_dom = peak_rss_mib();
    std::printf("listing: %zu snapshots, %.1f MiB of JSON (%.1f MiB resident)\n", g_snapshots,
                static_cast<double>(body.size()) / (1024.0 * 1024.0), with_body - base);
    std::printf("peak RSS growth, streamed reader: %.1f MiB (%zu snapshots kept)\n", after_streamed - with_body,
                streamed);
    std::printf("peak RSS growth, DOM parser:      %.1f MiB more (%zu snapshots kept)\n", after_dom - after_streamed,
                dom);
    std::fflush(stdout);
    benchmark::Initialize(&count_args, args.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
