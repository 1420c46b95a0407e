// The facts of collection issues (issue 13): request failures, parser warnings, repetitions.

#include "collect/fetch.hpp"
#include "collect/issue_facts.hpp"
#include "collect/issues.hpp"
#include "http/client.hpp"
#include "issue_fact_text.hpp"

#include <gtest/gtest.h>

using namespace pvr;
using namespace pvr::collect;
using pvr::collect::testing::fact_line;

namespace {

http::HttpError http_error(long status, const std::string& reason, const std::string& server = "",
                           ErrorKind kind = ErrorKind::http_status) {
    return {kind, "GET /x: HTTP " + std::to_string(status) + " " + reason, "/x", status, reason, server};
}

TEST(IssueFacts, ForbiddenWithPvesPermissionCheckNamesPrivilegeAndPath) {
    const auto error =
        http_error(403, "Permission check failed (/vms/100, VM.Audit)", "", ErrorKind::permission_denied);
    EXPECT_EQ(fact_line(failure_fact("/nodes/pve1/qemu/100/config", error, "VM.Audit on /vms/100")),
              "permission_missing endpoint=/nodes/pve1/qemu/100/config privilege=VM.Audit path=/vms/100 "
              "reason=Permission check failed (/vms/100, VM.Audit)");
}

TEST(IssueFacts, ForbiddenWithoutDetailNamesTheExpectedPrivilege) {
    const auto error = http_error(403, "Forbidden", "", ErrorKind::permission_denied);
    EXPECT_EQ(fact_line(failure_fact("/cluster/backup", error, "Sys.Audit on /")),
              "permission_probably_missing endpoint=/cluster/backup privilege=Sys.Audit path=/ reason=Forbidden");
    EXPECT_EQ(fact_line(failure_fact("/storage", error, "Datastore.Audit")),
              "permission_probably_missing endpoint=/storage privilege=Datastore.Audit reason=Forbidden");
    EXPECT_EQ(fact_line(failure_fact("/storage", error, "")), "permission_denied endpoint=/storage reason=Forbidden");
}

TEST(IssueFacts, HttpStatusKeepsTheServersWordsApart) {
    EXPECT_EQ(fact_line(failure_fact("/pools", http_error(500, "Internal Server Error", "disk full"), "")),
              "http_status endpoint=/pools status=500 reason=Internal Server Error (disk full)");
    EXPECT_EQ(fact_line(failure_fact("/pools", http_error(502, ""), "")), "http_status endpoint=/pools status=502");
    EXPECT_EQ(fact_line(failure_fact("/admin/prune",
                                     http_error(401, "authentication failure", "", ErrorKind::unauthenticated), "")),
              "auth_refused endpoint=/admin/prune status=401 reason=authentication failure");
}

TEST(IssueFacts, TransportFailuresByKind) {
    const auto transport = [](ErrorKind kind, const std::string& what) {
        return http::HttpError(kind, what, "/x", 0, "", "");
    };
    EXPECT_EQ(fact_line(failure_fact("/x", transport(ErrorKind::unreachable, "GET /x: connection refused"), "")),
              "endpoint_unreachable endpoint=/x detail=GET /x: connection refused");
    EXPECT_EQ(fact_line(failure_fact("/x", transport(ErrorKind::timeout, "GET /x: timed out"), "")),
              "request_timeout endpoint=/x detail=GET /x: timed out");
    EXPECT_EQ(fact_line(failure_fact("/x", transport(ErrorKind::tls, "GET /x: bad certificate"), "")),
              "certificate_untrusted endpoint=/x detail=GET /x: bad certificate");
    EXPECT_EQ(
        fact_line(failure_fact(
            "/x", transport(ErrorKind::invalid_response, "GET /x: answer larger than 64 MiB (MAX_RESPONSE_MB)"), "")),
        "response_too_large endpoint=/x detail=GET /x: answer larger than 64 MiB (MAX_RESPONSE_MB)");
    EXPECT_EQ(fact_line(failure_fact("/x", Error(ErrorKind::invalid_response, "GET /x: not JSON"), "")),
              "answer_unusable endpoint=/x detail=GET /x: not JSON");
    EXPECT_EQ(fact_line(failure_fact("/x", Error(ErrorKind::internal, "odd"), "")),
              "request_failed endpoint=/x detail=odd");
    const http::DeadlineExceeded deadline("run deadline of 10 s (REPORT_DEADLINE) exceeded while reading GET /x", "/x");
    EXPECT_EQ(fact_line(failure_fact("/x", deadline, "")),
              "deadline_exceeded endpoint=/x detail=run deadline of 10 s (REPORT_DEADLINE) exceeded while reading "
              "GET /x");
}

TEST(IssueFacts, UnusableAnswerWithoutTheRepeatedEndpoint) {
    EXPECT_EQ(fact_line(unusable_answer_fact(
                  "/cluster/backup", Error(ErrorKind::invalid_response, "GET /cluster/backup: data is not a list"))),
              "answer_unusable endpoint=/cluster/backup detail=data is not a list");
}

TEST(IssueFacts, ParserWarningsBecomeFieldOrEntryFacts) {
    EXPECT_EQ(fact_line(warning_fact("/storage", "GET /storage: data[2].port: expected an integer, got 'x' (ignored)")),
              "field_wrong_type endpoint=/storage location=data[2].port expected=integer value='x'");
    EXPECT_EQ(fact_line(warning_fact("/nodes", "GET /nodes: data[1]: entry without 'node', skipped")),
              "entry_missing_field endpoint=/nodes location=data[1] field=node");
    EXPECT_EQ(fact_line(warning_fact("/pools", "GET /pools: data[0]: prune job without 'id' or 'store', skipped")),
              "entry_skipped endpoint=/pools location=data[0] detail=prune job without 'id' or 'store'");
    EXPECT_EQ(fact_line(warning_fact("/pools?poolid=p",
                                     "GET /pools: data[0].members[3].vmid: expected an integer, got 'a' (entry "
                                     "skipped)")),
              "entry_wrong_type endpoint=/pools?poolid=p location=data[0].members[3].vmid expected=integer "
              "value='a'");
    EXPECT_EQ(fact_line(warning_fact("/x", "GET /x: data[0].vmid: expected a VMID list, got 'abc' (ignored)")),
              "field_unreadable endpoint=/x location=data[0].vmid detail=expected a VMID list, got 'abc'");
    EXPECT_EQ(fact_line(warning_fact("/storage", "GET /storage: data[0]: PBS storage without 'server' or 'datastore'")),
              "field_unreadable endpoint=/storage location=data[0] detail=PBS storage without 'server' or "
              "'datastore'");
    EXPECT_EQ(fact_line(warning_fact("/x", "something else")), "field_unreadable endpoint=/x detail=something else");
}

TEST(IssueFacts, WarningsBeyondTheLimitAreCountedInOneFact) {
    const std::vector<std::string> warnings = {"GET /x: data[0].a: bad (ignored)", "GET /x: data[1].a: bad (ignored)",
                                               "GET /x: data[2].a: bad (ignored)"};
    std::vector<std::string> facts;
    record_warnings(warnings, "/x", 2,
                    [&](const std::string&, const model::Fact& fact) { facts.push_back(fact_line(fact)); });
    EXPECT_EQ(facts, (std::vector<std::string>{"field_unreadable endpoint=/x location=data[0].a detail=bad",
                                               "field_unreadable endpoint=/x location=data[1].a detail=bad",
                                               "more_entries_unreadable endpoint=/x count=1"}));
}

TEST(IssueFacts, InvalidUtf8) {
    EXPECT_EQ(fact_line(invalid_utf8_fact("/storage", 3)), "invalid_utf8 endpoint=/storage count=3");
}

} // namespace
