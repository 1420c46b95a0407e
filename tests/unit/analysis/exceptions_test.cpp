#include "analysis/exceptions.hpp"
#include "analysis/verdict.hpp"
#include "core/time.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace pvr::analysis {
namespace {

using test::make_guest;

const std::int64_t k_now = *parse_iso8601("2026-11-27T07:00:00Z");

model::AcceptedException exception(std::string id, std::vector<std::string> accept, std::string until = "2027-06-30") {
    model::AcceptedException e;
    e.id = std::move(id);
    e.index = 1;
    e.line = 1;
    e.source = "file";
    e.file = "exc.toml";
    e.accept = std::move(accept);
    e.reason = "because";
    e.owner = "ops@example.com";
    e.until = std::move(until);
    return e;
}

model::Guest guest(std::int64_t vmid, std::optional<std::string> name = std::nullopt,
                   std::optional<std::string> pool = std::nullopt, std::vector<std::string> tags = {}) {
    auto g = make_guest(vmid, "pve1", model::GuestType::qemu, std::move(name));
    g.pool = std::move(pool);
    g.tags = std::move(tags);
    return g;
}

TEST(ExceptionMatch, Vmid) {
    auto e = exception("e", {"not_backed_up"});
    e.match.vmids = {100, 101};
    EXPECT_TRUE(exception_matches(e, guest(100)));
    EXPECT_TRUE(exception_matches(e, guest(101)));
    EXPECT_FALSE(exception_matches(e, guest(102)));
}

TEST(ExceptionMatch, NameGlobIsCaseInsensitive) {
    auto e = exception("e", {"not_backed_up"});
    e.match.name = "k8s-worker-?";
    EXPECT_TRUE(exception_matches(e, guest(113, "k8s-worker-1")));
    EXPECT_TRUE(exception_matches(e, guest(114, "K8S-Worker-2")));
    EXPECT_FALSE(exception_matches(e, guest(115, "k8s-worker-10")));
    EXPECT_FALSE(exception_matches(e, guest(116))); // no name
    e.match.name = "db-[ab]*";
    EXPECT_TRUE(exception_matches(e, guest(117, "db-a01")));
    EXPECT_FALSE(exception_matches(e, guest(118, "db-c01")));
}

TEST(ExceptionMatch, PoolAndTagAndAllCriteria) {
    auto e = exception("e", {"not_backed_up"});
    e.match.pool = "lab";
    EXPECT_TRUE(exception_matches(e, guest(220, "x", "lab")));
    EXPECT_FALSE(exception_matches(e, guest(221, "x", "lab2")));
    EXPECT_FALSE(exception_matches(e, guest(222)));
    e.match.tag = "windows";
    EXPECT_TRUE(exception_matches(e, guest(220, "x", "lab", {"lab", "Windows"})));
    EXPECT_FALSE(exception_matches(e, guest(220, "x", "lab", {"lab"}))); // every criterion must match
    e.match.vmids = {300};
    EXPECT_FALSE(exception_matches(e, guest(220, "x", "lab", {"windows"})));
}

TEST(ExceptionMatch, NoCriterionMatchesNothing) {
    EXPECT_FALSE(exception_matches(exception("e", {"overdue"}), guest(100)));
}

TEST(ExceptionExpiry, AppliesThroughItsLastDay) {
    const auto e = exception("e", {"overdue"}, "2026-11-27");
    EXPECT_FALSE(exception_expired(e, k_now));
    EXPECT_FALSE(exception_expired(e, *parse_iso8601("2026-11-27T23:59:59Z")));
    EXPECT_TRUE(exception_expired(e, *parse_iso8601("2026-11-28T00:00:00Z")));
    EXPECT_TRUE(exception_expired(exception("e", {"overdue"}, "2026-11-26"), k_now));
    auto forever = e;
    forever.until.reset();
    EXPECT_FALSE(exception_expired(forever, *parse_iso8601("2099-01-01T00:00:00Z")));
}

/// Guests 100 (covered, overdue, failed, retention mismatch), 9001 (not backed up), 220 and 221 (lab,
/// not backed up), with their anomalies.
model::ReportData sample() {
    model::ReportData data;
    const auto add = [&](model::Guest g, model::CoverageStatus status) {
        model::GuestReport report;
        report.guest = std::move(g);
        report.coverage.status = status;
        data.guests.push_back(report);
        ++data.summary.guests_total;
        data.summary.guests_not_backed_up += status == model::CoverageStatus::not_backed_up ? 1 : 0;
    };
    add(guest(100, "web01"), model::CoverageStatus::scheduled);
    data.guests.back().freshness.overdue = true;
    data.guests.back().last_task = model::GuestBackupResult{};
    data.guests.back().last_task->outcome = model::BackupOutcome::failed;
    add(guest(9001, "ubuntu-tmpl"), model::CoverageStatus::not_backed_up);
    add(guest(220, "lab-win11", "lab", {"lab"}), model::CoverageStatus::not_backed_up);
    add(guest(221, "lab-ansible", "lab", {"lab", "no-backup"}), model::CoverageStatus::not_backed_up);
    data.anomalies = {
        {"backup_overdue", model::Severity::critical, "vm/100", "overdue"},
        {"backup_failed", model::Severity::critical, "vm/100", "failed"},
        {"retention_mismatch", model::Severity::warning, "vm/100", "mismatch"},
        {"guest_not_backed_up", model::Severity::warning, "vm/9001", "template"},
        {"guest_not_backed_up", model::Severity::critical, "vm/220", "lab"},
        {"guest_only_disabled_jobs", model::Severity::warning, "vm/220", "disabled"},
        {"guest_not_backed_up", model::Severity::critical, "vm/221", "lab"},
        {"job_disabled", model::Severity::info, "job/backup-1", "disabled"},
    };
    return data;
}

const model::Anomaly* find(const model::ReportData& data, const std::string& kind, const std::string& subject) {
    const auto it = std::find_if(data.anomalies.begin(), data.anomalies.end(),
                                 [&](const auto& a) { return a.kind == kind && a.subject == subject; });
    return it == data.anomalies.end() ? nullptr : &*it;
}

TEST(ApplyExceptions, NothingToApplyChangesNothing) {
    auto data = sample();
    apply_exceptions(data, {}, std::nullopt, k_now);
    EXPECT_TRUE(data.exceptions.empty());
    EXPECT_EQ(data.anomalies.size(), 8U);
    const auto v = decide_verdict(data);
    EXPECT_EQ(v.guests_not_backed_up, 3);
    EXPECT_EQ(v.critical_anomalies, 4);
    EXPECT_EQ(v.accepted_guests_not_backed_up, 0);
}

TEST(ApplyExceptions, AcceptedItemsKeepTheirStatusAndLeaveTheVerdict) {
    auto data = sample();
    auto tmpl = exception("tmpl", {"not_backed_up"});
    tmpl.match.vmids = {9001};
    auto web = exception("web", {"overdue", "anomaly:backup_failed"});
    web.match.name = "web*";
    apply_exceptions(data, {tmpl, web}, std::nullopt, k_now);

    ASSERT_TRUE(data.guests[1].exception);
    EXPECT_EQ(data.guests[1].exception->exception.id, "tmpl");
    EXPECT_EQ(data.guests[1].exception->accepted,
              (std::vector<std::string>{"not_backed_up", "anomaly:guest_not_backed_up"}));
    EXPECT_EQ(data.guests[1].coverage.status, model::CoverageStatus::not_backed_up); // true status kept
    ASSERT_TRUE(data.guests[0].exception);
    EXPECT_EQ(data.guests[0].exception->accepted,
              (std::vector<std::string>{"overdue", "anomaly:backup_overdue", "anomaly:backup_failed"}));
    EXPECT_TRUE(data.guests[0].freshness.overdue.value_or(false));
    EXPECT_FALSE(data.guests[2].exception);

    EXPECT_EQ(find(data, "guest_not_backed_up", "vm/9001")->accepted_by, "tmpl");
    EXPECT_EQ(find(data, "backup_overdue", "vm/100")->accepted_by, "web");
    EXPECT_EQ(find(data, "backup_failed", "vm/100")->accepted_by, "web");
    EXPECT_FALSE(find(data, "retention_mismatch", "vm/100")->accepted_by); // not in its accept list
    EXPECT_FALSE(find(data, "guest_not_backed_up", "vm/220")->accepted_by);

    const auto v = decide_verdict(data);
    EXPECT_EQ(v.level, model::VerdictLevel::critical); // 220 and 221 are still not backed up
    EXPECT_EQ(v.guests_not_backed_up, 2);
    EXPECT_EQ(v.accepted_guests_not_backed_up, 1);
    EXPECT_EQ(v.critical_anomalies, 2);
    EXPECT_EQ(v.accepted_critical_anomalies, 2);
    EXPECT_EQ(v.warning_anomalies, 2);
    EXPECT_EQ(v.accepted_warning_anomalies, 1);
    EXPECT_EQ(v.failed_backups, 0);
    EXPECT_EQ(v.accepted_failed_backups, 1);
    EXPECT_EQ(v.overdue_backups, 0);
    EXPECT_EQ(v.accepted_overdue_backups, 1);

    ASSERT_EQ(data.exceptions.size(), 2U);
    EXPECT_EQ(data.exceptions[0].status, "active");
    EXPECT_EQ(data.exceptions[0].subjects, std::vector<std::string>{"vm/9001"});
    EXPECT_EQ(data.exceptions[0].accepted_findings, 1); // its anomaly
    EXPECT_EQ(data.exceptions[1].accepted_findings, 2);
}

TEST(ApplyExceptions, EverythingAcceptedMakesTheVerdictLighter) {
    auto data = sample();
    auto tmpl = exception("tmpl", {"not_backed_up"});
    tmpl.match.vmids = {9001};
    auto lab = exception("lab", {"not_backed_up"});
    lab.match.pool = "lab";
    auto web = exception("web", {"overdue", "retention_mismatch", "anomaly:backup_failed"});
    web.match.vmids = {100};
    apply_exceptions(data, {tmpl, lab, web}, std::nullopt, k_now);
    const auto v = decide_verdict(data);
    EXPECT_EQ(v.level, model::VerdictLevel::good); // only the info job_disabled is left
    EXPECT_EQ(v.guests_not_backed_up, 0);
    EXPECT_EQ(v.accepted_guests_not_backed_up, 3);
    EXPECT_EQ(v.info_anomalies, 1);
    // guest_only_disabled_jobs is accepted by not_backed_up too
    EXPECT_EQ(find(data, "guest_only_disabled_jobs", "vm/220")->accepted_by, "lab");
}

TEST(ApplyExceptions, ExpiredExceptionAcceptsNothingAndIsAnAnomaly) {
    auto data = sample();
    auto old = exception("old", {"not_backed_up"}, "2026-11-20");
    old.match.vmids = {9001};
    apply_exceptions(data, {old}, std::nullopt, k_now);
    EXPECT_FALSE(data.guests[1].exception);
    EXPECT_FALSE(find(data, "guest_not_backed_up", "vm/9001")->accepted_by);
    const auto* expired = find(data, "exception_expired", "exception/old");
    ASSERT_NE(expired, nullptr);
    EXPECT_EQ(expired->severity, model::Severity::warning);
    EXPECT_NE(expired->message.find("expired on 2026-11-20"), std::string::npos) << expired->message;
    EXPECT_NE(expired->message.find("exc.toml line 1"), std::string::npos);
    ASSERT_EQ(data.exceptions.size(), 1U);
    EXPECT_EQ(data.exceptions[0].status, "expired");
    EXPECT_EQ(decide_verdict(data).guests_not_backed_up, 3);
}

TEST(ApplyExceptions, UnusedExceptionIsAnInfoAnomaly) {
    auto data = sample();
    auto gone = exception("gone", {"not_backed_up"});
    gone.match.vmids = {305};
    auto first = exception("first", {"overdue"});
    first.match.vmids = {100};
    auto shadowed = exception("shadowed", {"retention_mismatch"});
    shadowed.match.name = "web01";
    apply_exceptions(data, {gone, first, shadowed}, std::nullopt, k_now);
    const auto* unused = find(data, "exception_unused", "exception/gone");
    ASSERT_NE(unused, nullptr);
    EXPECT_EQ(unused->severity, model::Severity::info);
    EXPECT_NE(unused->message.find("matches no guest"), std::string::npos);
    // The first matching exception wins: 100's retention mismatch stays.
    const auto* shadow = find(data, "exception_unused", "exception/shadowed");
    ASSERT_NE(shadow, nullptr);
    EXPECT_NE(shadow->message.find("earlier exception"), std::string::npos);
    EXPECT_FALSE(find(data, "retention_mismatch", "vm/100")->accepted_by);
    EXPECT_EQ(data.exceptions[0].status, "unused");
    EXPECT_EQ(data.exceptions[1].status, "active");
    EXPECT_EQ(data.exceptions[2].status, "unused");
}

TEST(ApplyExceptions, ExemptTag) {
    auto data = sample();
    apply_exceptions(data, {}, std::string("no-backup"), k_now);
    ASSERT_TRUE(data.guests[3].exception);
    const auto& e = data.guests[3].exception->exception;
    EXPECT_EQ(e.id, "tag:no-backup");
    EXPECT_EQ(e.source, "tag");
    EXPECT_EQ(e.reason, "tagged no-backup in PVE");
    EXPECT_FALSE(e.owner);
    EXPECT_FALSE(e.until);
    EXPECT_EQ(find(data, "guest_not_backed_up", "vm/221")->accepted_by, "tag:no-backup");
    EXPECT_EQ(decide_verdict(data).accepted_guests_not_backed_up, 1);
    // A tag no guest carries is not reported as unused.
    auto other = sample();
    apply_exceptions(other, {}, std::string("nobody"), k_now);
    EXPECT_EQ(other.anomalies.size(), 8U);
    ASSERT_EQ(other.exceptions.size(), 1U);
    EXPECT_EQ(other.exceptions[0].status, "unused");
}

} // namespace
} // namespace pvr::analysis
