// Renders the report of a synthetic 5,000-guest cluster (ReportData → build_document → PDF) and
// prints wall time, peak memory and page count. Target (2 slow cores): under 2 s, under 200 MB.
//
//   render_bench [--guests N] [--out report.pdf] [--repeat K]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <sys/resource.h>

#include "document/build_document.hpp"
#include "model/report_data.hpp"
#include "render/pdf_renderer.hpp"

namespace {

using namespace pvr;

constexpr std::int64_t k_generated_at = 1717243200; // 2024-06-01T12:00:00Z

model::ReportData make_report(std::size_t guests) {
    model::ReportData data;
    data.generated_at = k_generated_at;
    data.tool_version = "0.1.0";
    data.cluster.name = "pve-prod";
    data.cluster.pve_version = "8.2.4";
    data.cluster.pve_release = "8.2";
    data.cluster.quorate = true;
    for (int n = 1; n <= 8; ++n) {
        data.cluster.nodes.push_back({"pve" + std::to_string(n), "online", "10.0.0." + std::to_string(n), n == 1});
    }

    for (const char* id : {"pbs-main", "pbs-offsite"}) {
        model::PbsStorageReport storage;
        storage.storage.id = id;
        storage.storage.type = "pbs";
        storage.storage.content = {"backup"};
        storage.storage.pbs = model::PbsTarget{"pbs.example.org", 8007, id + 4, "", std::nullopt, "backup@pbs", false};
        storage.usage = model::StorageUsage{8'000'000'000'000,
                                            std::string(id) == "pbs-main" ? 7'400'000'000'000 : 3'200'000'000'000, 0};
        storage.usage->avail = storage.usage->total - storage.usage->used;
        data.pbs_storages.push_back(storage);
    }
    model::KeepOptions keep;
    keep.keep_daily = 7;
    keep.keep_weekly = 4;
    keep.keep_monthly = 6;
    data.retention_policies.push_back({"pbs-datastore", "main", "pbs-main", "main", "", std::nullopt, keep});
    for (int j = 0; j < 3; ++j) {
        model::BackupJob job;
        job.id = "backup-" + std::to_string(1000 + j);
        job.enabled = j != 2;
        job.schedule = j == 0 ? "21:00" : "sat 02:00";
        job.storage = j == 0 ? "pbs-main" : "pbs-offsite";
        job.mode = "snapshot";
        job.selection.all = j == 0;
        job.next_run = k_generated_at + 3600 * (j + 1);
        job.comment = "Nightly backup of every guest";
        data.backup_jobs.push_back(job);
    }

    for (std::size_t i = 0; i < guests; ++i) {
        model::GuestReport report;
        model::Guest& guest = report.guest;
        guest.vmid = 100 + static_cast<std::int64_t>(i);
        guest.type = i % 3 == 0 ? model::GuestType::lxc : model::GuestType::qemu;
        guest.node = "pve" + std::to_string(i % 8 + 1);
        guest.status = i % 11 == 0 ? "stopped" : "running";
        guest.name = i == 1 ? std::string("Frédéric-数据库-😀") : "app-" + std::to_string(i) + ".prod.example.com";
        guest.is_template = false;
        guest.pool = i % 4 == 0 ? std::optional<std::string>("production") : std::nullopt;
        guest.config_collected = true;
        if (i % 9 == 0) {
            guest.notes = "Owner: team " + std::to_string(i % 17) + ". Database replica, restore tested quarterly.";
        }
        guest.volumes.push_back({"scsi0", "local-lvm:vm-" + std::to_string(guest.vmid) + "-disk-0", true, ""});
        const std::size_t bucket = i % 100;
        if (bucket < 90) {
            report.coverage.status = model::CoverageStatus::scheduled;
            report.coverage.jobs = {"backup-1000"};
            report.coverage.reason = "Included by job backup-1000 (all guests).";
            model::LastBackup last;
            last.time = k_generated_at - 3600 * static_cast<std::int64_t>(8 + i % 40);
            last.storage = "pbs-main";
            last.datastore = "main";
            last.size = 20'000'000'000 + static_cast<std::int64_t>(i) * 1'000'000;
            last.verification = "ok";
            report.last_backup = last;
            report.retention.push_back({"pbs-main", "main", "", keep, 17, 17 - static_cast<std::int64_t>(i % 3),
                                        -static_cast<std::int64_t>(i % 3)});
            report.last_task = model::GuestBackupResult{guest.vmid,
                                                        guest.node,
                                                        last.time,
                                                        last.time + 600,
                                                        model::BackupOutcome::ok,
                                                        std::nullopt,
                                                        "UPID:" + guest.node + ":0000A1B2:00C3D4E5:665B1A2C:vzdump:" +
                                                            std::to_string(guest.vmid) + ":root@pam:"};
        } else if (bucket < 97) {
            report.coverage.status = model::CoverageStatus::not_backed_up;
            report.coverage.reason = "Excluded from job backup-1000 and included by no other enabled job.";
            data.anomalies.push_back({"guest_not_backed_up", model::Severity::critical, guest.subject(),
                                      "Guest " + std::to_string(guest.vmid) + " is not backed up by any job."});
        } else {
            report.coverage.status = model::CoverageStatus::undetermined;
            report.coverage.reason = "Node " + guest.node + " did not answer; its guests' configuration is unknown.";
        }
        data.guests.push_back(std::move(report));
    }
    auto& s = data.summary;
    s.guests_total = static_cast<std::int64_t>(guests);
    for (const auto& g : data.guests) {
        s.guests_scheduled += g.coverage.status == model::CoverageStatus::scheduled ? 1 : 0;
        s.guests_not_backed_up += g.coverage.status == model::CoverageStatus::not_backed_up ? 1 : 0;
        s.guests_undetermined += g.coverage.status == model::CoverageStatus::undetermined ? 1 : 0;
    }
    s.coverage_percent =
        guests == 0 ? 0.0
                    : std::round(1000.0 * static_cast<double>(s.guests_scheduled) / static_cast<double>(guests)) / 10.0;
    s.backup_jobs_total = 3;
    s.backup_jobs_enabled = 2;
    s.pbs_storages = 2;
    s.anomalies = static_cast<std::int64_t>(data.anomalies.size());
    return data;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    std::size_t guests = 5000;
    int repeat = 1;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--guests" && i + 1 < argc) {
            guests = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: %s [--guests N] [--out report.pdf] [--repeat K]\n", argv[0]);
            return 2;
        }
    }
    try {
        const model::ReportData data = make_report(guests);
        document::DocumentOptions document_options;
        for (int r = 0; r < repeat; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const document::Document doc = document::build_document(data, document_options);
            const double built = seconds_since(start);
            render::PdfRenderInfo info;
            const std::string pdf = render::render_pdf(doc, render::PdfOptions{}, info);
            const double total = seconds_since(start);
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
            std::printf("guests=%zu pages=%d pdf_bytes=%zu build_document=%.3f s render_pdf=%.3f s wall=%.3f s "
                        "process_cpu=%.3f s peak_rss=%.1f MB (target: wall < 2 s, peak < 200 MB)\n",
                        guests, info.pages, pdf.size(), built, total - built, total, cpu,
                        static_cast<double>(usage.ru_maxrss) / 1024.0);
            if (!out.empty() && r == 0) {
                std::ofstream(out, std::ios::binary) << pdf;
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "render_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
